// Runs the backward graph: every node once, after all the nodes that feed it gradients, summing
// gradients that meet; leaves accumulate into .grad.
import type { Tensor } from "../tensor";
import { RuntimeError } from "../errors";
import { Node } from "./node";
import { no_grad } from "./grad_mode";
import { Storage, storageCount } from "../storage/storage";
import type { DType } from "../dtype";
import { sameShape } from "../ops/strided";
import { sumToShape } from "../ops/reduce";

function topologicalOrder(root: Node): { order: Node[]; pending: Map<Node, number> } {
  const pending = new Map<Node, number>();
  const order: Node[] = [];
  const seen = new Set<Node>([root]);
  const stack: Array<[Node, number]> = [[root, 0]];
  // Iterative DFS: deep graphs (long training histories) must not overflow the JS stack.
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [node, i] = top;
    if (i < node.edges.length) {
      top[1]++;
      const next = node.edges[i]?.node;
      if (next) {
        pending.set(next, (pending.get(next) ?? 0) + 1);
        if (!seen.has(next)) { seen.add(next); stack.push([next, 0]); }
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  order.reverse();
  return { order, pending };
}

/**
 * PyTorch's validate_outputs: a gradient has its input's dtype (a float32 input of a float64
 * result gets a float32 gradient) and shape (a broadcast gradient is summed back; one that
 * cannot be is the backward's error, named as PyTorch names it).
 */
function validateGradient(node: Node, index: number, g: Tensor, input: { dtype: DType; shape: readonly number[] }): Tensor {
  let out = g;
  if (!sameShape(out.shape, input.shape)) {
    if (!expandableTo(input.shape, out.shape)) {
      throw new RuntimeError(`Function ${node.typeName()} returned an invalid gradient at index ${index} - got [${out.shape.join(", ")}] but expected shape compatible with [${input.shape.join(", ")}]`);
    }
    out = sumToShape(out, input.shape);
  }
  return out.dtype === input.dtype ? out : out.to(input.dtype);
}

/** Whether `shape` broadcasts to `target` (PyTorch's is_expandable_to). */
function expandableTo(shape: readonly number[], target: readonly number[]): boolean {
  if (shape.length > target.length) return false;
  for (let i = 1; i <= shape.length; i++) {
    const s = shape[shape.length - i], t = target[target.length - i];
    if (s !== t && s !== 1) return false;
  }
  return true;
}

export function runBackward(root: Tensor, gradient: Tensor, retainGraph: boolean): void {
  no_grad(() => {
    if (!root.grad_fn) {
      root._accumulateGrad(gradient);
      return;
    }
    const grads = new Map<Node, Tensor>([[root.grad_fn, gradient]]);
    const { order } = topologicalOrder(root.grad_fn);
    // Gradients this pass makes are its own business: a storage it made and handed to exactly
    // one consumer can be adopted by a leaf without a copy, or, handed to a node, be freed as
    // soon as that node is done with it (its memory then serves the next gradient, warm, and
    // no garbage collection is needed to get it back). Hand-outs are counted per storage: a
    // backward function may pass its incoming gradient through, or give one tensor (or views
    // of one storage) to several inputs.
    const madeAfter = storageCount();
    const handedOut = new Map<Storage, number>();
    const handOut = (t: Tensor) => handedOut.set(t.storage, (handedOut.get(t.storage) ?? 0) + 1);
    const ownedByOne = (t: Tensor) => t.storage.serial > madeAfter && handedOut.get(t.storage) === 1;
    for (const node of order) {
      const g = grads.get(node);
      grads.delete(node);
      if (!g) continue;
      if (node.retainer) { handOut(g); node.retainer._accumulateGrad(g); }
      const inputGrads = node.apply(g, retainGraph);
      node.edges.forEach((edge, i) => { if (edge && inputGrads[i]) handOut(inputGrads[i]!); });
      node.edges.forEach((edge, i) => {
        let gi = inputGrads[i];
        if (!edge || !gi) return;
        gi = validateGradient(node, i, gi, edge.leaf ?? edge.node);
        if (gi !== inputGrads[i]) handOut(gi);
        // a leaf detached (detach_) since the graph was recorded takes no gradient
        if (edge.leaf) { if (edge.leaf.requires_grad) edge.leaf._accumulateGrad(gi, ownedByOne(gi)); }
        else {
          const prev = grads.get(edge.node);
          if (!prev) { grads.set(edge.node, gi); return; }
          const sum = prev.add(gi);
          handOut(sum);
          grads.set(edge.node, sum);
          for (const t of prev.storage === gi.storage ? [] : [prev, gi]) if (ownedByOne(t)) t.storage.free();
        }
      });
      if (ownedByOne(g) && !inputGrads.some((t) => t && t.storage === g.storage)) g.storage.free();
    }
  });
}

export function checkBackwardRoot(root: Tensor, gradient: Tensor | undefined | null): void {
  if (!root.requires_grad) throw new RuntimeError("element 0 of tensors does not require grad and does not have a grad_fn");
  if (gradient == null && root.numel() !== 1) throw new RuntimeError("grad can be implicitly created only for scalar outputs");
}
