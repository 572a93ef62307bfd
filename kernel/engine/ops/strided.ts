// Walking strided, broadcast operands. Loops run per row (the last dimension) with plain
// typed-array indexing: no per-element closures or objects, and one fast path when everything
// is contiguous.
import { Tensor, numelOf } from "../tensor";
import { TypedArray } from "../dtype";
import { pinnedSubarray } from "../storage/storage";
import { RuntimeError, IndexError } from "../errors";

/** A read-only operand: a tensor's elements, or a JS scalar as a one-element array with stride 0. */
export interface Operand { data: ArrayLike<number>; offset: number; strides: readonly number[]; shape: readonly number[] }

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function normalizeDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  // a name where a dimension belongs is PyTorch's named-tensor lookup, which finds nothing here
  if (typeof dim === "string") throw new RuntimeError(`Name '${dim}' not found in Tensor[${new Array(ndim).fill("None").join(", ")}].`);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    throw new IndexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

export function broadcastShapes(...shapes: ReadonlyArray<readonly number[]>): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (let k = 0; k < shapes.length; k++) {
    const s = shapes[k];
    // from the last dimension, as PyTorch's infer_size reports the first mismatch it meets
    for (let i = s.length - 1; i >= 0; i--) {
      const j = ndim - s.length + i;
      const d = s[i];
      if (d === out[j] || d === 1) continue;
      if (out[j] === 1) { out[j] = d; continue; }
      throw new RuntimeError(`The size of tensor a (${out[j]}) must match the size of tensor b (${d}) at non-singleton dimension ${j}`);
    }
  }
  return out;
}

/** Strides of an operand seen through the broadcast shape (0 along broadcast dimensions). */
export function broadcastStrides(op: Operand, shape: readonly number[]): number[] {
  const pad = shape.length - op.shape.length;
  return shape.map((_, j) => (j < pad || op.shape[j - pad] === 1 ? 0 : op.strides[j - pad]));
}

export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * Calls `row(offsets, n, innerStrides)` once per row of `shape`, with each operand's element
 * offset for the row start. Arrays passed to `row` are reused between calls.
 * When every operand is contiguous over the whole shape, there is one call for all elements.
 */
export function forEachRow(
  shape: readonly number[],
  strides: ReadonlyArray<readonly number[]>,
  offsets: readonly number[],
  row: (offsets: number[], n: number, inner: number[]) => void,
): void {
  const total = numelOf(shape);
  if (total === 0) return;
  const k = strides.length;
  const pos = offsets.slice();
  if (shape.length === 0 || strides.every((s) => isContiguousLayout(shape, s))) {
    row(pos, total, new Array<number>(k).fill(1));
    return;
  }
  // adjacent dims that every operand walks as one (stride[d] = stride[d+1]·size[d+1]) become one
  // dim: longer rows, fewer calls (a permuted [N, C, H, W] copies H·W elements per row)
  const dims: number[] = [shape[0]];
  const strideLists: number[][] = strides.map((st) => [st[0]]);
  for (let d = 1; d < shape.length; d++) {
    const top = dims.length - 1;
    if (strides.every((st, j) => strideLists[j][top] === st[d] * shape[d])) {
      dims[top] *= shape[d];
      strides.forEach((st, j) => { strideLists[j][top] = st[d]; });
    } else {
      dims.push(shape[d]);
      strides.forEach((st, j) => strideLists[j].push(st[d]));
    }
  }
  shape = dims;
  strides = strideLists;
  const last = shape.length - 1;
  const n = shape[last];
  const inner = strides.map((s) => s[last]);
  const counter = new Array<number>(last).fill(0);
  const rows = total / n;
  for (let r = 0; r < rows; r++) {
    row(pos, n, inner);
    // advance the odometer over the outer dimensions
    for (let d = last - 1; d >= 0; d--) {
      counter[d]++;
      if (counter[d] < shape[d]) {
        for (let j = 0; j < k; j++) pos[j] += strides[j][d];
        break;
      }
      counter[d] = 0;
      for (let j = 0; j < k; j++) pos[j] -= strides[j][d] * (shape[d] - 1);
    }
  }
}

/** The elements in row-major order: the storage itself when already contiguous, else a copy. */
export function contiguousData(t: Tensor): TypedArray {
  const data = t._data;
  const n = t.numel();
  if (t.is_contiguous()) {
    return t.offset === 0 && data.length === n ? data : pinnedSubarray(data, t.offset, t.offset + n);
  }
  const out = new (data.constructor as { new (n: number): TypedArray })(n);
  copyRowMajor(t, out);
  return out;
}

/** Writes t's elements in row-major order into `out` (which must hold t.numel()). */
export function copyRowMajor(t: Tensor, out: TypedArray): void {
  const data = t._data;
  let o = 0;
  forEachRow(t.shape, [t.strides], [t.offset], (pos, len, inner) => {
    const s = inner[0];
    let i = pos[0];
    // a permutation that keeps whole rows (conv's [O, N, L] → [N, O, L]) copies them as blocks
    if (s === 1 && len >= 16) {
      out.set(data.subarray(i, i + len), o);
      o += len;
      return;
    }
    for (let j = 0; j < len; j++, i += s) out[o++] = data[i];
  });
}
