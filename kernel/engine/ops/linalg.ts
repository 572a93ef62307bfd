// Matrix products. matmul dispatches on dimensions exactly as torch.matmul does.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { RuntimeError } from "../errors";
import { promoteTypes } from "../dtype";
import { elementwise } from "./elementwise";
import { contiguousData, broadcastShapes } from "./strided";
import { squeezeDims, unsafeView } from "./shape";
import { gemmInto } from "../wasm/ops";
import { TORCH_FUNCTIONS_LINALG as LINALG } from "../api/tables/linalg";
import { entryFunction } from "./entry_function";
import { Dest, EXACT, OutSpec, fresh, produce, writeOut } from "./out";

/** C[m,n] = A[m,k] · B[k,n] over row-major arrays (i-k-j order: unit-stride inner loop). */
function gemm(a: ArrayLike<number>, b: ArrayLike<number>, c: { [i: number]: number; fill(v: number, s?: number, e?: number): unknown }, cOffset: number, m: number, k: number, n: number): void {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p];
      if (av === 0) continue;
      const bo = p * n;
      for (let j = 0; j < n; j++) row[j] += av * b[bo + j];
    }
    const co = cOffset + i * n;
    for (let j = 0; j < n; j++) c[co + j] = row[j];
  }
}

/** Both operands of a product in one dtype, with PyTorch's message. */
function checkFloat(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new RuntimeError(`expected scalar type ${cName(a)} but found ${cName(b)}`);
}
const cName = (t: Tensor) => t.dtype.scalarType;

/** The matrix products' out=: out of the result's dtype exactly (dot says it its own way). */
const MM = { aten: "mm", dtype: EXACT }, MV = { aten: "mv", dtype: EXACT }, BMM = { aten: "bmm", dtype: EXACT };
const DOT: OutSpec = { aten: "dot", dtype: (r, o) => (r === o ? null : `result dtype ${o.scalarType} does not match input dtype ${r.scalarType}`) };

export function mm(a: Tensor, b: Tensor, out: Tensor | null = null): Tensor {
  return produce("mm", MM, out, [a, b], (dest) => mmInto(a, b, dest), (result) => record(result, "MmBackward0", [a, b], (g, [self, mat2]) => [
    mat2 ? mmLaidOutLike(g, mat2.t(), a) : null,
    self ? mmLaidOutLike(self.t(), g, b) : null,
  ], [b.requires_grad ? a : null, a.requires_grad ? b : null]));
}

/** a·b into the tensor `dest` gives, for 2-d a and b. */
function mmInto(a: Tensor, b: Tensor, dest: Dest): Tensor {
  if (a.ndim !== 2) throw new RuntimeError(`self must be a matrix`);
  if (b.ndim !== 2) throw new RuntimeError(`mat2 must be a matrix`);
  if (a.shape[1] !== b.shape[0]) {
    throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  checkFloat(a, b);
  const [m, k] = a.shape, n = b.shape[1];
  const out = dest([m, n], promoteTypes(a.dtype, b.dtype));
  // the SIMD kernel reads a and b through their strides (a.t() needs no copy)
  if (!gemmInto(a, a.offset, a.strides, b, b.offset, b.strides, m, k, n, out, 0)) {
    gemm(contiguousData(a), contiguousData(b), out._data, out.offset, m, k, n);
  }
  return out;
}

/**
 * a·b (no autograd), laid out as `like` when that is a transposed matrix: then computed as
 * (bᵀ·aᵀ)ᵀ, so that the gradient of nn.Linear's weight (used as weight.t()) comes back
 * contiguous once its transpose is undone, as PyTorch arranges it. Same numbers either way: the
 * product kernel reads through strides and sums over k in the same order.
 */
export function mmLaidOutLike(a: Tensor, b: Tensor, like: Tensor): Tensor {
  const transposed = like.ndim === 2 && like.strides[0] === 1 && like.strides[1] === like.shape[0] && like.shape[0] > 1;
  return transposed ? mm(b.t(), a.t()).t() : mm(a, b);
}

export function dot(a: Tensor, b: Tensor, out: Tensor | null = null): Tensor {
  return produce("dot", DOT, out, [a, b], (dest) => dotInto(a, b, dest), (result) => record(result, "DotBackward0", [a, b],
    (g, [self, tensor]) => [tensor ? tensor.mul(g) : null, self ? self.mul(g) : null], [b.requires_grad ? a : null, a.requires_grad ? b : null]));
}

function dotInto(a: Tensor, b: Tensor, dest: Dest): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) throw new RuntimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.shape[0] !== b.shape[0]) {
    throw new RuntimeError(`inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`);
  }
  if (a.dtype !== b.dtype) throw new RuntimeError(`dot : expected both vectors to have same dtype, but found ${cName(a)} and ${cName(b)}`);
  const x = contiguousData(a), y = contiguousData(b);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  const out = dest([], a.dtype);
  out._data[out.offset] = s;
  return out;
}

