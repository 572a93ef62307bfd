import { ElementwiseActivation, INPLACE, ELU_NEGATIVE_SLOPE } from "./definition";

export const elu: ElementwiseActivation = {
  kind: "elementwise", name: "elu", module: "ELU", title: "ELU",
  order: 40, also: ["F_"],
  latex: String.raw`\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}`,
  description: "Smooth exponential negative side that saturates at -α, pulling the mean activation towards zero.",
  formula: "ELU(x) = x              if x > 0\n         α · (eˣ − 1)   otherwise",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.elu(x)            // tensor([-0.8647, -0.3935,  0.0000,  1.5000])\nnew nn.ELU(0.5)(x)  // tensor([-0.4323, -0.1967,  0.0000,  1.5000])",
  params: [
    { name: "alpha", default: 1, type: "float", min: 0, max: 3, step: 0.05, description: "Saturation value -α for large negative inputs." },
    INPLACE,
  ],
  repr: ["alpha"], reprIfSet: ["inplace"],
  gradFn: "EluBackward0",
  forward: "x <= 0 ? p.alpha * (Math.exp(x) - 1) : x",
  backward: "x !== x ? x : (x <= 0 ? g * p.alpha * Math.exp(x) : g)",
  integers: { kind: "refuse", kernel: "elu_cpu" },
  // elu_ differentiates from its result (PyTorch's is_result=True): the input's sign is the result's
  inplaceForm: {
    gradFn: "EluBackward1",
    backward: "y !== y ? y : (y <= 0 ? g * (y + p.alpha) : g)",
    refuse: ELU_NEGATIVE_SLOPE,
  },
  wasm: { kernel: "elu", args: (n) => [n.alpha, n.alpha, 1, 1] },
};
