// 2-d convolution and pooling, forward and backward side by side, as PyTorch 1.13's CPU kernels
// compute them (slow_conv2d: im2col, then one matrix product on the engine's SIMD GEMM).
//
// conv2d: cols = im2col(x) holds, for every output position of every sample, the input patch it
// sees ([C·kH·kW, N·oH·oW]); out = W·cols + b. Backward: dW = g·colsᵀ, db = Σ g,
// dx = col2im(Wᵀ·g). The cols are recomputed in backward rather than kept.
// max_pool2d keeps the index of each window's maximum (the first one, NaN wins, as PyTorch's
// kernel); its backward adds the gradient there. avg_pool2d and adaptive_avg_pool2d spread it
// evenly over the window.
import { Tensor } from "../tensor";
import { RuntimeError, ValueError } from "../errors";
import { int64, TypedArray } from "../dtype";
import { bindArgs } from "../args";
import { record } from "../autograd/node";
import { no_grad, is_grad_enabled } from "../autograd/grad_mode";
import { contiguousData } from "./strided";
import { mm } from "./linalg";
import { storageCount } from "../storage/storage";
import { ConvGeometry as Geometry, convOutput, convPatches, maxPool, maxPoolBackward } from "../wasm/ops";

type Pair = [number, number];

function pair(fn: string, name: string, v: unknown): Pair {
  const p = typeof v === "number" ? [v, v] : Array.isArray(v) && v.length === 1 ? [v[0], v[0]] : v;
  if (!Array.isArray(p) || p.length !== 2 || !p.every((x) => typeof x === "number" && Number.isInteger(x))) {
    throw new TypeError(`${fn}(): argument '${name}' must be tuple of ints, not ${Array.isArray(v) ? `a list of ${v.length}` : typeof v}`);
  }
  return p as Pair;
}

/** A backward that cannot be differentiated again says so, instead of giving a wrong graph. */
function once(name: string, g: Tensor): void {
  if (g.requires_grad) throw new RuntimeError(`actnb: ${name} has no double backward yet (create_graph through it)`);
}

/** Batched input [N, C, H, W] from 3-d (unbatched) or 4-d; `unbatch` undoes it. */
function batched(fn: string, input: Tensor): { x: Tensor; unbatch: (t: Tensor) => Tensor } {
  if (input.ndim === 4) return { x: input, unbatch: (t) => t };
  if (input.ndim === 3) return { x: input.unsqueeze(0), unbatch: (t) => t.squeeze(0) };
  throw new RuntimeError(`Expected 3D (unbatched) or 4D (batched) input to ${fn}, but got input of size: [${input.shape.join(", ")}]`);
}

/**
 * cols [C·kH·kW, N·oH·oW]: column n·L + l holds the patch output position l of sample n sees
 * (zeros outside the input). Laid out this way, forward is one product W·cols, and backward's
 * dW = g·colsᵀ reads colsᵀ through its strides: no transposed copy of the biggest tensor.
 * `gather` fills cols from the image (im2col); otherwise cols are summed into it (col2im).
 */
function patches(g: Geometry, image: TypedArray, cols: TypedArray, gather: boolean): void {
  const { N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW } = g;
  const L = oH * oW;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kH; i++) {
      for (let j = 0; j < kW; j++) {
        const rowBase = ((c * kH + i) * kW + j) * N * L;
        for (let n = 0; n < N; n++) {
          const plane = (n * C + c) * H * W;
          let o = rowBase + n * L;
          for (let oh = 0; oh < oH; oh++) {
            const h = oh * sH - pT + i * dH;
            if (h < 0 || h >= H) {
              if (gather) cols.fill(0, o, o + oW);
              o += oW;
              continue;
            }
            const row = plane + h * W;
            let w = j * dW - pL;
            if (gather) for (let ow = 0; ow < oW; ow++, w += sW) cols[o++] = w >= 0 && w < W ? image[row + w] : 0;
            else for (let ow = 0; ow < oW; ow++, o++, w += sW) if (w >= 0 && w < W) image[row + w] += cols[o];
          }
        }
      }
    }
  }
}

