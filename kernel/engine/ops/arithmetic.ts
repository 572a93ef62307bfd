// + - * / and powers, each with its gradient beside it.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindEntry, checkOperand, checksOwnArguments } from "../args";
import { TORCH_FUNCTIONS_ARITHMETIC as API } from "../api/tables/arithmetic";
import { bool, float32 } from "../dtype";
import { RuntimeError } from "../errors";
import { elementwise, Input, resultType } from "./elementwise";
import { sumToShape } from "./reduce";
import { zeros_like } from "./creation";
import { sameShape } from "./strided";
import { OutOption, SAME, elementwiseOut, produce } from "./out";
import * as simd from "../wasm/ops";

const isT = (x: unknown): x is Tensor => x instanceof Tensor;

/** Gradient of a broadcast input: summed back to the input's shape. */
export function reduceGrad(g: Tensor, input: Input): Tensor | null {
  if (!isT(input)) return null;
  return sameShape(g.shape, input.shape) ? g : sumToShape(g, input.shape);
}

const ADD = elementwiseOut("add"), SUB = elementwiseOut("sub"), MUL = elementwiseOut("mul"), DIV = elementwiseOut("div");
const NEG = elementwiseOut("neg", SAME), RECIPROCAL = elementwiseOut("reciprocal");
/** pow's kernel for a number exponent takes nothing but the result's dtype; the others cast. */
const POW = elementwiseOut("pow"), POW_SCALAR = elementwiseOut("pow", SAME);

export function add(a: Input, b: Input, options?: { alpha?: number } & OutOption): Tensor;
export function add(a: Input, b: Input, ...rest: unknown[]): Tensor;
export function add(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("add", "other", 1, b);
  const { alpha, out } = bindEntry<{ alpha: number; out: Tensor | null }>("add", rest, API.add, 2);
  if (!isT(a)) return add(b, a, ...rest);
  return produce("add", ADD, out, [a, b], (dest) => (alpha === 1
    ? simd.binary("add", a, b, false, dest) ?? elementwise(["a", "b"], "a + b", [a, b], undefined, {}, undefined, dest)
    : (isT(b) ? simd.axpy(a, b, alpha, dest) : null)
      ?? elementwise(["a", "b"], "a + p.alpha * b", [a, b], undefined, { alpha: scalarParam(alpha, a, b) }, undefined, dest)),
  (result) => record(result, "AddBackward0", [a, isT(b) ? b : null],
    (g) => [reduceGrad(g, a), isT(b) ? reduceGrad(alpha === 1 ? g : g.mul(alpha), b) : null]));
}

export function sub(a: Input, b: Input, options?: { alpha?: number } & OutOption): Tensor;
export function sub(a: Input, b: Input, ...rest: unknown[]): Tensor;
export function sub(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("sub", "other", 1, b);
  checkSubtraction(a, b);
  const { alpha, out } = bindEntry<{ alpha: number; out: Tensor | null }>("sub", rest, API.sub, 2);
  if (!isT(a)) {
    // `2 - x` is PyTorch's rsub
    const t = b as Tensor;
    return produce("sub", SUB, out, [t], (dest) => (alpha === 1 ? simd.binary("sub", t, a, true, dest) : null)
      ?? elementwise(["a", "b"], "b - p.alpha * a", [t, a], undefined, { alpha: scalarParam(alpha, t, a) }, undefined, dest),
    (result) => record(result, "RsubBackward1", [t], (g) => [reduceGrad(g.mul(-alpha), t)]));
  }
  return produce("sub", SUB, out, [a, b], (dest) => (alpha === 1 ? simd.binary("sub", a, b, false, dest) : isT(b) ? simd.axpy(a, b, -alpha, dest) : null)
    ?? elementwise(["a", "b"], alpha === 1 ? "a - b" : "a - p.alpha * b", [a, b], undefined, { alpha: scalarParam(alpha, a, b) }, undefined, dest),
  (result) => record(result, "SubBackward0", [a, isT(b) ? b : null],
    (g) => [reduceGrad(g, a), isT(b) ? reduceGrad(g.mul(-alpha), b) : null]));
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
  const { alpha } = bindEntry<{ alpha: number }>("rsub", rest, API.rsub, 2);
  const value = sub(b.detach(), a.detach(), { alpha });
  return record(value, "RsubBackward0", [a, b], (g) => [reduceGrad(g.mul(-alpha), a), reduceGrad(g, b)]);
}

