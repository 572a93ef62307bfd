// Correctly rounded fused multiply-add, which JavaScript lacks. PyTorch's CPU kernels are
// compiled with FMA enabled, and GCC contracts `a * b + c` into one fused instruction, so the
// generator must round such expressions once, like the hardware does.

const fround = Math.fround;

/**
 * fmaf(a, b, c) for float32 inputs: a * b + c rounded once to float32.
 * a * b is exact in double (24 + 24 bits), so s = a*b + c is rounded once; rounding s again to
 * float32 can only go wrong when s lies exactly halfway between two floats while the exact sum
 * does not. That case (t = 2s - r is then the float on the other side) is rare, and only then is
 * the rounding error of s computed to break the tie.
 */
export function fma32(a: number, b: number, c: number): number {
  const s = a * b + c;
  const r = fround(s);
  if (r === s) return r;
  const t = s + (s - r);
  return fround(t) !== t ? r : fma32Tie(a, b, c, s, r, t);
}

/** fma32's rare case: s = a*b + c is exactly halfway between the floats r and t. */
function fma32Tie(a: number, b: number, c: number, s: number, r: number, t: number): number {
  const p = a * b;
  const bv = s - p;
  const err = (p - (s - bv)) + (c - bv); // exact: p + c = s + err
  if (err === 0) return r;
  return err > 0 ? (t > r ? t : r) : (t < r ? t : r);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer); // little-endian: words[0] is the low half

/**
 * fma(a, b, c) for doubles: a * b + c rounded once, by Boldo and Melquiond's emulation
 * ("Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd",
 * IEEE Trans. Computers 2008): a*b = p + e exactly (Dekker), c + p = th + tl exactly (Knuth),
 * then RN(th + RO(tl + e)) where RO rounds to odd. Valid away from overflow and underflow,
 * which is all the generator needs.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const th = c + p;
  let z = th - c;
  const tl = (c - (th - z)) + (p - z);
  let s = tl + e;
  z = s - tl;
  const err = (tl - (s - z)) + (e - z);
  if (err !== 0) {
    bits[0] = s;
    let lo = words[0];
    if ((lo & 1) === 0) {
      // Round to odd: step to the odd neighbour on the side of the exact sum.
      let hi = words[1];
      if ((s > 0) === (err > 0)) {
        lo = (lo + 1) >>> 0;
        if (lo === 0) hi = (hi + 1) >>> 0;
      } else {
        if (lo === 0) hi = (hi - 1) >>> 0;
        lo = (lo - 1) >>> 0;
      }
      words[0] = lo;
      words[1] = hi;
      s = bits[0];
    }
  }
  return th + s;
}
