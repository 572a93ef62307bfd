// Loss functions (functional and module forms) with PyTorch's reductions and grad_fn names.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindArgs } from "../args";
import { RuntimeError, ValueError } from "../errors";
import { int64 } from "../dtype";
import { elementwise } from "../ops/elementwise";
import { contiguousData, sameShape } from "../ops/strided";
import { logSoftmaxOp } from "../activations/softmax";
import { Module } from "./module";
import { fused } from "../autograd/fused";

type Reduction = "mean" | "sum" | "none";

function reduce(x: Tensor, reduction: Reduction): Tensor {
  if (reduction === "mean") return x.mean();
  if (reduction === "sum") return x.sum();
  if (reduction === "none") return x;
  throw new ValueError(`${reduction} is not a valid value for reduction`);
}

/** The gradient scale of a reduction: 1/n for mean. */
function scale(g: Tensor, n: number, reduction: Reduction): Tensor { return reduction === "mean" ? g.div(n) : g; }

function checkSameSize(input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    throw new ValueError(`Using a target size (torch.Size([${target.shape.join(", ")}])) that is different to the input size (torch.Size([${input.shape.join(", ")}])) is deprecated. Please ensure they have the same size.`);
  }
}

/**
 * A loss whose per-element value and gradients are expressions in x (input), t (target); the
 * target's gradient is the input's negated unless given (`bwdTarget`).
 */
function pointwiseLoss(name: string, input: Tensor, target: Tensor, reduction: Reduction, fwd: string, bwd: string, params: Record<string, number> = {}, bwdTarget?: string): Tensor {
  const perElement = elementwise(["x", "t"], fwd, [input.detach(), target.detach()], input.dtype, params);
  const out = reduce(perElement, reduction);
  const n = perElement.numel();
  return record(out, name, [input, target], (g, [self, tgt]) => {
    const local = elementwise(["x", "t"], bwd, [self!.detach(), tgt!.detach()], input.dtype, params);
    const gg = reduction === "none" ? g : scale(g, n, reduction);
    const targetLocal = bwdTarget ? elementwise(["x", "t"], bwdTarget, [self!.detach(), tgt!.detach()], input.dtype, params) : null;
    return [input.requires_grad ? local.mul(gg) : null, target.requires_grad ? (targetLocal ? targetLocal.mul(gg) : local.mul(gg).neg()) : null];
  }, [input, target]);
}

export function mse_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const { reduction } = bindArgs("mse_loss", args, { size_average: null, reduce: null, reduction: "mean" as Reduction });
  if (!sameShape(input.shape, target.shape)) {
    // PyTorch warns and broadcasts
    const [x, t] = [input.expand(broadcast(input, target)), target.expand(broadcast(input, target))];
    return pointwiseLoss("MseLossBackward0", x, t, reduction, "(x - t) * (x - t)", "2 * (x - t)");
  }
  return pointwiseLoss("MseLossBackward0", input, target, reduction, "(x - t) * (x - t)", "2 * (x - t)");
}

function broadcast(a: Tensor, b: Tensor): number[] {
  return a.add(b).shape;
}

export function l1_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const { reduction } = bindArgs("l1_loss", args, { size_average: null, reduce: null, reduction: "mean" as Reduction });
  return reduce(input.sub(target).abs(), reduction);
}

export function binary_cross_entropy(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const { weight, reduction } = bindArgs("binary_cross_entropy", args, { weight: null as Tensor | null, size_average: null, reduce: null, reduction: "mean" as Reduction });
  checkSameSize(input, target);
  const data = contiguousData(input);
  for (let i = 0; i < data.length; i++) {
    if (!(data[i] >= 0 && data[i] <= 1)) throw new RuntimeError("all elements of input should be between 0 and 1");
  }
  // PyTorch clamps the logs at -100 so a confident wrong answer costs 100, not infinity
  const loss = pointwiseLoss("BinaryCrossEntropyBackward0", input, target, reduction,
    "-(t * Math.max(Math.log(x), -100) + (1 - t) * Math.max(Math.log(1 - x), -100))",
    "(x - t) / Math.max((1 - x) * x, 1e-12)", {},
    // PyTorch's binary_cross_entropy_target_backward: -logit(x)
    "-Math.log(x / (1 - x))");
  return weight ? loss.mul(weight) : loss;
}

