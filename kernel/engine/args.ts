// Every engine function takes PyTorch's parameters positionally, in PyTorch's order, or by
// name in a trailing options object: F.gelu(x, "tanh") and F.gelu(x, { approximate: "tanh" }).
import { Tensor } from "./tensor";
import { RuntimeError } from "./errors";
import { pyTypeName } from "./pyrepr";
import { ApiEntry, signaturesOf } from "./api/entry";
import { bindingSpec } from "./api/signature";

export function isOptions(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || v instanceof Tensor || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * What the last binding accepted, by name (read by test/unit/typed-api.test.ts, which compares
 * every public callable's binder with its typings). Three assignments a call, no allocation.
 */
export const lastBinding: { fn: string; spec: Record<string, unknown>; keywordOnly: Record<string, unknown> | undefined } = { fn: "", spec: {}, keywordOnly: undefined };

/**
 * Binds positional and named arguments to PyTorch's parameter names.
 * `spec` lists the parameters in order with their defaults (undefined = required);
 * `keywordOnly` those that may only be named (Python's parameters after `*`, such as out=).
 */
export function bindArgs<T extends Record<string, unknown>, K extends Record<string, unknown> = Record<never, never>>(
  fn: string, args: readonly unknown[], spec: T, leading = 0, keywordOnly?: K,
): T & K {
  lastBinding.fn = fn; lastBinding.spec = spec; lastBinding.keywordOnly = keywordOnly;
  const names = Object.keys(spec);
  let positional = args;
  let named: Record<string, unknown> = {};
  if (args.length && isOptions(args[args.length - 1])) {
    named = args[args.length - 1] as Record<string, unknown>;
    positional = args.slice(0, -1);
  }
  if (positional.length > names.length) {
    // Python's count includes the parameters before these (`leading`: the input, or self)
    const most = leading + names.length, least = leading + names.filter((k) => spec[k] === undefined).length;
    const given = leading + positional.length;
    throw new TypeError(`${fn}() takes ${least === most ? most : `from ${least} to ${most}`} positional argument${most === 1 ? "" : "s"} but ${given} ${given === 1 ? "was" : "were"} given`);
  }
  const out: Record<string, unknown> = { ...spec, ...keywordOnly };
  positional.forEach((v, i) => { if (v !== undefined) out[names[i]] = v; });
  for (const [k, v] of Object.entries(named)) {
    if (!(k in out)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
    const i = names.indexOf(k);
    if (i < positional.length && positional[i] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
    if (v !== undefined) out[k] = v;
  }
  for (const k of names) {
    if (out[k] === undefined && spec[k] === undefined) throw new TypeError(`${fn}() missing required argument: '${k}'`);
  }
  return out as T & K;
}

/**
 * Binds arguments by an API entry's signature (api/entry.ts): the same text the typings are
 * generated from, so the names, order and defaults a call accepts are the ones it is declared with.
 * `taken`: how many of the signature's parameters the caller took off first (torch.sum's input);
 * `leading`: how many Python counts before `args` in its messages (self too: 1 for a constructor).
 */
export function bindEntry<T extends Record<string, unknown>>(fn: string, args: readonly unknown[], entry: ApiEntry, taken = 0, leading = taken, overload = 0): T {
  const { spec, keywordOnly } = specOf(entry, fn, taken, overload);
  return bindArgs(fn, args, spec, leading, keywordOnly) as unknown as T;
}

/** Each entry's binder specs, made once (a training step binds thousands of calls). */
const specCache = new WeakMap<ApiEntry, Map<number, ReturnType<typeof bindingSpec>>>();
function specOf(entry: ApiEntry, fn: string, taken: number, overload: number): ReturnType<typeof bindingSpec> {
  let byForm = specCache.get(entry);
  if (!byForm) specCache.set(entry, byForm = new Map());
  const key = overload * 64 + taken;
  let found = byForm.get(key);
  if (!found) byForm.set(key, found = bindingSpec(signaturesOf(entry, fn)[overload], taken));
  return found;
}

/**
 * Marks functions that bind all their arguments themselves (the torch functions that take out=):
 * the torch namespace uses them as they are, not through their Tensor methods' checks. (A
 * property rather than a set of this module's: the ops mark theirs while modules are loading.)
 */
export function checksOwnArguments(...fns: Array<(...args: never[]) => unknown>): void {
  for (const f of fns) Object.defineProperty(f, Symbol.for("actnb.checksOwnArguments"), { value: true });
}
export function checkedOwnArguments(f: unknown): boolean {
  return typeof f === "function" && (f as unknown as Record<symbol, unknown>)[Symbol.for("actnb.checksOwnArguments")] === true;
}

/**
 * PyTorch's TypeError when no overload of `fn` takes the arguments: their types ("Tensor",
 * "int", keywords as "out=Tensor"), then each overload (`signatures`: PyTorch's text for them,
 * one a line, with its "didn't match" remarks where PyTorch prints them).
 */
export function invalidCombination(fn: string, args: readonly unknown[], signatures: readonly string[]): TypeError {
  const named = args.length && isOptions(args[args.length - 1]) ? args[args.length - 1] as Record<string, unknown> : null;
  const positional = named ? args.slice(0, -1) : args;
  const got = [...positional.map(pyTypeName), ...Object.entries(named ?? {}).map(([k, v]) => `${k}=${pyTypeName(v)}`)];
  return new TypeError(`${fn}() received an invalid combination of arguments - got (${got.join(", ")}), but expected one of:\n${signatures.map((s) => `${s}\n`).join("")}`);
}

/** Sizes given as torch.zeros(2, 3) or torch.zeros([2, 3]); returns the sizes and the remaining args. */
export function splitSizes(fn: string, args: readonly unknown[]): { size: number[]; rest: unknown[] } {
  if (args.length && Array.isArray(args[0])) return { size: checkSizes(fn, args[0] as unknown[]), rest: args.slice(1) };
  let i = 0;
  while (i < args.length && typeof args[i] === "number") i++;
  if (i === 1 && !Number.isInteger(args[0])) throw new TypeError(`${fn}(): argument 'size' (position 1) must be tuple of SymInts, not float`);
  return { size: checkSizes(fn, args.slice(0, i)), rest: args.slice(i) };
}

/** A tensor's sizes as PyTorch checks them: integers (SymInts), none negative. */
export function checkSizes(fn: string, sizes: readonly unknown[]): number[] {
  sizes.forEach((s, i) => {
    if (typeof s !== "number" || !Number.isInteger(s)) {
      throw new TypeError(`${fn}(): argument 'size' must be tuple of SymInts, but found element of type ${pyTypeName(s)} at pos ${i + 1}`);
    }
  });
  for (const s of sizes as number[]) {
    if (s < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${s}: [${sizes.join(", ")}]`);
  }
  return sizes as number[];
}

/** A tensor argument; anything else is PyTorch's TypeError. */
export function checkTensor(fn: string, name: string, position: number, v: unknown): void {
  if (!(v instanceof Tensor)) throw new TypeError(`${fn}(): argument '${name}' (position ${position}) must be Tensor, not ${pyTypeName(v)}`);
}

/** A number operand (PyTorch's Scalar) or a tensor; anything else is PyTorch's TypeError. */
export function checkOperand(fn: string, name: string, position: number, v: unknown): void {
  if (v instanceof Tensor || typeof v === "number" || typeof v === "boolean") return;
  throw new TypeError(`${fn}(): argument '${name}' (position ${position}) must be Tensor, not ${pyTypeName(v)}`);
}

export function checkNumber(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${fn}(): argument '${name}' must be Number, not ${v === null ? "None" : typeof v}`);
  return v;
}
