// Sums of float32 runs, accumulated in doubles as the JS fallback does (so the float32 result is
// the correctly rounded sum except when the double sum sits within a double rounding error of a
// float32 rounding boundary; the JS loop and these differ only in the order of the additions).

/** The sum of n contiguous float32 values, as a double. */
export function sum_all(p: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  const end8 = p + ((<usize>n & ~7) << 2);
  for (; p < end8; p += 32) {
    const a = v128.load(p), b = v128.load(p, 16);
    s0 = f64x2.add(s0, f64x2.promote_low_f32x4(a));
    s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(a, a, 2, 3, 2, 3)));
    s2 = f64x2.add(s2, f64x2.promote_low_f32x4(b));
    s3 = f64x2.add(s3, f64x2.promote_low_f32x4(i32x4.shuffle(b, b, 2, 3, 2, 3)));
  }
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  const rem = <usize>n & 7;
  for (let i: usize = 0; i < rem; i++) total += <f64>load<f32>(p + (i << 2));
  return total;
}

/**
 * The sums of `blocks` consecutive runs of `len` values from p, as doubles into out: a long sum
 * is cut into fixed blocks (whatever the number of threads summing them) and the block sums
 * added in order, so that threads never change the result.
 */
export function sum_blocks(p: usize, blocks: i32, len: i32, out: usize): void {
  const stride = <usize>len << 2;
  for (let b = 0; b < blocks; b++, p += stride, out += 8) store<f64>(out, sum_all(p, len));
}

/** out[r] = fround(sum of row r / divisor) for a contiguous rows x cols block. */
export function sum_rows(p: usize, rows: i32, cols: i32, out: usize, divisor: f64): void {
  const stride = <usize>cols << 2;
  for (let r = 0; r < rows; r++, p += stride, out += 4) store<f32>(out, <f32>(sum_all(p, cols) / divisor));
}

/**
 * out[c] = fround(sum over r of p[r, c] / divisor) for a contiguous rows x cols block, adding
 * down each column in row order in doubles (the JS loop's order exactly). acc: cols doubles of
 * scratch.
 */
export function sum_cols(p: usize, rows: i32, cols: i32, out: usize, divisor: f64, acc: usize): void {
  const n = <usize>cols;
  memory.fill(acc, 0, n << 3);
  const stride = n << 2;
  const n4 = n & ~3;
  for (let r = 0; r < rows; r++, p += stride) {
    let c: usize = 0;
    for (; c < n4; c += 4) {
      const v = v128.load(p + (c << 2));
      const q = acc + (c << 3);
      v128.store(q, f64x2.add(v128.load(q), f64x2.promote_low_f32x4(v)));
      v128.store(q, f64x2.add(v128.load(q, 16), f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3))), 16);
    }
    for (; c < n; c++) store<f64>(acc + (c << 3), load<f64>(acc + (c << 3)) + <f64>load<f32>(p + (c << 2)));
  }
  for (let c: usize = 0; c < n; c++) store<f32>(out + (c << 2), <f32>(load<f64>(acc + (c << 3)) / divisor));
}

/**
 * out[k] = fround(sum over a and b of p[a, k, b] / divisor) for a contiguous outer x kept x inner
 * block (a reduction over leading and trailing dims, as BatchNorm's and a bias gradient's over
 * [0, 2, 3]): each run of `inner` values summed as sum_all does, added in order a into doubles.
 * acc: kept doubles of scratch.
 */
export function sum_middle(p: usize, outer: i32, kept: i32, inner: i32, out: usize, divisor: f64, acc: usize): void {
  const n = <usize>kept;
  memory.fill(acc, 0, n << 3);
  const run = <usize>inner << 2;
  for (let a = 0; a < outer; a++) {
    for (let k: usize = 0; k < n; k++, p += run) store<f64>(acc + (k << 3), load<f64>(acc + (k << 3)) + sum_all(p, inner));
  }
  for (let k: usize = 0; k < n; k++) store<f32>(out + (k << 2), <f32>(load<f64>(acc + (k << 3)) / divisor));
}
