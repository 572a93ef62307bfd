import { ElementwiseActivation } from "./definition";
import { SAME, elementwiseOut } from "../ops/out";

export const softplus: ElementwiseActivation = {
  kind: "elementwise", name: "softplus", module: "Softplus", title: "Softplus",
  order: 120,
  out: { forms: ["F"], spec: elementwiseOut("softplus", SAME) },
  latex: String.raw`\mathrm{Softplus}(x) = \frac{1}{\beta} \log\left(1 + e^{\beta x}\right)`,
  description: "A smooth ReLU; reverts to the identity above the threshold for numerical stability.",
  formula: "Softplus(x) = (1/β) · log(1 + e^(β·x)),   and x itself where β·x > threshold",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.softplus(x)          // tensor([0.1269, 0.4741, 0.6931, 1.7014])\nnew nn.Softplus(2)(x)  // tensor([0.0091, 0.1566, 0.3466, 1.5243])",
  params: [
    { name: "beta", default: 1, type: "number", min: 0.1, max: 5, step: 0.1, description: "Sharpness β: larger is closer to ReLU." },
    { name: "threshold", default: 20, type: "number", min: 1, max: 40, step: 1, description: "Above βx > threshold the output is x." },
  ],
  repr: ["beta", "threshold"],
  gradFn: "SoftplusBackward0",
  forward: "x * p.beta > p.threshold ? x : Math.log1p(Math.exp(x * p.beta)) / p.beta",
  backward: "x * p.beta > p.threshold ? g : g * (1 - 1 / (1 + Math.exp(x * p.beta)))",
  integers: { kind: "refuse", kernel: "softplus_cpu" },
  wasm: { kernel: "softplus", args: (n) => [n.beta, n.threshold] },
};
