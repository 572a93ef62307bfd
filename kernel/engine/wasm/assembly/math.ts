// Vector float32 transcendental functions, four lanes at a time. The polynomial coefficients are
// our own near-minimax fits (../fit_coefficients.py prints them); test/unit/wasm-math.test.ts
// measures the float32 error of each function against the double-precision JS Math functions.
//
// Special values follow Math.*: exp(-inf) = 0, exp(inf) = inf, nan stays nan, and results
// overflow to inf / underflow through the subnormals to 0 as a correctly rounded exp would.
import { splat, sel, withSignOf, highHalf, low64, high64, join32 } from "./simd";

const LOG2E: f32 = 1.4426950408889634;
// ln 2 split so that n * LN2_HI is exact for |n| < 256 (LN2_HI has 16 significant bits)
const LN2_HI: f32 = 0.693145751953125;
const LN2_LO: f32 = 1.4286068203094173e-6;

// (e^r - 1 - r) / r^2 on |r| <= ln2/2, relative error 2.9e-9
const E0: f32 = 0.5;
const E1: f32 = 0.1666666716337204;
const E2: f32 = 0.04166645556688309;
const E3: f32 = 0.008333361707627773;
const E4: f32 = 0.0013934497255831957;
const E5: f32 = 0.00019858128507621586;

/** e^r - 1 for |r| <= ln2/2, as r + r^2 P(r). */
@inline function expm1Small(r: v128): v128 {
  let p = f32x4.add(splat(E4), f32x4.mul(r, splat(E5)));
  p = f32x4.add(splat(E3), f32x4.mul(r, p));
  p = f32x4.add(splat(E2), f32x4.mul(r, p));
  p = f32x4.add(splat(E1), f32x4.mul(r, p));
  p = f32x4.add(splat(E0), f32x4.mul(r, p));
  return f32x4.add(r, f32x4.mul(f32x4.mul(r, r), p));
}

/** 2^n as float32 bits, for integer lanes n in [-126, 127]. */
@inline function pow2(n: v128): v128 {
  return i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
}

// Adding 1.5 * 2^23 rounds a float32 of magnitude below 2^22 to an integer (to nearest even) and
// leaves that integer in the low bits: cheaper than nearest + trunc_sat, which x64 lacks.
const ROUNDER: f32 = 12582912.0;

/**
 * Clamping that lets nan through: pmin/pmax (one instruction each on x64, unlike min/max)
 * return their first operand when the comparison fails, as it does for nan.
 */
@inline export function clamp(x: v128, lo: f32, hi: f32): v128 {
  return f32x4.pmax(f32x4.pmin(x, splat(hi)), splat(lo));
}

/** e^(hi + lo), |lo| small next to ln 2; hi may be any float (lo must be finite). */
@inline export function vexp2(hi: v128, lo: v128): v128 {
  // Beyond these bounds the result is inf or 0 in float32.
  const x = clamp(hi, -110, 89);
  const k = f32x4.add(f32x4.mul(x, splat(LOG2E)), splat(ROUNDER));
  const n = f32x4.sub(k, splat(ROUNDER));
  // x - n ln2_hi is exact (Sterbenz); the low part of ln 2 and lo then add small corrections.
  const r = f32x4.add(f32x4.sub(f32x4.sub(x, f32x4.mul(n, splat(LN2_HI))), f32x4.mul(n, splat(LN2_LO))), lo);
  const p = f32x4.add(splat(1), expm1Small(r));
  // 2^n in two factors, so that overflow to inf and gradual underflow to 0 round once
  const ni = i32x4.sub(k, splat(ROUNDER));
  const n1 = i32x4.shr_s(ni, 1);
  return f32x4.mul(f32x4.mul(p, pow2(n1)), pow2(i32x4.sub(ni, n1)));
}

/** e^x. */
@inline export function vexp(x: v128): v128 {
  return vexp2(x, splat(0));
}

