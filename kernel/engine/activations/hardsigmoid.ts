import { ElementwiseActivation, INPLACE } from "./definition";

export const hardsigmoid: ElementwiseActivation = {
  kind: "elementwise", name: "hardsigmoid", module: "Hardsigmoid", title: "Hardsigmoid",
  order: 170, arithmetic: "float32-rational",
  latex: String.raw`\mathrm{Hardsigmoid}(x) = \frac{\min(\max(x + 3, 0), 6)}{6}`,
  description: "A piecewise-linear sigmoid that is cheap on mobile hardware.",
  formula: "Hardsigmoid(x) = min(max(x/6 + 1/2, 0), 1)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.hardsigmoid(x)         // tensor([0.1667, 0.4167, 0.5000, 0.7500])\nnew nn.Hardsigmoid()(x)  // tensor([0.1667, 0.4167, 0.5000, 0.7500])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "HardsigmoidBackward0",
  // float32 throughout, as PyTorch's CPU kernel
  forward: "x !== x ? x : Math.min(Math.max(f32(x + 3), 0), 6) / 6",
  // PyTorch multiplies by the float constant 1.0f/6.0f, in float64 too
  backward: "(x > -3 && x < 3) ? g * 0.1666666716337204 : 0",
  integers: { kind: "refuse", kernel: "hardsigmoid_cpu" },
  wasm: { kernel: "hardsigmoid" },
};
