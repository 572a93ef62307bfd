// Elementwise math, comparisons and selection, each with its gradient beside it.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindEntry, checkOperand, checkTensor, checksOwnArguments } from "../args";
import { TORCH_FUNCTIONS_MATH as API } from "../api/tables/math";
import { bool, float32, DType } from "../dtype";
import { RuntimeError } from "../errors";
import { elementwise, Input, resultType } from "./elementwise";
import { reduceGrad } from "./arithmetic";
import { CAST, Dest, OutOption, SAME, elementwiseOut, produce } from "./out";
import { contiguousData, sameShape } from "./strided";
import { zeros_like } from "./creation";

/** Output dtype of a float function: integer inputs become float32, as in PyTorch. */
function floatOf(x: Tensor): DType { return x.dtype.is_floating_point ? x.dtype : float32; }

/**
 * A float function of one tensor, as torch.<name>(x, { out }) (`rest`: the arguments after x).
 * Its derivative is written, as in PyTorch's derivatives.yaml, in terms of the input (`self`) or
 * the result: `uses` says which, and that is what is saved.
 */
function floatUnary(name: "exp" | "log" | "sqrt" | "rsqrt" | "sin" | "cos" | "erf", gradFn: string, expr: string, x: Tensor, rest: unknown[], uses: "self" | "result", backward: (g: Tensor, saved: Tensor) => Tensor): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>(name, rest, API[name], 1);
  return produce(name, elementwiseOut(name), out, [x], (dest) => elementwise(["x"], expr, [x], floatOf(x), {}, undefined, dest),
    (result) => record(result, gradFn, [x], (g, [saved]) => [backward(g, saved!)], [uses === "self" ? x : result]));
}

type Unary = { (x: Tensor, options?: OutOption): Tensor; (x: Tensor, ...rest: unknown[]): Tensor };
export const exp: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("exp", "ExpBackward0", "Math.exp(x)", x, rest, "result", (g, result) => g.mul(result));
export const log: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("log", "LogBackward0", "Math.log(x)", x, rest, "self", (g, self) => g.div(self));
export const sqrt: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("sqrt", "SqrtBackward0", "Math.sqrt(x)", x, rest, "result", (g, result) => g.div(result.mul(2)));
export const rsqrt: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("rsqrt", "RsqrtBackward0", "1 / Math.sqrt(x)", x, rest, "result", (g, result) => g.mul(result.pow(3)).mul(-0.5));
export const sin: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("sin", "SinBackward0", "Math.sin(x)", x, rest, "self", (g, self) => g.mul(self.cos()));
export const cos: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("cos", "CosBackward0", "Math.cos(x)", x, rest, "self", (g, self) => g.mul(self.sin()).neg());
export const erf: Unary = (x: Tensor, ...rest: unknown[]) => floatUnary("erf", "ErfBackward0", "erf(x)", x, rest, "self",
  (g, self) => g.mul(self.mul(self).neg().exp().mul(2 / Math.sqrt(Math.PI))));

const ABS = elementwiseOut("abs", SAME), SIGN = elementwiseOut("sign", SAME);

export function abs(x: Tensor, options?: OutOption): Tensor;
export function abs(x: Tensor, ...rest: unknown[]): Tensor;
export function abs(x: Tensor, ...rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>("abs", rest, API.abs, 1);
  if (x.dtype === bool) throw new RuntimeError(`"abs_cpu" not implemented for 'Bool'`);
  return produce("abs", ABS, out, [x], (dest) => elementwise(["x"], "Math.abs(x)", [x], undefined, {}, undefined, dest),
    (result) => record(result, "AbsBackward0", [x], (g, [self]) => [g.mul(self!.sign())], [x]));
}

export function sign(x: Tensor, options?: OutOption): Tensor;
export function sign(x: Tensor, ...rest: unknown[]): Tensor;
export function sign(x: Tensor, ...rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>("sign", rest, API.sign, 1);
  return produce("sign", SIGN, out, [x], (dest) => elementwise(["x"], "x > 0 ? 1 : x < 0 ? -1 : 0" /* PyTorch: sign(nan) is 0 */, [x], undefined, {}, undefined, dest),
    (result) => record(result, "SignBackward0", [x], (g) => [zeros_like(g)]));
}

/** clamp's kernel for number bounds takes nothing but the result's dtype; with a tensor bound it casts. */
const CLAMP = elementwiseOut("clamp", SAME), CLAMP_TENSOR = elementwiseOut("clamp");

