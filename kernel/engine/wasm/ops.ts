// The engine's side of the SIMD kernels: each function here checks that its operands fit a
// kernel (float32, the layout the kernel reads) and runs it, or returns null so that the caller
// runs its JS loop. Operands stay where they are in the engine's memory; the kernels get their
// byte addresses.
import { Tensor } from "../tensor";
import { sameShape } from "../ops/strided";
import { float32, float64 } from "../dtype";
// a cycle (ops/out → ops/inplace → here) that is safe: `fresh` is read only when a kernel runs
import { Dest, fresh } from "../ops/out";
import { Storage } from "../storage/storage";
import { wasmKernels, WasmKernels } from "./index";
import { runSplit, SplitJob } from "./threads";

/** Byte address of a tensor's first element. */
function addressOf(t: Tensor): number {
  return t.storage.byteOffset + t.offset * t.dtype.itemsize;
}

function denseF32(t: Tensor): boolean {
  return t.dtype === float32 && t.is_contiguous();
}


/**
 * When `small` (contiguous float32) broadcasts against the dense float32 `full` as a block of
 * full's dims with 1s on either side ([1, C, 1, 1] against [N, C, H, W]), full seen as
 * [outer, size, inner]; null otherwise.
 */
function channelBlock(full: Tensor, small: Tensor): { full: Tensor; outer: number; size: number; inner: number } | null {
  if (!denseF32(full) || small.dtype !== float32 || small.ndim > full.ndim || small === full) return null;
  const pad = full.ndim - small.ndim;
  // small's size along each of full's dims, 1 where it is broadcast (missing, size 1, or expanded: stride 0)
  const dims = full.shape.map((_, i) => (i < pad || small.strides[i - pad] === 0 ? 1 : small.shape[i - pad]));
  let lo = 0, hi = full.ndim;
  while (lo < hi && dims[lo] === 1) lo++;
  while (hi > lo && dims[hi - 1] === 1) hi--;
  let stride = 1;
  for (let i = hi - 1; i >= lo; i--) {
    if (dims[i] !== full.shape[i] || (dims[i] !== 1 && small.strides[i - pad] !== stride)) return null;
    stride *= dims[i];
  }
  const product = (from: number, to: number) => full.shape.slice(from, to).reduce((p, d) => p * d, 1);
  const [outer, size, inner] = [product(0, lo), product(lo, hi), product(hi, full.ndim)];
  // the output is full's shape: small must not broadcast full anywhere
  if (small.shape.some((d, i) => d !== 1 && d !== full.shape[i + pad])) return null;
  // worth it for rows long enough to amortise a call per row
  return outer * size * inner > 0 && inner >= 8 ? { full, outer, size, inner } : null;
}

/** Every stride is 0: one value seen at every position (an expanded scalar). */
function broadcastScalar(t: Tensor): boolean {
  return t.strides.every((s, i) => s === 0 || t.shape[i] === 1);
}

/**
 * The fewest elements worth a chunk of their own (calls shorter than two chunks stay on the
 * calling thread): a chunk should take tens of microseconds, far more than claiming it. Loads,
 * selects and arithmetic take about 0.15 ns an element; exp, log, erf and divisions 2 to 6 ns.
 */
const MIN_CHUNK_CHEAP = 1 << 16;
const MIN_CHUNK_MATH = 1 << 12;
/** Kernels that are a few vector instructions an element (memory-bound). */

/** Chunks start on 64-byte boundaries (16 floats): no cache line is written by two threads. */
const ALIGN = 16;

/** An elementwise kernel's job: `pointers` are the leading byte-address arguments, 4 bytes an element. */
function elementJob(n: number, minChunk: number, pointers: number[], rest: number[], strides?: number[]): SplitJob {
  const args = [...pointers, n, ...rest];
  const perUnit = pointers.map((_, i) => 4 * (strides ? strides[i] : 1));
  return { count: n, minChunk, align: ALIGN, args, perUnit, countArg: pointers.length };
}

// ------------------------------------------------------------------------------- activations

