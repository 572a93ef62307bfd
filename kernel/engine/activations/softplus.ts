import { ElementwiseActivation } from "./definition";
import { SAME, elementwiseOut } from "../ops/out";

export const softplus: ElementwiseActivation = {
  kind: "elementwise", name: "softplus", module: "Softplus", title: "Softplus",
  order: 120,
  out: { forms: ["F"], spec: elementwiseOut("softplus", SAME) },
  latex: String.raw`\mathrm{Softplus}(x) = \frac{1}{\beta} \log\left(1 + e^{\beta x}\right)`,
  description: "A smooth ReLU; reverts to the identity above the threshold for numerical stability.",
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
