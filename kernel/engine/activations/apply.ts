// Turns an activation definition into a differentiable function over tensors.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindArgs, isOptions } from "../args";
import { RuntimeError } from "../errors";
import { DType, bool, float32 } from "../dtype";
import { elementwise } from "../ops/elementwise";
import { inplaceFrom } from "../ops/inplace";
import { activationBackward } from "../wasm/ops";
import { activationForward } from "../wasm/ops";
import { Dest, OUT, fresh, writeOut } from "../ops/out";
import { ActivationDefinition, ElementwiseActivation, Params, bindingDefaults } from "./definition";

const ARG_KIND = { float: "Number", int: "int", number: "Number", bool: "bool", choice: "str", dim: "int" } as const;

/**
 * Checks parameter types as PyTorch's argument parser does; a parameter given positionally is
 * named with its position, one given by keyword is not.
 */
export function checkParams(def: ActivationDefinition, p: Params, byKeyword: ReadonlySet<string> = new Set()): void {
  def.params.forEach((spec, i) => {
    const v = p[spec.name];
    const ok = spec.type === "bool" ? typeof v === "boolean"
      : spec.type === "choice" ? typeof v === "string"
      : spec.type === "dim" ? v === null || Number.isInteger(v)
      : typeof v === "number" && (spec.type !== "int" || Number.isInteger(v));
    if (!ok) {
      const got = v === null ? "NoneType" : typeof v === "string" ? "str" : typeof v === "boolean" ? "bool" : typeof v === "number" ? "float" : typeof v;
      const position = byKeyword.has(spec.name) ? "" : ` (position ${i + 2})`;
      throw new TypeError(`${def.name}(): argument '${spec.name}'${position} must be ${ARG_KIND[spec.type]}, not ${got}`);
    }
    if (spec.type === "choice" && spec.choices && !spec.choices.includes(v as string)) {
      throw new RuntimeError(spec.choiceError ?? `${def.name}(): argument '${spec.name}' must be one of ${spec.choices.map((c) => `'${c}'`).join(", ")}, got '${v}'`);
    }
  });
}

/**
 * Numbers the expressions see; float32 tensors see float32-rounded parameters, as in PyTorch,
 * and p.single says whether the computation is float32 (for PyTorch's float32-only behaviour).
 */
function numericParams(def: ElementwiseActivation, p: Params, x: Tensor): Record<string, number> {
  const raw = def.numeric ? def.numeric(p) : Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  if (x.dtype !== float32) return { ...raw, single: 0 };
  return { ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Math.fround(v)])), single: 1 };
}

function expression(e: string | ((p: Params) => string), p: Params): string {
  return typeof e === "function" ? e(p) : e;
}

/** Whether a derivative expression reads the input x or the result y: what its backward must keep (per expression, once). */
const readsCache = new Map<string, { x: boolean; y: boolean }>();
function reads(expr: string, name: "x" | "y"): boolean {
  let r = readsCache.get(expr);
  if (!r) readsCache.set(expr, r = { x: /\bx\b/.test(expr), y: /\by\b/.test(expr) });
  return r[name];
}

/** The output dtype for x, or PyTorch's refusal of x's dtype. */
function outputDtype(def: ActivationDefinition, x: Tensor): DType {
  if (x.dtype.is_floating_point) return x.dtype;
  const rule = def.integers;
  if (!rule) return float32;
  if (rule.kind === "refuse") throw new RuntimeError(`"${rule.kernel}" not implemented for '${x.dtype.scalarType}'`);
  if (x.dtype === bool && rule.boolError) throw new RuntimeError(rule.boolError);
  return rule.kind === "keep" ? x.dtype : float32;
}

function applyElementwise(def: ElementwiseActivation, x: Tensor, p: Params, inplace: boolean, dest: Dest): Tensor {
  const numeric = numericParams(def, p, x);
  const dtype = outputDtype(def, x);
  // The SIMD kernel when there is one and x suits it (else null), the compiled expression otherwise.
  const kernel = def.wasm ? (typeof def.wasm.kernel === "function" ? def.wasm.kernel(p) : def.wasm.kernel) : null;
  const args = kernel && def.wasm!.args ? def.wasm!.args(numeric) : [];
  const forward = expression(def.forward, p);
  // memory-bound kernels (no transcendental function) take larger chunks per thread
  const cheap = def.arithmetic !== undefined;
  const out = (kernel && activationForward(kernel, x, args, cheap, dest))
    || elementwise(["x"], dtype.is_floating_point ? forward : `Math.trunc(${forward})`, [x], dtype, numeric, undefined, dest);
  const form = inplace ? def.inplaceForm ?? null : null;
  const fromResult = form?.backward !== undefined;
  const backward = form?.backward ?? expression(def.backward, p);
  const saved = [reads(backward, "x") ? x : null, reads(backward, "y") ? out : null];
  const result = record(out, form?.gradFn ?? def.gradFn, [x], (g, [self, y]) => {
    // a backward that reads only one of x and y is handed that one in both places
    const xs = self ?? y!, ys = y ?? self!;
    return [(!fromResult && kernel && activationBackward(kernel, xs, ys, g, args, cheap)) || elementwise(["x", "y", "g"], backward, [xs, ys, g], g.dtype, numeric)];
  }, saved);
  const refusal = form?.refuse?.(numeric);
  if (refusal && result.grad_fn) result.grad_fn.backwardCheck = () => { throw new RuntimeError(refusal); };
  return result;
}

