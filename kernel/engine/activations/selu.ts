import { ElementwiseActivation, INPLACE } from "./definition";

const ALPHA = 1.6732632423543772848170429916717;
const SCALE = 1.0507009873554804934193349852946;

export const selu: ElementwiseActivation = {
  kind: "elementwise", name: "selu", module: "SELU", title: "SELU",
  order: 140, also: ["torch", "torch_", "F_"],
  latex: String.raw`\mathrm{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases},\ \lambda \approx 1.0507,\ \alpha \approx 1.6733`,
  description: "Scaled ELU whose constants keep activations near zero mean and unit variance (self-normalising).",
  formula: "SELU(x) = λ · x              if x > 0\n          λ · α · (eˣ − 1)   otherwise      (α ≈ 1.6733, λ ≈ 1.0507)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.selu(x)         // tensor([-1.5202, -0.6918,  0.0000,  1.5761])\nnew nn.SELU()(x)  // tensor([-1.5202, -0.6918,  0.0000,  1.5761])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "EluBackward0",
  forward: "x <= 0 ? p.negcoef * (Math.exp(x) - 1) : p.scale * x",
  backward: "x !== x ? x : (x <= 0 ? g * p.negcoef * Math.exp(x) : g * p.scale)",
  numeric: () => ({ negcoef: ALPHA * SCALE, scale: SCALE }),
  integers: { kind: "refuse", kernel: "elu_cpu" },
  // selu_ is elu_ with PyTorch's constants, differentiated from its result
  inplaceForm: {
    gradFn: "EluBackward1",
    backward: "y !== y ? y : (y <= 0 ? g * (y + p.negcoef) : g * p.scale)",
  },
  wasm: { kernel: "elu", args: (n) => [n.negcoef, n.negcoef, 1, n.scale] },
};
