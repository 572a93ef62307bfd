// The shape of an activation's single definition. Everything about an activation lives in its
// own file under activations/: its metadata (read by plots, the "Plot activation" command and the
// guide) and its math (read by the engine). Elementwise activations give their forward and
// backward as expressions, compiled to tight loops; the others compose tensor operations.
import type { Tensor } from "../tensor";
import type { OutSpec } from "../ops/out";

export type ParamValue = number | string | boolean;

export interface ParamSpec {
  name: string;
  /** PyTorch's default; for a `required` parameter only where plots and sliders start. */
  default: ParamValue;
  /** PyTorch gives it no default (F.threshold's threshold and value): calls must pass it. */
  required?: boolean;
  /** How Python shows the value in a module repr ("float" prints 1 as 1.0). */
  type: "float" | "int" | "number" | "bool" | "choice" | "dim";
  description: string;
  /** Range and step for sliders in plots. */
  min?: number;
  max?: number;
  step?: number;
  choices?: string[];
  /** PyTorch's message for a value outside `choices`. */
  choiceError?: string;
  /** Not a shape parameter (inplace): hidden from plots. */
  hidden?: boolean;
}

export type Params = Record<string, ParamValue>;

/** PyTorch's refusal to differentiate in-place ELU or CELU from a result made with a negative alpha. */
export const ELU_NEGATIVE_SLOPE = (n: Record<string, number>): string | null => (n.alpha < 0
  ? "In-place elu backward calculation is triggered with a negative slope which is not supported. This is caused by calling in-place forward function with a negative slope, please call out-of-place version instead."
  : null);

/** PyTorch's `inplace` flag, which many activations take; it changes no value, so plots hide it. */
export const INPLACE: ParamSpec = { name: "inplace", default: false, type: "bool", description: "Overwrite the input instead of allocating the output.", hidden: true };

/**
 * Where PyTorch offers an activation besides torch.nn.functional.<name> and nn.<Module>: a Tensor
 * method (x.relu()) and its in-place form (x.relu_()), torch.<name> and torch.<name>_, and
 * F.<name>_. scripts/gen-activations.mjs makes each of them from the definition.
 */
export type Exposure = "tensor" | "tensor_" | "torch" | "torch_" | "F_";

interface Common {
  /** torch.nn.functional name, e.g. "leaky_relu". */
  name: string;
  /** torch.nn class name, e.g. "LeakyReLU" ("" for none). */
  module: string;
  /** Position in menus and the guide's lists: smaller first. */
  order: number;
  /** PyTorch's other names for it (see Exposure). */
  also?: readonly Exposure[];
  /**
   * PyTorch's keyword-only out= (torch.sigmoid(x, { out: y })), where its functions take it:
   * "torch" for torch.<name>, "F" for F.<name> (F.gelu, which is ATen's own function; F.sigmoid,
   * a Python wrapper, takes none). `spec` says how out= behaves (ops/out.ts); `fn` is the name a
   * wrong out is reported under, when not `name` (F.logsigmoid is ATen's log_sigmoid). Modules,
   * Tensor methods and the in-place forms never take out=.
   */
  out?: { forms: readonly ("torch" | "F")[]; spec: OutSpec; fn?: string };
  /**
   * The functional form when it is not `F.<name>(input, ...parameters)`: PReLU's and APL's take
   * their weights as tensors, heaviside its values. Its parameters without a default are its
   * positional arguments; for out=, it is passed the Dest of its result after them.
   */
  call?: (input: Tensor, ...args: any[]) => Tensor;
  /**
   * The learnable weights the nn module registers as Parameters, made from the constructor's
   * arguments (nn.PReLU's weight, nn.Swish's beta); forward passes them to apply by name.
   */
  weights?: (p: Params) => Record<string, Tensor>;
  /** Human title, e.g. "Leaky ReLU". */
  title: string;
  /** The definition in LaTeX (KaTeX-compatible). */
  latex: string;
  /** One line: what it is for. */
  description: string;
  /** The definition in Unicode, for hovers and completion details (monospace, may span lines). */
  formula: string;
  /**
   * A few lines of TypeScript for the typings' doc comments: a line `expr  // text` says that
   * String(expr) prints `text` (test/unit/doc-examples.test.ts runs them).
   */
  example: string;
  /** The functional form's own parameters, for those with `call` (F.prelu's weight): name → description, in order. */
  callParams?: Readonly<Record<string, string>>;
  params: ParamSpec[];
  /** Which parameters the module repr shows (PyTorch's extra_repr), in order. */
  repr?: string[];
  /** Parameters the module repr shows only when they differ from the default (e.g. inplace). */
  reprIfSet?: string[];
  /** True when the module holds learnable parameters (PReLU, Swish-β, APL). */
  learnable?: boolean;
  /**
   * What its arithmetic is, when it calls no transcendental function: "piecewise-linear" (a
   * select or a product per element: the engine reproduces PyTorch bit for bit) or
   * "float32-rational" (a few float32 operations, rounded step by step as PyTorch does). Either
   * way its SIMD kernel equals the JS expression bit for bit and is memory-bound (work is split
   * into larger chunks).
   */
  arithmetic?: "piecewise-linear" | "float32-rational";
  /** PyTorch's refusal of parameter values it cannot compute with (CELU's alpha = 0), as a message. */
  refuse?: (p: Params) => string | null;
  /** What the nn module's constructor asserts (nn.Hardtanh: max_val > min_val); F does not check it. */
  moduleAssert?: (p: Params) => boolean;
}