/**
 * Runs an activation with fully bound parameters (no argument parsing); `inplace` writes the
 * result into x. An elementwise activation's result goes where `dest` says (out=).
 */
export function applyActivation(def: ActivationDefinition, x: Tensor, p: Params, weights?: Record<string, Tensor>, dest: Dest = fresh): Tensor {
  const inplace = p.inplace === true;
  const refusal = def.refuse?.(p);
  if (refusal) throw new RuntimeError(refusal);
  const compute = () => {
    if (def.kind === "elementwise") return applyElementwise(def, x, p, inplace, dest);
    outputDtype(def, x);
    return def.apply(x, p, weights);
  };
  return inplace ? inplaceFrom(x, compute) : compute();
}

/** A torch.nn.functional activation: the input, then PyTorch's parameters. */
export type Activation = (input: Tensor, ...args: any[]) => Tensor;

/**
 * F.<name>: the definition's own call (PReLU's weight), else the input and its parameters;
 * `withOut` for the forms that take out= (the definition's `out`).
 */
export function functionalOf(def: ActivationDefinition, withOut = false): Activation {
  const call = def.call;
  if (!call) return functional(def, withOut);
  // a call's own parameters are tensors, given positionally: anything more is an error
  return (input: Tensor, ...args: unknown[]) => {
    const named = isOptions(args[args.length - 1]) ? args.pop() as Record<string, unknown> : null;
    if (args.length > call.length - 1) {
      throw new TypeError(`${def.name}() takes ${call.length} positional arguments but ${args.length + 1} were given`);
    }
    const { out = null } = bindArgs(def.name, named ? [named] : [], {}, 0, withOut ? OUT : {}) as { out?: unknown };
    return out === null ? call(input, ...args) : writeOut(def.out!.fn ?? def.name, def.out!.spec, out, [input, ...args], (dest) => call(input, ...args, dest));
  };
}

/** The definition without its inplace flag: what a Tensor method binds (x.relu() takes none, as in PyTorch). */
export function withoutInplace(def: ActivationDefinition): ActivationDefinition {
  return { ...def, params: def.params.filter((p) => p.name !== "inplace") };
}

/** F.<name>_ (F.relu_, F.elu_): the activation with inplace=True, which the caller may not pass. */
export function inplaceFunctionalOf(def: ActivationDefinition): Activation {
  const f = functional(def);
  return (x: Tensor, ...args: unknown[]) => {
    const last = args[args.length - 1];
    if (!isOptions(last)) return f(x, ...args, { inplace: true });
    if ("inplace" in last) throw new TypeError(`${def.name}_() got an unexpected keyword argument 'inplace'`);
    return f(x, ...args.slice(0, -1), { ...last, inplace: true });
  };
}

/** x.sigmoid_() for an activation without an inplace parameter: computed, then written into x. */
export function inplaceMethodOf(f: Activation): Activation {
  return (x: Tensor, ...args: unknown[]) => inplaceFrom(x, () => f(x, ...args));
}

/** The torch.nn.functional form: F.leaky_relu(x, 0.2) or F.leaky_relu(x, { negative_slope: 0.2 }); `withOut` for out=. */
export function functional(def: ActivationDefinition, withOut = false): (input: Tensor, ...args: unknown[]) => Tensor {
  const spec = bindingDefaults(def);
  return (input: Tensor, ...args: unknown[]) => {
    if (!(input instanceof Tensor)) throw new TypeError(`${def.name}(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
    const { out = null, ...p } = bindArgs(def.name, args, spec, 1, withOut ? OUT : {}) as Params & { out?: unknown };
    const last = args[args.length - 1];
    checkParams(def, p, new Set(isOptions(last) ? Object.keys(last) : []));
    if (out === null) return applyActivation(def, input, p);
    return writeOut(def.out!.fn ?? def.name, def.out!.spec, out, [input], (dest) => applyActivation(def, input, p, undefined, dest));
  };
}
