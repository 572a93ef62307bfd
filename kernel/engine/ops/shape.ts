// Views and rearrangements: they share storage where PyTorch's do, and route gradients back.
import { Tensor, numelOf, contiguousStrides } from "../tensor";
import { record } from "../autograd/node";
import { markView, markMultiOutput } from "../autograd/views";
import { bindEntry, checkTensor } from "../args";
import { TORCH_FUNCTIONS_SHAPE as SHAPE, TENSOR_METHODS_SHAPE } from "../api/tables/shape";
import { TORCH_FUNCTIONS_INDEXING as INDEXING } from "../api/tables/indexing";
import { entryFunction } from "./entry_function";
import { pyTypeName } from "../pyrepr";
import { RuntimeError, IndexError } from "../errors";
import { contiguousData, copyRowMajor, normalizeDim, isContiguousLayout } from "./strided";
import { scatterAlong } from "./reduce";
import { canCast, int64, promoteTypes } from "../dtype";
import { EXACT, OutOption, OutSpec, produce, writeOut } from "./out";

/** A view of x: the same elements (and version counter) seen through another shape and strides. */
function viewOf(x: Tensor, shape: number[], strides: number[], offset = x.offset): Tensor {
  const v = new Tensor(x.storage, shape, strides, offset);
  markView(v, x);
  return v;
}

function flattenSizes(sizes: Array<number | number[]>): number[] {
  return sizes.length === 1 && Array.isArray(sizes[0]) ? (sizes[0] as number[]).slice() : (sizes as number[]);
}

/** Resolves one -1 in a requested shape, with PyTorch's error for impossible shapes. */
export function inferShape(requested: number[], numel: number): number[] {
  const shape = requested.slice();
  const unknown = shape.indexOf(-1);
  if (shape.filter((d) => d === -1).length > 1) throw new RuntimeError("only one dimension can be inferred");
  for (const d of shape) if (d < -1 || !Number.isInteger(d)) throw new RuntimeError(`invalid shape dimension ${d}`);
  const known = numelOf(shape.filter((d) => d !== -1));
  if (unknown >= 0) {
    if (known === 0 || numel % known !== 0) throw new RuntimeError(`shape '[${requested.join(", ")}]' is invalid for input of size ${numel}`);
    shape[unknown] = numel / known;
  } else if (known !== numel) {
    throw new RuntimeError(`shape '[${requested.join(", ")}]' is invalid for input of size ${numel}`);
  }
  return shape;
}

/** Strides for viewing x as `shape` without copying, or null (PyTorch's computeStride). */
function viewStrides(x: Tensor, shape: number[]): number[] | null {
  if (x.is_contiguous()) return contiguousStrides(shape);
  const oldShape = x.shape, oldStrides = x.strides;
  const newStrides = new Array<number>(shape.length);
  if (x.numel() === 0) return contiguousStrides(shape);
  let viewD = shape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1, viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) { chunkBase = oldStrides[d - 1]; tensorNumel = 1; viewNumel = 1; }
    }
  }
  return viewD === -1 ? newStrides : null;
}

