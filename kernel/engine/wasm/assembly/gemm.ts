// C[m, n] = A[m, k] B[k, n] (+ bias[n] on every row) in float32: a blocked, packed matrix
// product around a 4 x 8 SIMD micro-kernel (the GotoBLAS scheme).
//
// A and B are read through (row, column) element strides, so transposed and other strided
// views need no copy; C is contiguous and row-major. Blocks of B (KC x NC) and A (MC x KC) are
// packed into the caller's scratch memory (gemm_scratch_bytes()) so that the micro-kernel reads
// both sequentially. Products accumulate in float32 in order of k within each KC block; blocks
// are added to C in turn, and the bias last: the same numbers as adding the bias to the product.
import { splat } from "./simd";

const MR = 4;
const NR = 8;
const MC = 64;
const KC = 256;
const NC = 256;

/** Bytes of scratch memory gemm needs: the packed A and B blocks and one C tile. */
export function gemm_scratch_bytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) * 4;
}

/** Packs rows [0, mc) x columns [0, kc) of A into panels of MR rows: panel-major, then k, then row. */
function packA(a: usize, sr: usize, sc: usize, mc: i32, kc: i32, dst: usize): void {
  for (let i = 0; i < mc; i += MR) {
    const rows = min(MR, mc - i);
    const base = a + (<usize>i * sr << 2);
    if (rows == MR && sr == 1) {
      // transposed A (column-major): the four rows of one k are adjacent
      for (let p = 0; p < kc; p++, dst += 16) v128.store(dst, v128.load(base + (<usize>p * sc << 2)));
    } else if (rows == MR && sc == 1) {
      // row-major A: four rows of four k at a time, transposed in registers
      const r0 = base, r1 = base + (sr << 2), r2 = base + (sr << 3), r3 = r1 + (sr << 3);
      let p = 0;
      for (; p + 4 <= kc; p += 4, dst += 64) {
        const o = <usize>p << 2;
        const x0 = v128.load(r0 + o), x1 = v128.load(r1 + o), x2 = v128.load(r2 + o), x3 = v128.load(r3 + o);
        const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5), t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
        const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7), t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
        v128.store(dst, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
        v128.store(dst, i32x4.shuffle(t0, t1, 2, 3, 6, 7), 16);
        v128.store(dst, i32x4.shuffle(t2, t3, 0, 1, 4, 5), 32);
        v128.store(dst, i32x4.shuffle(t2, t3, 2, 3, 6, 7), 48);
      }
      for (; p < kc; p++, dst += 16) {
        const o = <usize>p << 2;
        store<f32>(dst, load<f32>(r0 + o));
        store<f32>(dst, load<f32>(r1 + o), 4);
        store<f32>(dst, load<f32>(r2 + o), 8);
        store<f32>(dst, load<f32>(r3 + o), 12);
      }
    } else {
      for (let p = 0; p < kc; p++, dst += 16) {
        for (let r = 0; r < MR; r++) {
          store<f32>(dst + (<usize>r << 2), r < rows ? load<f32>(base + ((<usize>r * sr + <usize>p * sc) << 2)) : 0);
        }
      }
    }
  }
}

/** Packs rows [0, kc) x columns [0, nc) of B into panels of NR columns: panel-major, then k, then column. */
function packB(b: usize, sr: usize, sc: usize, kc: i32, nc: i32, dst: usize): void {
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    const base = b + (<usize>j * sc << 2);
    if (cols == NR && sc == 1) {
      // row-major B: eight adjacent columns of one k
      for (let p = 0; p < kc; p++, dst += 32) {
        const src = base + (<usize>p * sr << 2);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      }
    } else if (cols == NR && sr == 1) {
      // transposed B (B = W^T with W row-major, as in nn.Linear): four k of eight columns at a
      // time, transposed in registers
      const step = sc << 2;
      let p = 0;
      for (; p + 4 <= kc; p += 4, dst += 128) {
        const o = <usize>p << 2;
        for (let h = 0; h < 2; h++) {
          const c0 = base + o + <usize>(h * 4) * step;
          const x0 = v128.load(c0), x1 = v128.load(c0 + step), x2 = v128.load(c0 + 2 * step), x3 = v128.load(c0 + 3 * step);
          const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5), t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
          const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7), t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
          const d = dst + (<usize>h << 4);
          v128.store(d, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
          v128.store(d, i32x4.shuffle(t0, t1, 2, 3, 6, 7), 32);
          v128.store(d, i32x4.shuffle(t2, t3, 0, 1, 4, 5), 64);
          v128.store(d, i32x4.shuffle(t2, t3, 2, 3, 6, 7), 96);
        }
      }
      for (; p < kc; p++, dst += 32) {
        for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), load<f32>(base + ((<usize>p + <usize>c * sc) << 2)));
      }
    } else {
      for (let p = 0; p < kc; p++, dst += 32) {
        for (let c = 0; c < NR; c++) {
          store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(base + ((<usize>p * sr + <usize>c * sc) << 2)) : 0);
        }
      }
    }
  }
}

