// Softmax and LogSoftmax normalise along one dimension, so they are not elementwise: each has
// its own forward over runs of the chosen dim, and its own backward.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { CompositeActivation, Params } from "./definition";
import { normalizeDim } from "../ops/strided";
import { RuntimeError } from "../errors";
import { float32 } from "../dtype";
import { EXACT } from "../ops/out";

const DIM = { name: "dim", default: null as unknown as number, type: "dim" as const, min: -4, max: 3, step: 1, description: "The dimension that sums to one." };

/** Applies fn to each run along `dim`, writing into a new tensor of x's shape. */
function alongDim(x: Tensor, dim: number, log: boolean): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const moved = x.ndim ? x.detach().transpose(d, -1).contiguous() : x.detach().reshape([1]);
  const data = moved._data, off = moved.offset;
  const n = x.ndim ? x.shape[d] : 1;
  const out = Tensor.empty(moved.shape, x.dtype.is_floating_point ? x.dtype : moved.dtype);
  const od = out._data;
  const single = x.dtype === float32;
  for (let start = 0; start < moved.numel(); start += n) {
    let m = -Infinity;
    for (let j = 0; j < n; j++) { const v = data[off + start + j]; if (v > m || v !== v) m = v; }
    let s = 0;
    // log-softmax of float32 sums in float32, as PyTorch's kernel does: 1 + 4e-8 is 1 there, so
    // the largest entry's log-probability can come out exactly 0
    if (log && single) for (let j = 0; j < n; j++) s = Math.fround(s + Math.fround(Math.exp(Math.fround(data[off + start + j] - m))));
    else for (let j = 0; j < n; j++) s += Math.exp(data[off + start + j] - m);
    const logS = log && single ? Math.fround(Math.log(s)) : Math.log(s);
    for (let j = 0; j < n; j++) {
      const z = data[off + start + j] - m;
      od[start + j] = log ? z - logS : Math.exp(z) / s;
    }
  }
  return x.ndim ? out.transpose(d, -1).contiguous() : out.reshape([]);
}

/** PyTorch's choice when dim is None (with a deprecation warning there): 0 for 0-, 1- and 3-d input, else 1. */
export function implicitDim(x: Tensor, dim: number | null | undefined): number {
  if (dim !== null && dim !== undefined) return dim;
  return x.ndim === 0 || x.ndim === 1 || x.ndim === 3 ? 0 : 1;
}

/** PyTorch's kernels take floats only, and name themselves by whether dim is the last one. */
function checkFloat(x: Tensor, dim: number, kernel: "softmax" | "log_softmax"): void {
  if (x.dtype.is_floating_point) return;
  const last = x.ndim === 0 || normalizeDim(dim, x.ndim) === x.ndim - 1;
  const name = x.dtype.scalarType;
  // (along another dim, log_softmax runs softmax's kernel, and is named after it)
  throw new RuntimeError(last ? `"${kernel}_lastdim_kernel_impl" not implemented for '${name}'` : `"softmax_kernel_impl" not implemented for '${name}'`);
}

export function softmaxOp(x: Tensor, dimArg: number | null): Tensor {
  const dim = implicitDim(x, dimArg);
  checkFloat(x, dim, "softmax");
  const y = alongDim(x, dim, false);
  return record(y, "SoftmaxBackward0", [x], (g, [result]) => [result!.mul(g.sub(g.mul(result!).sum(dim, true)))], [y]);
}

export function logSoftmaxOp(x: Tensor, dimArg: number | null): Tensor {
  const dim = implicitDim(x, dimArg);
  checkFloat(x, dim, "log_softmax");
  const y = alongDim(x, dim, true);
  return record(y, "LogSoftmaxBackward0", [x], (g, [result]) => [g.sub(result!.exp().mul(g.sum(dim, true)))], [y]);
}

export const softmax: CompositeActivation = {
  kind: "composite", name: "softmax", module: "Softmax", title: "Softmax",
  order: 220, also: ["tensor", "torch"],
  // torch.softmax's out= (F.softmax has none): out gets a grad_fn that refuses at backward
  out: { forms: ["torch"], spec: { aten: "softmax", dtype: EXACT, grad: "unimplemented" } },
  latex: String.raw`\mathrm{Softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}`,
  description: "Turns a vector of scores into probabilities that sum to one: the classifier's output layer.",
  formula: "Softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)      (along dim)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.softmax(x, 0)       // tensor([0.0217, 0.0975, 0.1607, 0.7201])\nx.softmax(0)          // tensor([0.0217, 0.0975, 0.1607, 0.7201])\nnew nn.Softmax(0)(x)  // tensor([0.0217, 0.0975, 0.1607, 0.7201])",
  params: [DIM], repr: ["dim"],
  apply: (x: Tensor, p: Params) => softmaxOp(x, p.dim as number),
};

export const log_softmax: CompositeActivation = {
  kind: "composite", name: "log_softmax", module: "LogSoftmax", title: "LogSoftmax",
  order: 230, also: ["tensor", "torch"],
  out: { forms: ["torch"], spec: { aten: "log_softmax", dtype: EXACT, grad: "unimplemented" } },
  latex: String.raw`\mathrm{LogSoftmax}(x)_i = x_i - \log \sum_j e^{x_j}`,
  description: "The log of softmax, computed stably; pairs with the negative log-likelihood loss.",
  formula: "LogSoftmax(x)ᵢ = xᵢ − log Σⱼ e^(xⱼ)      (along dim)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.log_softmax(x, 0)      // tensor([-3.8283, -2.3283, -1.8283, -0.3283])\nx.log_softmax(0)         // tensor([-3.8283, -2.3283, -1.8283, -0.3283])\nnew nn.LogSoftmax(0)(x)  // tensor([-3.8283, -2.3283, -1.8283, -0.3283])",
  params: [DIM], repr: ["dim"],
  apply: (x: Tensor, p: Params) => logSoftmaxOp(x, p.dim as number),
};