export function view(x: Tensor, ...sizes: Array<number | number[]>): Tensor {
  const shape = inferShape(flattenSizes(sizes), x.numel());
  const strides = viewStrides(x, shape);
  if (!strides) {
    throw new RuntimeError("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  }
  return record(viewOf(x, shape, strides), "ViewBackward0", [x], (g) => [g.reshape(x.shape)]);
}

export function reshape(x: Tensor, ...sizes: Array<number | number[]>): Tensor {
  const shape = inferShape(flattenSizes(sizes), x.numel());
  const strides = viewStrides(x, shape);
  if (strides) return record(viewOf(x, shape, strides), "ReshapeAliasBackward0", [x], (g) => [g.reshape(x.shape)]);
  const out = contiguous(x.detach()).view(shape);
  return record(new Tensor(out.storage, shape), "UnsafeViewBackward0", [x], (g) => [g.reshape(x.shape)]);
}

export function permute(x: Tensor, dims: number[]): Tensor {
  if (dims.length !== x.ndim) throw new RuntimeError(`permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${x.ndim} is not equal to len(dims) = ${dims.length}`);
  const d = dims.map((i) => normalizeDim(i, x.ndim));
  if (new Set(d).size !== d.length) throw new RuntimeError("permute(): duplicate dims are not allowed.");
  const out = viewOf(x, d.map((i) => x.shape[i]), d.map((i) => x.strides[i]));
  const inverse = new Array<number>(d.length);
  d.forEach((p, i) => { inverse[p] = i; });
  return record(out, "PermuteBackward0", [x], (g) => [permute(g, inverse)]);
}

export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const a = normalizeDim(dim0, x.ndim), b = normalizeDim(dim1, x.ndim);
  const shape = x.shape.slice(), strides = x.strides.slice();
  if (x.ndim > 0) {
    [shape[a], shape[b]] = [shape[b], shape[a]];
    [strides[a], strides[b]] = [strides[b], strides[a]];
  }
  return record(viewOf(x, shape, strides), "TransposeBackward0", [x], (g) => [transpose(g, dim0, dim1)]);
}

export function t(x: Tensor): Tensor {
  if (x.ndim > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  if (x.ndim < 2) return record(viewOf(x, x.shape, x.strides), "TBackward0", [x], (g) => [g]);
  const out = viewOf(x, [x.shape[1], x.shape[0]], [x.strides[1], x.strides[0]]);
  return record(out, "TBackward0", [x], (g) => [t(g)]);
}

export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.ndim + 1);
  const shape = x.shape.slice(), strides = x.strides.slice();
  shape.splice(d, 0, 1);
  strides.splice(d, 0, d < x.ndim ? x.strides[d] * x.shape[d] : 1);
  return record(viewOf(x, shape, strides), "UnsqueezeBackward0", [x], (g) => [g.squeeze(d)]);
}

/** Unsqueezes several (sorted, output-numbered) dims; used by reductions' backward. */
export function unsqueezeDims(x: Tensor, dims: number[]): Tensor {
  let r = x;
  for (const d of [...dims].sort((a, b) => a - b)) r = unsqueeze(r, d);
  return r;
}

/** Squeezes the given dims (PyTorch's squeeze.dims, used inside matmul). */
export function squeezeDims(x: Tensor, dims: number[], asView = true): Tensor {
  const ds = dims.map((d) => normalizeDim(d, x.ndim)).filter((i) => x.shape[i] === 1);
  const keep = x.shape.map((_, i) => i).filter((i) => !ds.includes(i));
  const shape = keep.map((i) => x.shape[i]), strides = keep.map((i) => x.strides[i]);
  const out = asView ? viewOf(x, shape, strides) : new Tensor(x.storage, shape, strides, x.offset);
  return record(out, "SqueezeBackward3", [x], (g) => [g.reshape(x.shape)]);
}

/** A reshape that PyTorch records as _unsafe_view (the last step of batched matmul). */
export function unsafeView(x: Tensor, shape: number[]): Tensor {
  const out = contiguous(x.detach());
  return record(new Tensor(out.storage, shape, undefined, out.offset), "UnsafeViewBackward0", [x], (g) => [g.reshape(x.shape)]);
}

export function squeeze(x: Tensor, dim?: number): Tensor {
  const dims = dim === undefined ? x.shape.map((_, i) => i).filter((i) => x.shape[i] === 1) : [normalizeDim(dim, x.ndim)].filter((i) => x.shape[i] === 1);
  const keep = x.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const out = viewOf(x, keep.map((i) => x.shape[i]), keep.map((i) => x.strides[i]));
  return record(out, dim === undefined ? "SqueezeBackward0" : "SqueezeBackward1", [x], (g) => [g.reshape(x.shape)]);
}

export function flatten(x: Tensor, ...args: unknown[]): Tensor {
  const a = bindEntry<{ start_dim: number; end_dim: number }>("flatten", args, SHAPE.flatten, 1);
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim(a.start_dim, x.ndim), e = normalizeDim(a.end_dim, x.ndim);
  if (s > e) throw new RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim");
  if (s === e) return x;
  const shape = [...x.shape.slice(0, s), numelOf(x.shape.slice(s, e + 1)), ...x.shape.slice(e + 1)];
  return reshape(x, shape);
}

