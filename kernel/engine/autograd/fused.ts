// Presents a composite computation as one autograd node, the way PyTorch's native kernels
// appear (NativeLayerNormBackward0, ...): the composite runs on detached copies of the inputs,
// and the node's backward runs the composite's own little graph.
import { Tensor } from "../tensor";
import { record } from "./node";
import { enable_grad, is_grad_enabled } from "./grad_mode";

/**
 * `savesResult`: whether PyTorch's native node saves its output (StdBackward0 does), so that
 * changing the output in place makes the backward refuse to run, naming this node.
 */
export function fused(name: string, inputs: ReadonlyArray<Tensor | null>, compute: (...xs: Array<Tensor | null>) => Tensor, savesResult = false): Tensor {
  if (!is_grad_enabled() || !inputs.some((t) => t?.requires_grad)) return compute(...inputs);
  const proxies = inputs.map((t) => (t ? t.detach().requires_grad_(t.requires_grad) : null));
  const inner = enable_grad(() => compute(...proxies));
  // the output counts its own versions: an in-place change of it is this node's business (the
  // inner graph's checks would name the composite's pieces)
  const out = inner.detach();
  out._ownVersionCounter();
  // the proxies share the inputs' elements and version counters: saving them makes the node
  // refuse to run once an input was changed in place, as PyTorch's native node would
  return record(out, name, inputs, (g) => {
    for (const p of proxies) if (p) p.grad = null;
    inner.backward(g, { retain_graph: true });
    return proxies.map((p) => p?.grad ?? null);
  }, [...proxies, savesResult ? out : null]);
}
