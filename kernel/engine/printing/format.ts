// formatTensor: torch._tensor_str._str_intern (plus nn.Parameter.__repr__) for CPU, strided,
// dense tensors of the engine's dtypes, with torch.float32 as the default dtype.
import { tensorStr } from "./layout";
import { resolveOptions } from "./options";
import { PrintableTensor, PrintOptions } from "./types";

/** Dtypes whose non-empty tensors print without a dtype= suffix. */
const IMPLIED_DTYPES = new Set(["float32", "int64", "bool"]);
const DEFAULT_DTYPE = "float32";

/** Python's str(tuple(shape)). */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** torch._tensor_str._add_suffixes. */
function addSuffixes(tensorText: string, suffixes: readonly string[], indent: number, linewidth: number): string {
  const parts = [tensorText];
  // Same arithmetic as PyTorch (which counts 2 too many when there is no newline).
  let lastLineLen = tensorText.length - tensorText.lastIndexOf("\n") + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(",\n" + " ".repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(", " + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(")");
  return parts.join("");
}

/** Python's view of each element: float32 widened to double, bool as 0/1, ints as given. */
function pythonValues(t: PrintableTensor, numel: number): number[] {
  const out = new Array<number>(numel);
  const d = t.data;
  if (t.dtype === "float32") for (let i = 0; i < numel; i++) out[i] = Math.fround(d[i]);
  else if (t.dtype === "bool") for (let i = 0; i < numel; i++) out[i] = d[i] ? 1 : 0;
  else for (let i = 0; i < numel; i++) out[i] = d[i];
  return out;
}

/** str(t) as PyTorch 1.13 prints it; options override the global print options for this call. */
export function formatTensor(t: PrintableTensor, options?: Partial<PrintOptions>): string {
  const opts = resolveOptions(options);
  const shape = t.shape;
  let numel = 1;
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) throw new Error(`formatTensor: invalid shape [${shape.join(", ")}]`);
    numel *= s;
  }
  if (t.data.length !== numel) {
    throw new Error(`formatTensor: shape [${shape.join(", ")}] has ${numel} elements but data has ${t.data.length}`);
  }

  const prefix = "tensor(";
  const indent = prefix.length;
  const suffixes: string[] = [];
  let body: string;
  if (numel === 0) {
    // Print the shape unless it is (0,), like NumPy; an empty tensor shows any non-default dtype.
    if (shape.length !== 1) suffixes.push("size=" + pyTuple(shape));
    if (t.dtype !== DEFAULT_DTYPE) suffixes.push(`dtype=torch.${t.dtype}`);
    body = "[]";
  } else {
    if (!IMPLIED_DTYPES.has(t.dtype)) suffixes.push(`dtype=torch.${t.dtype}`);
    const floating = t.dtype === "float32" || t.dtype === "float64";
    body = tensorStr(pythonValues(t, numel), shape, floating, t.dtype === "bool", indent, opts);
  }

  const requiresGrad = t.requires_grad ?? t.is_parameter === true;
  if (t.grad_fn != null) suffixes.push(`grad_fn=<${t.grad_fn}>`);
  else if (requiresGrad) suffixes.push("requires_grad=True");

  const repr = addSuffixes(prefix + body, suffixes, indent, opts.linewidth);
  return t.is_parameter ? "Parameter containing:\n" + repr : repr;
}
