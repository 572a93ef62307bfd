// Presents a composite computation as one autograd node, the way PyTorch's native kernels
// appear (NativeLayerNormBackward0, ...): the composite runs on detached copies of the inputs,
// and the node's backward runs the composite's own little graph.
import { Tensor } from "../tensor";
import { record } from "./node";
import { enable_grad, is_grad_enabled } from "./grad_mode";

export function fused(name: string, inputs: ReadonlyArray<Tensor | null>, compute: (...xs: Array<Tensor | null>) => Tensor): Tensor {
  if (!is_grad_enabled() || !inputs.some((t) => t?.requires_grad)) return compute(...inputs);
  const proxies = inputs.map((t) => (t ? t.detach().requires_grad_(t.requires_grad) : null));
  const inner = enable_grad(() => compute(...proxies));
  // the proxies share the inputs' elements and version counters: saving them makes the node
  // refuse to run once an input was changed in place, as PyTorch's native node would
  return record(inner.detach(), name, inputs, (g) => {
    for (const p of proxies) if (p) p.grad = null;
    inner.backward(g, { retain_graph: true });
    return proxies.map((p) => p?.grad ?? null);
  }, proxies);
}
