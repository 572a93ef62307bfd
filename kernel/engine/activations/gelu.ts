import { ElementwiseActivation, Params } from "./definition";
import { SAME, elementwiseOut } from "../ops/out";

// Exact: x·Φ(x) with Φ the standard normal CDF. 'tanh': the approximation BERT and GPT-2 used.
const EXACT_FWD = "x * 0.5 * (1 + erf(x * Math.SQRT1_2))";
const EXACT_BWD = "g * (0.5 * (1 + erf(x * Math.SQRT1_2)) + x * Math.exp(-0.5 * x * x) * 0.3989422804014327)";
const K = "0.7978845608028654"; // sqrt(2/pi)
const TANH_FWD = `0.5 * x * (1 + Math.tanh(${K} * (x + 0.044715 * x * x * x)))`;
const TANH_BWD = `g * (0.5 * (1 + Math.tanh(${K} * (x + 0.044715 * x * x * x))) + 0.5 * x * (1 - Math.tanh(${K} * (x + 0.044715 * x * x * x)) ** 2) * ${K} * (1 + 3 * 0.044715 * x * x))`;

export const gelu: ElementwiseActivation = {
  kind: "elementwise", name: "gelu", module: "GELU", title: "GELU",
  order: 80,
  // F.gelu is ATen's own function, which takes out= (F.sigmoid, a Python wrapper, does not)
  out: { forms: ["F"], spec: elementwiseOut("gelu", SAME) },
  latex: String.raw`\mathrm{GELU}(x) = x \, \Phi(x) = \frac{x}{2}\left(1 + \mathrm{erf}\frac{x}{\sqrt{2}}\right)`,
  description: "Weights each input by the probability that a standard normal falls below it: the transformer default.",
  formula: "GELU(x) = x · Φ(x) = x/2 · (1 + erf(x / √2))\napproximate='tanh':  x/2 · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.gelu(x)          // tensor([-0.0455, -0.1543,  0.0000,  1.3998])\nF.gelu(x, \"tanh\")  // tensor([-0.0454, -0.1543,  0.0000,  1.3996])\nnew nn.GELU()(x)   // tensor([-0.0455, -0.1543,  0.0000,  1.3998])",
  params: [
    { name: "approximate", default: "none", type: "choice", choices: ["none", "tanh"], description: "'none' for the exact erf form, 'tanh' for the tanh approximation.",
      choiceError: "approximate argument must be either none or tanh." },
  ],
  repr: ["approximate"],
  gradFn: "GeluBackward0",
  forward: (p: Params) => (p.approximate === "tanh" ? TANH_FWD : EXACT_FWD),
  backward: (p: Params) => (p.approximate === "tanh" ? TANH_BWD : EXACT_BWD),
  numeric: () => ({}),
  integers: { kind: "refuse", kernel: "GeluKernelImpl" },
  wasm: { kernel: (p: Params) => (p.approximate === "tanh" ? "gelu_tanh" : "gelu") },
};
