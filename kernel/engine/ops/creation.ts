// Factories: torch.tensor, zeros, ones, full, arange, linspace, eye, rand, randn, randint, *_like.
import { Tensor, NestedArray, numelOf } from "../tensor";
import { bindEntry, checkSizes, isOptions, splitSizes } from "../args";
import { TORCH_FUNCTIONS_CREATION as API } from "../api/tables/creation";
import type { ApiEntry } from "../api/entry";
import { availableDevice, Device } from "../device";
import { DType, float32, float64, int64, bool, toDType } from "../dtype";
import { RuntimeError, ValueError } from "../errors";
import { pyTypeName } from "../pyrepr";
import { default_generator } from "../random";
import type { Generator } from "../random";
import { contiguousData, sameShape } from "./strided";
import { EXACT, OutSpec, checkOut, writeOut } from "./out";

/** The keyword arguments the factories share (api/factory.ts), bound. */
type Common = { dtype: DType | string | null; requires_grad: boolean; device: Device | string | null };
type Factory = Common & { out: Tensor | null };
type RandomFactory = Factory & { generator: Generator | null };

/** The device asked for is checked (only the CPU exists), then requires_grad applied. */
function finish(t: Tensor, requiresGrad: boolean, device: Device | string | null = null): Tensor {
  if (device !== null) availableDevice(device);
  if (requiresGrad && !t.dtype.is_floating_point) throw new RuntimeError("Only Tensors of floating point and complex dtype can require gradients");
  if (requiresGrad) t.requires_grad_(true);
  return t;
}

/**
 * A factory's result: `make` builds it in `dtype` (or `fallback`); with out= (torch.zeros(2, 3,
 * { out })) in out's dtype, which a given dtype must match, written into out, resized to it
 * without a warning (arange's has its own, `resized`).
 */
