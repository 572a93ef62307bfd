// The engine's side of the SIMD kernels: each function here checks that its operands fit a
// kernel (float32, the layout the kernel reads) and runs it, or returns null so that the caller
// runs its JS loop. Operands stay where they are in the engine's memory; the kernels get their
// byte addresses.
import { Tensor } from "../tensor";
import { float32, float64 } from "../dtype";
import { Storage } from "../storage/storage";
import { wasmKernels, WasmKernels } from "./index";
import { runSplit } from "./threads";

/** Byte address of a tensor's first element. */
function addressOf(t: Tensor): number {
  return t.storage.byteOffset + t.offset * 4;
}

function denseF32(t: Tensor): boolean {
  return t.dtype === float32 && t.is_contiguous();
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every stride is 0: one value seen at every position (an expanded scalar). */
function broadcastScalar(t: Tensor): boolean {
  return t.strides.every((s, i) => s === 0 || t.shape[i] === 1);
}

/**
 * Elements per thread below which a kernel stays on the calling thread: handing a share to a
 * worker costs a few microseconds, worth it only when the share takes much longer. Loads,
 * selects and arithmetic take about 0.15 ns an element; exp, log, erf and divisions 2 to 6 ns.
 */
const MIN_SHARE_CHEAP = 1 << 17;
const MIN_SHARE_MATH = 1 << 13;
/** Kernels that are a few vector instructions an element (memory-bound). */
const CHEAP = new Set(["relu", "leaky_relu", "hardtanh", "threshold", "hardsigmoid", "hardswish"]);
/** Shares start on 64-byte boundaries (16 floats): no cache line is written by two threads. */
const ALIGN = 16;

// ------------------------------------------------------------------------------- activations

/** out = activation(x) through fwd_<kernel>, for a contiguous float32 x. */
export function activationForward(kernel: string, x: Tensor, args: readonly number[]): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x)) return null;
  const out = Tensor.empty(x.shape, float32);
  const n = out.numel();
  const px = addressOf(x), po = addressOf(out);
  const [a = 0, b = 0, c = 0, d = 0] = args;
  if (n > 0) {
    runSplit(k, `fwd_${kernel}`, n, CHEAP.has(kernel) ? MIN_SHARE_CHEAP : MIN_SHARE_MATH, ALIGN,
      (s, len) => [px + 4 * s, po + 4 * s, len, a, b, c, d]);
  }
  return out;
}

/**
 * The input gradient through bwd_<kernel>: x the input, y the forward output, g the incoming
 * gradient (contiguous, or one value broadcast over the shape).
 */
export function activationBackward(kernel: string, x: Tensor, y: Tensor, g: Tensor, args: readonly number[]): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x) || !denseF32(y) || g.dtype !== float32 || !sameShape(g.shape, x.shape)) return null;
  const gScalar = broadcastScalar(g);
  if (!gScalar && !g.is_contiguous()) return null;
  const out = Tensor.empty(x.shape, float32);
  const n = out.numel();
  const px = addressOf(x), py = addressOf(y), pg = addressOf(g), po = addressOf(out);
  const gStride = gScalar ? 0 : 1;
  const [a = 0, b = 0, c = 0, d = 0] = args;
  if (n > 0) {
    runSplit(k, `bwd_${kernel}`, n, CHEAP.has(kernel) ? MIN_SHARE_CHEAP : MIN_SHARE_MATH, ALIGN,
      (s, len) => [px + 4 * s, py + 4 * s, pg + 4 * s * gStride, po + 4 * s, len, gStride, a, b, c, d]);
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
export function binary(op: BinaryOp, a: Tensor, b: Tensor | number | boolean, reversed = false): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(a)) return null;
  if (b instanceof Tensor && b.ndim > 0) {
    if (reversed || b.dtype !== float32 || !b.is_contiguous()) return null;
    if (sameShape(a.shape, b.shape)) {
      const out = Tensor.empty(a.shape, float32);
      const pa = addressOf(a), pb = addressOf(b), po = addressOf(out);
      runSplit(k, `${op}_tt`, out.numel(), op === "div" ? MIN_SHARE_MATH : MIN_SHARE_CHEAP, ALIGN,
        (s, len) => [pa + 4 * s, pb + 4 * s, po + 4 * s, len]);
      return out;
    }
    const cols = a.shape[a.ndim - 1];
    if (op === "add" && b.ndim === 1 && a.ndim >= 1 && b.shape[0] === cols && cols > 0) {
      const out = Tensor.empty(a.shape, float32);
      const pa = addressOf(a), pb = addressOf(b), po = addressOf(out);
      runSplit(k, "add_row", out.numel() / cols, Math.ceil(MIN_SHARE_CHEAP / cols), 1,
        (s, rows) => [pa + 4 * s * cols, pb, po + 4 * s * cols, rows, cols]);
      return out;
    }
    return null;
  }
  const s = scalarValue(b);
  if (s === null) return null;
  const name = reversed ? (op === "sub" ? "rsub_ts" : op === "div" ? "rdiv_ts" : `${op}_ts`) : `${op}_ts`;
  const out = Tensor.empty(a.shape, float32);
  const pa = addressOf(a), po = addressOf(out);
  runSplit(k, name, out.numel(), op === "div" ? MIN_SHARE_MATH : MIN_SHARE_CHEAP, ALIGN,
    (i, len) => [pa + 4 * i, s, po + 4 * i, len]);
  return out;
}