function im2col(x: Tensor, g: Geometry): Tensor {
  const start = storageCount();
  const cols = Tensor.empty([g.C * g.kH * g.kW, g.N * g.oH * g.oW], x.dtype);
  const image = x.contiguous();
  if (!convPatches(true, image, cols, g)) patches(g, contiguousData(x), cols._data, true);
  dispose(image, start);
  return cols;
}

/**
 * Returns an intermediate's memory at once if it was made after `since` and shares no storage
 * with `inUse`: the patches and products here are tens of megabytes for a batch, and a big
 * evaluation batch would otherwise pile them up in wasm memory (which never shrinks) until a
 * garbage collection.
 */
function dispose(t: Tensor | null, since: number, ...inUse: Array<Tensor | null>): void {
  if (t && t.storage.serial > since && !inUse.some((u) => u?.storage === t.storage)) t.storage.free();
}

function col2im(cols: Tensor, g: Geometry): Tensor {
  const out = Tensor.empty([g.N, g.C, g.H, g.W], cols.dtype);
  out._data.fill(0);
  if (!convPatches(false, out, cols.contiguous(), g)) patches(g, out._data, contiguousData(cols), false);
  return out;
}

const CONV = { bias: null as Tensor | null, stride: 1 as number | number[], padding: 0 as number | number[] | "same" | "valid", dilation: 1 as number | number[], groups: 1 };

