// Loads the SIMD kernels (see README.md) into the engine's memory, once, on first use.
// Where WebAssembly SIMD is unavailable (WebAssembly.validate refuses the module) or the kernels
// are switched off (ACTNB_WASM=0, or setWasmEnabled(false)), wasmKernels() returns null and every
// op runs its JS loop instead; the two give the same answers (test/unit/wasm*.test.ts).
import { memory } from "../storage/memory";
import { KERNELS_BASE64 } from "./generated/kernels";

type Ptr = number;

/** The module's exports (byte addresses into the engine's memory, element counts). */
export interface WasmKernels {
  // activations: fwd_<kernel>(x, out, n, a, b, c, d), bwd_<kernel>(x, y, g, out, n, gStride, a, b, c, d)
  [name: `fwd_${string}`]: (x: Ptr, out: Ptr, n: number, a: number, b: number, c: number, d: number) => void;
  [name: `bwd_${string}`]: (x: Ptr, y: Ptr, g: Ptr, out: Ptr, n: number, gStride: number, a: number, b: number, c: number, d: number) => void;
  // binary: <op>_tt(a, b, out, n) tensor with tensor, <op>_ts(a, s, out, n) tensor with scalar
  [name: `${string}_tt`]: (a: Ptr, b: Ptr, out: Ptr, n: number) => void;
  [name: `${string}_ts`]: (a: Ptr, s: number, out: Ptr, n: number) => void;
  // <op>_ch(a, b, out, outer, channels, inner): out[o, c, i] = a[o, c, i] op b[c]
  [name: `${string}_ch`]: (a: Ptr, b: Ptr, out: Ptr, outer: number, channels: number, inner: number) => void;
  axpy(a: Ptr, b: Ptr, out: Ptr, n: number, alpha: number): void;
  neg(a: Ptr, out: Ptr, n: number): void;
  add_row(a: Ptr, row: Ptr, out: Ptr, rows: number, cols: number): void;
  sum_all(p: Ptr, n: number): number;
  sum_blocks(p: Ptr, blocks: number, len: number, out: Ptr): void;
  sum_rows(p: Ptr, rows: number, cols: number, out: Ptr, divisor: number): void;
  sum_cols(p: Ptr, rows: number, cols: number, out: Ptr, divisor: number, acc: Ptr): void;
  sum_middle(p: Ptr, outer: number, kept: number, inner: number, out: Ptr, divisor: number, acc: Ptr): void;
  gemm_scratch_bytes(): number;
  gemm(m: number, n: number, k: number, a: Ptr, sar: number, sac: number, b: Ptr, sbr: number, sbc: number, c: Ptr, bias: Ptr, scratch: Ptr): void;
  [name: `math_${string}`]: (x: Ptr, out: Ptr, n: number) => void;
  // convolution (assembly/conv.ts): geometry is N, C, H, W, kH, kW, sH, sW, pT, pL, dH, dW, oH, oW
  im2col(image: Ptr, cols: Ptr, channels: number, ...geometry: number[]): void;
  col2im(cols: Ptr, image: Ptr, channels: number, ...geometry: number[]): void;
  max_pool2d(src: Ptr, dst: Ptr, idx: Ptr, planes: number, H: number, W: number, kH: number, kW: number, sH: number, sW: number, pT: number, pL: number, dH: number, dW: number, oH: number, oW: number): void;
  max_pool2d_backward(g: Ptr, idx: Ptr, dx: Ptr, planes: number, HW: number, L: number): void;
  conv_output(rows: Ptr, bias: Ptr, out: Ptr, samples: number, N: number, O: number, L: number): void;
}

let instance: WasmKernels | null | undefined;
let compiled: WebAssembly.Module | null = null;
let unavailable = "";
let enabled = typeof process === "undefined" || process.env?.ACTNB_WASM !== "0";

function decodeBase64(text: string): Uint8Array {
  if (typeof Buffer !== "undefined") return new Uint8Array(Buffer.from(text, "base64"));
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function load(): WasmKernels | null {
  try {
    if (typeof WebAssembly !== "object") {
      unavailable = "no WebAssembly";
      return null;
    }
    const bytes = decodeBase64(KERNELS_BASE64);
    if (!WebAssembly.validate(bytes as unknown as BufferSource)) {
      unavailable = "WebAssembly SIMD not supported";
      return null;
    }
    compiled = new WebAssembly.Module(bytes as unknown as BufferSource);
    return new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as WasmKernels;
  } catch (e) {
    unavailable = `the kernels failed to load: ${(e as Error).message}`;
    return null;
  }
}

/** The kernels, or null when the JS loops must run (unsupported, or switched off). */
export function wasmKernels(): WasmKernels | null {
  if (!enabled) return null;
  if (instance === undefined) instance = load();
  return instance;
}

/** The compiled module, for worker threads that instantiate it over the same memory. */
export function wasmModule(): WebAssembly.Module | null {
  return wasmKernels() ? compiled : null;
}

/** Switches the kernels on or off (for tests and comparisons); returns the previous setting. */
export function setWasmEnabled(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Whether the kernels run, and if not, why. */
export function wasmStatus(): { active: boolean; reason: string } {
  if (!enabled) return { active: false, reason: "switched off" };
  const k = wasmKernels();
  return { active: k !== null, reason: k ? "WebAssembly SIMD" : unavailable };
}
