// + - * / and powers, each with its gradient beside it.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindArgs, checkOperand } from "../args";
import { bool, float32 } from "../dtype";
import { RuntimeError } from "../errors";
import { elementwise, Input, resultType } from "./elementwise";
import { sumToShape } from "./reduce";
import { zeros_like } from "./creation";
import { sameShape } from "./strided";
import * as simd from "../wasm/ops";

const isT = (x: unknown): x is Tensor => x instanceof Tensor;

/** Gradient of a broadcast input: summed back to the input's shape. */
export function reduceGrad(g: Tensor, input: Input): Tensor | null {
  if (!isT(input)) return null;
  return sameShape(g.shape, input.shape) ? g : sumToShape(g, input.shape);
}

export function add(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("add", "other", 1, b);
  const { alpha } = bindArgs("add", rest, { alpha: 1 as number });
  if (!isT(a)) return add(b, a, ...(alpha === 1 ? [] : [{ alpha }]));
  const out = alpha === 1
    ? simd.binary("add", a, b) ?? elementwise(["a", "b"], "a + b", [a, b])
    : (isT(b) ? simd.axpy(a, b, alpha) : null) ?? elementwise(["a", "b"], "a + p.alpha * b", [a, b], undefined, { alpha: scalarParam(alpha, a, b) });
  return record(out, "AddBackward0", [a, isT(b) ? b : null],
    (g) => [reduceGrad(g, a), isT(b) ? reduceGrad(alpha === 1 ? g : g.mul(alpha), b) : null]);
}

export function sub(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("sub", "other", 1, b);
  checkSubtraction(a, b);
  const { alpha } = bindArgs("sub", rest, { alpha: 1 as number });
  if (!isT(a)) {
    // `2 - x` is PyTorch's rsub
    const out = (alpha === 1 ? simd.binary("sub", b as Tensor, a, true) : null)
      ?? elementwise(["a", "b"], "b - p.alpha * a", [b, a], undefined, { alpha: scalarParam(alpha, b as Tensor, a) });
    return record(out, "RsubBackward1", [b as Tensor], (g) => [reduceGrad(g.mul(-alpha), b)]);
  }
  const out = (alpha === 1 ? simd.binary("sub", a, b) : isT(b) ? simd.axpy(a, b, -alpha) : null)
    ?? elementwise(["a", "b"], alpha === 1 ? "a - b" : "a - p.alpha * b", [a, b], undefined, { alpha: scalarParam(alpha, a, b) });
  return record(out, "SubBackward0", [a, isT(b) ? b : null],
    (g) => [reduceGrad(g, a), isT(b) ? reduceGrad(g.mul(-alpha), b) : null]);
}

/** PyTorch refuses subtraction with bool operands (a JS boolean counts as a bool tensor, as Python's does). */
function checkSubtraction(a: Input, b: Input): void {
  const isBool = (v: Input) => (isT(v) ? v.dtype === bool : typeof v === "boolean");
  if (isBool(a) && isBool(b)) throw new RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
  if (isBool(a) || isBool(b)) throw new RuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
}

/** torch.rsub(a, b) = b - alpha * a: RsubBackward0 for a tensor b, RsubBackward1 for a number. */
export function rsub(a: Tensor, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("rsub", "other", 1, b);
  checkSubtraction(a, b);
  if (!isT(b)) return sub(b, a, ...rest);
  const { alpha } = bindArgs("rsub", rest, { alpha: 1 as number });
  const value = sub(b.detach(), a.detach(), { alpha });
  return record(value, "RsubBackward0", [a, b], (g) => [reduceGrad(g.mul(-alpha), a), reduceGrad(g, b)]);
}

export function mul(a: Input, b: Input): Tensor {
  checkOperand("mul", "other", 1, b);
  if (!isT(a)) return mul(b, a);
  const out = simd.binary("mul", a, b) ?? elementwise(["a", "b"], "a * b", [a, b]);
  if (!isT(b)) return record(out, "MulBackward0", [a], (g) => [g.mul(b)], [null]); // the wrapped scalar is saved
  // each side's gradient needs the other side's values: saved only when that gradient is wanted
  return record(out, "MulBackward0", [a, b], (g, [self, other]) => [
    other ? reduceGrad(g.mul(other), a) : null,
    self ? reduceGrad(g.mul(self), b) : null,
  ], [b.requires_grad ? a : null, a.requires_grad ? b : null]);
}