export function expand(x: Tensor, sizes: number[]): Tensor {
  if (sizes.length < x.ndim) {
    throw new RuntimeError(`expand(torch.FloatTensor{[${x.shape.join(", ")}]}, size=[${sizes.join(", ")}]): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`);
  }
  const lead = sizes.length - x.ndim;
  const shape: number[] = [], strides: number[] = [];
  sizes.forEach((s, j) => {
    const i = j - lead;
    const have = i >= 0 ? x.shape[i] : 1;
    const want = s === -1 ? have : s;
    if (have !== want && have !== 1) {
      throw new RuntimeError(`The expanded size of the tensor (${want}) must match the existing size (${have}) at non-singleton dimension ${j}.  Target sizes: [${sizes.join(", ")}].  Tensor sizes: [${x.shape.join(", ")}]`);
    }
    shape.push(want);
    strides.push(i >= 0 && have === want ? x.strides[i] : 0);
  });
  return record(viewOf(x, shape, strides), "ExpandBackward0", [x], (g) => [g.sum_to_size(x.shape)]);
}

export function clone(x: Tensor): Tensor {
  const out = Tensor.empty(x.shape, x.dtype);
  copyRowMajor(x, out._data);
  return record(out, "CloneBackward0", [x], (g) => [g]);
}

export function contiguous(x: Tensor): Tensor {
  if (x.is_contiguous()) return x;
  const out = Tensor.empty(x.shape, x.dtype);
  copyRowMajor(x, out._data);
  return record(out, "CloneBackward0", [x], (g) => [g]);
}

/** cat's and stack's out=: a dtype their result casts to, sharing no element with an input. */
const joinOut = (aten: "cat" | "stack"): OutSpec => ({
  aten, disjoint: true, dtype: (r, o) => (canCast(r, o) ? null : `torch.cat(): input types can't be cast to the desired output type ${o.scalarType}`),
});