export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const { reduction, pos_weight } = bindArgs("binary_cross_entropy_with_logits", args, { weight: null as Tensor | null, size_average: null, reduce: null, reduction: "mean" as Reduction, pos_weight: null as Tensor | null });
  checkSameSize(input, target);
  if (pos_weight) {
    // (1 - t)·x + (1 + (w - 1)·t)·(log(1 + e^{-|x|}) + max(-x, 0))
    return fused("BinaryCrossEntropyWithLogitsBackward0", [input, target, pos_weight], (x, t, w) => {
      const logWeight = w!.sub(1).mul(t!).add(1);
      const softplusNeg = x!.abs().neg().exp().add(1).log().add(x!.neg().clamp({ min: 0 }));
      return reduce(t!.neg().add(1).mul(x!).add(logWeight.mul(softplusNeg)), reduction);
    });
  }
  return pointwiseLoss("BinaryCrossEntropyWithLogitsBackward0", input, target, reduction,
    "Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)))",
    "1 / (1 + Math.exp(-x)) - t");
}

export function nll_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const { reduction, ignore_index, weight } = bindArgs("nll_loss", args, { weight: null as Tensor | null, size_average: null, ignore_index: -100, reduce: null, reduction: "mean" as Reduction });
  const w = weight ? contiguousData(weight) : null;
  if (target.dtype !== int64) throw new RuntimeError(`expected scalar type Long but found ${target.dtype.scalarType}`);
  const x2 = input.ndim === 1 ? input.unsqueeze(0) : input;
  const t1 = input.ndim === 1 ? target.reshape([1]) : target;
  const [n, c] = x2.shape;
  if (t1.shape[0] !== n) throw new ValueError(`Expected input batch_size (${n}) to match target batch_size (${t1.shape[0]}).`);
  const xs = contiguousData(x2), ts = contiguousData(t1);
  const losses = Tensor.empty([n], input.dtype);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const k = ts[i];
    if (k === ignore_index) { losses._data[i] = 0; continue; }
    if (k < 0 || k >= c) throw new IndexError_(`Target ${k} is out of bounds.`);
    const wk = w ? w[k] : 1;
    losses._data[i] = -xs[i * c + k] * wk;
    count += wk;
  }
  const reduced = reduction === "none" ? (input.ndim === 1 ? losses.reshape([]) : losses) : reduction === "sum" ? losses.sum() : losses.sum().div(count);
  const out = reduced.detach();
  return record(out, "NllLossBackward0", [input], (g, [tgt]) => {
    const ts = contiguousData(tgt!);
    const grad = Tensor.empty(x2.shape, input.dtype);
    grad._data.fill(0);
    const gd = contiguousData(g);
    for (let i = 0; i < n; i++) {
      const k = ts[i];
      if (k === ignore_index) continue;
      const gi = reduction === "none" ? gd[input.ndim === 1 ? 0 : i] : reduction === "sum" ? gd[0] : gd[0] / count;
      grad._data[i * c + k] = -gi * (w ? w[k] : 1);
    }
    return [grad.reshape(input.shape)];
  }, [t1]);
}

class IndexError_ extends Error { override name = "IndexError"; }