/** out = activation(x) through fwd_<kernel>, for a contiguous float32 x. */
export function activationForward(kernel: string, x: Tensor, args: readonly number[], cheap = false, dest: Dest = fresh): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x)) return null;
  const out = dest(x.shape, float32);
  const n = out.numel();
  const [a = 0, b = 0, c = 0, d = 0] = args;
  if (n > 0) {
    runSplit(k, `fwd_${kernel}`, elementJob(n, cheap ? MIN_CHUNK_CHEAP : MIN_CHUNK_MATH, [addressOf(x), addressOf(out)], [a, b, c, d]));
  }
  return out;
}

/**
 * The input gradient through bwd_<kernel>: x the input, y the forward output, g the incoming
 * gradient (contiguous, or one value broadcast over the shape).
 */
export function activationBackward(kernel: string, x: Tensor, y: Tensor, g: Tensor, args: readonly number[], cheap = false): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x) || !denseF32(y) || g.dtype !== float32 || !sameShape(g.shape, x.shape)) return null;
  const gScalar = broadcastScalar(g);
  if (!gScalar && !g.is_contiguous()) return null;
  const out = Tensor.empty(x.shape, float32);
  const n = out.numel();
  const gStride = gScalar ? 0 : 1;
  const [a = 0, b = 0, c = 0, d = 0] = args;
  if (n > 0) {
    runSplit(k, `bwd_${kernel}`, elementJob(n, cheap ? MIN_CHUNK_CHEAP : MIN_CHUNK_MATH,
      [addressOf(x), addressOf(y), addressOf(g), addressOf(out)], [gStride, a, b, c, d], [1, 1, gStride, 1]));
  }
  return out;
}

// ------------------------------------------------------------------------------- arithmetic

export type BinaryOp = "add" | "sub" | "mul" | "div";

/** A scalar operand as float32 math sees it, or null when b is not one. */
function scalarValue(b: Tensor | number | boolean): number | null {
  if (typeof b === "number" || typeof b === "boolean") return Math.fround(Number(b));
  if (b.dtype === float32 && b.ndim === 0) return b._data[b.offset];
  return null;
}

/**
 * a op b for a contiguous float32 tensor a and b a float32 tensor of a's shape, a scalar (JS
 * number or 0-d float32 tensor), or (add only) a contiguous row of a's last dimension.
 * `reversed` computes b op a (scalar - tensor, scalar / tensor).
 */
export function binary(op: BinaryOp, a: Tensor, b: Tensor | number | boolean, reversed = false, dest: Dest = fresh): Tensor | null {
  const k = wasmKernels();
  if (!k) return null;
  if (b instanceof Tensor && b.ndim > 0) {
    if (reversed || b.dtype !== float32) return null;
    // the common case first: two dense operands of one shape
    if (denseF32(a) && b.is_contiguous() && sameShape(a.shape, b.shape)) {
      const out = dest(a.shape, float32);
      runSplit(k, `${op}_tt`, elementJob(out.numel(), op === "div" ? MIN_CHUNK_MATH : MIN_CHUNK_CHEAP, [addressOf(a), addressOf(b), addressOf(out)], []));
      return out;
    }
    const channels = channelBlock(a, b) ?? channelBlock(b, a);
    if (channels) {
      // the full operand first; a broadcast left operand makes sub and div reversed
      const [full, small] = channels.full === a ? [a, b] : [b, a];
      const name = full === a || op === "add" || op === "mul" ? `${op}_ch` : `r${op}_ch`;
      const out = dest(full.shape, float32);
      const { outer, size, inner } = channels;
      runSplit(k, name, {
        count: outer, minChunk: Math.ceil(MIN_CHUNK_CHEAP / (size * inner)), align: 1,
        args: [addressOf(full), addressOf(small), addressOf(out), outer, size, inner], perUnit: [4 * size * inner, 0, 4 * size * inner], countArg: 3,
      });
      return out;
    }
    const cols = a.shape[a.ndim - 1];
    if (op === "add" && denseF32(a) && b.ndim === 1 && b.is_contiguous() && a.ndim >= 1 && b.shape[0] === cols && cols > 0) {
      const out = dest(a.shape, float32);
      const rows = out.numel() / cols;
      runSplit(k, "add_row", {
        count: rows, minChunk: Math.ceil(MIN_CHUNK_CHEAP / cols), align: 1,
        args: [addressOf(a), addressOf(b), addressOf(out), rows, cols], perUnit: [4 * cols, 0, 4 * cols], countArg: 3,
      });
      return out;
    }
    return null;
  }
  if (!denseF32(a)) return null;
  const s = scalarValue(b);
  if (s === null) return null;
  const name = reversed ? (op === "sub" ? "rsub_ts" : op === "div" ? "rdiv_ts" : `${op}_ts`) : `${op}_ts`;
  const out = dest(a.shape, float32);
  runSplit(k, name, {
    count: out.numel(), minChunk: op === "div" ? MIN_CHUNK_MATH : MIN_CHUNK_CHEAP, align: ALIGN,
    args: [addressOf(a), s, addressOf(out), out.numel()], perUnit: [4, 0, 4], countArg: 3,
  });
  return out;
}

