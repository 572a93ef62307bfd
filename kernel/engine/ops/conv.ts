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
import { bindEntry } from "../args";
import { FUNCTIONAL_CONV } from "../api/tables/conv";
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

/** PyTorch's int or (int, int). */
type Pairs = number | readonly number[];

// F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)
// #region api F.conv2d (generated by scripts/gen-api.mjs from its entry in kernel/engine/api/tables/)
/**
 * The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`.
 *
 * PyTorch: `torch.nn.functional.conv2d`
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param weight The kernels [out_channels, C / groups, kH, kW].
 * @param bias One value per output channel [out_channels]; `null` for none. Default: `null` (Python's None).
 * @param stride The step between windows, in rows and columns (one number: both). Default: `1`.
 * @param padding Zeros added on each side (one number: all four; [rows, columns]), or "same" (the output as big as the input, stride 1 only) or "valid" (none). Default: `0`.
 * @param dilation The spacing between the kernel's taps (1: adjacent). Default: `1`.
 * @param groups How many groups the channels are split into, each convolved on its own (actnb computes groups=1 only). Default: `1`.
 * @example
 * ```ts
 * const x = torch.arange(9).float().view(1, 1, 3, 3);
 * F.conv2d(x, torch.ones(1, 1, 2, 2))  // tensor([[[[ 8., 12.],
 *                                      //           [20., 24.]]]])
 * ```
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, stride?: number | readonly number[], padding?: number | readonly number[] | "same" | "valid", dilation?: number | readonly number[], groups?: number): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`; by name: `weight`, `bias`, `stride`, `padding`, `dilation`, `groups`. */
export function conv2d(input: Tensor, options: { weight: Tensor; bias?: Tensor | null; stride?: number | readonly number[]; padding?: number | readonly number[] | "same" | "valid"; dilation?: number | readonly number[]; groups?: number; }): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`, `weight`; by name: `bias`, `stride`, `padding`, `dilation`, `groups`. */
export function conv2d(input: Tensor, weight: Tensor, options?: { bias?: Tensor | null; stride?: number | readonly number[]; padding?: number | readonly number[] | "same" | "valid"; dilation?: number | readonly number[]; groups?: number; }): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`, `weight`, `bias`; by name: `stride`, `padding`, `dilation`, `groups`. */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, options?: { stride?: number | readonly number[]; padding?: number | readonly number[] | "same" | "valid"; dilation?: number | readonly number[]; groups?: number; }): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`, `weight`, `bias`, `stride`; by name: `padding`, `dilation`, `groups`. */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, stride: number | readonly number[], options?: { padding?: number | readonly number[] | "same" | "valid"; dilation?: number | readonly number[]; groups?: number; }): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`, `weight`, `bias`, `stride`, `padding`; by name: `dilation`, `groups`. */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, stride: number | readonly number[], padding: number | readonly number[] | "same" | "valid", options?: { dilation?: number | readonly number[]; groups?: number; }): Tensor;
/** The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`. Positionally: `input`, `weight`, `bias`, `stride`, `padding`, `dilation`; by name: `groups`. */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, stride: number | readonly number[], padding: number | readonly number[] | "same" | "valid", dilation: number | readonly number[], options?: { groups?: number; }): Tensor;
// #endregion api
export function conv2d(input: Tensor, ...args: unknown[]): Tensor {
  const { weight, ...a } = bindEntry<{ weight: Tensor; bias: Tensor | null; stride: Pairs; padding: Pairs | "same" | "valid"; dilation: Pairs; groups: number }>("conv2d", args, FUNCTIONAL_CONV.conv2d, 1);
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

interface PoolArgs { kernel_size: Pairs; stride: Pairs | null; padding: Pairs; dilation: Pairs; ceil_mode: boolean }

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

// F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False).
// #region api F.max_pool2d (generated by scripts/gen-api.mjs from its entry in kernel/engine/api/tables/)
/**
 * 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was.
 *
 * PyTorch: `torch.nn.functional.max_pool2d`
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param kernel_size The window's height and width (one number: square).
 * @param stride The step between windows; `null`: the window's size (windows side by side). Default: `null` (Python's None).
 * @param padding Added on each side before pooling (at most half the window). Default: `0`.
 * @param dilation The spacing between the window's taps (1: adjacent). Default: `1`.
 * @param ceil_mode Round the output size up, so a last partial window counts too. Default: `false`.
 * @param return_indices Also return where each maximum was (flat indices in each H·W plane), for max_unpool2d. Default: `false`.
 * @example
 * ```ts
 * const x = torch.arange(16).float().view(1, 1, 4, 4);
 * F.max_pool2d(x, 2)  // tensor([[[[ 5.,  7.],
 *                     //           [13., 15.]]]])
 * F.max_pool2d(x, 2, { return_indices: true })[1]  // tensor([[[[ 5,  7],
 *                                                  //           [13, 15]]]])
 * ```
 */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride?: number | readonly number[] | null, padding?: number | readonly number[], dilation?: number | readonly number[], ceil_mode?: boolean, return_indices?: false): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`; by name: `kernel_size`, `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, options: { kernel_size: number | readonly number[]; stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: false; }): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`; by name: `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], options?: { stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: false; }): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`; by name: `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, options?: { padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: false; }): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`; by name: `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], options?: { dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: false; }): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`, `dilation`; by name: `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], options?: { ceil_mode?: boolean; return_indices?: false; }): Tensor;
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`, `dilation`, `ceil_mode`; by name: `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], ceil_mode: boolean, options?: { return_indices?: false; }): Tensor;
/**
 * 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was.
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param kernel_size The window's height and width (one number: square).
 * @param stride The step between windows; `null`: the window's size (windows side by side). Default: `null` (Python's None).
 * @param padding Added on each side before pooling (at most half the window). Default: `0`.
 * @param dilation The spacing between the window's taps (1: adjacent). Default: `1`.
 * @param ceil_mode Round the output size up, so a last partial window counts too. Default: `false`.
 * @param options PyTorch's keyword arguments, by name: `return_indices`.
 */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], ceil_mode: boolean, options: {
  /** Also return where each maximum was (flat indices in each H·W plane), for max_unpool2d. */
  return_indices: true;
}): [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`; by name: `kernel_size`, `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, options: { kernel_size: number | readonly number[]; stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices: true; }): [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`; by name: `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], options: { stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices: true; }): [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`; by name: `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, options: { padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices: true; }): [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`; by name: `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], options: { dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices: true; }): [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`, `dilation`; by name: `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], options: { ceil_mode?: boolean; return_indices: true; }): [Tensor, Tensor];
/**
 * 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was.
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param kernel_size The window's height and width (one number: square).
 * @param stride The step between windows; `null`: the window's size (windows side by side). Default: `null` (Python's None).
 * @param padding Added on each side before pooling (at most half the window). Default: `0`.
 * @param dilation The spacing between the window's taps (1: adjacent). Default: `1`.
 * @param ceil_mode Round the output size up, so a last partial window counts too. Default: `false`.
 * @param return_indices Also return where each maximum was (flat indices in each H·W plane), for max_unpool2d. Default: `false`.
 */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride?: number | readonly number[] | null, padding?: number | readonly number[], dilation?: number | readonly number[], ceil_mode?: boolean, return_indices?: boolean): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`; by name: `kernel_size`, `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, options: { kernel_size: number | readonly number[]; stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: boolean; }): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`; by name: `stride`, `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], options?: { stride?: number | readonly number[] | null; padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: boolean; }): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`; by name: `padding`, `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, options?: { padding?: number | readonly number[]; dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: boolean; }): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`; by name: `dilation`, `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], options?: { dilation?: number | readonly number[]; ceil_mode?: boolean; return_indices?: boolean; }): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`, `dilation`; by name: `ceil_mode`, `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], options?: { ceil_mode?: boolean; return_indices?: boolean; }): Tensor | [Tensor, Tensor];
