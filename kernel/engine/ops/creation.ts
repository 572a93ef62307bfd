// Factories: torch.tensor, zeros, ones, full, arange, linspace, eye, rand, randn, randint, *_like.
import { Tensor, NestedArray, numelOf } from "../tensor";
import { bindArgs, splitSizes } from "../args";
import { DType, float32, int64, bool, toDType } from "../dtype";
import { RuntimeError, ValueError } from "../errors";
import { default_generator } from "../random";
import type { Generator } from "../random";
import { contiguousData, sameShape } from "./strided";
import { ArgsWithOut, EXACT, OUT, OutSpec, checkOut, writeOut } from "./out";

type Common = { dtype: DType | string | null; requires_grad: boolean; device: string };
const COMMON: Common = { dtype: null, requires_grad: false, device: "cpu" };

function finish(t: Tensor, requiresGrad: boolean): Tensor {
  if (requiresGrad && !t.dtype.is_floating_point) throw new RuntimeError("Only Tensors of floating point and complex dtype can require gradients");
  if (requiresGrad) t.requires_grad_(true);
  return t;
}

/**
 * A factory's result: `make` builds it in `dtype` (or `fallback`); with out= (torch.zeros(2, 3,
 * { out })) in out's dtype, which a given dtype must match, written into out, resized to it
 * without a warning (arange's has its own, `resized`).
 */
function created(fn: string, a: Common & { out: Tensor | null }, fallback: DType, make: (dtype: DType) => Tensor, resized: OutSpec["resized"] = null): Tensor {
  if (a.out === null) return finish(make(dtypeOr(a.dtype, fallback)), a.requires_grad);
  const out = checkOut(fn, a.out);
  const dtype = dtypeOr(a.dtype, out.dtype);
  if (dtype !== out.dtype) throw new RuntimeError(`dtype ${dtype.scalarType} does not match dtype of out parameter (${out.dtype.scalarType})`);
  return finish(writeOut(fn, { aten: fn, dtype: EXACT, grad: "unimplemented", resized }, out, [], () => make(dtype)), a.requires_grad);
}

/** A tensor of `shape` and `dtype` filled with `value`, as the dtype holds it. */
function filledWith(shape: readonly number[], dtype: DType, value: number): Tensor {
  const t = Tensor.empty(shape, dtype);
  t._data.fill(dtype.cast(value));
  return t;
}

function dtypeOr(d: DType | string | null, fallback: DType): DType {
  return d === null ? fallback : toDType(d);
}

