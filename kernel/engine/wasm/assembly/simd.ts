// Small f32x4 / f64x2 helpers shared by the kernels. Everything here is @inline: it disappears
// into the loops that use it.

/** A float32 constant in every lane. */
@inline export function splat(v: f32): v128 {
  return f32x4.splat(v);
}

/** Lane-wise `mask ? a : b` (mask lanes all ones or all zeros, as comparisons produce). */
@inline export function sel(a: v128, b: v128, mask: v128): v128 {
  return v128.bitselect(a, b, mask);
}

/** Lanes where x is nan. */
@inline export function isNan(x: v128): v128 {
  return f32x4.ne(x, x);
}

/** |t| with the sign of x (t must be non-negative or nan). */
@inline export function withSignOf(t: v128, x: v128): v128 {
  return v128.or(t, v128.and(x, i32x4.splat(0x80000000)));
}

/** x with the low 12 significand bits cleared: 12 significant bits, so products of two are exact. */
@inline export function highHalf(x: v128): v128 {
  return v128.and(x, i32x4.splat(<i32>0xfffff000));
}

// ---- float64 emulation: the JS fallback computes in doubles and rounds once to float32 at the
// store, and for a few piecewise-linear activations that double rounding is observable. These
// helpers let a kernel do exactly the same double arithmetic, two lanes at a time.

/** Lanes 0 and 1 as doubles. */
@inline export function low64(x: v128): v128 {
  return f64x2.promote_low_f32x4(x);
}

/** Lanes 2 and 3 as doubles. */
@inline export function high64(x: v128): v128 {
  return f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 2, 3));
}

/** Rounds two double pairs back to four float32 lanes (lo -> lanes 0, 1; hi -> lanes 2, 3). */
@inline export function join32(lo: v128, hi: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

// ---- partial vectors at the end of a run (1 to 3 elements), zero-padded.

@inline export function loadTail(p: usize, rem: usize): v128 {
  let v = f32x4.splat(0);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (rem > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (rem > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

@inline export function storeTail(p: usize, v: v128, rem: usize): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (rem > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (rem > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}