export function div(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("div", "other", 1, b);
  const { rounding_mode } = bindArgs("div", rest, { rounding_mode: null as null | "trunc" | "floor" });
  if (!isT(a)) return mul(reciprocal(b as Tensor), a);
  const floatType = resultType([a, b]).is_floating_point ? resultType([a, b]) : float32;
  if (rounding_mode) {
    const expr = rounding_mode === "trunc" ? "Math.trunc(f32(a / b))" : "divFloor(a, b)";
    if (resultType([a, b]) === bool) throw new RuntimeError(`"div_${rounding_mode}_cpu" not implemented for 'Bool'`);
    // a step function: zero gradient almost everywhere, as PyTorch's DivBackward2 gives
    return record(elementwise(["a", "b"], expr, [a, b]), "DivBackward2", [a, isT(b) ? b : null],
      (g) => [reduceGrad(zeros_like(g), a), isT(b) ? reduceGrad(zeros_like(g), b) : null]);
  }
  if (!isT(b) || (b.ndim === 0 && !b.requires_grad)) {
    // a true division, rounded to the tensor's dtype, as PyTorch 1.13's div_true_kernel does for
    // a scalar too (multiplying by the reciprocal differs in the last bit for 72% of float32
    // values divided by 255: measured against torch, test/golden/ops.test.ts)
    const divisor = isT(b) ? b.item() : Number(b);
    const d = floatType === float32 ? Math.fround(divisor) : divisor;
    const out = (floatType === float32 ? simd.binary("div", a, d) : null) ?? elementwise(["a"], "a / p.d", [a], floatType, { d });
    if (isT(b)) return record(out, "DivBackward0", [a, null], (g, [, other]) => [reduceGrad(g.div(other!), a), null], [null, b]);
    return record(out, "DivBackward0", [a], (g) => [g.div(divisor)], [null]);
  }
  const out = simd.binary("div", a, b) ?? elementwise(["a", "b"], "a / b", [a, b], floatType, {}, floatType);
  return record(out, "DivBackward0", [a, b], (g, [self, other]) => [
    a.requires_grad ? reduceGrad(g.div(other!), a) : null,
    // PyTorch's -grad · ((self / other) / other): no overflow of other²
    b.requires_grad ? reduceGrad(g.neg().mul(self!.div(other!).div(other!)), b) : null,
  ], [b.requires_grad ? a : null, b]);
}

export function neg(x: Tensor): Tensor {
  if (x.dtype === bool) throw new RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  return record(simd.negate(x) ?? elementwise(["x"], "-x", [x]), "NegBackward0", [x], (g) => [g.neg()]);
}

export function reciprocal(x: Tensor): Tensor {
  const out = simd.binary("div", x, 1, true) ?? elementwise(["x"], "1 / x", [x], x.dtype.is_floating_point ? x.dtype : float32);
  return record(out, "ReciprocalBackward0", [x], (g, [result]) => [g.mul(result!.mul(result!)).neg()], [out]);
}

export function pow(base: Input, exponent: Input): Tensor {
  checkOperand("pow", "exponent", 1, exponent);
  if (resultType([base, exponent]) === bool) throw new RuntimeError(`"pow" not implemented for 'Bool'`);
  if (!isT(base)) {
    // scalar ** tensor
    const e = exponent as Tensor;
    const out = elementwise(["a", "b"], "Math.pow(a, b)", [base, e], resultType([e, base]).is_floating_point ? undefined : float32);
    const lnBase = Math.log(Number(base));
    // a zero base with a non-negative exponent has gradient 0 (not 0 · -inf), as in PyTorch
    return record(out, "PowBackward2", [e], (g, [result, exp]) => {
      const grad = g.mul(result!).mul(lnBase);
      return [Number(base) === 0 ? grad.masked_fill(exp!.ge(0), 0) : grad];
    }, [out, e]);
  }
  if (!isT(exponent)) {
    const p = Number(exponent);
    if (!base.dtype.is_floating_point && Number.isInteger(p) && p < 0) throw new RuntimeError("Integers to negative integer powers are not allowed.");
    const out = (p === 2 ? simd.binary("mul", base, base) : null)
      ?? elementwise(["a", "b"], p === 2 ? "a * a" : p === 0.5 ? "Math.sqrt(a)" : "Math.pow(a, b)", [base, p]);
    return record(out, "PowBackward0", [base], (g, [self]) => {
      if (p === 0) return [g.mul(0)];
      return [g.mul(self!.pow(p - 1).mul(p))];
    }, [base]);
  }
  const out = elementwise(["a", "b"], "Math.pow(a, b)", [base, exponent]);
  return record(out, "PowBackward1", [base, exponent], (g, [self, exp, result]) => [
    base.requires_grad ? reduceGrad(g.mul(exp!.mul(self!.pow(exp!.sub(1)))).masked_fill(exp!.eq(0), 0), base) : null,
    exponent.requires_grad ? reduceGrad(g.mul(result!.mul(self!.log()).masked_fill(self!.eq(0).logical_and(exp!.ge(0)), 0)), exponent) : null,
  ], [base, exponent, exponent.requires_grad ? out : null]);
}

/** A scalar parameter as the computation sees it: rounded for float32 math. */
function scalarParam(v: number, ...inputs: Input[]): number {
  return resultType(inputs) === float32 ? Math.fround(v) : v;
}
