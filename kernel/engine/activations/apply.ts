// Turns an activation definition into a differentiable function over tensors.
import { Tensor } from "../tensor";
import { record } from "../autograd/node";
import { bindArgs, isOptions } from "../args";
import { RuntimeError } from "../errors";
import { float32 } from "../dtype";
import { elementwise } from "../ops/elementwise";
import { inplace } from "../ops/inplace";
import { activationForward, activationBackward } from "../wasm/ops";
import { ActivationDefinition, ElementwiseActivation, Params, defaults } from "./definition";

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

/** Numbers the expressions see; float32 tensors see float32-rounded parameters, as in PyTorch. */
function numericParams(def: ElementwiseActivation, p: Params, x: Tensor): Record<string, number> {
  const raw = def.numeric ? def.numeric(p) : Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  if (x.dtype !== float32) return raw;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Math.fround(v)]));
}

function expression(e: string | ((p: Params) => string), p: Params): string {
  return typeof e === "function" ? e(p) : e;
}

function applyElementwise(def: ElementwiseActivation, x: Tensor, p: Params): Tensor {
  const numeric = numericParams(def, p, x);
  const dtype = x.dtype.is_floating_point ? x.dtype : float32;
  // The SIMD kernel when there is one and x suits it (else null), the compiled expression otherwise.
  const kernel = def.wasm ? (typeof def.wasm.kernel === "function" ? def.wasm.kernel(p) : def.wasm.kernel) : null;
  const args = kernel && def.wasm!.args ? def.wasm!.args(numeric) : [];
  const out = (kernel && activationForward(kernel, x, args)) || elementwise(["x"], expression(def.forward, p), [x], dtype, numeric);
  const backward = expression(def.backward, p);
  return record(out, def.gradFn, [x], (g) => [
    (kernel && activationBackward(kernel, x, out, g, args)) || elementwise(["x", "y", "g"], backward, [x, out, g], g.dtype, numeric),
  ]);
}

/** Runs an activation with fully bound parameters (no argument parsing). */
export function applyActivation(def: ActivationDefinition, x: Tensor, p: Params, weights?: Record<string, Tensor>): Tensor {
  const result = def.kind === "elementwise" ? applyElementwise(def, x, p) : def.apply(x, p, weights);
  return p.inplace === true ? inplace(x, result) : result;
}

/** The torch.nn.functional form: F.leaky_relu(x, 0.2) or F.leaky_relu(x, { negative_slope: 0.2 }). */
export function functional(def: ActivationDefinition): (input: Tensor, ...args: unknown[]) => Tensor {
  const spec = defaults(def);
  return (input: Tensor, ...args: unknown[]) => {
    if (!(input instanceof Tensor)) throw new TypeError(`${def.name}(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
    const p = bindArgs(def.name, args, spec);
    const last = args[args.length - 1];
    checkParams(def, p, new Set(isOptions(last) ? Object.keys(last) : []));
    return applyActivation(def, input, p);
  };
}