export function mv(a: Tensor, v: Tensor, out: Tensor | null = null): Tensor {
  if (a.ndim !== 2 || v.ndim !== 1) throw new RuntimeError(`vector + matrix @ vector expected, got 1, ${a.ndim}, ${v.ndim}`);
  if (a.shape[1] !== v.shape[0]) throw new RuntimeError(`size mismatch, got ${a.shape[0]}, ${a.shape[0]}x${a.shape[1]},${v.shape[0]}`);
  return produce("mv", MV, out, [a, v], () => mm(a.detach(), v.detach().unsqueeze(1)).squeeze(1), (result) => record(result, "MvBackward0", [a, v], (g, [self, vec]) => [
    vec ? g.unsqueeze(1).mm(vec.unsqueeze(0)) : null,
    self ? self.t().mv(g) : null,
  ], [v.requires_grad ? a : null, a.requires_grad ? v : null]));
}

export function bmm(a: Tensor, b: Tensor, out: Tensor | null = null): Tensor {
  if (a.ndim !== 3) throw new RuntimeError(`batch1 must be a 3D tensor`);
  if (b.ndim !== 3) throw new RuntimeError(`batch2 must be a 3D tensor`);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`);
  }
  return out === null ? batched(a, b, "BmmBackward0") : writeOut("bmm", BMM, out, [a, b], (dest) => batched(a, b, "BmmBackward0", dest));
}

/** Batched product of equal-batch 3-d tensors. */
function batched(a: Tensor, b: Tensor, name: string, dest: Dest = fresh): Tensor {
  checkFloat(a, b);
  const [batch, m, k] = a.shape, n = b.shape[2];
  const out = dest([batch, m, n], a.dtype);
  let done = true;
  for (let i = 0; i < batch && done; i++) {
    done = gemmInto(a, a.offset + i * a.strides[0], a.strides.slice(1), b, b.offset + i * b.strides[0], b.strides.slice(1), m, k, n, out, i * m * n);
  }
  if (!done) {
    const x = contiguousData(a), y = contiguousData(b);
    for (let i = 0; i < batch; i++) gemm(x.subarray(i * m * k), y.subarray(i * k * n), out._data, out.offset + i * m * n, m, k, n);
  }
  return record(out, name, [a, b], (g, [self, mat2]) => [
    mat2 ? batched(g, mat2.transpose(1, 2), name) : null,
    self ? batched(self.transpose(1, 2), g, name) : null,
  ], [b.requires_grad ? a : null, a.requires_grad ? b : null]);
}

/**
 * PyTorch's should_fold: a batch (3+ dims) against a vector or matrix folds into one product,
 * except a 3-d batch whose last two dims are transposed in memory (bmm reads it as it is).
 */
function shouldFold(t: Tensor, otherDims: number): boolean {
  if (t.ndim < 3 || (otherDims !== 1 && otherDims !== 2)) return false;
  return !(t.ndim === 3 && otherDims === 2 && t.strides[2] !== 1 && t.strides[0] === t.shape[1] * t.shape[2]);
}

/** The product torch.matmul runs for operands of these dimensions: the op its out= is checked as. */
function matmulKind(a: Tensor, b: Tensor): "dot" | "mv" | "mm" | "bmm" {
  if (a.ndim === 1 && b.ndim === 1) return "dot";
  if (a.ndim === 2 && b.ndim <= 2) return b.ndim === 1 ? "mv" : "mm";
  if (a.ndim === 1 && b.ndim === 2) return "mm";
  if (shouldFold(a, b.ndim) || shouldFold(b, a.ndim)) return (b.ndim >= 3 ? a.ndim : b.ndim) === 1 ? "mv" : "mm";
  return "bmm";
}

export function matmul(a: Tensor, b: Tensor, out: Tensor | null = null): Tensor {
  if (out === null) return product(a, b);
  if (a.ndim === 0 || b.ndim === 0) return product(a, b); // its error
  const kind = matmulKind(a, b);
  const spec = { dot: DOT, mv: MV, mm: MM, bmm: BMM }[kind];
  if (a.ndim === 1 && b.ndim === 2) {
    // PyTorch's product of a vector and a matrix goes into out seen as [1, n] (resized so, with
    // its warning even when out was [n]), then squeezes out: two writes
    writeOut("matmul", spec, out, [a, b], (dest) => mmInto(a.unsqueeze(0), b, dest));
    out._resize([b.shape[1]]);
    out._bumpVersion();
    return out;
  }
  // a product of matrices or of vectors is written straight into out; the rest are reshaped after
  return writeOut("matmul", spec, out, [a, b], (dest) => (a.ndim === 2 && b.ndim === 2 ? mmInto(a, b, dest) : kind === "dot" ? dotInto(a, b, dest) : product(a, b)));
}

/** torch.matmul without out=. */
function product(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RuntimeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  }
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  // PyTorch squeezes in place here (squeeze_): the result is no view
  if (a.ndim === 1 && b.ndim === 2) return squeezeDims(mm(a.unsqueeze(0), b), [0], false);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  // PyTorch folds a batch into one product when the other side is a vector or a matrix:
  // (B.., n, k)·(k, m) as (B..·n, k)·(k, m), and a·(B.., k, m) through the transposes
  if (shouldFold(a, b.ndim) || shouldFold(b, a.ndim)) {
    const transpose = b.ndim >= 3;
    const t1 = transpose ? b.mT : a;
    const t2 = !transpose ? b : a.ndim === 2 ? a.t() : a;
    const k = t1.shape[t1.ndim - 1]; // a mismatch is reported by mm or mv, in PyTorch's words
    const outShape = [...t1.shape.slice(0, -1), ...(t2.ndim === 2 ? [t2.shape[1]] : [])];
    const folded = t1.reshape([-1, k]);
    const out = unsafeView(t2.ndim === 1 ? folded.mv(t2) : folded.mm(t2), outShape);
    return transpose && a.ndim === 2 ? out.mT.contiguous() : out;
  }
  // batched: broadcast the batch dimensions
  const a3 = a.ndim === 1 ? a.unsqueeze(0) : a;
  const b3 = b.ndim === 1 ? b.unsqueeze(1) : b;
  const [m, k] = a3.shape.slice(-2), [k2, n] = b3.shape.slice(-2);
  const batch = broadcastShapes(a3.shape.slice(0, -2), b3.shape.slice(0, -2));
  const size = batch.reduce((x, y) => x * y, 1);
  // bmm's words, about the broadcast batch
  if (k !== k2) throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${size}, ${k}] but got: [${size}, ${k2}].`);
  const ae = a3.expand([...batch, m, k]).reshape([size, m, k]);
  const be = b3.expand([...batch, k, n]).reshape([size, k, n]);
  let out = unsafeView(batched(ae, be, "BmmBackward0"), [...batch, m, n]);
  if (a.ndim === 1) out = out.squeeze(-2);
  if (b.ndim === 1) out = out.squeeze(-1);
  return out;
}


