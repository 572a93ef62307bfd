// A node of the backward graph: PyTorch's grad_fn. It knows nothing about the op that made it:
// the op hands it a closure that maps the output's gradient to the inputs' gradients.
import type { Tensor } from "../tensor";
import { RuntimeError } from "../errors";
import { is_grad_enabled } from "./grad_mode";

export type BackwardFn = (gradOutput: Tensor) => ReadonlyArray<Tensor | null | undefined>;

/** Where an input's gradient goes: the node that produced it, or the leaf that accumulates it. */
export type Edge = { node: Node; leaf?: undefined } | { node?: undefined; leaf: Tensor } | null;

const FREED_MESSAGE =
  "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
  "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). " +
  "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

export class Node {
  private backwardFn: BackwardFn | null;
  /** The output tensor, when the user asked it to retain_grad(). */
  retainer: Tensor | null = null;

  constructor(
    private readonly nodeName: string,
    readonly edges: readonly Edge[],
    backwardFn: BackwardFn,
    /** Nodes that saved no tensors can run again after a backward, as in PyTorch. */
    private readonly savesTensors: boolean,
  ) {
    this.backwardFn = backwardFn;
  }

  /** PyTorch's grad_fn.name(), e.g. "ReluBackward0". */
  name(): string { return this.nodeName; }

  get next_functions(): Array<[Node | { name(): string } | null, number]> {
    return this.edges.map((e) => [e === null ? null : e.node ?? { name: () => "torch::autograd::AccumulateGrad" }, 0]);
  }

  apply(gradOutput: Tensor, retainGraph: boolean): ReadonlyArray<Tensor | null | undefined> {
    const fn = this.backwardFn;
    if (fn === null) throw new RuntimeError(FREED_MESSAGE);
    if (!retainGraph && this.savesTensors) this.backwardFn = null;
    return fn(gradOutput);
  }

  toString(): string { return `<${this.nodeName} object>`; }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}

function edgeOf(t: Tensor | null | undefined): Edge {
  if (!t || !t.requires_grad) return null;
  return t.grad_fn ? { node: t.grad_fn } : { leaf: t };
}

/**
 * Attaches a grad_fn to `output` when autograd is on and an input needs a gradient.
 * `backward` returns one gradient per input (null where none flows).
 */
export function record<T extends Tensor>(
  output: T,
  name: string,
  inputs: ReadonlyArray<Tensor | null | undefined>,
  backward: BackwardFn,
  savesTensors = true,
): T {
  if (!is_grad_enabled() || !inputs.some((t) => t?.requires_grad)) return output;
  output._setGradFn(new Node(name, inputs.map(edgeOf), backward, savesTensors));
  return output;
}
