// In-place operations. PyTorch forbids them on leaves that require grad (outside no_grad);
// the engine computes out of place and writes the result into the tensor's own elements.
import { Tensor } from "../tensor";
import { is_grad_enabled } from "../autograd/grad_mode";
import { RuntimeError } from "../errors";
import { bindArgs } from "../args";
import { default_generator } from "../random";
import { forEachRow, broadcastShapes, broadcastStrides, contiguousData, sameShape } from "./strided";
import { float32 } from "../dtype";
import { addInPlace } from "../wasm/ops";
import { storageCount } from "../storage/storage";

function checkInplace(x: Tensor): void {
  if (is_grad_enabled() && x.is_leaf && x.requires_grad) {
    throw new RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

/** Writes `src` (broadcast to x's shape) into x's elements, through x's strides. */
function writeInto(x: Tensor, src: Tensor): void {
  if (!sameShape(broadcastShapes(x.shape, src.shape), x.shape)) {
    throw new RuntimeError(`output with shape [${x.shape.join(", ")}] doesn't match the broadcast shape [${broadcastShapes(x.shape, src.shape).join(", ")}]`);
  }
  const sd = src._data, xd = x._data;
  const integral = !x.dtype.is_floating_point;
  if ((!integral || src.dtype === x.dtype) && x.is_contiguous() && src.is_contiguous() && sameShape(src.shape, x.shape)) {
    // one block copy (TypedArray.set converts between element types as the loop below does)
    const n = x.numel();
    xd.set(sd.subarray(src.offset, src.offset + n), x.offset);
    return;
  }
  const ss = broadcastStrides({ data: sd, offset: src.offset, strides: src.strides, shape: src.shape }, x.shape);
  forEachRow(x.shape, [x.strides, ss], [x.offset, src.offset], (pos, n, inner) => {
    let xi = pos[0], si = pos[1];
    const xs = inner[0], sst = inner[1];
    for (let k = 0; k < n; k++, xi += xs, si += sst) xd[xi] = integral ? Math.trunc(sd[si]) : sd[si];
  });
}

/** Makes x hold `result` (computed out of place from x), keeping autograd's history honest. */
export function inplace<T extends Tensor>(x: T, result: Tensor): T {
  checkInplace(x);
  writeInto(x, result);
  if (result.grad_fn && is_grad_enabled()) (x as Tensor)._setGradFn(result.grad_fn);
  return x;
}

/**
 * inplace(x, compute()), then the temporary result's memory is returned at once when nothing
 * can see it: it was made by `compute` and no autograd node keeps it. An optimizer's
 * `p.add_(d, {alpha: -lr})` then leaves no garbage behind, so training loops need fewer
 * collections and reuse warm memory.
 */
export function inplaceFrom<T extends Tensor>(x: T, compute: () => Tensor): T {
  const before = storageCount();
  const result = compute();
  inplace(x, result);
  if (!result.grad_fn && result.storage !== x.storage && result.storage.serial > before) result.storage.free();
  return x;
}

export function add_(x: Tensor, other: Tensor): void {
  if (!addInPlace(x, other)) writeInto(x, x.detach().add(other.detach()));
}

export function fill_<T extends Tensor>(x: T, value: number): T {
  checkInplace(x);
  const v = x.dtype === float32 ? Math.fround(value) : value;
  if (x.is_contiguous()) x._data.fill(v, x.offset, x.offset + x.numel());
  else writeInto(x, Tensor.empty([], x.dtype).fill_(v));
  return x;
}

export function copy_<T extends Tensor>(x: T, src: Tensor): T {
  checkInplace(x);
  writeInto(x, src);
  return x;
}

/** Fills x from a generator function writing into a contiguous array. */
function fillRandom<T extends Tensor>(x: T, fill: (a: Float32Array | Float64Array) => void): T {
  checkInplace(x);
  const tmp = x.dtype === float32 ? new Float32Array(x.numel()) : new Float64Array(x.numel());
  fill(tmp);
  if (x.is_contiguous()) x._data.set(tmp, x.offset);
  else writeInto(x, fromArray(tmp, x));
  return x;
}

function fromArray(a: Float32Array | Float64Array, like: Tensor): Tensor {
  const t = Tensor.empty(like.shape, like.dtype);
  t._data.set(a);
  return t;
}

export function uniform_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindArgs("uniform_", args, { from: 0, to: 1, generator: default_generator });
  return fillRandom(x, (arr) => a.generator.uniform_(arr, a.from, a.to));
}

export function normal_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindArgs("normal_", args, { mean: 0, std: 1, generator: default_generator });
  return fillRandom(x, (arr) => a.generator.normal_(arr, a.mean, a.std));
}

export function bernoulli_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindArgs("bernoulli_", args, { p: 0.5, generator: default_generator });
  return fillRandom(x, (arr) => a.generator.bernoulli_(arr as Float32Array, a.p));
}