export function mul(a: Input, b: Input, options?: OutOption): Tensor;
export function mul(a: Input, b: Input, ...rest: unknown[]): Tensor;
export function mul(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("mul", "other", 1, b);
  const { out } = bindEntry<{ out: Tensor | null }>("mul", rest, API.mul, 2);
  if (!isT(a)) return mul(b, a, ...rest);
  return produce("mul", MUL, out, [a, b], (dest) => simd.binary("mul", a, b, false, dest) ?? elementwise(["a", "b"], "a * b", [a, b], undefined, {}, undefined, dest), (result) => {
    if (!isT(b)) return record(result, "MulBackward0", [a], (g) => [g.mul(b)], [null]); // the wrapped scalar is saved
    // each side's gradient needs the other side's values: saved only when that gradient is wanted
    return record(result, "MulBackward0", [a, b], (g, [self, other]) => [
      other ? reduceGrad(g.mul(other), a) : null,
      self ? reduceGrad(g.mul(self), b) : null,
    ], [b.requires_grad ? a : null, a.requires_grad ? b : null]);
  });
}

const ROUNDING_MODES: ReadonlyArray<unknown> = [null, "trunc", "floor"];

export function div(a: Input, b: Input, options?: { rounding_mode?: "trunc" | "floor" | null } & OutOption): Tensor;
export function div(a: Input, b: Input, ...rest: unknown[]): Tensor;
export function div(a: Input, b: Input, ...rest: unknown[]): Tensor {
  checkOperand("div", "other", 1, b);
  const { rounding_mode, out } = bindEntry<{ rounding_mode: null | "trunc" | "floor"; out: Tensor | null }>("div", rest, API.div, 2);
  if (!ROUNDING_MODES.includes(rounding_mode)) throw new RuntimeError(`div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${rounding_mode}'`);
  if (!isT(a)) return produce("div", DIV, out, [b], () => mul(reciprocal(b as Tensor), a), (result) => result);
  const floatType = resultType([a, b]).is_floating_point ? resultType([a, b]) : float32;
  if (rounding_mode) {
    const expr = rounding_mode === "trunc" ? "Math.trunc(f32(a / b))" : "divFloor(a, b)";
    if (resultType([a, b]) === bool) throw new RuntimeError(`"div_${rounding_mode}_cpu" not implemented for 'Bool'`);
    // a step function: zero gradient almost everywhere, as PyTorch's DivBackward2 gives
    return produce("div", DIV, out, [a, b], (dest) => elementwise(["a", "b"], expr, [a, b], undefined, {}, undefined, dest),
      (result) => record(result, "DivBackward2", [a, isT(b) ? b : null], (g) => [reduceGrad(zeros_like(g), a), isT(b) ? reduceGrad(zeros_like(g), b) : null]));
  }
  if (!isT(b) || (b.ndim === 0 && !b.requires_grad)) {
    // a true division, rounded to the tensor's dtype, as PyTorch 1.13's div_true_kernel does for
    // a scalar too (multiplying by the reciprocal differs in the last bit for 72% of float32
    // values divided by 255: measured against torch, test/golden/ops.test.ts)
    const divisor = isT(b) ? b.item() : Number(b);
    const d = floatType === float32 ? Math.fround(divisor) : divisor;
    return produce("div", DIV, out, [a, b], (dest) => (floatType === float32 ? simd.binary("div", a, d, false, dest) : null)
      ?? elementwise(["a"], "a / p.d", [a], floatType, { d }, undefined, dest), (result) => (isT(b)
      ? record(result, "DivBackward0", [a, null], (g, [, other]) => [reduceGrad(g.div(other!), a), null], [null, b])
      : record(result, "DivBackward0", [a], (g) => [g.div(divisor)], [null])));
  }
  return produce("div", DIV, out, [a, b], (dest) => simd.binary("div", a, b, false, dest) ?? elementwise(["a", "b"], "a / b", [a, b], floatType, {}, floatType, dest),
    (result) => record(result, "DivBackward0", [a, b], (g, [self, other]) => [
      a.requires_grad ? reduceGrad(g.div(other!), a) : null,
      // PyTorch's -grad · ((self / other) / other): no overflow of other²
      b.requires_grad ? reduceGrad(g.neg().mul(self!.div(other!).div(other!)), b) : null,
    ], [b.requires_grad ? a : null, b]));
}