/** x += b in place, for contiguous float32 tensors of one shape; false when the kernel cannot. */
export function addInPlace(x: Tensor, b: Tensor): boolean {
  const k = wasmKernels();
  if (!k || !denseF32(x) || !denseF32(b) || !sameShape(x.shape, b.shape)) return false;
  // The kernel reads each vector before it writes it, so out may be an operand; b must not
  // overlap x any other way.
  if (b.storage === x.storage && b.offset !== x.offset) return false;
  runSplit(k, "add_tt", elementJob(x.numel(), MIN_CHUNK_CHEAP, [addressOf(x), addressOf(b), addressOf(x)], []));
  return true;
}

/** a + alpha * b in doubles, rounded once, for contiguous float32 tensors of one shape. */
export function axpy(a: Tensor, b: Tensor, alpha: number, dest: Dest = fresh): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(a) || !denseF32(b) || !sameShape(a.shape, b.shape)) return null;
  const out = dest(a.shape, float32);
  runSplit(k, "axpy", elementJob(out.numel(), MIN_CHUNK_CHEAP, [addressOf(a), addressOf(b), addressOf(out)], [Math.fround(alpha)]));
  return out;
}

export function negate(a: Tensor, dest: Dest = fresh): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(a)) return null;
  const out = dest(a.shape, float32);
  runSplit(k, "neg", elementJob(out.numel(), MIN_CHUNK_CHEAP, [addressOf(a), addressOf(out)], []));
  return out;
}

// ------------------------------------------------------------------------------- sums

/** Values per block of a long sum (see sum_blocks): the blocking, not the threads, fixes the order. */
const SUM_BLOCK = 1 << 16;

/** The sum of n contiguous float32 values at byte address p, as a double. */
function sumAll(k: WasmKernels, p: number, n: number): number {
  const blocks = Math.floor(n / SUM_BLOCK);
  if (blocks < 2) return k.sum_all(p, n);
  const partial = new Storage(float64, blocks);
  runSplit(k, "sum_blocks", {
    count: blocks, minChunk: 1, align: 1,
    args: [p, blocks, SUM_BLOCK, partial.byteOffset], perUnit: [4 * SUM_BLOCK, 0, 0, 8], countArg: 1,
  });
  const sums = partial.data;
  let total = 0;
  for (let b = 0; b < blocks; b++) total += sums[b];
  partial.free();
  const rest = n - blocks * SUM_BLOCK;
  return rest > 0 ? total + k.sum_all(p + 4 * blocks * SUM_BLOCK, rest) : total;
}

/**
 * Sum (or mean, divisor = count) of a contiguous float32 x over `dims` (sorted), when those are
 * all dims, or some leading dims and some trailing dims (either may be none) around the kept
 * ones; null otherwise.
 */