/**
 * How integer and bool inputs are treated, as PyTorch's CPU kernels do: computed keeping their
 * dtype (relu, hardtanh), computed in float32 (sigmoid, tanh), or refused naming the kernel.
 */
export type IntegerInputs =
  | { kind: "keep"; boolError: string }
  | { kind: "float32"; boolError?: string }
  | { kind: "refuse"; kernel: string };

/**
 * out[i] = forward(x[i]); grad_in[i] = backward(x[i], y[i], g[i]). Parameters are p.<name>.
 * The backward is written, as in PyTorch's derivatives.yaml, in terms of the input x and/or the
 * result y: the engine keeps for the backward exactly the ones it names. The formulas are
 * compiled into tight loops (ops/codegen.ts), and the build type-checks them as TypeScript
 * functions of exactly those names (activations/generated/formulas.ts).
 */
export interface ElementwiseActivation extends Common {
  kind: "elementwise";
  gradFn: string;
  forward: string | ((p: Params) => string);
  backward: string | ((p: Params) => string);
  /** Numeric values for the expressions (choices become numbers here). */
  numeric?: (p: Params) => Record<string, number>;
  integers: IntegerInputs;
  /**
   * PyTorch's in-place form where it differs: its grad_fn name and, for derivatives.yaml's
   * is_result=True variants (elu_, leaky_relu_), a backward in y and g alone, with the refusal
   * PyTorch makes at backward time for parameters that formula cannot handle. An in-place form
   * whose backward needs the input keeps a copy of it (PyTorch's original_self).
   */
  inplaceForm?: { gradFn: string; backward?: string; refuse?: (n: Record<string, number>) => string | null };
  /**
   * The WebAssembly SIMD kernel computing the same forward and backward over contiguous float32
   * tensors (fwd_<kernel> / bwd_<kernel> in wasm/assembly/activations.ts), and the numbers it
   * takes (up to four, from the numeric parameters). The expressions above stay the definition
   * and the fallback; the kernel must give the same results (test/unit/wasm.test.ts).
   */
  wasm?: { kernel: string | ((p: Params) => string); args?: (n: Record<string, number>) => number[] };
}

/** Built from tensor operations; autograd derives the gradient. */
export interface CompositeActivation extends Common {
  kind: "composite";
  /** As for elementwise activations; composites made of float ops need none. */
  integers?: IntegerInputs;
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => Tensor;
}

export type ActivationDefinition = ElementwiseActivation | CompositeActivation;

export function defaults(def: ActivationDefinition): Params {
  return Object.fromEntries(def.params.map((p) => [p.name, p.default]));
}

/** What the binder takes: the defaults, with `undefined` (required) for parameters PyTorch gives none. */
export function bindingDefaults(def: ActivationDefinition): Record<string, ParamValue | undefined> {
  return Object.fromEntries(def.params.map((p) => [p.name, p.required ? undefined : p.default]));
}
