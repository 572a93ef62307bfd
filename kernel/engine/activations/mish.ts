import { ElementwiseActivation, INPLACE } from "./definition";

export const mish: ElementwiseActivation = {
  kind: "elementwise", name: "mish", module: "Mish", title: "Mish",
  order: 130,
  latex: String.raw`\mathrm{Mish}(x) = x \tanh\big(\mathrm{softplus}(x)\big)`,
  description: "A smooth, non-monotonic self-gated activation close to Swish.",
  formula: "Mish(x) = x · tanh(softplus(x)) = x · tanh(log(1 + eˣ))",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.mish(x)         // tensor([-0.2525, -0.2207,  0.0000,  1.4034])\nnew nn.Mish()(x)  // tensor([-0.2525, -0.2207,  0.0000,  1.4034])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "MishBackward0",
  forward: "x * Math.tanh(Math.log1p(Math.exp(x)))",
  backward: "g * (Math.tanh(Math.log1p(Math.exp(x))) + x * (1 / (1 + Math.exp(-x))) * (1 - Math.tanh(Math.log1p(Math.exp(x))) ** 2))",
  integers: { kind: "refuse", kernel: "mish_cpu" },
  wasm: { kernel: "mish" },
};