function created(fn: string, a: Factory, fallback: DType, make: (dtype: DType) => Tensor, resized: OutSpec["resized"] = null): Tensor {
  if (a.device !== null) availableDevice(a.device);
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
export function tensor(...args: unknown[]): Tensor {
  const a = bindEntry<Common & { data: NestedArray | Tensor | ArrayLike<number> }>("tensor", args, API.tensor);
  const data = a.data;
  if (data instanceof Tensor) {
    const t = data.detach().clone().to(dtypeOr(a.dtype, data.dtype));
    return finish(t.storage === data.storage ? t.clone() : t, a.requires_grad, a.device);
  }
  if (ArrayBuffer.isView(data)) {
    const arr = data as unknown as ArrayLike<number>;
    const t = Tensor.empty([arr.length], dtypeOr(a.dtype, float32));
    t._data.set(arr);
    return finish(t, a.requires_grad, a.device);
  }
  const shape = inferShape(data as NestedArray);
  const flat: Array<number | boolean> = Array.isArray(data) ? (data as unknown[]).flat(Infinity as 1) as Array<number | boolean> : [data as number | boolean];
  const inferred = flat.length && flat.every((v) => typeof v === "boolean") ? bool : float32;
  const t = Tensor.empty(shape, dtypeOr(a.dtype, inferred));
  const d = t._data;
  const integral = !t.dtype.is_floating_point;
  for (let i = 0; i < flat.length; i++) d[i] = integral ? Math.trunc(Number(flat[i])) : Number(flat[i]);
  return finish(t, a.requires_grad, a.device);
}

/** A factory's sizes (one by one, as one array, or by name: { size }) and its keyword arguments, by its entry. */
function bindSized<T extends Factory>(fn: string, args: readonly unknown[], entry: ApiEntry): T & { size: number[] } {
  const { size, rest } = splitSizes(fn, args);
  if (size.length || Array.isArray(args[0])) return { ...bindEntry<T>(fn, rest, entry, 1), size };
  const a = bindEntry<T & { size: unknown }>(fn, args, entry);
  return { ...a, size: checkSizes(fn, Array.isArray(a.size) ? a.size : [a.size]) };
}

function filled(fn: "zeros" | "ones", args: unknown[], value: number): Tensor {
  const a = bindSized<Factory>(fn, args, API[fn]);
  return created(fn, a, float32, (dtype) => filledWith(a.size, dtype, value));
}

export function zeros(...args: unknown[]): Tensor { return filled("zeros", args, 0); }
export function ones(...args: unknown[]): Tensor { return filled("ones", args, 1); }

/** torch.empty: zeros here; with out=, out resized (its elements as they were, no write). */
export function empty(...args: unknown[]): Tensor {
  const a = bindSized<Factory>("empty", args, API.empty);
  if (a.out === null) return created("empty", a, float32, (dtype) => filledWith(a.size, dtype, 0));
  const out = checkOut("empty", a.out);
  if (a.dtype !== null && toDType(a.dtype) !== out.dtype) throw new RuntimeError(`dtype ${toDType(a.dtype).scalarType} does not match dtype of out parameter (${out.dtype.scalarType})`);
  if (!sameShape(out.shape, a.size)) out._resize(a.size);
  return finish(out, a.requires_grad, a.device);
}

/** A size PyTorch takes only as a sequence (full, randint): `fn`'s TypeError for anything else. */
function sizeArray(fn: string, size: unknown): number[] {
  if (!Array.isArray(size)) throw new TypeError(`${fn}(): argument 'size' must be tuple of ints, not ${pyTypeName(size)}`);
  return checkSizes(fn, size);
}

export function full(...args: unknown[]): Tensor {
  const a = bindEntry<Factory & { size: unknown; fill_value: number | boolean }>("full", args, API.full);
  const size = sizeArray("full", a.size);
  const fallback = typeof a.fill_value === "boolean" ? bool : float32;
  return created("full", a, fallback, (dtype) => filledWith(size, dtype, Number(a.fill_value)));
}

type LikeName = "zeros_like" | "ones_like" | "empty_like" | "full_like" | "rand_like" | "randn_like";
/** The *_like factories' arguments: the input's shape, and its dtype unless one is given. */
function likeArgs(fn: LikeName, args: unknown[]): { input: Tensor; shape: number[]; fill_value: number; options: Common & { dtype: DType } } {
  const a = bindEntry<Common & { input: Tensor; fill_value: number }>(fn, args, API[fn]);
  if (!(a.input instanceof Tensor)) throw new TypeError(`${fn}(): argument 'input' (position 1) must be Tensor, not ${pyTypeName(a.input)}`);
  return { input: a.input, shape: a.input.shape, fill_value: a.fill_value, options: { dtype: dtypeOr(a.dtype, a.input.dtype), requires_grad: a.requires_grad, device: a.device } };
}
export function zeros_like(...args: unknown[]): Tensor { const a = likeArgs("zeros_like", args); return zeros(a.shape, a.options); }
export function ones_like(...args: unknown[]): Tensor { const a = likeArgs("ones_like", args); return ones(a.shape, a.options); }
export function empty_like(...args: unknown[]): Tensor { const a = likeArgs("empty_like", args); return empty(a.shape, a.options); }
export function full_like(...args: unknown[]): Tensor { const a = likeArgs("full_like", args); return full(a.shape, a.fill_value, a.options); }
export function rand_like(...args: unknown[]): Tensor { const a = likeArgs("rand_like", args); return rand(a.shape, a.options); }
export function randn_like(...args: unknown[]): Tensor { const a = likeArgs("randn_like", args); return randn(a.shape, a.options); }

/** How many arguments lead as numbers: which overload of arange or randint is meant. */
function leadingNumbers(args: readonly unknown[]): number {
  let k = 0;
  while (typeof args[k] === "number") k++;
  return k;
}
/** Whether the trailing options name `name` (arange's start, randint's low: the longer overload). */
function names(args: readonly unknown[], name: string): boolean {
  const last = args[args.length - 1];
  return isOptions(last) && name in last;
}
function checkNumbers(fn: string, values: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(values)) if (typeof v !== "number") throw new TypeError(`${fn}(): argument '${name}' must be Number, not ${pyTypeName(v)}`);
}