/**
 * One MR x NR tile: acc = (packed A panel) x (packed B panel) over kc; then C = acc (first
 * block) or C + acc, plus the bias on the last block. Partial tiles (mr < MR or nr < NR) go
 * through `tile` and store only their part, with the same float32 operations.
 */
@inline function micro(kc: i32, a: usize, b: usize, c: usize, ldc: usize, mr: i32, nr: i32, first: bool, bias: usize, tile: usize): void {
  let c00 = splat(0), c01 = splat(0), c10 = splat(0), c11 = splat(0);
  let c20 = splat(0), c21 = splat(0), c30 = splat(0), c31 = splat(0);
  for (let p = 0; p < kc; p++, a += 16, b += 32) {
    const b0 = v128.load(b), b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
  }
  const stride = ldc << 2;
  if (mr == MR && nr == NR) {
    if (!first) {
      c00 = f32x4.add(c00, v128.load(c)); c01 = f32x4.add(c01, v128.load(c, 16));
      c10 = f32x4.add(c10, v128.load(c + stride)); c11 = f32x4.add(c11, v128.load(c + stride, 16));
      c20 = f32x4.add(c20, v128.load(c + 2 * stride)); c21 = f32x4.add(c21, v128.load(c + 2 * stride, 16));
      c30 = f32x4.add(c30, v128.load(c + 3 * stride)); c31 = f32x4.add(c31, v128.load(c + 3 * stride, 16));
    }
    if (bias) {
      const q0 = v128.load(bias), q1 = v128.load(bias, 16);
      c00 = f32x4.add(c00, q0); c01 = f32x4.add(c01, q1);
      c10 = f32x4.add(c10, q0); c11 = f32x4.add(c11, q1);
      c20 = f32x4.add(c20, q0); c21 = f32x4.add(c21, q1);
      c30 = f32x4.add(c30, q0); c31 = f32x4.add(c31, q1);
    }
    v128.store(c, c00); v128.store(c, c01, 16);
    v128.store(c + stride, c10); v128.store(c + stride, c11, 16);
    v128.store(c + 2 * stride, c20); v128.store(c + 2 * stride, c21, 16);
    v128.store(c + 3 * stride, c30); v128.store(c + 3 * stride, c31, 16);
    return;
  }
  v128.store(tile, c00); v128.store(tile, c01, 16);
  v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80);
  v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  for (let i = 0; i < mr; i++) {
    const row = c + <usize>i * stride;
    for (let j = 0; j < nr; j++) {
      const o = <usize>j << 2;
      let v = load<f32>(tile + (<usize>i << 5) + o);
      if (!first) v = v + load<f32>(row + o);
      if (bias) v = v + load<f32>(bias + o);
      store<f32>(row + o, v);
    }
  }
}

/**
 * C = A B (+ bias): A is m x k at `a` with element strides (sar, sac), B is k x n at `b` with
 * strides (sbr, sbc), C is m x n contiguous at `c`, bias (0 for none) n contiguous values.
 * k must be at least 1. `scratch` holds gemm_scratch_bytes() bytes, 16-byte aligned.
 */
export function gemm(m: i32, n: i32, k: i32, a: usize, sar: i32, sac: i32, b: usize, sbr: i32, sbc: i32, c: usize, bias: usize, scratch: usize): void {
  const ap = scratch;
  const bp = scratch + ((MC * KC) << 2);
  const tile = bp + ((KC * NC) << 2);
  const ldc = <usize>n;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const first = pc == 0;
      const lastBias = pc + kc >= k && bias != 0 ? bias + (<usize>jc << 2) : 0;
      packB(b + ((<usize>pc * <usize>sbr + <usize>jc * <usize>sbc) << 2), sbr, sbc, kc, nc, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a + ((<usize>ic * <usize>sar + <usize>pc * <usize>sac) << 2), sar, sac, mc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const cj = c + ((<usize>ic * ldc + <usize>jc + <usize>jr) << 2);
          const bj = lastBias ? lastBias + (<usize>jr << 2) : 0;
          const bpj = bp + (<usize>(jr * kc) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            micro(kc, ap + (<usize>(ir * kc) << 2), bpj, cj + ((<usize>ir * ldc) << 2), ldc, min(MR, mc - ir), nr, first, bj, tile);
          }
        }
      }
    }
  }
}
