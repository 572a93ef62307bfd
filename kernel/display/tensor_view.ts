// A tensor as the editor's table/heatmap view needs it: its values cut into 2-D slices, the
// range of the whole tensor for one colour scale, and a note whenever part of it is left out.
// The kernel builds this for the Variables view's "open" (and it is plain JSON for a webview).
import { Tensor } from "../engine/tensor";
import { contiguousData } from "../engine/ops/strided";
import { TENSOR_MIME } from "./tensor_view_types";
import type { CellValue, TensorOutput, TensorSlice, TensorView } from "./tensor_view_types";
import type { BundleExtras } from "./mime";

export type { CellValue, TensorSlice, TensorView };

export const MAX_ROWS = 64;
export const MAX_COLS = 64;
export const MAX_SLICES = 16;

function cell(v: number): CellValue {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return v;
}

/** Min and max over the finite elements, read in place (a contiguous tensor is not copied). */
function finiteRange(t: Tensor): { min: number; max: number } | null {
  const data = contiguousData(t);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

export function tensorView(tensor: Tensor): TensorView {
  const t = tensor.detach();
  const shape = t.shape.slice();
  const notes: string[] = [];
  // 0-D and 1-D tensors are one row; higher ones are matrices over their last two dimensions
  const rows = shape.length >= 2 ? shape[shape.length - 2] : 1;
  const cols = shape.length >= 1 ? shape[shape.length - 1] : 1;
  const leading = shape.slice(0, Math.max(0, shape.length - 2));
  const sliceCount = leading.reduce((a, b) => a * b, 1);
  const shownRows = Math.min(rows, MAX_ROWS), shownCols = Math.min(cols, MAX_COLS), shownSlices = Math.min(sliceCount, MAX_SLICES);
  if (leading.length) notes.push(`${shape.length}-D: shown as ${sliceCount} slice${sliceCount === 1 ? "" : "s"} of ${rows} × ${cols} over the last two dimensions`);
  if (shownSlices < sliceCount) notes.push(`only the first ${shownSlices} of ${sliceCount} slices are shown`);
  if (shownRows < rows) notes.push(`only rows 0–${shownRows - 1} of ${rows} are shown`);
  if (shownCols < cols) notes.push(`only columns 0–${shownCols - 1} of ${cols} are shown`);
  if (notes.length > (leading.length ? 1 : 0)) notes.push("the colour scale and range cover the whole tensor");

  // Narrow before copying: the first MAX_SLICES slices in row-major order lie inside the block
  // where every leading index is below MAX_SLICES, so a huge tensor is never copied whole.
  let block = t;
  shape.forEach((size, dim) => {
    const keep = dim === shape.length - 1 && shape.length >= 1 ? shownCols : dim === shape.length - 2 ? shownRows : Math.min(size, MAX_SLICES);
    if (keep < size) block = block.narrow(dim, 0, keep);
  });
  const data = t.numel() === 0 ? [] : Array.from(block.toArray(), Number);
  const blockShape = block.shape;
  const r = blockShape.length >= 2 ? blockShape[blockShape.length - 2] : 1;
  const c = blockShape.length >= 1 ? blockShape[blockShape.length - 1] : 1;
  const blockLeading = blockShape.slice(0, Math.max(0, blockShape.length - 2));
  const slices: TensorSlice[] = [];
  for (let s = 0; s < shownSlices && data.length; s++) {
    // the s-th slice of the whole tensor, in the narrowed block's coordinates
    const index: number[] = [];
    let rest = s;
    for (let d = leading.length - 1; d >= 0; d--) { index.unshift(rest % leading[d]); rest = Math.floor(rest / leading[d]); }
    const offset = index.reduce((acc, i, d) => acc * blockLeading[d] + i, 0) * r * c;
    const sliceRows: CellValue[][] = [];
    for (let i = 0; i < r; i++) sliceRows.push(data.slice(offset + i * c, offset + (i + 1) * c).map(cell));
    slices.push({ label: index.length ? `[${[...index, ":", ":"].join(", ")}]` : "", rows: sliceRows });
  }
  if (t.numel() === 0) notes.push("the tensor has no elements");
  return {
    shape, dtype: String(t.dtype), requires_grad: tensor.requires_grad, grad_fn: tensor.grad_fn?.name() ?? null,
    numel: t.numel(), range: finiteRange(t), rows, cols, slices, notes,
  };
}

/** A tensor's rich output beside its text: for kernels whose host draws it (VS Code). */
export const tensorBundleExtras: BundleExtras = (value, text) => {
  if (!(value instanceof Tensor)) return undefined;
  const output: TensorOutput = { text, view: tensorView(value) };
  return { [TENSOR_MIME]: output };
};