export function sumDims(x: Tensor, dims: readonly number[], outShape: number[], divisor: number): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x)) return null;
  const nd = x.ndim, nr = dims.length;
  // dims = [0, lead) ∪ [nd - trail, nd)
  let lead = 0;
  while (lead < nr && dims[lead] === lead) lead++;
  const trail = nr - lead;
  for (let i = lead; i < nr; i++) if (dims[i] !== nd - trail + (i - lead)) return null;
  const outer = x.shape.slice(0, lead).reduce((p, d) => p * d, 1);
  const inner = x.shape.slice(nd - trail).reduce((p, d) => p * d, 1);
  const total = x.numel();
  const out = Tensor.empty(outShape, float32);
  const kept = out.numel();
  if (outer * inner === 0 || kept === 0) {
    if (kept > 0) out._data.fill(0 / divisor, 0, kept);
    return out;
  }
  if (nr === nd || total === outer * inner) {
    out._data[0] = sumAll(k, addressOf(x), total) / divisor;
  } else if (outer === 1) {
    k.sum_rows(addressOf(x), kept, inner, addressOf(out), divisor);
  } else {
    const acc = new Storage(float64, kept);
    if (inner === 1) k.sum_cols(addressOf(x), outer, kept, addressOf(out), divisor, acc.byteOffset);
    else k.sum_middle(addressOf(x), outer, kept, inner, addressOf(out), divisor, acc.byteOffset);
    acc.free();
  }
  return out;
}

// ------------------------------------------------------------------------------- matrix products

/** Packing space for the product: one region per thread, side by side; grown when threads are added. */
let scratch: Storage | null = null;

/** One thread's region, rounded up to whole 64-byte lines. */
function gemmScratchBytes(k: WasmKernels): number {
  return Math.ceil(k.gemm_scratch_bytes() / 64) * 64;
}

function gemmScratch(k: WasmKernels, threads: number): number {
  const floats = (gemmScratchBytes(k) / 4) * threads;
  if (!scratch || scratch.size < floats) {
    scratch?.free();
    scratch = new Storage(float32, floats);
  }
  return scratch.byteOffset;
}

/**
 * The fewest multiply-adds worth a chunk of their own, and the fewest rows: every chunk packs the
 * blocks of B again, which costs about as much as 1/rows of its products.
 */
const MIN_GEMM_CHUNK = 1 << 20;
const MIN_GEMM_ROWS = 16;

/**
 * out[m, n] (+)= A B (+ bias) for float32 2-d views A (m x k) and B (k x n) of any strides, into
 * the contiguous float32 `out` at element `outOffset` (for batches). Returns false when the
 * kernels are unavailable.
 */
export function gemmInto(
  a: Tensor, aOffset: number, aStrides: readonly number[],
  b: Tensor, bOffset: number, bStrides: readonly number[],
  m: number, k: number, n: number,
  out: Tensor, outOffset: number, bias: Tensor | null = null,
): boolean {
  const w = wasmKernels();
  if (!w || a.dtype !== float32 || b.dtype !== float32 || out.dtype !== float32) return false;
  if (bias && (bias.dtype !== float32 || !bias.is_contiguous() || bias.numel() !== n)) return false;
  if (m === 0 || n === 0) return true;
  if (k === 0) {
    const od = out._data;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) od[outOffset + i * n + j] = bias ? bias._data[bias.offset + j] : 0;
    }
    return true;
  }
  // Threads take bands of rows of the output (multiples of the micro-kernel's 4 rows): every
  // element is the same sum in the same order whichever thread computes it.
  const pa = a.storage.byteOffset + aOffset * 4, pb = b.storage.byteOffset + bOffset * 4;
  const pc = out.storage.byteOffset + (out.offset + outOffset) * 4, pbias = bias ? addressOf(bias) : 0;
  const [sar, sac] = aStrides, [sbr, sbc] = bStrides;
  runSplit(w, "gemm", {
    count: m, minChunk: Math.max(MIN_GEMM_ROWS, Math.ceil(MIN_GEMM_CHUNK / (n * k))), align: 4,
    args: [m, n, k, pa, sar, sac, pb, sbr, sbc, pc, pbias, 0], perUnit: [0, 0, 0, 4 * sar, 0, 0, 0, 0, 0, 4 * n], countArg: 0,
    perThread: [11, (threads) => [gemmScratch(w, threads), gemmScratchBytes(w)]],
  });
  return true;
}

// ------------------------------------------------------------------------------- convolution

/** A convolution's or pooling's shape: input [N, C, H, W], kernel, stride, padding, dilation, output. */
export interface ConvGeometry { N: number; C: number; H: number; W: number; kH: number; kW: number; sH: number; sW: number; pT: number; pL: number; dH: number; dW: number; oH: number; oW: number }