export function cat(tensors: Tensor[], options?: { dim?: number } & OutOption): Tensor;
export function cat(tensors: Tensor[], dim: number, options?: OutOption): Tensor;
export function cat(tensors: Tensor[], ...args: unknown[]): Tensor;
export function cat(tensors: Tensor[], ...args: unknown[]): Tensor {
  const { dim, out: target } = bindEntry<{ dim: number; out: Tensor | null }>("cat", args, SHAPE.cat, 1);
  if (target !== null) return writeOut("cat", joinOut("cat"), target, tensors, () => cat(tensors, dim));
  if (!tensors.length) throw new RuntimeError("torch.cat(): expected a non-empty list of Tensors");
  tensors.forEach((t, i) => { if (t.ndim === 0) throw new RuntimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`); });
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  const first = parts[0] ?? tensors[0];
  const d = normalizeDim(dim, first.ndim);
  parts.forEach((p, i) => {
    if (p.ndim !== first.ndim) throw new RuntimeError(`Tensors must have same number of dimensions: got ${first.ndim} and ${p.ndim}`);
    p.shape.forEach((s, j) => {
      if (j !== d && s !== first.shape[j]) throw new RuntimeError(`Sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[j]} but got size ${s} for tensor number ${i} in the list.`);
    });
  });
  const shape = first.shape.slice();
  shape[d] = parts.reduce((s, p) => s + p.shape[d], 0);
  const dtype = tensors.reduce((t, p) => promoteTypes(t, p.dtype), tensors[0].dtype);
  const out = Tensor.empty(shape, dtype);
  const outer = numelOf(shape.slice(0, d)), inner = numelOf(shape.slice(d + 1));
  let at = 0;
  for (const p of parts) {
    const src = contiguousData(p);
    const run = p.shape[d] * inner;
    for (let o = 0; o < outer; o++) out._data.set(src.subarray(o * run, (o + 1) * run), o * shape[d] * inner + at);
    at += run;
  }
  // every tensor is an input, the skipped empty ones too (their gradient is empty)
  return record(out, "CatBackward0", tensors, (g) => {
    let start = 0;
    return tensors.map((p) => {
      if (!parts.includes(p)) return Tensor.empty(p.shape, g.dtype);
      const piece = narrow(g, d, start, p.shape[d]);
      start += p.shape[d];
      return piece;
    });
  });
}

export function stack(tensors: Tensor[], options?: { dim?: number } & OutOption): Tensor;
export function stack(tensors: Tensor[], dim: number, options?: OutOption): Tensor;
export function stack(tensors: Tensor[], ...args: unknown[]): Tensor;
export function stack(tensors: Tensor[], ...args: unknown[]): Tensor {
  const { dim, out: target } = bindEntry<{ dim: number; out: Tensor | null }>("stack", args, SHAPE.stack, 1);
  if (target !== null) return writeOut("stack", joinOut("stack"), target, tensors, () => stack(tensors, dim));
  if (!tensors.length) throw new RuntimeError("stack expects a non-empty TensorList");
  tensors.forEach((p, i) => {
    if (p.shape.length !== tensors[0].shape.length || p.shape.some((s, j) => s !== tensors[0].shape[j])) {
      throw new RuntimeError(`stack expects each tensor to be equal size, but got [${tensors[0].shape.join(", ")}] at entry 0 and [${p.shape.join(", ")}] at entry ${i}`);
    }
  });
  const d = normalizeDim(dim, tensors[0].ndim + 1);
  const out = cat(tensors.map((p) => unsqueeze(p.detach(), d)), d);
  return record(out, "StackBackward0", tensors, (g) => tensors.map((_, i) => select(g, d, i)));
}

export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (start < 0) start += x.shape[d];
  if (start < 0 || start + length > x.shape[d]) throw new RuntimeError(`start (${start}) + length (${length}) exceeds dimension size (${x.shape[d]}).`);
  return sliceDim(x, d, start, start + length, 1);
}

function sliceDim(x: Tensor, d: number, start: number, stop: number, step: number, gradName = "SliceBackward0"): Tensor {
  const len = Math.max(0, Math.ceil((stop - start) / step));
  const shape = x.shape.slice(), strides = x.strides.slice();
  shape[d] = len;
  strides[d] = x.strides[d] * step;
  const out = viewOf(x, shape, strides, x.offset + start * x.strides[d]);
  return record(out, gradName, [x], (g) => {
    const full = Tensor.empty(x.shape, g.dtype);
    full._data.fill(0);
    sliceDim(full, d, start, stop, step).copy_(g);
    return [full];
  });
}

/** x[i] along dim: select, with indexing's own words for an index out of range. */
function selectIndex(x: Tensor, d: number, index: number): Tensor {
  const size = x.shape[d];
  if (index < -size || index >= size) throw new IndexError(`index ${index} is out of bounds for dimension ${d} with size ${size}`);
  return select(x, d, index);
}

export function select(x: Tensor, dim: number, index: number): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d];
  if (index < -size || index >= size) throw new IndexError(`select(): index ${index} out of range for tensor of size [${x.shape.join(", ")}] at dimension ${d}`);
  const i = index < 0 ? index + size : index;
  const shape = x.shape.filter((_, j) => j !== d), strides = x.strides.filter((_, j) => j !== d);
  const out = viewOf(x, shape, strides, x.offset + i * x.strides[d]);
  return record(out, "SelectBackward0", [x], (g) => {
    const full = Tensor.empty(x.shape, g.dtype);
    full._data.fill(0);
    select(full, d, i).copy_(g);
    return [full];
  });
}

/**
 * Python's x[...]: a number selects, a string slice "1:3", "::2", ":" slices, null adds a
 * dimension (None), "..." stands for the remaining dimensions, and a 1-d tensor of indices
 * (int64) or a boolean mask picks entries along its dimension (advanced indexing).
 */
export type Index = number | string | null | Tensor;

/** Rows of x along `dim` at the given int64 indices (torch.index_select). */
export function index_select(x: Tensor, dim: number, index: Tensor, gradName = "IndexSelectBackward0"): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (index.ndim > 1) throw new IndexError("index_select(): Index is supposed to be a vector");
  if (index.dtype.is_floating_point || index.dtype.name === "bool") throw new IndexError("tensors used as indices must be long, int, byte or bool tensors");
  // x[indices] counts negative indices from the end; index_select does not
  const advanced = gradName === "IndexBackward0";
  const positionsOf = (t: Tensor) => Array.from(contiguousData(t), (v) => (v < 0 && advanced ? v + x.shape[d] : v));
  const idx = positionsOf(index);
  for (const [k, v] of idx.entries()) {
    if (v >= 0 && v < x.shape[d]) continue;
    const given = contiguousData(index)[k];
    if (advanced) throw new IndexError(`index ${given} is out of bounds for dimension ${d} with size ${x.shape[d]}`);
    // PyTorch's kernel for dim 1 of a matrix or more words it its own way
    if (d === 1 && x.ndim > 1) throw new RuntimeError(`INDICES element is out of DATA bounds, id=${given} axis_dim=${x.shape[d]}`);
    throw new IndexError("index out of range in self");
  }
  const shape = x.shape.slice();
  shape[d] = idx.length;
  const out = Tensor.empty(shape, x.dtype);
  const src = contiguousData(x);
  const outer = numelOf(x.shape.slice(0, d)), inner = numelOf(x.shape.slice(d + 1));
  const od = out._data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < idx.length; j++) {
      const from = (o * x.shape[d] + idx[j]) * inner, to = (o * idx.length + j) * inner;
      for (let k = 0; k < inner; k++) od[to + k] = src[from + k];
    }
  }
  return record(out, gradName, [x], (g, [indexSaved]) => {
    const idx = positionsOf(indexSaved!);
    const full = Tensor.empty(x.shape, g.dtype);
    const fd = full._data, gd = contiguousData(g);
    fd.fill(0);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < idx.length; j++) {
        const to = (o * x.shape[d] + idx[j]) * inner, from = (o * idx.length + j) * inner;
        for (let k = 0; k < inner; k++) fd[to + k] += gd[from + k];
      }
    }
    return [full];
  }, [index]);
}

/** A boolean mask as the int64 indices of its true entries. */
function maskIndices(mask: Tensor, size: number): Tensor {
  if (mask.ndim !== 1 || mask.shape[0] !== size) throw new IndexError(`The shape of the mask [${mask.shape.join(", ")}] at index 0 does not match the shape of the indexed tensor [${size}] at index 0`);
  const on: number[] = [];
  contiguousData(mask).forEach((v, i) => { if (v) on.push(i); });
  const t = Tensor.empty([on.length], int64);
  t._data.set(on);
  return t;
}

function parseSlice(spec: string, size: number): [number, number, number] {
  const parts = spec.split(":").map((s) => s.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p !== "" && !/^-?\d+$/.test(p))) throw new IndexError(`invalid slice "${spec}"`);
  const step = parts[2] ? Number(parts[2]) : 1;
  if (step <= 0) throw new ValueErrorLike("step must be greater than zero");
  const clampIndex = (v: string, dflt: number) => {
    if (v === "") return dflt;
    let n = Number(v);
    if (n < 0) n += size;
    return Math.min(Math.max(n, 0), size);
  };
  return [clampIndex(parts[0], 0), clampIndex(parts[1], size), step];
}

class ValueErrorLike extends Error { override name = "ValueError"; }

export function index(x: Tensor, indices: Index[]): Tensor {
  const ellipsis = indices.indexOf("...");
  const consuming = indices.filter((i) => i !== null && i !== "...").length;
  for (const i of indices) {
    const valid = i === null || typeof i === "string" || i instanceof Tensor || (typeof i === "number" && Number.isInteger(i));
    if (!valid) {
      // PyTorch's words (a slice is written "1:3" here)
      throw new IndexError(`only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${pyTypeName(i)})`);
    }
  }
  // x[a] alone (not a multi-part index) has words of its own for a slice of a 0-d tensor
  if (indices.length === 1 && typeof indices[0] === "string" && indices[0] !== "..." && x.ndim === 0) throw new IndexError("slice() cannot be applied to a 0-dim tensor.");
  if (consuming > x.ndim) throw new IndexError(`too many indices for tensor of dimension ${x.ndim}`);
  let r = x;
  let d = 0;
  for (const ix of indices) {
    if (ix === "...") d += x.ndim - consuming; // the dimensions it stands for are passed over: no op
    else if (ix === null) { r = unsqueeze(r, d); d++; }
    else if (ix instanceof Tensor) {
      const indices = ix.dtype.name === "bool" ? maskIndices(ix, r.shape[d]) : ix;
      r = index_select(r, d, indices, "IndexBackward0");
      d++;
    }
    else if (typeof ix === "number") r = selectIndex(r, d, ix);
    else {
      const [a, b, s] = parseSlice(ix, r.shape[d]);
      // PyTorch skips a slice written as exactly the whole dimension ("0:n", ":n", not ":") inside
      // a multi-part index: its raw stop must equal the size (an omitted stop is "infinity")
      const [rawStart, rawStop] = ix.split(":").map((v) => v.trim());
      const whole = indices.length > 1 && (rawStart === "" || Number(rawStart) === 0) && rawStop !== "" && Number(rawStop) === r.shape[d] && s === 1;
      if (!whole) r = sliceDim(r, d, a, Math.max(a, b), s);
      d++;
    }
  }
  // x[...] is x itself, which Python's indexing returns as an alias
  return r === x ? record(viewOf(x, x.shape.slice(), x.strides.slice()), "AliasBackward0", [x], (g) => [g]) : r;
}

export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  const d = normalizeDim(dim, x.ndim);
  const size = Math.ceil(x.shape[d] / chunks);
  // an empty dimension gives `chunks` empty pieces, as in PyTorch
  return size === 0 ? split(x, new Array<number>(chunks).fill(0), d) : split(x, size, d);
}

/**
 * Pieces of x along dim: views that PyTorch records as outputs of one SplitBackward0 (or
 * SplitWithSizesBackward0) node, and so refuses to let be modified in place under autograd.
 */
export function split(x: Tensor, size: number | number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, x.ndim);
  const sizes = Array.isArray(size) ? size : [];
  if (!Array.isArray(size)) for (let s = 0; s < x.shape[d]; s += size) sizes.push(Math.min(size, x.shape[d] - s));
  if (!Array.isArray(size) && x.shape[d] === 0) sizes.push(0); // one empty piece of an empty dimension
  if (Array.isArray(size) && size.reduce((a, b) => a + b, 0) !== x.shape[d]) {
    throw new RuntimeError(`split_with_sizes expects split_sizes to sum exactly to ${x.shape[d]} (input tensor's size at dimension ${d}), but got split_sizes=[${size.join(", ")}]`);
  }
  const name = Array.isArray(size) ? "SplitWithSizesBackward0" : "SplitBackward0";
  let start = 0;
  const pieces = sizes.map((len) => {
    start += len;
    return sliceDim(x, d, start - len, start, 1, name);
  });
  markMultiOutput(pieces, name);
  return pieces;
}