export function neg(x: Tensor, options?: OutOption): Tensor;
export function neg(x: Tensor, ...rest: unknown[]): Tensor;
export function neg(x: Tensor, ...rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>("neg", rest, API.neg, 1);
  if (x.dtype === bool) throw new RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  return produce("neg", NEG, out, [x], (dest) => simd.negate(x, dest) ?? elementwise(["x"], "-x", [x], undefined, {}, undefined, dest),
    (result) => record(result, "NegBackward0", [x], (g) => [g.neg()]));
}

export function reciprocal(x: Tensor, options?: OutOption): Tensor;
export function reciprocal(x: Tensor, ...rest: unknown[]): Tensor;
export function reciprocal(x: Tensor, ...rest: unknown[]): Tensor {
  const { out } = bindEntry<{ out: Tensor | null }>("reciprocal", rest, API.reciprocal, 1);
  return produce("reciprocal", RECIPROCAL, out, [x], (dest) => simd.binary("div", x, 1, true, dest)
    ?? elementwise(["x"], "1 / x", [x], x.dtype.is_floating_point ? x.dtype : float32, {}, undefined, dest),
  (result) => record(result, "ReciprocalBackward0", [x], (g, [r]) => [g.mul(r!.mul(r!)).neg()], [result]));
}

export function pow(base: Input, exponent: Input, options?: OutOption): Tensor;
export function pow(base: Input, exponent: Input, ...rest: unknown[]): Tensor;
export function pow(base: Input, exponent: Input, ...rest: unknown[]): Tensor {
  checkOperand("pow", "exponent", 1, exponent);
  const { out } = bindEntry<{ out: Tensor | null }>("pow", rest, API.pow, 2);
  if (resultType([base, exponent]) === bool) throw new RuntimeError(`"pow" not implemented for 'Bool'`);
  if (!isT(base)) {
    // scalar ** tensor
    const e = exponent as Tensor;
    const lnBase = Math.log(Number(base));
    return produce("pow", POW, out, [e], (dest) => elementwise(["a", "b"], "Math.pow(a, b)", [base, e], resultType([e, base]).is_floating_point ? undefined : float32, {}, undefined, dest),
      // a zero base with a non-negative exponent has gradient 0 (not 0 · -inf), as in PyTorch
      (result) => record(result, "PowBackward2", [e], (g, [r, exp]) => {
        const grad = g.mul(r!).mul(lnBase);
        return [Number(base) === 0 ? grad.masked_fill(exp!.ge(0), 0) : grad];
      }, [result, e]));
  }
  if (!isT(exponent)) {
    const p = Number(exponent);
    if (!base.dtype.is_floating_point && Number.isInteger(p) && p < 0) throw new RuntimeError("Integers to negative integer powers are not allowed.");
    return produce("pow", POW_SCALAR, out, [base], (dest) => (p === 2 ? simd.binary("mul", base, base, false, dest) : null)
      ?? elementwise(["a", "b"], p === 2 ? "a * a" : p === 0.5 ? "Math.sqrt(a)" : "Math.pow(a, b)", [base, p], undefined, {}, undefined, dest),
    (result) => record(result, "PowBackward0", [base], (g, [self]) => {
      if (p === 0) return [g.mul(0)];
      return [g.mul(self!.pow(p - 1).mul(p))];
    }, [base]));
  }
  return produce("pow", POW, out, [base, exponent], (dest) => elementwise(["a", "b"], "Math.pow(a, b)", [base, exponent], undefined, {}, undefined, dest),
    (result) => record(result, "PowBackward1", [base, exponent], (g, [self, exp, r]) => [
      base.requires_grad ? reduceGrad(g.mul(exp!.mul(self!.pow(exp!.sub(1)))).masked_fill(exp!.eq(0), 0), base) : null,
      exponent.requires_grad ? reduceGrad(g.mul(r!.mul(self!.log()).masked_fill(self!.eq(0).logical_and(exp!.ge(0)), 0)), exponent) : null,
    ], [base, exponent, exponent.requires_grad ? result : null]));
}

/** A scalar parameter as the computation sees it: rounded for float32 math. */
function scalarParam(v: number, ...inputs: Input[]): number {
  return resultType(inputs) === float32 ? Math.fround(v) : v;
}

// these take out= (ops/out.ts)
checksOwnArguments(add, sub, mul, div, neg, reciprocal, pow);