/** e^x - 1, accurate near 0; infinity where float32's e^x overflows (x > 88.72), as in PyTorch. */
@inline export function vexpm1(x: v128): v128 {
  // e^x - 1 rounds to -1 below -17.4
  const xc = clamp(x, -30, 88);
  const k = f32x4.add(f32x4.mul(xc, splat(LOG2E)), splat(ROUNDER));
  const n = f32x4.sub(k, splat(ROUNDER));
  const r = f32x4.sub(f32x4.sub(xc, f32x4.mul(n, splat(LN2_HI))), f32x4.mul(n, splat(LN2_LO)));
  const q = expm1Small(r);
  const s = pow2(i32x4.sub(k, splat(ROUNDER)));
  // e^x - 1 = 2^n (1 + q) - 1 = 2^n q + (2^n - 1); both terms exact, one rounding
  const e = f32x4.add(f32x4.mul(s, q), f32x4.sub(s, splat(1)));
  // above 30, e^x - 1 rounds to e^x: vexp (its two-factor 2^n reaches float32's top and overflows to inf)
  return sel(vexp(x), e, f32x4.gt(x, splat(30)));
}

// (2 atanh(s) - 2s) / s^3 as a polynomial in s^2, |s| <= 0.1716, relative error 1.8e-9
const R0: f32 = 0.6666666865348816;
const R1: f32 = 0.40000128746032715;
const R2: f32 = 0.28549930453300476;
const R3: f32 = 0.23354347050189972;

/** log(1 + u) for u >= 0 (also fine for u > -0.5); log1p(inf) = inf. */
@inline export function vlog1p(u: v128): v128 {
  const one = splat(1);
  const w = f32x4.add(one, u);
  // The rounding error of 1 + u, exactly (Fast2Sum, larger operand first), then its first-order
  // effect on the logarithm.
  const err = sel(f32x4.sub(u, f32x4.sub(w, one)), f32x4.sub(one, f32x4.sub(w, u)), f32x4.le(u, one));
  const corr = f32x4.div(err, w);
  // w = 2^k m with m in [sqrt(1/2), sqrt(2))
  const ix = i32x4.add(w, i32x4.splat(0x3f800000 - 0x3f3504f3));
  const k = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_s(ix, 23), i32x4.splat(127)));
  const m = i32x4.add(v128.and(ix, i32x4.splat(0x007fffff)), i32x4.splat(0x3f3504f3));
  // log m = 2 atanh(s), s = f / (2 + f), written as f - s (f - s^2 R(s^2)): f is exact and the
  // subtracted term is about f^2/2, so the rounding of s hardly shows.
  const f = f32x4.sub(m, one);
  const s = f32x4.div(f, f32x4.add(splat(2), f));
  const z = f32x4.mul(s, s);
  let R = f32x4.add(splat(R2), f32x4.mul(z, splat(R3)));
  R = f32x4.add(splat(R1), f32x4.mul(z, R));
  R = f32x4.add(splat(R0), f32x4.mul(z, R));
  const logm = f32x4.sub(f, f32x4.mul(s, f32x4.sub(f, f32x4.mul(z, R))));
  const low = f32x4.add(f32x4.add(f32x4.mul(k, splat(LN2_LO)), corr), logm);
  const r = f32x4.add(f32x4.mul(k, splat(LN2_HI)), low);
  // inf and nan (whose bits the decomposition above would misread) pass through
  return sel(u, r, f32x4.ne(f32x4.sub(w, w), splat(0)));
}

// ---- tanh, in doubles two lanes at a time and rounded once to float32: correctly rounded
// except where the exact value lies within about 1e-14 (relative) of a float32 midpoint, as the
// JS path's Math.tanh is (PyTorch's own float32 tanh, Sleef's, is within 1 ulp).

const LOG2E_D: f64 = 1.4426950408889634;
// ln 2 in two parts (fdlibm's): n * LN2_HI_D is exact for |n| < 2^20
const LN2_HI_D: f64 = 6.93147180369123816490e-01;
const LN2_LO_D: f64 = 1.90821492927058770002e-10;
// Adding 1.5 * 2^52 rounds a double of magnitude below 2^51 to an integer, left in the low bits.
const ROUNDER_D: f64 = 6755399441055744.0;
// e^r - 1 = r + r^2 (1/2 + r/6 + ... + r^9/11!), |r| <= ln2/2: Taylor, truncation 2e-14 relative
const D2: f64 = 1.0 / 2;
const D3: f64 = 1.0 / 6;
const D4: f64 = 1.0 / 24;
const D5: f64 = 1.0 / 120;
const D6: f64 = 1.0 / 720;
const D7: f64 = 1.0 / 5040;
const D8: f64 = 1.0 / 40320;
const D9: f64 = 1.0 / 362880;
const D10: f64 = 1.0 / 3628800;
const D11: f64 = 1.0 / 39916800;

