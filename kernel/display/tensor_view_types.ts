// The shape of a tensor's table/heatmap view as JSON (built by tensor_view.ts in the kernel, drawn
// by extension/renderer/tensor_table.ts): types only, so browser code can import them.

/** A value that JSON can carry: non-finite numbers as their PyTorch spelling. */
export type CellValue = number | "nan" | "inf" | "-inf";

export interface TensorSlice {
  /** The leading indices this 2-D slice is at, as PyTorch would index it: "[0, 2, :, :]"; "" for 0-2-D. */
  label: string;
  /** Row-major rows of the shown block (at most MAX_ROWS × MAX_COLS). */
  rows: CellValue[][];
}

export interface TensorView {
  shape: number[];
  /** "torch.float32" */
  dtype: string;
  requires_grad: boolean;
  /** The grad_fn's name, e.g. "ReluBackward0"; null for a leaf. */
  grad_fn: string | null;
  numel: number;
  /** Over the whole tensor's finite values (NaN and ±inf left out); null when there are none. */
  range: { min: number; max: number } | null;
  /** How many rows and columns each slice has in the tensor (the shown block may be smaller). */
  rows: number;
  cols: number;
  slices: TensorSlice[];
  /** What the view leaves out or reshapes, in words; empty when every element is shown as it is. */
  notes: string[];
}

/** The MIME type of a tensor's output in its rich form, beside PyTorch's text/plain. */
export const TENSOR_MIME = "application/vnd.actnb.tensor+json";

/** What a tensor output carries under TENSOR_MIME: PyTorch's text (shown first) and its table. */
export interface TensorOutput {
  text: string;
  view: TensorView;
}
