// Elementwise loops compiled from one expression each. A generated loop is monomorphic and has
// the expression inlined, which V8 runs several times faster than a loop calling a callback per
// element; the expression text is the single definition of the op's arithmetic.
//
// Variables in expressions: unary `x`; binary `a`, `b`; backward kernels also `y` (the forward
// output) and `g` (the incoming gradient); named parameters `p.<name>`. `f32(v)` rounds to
// float32 where the computation is in float32 (PyTorch's float32 kernels round each step) and
// is the identity in float64.

export type Params = Record<string, number>;
export type RowKernel = (
  arrays: ArrayLike<number>[], offsets: number[], steps: number[], out: { [i: number]: number }, outOffset: number, n: number, p: Params,
) => void;

const cache = new Map<string, RowKernel>();

/** Compiles `expr` over the named inputs into a row kernel: out[o+k] = expr(inputs at offset + k*step). */
export function rowKernel(inputs: readonly string[], expr: string, prelude = "", single = true): RowKernel {
  const key = `${inputs.join(",")}|${prelude}|${single}|${expr}`;
  let fn = cache.get(key);
  if (fn) return fn;
  const loads = inputs.map((name, i) => `const ${name} = A${i}[o${i} + k * s${i}];`).join(" ");
  const setup = inputs.map((_, i) => `const A${i} = arrays[${i}], o${i} = offsets[${i}], s${i} = steps[${i}];`).join(" ");
  const body = `"use strict"; ${setup} ${prelude}
    for (let k = 0; k < n; k++) { ${loads} out[outOffset + k] = (${expr}); }`;
  // eslint-disable-next-line no-new-func
  fn = new Function("arrays", "offsets", "steps", "out", "outOffset", "n", "p", "Math", "erf", "f32", "divFloor", body) as unknown as RowKernel;
  const compiled = fn as unknown as (...a: unknown[]) => void;
  const f32 = single ? Math.fround : (v: number) => v;
  const floorDiv = (a: number, b: number) => divFloor(a, b, f32);
  const bound: RowKernel = (arrays, offsets, steps, out, outOffset, n, p) => compiled(arrays, offsets, steps, out, outOffset, n, p, Math, erf, f32, floorDiv);
  cache.set(key, bound);
  return bound;
}

/**
 * Floor division as PyTorch's div_floor_floating computes it (through fmod, so that 0.3 // 0.1
 * is 2, with its rounding correction), each step rounded by `round` (float32 or not at all).
 */
export function divFloor(a: number, b: number, round: (v: number) => number): number {
  if (b === 0) return a / b;
  const mod = a % b; // JavaScript's % is C's fmod, and exact
  let div = round(round(a - mod) / b);
  if (mod !== 0 && (b < 0) !== (mod < 0)) div = round(div - 1);
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let floor = Math.floor(div);
  if (div - floor > 0.5) floor += 1;
  return floor;
}

/** The small-|x| rational approximation of erf (|x| < 0.46875), W. J. Cody's. */
function erfSmall(x: number): number {
  const t = x * x;
  const num = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t + 377.485237685302021) * t + 3209.37758913846947;
  const den = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t + 2844.23683343917062;
  return x * num / den;
}

/** erfc(|x|) for |x| ≥ 0.46875 (Cody's two outer ranges), accurate in the tail. */
function erfcLarge(ax: number): number {
  if (ax < 4) {
    const num = (((((((2.15311535474403846e-8 * ax + 5.64188496988670089e-1) * ax + 8.88314979438837594) * ax + 66.1191906371416295) * ax + 298.635138197400131) * ax + 881.952221241769090) * ax + 1712.04761263407058) * ax + 2051.07837782607147) * ax + 1230.33935479799725;
    const den = (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax + 1621.38957456669019) * ax + 3290.79923573345963) * ax + 4362.61909014324716) * ax + 3439.36767414372164) * ax + 1230.33935480374942;
    return Math.exp(-ax * ax) * num / den;
  }
  const z = 1 / (ax * ax);
  const num = ((((1.63153871373020978e-2 * z + 3.05326634961232344e-1) * z + 3.60344899949804439e-1) * z + 1.25781726111229246e-1) * z + 1.60837851487422766e-2) * z + 6.58749161529837803e-4;
  const den = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 5.27905102951428412e-1) * z + 6.05183413124413191e-2) * z + 2.33520497626869185e-3;
  return Math.exp(-ax * ax) / ax * (0.564189583547756287 - z * num / den);
}

/** erf to double precision (W. J. Cody's rational approximations); JS has no Math.erf. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 0.46875) return erfSmall(x);
  if (ax >= 6) return x > 0 ? 1 : x < 0 ? -1 : x;
  const r = erfcLarge(ax);
  return x > 0 ? 1 - r : r - 1;
}

/** erfc = 1 − erf without the cancellation in the tail. */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  if (ax < 0.46875) return 1 - erfSmall(x);
  const r = erfcLarge(ax);
  return x > 0 ? r : 2 - r;
}
