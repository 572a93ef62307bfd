// glibc 2.36's double-precision log and sincos, bit for bit, as PyTorch's CPU normal_ kernels
// get them on x86-64 with FMA (Debian 12, the oracle): the ifunc variants __ieee754_log_fma and
// __sincos_fma. GCC built those with -mfma and contraction on, so which products are fused
// matters; the order of operations and every fused multiply-add below follow the machine code
// of those two functions. (V8's Math.log/sin/cos are fdlibm and differ from glibc in the last
// bit for a few percent of arguments, which would make float64 normals drift from torch.)
//
// Only the argument ranges Box–Muller produces are needed (log on (0, 1], sincos on [0, 2pi)),
// but both functions are implemented for all finite positive log arguments and |x| < 105414350
// for sincos; outside that (huge sincos arguments, log of subnormals) they fall back to Math.

import { fma64 } from "./fma";
import { LOG_A, LOG_B, LOG_LN2HI, LOG_LN2LO, LOG_TAB, SINCOS_TABLE } from "./libm_tables";

const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer); // little-endian: w32[0] low word, w32[1] high word

// ------------------------------------------------------------------------------------- log

const OFF_HI = 0x3fe60000;
const [A0, A1, A2, A3, A4] = LOG_A;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = LOG_B;
const TWO27 = 134217728;

/** log(x), glibc's __ieee754_log_fma. */
export function log(x: number): number {
  f64[0] = x;
  const lo = w32[0];
  const hi = w32[1];
  // |x - 1| small: 1 - 2^-4 <= x < 1 + 0x1.09p-4 (as unsigned 64-bit comparisons on the bits).
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const p1 = fma64(r2, B3, fma64(r, B2, B1));
    const p2 = fma64(r2, B6, fma64(r, B5, B4));
    let p3 = fma64(r2, B9, fma64(r, B8, B7));
    p3 = fma64(r3, B10, p3);
    const q = fma64(fma64(p3, r3, p2), r3, p1);
    // rhi = r + 2^27 r - 2^27 r, with both steps fused
    // Where a fused product is exact (powers of two, B0 = -0.5) the plain expression is used.
    const t = r * TWO27 + r;
    const rhi = t - TWO27 * r;
    const rlo = r - rhi;
    const rr = rhi * rhi;
    const hiv = r + rr * B0;
    let lov = (r - hiv) + rr * B0;
    lov = fma64(B0 * rlo, r + rhi, lov);
    return hiv + fma64(q, r3, lov);
  }
  if (!(x > 0) || x === Infinity || hi < 0x00100000) return Math.log(x); // zero, negative, nan, inf, subnormal
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  w32[1] = (hi - (tmpHi & 0xfff00000)) >>> 0;
  w32[0] = lo;
  const z = f64[0];
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  const r = fma64(z, invc, -1);
  const kd = k;
  const w = kd * LOG_LN2HI + logc; // fused in glibc, but kd * ln2hi is exact (ln2hi has 42 bits)
  const hiv = r + w;
  const lov = fma64(kd, LOG_LN2LO, (w - hiv) + r);
  const r2 = r * r;
  const r3 = r * r2;
  const p = fma64(fma64(r, A4, A3), r2, fma64(r, A2, A1));
  return fma64(r3, p, fma64(r2, A0, lov)) + hiv;
}

// ----------------------------------------------------------------------------------- sincos

const HP0 = 1.5707963267948966; // 0x1.921FB54442D18p0
const HP1 = 6.123233995736766e-17; // 0x1.1A62633145C07p-54
const BIG = 52776558133248; // 0x1.8p45
const SN3 = -0.16666666666666488; // 0xbfc5555555555515
const SN5 = 0.008333332142857223; // 0x3f811110e829872f
const CS2 = 0.5;
const CS4 = -0.04166666666666644; // 0xbfa5555555555535
const CS6 = 0.001388888740079376; // 0x3f56c16bedd9e239
const S1 = -0.16666666666666666; // 0xbfc5555555555555
const S2 = 0.008333333333332329; // 0x3f81111111110ece
const S3 = -0.00019841269834414642; // 0xbf2a01a019db08b8
const S4 = 2.755729806860771e-6; // 0x3ec71de27b9a7ed9
const S5 = -2.5022014848318398e-8; // 0xbe5addffc2fcdf59
const HPINV = 0.6366197723675814; // 0x3fe45f306dc9c883
const TOINT = 6755399441055744; // 0x1.8p52
const MP1 = 1.5707963407039642; // 0x3ff921fb58000000
const MP2 = -1.3909067564377153e-8; // 0xbe4dde973c000000
const PP3 = -4.97899623147991e-17; // 0xbc8cb3b398000000
const PP4 = -1.9034889620193266e-25; // 0xbacd747f23e32ed7

/**
 * sincos writes [sin, cos] here. (Results and scratch live in typed arrays: V8 boxes doubles
 * kept in module-level variables on every write.)
 */
export const SINCOS_OUT = new Float64Array(2);

