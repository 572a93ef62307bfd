// An activation's curve and its derivative, computed by the engine: the forward from the
// activation's single definition, the derivative by autograd (backward of ones), never by a
// hand-written formula.
import { torch, Tensor, getActivation } from "../engine";
import type { ActivationDefinition, Params } from "../engine";
import { applyActivation, checkParams } from "../engine/activations/apply";
import { defaults } from "../engine/activations/definition";
import { fmt } from "./format";

/** An activation to plot. */
export type ActivationSpec =
  /** A name: "gelu", "leaky_relu" or the module name "LeakyReLU". */
  | string
  /** A definition from ACTIVATIONS. */
  | ActivationDefinition
  /** A name with some of the definition's parameters, e.g. { name: "leaky_relu", params: { negative_slope: 0.2 } }. */
  | { name: string; params?: Partial<Params>; label?: string }
  /** Any differentiable function of a tensor (a trained module, a composition). */
  | { fn: (x: Tensor) => Tensor; label: string };

/** How an activation is run on the grid. */
export interface ResolvedActivation {
  label: string;
  /** The definition, when the activation comes from one. */
  def?: ActivationDefinition;
  params?: Params;
  fn: (x: Tensor) => Tensor;
  /** A remark for the text fallback (e.g. how softmax is reduced to one variable). */
  remark?: string;
}

export interface Curve {
  label: string;
  x: number[];
  f: number[];
  /** f'(x) from autograd, or null when PyTorch defines no derivative. */
  df: number[] | null;
  /** Why there is no derivative (the backward's error message). */
  noDerivative?: string;
  remark?: string;
}

/** The symbol a parameter goes by in its description (α, β, …), else its name. */
function symbolOf(def: ActivationDefinition, name: string): string {
  const spec = def.params.find((p) => p.name === name);
  const greek = spec?.description.match(/[α-ω]/);
  return greek ? greek[0] : name;
}

function describeParams(def: ActivationDefinition, given: Partial<Params>): string {
  const shown = def.params.filter((p) => !p.hidden && p.name in given && given[p.name] !== undefined);
  if (!shown.length) return "";
  const parts = shown.map((p) => {
    const v = given[p.name];
    return `${symbolOf(def, p.name)} = ${typeof v === "number" ? fmt(v) : String(v)}`;
  });
  return ` (${parts.join(", ")})`;
}

function isDefinition(a: unknown): a is ActivationDefinition {
  return typeof a === "object" && a !== null && "kind" in a && "module" in a && "params" in a && "name" in a;
}

/** The dimension-reducing activations, plotted as the first output over the pair [x, 0]. */
function isNormalizing(def: ActivationDefinition): boolean {
  return def.params.some((p) => p.type === "dim");
}

/**
 * What a plot's activation argument names: a definition's name ("gelu"), module name ("GELU"),
 * `{ name, params }`, a definition itself or `{ fn, label }` for a function of your own, resolved
 * to the function the plots evaluate and its label.
 */
export function resolveActivation(a: ActivationSpec): ResolvedActivation {
  if (typeof a === "object" && a !== null && "fn" in a) {
    if (typeof a.fn !== "function") throw new TypeError("activationPlot: 'fn' must be a function of a tensor");
    return { label: a.label, fn: a.fn };
  }
  let def: ActivationDefinition;
  let given: Partial<Params> = {};
  let label: string | undefined;
  if (typeof a === "string") def = getActivation(a);
  else if (isDefinition(a)) def = a;
  else if (typeof a === "object" && a !== null && typeof (a as { name?: unknown }).name === "string") {
    def = getActivation(a.name);
    given = { ...(a.params ?? {}) };
    label = a.label;
  } else {
    throw new TypeError(`activationPlot: expected an activation name, a definition or { name, params }, got ${typeof a}`);
  }
  for (const k of Object.keys(given)) {
    if (!def.params.some((p) => p.name === k)) {
      const known = def.params.filter((p) => !p.hidden).map((p) => p.name);
      throw new RangeError(`${def.name} has no parameter '${k}'; its parameters: ${known.length ? known.join(", ") : "(none)"}`);
    }
  }
  const params: Params = { ...defaults(def), ...(given as Params) };
  // the grid is a leaf that requires grad: never overwrite it in place
  if ("inplace" in params) params.inplace = false;
  checkParams(def, params, new Set(Object.keys(given)));
  if (isNormalizing(def)) {
    const p = { ...params, dim: 1 };
    return {
      label: label ?? `${def.title}([x, 0])₀`,
      def, params,
      fn: (x) => applyActivation(def, torch.stack([x, torch.zeros_like(x)], 1), p).select(1, 0),
      remark: `${def.title} is not elementwise: plotted is the first output of ${def.name}([x, 0]) over dim 1 (two classes, one score fixed at 0).`,
    };
  }
  return { label: label ?? def.title + describeParams(def, given), def, params, fn: (x) => applyActivation(def, x, params) };
}

export interface GridOptions {
  x: readonly [number, number];
  points: number;
  dtype: "float32" | "float64";
}

/** Runs the activation on torch.linspace and differentiates it by autograd. */
export function computeCurve(act: ResolvedActivation, grid: GridOptions): Curve {
  const [lo, hi] = grid.x;
  const dtype = grid.dtype === "float64" ? torch.float64 : torch.float32;
  return torch.enable_grad(() => {
    const x = torch.linspace(lo, hi, grid.points, { dtype, requires_grad: true });
    const y = act.fn(x);
    if (!(y instanceof Tensor)) throw new TypeError(`activationPlot: ${act.label} did not return a tensor`);
    if (y.numel() !== x.numel()) {
      throw new RangeError(`activationPlot: ${act.label} returned ${y.numel()} values for ${x.numel()} inputs (it must be elementwise)`);
    }
    const f = Array.from(y.toArray(), Number);
    const xs = Array.from(x.toArray(), Number);
    let df: number[] | null = null;
    let noDerivative: string | undefined;
    if (!y.requires_grad) {
      noDerivative = "the output does not depend on x through autograd";
    } else {
      try {
        y.backward(torch.ones_like(y));
        const g = x.grad as Tensor | null;
        if (g === null) noDerivative = "autograd produced no gradient for x";
        else df = Array.from(g.toArray(), Number);
      } catch (e) {
        noDerivative = `PyTorch's backward raises "${e instanceof Error ? e.message : String(e)}"`;
      }
    }
    return { label: act.label, x: xs, f, df, noDerivative, remark: act.remark };
  });
}
