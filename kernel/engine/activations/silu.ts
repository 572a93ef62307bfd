import { ElementwiseActivation, INPLACE } from "./definition";

export const silu: ElementwiseActivation = {
  kind: "elementwise", name: "silu", module: "SiLU", title: "SiLU (Swish)",
  order: 60,
  latex: String.raw`\mathrm{SiLU}(x) = x \, \sigma(x) = \frac{x}{1 + e^{-x}}`,
  description: "Swish: the input gated by its own sigmoid; smooth, non-monotonic, keeps small negative values.",
  formula: "SiLU(x) = x · σ(x),   σ(x) = 1 / (1 + e⁻ˣ)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.silu(x)         // tensor([-0.2384, -0.1888,  0.0000,  1.2264])\nnew nn.SiLU()(x)  // tensor([-0.2384, -0.1888,  0.0000,  1.2264])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "SiluBackward0",
  forward: "x / (1 + Math.exp(-x))",
  backward: "g * (1 / (1 + Math.exp(-x))) * (1 + x * (1 - 1 / (1 + Math.exp(-x))))",
  integers: { kind: "refuse", kernel: "silu_cpu" },
  wasm: { kernel: "silu" },
};