/** F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1). */
export function conv2d(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("conv2d", args, CONV, 2);
  const { x, unbatch } = batched("conv2d", input);
  if (weight.ndim !== 4) throw new RuntimeError(`weight should have at least three dimensions`);
  if (a.groups !== 1) throw new RuntimeError(`actnb's conv2d supports groups=1 only (got groups=${a.groups})`);
  const [N, C, H, W] = x.shape;
  const [O, Cw, kH, kW] = weight.shape;
  if (Cw !== C) {
    throw new RuntimeError(`Given groups=1, weight of size [${weight.shape.join(", ")}], expected input[${x.shape.join(", ")}] to have ${Cw} channels, but got ${C} channels instead`);
  }
  if (a.bias && (a.bias.ndim !== 1 || a.bias.shape[0] !== O)) throw new RuntimeError(`Given weight of size [${weight.shape.join(", ")}], expected bias to be 1-dimensional with ${O} elements, but got bias of size [${a.bias.shape.join(", ")}] instead`);
  if (x.dtype !== weight.dtype || (a.bias && a.bias.dtype !== x.dtype)) throw new RuntimeError(`expected scalar type ${x.dtype.scalarType} but found ${(x.dtype !== weight.dtype ? weight : a.bias!).dtype.scalarType}`);
  const [sH, sW] = pair("conv2d", "stride", a.stride);
  const [dH, dW] = pair("conv2d", "dilation", a.dilation);
  if (sH <= 0 || sW <= 0) throw new RuntimeError("non-positive stride is not supported");
  let pT: number, pL: number, pB: number, pR: number;
  if (a.padding === "valid") [pT, pL, pB, pR] = [0, 0, 0, 0];
  else if (a.padding === "same") {
    if (sH !== 1 || sW !== 1) throw new RuntimeError("padding='same' is not supported for strided convolutions");
    const [tH, tW] = [dH * (kH - 1), dW * (kW - 1)];
    [pT, pL] = [Math.floor(tH / 2), Math.floor(tW / 2)];
    [pB, pR] = [tH - pT, tW - pL];
  } else if (typeof a.padding === "string") {
    throw new ValueError(`Invalid padding string '${a.padding}', should be one of ('valid', 'same')`);
  } else {
    [pT, pL] = pair("conv2d", "padding", a.padding);
    [pB, pR] = [pT, pL];
  }
  const [eH, eW] = [dH * (kH - 1) + 1, dW * (kW - 1) + 1];
  if (H + pT + pB < eH || W + pL + pR < eW) {
    throw new RuntimeError(`Calculated padded input size per channel: (${H + pT + pB} x ${W + pL + pR}). Kernel size: (${eH} x ${eW}). Kernel size can't be greater than actual input size`);
  }
  const geo: Geometry = { N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH: Math.floor((H + pT + pB - eH) / sH) + 1, oW: Math.floor((W + pL + pR - eW) / sW) + 1 };
  const L = geo.oH * geo.oW;
  const bias = a.bias;
  const start = storageCount();
  // the patches are kept for the weight's gradient (PyTorch recomputes them; memory for speed)
  let cols: Tensor | null = im2col(x.detach(), geo);
  const out = no_grad(() => {
    const product = mm(weight.detach().reshape([O, C * kH * kW]), cols!); // [O, N·L]
    const y = Tensor.empty([N, O, geo.oH, geo.oW], x.dtype);
    if (convOutput(product, bias && bias.detach().contiguous(), y, N, O, L)) {
      dispose(product, start);
      return y;
    }
    dispose(y, start);
    const planes = product.view([O, N, geo.oH, geo.oW]).permute([1, 0, 2, 3]);
    return bias ? planes.add(bias.detach().view([1, O, 1, 1])) : planes.contiguous();
  });
  if (!(weight.requires_grad && is_grad_enabled())) {
    dispose(cols, start, out);
    cols = null;
  }
  const result = record(out, "ConvolutionBackward0", [x, weight, bias], (g, [xs, ws]) => {
    once("conv2d", g);
    return no_grad(() => {
      const since = storageCount();
      const gT = g.permute([1, 0, 2, 3]).reshape([O, N * L]); // [O, N·L]
      const w2 = ws!.reshape([O, C * kH * kW]);
      let dx: Tensor | null = null, dw: Tensor | null = null;
      if (x.requires_grad) {
        const colsGrad = mm(w2.t(), gT);
        dx = col2im(colsGrad, geo);
        dispose(colsGrad, since);
      }
      if (weight.requires_grad) {
        const patches = cols ?? im2col(xs!, geo);
        dw = mm(gT, patches.t()).view(weight.shape);
        // the kept patches were made in forward: this node is their only holder
        dispose(patches, patches === cols ? start : since, dw);
      }
      const db = bias?.requires_grad ? gT.sum(1) : null;
      dispose(gT, since, g, db);
      cols = null;
      return [dx, dw, db];
    });
  }, [x, weight]);
  return unbatch(result);
}

/** Pooling's output size along one dim, with ceil_mode's rule that a window must start inside. */
function pooledSize(size: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const span = size + 2 * p - d * (k - 1) - 1;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (out - 1) * s >= size + p) out--;
  return out;
}

interface PoolArgs { kernel_size: number | number[]; stride: number | number[] | null; padding: number | number[]; dilation: number | number[]; ceil_mode: boolean }

function poolGeometry(fn: string, x: Tensor, a: PoolArgs): Geometry {
  const [N, C, H, W] = x.shape;
  const [kH, kW] = pair(fn, "kernel_size", a.kernel_size);
  const [sH, sW] = a.stride === null || (Array.isArray(a.stride) && a.stride.length === 0) ? [kH, kW] : pair(fn, "stride", a.stride);
  const [pT, pL] = pair(fn, "padding", a.padding);
  const [dH, dW] = pair(fn, "dilation", a.dilation);
  if (pT > Math.floor(kH / 2) || pL > Math.floor(kW / 2)) throw new RuntimeError("pad should be smaller than or equal to half of kernel size, but got padW = " + pL + ", padH = " + pT + ", kW = " + kW + ", kH = " + kH);
  const oH = pooledSize(H, kH, sH, pT, dH, a.ceil_mode);
  const oW = pooledSize(W, kW, sW, pL, dW, a.ceil_mode);
  if (oH <= 0 || oW <= 0) throw new RuntimeError(`Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${oH}x${oW}). Output size is too small`);
  return { N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW };
}

