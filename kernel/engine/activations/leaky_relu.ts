import { ElementwiseActivation, INPLACE } from "./definition";

export const leaky_relu: ElementwiseActivation = {
  kind: "elementwise", name: "leaky_relu", module: "LeakyReLU", title: "Leaky ReLU",
  order: 20, also: ["F_"], arithmetic: "piecewise-linear",
  latex: String.raw`\mathrm{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}`,
  description: "ReLU with a small fixed slope for negative inputs, so no unit stops learning.",
  formula: "LeakyReLU(x) = x                   if x > 0\n               negative_slope · x  otherwise",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.leaky_relu(x, 0.1)      // tensor([-0.2000, -0.0500,  0.0000,  1.5000])\nnew nn.LeakyReLU(0.1)(x)  // tensor([-0.2000, -0.0500,  0.0000,  1.5000])",
  params: [
    { name: "negative_slope", default: 0.01, type: "float", min: 0, max: 1, step: 0.01, description: "Slope α for negative inputs." },
    INPLACE,
  ],
  repr: ["negative_slope"], reprIfSet: ["inplace"],
  gradFn: "LeakyReluBackward0",
  forward: "x > 0 ? x : x * p.negative_slope",
  backward: "x > 0 ? g : g * p.negative_slope",
  integers: { kind: "refuse", kernel: "leaky_relu_cpu" },
  inplaceForm: {
    gradFn: "LeakyReluBackward1",
    backward: "y > 0 ? g : g * p.negative_slope",
    refuse: (n) => (n.negative_slope < 0
      ? "In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. This is caused by calling in-place forward function with a negative slope, please call out-of-place version instead. File an issue at https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu backward calculation with negative slope"
      : null),
  },
  wasm: { kernel: "leaky_relu", args: (n) => [n.negative_slope] },
};
