// The Tensor: a strided view (shape, strides, offset) over a Storage in wasm memory, plus the
// autograd fields. Operations live in ops/ and activations/; the methods here only forward to them,
// so each op's forward and backward stay together in one file.
import { DType, DTypeName, float32, TypedArray, toDType } from "./dtype";
import { Storage } from "./storage/storage";
import { Node } from "./autograd/node";
import { runBackward, checkBackwardRoot } from "./autograd/engine";
import { ViewInfo, refreshViewGradFn } from "./autograd/views";
import { RuntimeError, ValueError } from "./errors";
import { formatTensor } from "./printing";
import { pyTypeName } from "./pyrepr";
import * as ops from "./ops";
import { bindArgs, bindEntry, checkTensor, isOptions, splitSizes } from "./args";
import { TENSOR_METHODS_SHAPE } from "./api/tables/shape";
import { TENSOR_METHODS_INDEXING } from "./api/tables/indexing";
import { TENSOR_METHODS_CONVERSION } from "./api/tables/conversion";
import { availableDevice, cpu, Device, isDeviceName } from "./device";

export type Scalar = number | boolean;

export type TensorOrScalar = Tensor | Scalar;
export type NestedArray = number | boolean | NestedArray[];

export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** x.type()'s names for the dtypes: PyTorch's legacy tensor type names. */
const LEGACY_TYPE_NAMES: Record<DTypeName, string> = {
  float32: "torch.FloatTensor", float64: "torch.DoubleTensor", int64: "torch.LongTensor", int32: "torch.IntTensor", uint8: "torch.ByteTensor", bool: "torch.BoolTensor",
};

/**
 * A strided n-dimensional array of numbers with autograd, as torch.Tensor: made by torch.tensor,
 * torch.zeros, torch.randn and the other factories (not by this constructor, which takes storage).
 * PyTorch: `torch.Tensor`
 */
export class Tensor {
  readonly shape: number[];
  readonly strides: number[];
  private gradFn: Node | null = null;
  private requiresGrad = false;
  private gradTensor: Tensor | null = null;
  /**
   * .grad's memory is this tensor's alone and nobody has read .grad since: replacing it (x.grad =
   * null before the next backward) can then return the memory at once, cache-warm, for the next
   * gradient, instead of at the next garbage collection.
   */
  private gradUnseen = false;
  /** Set on nn.Parameter; changes printing only. */
  _isParameter = false;
  /** Set when this tensor is a view of another (it shares the base's elements and version). */
  _view: ViewInfo | null = null;
  /**
   * PyTorch's version counter, bumped by every in-place write. Views and detached aliases share
   * their storage's counter; `.data` gets a counter of its own, as in PyTorch.
   */
  private versionCounter: { value: number };

  constructor(
    public storage: Storage,
    shape: readonly number[],
    strides?: readonly number[],
    public offset = 0,
  ) {
    this.shape = shape.slice();
    this.strides = strides ? strides.slice() : contiguousStrides(shape);
    this.versionCounter = storage.version;
  }

  /** A new contiguous tensor with uninitialised elements in wasm memory. */
  static empty(shape: readonly number[], dtype: DType = float32): Tensor {
    return new Tensor(new Storage(dtype, numelOf(shape)), shape);
  }

  get dtype(): DType { return this.storage.dtype; }
  get ndim(): number { return this.shape.length; }
  get grad(): Tensor | null {
    this.gradUnseen = false;
    return this.gradTensor;
  }
  set grad(value: Tensor | null) {
    if (value === undefined) value = null; // JavaScript's other "nothing"
    if (value !== null) {
      // PyTorch's checks and words (its message has no space before the type name)
      if (!(value instanceof Tensor)) throw new TypeError(`assigned grad expected to be a Tensor or None but got grad of type${pyTypeName(value)}`);
      if (value.dtype !== this.dtype) throw new RuntimeError("assigned grad has data of a different type");
      if (!ops.sameShape(value.shape, this.shape)) throw new RuntimeError("assigned grad has data of a different size");
    }
    this.replaceGrad(value, false);
  }