/** Max pooling's JS loop (the wasm kernel's reference): each window's maximum and its index in the plane. */
function maxPoolLoops(geo: Geometry, src: TypedArray, dst: TypedArray, idx: TypedArray): void {
  const { N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW } = geo;
  // each window's taps inside the input, worked out once: [first, last] kernel row and column
  const inside = (start: number, k: number, d: number, size: number) => [Math.max(0, Math.ceil(-start / d)), Math.min(k - 1, Math.floor((size - 1 - start) / d))];
  const rowTaps = Array.from({ length: oH }, (_, oh) => inside(oh * sH - pT, kH, dH, H));
  const colTaps = Array.from({ length: oW }, (_, ow) => inside(ow * sW - pL, kW, dW, W));
  let o = 0;
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < oH; oh++) {
      const h0 = oh * sH - pT;
      const [i0, i1] = rowTaps[oh];
      for (let ow = 0; ow < oW; ow++, o++) {
        const w0 = ow * sW - pL;
        const [j0, j1] = colTaps[ow];
        let best = -Infinity, at = (h0 + i0 * dH) * W + w0 + j0 * dW;
        for (let i = i0; i <= i1; i++) {
          const rowAt = (h0 + i * dH) * W + w0;
          for (let j = j0; j <= j1; j++) {
            const v = src[base + rowAt + j * dW];
            // PyTorch's test: a greater value, or a NaN (the last NaN wins)
            if (v > best || v !== v) { best = v; at = rowAt + j * dW; }
          }
        }
        dst[o] = best;
        idx[o] = at;
      }
    }
  }
}

/** F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False). */
export function max_pool2d(input: Tensor, ...args: unknown[]): Tensor | [Tensor, Tensor] {
  const a = bindArgs("max_pool2d", args, { kernel_size: undefined as unknown as number | number[], stride: null as number | number[] | null, padding: 0 as number | number[], dilation: 1 as number | number[], ceil_mode: false, return_indices: false }, 1);
  const { x, unbatch } = batched("max_pool2d", input);
  const geo = poolGeometry("max_pool2d", x, a);
  const { N, C, H, W, oH, oW } = geo;
  const out = Tensor.empty([N, C, oH, oW], x.dtype);
  const indices = Tensor.empty([N, C, oH, oW], int64);
  if (!maxPool(x.detach().contiguous(), out, indices, geo)) maxPoolLoops(geo, contiguousData(x), out._data, indices._data);
  const result = record(out, "MaxPool2DWithIndicesBackward0", [x], (g) => {
    once("max_pool2d", g);
    const dx = Tensor.empty([N, C, H, W], x.dtype);
    if (!maxPoolBackward(g.contiguous(), indices, dx, geo)) {
      const gd = contiguousData(g), idx = indices._data, d = dx._data;
      d.fill(0);
      for (let k = 0, L = oH * oW; k < gd.length; k++) d[Math.floor(k / L) * H * W + idx[k]] += gd[k];
    }
    return [dx];
  }, [x, indices]);
  return a.return_indices ? [unbatch(result), unbatch(indices)] : unbatch(result);
}

