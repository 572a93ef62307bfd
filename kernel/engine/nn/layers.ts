// Dropout, Flatten, LayerNorm and BatchNorm1d.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { ValueError, RuntimeError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { fused } from "../autograd/fused";
import { pyFloat } from "../pyrepr";
import { Module } from "./module";
import { Parameter } from "./parameter";
import { int64 } from "../dtype";

const DROPOUT = { p: 0.5, training: true, inplace: false };

function checkProbability(p: number): void {
  if (p < 0 || p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
}

/** input · mask / (1 - p), the mask drawn with `noiseShape` (per element, or per channel) and broadcast. */
function dropWith(input: Tensor, { p, training, inplace }: typeof DROPOUT, noiseShape: number[]): Tensor {
  if (!training || p === 0) return input;
  if (p === 1) return input.mul(0);
  const out = input.mul(Tensor.empty(noiseShape, input.dtype).bernoulli_(1 - p).div(1 - p));
  return inplace ? input.copy_(out) : out;
}

export function dropout(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("dropout", args, DROPOUT);
  checkProbability(a.p);
  return dropWith(input, a, input.shape);
}

export class Dropout extends Module {
  declare p: number;
  declare inplace: boolean;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("Dropout.__init__", args, { p: 0.5, inplace: false }, 1);
    checkProbability(a.p);
    Object.defineProperty(this, "p", { value: a.p, writable: true });
    Object.defineProperty(this, "inplace", { value: a.inplace, writable: true });
  }
  override forward(input: Tensor): Tensor { return dropout(input, this.p, this.training, this.inplace); }
  override extra_repr(): string { return `p=${pyFloat(this.p)}, inplace=${this.inplace ? "True" : "False"}`; }
}

