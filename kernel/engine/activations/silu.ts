import { ElementwiseActivation, INPLACE } from "./definition";

export const silu: ElementwiseActivation = {
  kind: "elementwise", name: "silu", module: "SiLU", title: "SiLU (Swish)",
  order: 60,
  latex: String.raw`\mathrm{SiLU}(x) = x \, \sigma(x) = \frac{x}{1 + e^{-x}}`,
  description: "Swish: the input gated by its own sigmoid; smooth, non-monotonic, keeps small negative values.",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "SiluBackward0",
  forward: "x / (1 + Math.exp(-x))",
  backward: "g * (1 / (1 + Math.exp(-x))) * (1 + x * (1 - 1 / (1 + Math.exp(-x))))",
  integers: { kind: "refuse", kernel: "silu_cpu" },
  wasm: { kernel: "silu" },
};