@inline function splat64(v: f64): v128 {
  return f64x2.splat(v);
}

/** e^y - 1 for doubles 0 <= y <= 30 (relative error about 1e-15; nan passes through). */
@inline function expm1d(y: v128): v128 {
  const k = f64x2.add(f64x2.mul(y, splat64(LOG2E_D)), splat64(ROUNDER_D));
  const n = f64x2.sub(k, splat64(ROUNDER_D));
  const r = f64x2.sub(f64x2.sub(y, f64x2.mul(n, splat64(LN2_HI_D))), f64x2.mul(n, splat64(LN2_LO_D)));
  let p = f64x2.add(splat64(D10), f64x2.mul(r, splat64(D11)));
  p = f64x2.add(splat64(D9), f64x2.mul(r, p));
  p = f64x2.add(splat64(D8), f64x2.mul(r, p));
  p = f64x2.add(splat64(D7), f64x2.mul(r, p));
  p = f64x2.add(splat64(D6), f64x2.mul(r, p));
  p = f64x2.add(splat64(D5), f64x2.mul(r, p));
  p = f64x2.add(splat64(D4), f64x2.mul(r, p));
  p = f64x2.add(splat64(D3), f64x2.mul(r, p));
  p = f64x2.add(splat64(D2), f64x2.mul(r, p));
  const q = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), p));
  // 2^n: the low bits of k hold n; (n + 1023) << 52 (the rounder's own bits shift out)
  const s = i64x2.shl(i64x2.add(k, i64x2.splat(1023)), 52);
  // e^y - 1 = 2^n (1 + q) - 1 = 2^n q + (2^n - 1), the second term exact
  return f64x2.add(f64x2.mul(s, q), f64x2.sub(s, splat64(1)));
}

/** tanh a for doubles 0 <= a <= 15: em / (em + 2), em = e^(2a) - 1 (no cancellation near 0). */
@inline function tanhd(a: v128): v128 {
  const em = expm1d(f64x2.add(a, a));
  return f64x2.div(em, f64x2.add(em, splat64(2)));
}

/**
 * tanh, correctly rounded (see above), except that it is exactly +-1 from |x| = 8.66434097
 * (0x1.154248p+3) on, as PyTorch's float32 tanh is (the correctly rounded value there is
 * 1 - 2^-24 up to 9.01, and would print a tanh' of 1.1921e-07 where PyTorch prints 0); odd
 * (tanh(-0) = -0), tanh(+-inf) = +-1, nan stays nan.
 */
@inline export function vtanh(x: v128): v128 {
  const ax = f32x4.pmin(f32x4.abs(x), splat(9.1));
  const t = join32(tanhd(low64(ax)), tanhd(high64(ax)));
  return withSignOf(sel(splat(1), t, f32x4.ge(ax, splat(TANH_ONE))), x);
}

/** Where PyTorch's float32 tanh becomes exactly 1 (the smallest such float32, measured). */
export const TANH_ONE: f32 = 8.66434097290039;

/** 1 - y^2 for float32 y, rounded once (y^2 and the difference are exact in doubles for |y| >= 1/8, and
 * below that the double result is never a float32 rounding tie: checked for every float32 y). */
@inline export function oneMinusSquare(y: v128): v128 {
  const lo = low64(y), hi = high64(y);
  return join32(f64x2.sub(splat64(1), f64x2.mul(lo, lo)), f64x2.sub(splat64(1), f64x2.mul(hi, hi)));
}

/**
 * 1 / (1 + e^-x), as e / (1 + e) with e = e^x for negative x (no overflow, no cancellation); but
 * 0 below -88.72, where PyTorch's float32 e^-x overflows to infinity (its sigmoid(-100) is 0, and
 * binary cross-entropy then clamps log(0) to -100).
 */
@inline export function vsigmoid(x: v128): v128 {
  const e = vexp(f32x4.neg(f32x4.abs(x)));
  const s = f32x4.div(sel(splat(1), e, f32x4.ge(x, splat(0))), f32x4.add(splat(1), e));
  return sel(splat(0), s, f32x4.lt(x, splat(-88.72283935546875)));
}

