// Correctly rounded fused multiply-add, which JavaScript lacks. PyTorch's CPU kernels are
// compiled with FMA enabled, and GCC contracts `a * b + c` into one fused instruction, so the
// generator must round such expressions once, like the hardware does.

const fround = Math.fround;

/**
 * fmaf(a, b, c) for float32 inputs: a * b + c rounded once to float32.
 * a * b is exact in double (24 + 24 bits), so s = a*b + c is rounded once; rounding s again to
 * float32 can only go wrong when s lies exactly halfway between two floats while the exact sum
 * does not. That case (t = 2s - r is then the float on the other side) is rare, and only then is
 * the rounding error of s computed to break the tie. (Kept free of calls so that V8 inlines it
 * and keeps every value an unboxed double.)
 */
export function fma32(a: number, b: number, c: number): number {
  const s = a * b + c;
  const r = fround(s);
  const t = s + (s - r);
  if (r === s || fround(t) !== t) return r;
  // s is a midpoint between the floats r and t: the rounding error of s breaks the tie.
  const p = a * b;
  const bv = s - p;
  const err = (p - (s - bv)) + (c - bv); // exact: p + c = s + err
  return err !== 0 && (err > 0) === (t > r) ? t : r;
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/**
 * fma(a, b, c) for doubles: a * b + c rounded once. With Dekker's exact product a*b = p + e
 * and Knuth's two-sum c + p = th + tl, the exact result is th + v with v = tl + e. Rounding v
 * first (s = fl(v), error err) and then th + s can only differ from rounding th + v once when
 * th + s falls exactly on a midpoint between two doubles (rounding is monotone, so it cannot
 * jump over one); that tie is detected and broken by the sign of err. Valid away from overflow
 * and underflow, which is all the generator needs. Arithmetic only, so V8 can inline it.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl; // a*b = p + e exactly
  const th = c + p;
  let z = th - c;
  const tl = (c - (th - z)) + (p - z); // c + p = th + tl exactly
  const s = tl + e;
  z = s - tl;
  const err = (tl - (s - z)) + (e - z); // tl + e = s + err exactly
  const r = th + s;
  if (err === 0) return r;
  z = r - th;
  const w = (th - (r - z)) + (s - z); // th + s = r + w exactly
  if (w === 0) return r;
  const n = r + 2 * w;
  // A tie: w is exactly half the gap between r and its neighbour n; err says which side wins.
  return n - r === 2 * w && (err > 0) === (w > 0) ? n : r;
}