  private replaceGrad(value: Tensor | null, unseen: boolean): void {
    const old = this.gradTensor;
    if (old && this.gradUnseen && old !== value) old.storage.free();
    this.gradTensor = value;
    this.gradUnseen = unseen && value !== null;
  }

  get is_leaf(): boolean { return this.grad_fn === null; }
  get grad_fn(): Node | null {
    if (this._view) refreshViewGradFn(this);
    return this.gradFn;
  }
  /** How many times the elements were written in place (shared with views). */
  get _version(): number { return this.versionCounter.value; }
  /** Called by every in-place write. */
  _bumpVersion(): void { this.versionCounter.value++; }
  /** The grad_fn as recorded, without re-deriving a view's from its base. */
  _recordedGradFn(): Node | null { return this.gradFn; }
  /** A fresh version counter, for a tensor that shares elements with nothing the user can reach. */
  _ownVersionCounter(): void { this.versionCounter = { value: 0 }; }
  /** Views count versions with the tensor they view. */
  _shareVersionWith(other: Tensor): void { this.versionCounter = other.versionCounter; }
  get device(): Device { return cpu; }
  get is_cuda(): boolean { return false; }
  get T(): Tensor { return ops.permute(this, this.shape.map((_, i) => this.ndim - 1 - i)); }
  get mT(): Tensor {
    if (this.ndim === 1) throw new RuntimeError("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
    return this.ndim === 0 ? this : ops.transpose(this, -2, -1);
  }

  get requires_grad(): boolean {
    // a view needs a gradient when its base does (PyTorch reads this without re-deriving grad_fn)
    if (this._view && this._view.creation.kind !== "no_grad" && this._view.base.requires_grad) return true;
    return this.requiresGrad;
  }
  set requires_grad(value: boolean) { this.requires_grad_(value); }

  requires_grad_(...args: unknown[]): this {
    const value = bindEntry<{ requires_grad: unknown }>("requires_grad_", args, TENSOR_METHODS_CONVERSION.requires_grad_, 0, 1).requires_grad;
    if (typeof value !== "boolean") throw new TypeError(`requires_grad_(): argument 'requires_grad' (position 1) must be bool, not ${pyTypeName(value)}`);
    if (!this.is_leaf) {
      throw new RuntimeError(value
        ? "you can only change requires_grad flags of leaf variables."
        : "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    }
    if (value && !this.dtype.is_floating_point) {
      throw new RuntimeError("only Tensors of floating point dtype can require gradients");
    }
    this.requiresGrad = value;
    return this;
  }

  /** Called by autograd's record(): the output of an op that needs a gradient. */
  _setGradFn(node: Node): void {
    this.gradFn = node;
    this.requiresGrad = true;
  }

  /** PyTorch's .data: the same elements, cut off from autograd. */
  get data(): Tensor {
    const t = this.detach();
    t.versionCounter = { value: 0 };
    return t;
  }
  set data(value: Tensor) {
    this.storage = value.storage;
    this.versionCounter = value.versionCounter;
    this.offset = value.offset;
    this.shape.splice(0, this.shape.length, ...value.shape);
    this.strides.splice(0, this.strides.length, ...value.strides);
  }

  /**
   * PyTorch's resize_, as out= arguments and resize_ use it: contiguous strides for `shape`,
   * keeping the elements in memory order. A storage too small for them is replaced by a larger
   * one holding the old elements first (PyTorch grows the storage itself, which its other views
   * then see; here they keep the old one).
   */
  _resize(shape: readonly number[]): void {
    const needed = this.offset + numelOf(shape);
    if (needed > this.storage.size) {
      const grown = new Storage(this.dtype, needed);
      grown.data.set(this.storage.data);
      this.storage = grown;
      this._view = null; // it shares nothing with its base now
    }
    this.shape.splice(0, this.shape.length, ...shape);
    this.strides.splice(0, this.strides.length, ...contiguousStrides(shape));
  }

  /** x.resize_(2, 3) or x.resize_([2, 3]): see _resize; a tensor that requires grad is refused. */
  resize_(...args: unknown[]): this {
    const { size, rest } = splitSizes("resize_", args);
    bindEntry("resize_", rest, TENSOR_METHODS_SHAPE.resize_, 1, 1 + size.length);
    if (this.requires_grad) throw new RuntimeError("cannot resize variables that require grad");
    this._resize(size);
    return this;
  }

  /** The typed array under this tensor (all of the storage; index it with offset and strides). */
  get _data(): TypedArray { return this.storage.data; }

  is_contiguous(): boolean { return ops.isContiguousLayout(this.shape, this.strides); }

  is_floating_point(): boolean { return this.dtype.is_floating_point; }
  numel(): number { return numelOf(this.shape); }
  nelement(): number { return this.numel(); }
  dim(): number { return this.ndim; }
  element_size(): number { return this.dtype.itemsize; }

  size(): number[];
  size(dim: number): number;
  size(dim?: number): number | number[] {
    if (dim === undefined) return this.shape.slice();
    return this.shape[ops.normalizeDim(dim, this.ndim)];
  }

  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number | number[] {
    if (dim === undefined) return this.strides.slice();
    return this.strides[ops.normalizeDim(dim, this.ndim)];
  }

  // ---- autograd ----
  backward(...args: unknown[]): void {
    const a = bindEntry<{ gradient: unknown; retain_graph: boolean | null; create_graph: boolean }>("backward", args, TENSOR_METHODS_CONVERSION.backward, 0, 1);
    if (a.gradient !== null && !(a.gradient instanceof Tensor)) throw new TypeError(`backward(): argument 'gradient' must be Tensor or None, not ${pyTypeName(a.gradient)}`);
    // the backward pass runs without recording (autograd/engine.ts): no graph of it to keep
    if (a.create_graph) throw new RuntimeError("actnb: backward(create_graph=True) is not supported: the backward pass records no graph for higher derivatives");
    const gradient = a.gradient;
    const retain = a.retain_graph ?? a.create_graph;
    checkBackwardRoot(this, gradient);
    let g = gradient ?? ops.ones_like(this);
    if (gradient) {
      if (!ops.sameShape(gradient.shape, this.shape)) {
        throw new RuntimeError(`Mismatch in shape: grad_output[0] has a shape of torch.Size([${gradient.shape.join(", ")}]) and output[0] has a shape of torch.Size([${this.shape.join(", ")}]).`);
      }
      g = gradient.detach();
    }
    runBackward(this, g, retain);
  }

  /** Keeps this non-leaf tensor's gradient in `.grad` when backward runs (PyTorch: `torch.Tensor.retain_grad`). */
  retain_grad(): void {
    if (this.grad_fn) this.grad_fn.retainer = this;
  }

  /**
   * Adds into .grad (leaves and retained non-leaves). A first gradient is copied, unless
   * `owned` says nobody else can see its storage: then it becomes .grad as it is (as PyTorch's
   * AccumulateGrad takes a gradient nothing else refers to), saving a copy of every leaf's
   * gradient per backward pass.
   */
  _accumulateGrad(g: Tensor, owned = false): void {
    const gg = ops.sameShape(g.shape, this.shape) ? g : ops.sumToShape(g, this.shape);
    const madeHere = gg.storage !== g.storage;
    let kept: Tensor | null = null; // the gradient memory .grad now holds, if it is g's or gg's
    if (this.gradTensor !== null) ops.add_(this.gradTensor, gg);
    else if ((owned || madeHere) && gg.is_contiguous() && gg.offset === 0 && gg.storage.size === gg.numel()) this.replaceGrad(kept = gg.detach(), true);
    else this.replaceGrad(ops.clone(gg).detach(), true);
    // What nobody else can see is returned now rather than at the next collection.
    if (madeHere && !kept) gg.storage.free();
    if (owned && !(kept && kept.storage === g.storage)) g.storage.free();
  }

  /** The same elements (and version counter), cut off from autograd. */
  detach(): Tensor {
    const t = new Tensor(this.storage, this.shape, this.strides, this.offset);
    t.versionCounter = this.versionCounter;
    return t;
  }

  detach_(): this {
    if (this._view) {
      throw new RuntimeError("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
    }
    this.gradFn = null;
    this.requiresGrad = false;
    return this;
  }

  // ---- conversion ----
  /** The single element as a JS number (a boolean for bool tensors, as Python gives). */
  item(): any {
    if (this.numel() !== 1) throw new ValueError("only one element tensors can be converted to Python scalars");
    const v = this._data[this.offset];
    return this.dtype.name === "bool" ? v !== 0 : v;
  }

  tolist(): any {
    const data = ops.contiguousData(this);
    const isBool = this.dtype.name === "bool";
    const build = (dim: number, start: number): any => {
      if (dim === this.ndim) return isBool ? data[start] !== 0 : data[start];
      const out = [];
      const step = numelOf(this.shape.slice(dim + 1));
      for (let i = 0; i < this.shape[dim]; i++) out.push(build(dim + 1, start + i * step));
      return out;
    };
    return build(0, 0);
  }

  /** The elements in row-major order as a plain typed array (a copy). */
  toArray(): TypedArray { return ops.contiguousData(this).slice(); }

  /**
   * to(dtype), to(device, dtype?), to(other) and their options { dtype, device, non_blocking,
   * copy }, as PyTorch: the tensor itself when nothing changes, unless copy.
   */
  to(...args: unknown[]): Tensor {
    const { dtype, copy } = toArguments(args);
    const out = dtype === null ? this : ops.toDtype(this, dtype);
    return copy && out === this ? ops.clone(this) : out;
  }
  type(...args: unknown[]): Tensor | string {
    const overload = args.length === 0 ? 0 : 1;
    const a = bindEntry<{ dtype?: DType | string; non_blocking?: boolean }>("type", args, TENSOR_METHODS_CONVERSION.type, 0, 1, overload);
    return a.dtype === undefined ? LEGACY_TYPE_NAMES[this.dtype.name] : this.to(a.dtype, { non_blocking: a.non_blocking });
  }
  float(): Tensor { return this.to("float32"); }
  double(): Tensor { return this.to("float64"); }
  long(): Tensor { return this.to("int64"); }
  int(): Tensor { return this.to("int32"); }
  byte(): Tensor { return this.to("uint8"); }
  bool(): Tensor { return this.to("bool"); }
  cpu(): Tensor { return this; }
  cuda(): Tensor { availableDevice("cuda"); return this; }
  /** There is no NumPy here: throws, pointing to tolist() and toArray(). */
  numpy(): never { throw new RuntimeError("there is no NumPy in TypeScript: use tolist() or toArray()"); }

  // ---- printing ----
  toString(): string {
    return formatTensor({
      shape: this.shape,
      dtype: this.dtype.name,
      data: ops.contiguousData(this),
      requires_grad: this.requires_grad && this.is_leaf,
      grad_fn: this.grad_fn?.typeName(),
      is_parameter: this._isParameter,
    });
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
  get [Symbol.toStringTag](): string { return "Tensor"; }

  // ---- arithmetic ----
  add(other: TensorOrScalar, ...rest: unknown[]): Tensor { return ops.add(this, other, ...noOut("add", rest)); }
  sub(other: TensorOrScalar, ...rest: unknown[]): Tensor { return ops.sub(this, other, ...noOut("sub", rest)); }
  mul(other: TensorOrScalar): Tensor { return ops.mul(this, other); }
  div(other: TensorOrScalar, ...rest: unknown[]): Tensor { return ops.div(this, other, ...noOut("div", rest)); }
  true_divide(other: TensorOrScalar): Tensor { return ops.div(this, other); }
  rsub(other: TensorOrScalar, ...rest: unknown[]): Tensor { return ops.rsub(this, other, ...rest); }
  neg(): Tensor { return ops.neg(this); }
  negative(): Tensor { return ops.neg(this); }
  pow(exponent: TensorOrScalar): Tensor { return ops.pow(this, exponent); }
  matmul(...args: unknown[]): Tensor { return ops.matmulCall(this, ...noOut("matmul", args)); }
  mm(...args: unknown[]): Tensor { return ops.mmCall(this, ...noOut("mm", args)); }
  mv(...args: unknown[]): Tensor { return ops.mvCall(this, ...noOut("mv", args)); }
  dot(...args: unknown[]): Tensor { return ops.dotCall(this, ...noOut("dot", args)); }
  bmm(...args: unknown[]): Tensor { return ops.bmmCall(this, ...noOut("bmm", args)); }
  add_(other: TensorOrScalar, ...rest: unknown[]): this { return ops.inplaceFrom(this, () => ops.add(this, other, ...noOut("add_", rest)), undefined, [other]); }
  sub_(other: TensorOrScalar, ...rest: unknown[]): this { return ops.inplaceFrom(this, () => ops.sub(this, other, ...noOut("sub_", rest)), undefined, [other]); }
  mul_(other: TensorOrScalar): this { return ops.inplaceFrom(this, () => ops.mul(this, other), undefined, [other]); }
  div_(other: TensorOrScalar, ...rest: unknown[]): this { return ops.inplaceFrom(this, () => ops.div(this, other, ...noOut("div_", rest)), undefined, [other]); }
  pow_(exponent: TensorOrScalar): this { return ops.inplaceFrom(this, () => ops.pow(this, exponent), ops.SAME_DTYPE_ERROR, [exponent]); }
  clamp_(...args: unknown[]): this { return ops.inplaceFrom(this, () => ops.clamp(this, ...noOut("clamp_", args)), ops.CLAMP_CAST_ERROR, args); }
  clip_(...args: unknown[]): this { return this.clamp_(...args); }
  neg_(): this { return ops.inplaceFrom(this, () => ops.neg(this)); }
  negative_(): this { return this.neg_(); }
  reciprocal_(): this { return ops.inplaceFrom(this, () => ops.reciprocal(this)); }
  exp_(): this { return ops.inplaceFrom(this, () => ops.exp(this)); }
  log_(): this { return ops.inplaceFrom(this, () => ops.log(this)); }
  sqrt_(): this { return ops.inplaceFrom(this, () => ops.sqrt(this)); }
  rsqrt_(): this { return ops.inplaceFrom(this, () => ops.rsqrt(this)); }
  abs_(): this { return ops.inplaceFrom(this, () => ops.abs(this)); }
  sign_(): this { return ops.inplaceFrom(this, () => ops.sign(this)); }
  sin_(): this { return ops.inplaceFrom(this, () => ops.sin(this)); }
  cos_(): this { return ops.inplaceFrom(this, () => ops.cos(this)); }
  erf_(): this { return ops.inplaceFrom(this, () => ops.erf(this)); }
  square_(): this { return this.pow_(2); }
  masked_fill_(mask: Tensor, value: Scalar): this { return ops.inplaceFrom(this, () => ops.masked_fill(this, mask, value)); }
  zero_(): this { return ops.zero_(this); }
  fill_(value: Scalar): this { return ops.fill_(this, value); }
  copy_(src: Tensor): this { return ops.copy_(this, src); }
  uniform_(...args: unknown[]): this { return ops.uniform_(this, ...args); }
  normal_(...args: unknown[]): this { return ops.normal_(this, ...args); }
  bernoulli_(...args: unknown[]): this { return ops.bernoulli_(this, ...args); }

  // ---- elementwise math ----
  exp(): Tensor { return ops.exp(this); }
  log(): Tensor { return ops.log(this); }
  sqrt(): Tensor { return ops.sqrt(this); }
  rsqrt(): Tensor { return ops.rsqrt(this); }
  abs(): Tensor { return ops.abs(this); }
  sign(): Tensor { return ops.sign(this); }
  square(): Tensor { return ops.pow(this, 2); }
  reciprocal(): Tensor { return ops.reciprocal(this); }
  sin(): Tensor { return ops.sin(this); }
  cos(): Tensor { return ops.cos(this); }
  erf(): Tensor { return ops.erf(this); }
  clamp(...args: unknown[]): Tensor { return ops.clamp(this, ...noOut("clamp", args)); }
  clip(...args: unknown[]): Tensor { return ops.clamp(this, ...noOut("clip", args)); }
  maximum(other: Tensor): Tensor { return ops.maximum(this, other); }
  minimum(other: Tensor): Tensor { return ops.minimum(this, other); }
  isnan(): Tensor { return ops.isnan(this); }
  eq(other: TensorOrScalar): Tensor { return ops.eq(this, other); }
  ne(other: TensorOrScalar): Tensor { return ops.ne(this, other); }
  gt(other: TensorOrScalar): Tensor { return ops.gt(this, other); }
  ge(other: TensorOrScalar): Tensor { return ops.ge(this, other); }
  lt(other: TensorOrScalar): Tensor { return ops.lt(this, other); }
  le(other: TensorOrScalar): Tensor { return ops.le(this, other); }
  logical_not(): Tensor { return ops.logical_not(this); }
  logical_and(other: Tensor): Tensor { checkTensor("logical_and", "other", 1, other); return ops.logical_and(this, other); }
  logical_or(other: Tensor): Tensor { checkTensor("logical_or", "other", 1, other); return ops.logical_or(this, other); }
  masked_fill(mask: Tensor, value: Scalar): Tensor { return ops.masked_fill(this, mask, value); }
  where(...args: unknown[]): Tensor {
    const a = bindEntry<{ condition: Tensor; other: TensorOrScalar }>("where", args, TENSOR_METHODS_INDEXING.where, 0, 1);
    return ops.where(a.condition, this, a.other);
  }
  allclose(other: Tensor, ...rest: unknown[]): boolean { return ops.allclose(this, other, ...rest); }
  equal(other: Tensor): boolean { return ops.equal(this, other); }

  // ---- reductions ----
  sum(...args: unknown[]): Tensor { return ops.sum(this, ...noOut("sum", args)); }
  mean(...args: unknown[]): Tensor { return ops.mean(this, ...noOut("mean", args)); }
  var(...args: unknown[]): Tensor { return ops.var_(this, ...noOut("var", args)); }
  std(...args: unknown[]): Tensor { return ops.std(this, ...noOut("std", args)); }
  norm(...args: unknown[]): Tensor { return ops.norm(this, ...noOut("norm", args)); }
  prod(...args: unknown[]): Tensor { return ops.prod(this, ...noOut("prod", args)); }
  sum_to_size(...size: Array<number | number[]>): Tensor { return ops.sumToShape(this, size.flat()); }
  max(...args: unknown[]): Tensor | ops.ValuesIndices { return ops.max(this, ...noOut("max", args)); }
  min(...args: unknown[]): Tensor | ops.ValuesIndices { return ops.min(this, ...noOut("min", args)); }
  amax(...args: unknown[]): Tensor { return ops.amax(this, ...noOut("amax", args)); }
  amin(...args: unknown[]): Tensor { return ops.amin(this, ...noOut("amin", args)); }
  argmax(...args: unknown[]): Tensor { return ops.argmax(this, ...noOut("argmax", args)); }
  argmin(...args: unknown[]): Tensor { return ops.argmin(this, ...noOut("argmin", args)); }
  all(...args: unknown[]): Tensor { return ops.all(this, ...noOut("all", args)); }
  any(...args: unknown[]): Tensor { return ops.any(this, ...noOut("any", args)); }
  count_nonzero(...args: unknown[]): Tensor { return ops.count_nonzero(this, ...args); }

  // ---- shape ----
  view(...shape: Array<number | number[]>): Tensor { return ops.view(this, ...shape); }
  view_as(...args: unknown[]): Tensor { return ops.view(this, ops.shapeOfOther("view_as", args)); }
  reshape(...shape: Array<number | number[]>): Tensor { return ops.reshape(this, ...shape); }
  reshape_as(...args: unknown[]): Tensor { return ops.reshape(this, ops.shapeOfOther("reshape_as", args)); }
  t(): Tensor { return ops.t(this); }
  transpose(...args: unknown[]): Tensor { return ops.transposeCall(this, ...args); }
  permute(...dims: Array<number | number[]>): Tensor { return ops.permute(this, dims.flat()); }
  unsqueeze(...args: unknown[]): Tensor { return ops.unsqueezeCall(this, ...args); }
  squeeze(...args: unknown[]): Tensor { return ops.squeezeCall(this, ...args); }
  flatten(...args: unknown[]): Tensor { return ops.flatten(this, ...args); }
  expand(...sizes: Array<number | number[]>): Tensor { return ops.expand(this, sizes.flat()); }
  expand_as(...args: unknown[]): Tensor { return ops.expand(this, ops.shapeOfOther("expand_as", args)); }
  contiguous(): Tensor { return ops.contiguous(this); }
  clone(): Tensor { return ops.clone(this); }
  index(...indices: unknown[]): Tensor {
    // x.index(0, ":") or x.index([0, ":"]) (an array is no index); ops.index checks each one
    const list = indices.length === 1 && Array.isArray(indices[0]) ? indices[0] : indices;
    return ops.index(this, list as ops.Index[]);
  }
  narrow(...args: unknown[]): Tensor { return ops.narrowCall(this, ...args); }
  index_select(...args: unknown[]): Tensor { return ops.indexSelectCall(this, ...noOut("index_select", args)); }
  select(...args: unknown[]): Tensor { return ops.selectCall(this, ...args); }
  chunk(...args: unknown[]): Tensor[] { return ops.chunkCall(this, ...args); }
  split(...args: unknown[]): Tensor[] { return ops.splitMethod(this, args); }
  gather(...args: unknown[]): Tensor { return ops.gatherCall(this, ...noOut("gather", args)); }
  // (the activations PyTorch has as Tensor methods, x.relu() and the like, are added by
  // activations/generated/tensor_methods.ts, from their definitions)
}

/** A method's arguments: PyTorch's Tensor methods take no out= (the torch functions do). */
function noOut(method: string, args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  if (isOptions(last) && "out" in last) throw new TypeError(`${method}() got an unexpected keyword argument 'out'`);
  return args;
}

export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/**
 * The arguments of Tensor.to and Module.to, as PyTorch parses them: to(dtype), to(device[, dtype]),
 * to(other) (its device and dtype) and the options { device, dtype, non_blocking, copy }. The
 * device is checked (only the CPU exists); the dtype is null when none was given.
 */
export function toArguments(args: readonly unknown[]): { dtype: DType | null; copy: boolean } {
  let rest = args;
  let device: Device | string | null = null;
  if (args[0] instanceof Tensor) rest = [args[0].dtype, ...args.slice(1)];
  else if (args[0] instanceof Device || isDeviceName(args[0])) { device = args[0] as Device | string; rest = args.slice(1); }
  const a = bindArgs("to", rest, { dtype: null as DType | string | null, non_blocking: false, copy: false, device: null as Device | string | null }, 1);
  if (a.device !== null || device !== null) availableDevice((a.device ?? device)!);
  return { dtype: a.dtype === null ? null : toDType(a.dtype), copy: a.copy };
}
