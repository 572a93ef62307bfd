import { CompositeActivation } from "./definition";

export const softsign: CompositeActivation = {
  kind: "composite", name: "softsign", module: "Softsign", title: "Softsign",
  order: 190,
  latex: String.raw`\mathrm{Softsign}(x) = \frac{x}{1 + |x|}`,
  description: "A tanh-like squashing with polynomial rather than exponential tails.",
  params: [],
  integers: { kind: "float32", boolError: "\"abs_cpu\" not implemented for 'Bool'" },
  // PyTorch composes it from abs, add and div, so its grad_fn is DivBackward0
  apply: (x) => x.div(x.abs().add(1)),
};
