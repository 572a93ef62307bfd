// Builds tensors elementwise from compiled expressions (see codegen.ts), broadcasting inputs.
import { Tensor } from "../tensor";
import { DType, bool, float32, promoteTypes, promoteWithScalar } from "../dtype";
import { Params, rowKernel } from "./codegen";
import { broadcastShapes, broadcastStrides, forEachRow, Operand } from "./strided";
import { Dest, fresh } from "./out";

export type Input = Tensor | number | boolean;

/** A JS scalar seen as a tensor of `dtype`: float32 math rounds the scalar first, as PyTorch does. */
function scalarOperand(s: number | boolean, dtype: DType): Operand {
  const v = Number(s);
  return { data: dtype === float32 ? Float32Array.of(v) : [v], offset: 0, strides: [], shape: [] };
}

const category = (d: DType) => (d.is_floating_point ? 2 : d === bool ? 0 : 1);

/**
 * The result dtype of an op over these inputs, by PyTorch's type promotion: tensors with
 * dimensions decide; a 0-d tensor counts only when it is of a higher category (bool < integer <
 * float), and so does a JS number (as Python's scalars do).
 */
export function resultType(inputs: readonly Input[]): DType {
  let dims: DType | null = null, zeroDim: DType | null = null;
  for (const x of inputs) {
    if (!(x instanceof Tensor)) continue;
    if (x.ndim > 0) dims = dims ? promoteTypes(dims, x.dtype) : x.dtype;
    else zeroDim = zeroDim ? promoteTypes(zeroDim, x.dtype) : x.dtype;
  }
  let dtype = dims ?? zeroDim;
  if (dims && zeroDim && category(zeroDim) > category(dims)) dtype = zeroDim;
  if (!dtype) return float32;
  for (const x of inputs) if (!(x instanceof Tensor)) dtype = promoteWithScalar(dtype, x);
  return dtype;
}

/**
 * out = expr(inputs...) elementwise with broadcasting. `names` name the inputs in `expr`;
 * `computeDtype` is the dtype scalars are rounded to (the inputs' common type by default);
 * `dest` gives the result tensor (contiguous; under out= it may be an input, element for element).
 */
export function elementwise(
  names: readonly string[],
  expr: string,
  inputs: readonly Input[],
  outDtype?: DType,
  params: Params = {},
  computeDtype: DType = resultType(inputs),
  dest: Dest = fresh,
): Tensor {
  const operands = inputs.map((x) => (x instanceof Tensor ? { data: x._data, offset: x.offset, strides: x.strides, shape: x.shape } : scalarOperand(x, computeDtype)));
  const shape = broadcastShapes(...operands.map((o) => o.shape));
  const out = dest(shape, outDtype ?? computeDtype);
  // Allocation may have grown memory: take the data views only now.
  const arrays = inputs.map((x, i) => (x instanceof Tensor ? x._data : operands[i].data));
  const strides = operands.map((o) => broadcastStrides(o, shape));
  const kernel = rowKernel(names, expr, "", computeDtype === float32);
  const od = out._data;
  forEachRow(shape, [...strides, out.strides], [...operands.map((o) => o.offset), out.offset], (pos, n, inner) => {
    kernel(arrays, pos, inner, od, pos[pos.length - 1], n, params);
  });
  return out;
}