/** a + alpha * b in doubles, rounded once, for contiguous float32 tensors of one shape. */
export function axpy(a: Tensor, b: Tensor, alpha: number): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(a) || !denseF32(b) || !sameShape(a.shape, b.shape)) return null;
  const out = Tensor.empty(a.shape, float32);
  const pa = addressOf(a), pb = addressOf(b), po = addressOf(out), f = Math.fround(alpha);
  runSplit(k, "axpy", out.numel(), MIN_SHARE_CHEAP, ALIGN, (s, len) => [pa + 4 * s, pb + 4 * s, po + 4 * s, len, f]);
  return out;
}

export function negate(a: Tensor): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(a)) return null;
  const out = Tensor.empty(a.shape, float32);
  const pa = addressOf(a), po = addressOf(out);
  runSplit(k, "neg", out.numel(), MIN_SHARE_CHEAP, ALIGN, (s, len) => [pa + 4 * s, po + 4 * s, len]);
  return out;
}

// ------------------------------------------------------------------------------- sums

/**
 * Sum (or mean, divisor = count) of a contiguous float32 x over `dims` (sorted), when those are
 * all dims, trailing dims or leading dims; null otherwise.
 */
export function sumDims(x: Tensor, dims: readonly number[], outShape: number[], divisor: number): Tensor | null {
  const k = wasmKernels();
  if (!k || !denseF32(x)) return null;
  const nd = x.ndim, nr = dims.length;
  let trailing = true, leading = true;
  for (let i = 0; i < nr; i++) {
    if (dims[i] !== nd - nr + i) trailing = false;
    if (dims[i] !== i) leading = false;
  }
  if (!trailing && !leading) return null;
  const reduced = dims.reduce((p, d) => p * x.shape[d], 1);
  const total = x.numel();
  const out = Tensor.empty(outShape, float32);
  const kept = out.numel();
  if (reduced === 0 || kept === 0) {
    if (kept > 0) out._data.fill(0 / divisor, 0, kept);
    return out;
  }
  if (nr === nd || total === reduced) {
    out._data[0] = k.sum_all(addressOf(x), total) / divisor;
  } else if (trailing) {
    k.sum_rows(addressOf(x), kept, reduced, addressOf(out), divisor);
  } else {
    const acc = new Storage(float64, kept);
    k.sum_cols(addressOf(x), reduced, kept, addressOf(out), divisor, acc.byteOffset);
    acc.free();
  }
  return out;
}

// ------------------------------------------------------------------------------- matrix products

/** Packing space for each thread's share of a product, made once per thread. */
const scratch: Storage[] = [];

function gemmScratch(k: WasmKernels, thread: number): number {
  if (!scratch[thread]) scratch[thread] = new Storage(float32, Math.ceil(k.gemm_scratch_bytes() / 4));
  return scratch[thread].byteOffset;
}

/** Multiply-adds per thread below which a product stays on the calling thread. */
const MIN_GEMM_SHARE = 1 << 19;

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
  runSplit(w, "gemm", m, Math.ceil(MIN_GEMM_SHARE / (n * k)), 4, (row, rows, thread) =>
    [rows, n, k, pa + 4 * row * sar, sar, sac, pb, sbr, sbc, pc + 4 * row * n, pbias, gemmScratch(w, thread)]);
  return true;
}
