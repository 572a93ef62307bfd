// The SIMD kernels an op runs, writing into the tensor its Dest gives (ops/out.ts): a new tensor
// through wasm/ops.ts as always, or under out= the out tensor itself. The kernels take any
// output address; the functions here pass out's. (They belong beside their siblings in
// wasm/ops.ts, as an optional destination of those; they live here while that folder is being
// changed by other work.) Each returns null where its kernel does not apply, as wasm/ops.ts does.
import { Tensor } from "../tensor";
import { float32 } from "../dtype";
import * as simd from "../wasm/ops";
import { wasmKernels, WasmKernels } from "../wasm/index";
import { runSplit } from "../wasm/threads";
import { Dest, fresh } from "./out";
import { sameShape } from "./strided";

/** wasm/ops.ts's chunk sizes: elements worth a thread of their own, for a few vector instructions an element and for math. */
const MIN_CHUNK_CHEAP = 1 << 16;
const MIN_CHUNK_MATH = 1 << 12;

const dense = (t: Tensor) => t.dtype === float32 && t.is_contiguous();
const address = (t: Tensor) => t.storage.byteOffset + t.offset * 4;

/**
 * Runs kernel `name` over the elements of `out`, passing `before` the element count (tensors as
 * their addresses, advancing 4 bytes an element; numbers as they are) and `after` it.
 */
function run(k: WasmKernels, name: string, out: Tensor, before: Array<Tensor | number>, after: number[], minChunk: number): Tensor {
  const n = out.numel();
  if (n === 0) return out;
  const args = [...before.map((v) => (v instanceof Tensor ? address(v) : v)), n, ...after];
  const perUnit = before.map((v) => (v instanceof Tensor ? 4 : 0));
  runSplit(k, name, { count: n, minChunk, align: 16, args, perUnit, countArg: before.length });
  return out;
}

/** An activation's forward, fwd_<kernel>, over a contiguous float32 x. */
export function activationForward(kernel: string, x: Tensor, args: readonly number[], cheap: boolean, dest: Dest): Tensor | null {
  if (dest === fresh) return simd.activationForward(kernel, x, args, cheap);
  const k = wasmKernels();
  if (!k || !dense(x)) return null;
  const out = dest(x.shape, float32);
  const [a = 0, b = 0, c = 0, d = 0] = args;
  return run(k, `fwd_${kernel}`, out, [x, out], [a, b, c, d], cheap ? MIN_CHUNK_CHEAP : MIN_CHUNK_MATH);
}

/**
 * a op b for a contiguous float32 a and b a contiguous float32 tensor of a's shape or a scalar
 * (a number, or a 0-d float32 tensor); `reversed`: b op a, for a scalar b.
 */
export function binary(op: simd.BinaryOp, a: Tensor, b: Tensor | number | boolean, reversed: boolean, dest: Dest): Tensor | null {
  if (dest === fresh) return simd.binary(op, a, b, reversed);
  const k = wasmKernels();
  if (!k || !dense(a)) return null;
  const chunk = op === "div" ? MIN_CHUNK_MATH : MIN_CHUNK_CHEAP;
  if (b instanceof Tensor && b.ndim > 0) {
    if (reversed || !dense(b) || !sameShape(a.shape, b.shape)) return null;
    const out = dest(a.shape, float32);
    return run(k, `${op}_tt`, out, [a, b, out], [], chunk);
  }
  if (b instanceof Tensor && b.dtype !== float32) return null;
  const s = b instanceof Tensor ? b._data[b.offset] : Math.fround(Number(b));
  const out = dest(a.shape, float32);
  return run(k, reversed && (op === "sub" || op === "div") ? `r${op}_ts` : `${op}_ts`, out, [a, s, out], [], chunk);
}

/** a + alpha * b for contiguous float32 tensors of one shape. */
export function axpy(a: Tensor, b: Tensor, alpha: number, dest: Dest): Tensor | null {
  if (dest === fresh) return simd.axpy(a, b, alpha);
  const k = wasmKernels();
  if (!k || !dense(a) || !dense(b) || !sameShape(a.shape, b.shape)) return null;
  const out = dest(a.shape, float32);
  return run(k, "axpy", out, [a, b, out], [Math.fround(alpha)], MIN_CHUNK_CHEAP);
}

/** -a for a contiguous float32 a. */
export function negate(a: Tensor, dest: Dest): Tensor | null {
  if (dest === fresh) return simd.negate(a);
  const k = wasmKernels();
  if (!k || !dense(a)) return null;
  const out = dest(a.shape, float32);
  return run(k, "neg", out, [a, out], [], MIN_CHUNK_CHEAP);
}
