import { ElementwiseActivation, INPLACE } from "./definition";
import { elementwiseOut } from "../ops/out";

export const threshold: ElementwiseActivation = {
  kind: "elementwise", name: "threshold", module: "Threshold", title: "Threshold",
  order: 210, also: ["torch", "torch_", "F_"], arithmetic: "piecewise-linear",
  out: { forms: ["torch"], spec: elementwiseOut("threshold") },
  latex: String.raw`\mathrm{Threshold}(x) = \begin{cases} x & x > t \\ v & x \le t \end{cases}`,
  description: "Replaces every input at or below a threshold by a fixed value.",
  formula: "Threshold(x) = x       if x > threshold\n               value   otherwise",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.threshold(x, 0.1, 20)      // tensor([20.0000, 20.0000, 20.0000,  1.5000])\nnew nn.Threshold(-1, -1)(x)  // tensor([-1.0000, -0.5000,  0.0000,  1.5000])",
  params: [
    { name: "threshold", default: 0, required: true, type: "float", min: -3, max: 3, step: 0.1, description: "The threshold t." },
    { name: "value", default: 0, required: true, type: "float", min: -3, max: 3, step: 0.1, description: "The value v that replaces inputs at or below t." },
    INPLACE,
  ],
  repr: ["threshold", "value"], reprIfSet: ["inplace"],
  gradFn: "ThresholdBackward0",
  forward: "x <= p.threshold ? p.value : x",
  backward: "x <= p.threshold ? 0 : g",
  integers: { kind: "keep", boolError: "\"threshold_cpu\" not implemented for 'Bool'" },
  // threshold_ is a derivative entry of its own: same formula, on a copy of the input
  inplaceForm: { gradFn: "ThresholdBackward1" },
  wasm: { kernel: "threshold", args: (n) => [n.threshold, n.value] },
};