/** Shape of nested arrays, with PyTorch's error for ragged input. */
function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  const check = (v: NestedArray, dim: number): void => {
    if (dim === shape.length) {
      if (Array.isArray(v)) throw new ValueError(`expected sequence of length ${shape[dim - 1] ?? 0} at dim ${dim - 1} (got ${v.length})`);
      if (typeof v === "string") throw new ValueError(`too many dimensions 'str'`);
      if (typeof v !== "number" && typeof v !== "boolean") throw new TypeError(`Could not infer dtype of ${v === null ? "NoneType" : typeof v}`);
      return;
    }
    if (!Array.isArray(v)) throw new TypeError(`not a sequence`);
    if (v.length !== shape[dim]) throw new ValueError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${v.length})`);
    for (const e of v) check(e, dim + 1);
  };
  check(data, 0);
  return shape;
}

/**
 * torch.tensor(data, { dtype, requires_grad }). JS numbers carry no int/float distinction, so
 * numbers make float32 (pass dtype: torch.int64 for integers); booleans make bool.
 */
export function tensor(data: NestedArray | Tensor | ArrayLike<number>, ...args: unknown[]): Tensor {
  const a = bindArgs("tensor", args, COMMON);
  if (data instanceof Tensor) {
    const t = data.detach().clone().to(dtypeOr(a.dtype, data.dtype));
    return finish(t.storage === data.storage ? t.clone() : t, a.requires_grad);
  }
  if (ArrayBuffer.isView(data)) {
    const arr = data as unknown as ArrayLike<number>;
    const t = Tensor.empty([arr.length], dtypeOr(a.dtype, data instanceof Float64Array ? float32 : float32));
    t._data.set(arr);
    return finish(t, a.requires_grad);
  }
  const shape = inferShape(data as NestedArray);
  const flat: Array<number | boolean> = Array.isArray(data) ? (data as unknown[]).flat(Infinity as 1) as Array<number | boolean> : [data as number | boolean];
  const inferred = flat.length && flat.every((v) => typeof v === "boolean") ? bool : float32;
  const t = Tensor.empty(shape, dtypeOr(a.dtype, inferred));
  const d = t._data;
  const integral = !t.dtype.is_floating_point;
  for (let i = 0; i < flat.length; i++) d[i] = integral ? Math.trunc(Number(flat[i])) : Number(flat[i]);
  return finish(t, a.requires_grad);
}

function filled(fn: string, args: unknown[], value: number): Tensor {
  const { size, rest } = splitSizes(fn, args);
  return created(fn, bindArgs(fn, rest, COMMON, 0, OUT), float32, (dtype) => filledWith(size, dtype, value));
}

export function zeros(...args: ArgsWithOut): Tensor;
export function zeros(...args: unknown[]): Tensor;
export function zeros(...args: unknown[]): Tensor { return filled("zeros", args, 0); }
export function ones(...args: ArgsWithOut): Tensor;
export function ones(...args: unknown[]): Tensor;
export function ones(...args: unknown[]): Tensor { return filled("ones", args, 1); }

/** torch.empty: zeros here; with out=, out resized (its elements as they were, no write). */
export function empty(...args: ArgsWithOut): Tensor;
export function empty(...args: unknown[]): Tensor;
export function empty(...args: unknown[]): Tensor {
  const { size, rest } = splitSizes("empty", args);
  const a = bindArgs("empty", rest, COMMON, 0, OUT);
  if (a.out === null) return created("empty", a, float32, (dtype) => filledWith(size, dtype, 0));
  const out = checkOut("empty", a.out);
  if (a.dtype !== null && toDType(a.dtype) !== out.dtype) throw new RuntimeError(`dtype ${toDType(a.dtype).scalarType} does not match dtype of out parameter (${out.dtype.scalarType})`);
  if (!sameShape(out.shape, size)) out._resize(size);
  return finish(out, a.requires_grad);
}

export function full(size: number[], fill_value: number | boolean, ...args: ArgsWithOut): Tensor;
export function full(size: number[], fill_value: number | boolean, ...args: unknown[]): Tensor;
export function full(size: number[], fill_value: number | boolean, ...args: unknown[]): Tensor {
  const fallback = typeof fill_value === "boolean" ? bool : float32;
  return created("full", bindArgs("full", args, COMMON, 0, OUT), fallback, (dtype) => filledWith(size, dtype, Number(fill_value)));
}

function likeArgs(fn: string, x: Tensor, args: unknown[]): { dtype: DType; requires_grad: boolean } {
  const a = bindArgs(fn, args, COMMON);
  return { dtype: dtypeOr(a.dtype, x.dtype), requires_grad: a.requires_grad };
}
export function zeros_like(x: Tensor, ...args: unknown[]): Tensor { const a = likeArgs("zeros_like", x, args); return zeros(x.shape, a); }
export function ones_like(x: Tensor, ...args: unknown[]): Tensor { const a = likeArgs("ones_like", x, args); return ones(x.shape, a); }
export function empty_like(x: Tensor, ...args: unknown[]): Tensor { const a = likeArgs("empty_like", x, args); return empty(x.shape, a); }
export function full_like(x: Tensor, value: number, ...args: unknown[]): Tensor { const a = likeArgs("full_like", x, args); return full(x.shape, value, a); }
export function rand_like(x: Tensor, ...args: unknown[]): Tensor { const a = likeArgs("rand_like", x, args); return rand(x.shape, a); }
export function randn_like(x: Tensor, ...args: unknown[]): Tensor { const a = likeArgs("randn_like", x, args); return randn(x.shape, a); }

/** torch.arange(end) / arange(start, end, step=1): int64 when every bound is an integer. */
export function arange(...args: ArgsWithOut): Tensor;
export function arange(...args: unknown[]): Tensor;
export function arange(...args: unknown[]): Tensor {
  const nums = args.filter((v) => typeof v === "number") as number[];
  const rest = args.filter((v) => typeof v !== "number");
  const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  const a = bindArgs("arange", rest, COMMON, 0, OUT);
  if (step === 0) throw new RuntimeError("step must be nonzero");
  if ((end - start) / step < 0) throw new RuntimeError("upper bound and larger bound inconsistent with step sign");
  const integral = [start, end, step].every(Number.isInteger);
  const n = Math.ceil((end - start) / step);
  const make = (dtype: DType) => {
    const t = Tensor.empty([n], dtype);
    for (let i = 0; i < n; i++) t._data[i] = dtype.cast(start + i * step);
    // an out of n elements keeps its shape (PyTorch resizes only for another count)
    return a.out !== null && a.out.numel() === n ? t.reshape(a.out.shape) : t;
  };
  return created("arange", a, integral ? int64 : float32, make, (had, shape) =>
    `The number of elements in the out tensor of shape [${had.join(", ")}] is ${numelOf(had)} which does not match the computed number of elements ${numelOf(shape)}. ` +
    `Note that this may occur as a result of rounding error. The out tensor will be resized to a tensor of shape (${shape[0]},). (Triggered internally at  ./aten/src/ATen/native/RangeFactories.cpp:188.)`);
}

export function linspace(start: number, end: number, steps: number, ...args: ArgsWithOut): Tensor;
export function linspace(start: number, end: number, steps: number, ...args: unknown[]): Tensor;
export function linspace(start: number, end: number, steps: number, ...args: unknown[]): Tensor {
  const a = bindArgs("linspace", args, COMMON, 0, OUT);
  if (!Number.isInteger(steps) || steps < 0) throw new RuntimeError("number of steps must be non-negative");
  return created("linspace", a, float32, (dtype) => {
    const t = Tensor.empty([steps], dtype);
    // PyTorch fills the first half forward from start and the second half backward from end.
    if (steps === 1) { t._data[0] = dtype.cast(start); return t; }
    const step = steps > 1 ? (end - start) / (steps - 1) : 0;
    const half = Math.floor(steps / 2);
    const d = t._data;
    if (t.dtype === float32) {
      const s = Math.fround(step);
      for (let i = 0; i < steps; i++) d[i] = i < half ? Math.fround(start + Math.fround(s * i)) : Math.fround(end - Math.fround(s * (steps - i - 1)));
    } else {
      for (let i = 0; i < steps; i++) d[i] = dtype.cast(i < half ? start + step * i : end - step * (steps - i - 1));
    }
    return t;
  });
}

export function eye(n: number, ...args: ArgsWithOut): Tensor;
export function eye(n: number, ...args: unknown[]): Tensor;
export function eye(n: number, ...args: unknown[]): Tensor {
  const m = typeof args[0] === "number" ? (args.shift() as number) : n;
  return created("eye", bindArgs("eye", args, COMMON, 0, OUT), float32, (dtype) => {
    const t = filledWith([n, m], dtype, 0);
    for (let i = 0; i < Math.min(n, m); i++) t._data[i * m + i] = 1;
    return t;
  });
}

const RANDOM = { ...COMMON, generator: null as Generator | null };

/** rand and randn: of a floating dtype (`kernel` names the kernel that refuses the others), from the generator. */
function randomTensor(fn: string, kernel: string, args: unknown[], fill: (g: Generator, a: Float32Array | Float64Array) => void): Tensor {
  const { size, rest } = splitSizes(fn, args);
  const a = bindArgs(fn, rest, RANDOM, 0, OUT);
  return created(fn, a, float32, (dtype) => {
    if (!dtype.is_floating_point) throw new RuntimeError(`"${kernel}" not implemented for '${dtype.scalarType}'`);
    const t = Tensor.empty(size, dtype); // first, so that a size beyond memory fails as PyTorch's allocator does
    const tmp = dtype === float32 ? new Float32Array(numelOf(size)) : new Float64Array(numelOf(size));
    fill(a.generator ?? default_generator, tmp);
    t._data.set(tmp);
    return t;
  });
}

export function rand(...args: ArgsWithOut): Tensor;
export function rand(...args: unknown[]): Tensor;
export function rand(...args: unknown[]): Tensor { return randomTensor("rand", "check_uniform_bounds", args, (g, a) => g.uniform_(a, 0, 1)); }
export function randn(...args: ArgsWithOut): Tensor;
export function randn(...args: unknown[]): Tensor;
export function randn(...args: unknown[]): Tensor { return randomTensor("randn", "normal_kernel_cpu", args, (g, a) => g.normal_(a, 0, 1)); }

/** torch.randint(high, size) or randint(low, high, size): int64. */
export function randint(...args: ArgsWithOut): Tensor;
export function randint(...args: unknown[]): Tensor;
export function randint(...args: unknown[]): Tensor {
  const nums: number[] = [];
  while (typeof args[0] === "number") nums.push(args.shift() as number);
  const [low, high] = nums.length === 1 ? [0, nums[0]] : [nums[0], nums[1]];
  const size = Array.isArray(args[0]) ? (args.shift() as number[]) : [];
  const a = bindArgs("randint", args, RANDOM, 0, OUT);
  if (low >= high) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  return created("randint", a, int64, (dtype) => {
    const tmp = new Float64Array(numelOf(size));
    (a.generator ?? default_generator).random_(tmp, low, high);
    const t = Tensor.empty(size, dtype);
    t._data.set(tmp);
    return t;
  });
}

export function randperm(n: number, ...args: ArgsWithOut): Tensor;
export function randperm(n: number, ...args: unknown[]): Tensor;
export function randperm(n: number, ...args: unknown[]): Tensor {
  const a = bindArgs("randperm", args, RANDOM, 0, OUT);
  return created("randperm", a, int64, (dtype) => {
    const t = Tensor.empty([n], dtype);
    t._data.set((a.generator ?? default_generator).randperm(n));
    return t;
  });
}

export function from_array(values: ArrayLike<number>, shape?: number[], dtype: DType = float32): Tensor {
  const t = Tensor.empty(shape ?? [values.length], dtype);
  t._data.set(values);
  return t;
}