/** torch.arange(end) / arange(start, end, step=1): int64 when every bound is an integer. */
export function arange(...args: unknown[]): Tensor {
  const overload = leadingNumbers(args) >= 2 || names(args, "start") ? 1 : 0;
  const a = bindEntry<Factory & { start?: number; end: number; step?: number }>("arange", args, API.arange, 0, 0, overload);
  const start = a.start ?? 0, end = a.end, step = a.step ?? 1;
  checkNumbers("arange", { start, end, step });
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

/** Elements PyTorch's float32 kernel computes from one base: a vector of 8 (AVX2). */
const LANES = 8;

/**
 * PyTorch's float32 linspace kernel, to the last bit. The step is a float32 quotient. Elements
 * come 16 at a time, two vectors of 8: each vector's first value is one fused multiply-add from
 * start (first half) or from end (second half, counted back), and its lanes add k·step to it in
 * float32; the last n mod 16 are computed one by one, each a fused multiply-add. (A multiply-add
 * of float32 values is exact in float64 here: the product has at most 48 bits.)
 */
function fillLinspaceFloat32(d: { [i: number]: number }, start: number, end: number, steps: number): void {
  const f = Math.fround;
  const step = f(f(end - start) / (steps - 1));
  const half = Math.floor(steps / 2);
  const at = (idx: number) => f(idx < half ? start + step * idx : end - step * (steps - idx - 1));
  let i = 0;
  for (; i + 2 * LANES <= steps; i += LANES) {
    // (two vectors per round: a round never starts with fewer than 16 elements left)
    for (const v of [i, i + LANES]) {
      const base = at(v);
      for (let k = 0; k < LANES; k++) d[v + k] = f(base + f(k * step));
    }
    i += LANES;
  }
  for (; i < steps; i++) d[i] = at(i);
}

/** x as m · 2^e with m an integer: a double's exact value. */
function exactValue(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  return { m: hi >>> 31 ? -m : m, e: biased === 0 ? -1074 : biased - 1075 };
}

/** a·k + c rounded once (a fused multiply-add), for a whole number k: exact in BigInt, then Number() rounds. */
function fusedMultiplyAdd(a: number, k: number, c: number): number {
  const x = exactValue(a), y = exactValue(c);
  const e = Math.min(x.e, y.e);
  const n = ((x.m * BigInt(k)) << BigInt(x.e - e)) + (y.m << BigInt(y.e - e));
  const r = Number(n) * 2 ** e;
  return Number.isFinite(r) ? r : a * k + c;
}

/**
 * PyTorch's float64 linspace kernel, to the last bit: as float32's (fillLinspaceFloat32), with
 * vectors of 4 doubles, so rounds of 8; each vector's first value is a fused multiply-add, which
 * float64 cannot do exactly by itself (hence BigInt).
 */
function fillLinspaceFloat64(d: { [i: number]: number }, start: number, end: number, steps: number): void {
  const lanes = LANES / 2;
  const step = (end - start) / (steps - 1);
  const half = Math.floor(steps / 2);
  const at = (idx: number) => (idx < half ? fusedMultiplyAdd(step, idx, start) : fusedMultiplyAdd(-step, steps - idx - 1, end));
  let i = 0;
  for (; i + 2 * lanes <= steps; i += 2 * lanes) {
    for (const v of [i, i + lanes]) {
      const base = at(v);
      for (let k = 0; k < lanes; k++) d[v + k] = base + k * step;
    }
  }
  for (; i < steps; i++) d[i] = at(i);
}

export function linspace(...args: unknown[]): Tensor {
  const a = bindEntry<Factory & { start: number; end: number; steps: number }>("linspace", args, API.linspace);
  const { start, end, steps } = a;
  checkNumbers("linspace", { start, end, steps });
  if (!Number.isInteger(steps) || steps < 0) throw new RuntimeError("number of steps must be non-negative");
  return created("linspace", a, float32, (dtype) => {
    const t = Tensor.empty([steps], dtype);
    // PyTorch fills the first half forward from start and the second half backward from end.
    if (steps === 1) { t._data[0] = dtype.cast(start); return t; }
    const step = steps > 1 ? (end - start) / (steps - 1) : 0;
    const half = Math.floor(steps / 2);
    const d = t._data;
    if (t.dtype === float32) {
      fillLinspaceFloat32(d, Math.fround(start), Math.fround(end), steps);
    } else if (t.dtype === float64) {
      fillLinspaceFloat64(d, start, end, steps);
    } else {
      for (let i = 0; i < steps; i++) d[i] = dtype.cast(i < half ? start + step * i : end - step * (steps - i - 1));
    }
    return t;
  });
}

export function eye(...args: unknown[]): Tensor {
  const a = bindEntry<Factory & { n: number; m: number | null }>("eye", args, API.eye);
  const n = a.n, m = a.m ?? n;
  checkNumbers("eye", { n, m });
  return created("eye", a, float32, (dtype) => {
    const t = filledWith([n, m], dtype, 0);
    for (let i = 0; i < Math.min(n, m); i++) t._data[i * m + i] = 1;
    return t;
  });
}

/** rand and randn: of a floating dtype (`kernel` names the kernel that refuses the others), from the generator. */
function randomTensor(fn: "rand" | "randn", kernel: string, args: unknown[], fill: (g: Generator, a: Float32Array | Float64Array) => void): Tensor {
  const a = bindSized<RandomFactory>(fn, args, API[fn]);
  const size = a.size;
  return created(fn, a, float32, (dtype) => {
    if (!dtype.is_floating_point) throw new RuntimeError(`"${kernel}" not implemented for '${dtype.scalarType}'`);
    const t = Tensor.empty(size, dtype); // first, so that a size beyond memory fails as PyTorch's allocator does
    const tmp = dtype === float32 ? new Float32Array(numelOf(size)) : new Float64Array(numelOf(size));
    fill(a.generator ?? default_generator, tmp);
    t._data.set(tmp);
    return t;
  });
}

export function rand(...args: unknown[]): Tensor { return randomTensor("rand", "check_uniform_bounds", args, (g, a) => g.uniform_(a, 0, 1)); }
export function randn(...args: unknown[]): Tensor { return randomTensor("randn", "normal_kernel_cpu", args, (g, a) => g.normal_(a, 0, 1)); }

/** torch.randint(high, size) or randint(low, high, size): int64. */
export function randint(...args: unknown[]): Tensor {
  const overload = leadingNumbers(args) >= 2 || names(args, "low") ? 1 : 0;
  const a = bindEntry<RandomFactory & { low?: number; high: number; size: unknown }>("randint", args, API.randint, 0, 0, overload);
  const low = a.low ?? 0, high = a.high;
  checkNumbers("randint", { low, high });
  const size = sizeArray("randint", a.size);
  if (low >= high) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  return created("randint", a, int64, (dtype) => {
    const tmp = new Float64Array(numelOf(size));
    (a.generator ?? default_generator).random_(tmp, low, high);
    const t = Tensor.empty(size, dtype);
    t._data.set(tmp);
    return t;
  });
}

export function randperm(...args: unknown[]): Tensor {
  const a = bindEntry<RandomFactory & { n: number }>("randperm", args, API.randperm);
  const n = a.n;
  checkNumbers("randperm", { n });
  return created("randperm", a, int64, (dtype) => {
    const t = Tensor.empty([n], dtype);
    t._data.set((a.generator ?? default_generator).randperm(n));
    return t;
  });
}

/** torch.from_array(values, shape?, dtype?): the values copied into a new tensor. */
export function from_array(...args: unknown[]): Tensor {
  const a = bindEntry<{ values: ArrayLike<number>; shape: number[] | null; dtype: DType | string | null }>("from_array", args, API.from_array);
  const shape = a.shape === null ? [a.values.length] : checkSizes("from_array", a.shape);
  if (numelOf(shape) !== a.values.length) throw new RuntimeError(`from_array: shape [${shape.join(", ")}] holds ${numelOf(shape)} elements, but ${a.values.length} values were given`);
  const t = Tensor.empty(shape, dtypeOr(a.dtype, float32));
  t._data.set(a.values);
  return t;
}