/** The geometry in the kernels' argument order. */
function geometryArgs(g: ConvGeometry): number[] {
  return [g.N, g.C, g.H, g.W, g.kH, g.kW, g.sH, g.sW, g.pT, g.pL, g.dH, g.dW, g.oH, g.oW];
}

/** Elements moved per chunk at least (channels or planes are the units). */
const MIN_CONV_CHUNK = 1 << 16;

/**
 * cols ← im2col(image) when `gather`, else image += col2im(cols), for contiguous float32 image
 * [N, C, H, W] and cols [C·kH·kW, N·oH·oW]; false when the kernels don't apply. Threads take
 * whole input channels, so no two write the same element.
 */
export function convPatches(gather: boolean, image: Tensor, cols: Tensor, g: ConvGeometry): boolean {
  const k = wasmKernels();
  if (!k || !denseF32(image) || !denseF32(cols)) return false;
  const perChannel = g.kH * g.kW * g.N * g.oH * g.oW;
  const [pImage, pCols] = [addressOf(image), addressOf(cols)];
  runSplit(k, gather ? "im2col" : "col2im", {
    count: g.C, minChunk: Math.ceil(MIN_CONV_CHUNK / Math.max(1, perChannel)), align: 1,
    args: gather ? [pImage, pCols, g.C, ...geometryArgs(g)] : [pCols, pImage, g.C, ...geometryArgs(g)],
    perUnit: gather ? [4 * g.H * g.W, 4 * perChannel] : [4 * perChannel, 4 * g.H * g.W], countArg: 2,
  });
  return true;
}

/** Max pooling of contiguous float32 x into out, with int64 indices; false when the kernels don't apply. */
export function maxPool(x: Tensor, out: Tensor, indices: Tensor, g: ConvGeometry): boolean {
  const k = wasmKernels();
  if (!k || !denseF32(x) || !denseF32(out) || !indices.is_contiguous()) return false;
  const [HW, L] = [g.H * g.W, g.oH * g.oW];
  runSplit(k, "max_pool2d", {
    count: g.N * g.C, minChunk: Math.ceil(MIN_CONV_CHUNK / Math.max(1, L * g.kH * g.kW)), align: 1,
    args: [addressOf(x), addressOf(out), addressOf(indices), g.N * g.C, ...geometryArgs(g).slice(2)],
    perUnit: [4 * HW, 4 * L, 8 * L], countArg: 3,
  });
  return true;
}

/** dx ← zeros, plus g at max pooling's indices; false when the kernels don't apply. */
export function maxPoolBackward(g: Tensor, indices: Tensor, dx: Tensor, geo: ConvGeometry): boolean {
  const k = wasmKernels();
  if (!k || !denseF32(g) || !denseF32(dx) || !indices.is_contiguous()) return false;
  const [HW, L] = [geo.H * geo.W, geo.oH * geo.oW];
  runSplit(k, "max_pool2d_backward", {
    count: geo.N * geo.C, minChunk: Math.ceil(MIN_CONV_CHUNK / Math.max(1, HW)), align: 1,
    args: [addressOf(g), addressOf(indices), addressOf(dx), geo.N * geo.C, HW, L],
    perUnit: [4 * L, 8 * L, 4 * HW], countArg: 3,
  });
  return true;
}

/**
 * out [N, O, L] ← rows [O, N·L] (+ bias [O]): the convolution's product put in PyTorch's layout,
 * bias added on the way; false when the kernels don't apply.
 */
export function convOutput(rows: Tensor, bias: Tensor | null, out: Tensor, N: number, O: number, L: number): boolean {
  const k = wasmKernels();
  if (!k || !denseF32(rows) || !denseF32(out) || (bias && !denseF32(bias))) return false;
  runSplit(k, "conv_output", {
    count: N, minChunk: Math.ceil(MIN_CONV_CHUNK / Math.max(1, O * L)), align: 1,
    args: [addressOf(rows), bias ? addressOf(bias) : 0, addressOf(out), N, N, O, L],
    perUnit: [4 * L, 0, 4 * O * L], countArg: 3,
  });
  return true;
}