type IndexArgs = { dim: number; index: Tensor; out: Tensor | null };

/** torch.gather(input, dim, index, { out }) (out of the input's dtype only), and x.gather(dim, index). */
export const gatherCall = entryFunction("gather", INDEXING.gather, (x, a: IndexArgs) =>
  produce("gather", { aten: "gather", dtype: EXACT }, a.out, [x, a.index], () => gather(x, a.dim, a.index), (r) => r));

/** torch.index_select(input, dim, index, { out }) (out of the input's dtype only), and x.index_select(dim, index). */
const INDEX_SELECT_OUT: OutSpec = { aten: "index_select", dtype: (r, o) => (r === o ? null : "index_select(): self and result must have the same scalar type") };
export const indexSelectCall = entryFunction("index_select", INDEXING.index_select, (x, a: IndexArgs) =>
  produce("index_select", INDEX_SELECT_OUT, a.out, [x, a.index], () => index_select(x, a.dim, a.index), (r) => r));

// torch.<name>(x, ...) and x.<name>(...) for the views above, bound by their API entries
export const reshapeCall = entryFunction("reshape", SHAPE.reshape, (x, a: { shape: number[] }) => reshape(x, a.shape));
export const permuteCall = entryFunction("permute", SHAPE.permute, (x, a: { dims: number[] }) => permute(x, a.dims));
export const transposeCall = entryFunction("transpose", SHAPE.transpose, (x, a: { dim0: number; dim1: number }) => transpose(x, a.dim0, a.dim1));
export const unsqueezeCall = entryFunction("unsqueeze", SHAPE.unsqueeze, (x, a: { dim: number }) => unsqueeze(x, a.dim));
export const squeezeCall = entryFunction("squeeze", SHAPE.squeeze, (x, a: { dim: number | null }) => squeeze(x, a.dim ?? undefined));
export const narrowCall = entryFunction("narrow", SHAPE.narrow, (x, a: { dim: number; start: number; length: number }) => narrow(x, a.dim, a.start, a.length));
export const selectCall = entryFunction("select", SHAPE.select, (x, a: { dim: number; index: number }) => select(x, a.dim, a.index));
export const chunkCall = entryFunction("chunk", SHAPE.chunk, (x, a: { chunks: number; dim: number }) => chunk(x, a.chunks, a.dim));
export const splitCall = entryFunction("split", SHAPE.split, (x, a: { split_size_or_sections: number | number[]; dim: number }) => split(x, a.split_size_or_sections, a.dim));

