// The nested-bracket layout of torch._tensor_str: _tensor_str, _tensor_str_with_formatter,
// _vector_str and get_summarized_data, over a contiguous row-major array.
import { Formatter } from "./formatter";
import { PrintOptions } from "./types";

/** A sub-block of a contiguous row-major array: the elements under one index prefix. */
interface Block {
  readonly data: readonly number[];
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** block[i] */
function sub(b: Block, i: number): Block {
  return { data: b.data, offset: b.offset + i * b.strides[0], shape: b.shape.slice(1), strides: b.strides.slice(1) };
}

/** The index range [lo, hi) that Python's seq[start:stop] selects from a sequence of length n. */
function pySlice(n: number, start: number | undefined, stop: number | undefined): [number, number] {
  const clamp = (v: number) => (v < 0 ? Math.max(0, n + v) : Math.min(v, n));
  const lo = start === undefined ? 0 : clamp(start);
  const hi = stop === undefined ? n : clamp(stop);
  return [lo, Math.max(lo, hi)];
}

/** Python's range(lo, hi) as an array. */
function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i < hi; i++) out.push(i);
  return out;
}

/** Indices of dim 0 that get_summarized_data keeps (a 1-d block uses slicing, n-d uses range). */
function summarizedRows(n: number, dim: number, edgeitems: number): number[] {
  if (n <= 2 * edgeitems) return range(0, n);
  if (dim === 1) {
    const [a0, a1] = pySlice(n, undefined, edgeitems);
    const [b0, b1] = pySlice(n, -edgeitems, undefined);
    return range(a0, a1).concat(range(b0, b1));
  }
  return range(0, edgeitems).concat(range(n - edgeitems, n));
}

/** The values get_summarized_data keeps, in order (all of them when not summarizing). */
function collectValues(b: Block, summarize: boolean, edgeitems: number, out: number[]): void {
  if (b.shape.length === 0) {
    out.push(b.data[b.offset]);
    return;
  }
  const n = b.shape[0];
  const rows = summarize ? summarizedRows(n, b.shape.length, edgeitems) : range(0, n);
  if (b.shape.length === 1) {
    for (const i of rows) out.push(b.data[b.offset + i * b.strides[0]]);
    return;
  }
  for (const i of rows) collectValues(sub(b, i), summarize, edgeitems, out);
}

function vectorStr(b: Block, indent: number, summarize: boolean, fmt: Formatter, opts: PrintOptions): string {
  // length includes spaces and comma between elements
  const elementLength = fmt.width() + 2;
  const elementsPerLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const n = b.shape[0];
  const at = (i: number) => fmt.format(b.data[b.offset + i * b.strides[0]]);
  let items: string[];
  if (summarize && n > 2 * opts.edgeitems) {
    const [a0, a1] = pySlice(n, undefined, opts.edgeitems);
    const [b0, b1] = pySlice(n, -opts.edgeitems, undefined);
    items = range(a0, a1).map(at).concat([" ..."], range(b0, b1).map(at));
  } else {
    items = range(0, n).map(at);
  }
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += elementsPerLine) lines.push(items.slice(i, i + elementsPerLine).join(", "));
  return "[" + lines.join(",\n" + " ".repeat(indent + 1)) + "]";
}

function strWithFormatter(b: Block, indent: number, summarize: boolean, fmt: Formatter, opts: PrintOptions): string {
  const dim = b.shape.length;
  if (dim === 0) return fmt.format(b.data[b.offset]);
  if (dim === 1) return vectorStr(b, indent, summarize, fmt, opts);
  const n = b.shape[0];
  const block = (i: number) => strWithFormatter(sub(b, i), indent + 1, summarize, fmt, opts);
  let slices: string[];
  if (summarize && n > 2 * opts.edgeitems) {
    slices = range(0, opts.edgeitems).map(block).concat(["..."], range(n - opts.edgeitems, n).map(block));
  } else {
    slices = range(0, n).map(block);
  }
  return "[" + slices.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1)) + "]";
}

/**
 * torch._tensor_str._tensor_str: the bracketed contents, for a tensor whose "tensor(" prefix is
 * `indent` characters wide. values must already be Python's view of the elements (float32 as
 * its widened double, bool as 0/1).
 */
export function tensorStr(
  values: readonly number[],
  shape: readonly number[],
  floating: boolean,
  isBool: boolean,
  indent: number,
  opts: PrintOptions,
): string {
  if (values.length === 0) return "[]";
  const summarize = values.length > opts.threshold;
  const root: Block = { data: values, offset: 0, shape, strides: rowMajorStrides(shape) };
  let fitted: readonly number[] = values;
  if (summarize) {
    const kept: number[] = [];
    collectValues(root, true, opts.edgeitems, kept);
    fitted = kept;
  }
  const fmt = new Formatter(fitted, floating, isBool, opts);
  return strWithFormatter(root, indent, summarize, fmt, opts);
}
