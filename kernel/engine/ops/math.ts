// Elementwise math, comparisons and selection, each with its gradient beside it.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindArgs, checkOperand, checkTensor } from "../args";
import { bool, float32, DType } from "../dtype";
import { RuntimeError } from "../errors";
import { elementwise, Input, resultType } from "./elementwise";
import { reduceGrad } from "./arithmetic";
import { contiguousData, sameShape } from "./strided";
import { zeros_like } from "./creation";

/** Output dtype of a float function: integer inputs become float32, as in PyTorch. */
function floatOf(x: Tensor): DType { return x.dtype.is_floating_point ? x.dtype : float32; }

/**
 * A float function of one tensor. Its derivative is written, as in PyTorch's derivatives.yaml,
 * in terms of the input (`self`) or the result: `uses` says which, and that is what is saved.
 */
function floatUnary(name: string, expr: string, x: Tensor, uses: "self" | "result", backward: (g: Tensor, saved: Tensor) => Tensor): Tensor {
  const out = elementwise(["x"], expr, [x], floatOf(x));
  return record(out, name, [x], (g, [saved]) => [backward(g, saved!)], [uses === "self" ? x : out]);
}

export function exp(x: Tensor): Tensor { return floatUnary("ExpBackward0", "Math.exp(x)", x, "result", (g, result) => g.mul(result)); }
export function log(x: Tensor): Tensor { return floatUnary("LogBackward0", "Math.log(x)", x, "self", (g, self) => g.div(self)); }
export function sqrt(x: Tensor): Tensor { return floatUnary("SqrtBackward0", "Math.sqrt(x)", x, "result", (g, result) => g.div(result.mul(2))); }
export function rsqrt(x: Tensor): Tensor { return floatUnary("RsqrtBackward0", "1 / Math.sqrt(x)", x, "result", (g, result) => g.mul(result.pow(3)).mul(-0.5)); }
export function sin(x: Tensor): Tensor { return floatUnary("SinBackward0", "Math.sin(x)", x, "self", (g, self) => g.mul(self.cos())); }
export function cos(x: Tensor): Tensor { return floatUnary("CosBackward0", "Math.cos(x)", x, "self", (g, self) => g.mul(self.sin()).neg()); }
export function erf(x: Tensor): Tensor {
  return floatUnary("ErfBackward0", "erf(x)", x, "self", (g, self) => g.mul(self.mul(self).neg().exp().mul(2 / Math.sqrt(Math.PI))));
}

export function abs(x: Tensor): Tensor {
  if (x.dtype === bool) throw new RuntimeError(`"abs_cpu" not implemented for 'Bool'`);
  const out = elementwise(["x"], "Math.abs(x)", [x]);
  return record(out, "AbsBackward0", [x], (g, [self]) => [g.mul(self!.sign())], [x]);
}

export function sign(x: Tensor): Tensor {
  const out = elementwise(["x"], "x > 0 ? 1 : x < 0 ? -1 : 0" /* PyTorch: sign(nan) is 0 */, [x]);
  return record(out, "SignBackward0", [x], (g) => [zeros_like(g)]);
}

export function clamp(x: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("clamp", args, { min: null as number | Tensor | null, max: null as number | Tensor | null });
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
  const out = elementwise(["x", "lo", "hi"], expr, [x, lo, hi], dtype, {}, dtype);
  const tlo = lo instanceof Tensor ? lo : null, thi = hi instanceof Tensor ? hi : null;
  if (!tlo && !thi) {
    return record(out, "ClampBackward1", [x], (g, [self]) => [g.masked_fill(self!.ge(lo).logical_and(self!.le(hi)).logical_not(), 0)], [x]);
  }
  // tensor bounds get the gradient where they are the result, as PyTorch's
  // clamp_backward_min_max gives it (when min > max, min gets none)
  return record(out, "ClampBackward0", [x, tlo, thi], (g, [self, min, max]) => {
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
  }, [x, tlo, thi]);
}

const COMPARISON_NAMES: Record<string, string> = { "===": "eq", "!==": "ne", ">": "gt", ">=": "ge", "<": "lt", "<=": "le" };

function compare(op: string, a: Tensor, b: Input): Tensor {
  checkOperand(COMPARISON_NAMES[op], "other", 1, b);
  return elementwise(["a", "b"], `(a ${op} b) ? 1 : 0`, [a, b], bool);
}
export function eq(a: Tensor, b: Input): Tensor { return compare("===", a, b); }
export function ne(a: Tensor, b: Input): Tensor { return compare("!==", a, b); }
export function gt(a: Tensor, b: Input): Tensor { return compare(">", a, b); }
export function ge(a: Tensor, b: Input): Tensor { return compare(">=", a, b); }
export function lt(a: Tensor, b: Input): Tensor { return compare("<", a, b); }
export function le(a: Tensor, b: Input): Tensor { return compare("<=", a, b); }
export function isnan(x: Tensor): Tensor { return elementwise(["x"], "x !== x ? 1 : 0", [x], bool); }
export function logical_not(x: Tensor): Tensor { return elementwise(["x"], "x === 0 ? 1 : 0", [x], bool); }
/** `position` is where `other` stands: 1 in the method x.logical_and(other), 2 in torch.logical_and(x, other). */
export function logical_and(a: Tensor, b: Tensor, position = 1): Tensor {
  checkTensor("logical_and", "other", position, b);
  return elementwise(["a", "b"], "(a !== 0 && b !== 0) ? 1 : 0", [a, b], bool);
}
export function logical_or(a: Tensor, b: Tensor, position = 1): Tensor {
  checkTensor("logical_or", "other", position, b);
  return elementwise(["a", "b"], "(a !== 0 || b !== 0) ? 1 : 0", [a, b], bool);
}

export function where(condition: Tensor, a: Input, b: Input): Tensor {
  const dtype = resultType([a, b]);
  const out = elementwise(["c", "a", "b"], "c !== 0 ? a : b", [condition, a, b], dtype, {}, dtype);
  const ta = a instanceof Tensor ? a : null, tb = b instanceof Tensor ? b : null;
  return record(out, "WhereBackward0", [null, ta, tb], (g, [cond]) => [
    null,
    ta ? reduceGrad(g.mul(cond!), ta) : null,
    tb ? reduceGrad(g.mul(cond!.logical_not()), tb) : null,
  ], [condition]);
}

export function masked_fill(x: Tensor, mask: Tensor, value: number): Tensor {
  if (mask.dtype !== bool) throw new RuntimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype.cppType}`);
  const out = elementwise(["x", "m"], "m !== 0 ? p.v : x", [x, mask], x.dtype, { v: x.dtype.cast(value) }, x.dtype);
  return record(out, "MaskedFillBackward0", [x], (g, [m]) => [g.masked_fill(m!, 0)], [mask]);
}

export function allclose(a: Tensor, b: Tensor, ...args: unknown[]): boolean {
  const o = bindArgs("allclose", args, { rtol: 1e-5, atol: 1e-8, equal_nan: false });
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
