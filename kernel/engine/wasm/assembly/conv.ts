// Convolution's data movement and max pooling, float32 (see ops/conv.ts, whose JS loops these
// replace and are tested against). The unit of work is one input channel (im2col, col2im) or one
// [H, W] plane (pooling), so threads never write the same element.
//
// cols is [C·kH·kW, N·oH·oW]: row (c, i, j), column n·L + l holds the input element that kernel
// tap (i, j) of output position l of sample n sees, 0 outside the input.

/** The first and one-past-last output column whose tap lands inside a row of `size` (stride s). */
@inline function firstInside(start: i32, s: i32): i32 {
  // smallest ow with ow·s + start >= 0
  return start >= 0 ? 0 : (-start + s - 1) / s;
}
@inline function endInside(start: i32, s: i32, size: i32, outSize: i32): i32 {
  // one past the largest ow with ow·s + start <= size - 1
  if (start > size - 1) return 0;
  const e = (size - 1 - start) / s + 1;
  return e < outSize ? e : outSize;
}

/** Copies n floats; rows here are short (a feature map's width), where a loop beats memory.copy's call. */
@inline function copyFloats(dst: usize, src: usize, n: i32): void {
  let k = 0;
  for (; k + 4 <= n; k += 4) v128.store(dst + (<usize>k << 2), v128.load(src + (<usize>k << 2)));
  for (; k < n; k++) store<f32>(dst + (<usize>k << 2), load<f32>(src + (<usize>k << 2)));
}

/**
 * cols ← im2col(image) (gather) or image += col2im(cols) (scatter), for `channels` channels
 * starting at the given pointers: image at channel c, cols at row c·kH·kW.
 */
function patches(gather: bool, image: usize, cols: usize, channels: i32, N: i32, C: i32, H: i32, W: i32,
  kH: i32, kW: i32, sH: i32, sW: i32, pT: i32, pL: i32, dH: i32, dW: i32, oH: i32, oW: i32): void {
  const L = oH * oW;
  const rowBytes = <usize>(N * L) << 2;
  const sampleBytes = <usize>(C * H * W) << 2;
  let row = cols;
  for (let c = 0; c < channels; c++) {
    const plane0 = image + (<usize>(c * H * W) << 2);
    for (let i = 0; i < kH; i++) {
      for (let j = 0; j < kW; j++, row += rowBytes) {
        const wStart = j * dW - pL;
        const lo = min(firstInside(wStart, sW), oW);
        const hi = max(endInside(wStart, sW, W, oW), lo);
        let o = row;
        for (let n = 0; n < N; n++) {
          const plane = plane0 + <usize>n * sampleBytes;
          for (let oh = 0; oh < oH; oh++, o += <usize>oW << 2) {
            const h = oh * sH - pT + i * dH;
            if (h < 0 || h >= H) {
              if (gather) memory.fill(o, 0, <usize>oW << 2);
              continue;
            }
            const src = plane + (<usize>(h * W + wStart) << 2);
            if (gather) {
              if (lo > 0) memory.fill(o, 0, <usize>lo << 2);
              if (sW == 1) copyFloats(o + (<usize>lo << 2), src + (<usize>lo << 2), hi - lo);
              else for (let ow = lo; ow < hi; ow++) store<f32>(o + (<usize>ow << 2), load<f32>(src + (<usize>(ow * sW) << 2)));
              if (hi < oW) memory.fill(o + (<usize>hi << 2), 0, <usize>(oW - hi) << 2);
            } else if (sW == 1) {
              let ow = lo;
              for (; ow + 4 <= hi; ow += 4) {
                const p = src + (<usize>ow << 2);
                v128.store(p, f32x4.add(v128.load(p), v128.load(o + (<usize>ow << 2))));
              }
              for (; ow < hi; ow++) {
                const p = src + (<usize>ow << 2);
                store<f32>(p, load<f32>(p) + load<f32>(o + (<usize>ow << 2)));
              }
            } else {
              for (let ow = lo; ow < hi; ow++) {
                const p = src + (<usize>(ow * sW) << 2);
                store<f32>(p, load<f32>(p) + load<f32>(o + (<usize>ow << 2)));
              }
            }
          }
        }
      }
    }
  }
}

export function im2col(image: usize, cols: usize, channels: i32, N: i32, C: i32, H: i32, W: i32,
  kH: i32, kW: i32, sH: i32, sW: i32, pT: i32, pL: i32, dH: i32, dW: i32, oH: i32, oW: i32): void {
  patches(true, image, cols, channels, N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW);
}

