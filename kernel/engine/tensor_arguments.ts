// Python's argument rules for the Tensor methods written with plain JavaScript parameters
// (x.mul(other), x.exp()): a trailing options object may name PyTorch's parameters
// (x.mul({ other: y })), and an unknown name or an argument too many is PyTorch's TypeError
// rather than silently dropped. (Methods taking `...args` bind their arguments themselves.)
import { Tensor } from "./tensor";
import { bindArgs, checkedOwnArguments, isOptions } from "./args";
import { ApiTable, signaturesOf } from "./api/entry";
import { asMethod } from "./api/declare";
import { TENSOR_METHODS_CONVERSION } from "./api/tables/conversion";
import { TENSOR_METHODS_INPLACE } from "./api/tables/inplace";
import { TENSOR_METHODS_MATH, TORCH_FUNCTIONS_MATH } from "./api/tables/math";
import { TENSOR_METHODS_ARITHMETIC, TORCH_FUNCTIONS_ARITHMETIC } from "./api/tables/arithmetic";
import { TORCH_FUNCTIONS_MISC } from "./api/tables/misc";

/** The tables of API entries (api/tables/) the methods below are declared by. */
const ENTRIES: ReadonlyArray<{ table: ApiTable; isFunction: boolean }> = [
  { table: TENSOR_METHODS_CONVERSION, isFunction: false }, { table: TENSOR_METHODS_INPLACE, isFunction: false },
  { table: TENSOR_METHODS_MATH, isFunction: false }, { table: TENSOR_METHODS_ARITHMETIC, isFunction: false },
  { table: TORCH_FUNCTIONS_MATH, isFunction: true }, { table: TORCH_FUNCTIONS_ARITHMETIC, isFunction: true }, { table: TORCH_FUNCTIONS_MISC, isFunction: true },
];

/**
 * A method's positional parameters after self, from its API entry (a torch function's without
 * the input): those some overload leaves out, or gives a default, end in "?".
 */
function entryParams(name: string): string[] {
  const found = ENTRIES.find(({ table }) => Object.hasOwn(table, name));
  if (!found) throw new Error(`Tensor.${name} has no API entry`);
  const sigs = signaturesOf(found.table[name], name).map((s) => (found.isFunction ? asMethod(s) : s).params.filter((p) => !p.keywordOnly));
  const longest = sigs.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.map((p, i) => (p.optional || sigs.some((s) => s.length <= i) ? `${p.name}?` : p.name));
}

/** The methods with API entries whose JavaScript parameters are PyTorch's (the others take `...args` and bind them themselves). */
const FROM_ENTRIES = [
  "is_contiguous", "is_floating_point", "numel", "nelement", "dim", "element_size", "detach", "detach_", "tolist", "toArray",
  "float", "double", "long", "int", "bool", "cpu", "cuda", "size", "stride",
  "neg", "negative", "neg_", "negative_", "reciprocal", "reciprocal_", "exp", "exp_", "log", "log_", "sqrt", "sqrt_", "rsqrt", "rsqrt_",
  "abs", "abs_", "sign", "sign_", "sin", "sin_", "cos", "cos_", "erf", "erf_", "square", "square_", "zero_", "isnan", "logical_not",
  "mul", "mul_", "true_divide", "pow", "pow_", "maximum", "minimum", "eq", "ne", "gt", "ge", "lt", "le", "logical_and", "logical_or", "equal",
  "masked_fill", "masked_fill_", "fill_", "copy_",
];

/** Each method's parameters after self, in PyTorch's order; a name ending in "?" may be left out. */
const SIGNATURES: Record<string, readonly string[]> = {
  ...Object.fromEntries(FROM_ENTRIES.map((name) => [name, entryParams(name)])),
  t: [], contiguous: [], clone: [], byte: [], retain_grad: [], item: [],
};

/** The arguments as positional ones, checked against the method's parameters. */
function positional(name: string, params: readonly string[], args: unknown[]): unknown[] {
  if (!isOptions(args[args.length - 1]) && args.length <= params.length) return args; // the common case, at no cost
  const names = params.map((p) => p.replace(/\?$/, ""));
  const bound = bindArgs(name, args, Object.fromEntries(params.map((p, i) => [names[i], p.endsWith("?") ? null : undefined])), 1);
  const out = names.map((k) => bound[k] ?? undefined);
  while (out.length && out[out.length - 1] === undefined) out.pop(); // optional ones not given
  return out;
}

/** torch functions named like these methods that are not them with the input first. */
const NOT_METHOD_CALLS = new Set([
  "logical_and", "logical_or", // their errors name `other` as argument 2, the methods' as 1
]);

/**
 * Gives the torch.<name> functions that are these methods with the input first (torch.exp(x) is
 * x.exp()) the same checks; an input that is no tensor goes to the function as it was. Functions
 * that check their own arguments (those taking out=, which the methods do not) stay as they are.
 */
export function withMethodChecks(torch: Record<string, unknown>): void {
  for (const name of Object.keys(SIGNATURES)) {
    const original = torch[name];
    if (typeof original !== "function" || NOT_METHOD_CALLS.has(name) || checkedOwnArguments(original)) continue;
    torch[name] = (input: unknown, ...args: unknown[]) => (input instanceof Tensor
      ? (input as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args)
      : original(input, ...args));
  }
}

for (const [name, params] of Object.entries(SIGNATURES)) {
  const proto = Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const method = proto[name];
  if (typeof method !== "function") throw new Error(`Tensor.${name} is not a method`);
  proto[name] = function (this: Tensor, ...args: unknown[]) { return method.apply(this, positional(name, params, args)); };
}