/** 2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was. Positionally: `input`, `kernel_size`, `stride`, `padding`, `dilation`, `ceil_mode`; by name: `return_indices`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], dilation: number | readonly number[], ceil_mode: boolean, options?: { return_indices?: boolean; }): Tensor | [Tensor, Tensor];
// #endregion api
export function max_pool2d(input: Tensor, ...args: unknown[]): Tensor | [Tensor, Tensor] {
  const a = bindEntry<{ kernel_size: Pairs; stride: Pairs | null; padding: Pairs; dilation: Pairs; ceil_mode: boolean; return_indices: boolean }>("max_pool2d", args, FUNCTIONAL_CONV.max_pool2d, 1, 1, 2);
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

// F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None).
// #region api F.avg_pool2d (generated by scripts/gen-api.mjs from its entry in kernel/engine/api/tables/)
/**
 * 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W].
 *
 * PyTorch: `torch.nn.functional.avg_pool2d`
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param kernel_size The window's height and width (one number: square).
 * @param stride The step between windows; `null`: the window's size (windows side by side). Default: `null` (Python's None).
 * @param padding Added on each side before pooling (at most half the window). Default: `0`.
 * @param ceil_mode Round the output size up, so a last partial window counts too. Default: `false`.
 * @param count_include_pad Whether the padding's zeros count in each window's average. Default: `true`.
 * @param divisor_override Divide each window's sum by this instead of its size; `null`: its size. Default: `null` (Python's None).
 * @example
 * ```ts
 * F.avg_pool2d(torch.arange(16).float().view(1, 1, 4, 4), 2)  // tensor([[[[ 2.5000,  4.5000],
 *                                                             //           [10.5000, 12.5000]]]])
 * ```
 */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], stride?: number | readonly number[] | null, padding?: number | readonly number[], ceil_mode?: boolean, count_include_pad?: boolean, divisor_override?: number | null): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`; by name: `kernel_size`, `stride`, `padding`, `ceil_mode`, `count_include_pad`, `divisor_override`. */
export function avg_pool2d(input: Tensor, options: { kernel_size: number | readonly number[]; stride?: number | readonly number[] | null; padding?: number | readonly number[]; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null; }): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`, `kernel_size`; by name: `stride`, `padding`, `ceil_mode`, `count_include_pad`, `divisor_override`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], options?: { stride?: number | readonly number[] | null; padding?: number | readonly number[]; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null; }): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`, `kernel_size`, `stride`; by name: `padding`, `ceil_mode`, `count_include_pad`, `divisor_override`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, options?: { padding?: number | readonly number[]; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null; }): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`, `kernel_size`, `stride`, `padding`; by name: `ceil_mode`, `count_include_pad`, `divisor_override`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], options?: { ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null; }): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`, `kernel_size`, `stride`, `padding`, `ceil_mode`; by name: `count_include_pad`, `divisor_override`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], ceil_mode: boolean, options?: { count_include_pad?: boolean; divisor_override?: number | null; }): Tensor;
/** 2-d average pooling: the mean of each kernel_size window of images [N, C, H, W]. Positionally: `input`, `kernel_size`, `stride`, `padding`, `ceil_mode`, `count_include_pad`; by name: `divisor_override`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], stride: number | readonly number[] | null, padding: number | readonly number[], ceil_mode: boolean, count_include_pad: boolean, options?: { divisor_override?: number | null; }): Tensor;
// #endregion api
export function avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindEntry<{ kernel_size: Pairs; stride: Pairs | null; padding: Pairs; ceil_mode: boolean; count_include_pad: boolean; divisor_override: number | null }>("avg_pool2d", args, FUNCTIONAL_CONV.avg_pool2d, 1);
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

// F.adaptive_avg_pool2d(input, output_size): windows [⌊i·H/oH⌋, ⌈(i+1)·H/oH⌉).
// #region api F.adaptive_avg_pool2d (generated by scripts/gen-api.mjs from its entry in kernel/engine/api/tables/)
/**
 * 2-d average pooling to a given output size, whatever the input's: windows chosen to tile the input.
 *
 * PyTorch: `torch.nn.functional.adaptive_avg_pool2d`
 *
 * @param input The input images [N, C, H, W] (or one image [C, H, W]).
 * @param output_size The output's [H, W] (one number: square; `null` keeps that dimension's size).
 * @example
 * ```ts
 * F.adaptive_avg_pool2d(torch.arange(16).float().view(1, 1, 4, 4), 1)  // tensor([[[[7.5000]]]])
 * ```
 */
export function adaptive_avg_pool2d(input: Tensor, output_size: number | readonly (number | null)[]): Tensor;
/** 2-d average pooling to a given output size, whatever the input's: windows chosen to tile the input. Positionally: `input`; by name: `output_size`. */
export function adaptive_avg_pool2d(input: Tensor, options: { output_size: number | readonly (number | null)[]; }): Tensor;
// #endregion api
export function adaptive_avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  const a = bindEntry<{ output_size: number | ReadonlyArray<number | null> }>("adaptive_avg_pool2d", args, FUNCTIONAL_CONV.adaptive_avg_pool2d, 1);
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
