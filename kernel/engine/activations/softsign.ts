import { CompositeActivation } from "./definition";

export const softsign: CompositeActivation = {
  kind: "composite", name: "softsign", module: "Softsign", title: "Softsign",
  order: 190,
  latex: String.raw`\mathrm{Softsign}(x) = \frac{x}{1 + |x|}`,
  description: "A tanh-like squashing with polynomial rather than exponential tails.",
  formula: "Softsign(x) = x / (1 + |x|)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.softsign(x)         // tensor([-0.6667, -0.3333,  0.0000,  0.6000])\nnew nn.Softsign()(x)  // tensor([-0.6667, -0.3333,  0.0000,  0.6000])",
  params: [],
  integers: { kind: "float32", boolError: "\"abs_cpu\" not implemented for 'Bool'" },
  // PyTorch composes it from abs, add and div, so its grad_fn is DivBackward0
  apply: (x) => x.div(x.abs().add(1)),
};
