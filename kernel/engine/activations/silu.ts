import { ElementwiseActivation } from "./definition";

export const silu: ElementwiseActivation = {
  kind: "elementwise", name: "silu", module: "SiLU", title: "SiLU (Swish)",
  latex: String.raw`\mathrm{SiLU}(x) = x \, \sigma(x) = \frac{x}{1 + e^{-x}}`,
  description: "Swish: the input gated by its own sigmoid; smooth, non-monotonic, keeps small negative values.",
  params: [{ name: "inplace", default: false, type: "bool", description: "Overwrite the input instead of allocating the output.", hidden: true }],
  reprIfSet: ["inplace"],
  gradFn: "SiluBackward0",
  forward: "x / (1 + Math.exp(-x))",
  backward: "g * (1 / (1 + Math.exp(-x))) * (1 + x * (1 - 1 / (1 + Math.exp(-x))))",
  usesInput: true,
  wasm: { kernel: "silu" },
};