/** bias + x·w (2-d x), as torch.addmm (nn.Linear's kernel for a batch of vectors), into what `dest` gives when it can. */
export function addmm(bias: Tensor, x: Tensor, w: Tensor, dest: Dest = fresh): Tensor {
  if (x.dtype !== w.dtype) throw new RuntimeError("mat1 and mat2 must have the same dtype");
  let out: Tensor | null = null;
  if (x.ndim === 2 && w.ndim === 2 && bias.ndim === 1 && x.shape[1] === w.shape[0] && bias.shape[0] === w.shape[1] && bias.dtype === x.dtype) {
    const [m, k] = x.shape, n = w.shape[1];
    const fused = out = dest([m, n], x.dtype);
    // the SIMD product adds the bias as it stores each tile: the same numbers as mm then add,
    // which the JS loops do in place
    if (!gemmInto(x, x.offset, x.strides, w, w.offset, w.strides, m, k, n, fused, 0, bias)) {
      elementwise(["a", "b"], "a + b", [mmInto(x, w, () => fused), bias], undefined, {}, undefined, () => fused);
    }
  }
  if (!out) out = x.detach().mm(w.detach()).add(bias.detach());
  return record(out, "AddmmBackward0", [bias, x, w], (g, [mat1, mat2]) => [
    bias.requires_grad ? g.sum_to_size(bias.shape) : null,
    mat2 ? mmLaidOutLike(g, mat2.t(), x) : null,
    mat1 ? mmLaidOutLike(mat1.t(), g, w) : null,
  ], [w.requires_grad ? x : null, x.requires_grad ? w : null]);
}

// torch.matmul(a, b, { out }), ... and a.matmul(b), ...: bound by their API entries
type Product<K extends string> = { [k in K]: Tensor } & { out: Tensor | null };
export const matmulCall = entryFunction("matmul", LINALG.matmul, (a, x: Product<"other">) => matmul(a, x.other, x.out));
export const mmCall = entryFunction("mm", LINALG.mm, (a, x: Product<"mat2">) => mm(a, x.mat2, x.out));
export const mvCall = entryFunction("mv", LINALG.mv, (a, x: Product<"vec">) => mv(a, x.vec, x.out));
export const dotCall = entryFunction("dot", LINALG.dot, (a, x: Product<"tensor">) => dot(a, x.tensor, x.out));
export const bmmCall = entryFunction("bmm", LINALG.bmm, (a, x: Product<"mat2">) => bmm(a, x.mat2, x.out));
