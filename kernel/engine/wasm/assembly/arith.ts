// Binary arithmetic over contiguous float32 runs: tensor op tensor (same length) and tensor op
// scalar. A float32 sum, difference, product or quotient computed in doubles and rounded once
// (what the JS fallback does) is the float32 operation's result, so these are bit-exact.
// The scaled forms (a + alpha b) are computed in doubles, exactly as the JS expression does.
import { splat, low64, high64, join32, loadTail, storeTail } from "./simd";

@final class Add { @inline op(a: v128, b: v128): v128 { return f32x4.add(a, b); } }
@final class Sub { @inline op(a: v128, b: v128): v128 { return f32x4.sub(a, b); } }
@final class Mul { @inline op(a: v128, b: v128): v128 { return f32x4.mul(a, b); } }
@final class Div { @inline op(a: v128, b: v128): v128 { return f32x4.div(a, b); } }
/** b - a (scalar minus tensor). */
@final class RSub { @inline op(a: v128, b: v128): v128 { return f32x4.sub(b, a); } }
/** b / a (scalar over tensor). */
@final class RDiv { @inline op(a: v128, b: v128): v128 { return f32x4.div(b, a); } }

@inline function runTT<K>(a: usize, b: usize, out: usize, n: i32): void {
  const k = changetype<K>(0);
  const end = a + ((<usize>n & ~3) << 2);
  for (; a < end; a += 16, b += 16, out += 16) v128.store(out, k.op(v128.load(a), v128.load(b)));
  const rem = <usize>n & 3;
  if (rem) storeTail(out, k.op(loadTail(a, rem), loadTail(b, rem)), rem);
}

@inline function runTS<K>(a: usize, s: f32, out: usize, n: i32): void {
  const k = changetype<K>(0);
  const sv = splat(s);
  const end = a + ((<usize>n & ~3) << 2);
  for (; a < end; a += 16, out += 16) v128.store(out, k.op(v128.load(a), sv));
  const rem = <usize>n & 3;
  if (rem) storeTail(out, k.op(loadTail(a, rem), sv), rem);
}

export function add_tt(a: usize, b: usize, out: usize, n: i32): void { runTT<Add>(a, b, out, n); }
export function sub_tt(a: usize, b: usize, out: usize, n: i32): void { runTT<Sub>(a, b, out, n); }
export function mul_tt(a: usize, b: usize, out: usize, n: i32): void { runTT<Mul>(a, b, out, n); }
export function div_tt(a: usize, b: usize, out: usize, n: i32): void { runTT<Div>(a, b, out, n); }
export function add_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<Add>(a, s, out, n); }
export function sub_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<Sub>(a, s, out, n); }
export function mul_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<Mul>(a, s, out, n); }
export function div_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<Div>(a, s, out, n); }
export function rsub_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<RSub>(a, s, out, n); }
export function rdiv_ts(a: usize, s: f32, out: usize, n: i32): void { runTS<RDiv>(a, s, out, n); }

/** out = a + alpha * b in doubles, rounded once (alpha is a float32 value). */
export function axpy(a: usize, b: usize, out: usize, n: i32, alpha: f32): void {
  const al = f64x2.splat(<f64>alpha);
  const end = a + ((<usize>n & ~3) << 2);
  for (; a < end; a += 16, b += 16, out += 16) {
    const av = v128.load(a), bv = v128.load(b);
    v128.store(out, join32(f64x2.add(low64(av), f64x2.mul(al, low64(bv))), f64x2.add(high64(av), f64x2.mul(al, high64(bv)))));
  }
  const rem = <usize>n & 3;
  for (let i: usize = 0; i < rem; i++) {
    const o = i << 2;
    store<f32>(out + o, <f32>(<f64>load<f32>(a + o) + <f64>alpha * <f64>load<f32>(b + o)));
  }
}

/** out = -a. */
export function neg(a: usize, out: usize, n: i32): void {
  const sign = i32x4.splat(0x80000000);
  const end = a + ((<usize>n & ~3) << 2);
  for (; a < end; a += 16, out += 16) v128.store(out, v128.xor(v128.load(a), sign));
  const rem = <usize>n & 3;
  if (rem) storeTail(out, v128.xor(loadTail(a, rem), sign), rem);
}

/**
 * out[o, c, i] = a[o, c, i] op b[c] over a contiguous outer x channels x inner block: an operand
 * broadcast along leading and trailing dims, as BatchNorm2d's per-channel statistics and affine
 * parameters ([1, C, 1, 1]) are.
 */
@inline function runChannels<K>(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void {
  const stride = <usize>inner << 2;
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++, a += stride, out += stride) runTS<K>(a, load<f32>(b + (<usize>c << 2)), out, inner);
  }
}
export function add_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<Add>(a, b, out, outer, channels, inner); }
export function sub_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<Sub>(a, b, out, outer, channels, inner); }
export function mul_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<Mul>(a, b, out, outer, channels, inner); }
export function div_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<Div>(a, b, out, outer, channels, inner); }
export function rsub_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<RSub>(a, b, out, outer, channels, inner); }
export function rdiv_ch(a: usize, b: usize, out: usize, outer: i32, channels: i32, inner: i32): void { runChannels<RDiv>(a, b, out, outer, channels, inner); }

/** out[r, c] = a[r, c] + row[c] over a contiguous rows x cols block (a bias added to every row). */
export function add_row(a: usize, row: usize, out: usize, rows: i32, cols: i32): void {
  const stride = <usize>cols << 2;
  for (let r = 0; r < rows; r++, a += stride, out += stride) runTT<Add>(a, row, out, cols);
}