// ---- The standard normal distribution, for the exact GELU.

// (Phi(x) - 1/2) / x as a polynomial in x^2 for |x| <= 0.75, relative error 2.5e-9
const Q0: f32 = 0.3989422917366028;
const Q1: f32 = -0.0664902925491333;
const Q2: f32 = 0.009972313418984413;
const Q3: f32 = -0.0011811683652922511;
const Q4: f32 = 0.00010282325820298865;

// erfc(|x|/sqrt2) e^(x^2/2) / (2t) as a polynomial in t = 1 / (1 + |x|/2), |x| in [0.75, 14],
// relative error 6.4e-9
const F0: f32 = 0.19947655498981476;
const F1: f32 = 0.19929485023021698;
const F2: f32 = 0.15202738344669342;
const F3: f32 = 0.031516823917627335;
const F4: f32 = 0.02061215229332447;
const F5: f32 = -0.3348655700683594;
const F6: f32 = 0.27389946579933167;
const F7: f32 = 0.08557067811489105;
const F8: f32 = -0.19951269030570984;
const F9: f32 = 0.0721953734755516;

/** 1 / sqrt(2 pi) */
export const INV_SQRT_2PI: f32 = 0.3989422804014327;

/** min(|x|, 20): beyond 20 the density and the tail are 0 in float32; nan passes through. */
@inline export function normalArg(x: v128): v128 {
  return f32x4.pmin(f32x4.abs(x), splat(20));
}

/** e^(-x^2/2) from ax = normalArg(x), with x^2/2 formed exactly (x split into 12-bit halves). */
@inline export function gaussian(ax: v128): v128 {
  const hi = highHalf(ax);
  const lo = f32x4.sub(ax, hi);
  const h2 = f32x4.mul(f32x4.mul(hi, hi), splat(0.5)); // exact
  const l2 = f32x4.mul(lo, f32x4.add(hi, f32x4.mul(lo, splat(0.5))));
  return vexp2(f32x4.neg(h2), f32x4.neg(l2));
}

/**
 * The normal CDF Phi(x), given ax = normalArg(x) and gauss = gaussian(ax). |x| < 0.75:
 * 1/2 + x Q(x^2). Otherwise through erfc(|x|/sqrt2) = t e^(-x^2/2) F(t): the exactly formed
 * exponent keeps the tail's relative accuracy, and Phi = erfc/2 for x < 0 (no cancellation),
 * 1 - erfc/2 above.
 */
@inline export function normalCdf(x: v128, ax: v128, gauss: v128): v128 {
  const t = f32x4.div(splat(1), f32x4.add(splat(1), f32x4.mul(ax, splat(0.5))));
  let F = f32x4.add(splat(F8), f32x4.mul(t, splat(F9)));
  F = f32x4.add(splat(F7), f32x4.mul(t, F));
  F = f32x4.add(splat(F6), f32x4.mul(t, F));
  F = f32x4.add(splat(F5), f32x4.mul(t, F));
  F = f32x4.add(splat(F4), f32x4.mul(t, F));
  F = f32x4.add(splat(F3), f32x4.mul(t, F));
  F = f32x4.add(splat(F2), f32x4.mul(t, F));
  F = f32x4.add(splat(F1), f32x4.mul(t, F));
  F = f32x4.add(splat(F0), f32x4.mul(t, F));
  const halfErfc = f32x4.mul(f32x4.mul(t, F), gauss);
  const tail = sel(halfErfc, f32x4.sub(splat(1), halfErfc), f32x4.lt(x, splat(0)));

  const w = f32x4.mul(x, x);
  let Q = f32x4.add(splat(Q3), f32x4.mul(w, splat(Q4)));
  Q = f32x4.add(splat(Q2), f32x4.mul(w, Q));
  Q = f32x4.add(splat(Q1), f32x4.mul(w, Q));
  Q = f32x4.add(splat(Q0), f32x4.mul(w, Q));
  const centre = f32x4.add(splat(0.5), f32x4.mul(x, Q));
  return sel(centre, tail, f32x4.lt(ax, splat(0.75)));
}
