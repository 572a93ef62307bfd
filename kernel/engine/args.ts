// Every engine function takes PyTorch's parameters positionally, in PyTorch's order, or by
// name in a trailing options object: F.gelu(x, "tanh") and F.gelu(x, { approximate: "tanh" }).
import { Tensor } from "./tensor";

export function isOptions(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || v instanceof Tensor || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Binds positional and named arguments to PyTorch's parameter names.
 * `spec` lists the parameters in order with their defaults (undefined = required).
 */
export function bindArgs<T extends Record<string, unknown>>(fn: string, args: readonly unknown[], spec: T): T {
  const names = Object.keys(spec);
  let positional = args;
  let named: Record<string, unknown> = {};
  if (args.length && isOptions(args[args.length - 1])) {
    named = args[args.length - 1] as Record<string, unknown>;
    positional = args.slice(0, -1);
  }
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes ${names.length} positional argument${names.length === 1 ? "" : "s"} but ${positional.length} were given`);
  }
  const out: Record<string, unknown> = { ...spec };
  positional.forEach((v, i) => { if (v !== undefined) out[names[i]] = v; });
  for (const [k, v] of Object.entries(named)) {
    if (!(k in spec)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
    const i = names.indexOf(k);
    if (i < positional.length && positional[i] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
    if (v !== undefined) out[k] = v;
  }
  for (const k of names) {
    if (out[k] === undefined && spec[k] === undefined) throw new TypeError(`${fn}() missing required argument: '${k}'`);
  }
  return out as T;
}

/** Sizes given as torch.zeros(2, 3) or torch.zeros([2, 3]); returns the sizes and the remaining args. */
export function splitSizes(fn: string, args: readonly unknown[]): { size: number[]; rest: unknown[] } {
  if (args.length && Array.isArray(args[0])) return { size: checkSizes(fn, args[0] as unknown[]), rest: args.slice(1) };
  let i = 0;
  while (i < args.length && typeof args[i] === "number") i++;
  return { size: checkSizes(fn, args.slice(0, i)), rest: args.slice(i) };
}

function checkSizes(fn: string, sizes: unknown[]): number[] {
  for (const s of sizes) {
    if (typeof s !== "number" || !Number.isInteger(s)) throw new TypeError(`${fn}(): argument 'size' must be a sequence of ints, but found element of type ${typeof s}`);
    if (s < 0) throw new Error(`Trying to create tensor with negative dimension ${s}: [${sizes.join(", ")}]`);
  }
  return sizes as number[];
}

export function checkNumber(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${fn}(): argument '${name}' must be Number, not ${v === null ? "None" : typeof v}`);
  return v;
}
