// In-place operations, with PyTorch's autograd semantics: the op is computed out of place and
// written into the tensor's own elements; the tensor's version is bumped (so a backward that
// saved the old values refuses to run, as in PyTorch); a backward that needs the old values of
// the tensor gets a copy of them; and the tensor's history (or its base's, for a view) gains
// the op's node.
import { Tensor } from "../tensor";
import { is_grad_enabled } from "../autograd/grad_mode";
import { Node, record } from "../autograd/node";
import { checkInplace, rebaseHistory } from "../autograd/views";
import { RuntimeError } from "../errors";
import { bindEntry } from "../args";
import { TENSOR_METHODS_INPLACE as API } from "../api/tables/inplace";
import type { Generator } from "../random";
import { default_generator } from "../random";
import { forEachRow, broadcastShapes, broadcastStrides, contiguousData, sameShape } from "./strided";
import { DType, canCast, float32 } from "../dtype";
import { addInPlace } from "../wasm/ops";
import { storageCount } from "../storage/storage";
import { zeros_like } from "./creation";


/**
 * PyTorch's words when an in-place result cannot be cast back: most ops', and the few kernels
 * that say it their own way (SAME_DTYPE_ERROR: kernels that take nothing but their own dtype,
 * pow_ in place, and neg, abs or gelu into an out= tensor).
 */
export type CastError = (from: DType, to: DType) => string;
export const castError: CastError = (from, to) => `result type ${from.scalarType} can't be cast to the desired output type ${to.scalarType}`;
export const CLAMP_CAST_ERROR: CastError = (from, to) => `result type ${from.scalarType} can't be cast to the desired output type ${to.cppType}`;
export const SAME_DTYPE_ERROR: CastError = (from, to) => `Found dtype ${to.scalarType} but expected ${from.scalarType}`;

function checkCast(from: DType, to: DType, error: CastError = castError): void {
  if (!canCast(from, to)) throw new RuntimeError(error(from, to));
}

/** PyTorch's check that an in-place result fits its tensor (a result that broadcasts wider does not). */
function checkFits(x: Tensor, src: Tensor): void {
  if (sameShape(src.shape, x.shape)) return;
  if (!sameShape(broadcastShapes(x.shape, src.shape), x.shape)) {
    throw new RuntimeError(`output with shape [${x.shape.join(", ")}] doesn't match the broadcast shape [${broadcastShapes(x.shape, src.shape).join(", ")}]`);
  }
}

/**
 * Whether a tensor's elements fill a block of its storage, each once, in some order of its
 * dimensions (a contiguous tensor, or a transposed one): PyTorch's is_non_overlapping_and_dense.
 */
function denseBlock(t: Tensor): boolean {
  const dims = t.shape.map((n, i) => [n, t.strides[i]]).filter(([n]) => n !== 1).sort((a, b) => a[1] - b[1]);
  let expected = 1;
  for (const [n, stride] of dims) {
    if (stride !== expected) return false;
    expected *= n;
  }
  return true;
}

/**
 * PyTorch's get_overlap_status between a written-to tensor and an operand: "full" (the same
 * elements in the same order), "partial", or "none", judged (as PyTorch judges) only for tensors
 * that fill a block of their storage.
 */
function overlapOf(x: Tensor, t: Tensor): "full" | "partial" | "none" {
  if (t === x) return "full";
  if (t.storage !== x.storage || t.numel() === 0 || x.numel() === 0 || !denseBlock(t) || !denseBlock(x)) return "none";
  const [a0, a1, b0, b1] = [x.offset, x.offset + x.numel(), t.offset, t.offset + t.numel()];
  if (a0 === b0 && a1 === b1) return x.strides.length === t.strides.length && x.strides.every((s, i) => s === t.strides[i]) ? "full" : "partial";
  return a0 < b1 && b0 < a1 ? "partial" : "none";
}

const OVERLAP = "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.";

/**
 * PyTorch's assert_no_partial_overlap: an operand whose elements partly coincide with the
 * written-to tensor's is refused; `any` (its assert_no_overlap, for cat's out=): one that shares
 * any of them.
 */
export function checkNoPartialOverlap(x: Tensor, inputs: readonly unknown[], any = false): void {
  for (const t of inputs) {
    if (!(t instanceof Tensor)) continue;
    const overlap = overlapOf(x, t);
    if (overlap === "partial" || (any && overlap === "full")) throw new RuntimeError(OVERLAP);
  }
}

/** Writes `src` (broadcast to x's shape) into x's elements, through x's strides. */
function writeInto(x: Tensor, src: Tensor): void {
  checkFits(x, src);
  copyInto(x, src);
}

/** writeInto, for a `src` known to fit x. */
export function copyInto(x: Tensor, src: Tensor): void {
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
    if (integral) for (let k = 0; k < n; k++, xi += xs, si += sst) xd[xi] = x.dtype.cast(sd[si]);
    else for (let k = 0; k < n; k++, xi += xs, si += sst) xd[xi] = sd[si];
  });
}

/** x's current values, detached: what a backward that needs them keeps once x is overwritten. */
function copyOf(x: Tensor): Tensor {
  const c = Tensor.empty(x.shape, x.dtype);
  c._data.set(contiguousData(x));
  return c;
}

