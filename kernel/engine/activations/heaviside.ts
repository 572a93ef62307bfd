// The Heaviside step: the historical perceptron activation. PyTorch defines no derivative.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { RuntimeError } from "../errors";
import { elementwise } from "../ops/elementwise";
import { Dest, elementwiseOut, fresh, unimplemented } from "../ops/out";
import { CompositeActivation, Params } from "./definition";

const DIFFERENT_DTYPES = "heaviside is not yet implemented for tensors with different dtypes.";

export function heavisideOp(x: Tensor, values: Tensor, dest: Dest = fresh): Tensor {
  if (!(values instanceof Tensor)) throw new TypeError("heaviside(): argument 'values' (position 2) must be Tensor");
  if (x.dtype !== values.dtype) throw new RuntimeError(DIFFERENT_DTYPES);
  const out = elementwise(["x", "v"], "x === 0 ? v : (x > 0 ? 1 : 0)", [x, values], x.dtype, {}, undefined, dest);
  return record(out, "torch::autograd::NotImplemented", [x, values], unimplemented("heaviside"), [null]);
}

export const heaviside: CompositeActivation = {
  kind: "composite", name: "heaviside", module: "", title: "Step (Heaviside)",
  order: 110, also: ["tensor", "torch"], arithmetic: "piecewise-linear",
  // no derivative: out= with an input that requires grad gives out a grad_fn that refuses at backward
  out: { forms: ["torch"], spec: elementwiseOut("heaviside", (r, o) => (r === o ? null : DIFFERENT_DTYPES), "unimplemented") },
  latex: String.raw`H(x) = \begin{cases} 1 & x > 0 \\ v & x = 0 \\ 0 & x < 0 \end{cases}`,
  description: "The perceptron's all-or-nothing step; its zero gradient is why it cannot be trained by backpropagation.",
  formula: "H(x) = 0        if x < 0\n       values   if x = 0\n       1        if x > 0",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\ntorch.heaviside(x, torch.tensor([0.5]))  // tensor([0.0000, 0.0000, 0.5000, 1.0000])\nx.heaviside(torch.tensor([1.0]))         // tensor([0., 0., 1., 1.])",
  callParams: { values: "The result where the input is exactly 0, broadcast against the input." },
  params: [{ name: "values", default: 0.5, type: "float", min: 0, max: 1, step: 0.5, description: "The output v at exactly 0." }],
  call: (input: Tensor, values: Tensor, dest: Dest = fresh) => heavisideOp(input, values, dest),
  apply: (x: Tensor, p: Params) => heavisideOp(x, Tensor.empty([], x.dtype).fill_(p.values as number)),
};
