// A node of the backward graph: PyTorch's grad_fn. It knows nothing about the op that made it:
// the op hands it a closure that maps the output's gradient to the inputs' gradients, and the
// tensors that closure needs (PyTorch's SavedVariables). The node hands the closure those
// tensors back at backward time, after checking that no in-place operation has changed them
// since (their version counters), so a gradient is never computed from overwritten values.
import type { Tensor } from "../tensor";
import type { DType } from "../dtype";
import { RuntimeError } from "../errors";
import { is_grad_enabled } from "./grad_mode";

/** Maps the output's gradient (and the saved tensors, in the order they were saved) to the inputs' gradients. */
export type BackwardFn = (gradOutput: Tensor, saved: Array<Tensor | null>) => ReadonlyArray<Tensor | null | undefined>;

/** Where an input's gradient goes: the node that produced it, or the leaf that accumulates it. */
export type Edge = { node: Node; leaf?: undefined } | { node?: undefined; leaf: Tensor } | null;

const FREED_MESSAGE =
  "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
  "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). " +
  "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

const HINT = "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";

/** A tensor a backward needs, with the version it had when it was saved. */
interface SavedTensor {
  tensor: Tensor;
  version: number;
  /** Saved as this node's own output (PyTorch names the node, not the tensor's grad_fn). */
  isOutput: boolean;
}

export class Node {
  private backwardFn: BackwardFn | null;
  private saved: Array<SavedTensor | null>;
  /** The output tensor, when the user asked it to retain_grad(). */
  retainer: Tensor | null = null;
  /** Checks PyTorch makes only when the gradient is computed (in-place ELU with a negative alpha). */
  backwardCheck: (() => void) | null = null;
  /** The output's dtype and shape: the gradient this node receives is checked against them, as PyTorch's engine does. */
  readonly dtype: DType;
  readonly shape: readonly number[];

  constructor(
    private readonly nodeName: string,
    readonly edges: readonly Edge[],
    backwardFn: BackwardFn,
    saved: ReadonlyArray<Tensor | null>,
    output: Tensor,
  ) {
    this.backwardFn = backwardFn;
    this.dtype = output.dtype;
    this.shape = output.shape.slice();
    this.saved = saved.map((tensor) => tensor && { tensor, version: tensor._version, isOutput: tensor === output });
  }

  /** PyTorch's grad_fn.name(), e.g. "ReluBackward0" (C++ nodes are qualified: "torch::autograd::CopySlices"). */
  name(): string { return this.nodeName; }
  /** The Python class name, which printing shows: grad_fn=<CopySlices>. */
  typeName(): string { return this.nodeName.replace(/^torch::autograd::/, ""); }

  get next_functions(): Array<[Node | { name(): string } | null, number]> {
    return this.edges.map((e) => [e === null ? null : e.node ?? { name: () => "torch::autograd::AccumulateGrad" }, 0]);
  }

  apply(gradOutput: Tensor, retainGraph: boolean): ReadonlyArray<Tensor | null | undefined> {
    const fn = this.backwardFn;
    if (fn === null) throw new RuntimeError(FREED_MESSAGE);
    const tensors = this.saved.map((s) => s && this.unpack(s));
    this.backwardCheck?.();
    // Nodes that saved no tensors can run again after a backward, as in PyTorch.
    if (!retainGraph && this.saved.length) { this.backwardFn = null; this.saved = []; }
    return fn(gradOutput, tensors);
  }

  /** PyTorch's SavedVariable::unpack: the tensor, unless an in-place operation changed it since. */
  private unpack(s: SavedTensor): Tensor {
    const t = s.tensor, now = t._version;
    if (now === s.version) return t;
    const gradFn = s.isOutput ? this : t.grad_fn;
    const owner = gradFn ? `, which is output 0 of ${gradFn.name()},` : "";
    // (PyTorch's toString of a bool tensor's type is "CPUBoolType", of the others "torch.FloatTensor")
    const type = t.dtype.name === "bool" ? "CPUBoolType" : `torch.${t.dtype.scalarType}Tensor`;
    throw new RuntimeError(
      "one of the variables needed for gradient computation has been modified by an inplace operation: " +
      `[${type} [${t.shape.join(", ")}]]${owner} is at version ${now}; expected version ${s.version} instead. ${HINT}`);
  }

  /**
   * An in-place operation is about to overwrite `target` (the op's first input, `self`) with
   * this node's output `result`, computed out of place. If the backward saved self (ops save
   * self first), it gets a copy of the old values instead (PyTorch's original_self; any other
   * saved alias of target stays, and fails its version check as in PyTorch). A saved result
   * becomes target itself, at the version the write gives it, so the temporary can go.
   */
  _beforeInplaceWrite(target: Tensor, result: Tensor, copyOriginal: () => Tensor): void {
    const first = this.saved[0];
    if (first && first.tensor === target && !first.isOutput) {
      const original = copyOriginal();
      this.saved[0] = { tensor: original, version: original._version, isOutput: false };
    }
    for (const s of this.saved) if (s && s.tensor === result) { s.tensor = target; s.version = target._version + 1; }
  }

  toString(): string { return `<${this.typeName()} object>`; }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}

export function edgeOf(t: Tensor | null | undefined): Edge {
  if (!t || !t.requires_grad) return null;
  return t.grad_fn ? { node: t.grad_fn } : { leaf: t };
}

/**
 * Attaches a grad_fn to `output` when autograd is on and an input needs a gradient.
 * `backward` returns one gradient per input (null where none flows); it receives `saved`, the
 * tensors it needs, back from the node (checked against in-place changes), and reads them from
 * there rather than from its closure. Ops list self first when they save it. A null entry is
 * something saved that is not a tensor (a wrapped scalar) or not needed this time: a node that
 * saved anything, as in PyTorch, cannot run a second time without retain_graph.
 */
export function record<T extends Tensor>(
  output: T,
  name: string,
  inputs: ReadonlyArray<Tensor | null | undefined>,
  backward: BackwardFn,
  saved: ReadonlyArray<Tensor | null> = [],
): T {
  if (!is_grad_enabled() || !inputs.some((t) => t?.requires_grad)) return output;
  // a view the engine made of a temporary of its own (its base needs no gradient) is no view
  // the user made: the op's output stands on its own, as PyTorch's would
  if (output._view && !output._view.base.requires_grad) output._view = null;
  output._setGradFn(new Node(name, inputs.map(edgeOf), backward, saved, output));
  return output;
}