/** The write itself, after PyTorch's checks; then the version bump and, if recorded, the new history. */
function commit(x: Tensor, node: Node | null, write: () => void): void {
  checkInplace(x, node !== null);
  write();
  x._bumpVersion();
  if (node) rebaseHistory(x, node);
}

/** Makes x hold `result` (computed out of place from x, with x as the op's first input). */
export function inplace<T extends Tensor>(x: T, result: Tensor, error?: CastError, inputs: readonly unknown[] = []): T {
  const node = is_grad_enabled() ? result.grad_fn : null;
  commit(x, node, () => {
    // after autograd's checks, in PyTorch's order: overlap, shape, then the dtype
    checkNoPartialOverlap(x, inputs);
    checkFits(x, result);
    checkCast(result.dtype, x.dtype, error);
    node?._beforeInplaceWrite(x, result, () => copyOf(x));
    copyInto(x, result);
  });
  return x;
}

/**
 * inplace(x, compute()), then the temporary result's memory is returned at once: it was made by
 * `compute`, and a backward that needs it keeps x instead. An optimizer's `p.add_(d, {alpha:
 * -lr})` then leaves no garbage behind, so training loops need fewer collections and reuse warm
 * memory.
 */
export function inplaceFrom<T extends Tensor>(x: T, compute: () => Tensor, error?: CastError, inputs: readonly unknown[] = []): T {
  const before = storageCount();
  const result = compute();
  inplace(x, result, error, inputs);
  if (result.storage !== x.storage && result.storage.serial > before) result.storage.free();
  return x;
}

/**
 * An in-place op whose new values do not depend on x's old ones (fill_, zero_, copy_, the random
 * fills): x's old values get a zero gradient, and `others` (copy_'s source) get theirs from
 * `backward`.
 */
function overwrite<T extends Tensor>(x: T, name: string, others: Tensor[], write: () => void, backward: (g: Tensor) => Array<Tensor | null> = () => []): T {
  // only floating tensors take part in autograd: a copy into an integer tensor is not recorded
  const probe = x.dtype.is_floating_point ? record(x.detach(), name, [x, ...others], (g) => [zeros_like(g), ...backward(g)]) : x;
  commit(x, is_grad_enabled() ? probe.grad_fn : null, write);
  return x;
}
/** x += other for the engine's own accumulations (gradients into .grad), outside autograd. */
export function add_(x: Tensor, other: Tensor): void {
  if (!addInPlace(x, other)) writeInto(x, x.detach().add(other.detach()));
  x._bumpVersion();
}

/** Writes one value into every element of x. */
function fillWith(x: Tensor, value: number): void {
  const v = x.dtype.cast(value);
  if (x.is_contiguous()) x._data.fill(v, x.offset, x.offset + x.numel());
  else {
    const one = Tensor.empty([], x.dtype);
    one._data[0] = v;
    writeInto(x, one);
  }
}

export function fill_<T extends Tensor>(x: T, value: number | boolean): T {
  return overwrite(x, "FillBackward2", [], () => fillWith(x, Number(value)));
}

export function zero_<T extends Tensor>(x: T): T {
  return overwrite(x, "ZeroBackward0", [], () => fillWith(x, 0));
}

export function copy_<T extends Tensor>(x: T, src: Tensor): T {
  return overwrite(x, "CopyBackwards", [src], () => writeInto(x, src), (g) => {
    const gs = sameShape(g.shape, src.shape) ? g : g.sum_to_size(src.shape);
    return [gs.dtype === src.dtype ? gs : gs.to(src.dtype)];
  });
}

/** Fills x from a generator function writing into a contiguous array. */
function fillRandom<T extends Tensor>(x: T, name: string, fill: (a: Float32Array | Float64Array) => void): T {
  return overwrite(x, name, [], () => {
    const tmp = x.dtype === float32 ? new Float32Array(x.numel()) : new Float64Array(x.numel());
    fill(tmp);
    if (x.is_contiguous()) x._data.set(tmp, x.offset);
    else writeInto(x, fromArray(tmp, x));
  });
}

function fromArray(a: Float32Array | Float64Array, like: Tensor): Tensor {
  const t = Tensor.empty(like.shape, like.dtype);
  t._data.set(a);
  return t;
}

export function uniform_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindEntry<{ from: number; to: number; generator: Generator | null }>("uniform_", args, API.uniform_, 0, 1);
  return fillRandom(x, "UniformBackward0", (arr) => (a.generator ?? default_generator).uniform_(arr, a.from, a.to));
}

export function normal_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindEntry<{ mean: number; std: number; generator: Generator | null }>("normal_", args, API.normal_, 0, 1);
  return fillRandom(x, "NormalBackward0", (arr) => (a.generator ?? default_generator).normal_(arr, a.mean, a.std));
}

export function bernoulli_<T extends Tensor>(x: T, ...args: unknown[]): T {
  const a = bindEntry<{ p: number; generator: Generator | null }>("bernoulli_", args, API.bernoulli_, 0, 1);
  return fillRandom(x, "BernoulliBackward2", (arr) => (a.generator ?? default_generator).bernoulli_(arr as Float32Array, a.p));
}

