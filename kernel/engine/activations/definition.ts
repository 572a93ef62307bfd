// The shape of an activation's single definition. Everything about an activation lives in its
// own file under activations/: its metadata (read by plots, the "Plot activation" command and the
// guide) and its math (read by the engine). Elementwise activations give their forward and
// backward as expressions, compiled to tight loops; the others compose tensor operations.
import type { Tensor } from "../tensor";

export type ParamValue = number | string | boolean;

export interface ParamSpec {
  name: string;
  /** PyTorch's default. */
  default: ParamValue;
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

/** PyTorch's `inplace` flag, which many activations take; it changes no value, so plots hide it. */
export const INPLACE: ParamSpec = { name: "inplace", default: false, type: "bool", description: "Overwrite the input instead of allocating the output.", hidden: true };

interface Common {
  /** torch.nn.functional name, e.g. "leaky_relu". */
  name: string;
  /** torch.nn class name, e.g. "LeakyReLU". */
  module: string;
  /** Human title, e.g. "Leaky ReLU". */
  title: string;
  /** The definition in LaTeX (KaTeX-compatible). */
  latex: string;
  /** One line: what it is for. */
  description: string;
  params: ParamSpec[];
  /** Which parameters the module repr shows (PyTorch's extra_repr), in order. */
  repr?: string[];
  /** Parameters the module repr shows only when they differ from the default (e.g. inplace). */
  reprIfSet?: string[];
  /** True when the module holds learnable parameters (PReLU, Swish-β, APL). */
  learnable?: boolean;
}

/** out[i] = forward(x[i]); grad_in[i] = backward(x[i], y[i], g[i]). Parameters are p.<name>. */
export interface ElementwiseActivation extends Common {
  kind: "elementwise";
  gradFn: string;
  forward: string | ((p: Params) => string);
  backward: string | ((p: Params) => string);
  /** Numeric values for the expressions (choices become numbers here). */
  numeric?: (p: Params) => Record<string, number>;
  /** Whether the backward needs the forward's output y (then it is kept alive). */
  usesOutput?: boolean;
  /** Whether the backward needs the input x. */
  usesInput?: boolean;
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
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => Tensor;
}

export type ActivationDefinition = ElementwiseActivation | CompositeActivation;

export function defaults(def: ActivationDefinition): Params {
  return Object.fromEntries(def.params.map((p) => [p.name, p.default]));
}