export class Flatten extends Module {
  declare start_dim: number;
  declare end_dim: number;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("Flatten.__init__", args, { start_dim: 1, end_dim: -1 }, 1);
    Object.defineProperty(this, "start_dim", { value: a.start_dim, writable: true });
    Object.defineProperty(this, "end_dim", { value: a.end_dim, writable: true });
  }
  override forward(input: Tensor): Tensor { return input.flatten(this.start_dim, this.end_dim); }
  override extra_repr(): string { return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`; }
}

export function layer_norm(input: Tensor, ...args: unknown[]): Tensor {
  const { normalized_shape, weight, bias, eps } = bindArgs("layer_norm", args, { normalized_shape: undefined as unknown as number[], weight: null as Tensor | null, bias: null as Tensor | null, eps: 1e-5 }, 1);
  const dims = normalized_shape.map((_, i) => input.ndim - normalized_shape.length + i);
  const tail = input.shape.slice(input.ndim - normalized_shape.length);
  if (tail.join(",") !== normalized_shape.join(",")) {
    throw new RuntimeError(`Given normalized_shape=[${normalized_shape.join(", ")}], expected input with shape [*, ${normalized_shape.join(", ")}], but got input of size[${input.shape.join(", ")}]`);
  }
  return fused("NativeLayerNormBackward0", [input, weight, bias], (x, w, b) => {
    const mean = x!.mean(dims, true);
    const centered = x!.sub(mean);
    const variance = centered.mul(centered).mean(dims, true);
    let out = centered.mul(variance.add(eps).rsqrt());
    if (w) out = out.mul(w);
    if (b) out = out.add(b);
    return out;
  });
}

export class LayerNorm extends Module {
  declare normalized_shape: number[];
  declare eps: number;
  declare elementwise_affine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("LayerNorm.__init__", args, { normalized_shape: undefined as unknown as number | number[], eps: 1e-5, elementwise_affine: true, device: null, dtype: null }, 1);
    const shape = Array.isArray(a.normalized_shape) ? a.normalized_shape : [a.normalized_shape];
    Object.defineProperty(this, "normalized_shape", { value: shape, writable: true });
    Object.defineProperty(this, "eps", { value: a.eps, writable: true });
    Object.defineProperty(this, "elementwise_affine", { value: a.elementwise_affine, writable: true });
    this.weight = a.elementwise_affine ? new Parameter(Tensor.empty(shape).fill_(1)) : null;
    this.bias = a.elementwise_affine ? new Parameter(Tensor.empty(shape).fill_(0)) : null;
  }
  override forward(input: Tensor): Tensor { return layer_norm(input, this.normalized_shape, this.weight, this.bias, this.eps); }
  override extra_repr(): string {
    return `(${this.normalized_shape.join(", ")}${this.normalized_shape.length === 1 ? "," : ""}), eps=${pyFloat(this.eps)}, elementwise_affine=${this.elementwise_affine ? "True" : "False"}`;
  }
}

/** BatchNorm over every dim but the channels (dim 1); BatchNorm1d and BatchNorm2d say which inputs they take. */
abstract class BatchNormBase extends Module {
  declare num_features: number;
  declare eps: number;
  declare momentum: number;
  declare affine: boolean;
  declare track_running_stats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  declare running_mean: Tensor;
  declare running_var: Tensor;
  declare num_batches_tracked: Tensor;
  protected abstract checkInput(input: Tensor): void;
  constructor(name: string, args: unknown[]) {
    super();
    const a = bindArgs(`${name}.__init__`, args, { num_features: undefined as unknown as number, eps: 1e-5, momentum: 0.1, affine: true, track_running_stats: true, device: null, dtype: null }, 1);
    for (const k of ["num_features", "eps", "momentum", "affine", "track_running_stats"] as const) Object.defineProperty(this, k, { value: a[k], writable: true });
    this.weight = a.affine ? new Parameter(Tensor.empty([a.num_features]).fill_(1)) : null;
    this.bias = a.affine ? new Parameter(Tensor.empty([a.num_features]).fill_(0)) : null;
    if (a.track_running_stats) {
      this.register_buffer("running_mean", Tensor.empty([a.num_features]).fill_(0));
      this.register_buffer("running_var", Tensor.empty([a.num_features]).fill_(1));
      const tracked = Tensor.empty([], int64).fill_(0);
      this.register_buffer("num_batches_tracked", tracked);
    }
  }
  override forward(input: Tensor): Tensor {
    this.checkInput(input);
    const dims = input.shape.map((_, i) => i).filter((i) => i !== 1);
    const shape = input.shape.map((_, i) => (i === 1 ? this.num_features : 1));
    const batchStats = this.training || !this.track_running_stats;
    // the batch's statistics, computed once inside the node and kept for the running averages
    let batchMean: Tensor | null = null, batchVar: Tensor | null = null;
    const out = fused("NativeBatchNormBackward0", [input, this.weight, this.bias], (x, w, b) => {
      let centered: Tensor, variance: Tensor;
      if (batchStats) {
        // in training the statistics depend on the batch, so their gradient flows too
        const mean = x!.mean(dims, true);
        centered = x!.sub(mean);
        variance = centered.mul(centered).mean(dims, true);
        [batchMean, batchVar] = [mean.detach(), variance.detach()];
      } else {
        centered = x!.sub(this.running_mean.reshape(shape));
        variance = this.running_var.reshape(shape);
      }
      let y = centered.mul(variance.add(this.eps).rsqrt());
      if (w) y = y.mul(w.reshape(shape));
      if (b) y = y.add(b.reshape(shape));
      return y;
    });
    if (this.training && this.track_running_stats) {
      const n = input.numel() / this.num_features;
      const [mean, variance] = [batchMean!, batchVar!];
      no_grad(() => {
        this.running_mean.mul_(1 - this.momentum).add_(mean.reshape([this.num_features]).mul(this.momentum));
        this.running_var.mul_(1 - this.momentum).add_(variance.reshape([this.num_features]).mul(this.momentum * n / Math.max(n - 1, 1)));
        this.num_batches_tracked.add_(1);
      });
    }
    return out;
  }
  override extra_repr(): string {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}, affine=${this.affine ? "True" : "False"}, track_running_stats=${this.track_running_stats ? "True" : "False"}`;
  }
}

export class BatchNorm1d extends BatchNormBase {
  constructor(...args: unknown[]) { super("BatchNorm1d", args); }
  protected checkInput(input: Tensor): void {
    if (input.ndim !== 2 && input.ndim !== 3) throw new ValueError(`expected 2D or 3D input (got ${input.ndim}D input)`);
  }
}

export class BatchNorm2d extends BatchNormBase {
  constructor(...args: unknown[]) { super("BatchNorm2d", args); }
  protected checkInput(input: Tensor): void {
    if (input.ndim !== 4) throw new ValueError(`expected 4D input (got ${input.ndim}D input)`);
  }
}

/** F.dropout2d: whole channels zeroed (one draw per [N, C]), the rest scaled by 1/(1-p). */
export function dropout2d(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("dropout2d", args, DROPOUT);
  checkProbability(a.p);
  // PyTorch 1.13 warns, then drops whole features along dim 1 whatever the rank (a 3-d input as (N, C, L))
  if (input.ndim !== 3 && input.ndim !== 4) console.warn(`UserWarning: dropout2d: Received a ${input.ndim}-D input to dropout2d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).`);
  if (input.ndim === 3) console.warn("UserWarning: dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.");
  return dropWith(input, a, input.shape.map((s, i) => (i < 2 ? s : 1)));
}

export class Dropout2d extends Dropout {
  override forward(input: Tensor): Tensor { return dropout2d(input, this.p, this.training, this.inplace); }
}