/** x.split(split_size, dim): the method names its parameter as torch.split does not. */
export function splitMethod(x: Tensor, args: readonly unknown[]): Tensor[] {
  const a = bindEntry<{ split_size: number | number[]; dim: number }>("split", args, TENSOR_METHODS_SHAPE.split, 0, 1);
  return split(x, a.split_size, a.dim);
}

/** The shape x.view_as(other), x.reshape_as(other) and x.expand_as(other) take: other's. */
export function shapeOfOther(name: "view_as" | "reshape_as" | "expand_as", args: readonly unknown[]): number[] {
  const { other } = bindEntry<{ other: Tensor }>(name, args, TENSOR_METHODS_SHAPE[name], 0, 1);
  checkTensor(name, "other", 1, other);
  return other.shape;
}

export function gather(x: Tensor, dim: number, indexT: Tensor): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const out = Tensor.empty(indexT.shape, x.dtype);
  const idx = contiguousData(indexT), src = contiguousData(x);
  const inner = numelOf(indexT.shape.slice(d + 1)), outer = numelOf(indexT.shape.slice(0, d));
  const srcInner = numelOf(x.shape.slice(d + 1));
  for (let o = 0; o < outer; o++) {
    for (let s = 0; s < indexT.shape[d]; s++) {
      for (let k = 0; k < inner; k++) {
        const at = (o * indexT.shape[d] + s) * inner + k;
        const j = idx[at];
        if (j < 0 || j >= x.shape[d]) throw new RuntimeError(`index ${j} is out of bounds for dimension ${d} with size ${x.shape[d]}`);
        out._data[at] = src[(o * x.shape[d] + j) * srcInner + k];
      }
    }
  }
  return record(out, "GatherBackward0", [x], (g, [index]) => [scatterAlong(x.shape, d, index!, g)], [indexT]);
}

export function toDtype(x: Tensor, dtype: import("../dtype").DType): Tensor {
  if (x.dtype === dtype) return x;
  const out = Tensor.empty(x.shape, dtype);
  const src = contiguousData(x);
  if (dtype.name === "bool") for (let i = 0; i < src.length; i++) out._data[i] = src[i] !== 0 ? 1 : 0;
  else if (!dtype.is_floating_point) for (let i = 0; i < src.length; i++) out._data[i] = Math.trunc(src[i]);
  else out._data.set(src);
  if (!dtype.is_floating_point) return out;
  return record(out, "ToCopyBackward0", [x.dtype.is_floating_point ? x : null], (g) => [g.to(x.dtype)]);
}