export function cross_entropy(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("cross_entropy", args, { weight: null as Tensor | null, size_average: null, ignore_index: -100, reduce: null, reduction: "mean" as Reduction, label_smoothing: 0 });
  const classDim = input.ndim === 1 ? 0 : 1;
  const logp = logSoftmaxOp(input, classDim);
  const c = input.shape[classDim];
  const weighted = a.weight ? logp.mul(a.weight) : logp;
  if (target.dtype.is_floating_point && target.ndim === input.ndim) {
    // class probabilities, optionally smoothed towards uniform
    const t = a.label_smoothing > 0 ? target.mul(1 - a.label_smoothing).add(a.label_smoothing / c) : target;
    const perSample = weighted.mul(t).sum(classDim).neg();
    return a.reduction === "mean" ? perSample.sum().div(input.ndim === 1 ? 1 : input.shape[0]) : reduce(perSample, a.reduction);
  }
  const nll = nll_loss(logp, target, { weight: a.weight, ignore_index: a.ignore_index, reduction: a.reduction });
  if (a.label_smoothing <= 0) return nll;
  // PyTorch: (1 - ε)·nll + ε/C · (−Σ_c w_c log p_c), reduced the same way
  const keep = target.ne(a.ignore_index).to(input.dtype);
  const smooth = weighted.sum(classDim).neg().mul(input.ndim === 1 ? keep.reshape([]) : keep);
  let smoothReduced: Tensor;
  if (a.reduction === "none") smoothReduced = smooth;
  else if (a.reduction === "sum") smoothReduced = smooth.sum();
  else {
    const denom = a.weight ? a.weight.gather(0, target.mul(keep.to(target.dtype)).reshape([-1])).mul(keep.reshape([-1])).sum() : keep.sum();
    smoothReduced = smooth.sum().div(denom);
  }
  return nll.mul(1 - a.label_smoothing).add(smoothReduced.mul(a.label_smoothing / c));
}

abstract class Loss extends Module {
  declare reduction: Reduction;
  /** `before` are PyTorch's parameters ahead of size_average/reduce/reduction, `after` those behind. */
  constructor(fn: string, args: unknown[], before: Record<string, unknown> = {}, after: Record<string, unknown> = {}) {
    super();
    const a = bindArgs(fn, args, { ...before, size_average: null, reduce: null, reduction: "mean" as Reduction, ...after });
    for (const [k, v] of Object.entries(a)) if (k !== "size_average" && k !== "reduce") Object.defineProperty(this, k, { value: v, enumerable: false, writable: true });
  }
  override extra_repr(): string { return ""; }
}

export class MSELoss extends Loss {
  constructor(...args: unknown[]) { super("MSELoss", args); }
  override forward(input: Tensor, target: Tensor): Tensor { return mse_loss(input, target, { reduction: this.reduction }); }
}
export class L1Loss extends Loss {
  constructor(...args: unknown[]) { super("L1Loss", args); }
  override forward(input: Tensor, target: Tensor): Tensor { return l1_loss(input, target, { reduction: this.reduction }); }
}
export class BCELoss extends Loss {
  declare weight: Tensor | null;
  constructor(...args: unknown[]) { super("BCELoss", args, { weight: null }); }
  override forward(input: Tensor, target: Tensor): Tensor { return binary_cross_entropy(input, target, { weight: this.weight, reduction: this.reduction }); }
}
export class BCEWithLogitsLoss extends Loss {
  declare pos_weight: Tensor | null;
  constructor(...args: unknown[]) { super("BCEWithLogitsLoss", args, { weight: null }, { pos_weight: null }); }
  override forward(input: Tensor, target: Tensor): Tensor { return binary_cross_entropy_with_logits(input, target, { reduction: this.reduction, pos_weight: this.pos_weight }); }
}
export class NLLLoss extends Loss {
  declare ignore_index: number;
  constructor(...args: unknown[]) { super("NLLLoss", args, { weight: null, ignore_index: -100 }); }
  override forward(input: Tensor, target: Tensor): Tensor { return nll_loss(input, target, { ignore_index: this.ignore_index, reduction: this.reduction }); }
}
export class CrossEntropyLoss extends Loss {
  declare ignore_index: number;
  declare label_smoothing: number;
  declare weight: Tensor | null;
  constructor(...args: unknown[]) { super("CrossEntropyLoss", args, { weight: null, ignore_index: -100 }, { label_smoothing: 0 }); }
  override forward(input: Tensor, target: Tensor): Tensor {
    return cross_entropy(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing });
  }
}
