// Box–Muller on 16 floats at a time, reproducing ATen's normal_fill_16_AVX2 (the kernel behind
// torch.randn / normal_ for contiguous float32 tensors of 16 or more elements on an AVX2 CPU).
// The 16 slots hold uniforms in [0, 1); slot j and j + 8 (j < 8) become
//   radius = sqrt(-2 log(1 - u_j)),  theta = 2pi * u_{j+8}
//   out_j = radius cos(theta) * std + mean,  out_{j+8} = radius sin(theta) * std + mean.
// log and sincos are the single-precision Cephes polynomials of avx_mathfun.h, evaluated in
// float32. GCC compiles that header with FMA contraction, so every `a * b + c` whose product
// feeds only that sum is a fused multiply-add; which ones were fused was established against
// torch (2M values, 0 mismatches) and is mirrored below with fma32.

import { fma32 } from "./fma";

const fround = Math.fround;

// INV_POW2[p] = 2^-p, to split 1 - u = m24 * 2^-24 into mantissa and exponent without bit casts.
const INV_POW2 = new Float64Array(26);
for (let p = 0; p < 26; p++) INV_POW2[p] = Math.pow(2, -p);

const SQRTHF = fround(0.707106781186547524);
const LOG_P0 = fround(7.0376836292e-2);
/** p1 .. p8 of the log polynomial, Horner steps y = y * x + p_i (each a fused multiply-add). */
const LOG_P = Float64Array.from(
  [-1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1],
  fround,
);
const LOG_Q1 = fround(-2.1219444e-4);
const LOG_Q2 = fround(0.693359375);

// Per-lane results of the two halves of the transform. Working on the 8 lanes in loops that
// write typed arrays (rather than per-lane functions returning numbers) keeps V8 from boxing
// doubles across calls.
const RADIUS = new Float64Array(8);
const SIN = new Float64Array(8);
const COS = new Float64Array(8);

/**
 * radius = sqrt(-2 log(1 - u)) for the 8 lanes data[off .. off + 8), log being avx_mathfun's
 * log256_ps. Its bit manipulation (exponent from the float's bits, mantissa forced into
 * [0.5, 1)) is done arithmetically: 1 - u = m24 * 2^-24 with m24 an integer in [1, 2^24], so
 * with p = floor(log2 m24) the mantissa is m = m24 / 2^(p+1) and the exponent e = p - 23.
 */
function radius8(data: Float32Array, off: number): void {
  for (let j = 0; j < 8; j++) {
    const m24 = 16777216 - data[off + j] * 16777216;
    const p = 31 - Math.clz32(m24);
    const m = m24 * INV_POW2[p + 1];
    let e = p - 23;
    let t: number;
    if (m < SQRTHF) {
      e -= 1;
      t = fround(fround(m - 1) + m);
    } else {
      t = fround(m - 1);
    }
    const z = fround(t * t);
    // (Loops over coefficient tables keep the number of inlined fma32 sites within V8's budget.)
    let y = LOG_P0;
    for (let q = 0; q < 8; q++) y = fma32(y, t, LOG_P[q]);
    y = fround(y * t);
    y = fma32(y, z, fround(e * LOG_Q1));
    y = fround(y - z * 0.5); // z * 0.5 is exact, so the fused and unfused forms agree
    const lg = fround(fround(t + y) + e * LOG_Q2); // e * Q2 is exact (Q2 has 9 significant bits)
    RADIUS[j] = fround(Math.sqrt(-2 * lg)); // -2 * lg is exact; sqrt of a float rounds once
  }
}

const TWO_PI = fround(2 * Math.PI);
const FOPI = fround(1.27323954473516); // 4 / pi
/** -pi/4 in three parts (Cody–Waite): x + y*DP1 + y*DP2 + y*DP3, each step fused. */
const DP = Float64Array.from([-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8], fround);
const COS_P0 = fround(2.443315711809948e-5);
const COS_P = Float64Array.from([-1.388731625493765e-3, 4.166664568298827e-2], fround);
const SIN_P0 = fround(-1.9515295891e-4);
const SIN_P = Float64Array.from([8.3321608736e-3, -1.6666654611e-1], fround);

/** sin and cos of theta = 2pi * u for the 8 lanes data[off .. off + 8): avx_mathfun's sincos256_ps. */
function sincos8(data: Float32Array, off: number): void {
  for (let lane = 0; lane < 8; lane++) {
    const x = fround(TWO_PI * data[off + lane]); // >= 0, so the sign handling of negative x drops out
    let j = fround(x * FOPI) | 0; // cvttps: truncation
    j = (j + 1) & ~1;
    const y = j;
    let r = x;
    for (let q = 0; q < 3; q++) r = fma32(y, DP[q], r);
    const z = fround(r * r);
    let c = COS_P0;
    for (let q = 0; q < 2; q++) c = fma32(c, z, COS_P[q]);
    c = fround(c * z);
    c = fma32(c, z, -(z * 0.5));
    c = fround(c + 1);
    let s = SIN_P0;
    for (let q = 0; q < 2; q++) s = fma32(s, z, SIN_P[q]);
    s = fround(s * z);
    s = fma32(s, r, r);
    // Polynomial selection and signs, as the masks do it (the "+ 0" mirrors the masked adds).
    let sv: number, cv: number;
    if ((j & 2) === 0) {
      sv = s + 0;
      cv = c + 0;
    } else {
      sv = c + 0;
      cv = s + 0;
    }
    SIN[lane] = (j & 4) !== 0 ? -sv : sv;
    COS[lane] = (~(j - 2) & 4) !== 0 ? -cv : cv;
  }
}


/**
 * Transforms data[off .. off + 16) from uniforms to normals in place. mean and std must already
 * be float32 values (ATen casts them to float before broadcasting them into vectors).
 */
export function normalFill16Avx2(data: Float32Array, off: number, mean: number, std: number): void {
  radius8(data, off);
  sincos8(data, off + 8);
  const plain = std === 1 && Object.is(mean, 0);
  for (let j = 0; j < 8; j++) {
    const n1 = fround(RADIUS[j] * COS[j]);
    const n2 = fround(RADIUS[j] * SIN[j]);
    if (plain) {
      data[off + j] = n1 + 0;
      data[off + j + 8] = n2 + 0;
    } else {
      data[off + j] = fma32(n1, std, mean);
      data[off + j + 8] = fma32(n2, std, mean);
    }
  }
}