/** F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None). */
export function avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("avg_pool2d", args, { kernel_size: undefined as unknown as number | number[], stride: null as number | number[] | null, padding: 0 as number | number[], ceil_mode: false, count_include_pad: true, divisor_override: null as number | null }, 1);
  const { x, unbatch } = batched("avg_pool2d", input);
  if (a.divisor_override !== null && (!Number.isInteger(a.divisor_override) || a.divisor_override === 0)) throw new RuntimeError("divisor must be not zero");
  const geo = poolGeometry("avg_pool2d", x, { ...a, dilation: 1 });
  const { N, C, H, W, kH, kW, sH, sW, pT, pL, oH, oW } = geo;
  // each window: its clipped bounds and its divisor, as PyTorch's avg_pool2d kernel computes them
  const windows: Window[] = [];
  for (let oh = 0; oh < oH; oh++) {
    for (let ow = 0; ow < oW; ow++) {
      let h0 = oh * sH - pT, w0 = ow * sW - pL;
      let h1 = Math.min(h0 + kH, H + pT), w1 = Math.min(w0 + kW, W + pL);
      const padded = (h1 - h0) * (w1 - w0);
      h0 = Math.max(h0, 0); w0 = Math.max(w0, 0); h1 = Math.min(h1, H); w1 = Math.min(w1, W);
      const divisor = a.divisor_override ?? (a.count_include_pad ? padded : (h1 - h0) * (w1 - w0));
      windows.push([h0, h1, w0, w1, divisor]);
    }
  }
  return unbatch(averageWindows("avg_pool2d", "AvgPool2DBackward0", x, windows, oH, oW));
}

type Window = [h0: number, h1: number, w0: number, w1: number, divisor: number];

/** Each output element the sum of its window over its divisor; backward spreads g the same way. */
function averageWindows(fn: string, gradName: string, x: Tensor, windows: Window[], oH: number, oW: number): Tensor {
  const [N, C, H, W] = x.shape;
  const src = contiguousData(x);
  const out = Tensor.empty([N, C, oH, oW], x.dtype);
  const dst = out._data;
  for (let plane = 0, o = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (const [h0, h1, w0, w1, divisor] of windows) {
      let s = 0;
      for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) s += src[base + h * W + w];
      dst[o++] = s / divisor;
    }
  }
  return record(out, gradName, [x], (g) => {
    once(fn, g);
    const gd = contiguousData(g);
    const dx = Tensor.empty([N, C, H, W], x.dtype);
    const d = dx._data;
    d.fill(0);
    for (let plane = 0, o = 0; plane < N * C; plane++) {
      const base = plane * H * W;
      for (const [h0, h1, w0, w1, divisor] of windows) {
        const share = gd[o++] / divisor;
        for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) d[base + h * W + w] += share;
      }
    }
    return [dx];
  }, [x]);
}

/** F.adaptive_avg_pool2d(input, output_size): windows [⌊i·H/oH⌋, ⌈(i+1)·H/oH⌉). */
export function adaptive_avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("adaptive_avg_pool2d", args, { output_size: undefined as unknown as number | Array<number | null> }, 1);
  const { x, unbatch } = batched("adaptive_avg_pool2d", input);
  const [N, C, H, W] = x.shape;
  const size = typeof a.output_size === "number" ? [a.output_size, a.output_size] : a.output_size;
  if (!Array.isArray(size) || size.length !== 2) throw new TypeError("adaptive_avg_pool2d(): argument 'output_size' must be tuple of ints");
  const [oH, oW] = [size[0] ?? H, size[1] ?? W];
  // PyTorch takes the mean for a 1×1 output (its grad_fn is then MeanBackward1)
  if (oH === 1 && oW === 1) return unbatch(x.mean([-1, -2], true));
  const windows: Window[] = [];
  for (let i = 0; i < oH; i++) {
    const [h0, h1] = [Math.floor((i * H) / oH), Math.ceil(((i + 1) * H) / oH)];
    for (let j = 0; j < oW; j++) {
      const [w0, w1] = [Math.floor((j * W) / oW), Math.ceil(((j + 1) * W) / oW)];
      windows.push([h0, h1, w0, w1, (h1 - h0) * (w1 - w0)]);
    }
  }
  return unbatch(averageWindows("adaptive_avg_pool2d", "AdaptiveAvgPool2DBackward0", x, windows, oH, oW));
}