/** image += col2im(cols); the caller zeroes image first. */
export function col2im(cols: usize, image: usize, channels: i32, N: i32, C: i32, H: i32, W: i32,
  kH: i32, kW: i32, sH: i32, sW: i32, pT: i32, pL: i32, dH: i32, dW: i32, oH: i32, oW: i32): void {
  patches(false, image, cols, channels, N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW);
}

/**
 * Max pooling of `planes` [H, W] planes into [oH, oW] planes, with each maximum's index within
 * its plane (as float64, the engine's int64 storage). PyTorch's choice: the first greatest value,
 * unless a NaN comes along (then the last NaN).
 */
export function max_pool2d(src: usize, dst: usize, idx: usize, planes: i32, H: i32, W: i32,
  kH: i32, kW: i32, sH: i32, sW: i32, pT: i32, pL: i32, dH: i32, dW: i32, oH: i32, oW: i32): void {
  const planeBytes = <usize>(H * W) << 2;
  // without padding or dilation, and every window inside (no ceil_mode overhang): no bounds to work out
  const plain = pT == 0 && pL == 0 && dH == 1 && dW == 1 && (oH - 1) * sH + kH <= H && (oW - 1) * sW + kW <= W;
  for (let p = 0; p < planes; p++, src += planeBytes) {
    for (let oh = 0; oh < oH; oh++) {
      const h0 = oh * sH - pT;
      if (plain) {
        for (let ow = 0; ow < oW; ow++, dst += 4, idx += 8) {
          let at = h0 * W + ow * sW;
          let best = load<f32>(src + (<usize>at << 2));
          for (let i = 0; i < kH; i++) {
            const rowAt = (h0 + i) * W + ow * sW;
            for (let j = 0; j < kW; j++) {
              const v = load<f32>(src + (<usize>(rowAt + j) << 2));
              // select, not a branch: on real data "greater?" is a coin toss the CPU mispredicts
              const take = v > best || v != v;
              best = select<f32>(v, best, take);
              at = select<i32>(rowAt + j, at, take);
            }
          }
          store<f32>(dst, best);
          store<f64>(idx, <f64>at);
        }
        continue;
      }
      const i0 = firstInside(h0, dH), i1 = min(endInside(h0, dH, H, kH), kH);
      for (let ow = 0; ow < oW; ow++, dst += 4, idx += 8) {
        const w0 = ow * sW - pL;
        const j0 = firstInside(w0, dW), j1 = min(endInside(w0, dW, W, kW), kW);
        let best: f32 = -Infinity;
        let at = (h0 + i0 * dH) * W + w0 + j0 * dW;
        for (let i = i0; i < i1; i++) {
          const rowAt = (h0 + i * dH) * W + w0;
          for (let j = j0; j < j1; j++) {
            const k = rowAt + j * dW;
            const v = load<f32>(src + (<usize>k << 2));
            const take = v > best || v != v;
            best = select<f32>(v, best, take);
            at = select<i32>(k, at, take);
          }
        }
        store<f32>(dst, best);
        store<f64>(idx, <f64>at);
      }
    }
  }
}

/** dx (zeroed here, `planes` [H, W] planes) += g at the indices max_pool2d kept. */
export function max_pool2d_backward(g: usize, idx: usize, dx: usize, planes: i32, HW: i32, L: i32): void {
  const planeBytes = <usize>HW << 2;
  memory.fill(dx, 0, <usize>planes * planeBytes);
  for (let p = 0; p < planes; p++, dx += planeBytes) {
    for (let l = 0; l < L; l++, g += 4, idx += 8) {
      const q = dx + (<usize>(<i32>load<f64>(idx)) << 2);
      store<f32>(q, load<f32>(q) + load<f32>(g));
    }
  }
}

/**
 * The product W·cols is [O, N·L]; the output is [N, O, L]: out[n, o, :] = rows[o, n·L : (n+1)·L]
 * (+ bias[o] when bias is not 0), for `samples` samples starting at the given pointers.
 */
export function conv_output(rows: usize, bias: usize, out: usize, samples: i32, N: i32, O: i32, L: i32): void {
  const runBytes = <usize>L << 2;
  for (let n = 0; n < samples; n++) {
    for (let o = 0; o < O; o++, out += runBytes) {
      const src = rows + (<usize>(o * N + n) * runBytes);
      if (bias == 0) { copyFloats(out, src, L); continue; }
      const b = load<f32>(bias + (<usize>o << 2));
      const bv = f32x4.splat(b);
      let k = 0;
      for (; k + 4 <= L; k += 4) v128.store(out + (<usize>k << 2), f32x4.add(v128.load(src + (<usize>k << 2)), bv));
      for (; k < L; k++) store<f32>(out + (<usize>k << 2), load<f32>(src + (<usize>k << 2)) + b);
    }
  }
}