// Table row for |a| (u = big + |a|; the row index is the low word of u) and the remainder
// xs = |a| - (u - big): [sn, ssn, cs, ccs, xs].
const ROW = new Float64Array(5);
function lookup(absA: number): void {
  const u = BIG + absA;
  f64[0] = u;
  const k = w32[0] << 2;
  ROW[0] = SINCOS_TABLE[k];
  ROW[1] = SINCOS_TABLE[k + 1];
  ROW[2] = SINCOS_TABLE[k + 2];
  ROW[3] = SINCOS_TABLE[k + 3];
  ROW[4] = absA - (u - BIG);
}

/** TAYLOR_SIN(a*a, a, da) for |a| < 0.126. */
function taylorSin(a: number, da: number): number {
  const xx = a * a;
  let p = fma64(S5, xx, S4);
  p = fma64(p, xx, S3);
  p = fma64(p, xx, S2);
  p = fma64(p, xx, S1);
  return a + fma64(xx, fma64(p, a, -(0.5 * da)), da);
}

/** do_sin(a, da) for |a| >= 0.126, after lookup(|a|). */
function doSinTable(a: number, da: number): number {
  const dx = a <= 0 ? -da : da;
  const tsn = ROW[0], tssn = ROW[1], tcs = ROW[2], tccs = ROW[3], xs = ROW[4];
  const xx = xs * xs;
  const s = fma64(xs * xx, fma64(xx, SN5, SN3), dx) + xs;
  const c = fma64(dx, xs, xx * fma64(fma64(xx, CS6, CS4), xx, CS2));
  const cor = fma64(s, tcs, fma64(-c, tsn, fma64(tccs, s, tssn)));
  const v = Math.abs(cor + tsn);
  return a < 0 || Object.is(a, -0) ? -v : v;
}

/** do_cos(a, da), after lookup(|a|). */
function doCosTable(a: number, da: number): number {
  const dx = a < 0 ? -da : da;
  const tsn = ROW[0], tssn = ROW[1], tcs = ROW[2], tccs = ROW[3];
  const x = ROW[4] + dx;
  const xx = x * x;
  const s = fma64(x * xx, fma64(xx, SN5, SN3), x);
  const c = xx * fma64(fma64(xx, CS6, CS4), xx, CS2);
  const cor = fma64(-s, tsn, fma64(-tcs, c, fma64(-tssn, s, tccs)));
  return cor + tcs;
}

function doSin(a: number, da: number): number {
  const absA = Math.abs(a);
  if (absA < 0.126) return taylorSin(a, da);
  lookup(absA);
  return doSinTable(a, da);
}

/** sincos(x), glibc's __sincos_fma; results in SINCOS_OUT. */
export function sincos(x: number): void {
  f64[0] = x;
  const k = w32[1] & 0x7fffffff;
  if (k < 0x3e400000) { // |x| < 2^-27
    SINCOS_OUT[0] = x;
    SINCOS_OUT[1] = 1;
    return;
  }
  const ax = Math.abs(x);
  if (k < 0x3feb6000) { // |x| < 0.85546875
    // do_sin(x, 0) and do_cos(x, 0) share the table row of |x|.
    lookup(ax);
    SINCOS_OUT[0] = ax < 0.126 ? taylorSin(x, 0) : doSinTable(x, 0);
    SINCOS_OUT[1] = doCosTable(x, 0);
    return;
  }
  if (k < 0x400368fd) { // |x| < 2.426265
    const y = HP0 - ax;
    const a = y + HP1;
    const da = (y - a) + HP1;
    lookup(Math.abs(a));
    const c = Math.abs(doCosTable(a, da));
    SINCOS_OUT[0] = x < 0 ? -c : c;
    SINCOS_OUT[1] = Math.abs(a) < 0.126 ? taylorSin(a, da) : doSinTable(a, da);
    return;
  }
  if (k >= 0x419921fb) { // |x| >= 105414350 or not finite: not needed by the generator
    SINCOS_OUT[0] = Math.sin(x);
    SINCOS_OUT[1] = Math.cos(x);
    return;
  }
  // reduce_sincos: x = n pi/2 + (a + da)
  const t = fma64(x, HPINV, TOINT);
  const xn = t - TOINT;
  f64[0] = t;
  const n = w32[0] & 3;
  // xn < 2^26 and mp1, mp2, pp3 have 26 significant bits: those fused products are exact.
  const yv = (x - xn * MP1) - xn * MP2;
  const t2 = yv - xn * PP3;
  let db = (yv - t2) - xn * PP3;
  let a = fma64(-xn, PP4, t2);
  db = db + fma64(-xn, PP4, t2 - a);
  let da = db;
  if (n === 1 || n === 2) {
    a = -a;
    da = -da;
  }
  const sv = doSin(a, da);
  lookup(Math.abs(a));
  const cvRaw = doCosTable(a, da);
  const cv = (n & 2) !== 0 ? -cvRaw : cvRaw;
  if ((n & 1) !== 0) {
    SINCOS_OUT[0] = cv;
    SINCOS_OUT[1] = sv;
  } else {
    SINCOS_OUT[0] = sv;
    SINCOS_OUT[1] = cv;
  }
}

/** sin(x) as the sine half of glibc's sincos. */
export function sin(x: number): number {
  sincos(x);
  return SINCOS_OUT[0];
}

/** cos(x) as the cosine half of glibc's sincos. */
export function cos(x: number): number {
  sincos(x);
  return SINCOS_OUT[1];
}
