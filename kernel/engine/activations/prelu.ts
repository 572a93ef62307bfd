// PReLU: LeakyReLU whose negative slope is a learned weight (one, or one per channel).
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { RuntimeError } from "../errors";
import { elementwise } from "../ops/elementwise";
import { CompositeActivation, Params } from "./definition";

/** The weight shaped to broadcast over the channel dimension (dim 1; input of fewer dims has one channel). */
function channelView(x: Tensor, weight: Tensor): Tensor {
  const n = weight.numel();
  if (weight.ndim > 1) throw new RuntimeError(`prelu: Expected \`weight\` to be a scalar or 1D tensor, but got ndim = ${weight.ndim}`);
  if (n === 1) return weight.reshape([]);
  if (x.ndim === 0) throw new RuntimeError("Not allow zero-dim input tensor.");
  const channels = x.ndim > 1 ? x.shape[1] : 1;
  if (channels !== n) {
    throw new RuntimeError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${channels}.`);
  }
  return weight.reshape(x.shape.map((d, i) => (i === 1 ? d : 1)));
}

export function preluOp(x: Tensor, weight: Tensor): Tensor {
  if (weight.dtype !== x.dtype) throw new RuntimeError(`Found dtype ${weight.dtype.scalarType} but expected ${x.dtype.scalarType}`);
  const w = channelView(x, weight.detach());
  const out = elementwise(["x", "w"], "x > 0 ? x : w * x", [x, w], x.dtype);
  return record(out, "PreluBackward0", [x, weight], (g, [self, wt]) => {
    const ws = channelView(self!, wt!.detach());
    return [
      x.requires_grad ? elementwise(["x", "w", "g"], "x > 0 ? g : w * g", [self!, ws, g], g.dtype) : null,
      weight.requires_grad ? elementwise(["x", "g"], "x > 0 ? 0 : x * g", [self!, g], g.dtype).sum_to_size(ws.shape).reshape(weight.shape) : null,
    ];
  }, [x, weight]);
}

export const prelu: CompositeActivation = {
  kind: "composite", name: "prelu", module: "PReLU", title: "PReLU",
  order: 30, also: ["torch"], arithmetic: "piecewise-linear",
  latex: String.raw`\mathrm{PReLU}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},\ a \text{ learned}`,
  description: "Leaky ReLU whose negative slope is learned during training, one per channel or shared.",
  formula: "PReLU(x) = x       if x > 0\n           a · x   otherwise      (a learned: one shared, or one per channel)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.prelu(x, torch.tensor([0.25]))  // tensor([-0.5000, -0.1250,  0.0000,  1.5000])\nnew nn.PReLU()(x)                 // tensor([-0.5000, -0.1250,  0.0000,  1.5000], grad_fn=<PreluBackward0>)",
  callParams: { weight: "The slopes a for negative inputs: one shared, or one per channel (dim 1 of the input)." },
  params: [
    { name: "num_parameters", default: 1, type: "int", min: 1, max: 1, step: 1, description: "Number of slopes: 1 shared, or one per input channel.", hidden: true },
    { name: "init", default: 0.25, type: "float", min: 0, max: 1, step: 0.01, description: "Initial slope a." },
  ],
  repr: ["num_parameters"],
  learnable: true,
  weights: (p) => {
    const n = p.num_parameters as number;
    // PReLU(0) constructs in PyTorch and fails when called; a negative count cannot make a weight
    if (!Number.isInteger(n) || n < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
    return { weight: Tensor.empty([n]).fill_(p.init as number) };
  },
  call: (input: Tensor, weight: Tensor) => preluOp(input, weight),
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) =>
    preluOp(x, weights?.weight ?? Tensor.empty([1], x.dtype).fill_(p.init as number)),
};
