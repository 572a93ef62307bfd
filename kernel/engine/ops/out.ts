// PyTorch's out= argument: torch.add(a, b, { out: c }) writes the result into c, a tensor the
// caller already has, and returns c. It is for hot loops: an output a program drops comes back
// only through the garbage collector, late and no longer in cache, while an out tensor is the
// same warm memory every time. An op writes straight into out's elements when they can take its
// result as it is (out contiguous, of the result's dtype, sharing no memory with an input unless
// it is that very input, element for element, for an elementwise op); otherwise into a temporary
// that is copied into out and freed at once.
//
// Around the op, PyTorch's rules: no out= while autograd would record the op (most ops refuse;
// comparisons have no gradient; a few give out a grad_fn that refuses at backward time); out's
// dtype checked against the result's, by each op's own rule; out resized to the result's shape,
// with PyTorch's warning when it had elements; and out's version bumped, as an in-place op's.
import { Tensor } from "../tensor";
import { DType, canCast } from "../dtype";
import { RuntimeError } from "../errors";
import { pyTypeName } from "../pyrepr";
import { is_grad_enabled, no_grad } from "../autograd/grad_mode";
import { record, BackwardFn } from "../autograd/node";
import { checkInplace, rebaseHistory } from "../autograd/views";
import { storageCount } from "../storage/storage";
import { castError, checkNoPartialOverlap, copyInto, SAME_DTYPE_ERROR } from "./inplace";
import { sameShape } from "./strided";

/** The keyword-only parameter, for bindArgs: `bindArgs(fn, args, spec, leading, OUT)`. */
export const OUT = { out: null as Tensor | null };

/** Whether out's dtype may take a result of dtype `result`: null, or PyTorch's refusal. */
export type DtypeRule = (result: DType, out: DType) => string | null;

/** Elementwise ops in general: any dtype the result can be cast to (a float result into double, an integer one into float). */
export const CAST: DtypeRule = (r, o) => (canCast(r, o) ? null : castError(r, o));
/** Elementwise kernels that take nothing but the result's own dtype (neg, abs, clamp with numbers, gelu). */
export const SAME: DtypeRule = (r, o) => (r === o ? null : SAME_DTYPE_ERROR(r, o));
/** Ops that resize out themselves, checking its dtype first (matrix products, softmax). */
export const EXACT: DtypeRule = (r, o) => (r === o ? null : `Expected out tensor to have dtype ${r.cppType}, but got ${o.cppType} instead`);

export interface OutSpec {
  /** The ATen op, as the refusal to differentiate names it ("sub" for torch.subtract, "dot" for a product of vectors through matmul). */
  aten: string;
  dtype: DtypeRule;
  /**
   * What autograd does: "refuse" (the default) raises when an argument requires grad; "none"
   * is for ops without a gradient (comparisons), which write into out whatever it is; and
   * "unimplemented" gives out a grad_fn that raises at backward time (heaviside, softmax).
   */
  grad?: "refuse" | "none" | "unimplemented";
  /**
   * An elementwise op (PyTorch's TensorIterator): out's overlaps are refused before anything
   * else, and out may be one of the inputs, since every element is read before it is written.
   * Other ops get a temporary when out shares memory with an input.
   */
  elementwise?: boolean;
  /** Out may share no element with an input, checked once it is resized (cat, stack). */
  disjoint?: boolean;
  /** The UserWarning when out had elements and is resized: PyTorch's general one by default; null for none (the factories). */
  resized?: ((had: readonly number[], shape: readonly number[]) => string) | null;
}

/**
 * Where an op puts its result: a new tensor, or, under out=, out itself when it can take the
 * result as it is. An op asks it once, for its result's shape and dtype, after its own checks.
 */
export type Dest = (shape: readonly number[], dtype: DType) => Tensor;
export const fresh: Dest = (shape, dtype) => Tensor.empty(shape, dtype);

const OUTPUT_RESIZED = (had: readonly number[], shape: readonly number[]) =>
  `An output with one or more elements was resized since it had shape [${had.join(", ")}], which does not match the required output shape [${shape.join(", ")}]. ` +
  "This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. " +
  "You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at  ./aten/src/ATen/native/Resize.cpp:17.)";

/** A backward that raises PyTorch's words for an op without a derivative. */
export function unimplemented(aten: string): BackwardFn {
  return () => { throw new RuntimeError(`derivative for aten::${aten} is not implemented`); };
}