export function clamp(x: Tensor, min?: number | Tensor | null, max?: number | Tensor | null, options?: OutOption): Tensor;
export function clamp(x: Tensor, options: { min?: number | Tensor | null; max?: number | Tensor | null } & OutOption): Tensor;
export function clamp(x: Tensor, ...args: unknown[]): Tensor;
export function clamp(x: Tensor, ...args: unknown[]): Tensor {
  const a = bindEntry<{ min: number | Tensor | null; max: number | Tensor | null; out: Tensor | null }>("clamp", args, API.clamp, 1);
  if (a.min === null && a.max === null) throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  for (const [name, v] of [["min", a.min], ["max", a.max]] as const) if (v !== null) checkOperand("clamp", name, name === "min" ? 1 : 2, v);
  const lo = a.min ?? -Infinity, hi = a.max ?? Infinity;
  const dtype = resultType([x, ...[a.min, a.max].filter((v): v is number | Tensor => v !== null)]);
  // nan x stays nan, and min > max gives max everywhere. A nan bound: with both bounds (or a
  // tensor bound) PyTorch's kernel propagates it; a lone number bound (clamp_min, clamp_max) is
  // passed over, as its SIMD max/min instructions do
  const both = (a.min !== null && a.max !== null) || lo instanceof Tensor || hi instanceof Tensor;
  const expr = both ? "(x !== x || lo !== lo || hi !== hi) ? NaN : Math.min(Math.max(x, lo), hi)"
    : a.min !== null ? "x < lo ? lo : x" : "x > hi ? hi : x";
  const tlo = lo instanceof Tensor ? lo : null, thi = hi instanceof Tensor ? hi : null;
  const forward = (dest: Dest) => elementwise(["x", "lo", "hi"], expr, [x, lo, hi], dtype, {}, dtype, dest);
  if (!tlo && !thi) {
    return produce("clamp", CLAMP, a.out, [x], forward,
      (result) => record(result, "ClampBackward1", [x], (g, [self]) => [g.masked_fill(self!.ge(lo).logical_and(self!.le(hi)).logical_not(), 0)], [x]));
  }
  // tensor bounds get the gradient where they are the result, as PyTorch's
  // clamp_backward_min_max gives it (when min > max, min gets none)
  return produce("clamp", CLAMP_TENSOR, a.out, [x, tlo, thi], forward, (result) => record(result, "ClampBackward0", [x, tlo, thi], (g, [self, min, max]) => {
    const where = (pred: Tensor) => g.masked_fill(pred.logical_not(), 0);
    if (min && max) {
      return [
        reduceGrad(where(self!.ge(min).logical_and(self!.le(max))), x),
        tlo!.requires_grad ? reduceGrad(where(self!.lt(min).logical_and(min.lt(max))), min) : null,
        thi!.requires_grad ? reduceGrad(where(self!.gt(max).logical_or(max.lt(min))), max) : null,
      ];
    }
    // one tensor bound, the other a number or absent
    const bound = (min ?? max)!;
    const kept = min ? self!.ge(bound) : self!.le(bound);
    const other = min ? (thi ? null : hi) : (tlo ? null : lo);
    const inside = typeof other === "number" && Number.isFinite(other) ? kept.logical_and(min ? self!.le(other) : self!.ge(other)) : kept;
    const boundGrad = reduceGrad(where(min ? self!.lt(bound) : self!.gt(bound)), bound);
    return [reduceGrad(where(inside), x), min ? boundGrad : null, max ? boundGrad : null];
  }, [x, tlo, thi]));
}

const COMPARISON_NAMES: Record<string, "eq" | "ne" | "gt" | "ge" | "lt" | "le"> = { "===": "eq", "!==": "ne", ">": "gt", ">=": "ge", "<": "lt", "<=": "le" };

/** A comparison or logical op (no gradient): bool, or whatever out= holds (1 and 0). */
function predicate(name: "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "logical_not" | "logical_and" | "logical_or", expr: string, inputs: readonly Tensor[], other: Input | null, rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>(name, rest, API[name], inputs.length + (other === null ? 0 : 1));
  const all = other === null ? inputs : [...inputs, other];
  return produce(name, elementwiseOut(name, CAST, "none"), out, all, (dest) => elementwise(["a", "b"].slice(0, all.length), expr, all, bool, {}, undefined, dest), (r) => r);
}

type Comparison = { (a: Tensor, b: Input, options?: OutOption): Tensor; (a: Tensor, b: Input, ...rest: unknown[]): Tensor };
function compare(op: string, a: Tensor, b: Input, rest: unknown[]): Tensor {
  checkOperand(COMPARISON_NAMES[op], "other", 1, b);
  return predicate(COMPARISON_NAMES[op], `(a ${op} b) ? 1 : 0`, [a], b, rest);
}
export const eq: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare("===", a, b, rest);
export const ne: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare("!==", a, b, rest);
export const gt: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare(">", a, b, rest);
export const ge: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare(">=", a, b, rest);
export const lt: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare("<", a, b, rest);
export const le: Comparison = (a: Tensor, b: Input, ...rest: unknown[]) => compare("<=", a, b, rest);
export function isnan(x: Tensor): Tensor { return elementwise(["x"], "x !== x ? 1 : 0", [x], bool); }

