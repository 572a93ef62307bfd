// Python's argument rules for the Tensor methods written with plain JavaScript parameters
// (x.mul(other), x.exp()): a trailing options object may name PyTorch's parameters
// (x.mul({ other: y })), and an unknown name or an argument too many is PyTorch's TypeError
// rather than silently dropped. (Methods taking `...args` bind their arguments themselves.)
import { Tensor } from "./tensor";
import { bindArgs, checkedOwnArguments, isOptions } from "./args";

/** Each method's parameters after self, in PyTorch's order; a name ending in "?" may be left out. */
const SIGNATURES: Record<string, readonly string[]> = {
  // no parameters
  is_contiguous: [], is_floating_point: [], numel: [], nelement: [], dim: [], element_size: [],
  detach: [], detach_: [], tolist: [], toArray: [], float: [], double: [], long: [], int: [], bool: [], cpu: [],
  neg: [], negative: [], neg_: [], negative_: [], reciprocal: [], reciprocal_: [], exp: [], exp_: [],
  log: [], log_: [], sqrt: [], sqrt_: [], rsqrt: [], rsqrt_: [], abs: [], abs_: [], sign: [], sign_: [],
  sin: [], sin_: [], cos: [], cos_: [], erf: [], erf_: [], square: [], square_: [], zero_: [],
  isnan: [], logical_not: [], t: [], contiguous: [], clone: [], cuda: ["device?", "non_blocking?"],
  // one or two
  requires_grad_: ["requires_grad?"], size: ["dim?"], stride: ["dim?"], type: ["dtype?"],
  mul: ["other"], mul_: ["other"], true_divide: ["other"], pow: ["exponent"], pow_: ["exponent"],
  maximum: ["other"], minimum: ["other"],
  eq: ["other"], ne: ["other"], gt: ["other"], ge: ["other"], lt: ["other"], le: ["other"],
  logical_and: ["other"], logical_or: ["other"], equal: ["other"],
  masked_fill: ["mask", "value"], masked_fill_: ["mask", "value"],
  fill_: ["value"], copy_: ["src", "non_blocking?"],
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
