// Adaptive Piecewise Linear unit (Agostinelli et al., 2015): ReLU plus S learned hinges,
// h(x) = max(0, x) + Σ_s a_s · max(0, b_s − x).
import { Tensor } from "../tensor";
import { CompositeActivation, Params } from "./definition";

export function aplOp(x: Tensor, a: Tensor, b: Tensor): Tensor {
  // hinges along a new last dimension, summed away
  const hinge = b.sub(x.unsqueeze(-1)).relu();
  return x.relu().add(hinge.mul(a).sum(-1));
}

export const apl: CompositeActivation = {
  kind: "composite", name: "apl", module: "APL", title: "Adaptive piecewise linear (APL)",
  latex: String.raw`\mathrm{APL}(x) = \max(0, x) + \sum_{s=1}^{S} a_s \max(0, b_s - x)`,
  description: "A learnable activation: ReLU plus hinges whose slopes and positions are trained.",
  params: [
    { name: "num_hinges", default: 2, type: "int", min: 1, max: 5, step: 1, description: "Number of hinges S." },
    { name: "slope", default: 0.2, type: "float", min: -1, max: 1, step: 0.05, description: "Initial hinge slope a_s (shared by all hinges)." },
    { name: "spacing", default: 1, type: "float", min: 0.1, max: 3, step: 0.1, description: "Initial hinge positions b_s are 0, -spacing, -2·spacing, …" },
  ],
  repr: ["num_hinges"],
  learnable: true,
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => {
    const s = p.num_hinges as number;
    const a = weights?.a ?? Tensor.empty([s], x.dtype).fill_(p.slope as number);
    const b = weights?.b ?? Tensor.empty([s], x.dtype);
    if (!weights?.b) for (let i = 0; i < s; i++) b._data[b.offset + i] = 0 - i * (p.spacing as number); // 0 - 0 is +0, the first hinge sits at 0
    return aplOp(x, a, b);
  },
};