const sameElements = (a: Tensor, b: Tensor) => a.storage === b.storage && a.offset === b.offset && sameShape(a.shape, b.shape) && sameShape(a.strides, b.strides);

/** out made of `shape`, if it is not, with `warning` when it had elements (PyTorch's resize_output). */
export function resizeOut(out: Tensor, shape: readonly number[], warning: OutSpec["resized"] = OUTPUT_RESIZED): void {
  if (sameShape(out.shape, shape)) return;
  if (out.numel() > 0 && warning) console.warn(`UserWarning: ${warning(out.shape, shape)}`);
  out._resize(shape);
}

/** out's dtype checked and its shape made `shape`: whether the op can then write into it directly. */
function prepare(spec: OutSpec, out: Tensor, shape: readonly number[], dtype: DType, inputs: readonly Tensor[]): boolean {
  const refusal = spec.dtype(dtype, out.dtype);
  if (refusal) throw new RuntimeError(refusal);
  resizeOut(out, shape, spec.resized);
  if (!spec.elementwise) checkInplace(out, false); // only now, as those ops resize first: no element written twice
  if (spec.disjoint) checkNoPartialOverlap(out, inputs, true);
  return out.dtype === dtype && out.is_contiguous() && inputs.every((t) => t.storage !== out.storage || (spec.elementwise === true && sameElements(t, out)));
}

/** The out= argument, which must be a tensor. */
export function checkOut(fn: string, out: unknown): Tensor {
  if (!(out instanceof Tensor)) throw new TypeError(`${fn}(): argument 'out' must be Tensor, not ${pyTypeName(out)}`);
  return out;
}

/**
 * torch.<op>(..., { out }): runs `forward`, which takes its result tensor from the Dest it is
 * given, and leaves the result in out. `fn` is the function's Python name, for a wrong out;
 * `inputs` its arguments (the tensors among them are what autograd and the overlap checks see).
 */
export function writeOut(fn: string, spec: OutSpec, target: unknown, inputs: readonly unknown[], forward: (dest: Dest) => Tensor): Tensor {
  const out = checkOut(fn, target);
  const tensors = inputs.filter((t): t is Tensor => t instanceof Tensor);
  const grad = spec.grad ?? "refuse";
  const recorded = grad !== "none" && is_grad_enabled() && (out.requires_grad || tensors.some((t) => t.requires_grad));
  if (recorded && grad === "refuse") {
    throw new RuntimeError(`${spec.aten}(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.`);
  }
  // PyTorch's order: autograd, then an elementwise op's overlaps, the op's own checks, out's dtype and shape
  if (recorded || spec.elementwise) checkInplace(out, recorded);
  if (spec.elementwise) checkNoPartialOverlap(out, tensors);
  let asked = false;
  const dest: Dest = (shape, dtype) => {
    asked = true;
    return prepare(spec, out, shape, dtype, tensors) ? out : Tensor.empty(shape, dtype);
  };
  const before = storageCount();
  const result = no_grad(() => forward(dest));
  if (!asked) prepare(spec, out, result.shape, result.dtype, tensors);
  if (result !== out) {
    copyInto(out, result);
    if (result.storage !== out.storage && result.storage.serial > before) result.storage.free();
  }
  out._bumpVersion();
  if (recorded) rebaseHistory(out, record(out.detach(), "torch::autograd::NotImplemented", [out, ...tensors], unimplemented(spec.aten)).grad_fn!);
  return out;
}

/**
 * An op's result: with out= given, `forward` into out (writeOut); without, into a new tensor,
 * which `finish` records for autograd.
 */
export function produce(fn: string, spec: OutSpec, out: unknown, inputs: readonly unknown[], forward: (dest: Dest) => Tensor, finish: (result: Tensor) => Tensor): Tensor {
  return out === null ? finish(forward(fresh)) : writeOut(fn, spec, out, inputs, forward);
}

/** The spec of an elementwise op's out= (most of them: any dtype the result can be cast to). */
export function elementwiseOut(aten: string, dtype: DtypeRule = CAST, grad: OutSpec["grad"] = "refuse"): OutSpec {
  return { aten, dtype, grad, elementwise: true };
}

/** The options of a function that takes out= (for the typings: torch.exp(x, { out: y })). */
export interface OutOption {
  /** A tensor to write the result into (resized to it, with PyTorch's warning if it had elements); returned. */
  out?: Tensor | null;
}

