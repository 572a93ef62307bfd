// Types shared by the printing module (a port of torch/_tensor_str.py, PyTorch 1.13).

export type PrintDtype = "float32" | "float64" | "int64" | "int32" | "uint8" | "bool";

/** What formatTensor needs to know about a tensor; no dependency on the engine's Tensor class. */
export interface PrintableTensor {
  shape: readonly number[];
  dtype: PrintDtype;
  /** Contiguous row-major values; bool as 0/1; int64 as integral numbers. */
  data: ArrayLike<number>;
  requires_grad?: boolean;
  /** Name of the autograd node, e.g. "ReluBackward0"; printed as grad_fn=<ReluBackward0>. */
  grad_fn?: string;
  /** Prints "Parameter containing:\n" before the tensor (requires_grad defaults to true). */
  is_parameter?: boolean;
}

/** torch._tensor_str.PRINT_OPTS. */
export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  sci_mode: boolean | null;
}