export function logical_not(x: Tensor, options?: OutOption): Tensor;
export function logical_not(x: Tensor, ...rest: unknown[]): Tensor;
export function logical_not(x: Tensor, ...rest: unknown[]): Tensor { return predicate("logical_not", "a === 0 ? 1 : 0", [x], null, rest); }
/** torch.logical_and(x, other): `other` is argument 2 (the Tensor method checks its own, argument 1). */
export function logical_and(a: Tensor, b: Tensor, options?: OutOption): Tensor;
export function logical_and(a: Tensor, b: Tensor, ...rest: unknown[]): Tensor;
export function logical_and(a: Tensor, b: Tensor, ...rest: unknown[]): Tensor {
  checkTensor("logical_and", "other", 2, b);
  return predicate("logical_and", "(a !== 0 && b !== 0) ? 1 : 0", [a], b, rest);
}
export function logical_or(a: Tensor, b: Tensor, options?: OutOption): Tensor;
export function logical_or(a: Tensor, b: Tensor, ...rest: unknown[]): Tensor;
export function logical_or(a: Tensor, b: Tensor, ...rest: unknown[]): Tensor {
  checkTensor("logical_or", "other", 2, b);
  return predicate("logical_or", "(a !== 0 || b !== 0) ? 1 : 0", [a], b, rest);
}

/** where's kernel cannot cast: PyTorch 1.13 fails an internal assertion when out's dtype differs. */
const WHERE = elementwiseOut("where", (r, o) => (r === o ? null
  : "!needs_dynamic_casting<func_t>::check(iter) INTERNAL ASSERT FAILED at \"./aten/src/ATen/native/cpu/Loops.h\":308, please report a bug to PyTorch. "));

export function where(condition: Tensor, a: Input, b: Input, options?: OutOption): Tensor;
export function where(condition: Tensor, a: Input, b: Input, ...rest: unknown[]): Tensor;
export function where(condition: Tensor, a: Input, b: Input, ...rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>("where", rest, API.where, 3);
  // only where(condition, input, other) of tensors has out=
  if (out !== null) ([["input", a], ["other", b]] as const).forEach(([name, v], i) => checkTensor("where", name, i + 2, v));
  const dtype = resultType([a, b]);
  const ta = a instanceof Tensor ? a : null, tb = b instanceof Tensor ? b : null;
  return produce("where", WHERE, out, [condition, a, b], (dest) => elementwise(["c", "a", "b"], "c !== 0 ? a : b", [condition, a, b], dtype, {}, dtype, dest),
    (result) => record(result, "WhereBackward0", [null, ta, tb], (g, [cond]) => [
      null,
      ta ? reduceGrad(g.mul(cond!), ta) : null,
      tb ? reduceGrad(g.mul(cond!.logical_not()), tb) : null,
    ], [condition]));
}

export function masked_fill(x: Tensor, mask: Tensor, value: number | boolean): Tensor {
  if (mask.dtype !== bool) throw new RuntimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype.cppType}`);
  const out = elementwise(["x", "m"], "m !== 0 ? p.v : x", [x, mask], x.dtype, { v: x.dtype.cast(Number(value)) }, x.dtype);
  return record(out, "MaskedFillBackward0", [x], (g, [m]) => [g.masked_fill(m!, 0)], [mask]);
}

export function allclose(a: Tensor, b: Tensor, ...args: unknown[]): boolean {
  const o = bindEntry<{ rtol: number; atol: number; equal_nan: boolean }>("allclose", args, API.allclose, 2);
  const close = elementwise(["a", "b"], "(a === b || Math.abs(a - b) <= p.atol + p.rtol * Math.abs(b) || (p.nan && a !== a && b !== b)) ? 1 : 0",
    [a, b], bool, { atol: o.atol, rtol: o.rtol, nan: o.equal_nan ? 1 : 0 });
  return contiguousData(close).every((v: number) => v === 1);
}

export function equal(a: Tensor, b: Tensor): boolean {
  if (!sameShape(a.shape, b.shape)) return false;
  const x = contiguousData(a), y = contiguousData(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// these take out= (ops/out.ts)
checksOwnArguments(exp, log, sqrt, rsqrt, sin, cos, erf, abs, sign, clamp, eq, ne, gt, ge, lt, le, logical_not, logical_and, logical_or, where);
