// Adaptive Piecewise Linear unit (Agostinelli et al., 2015): ReLU plus S learned hinges,
// h(x) = max(0, x) + Σ_s a_s · max(0, b_s − x).
import { Tensor } from "../tensor";
import { CompositeActivation, Params } from "./definition";
import { RuntimeError } from "../errors";
import type { DType } from "../dtype";

export function aplOp(x: Tensor, a: Tensor, b: Tensor): Tensor {
  // hinges along a new last dimension, summed away
  const hinge = b.sub(x.unsqueeze(-1)).relu();
  return x.relu().add(hinge.mul(a).sum(-1));
}

/** The initial hinge positions 0, -spacing, -2·spacing, … (0 - 0 is +0: the first hinge sits at 0). */
function hingePositions(s: number, spacing: number, dtype?: DType): Tensor {
  const b = Tensor.empty([s], dtype);
  for (let i = 0; i < s; i++) b._data[b.offset + i] = 0 - i * spacing;
  return b;
}

export const apl: CompositeActivation = {
  kind: "composite", name: "apl", module: "APL", title: "Adaptive piecewise linear (APL)",
  order: 240,
  latex: String.raw`\mathrm{APL}(x) = \max(0, x) + \sum_{s=1}^{S} a_s \max(0, b_s - x)`,
  description: "A learnable activation: ReLU plus hinges whose slopes and positions are trained.",
  formula: "APL(x) = max(0, x) + Σₛ aₛ · max(0, −x + bₛ)      (aₛ, bₛ learned per unit)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nnew nn.APL()(x)  // tensor([0.6000, 0.1000, 0.0000, 1.5000], grad_fn=<AddBackward0>)",
  callParams: { a: "The hinge slopes aₛ, as nn.APL holds them (its weight `a`).", b: "The hinge positions bₛ, as nn.APL holds them (its weight `b`)." },
  params: [
    { name: "num_hinges", default: 2, type: "int", min: 1, max: 5, step: 1, description: "Number of hinges S." },
    { name: "slope", default: 0.2, type: "float", min: -1, max: 1, step: 0.05, description: "Initial hinge slope a_s (shared by all hinges)." },
    { name: "spacing", default: 1, type: "float", min: 0.1, max: 3, step: 0.1, description: "Initial hinge positions b_s are 0, -spacing, -2·spacing, …" },
  ],
  repr: ["num_hinges"],
  learnable: true,
  weights: (p) => {
    const s = p.num_hinges as number;
    if (!Number.isInteger(s) || s < 1) throw new RuntimeError(`APL: num_hinges must be a positive integer, got ${s}`);
    return { a: Tensor.empty([s]).fill_(p.slope as number), b: hingePositions(s, p.spacing as number) };
  },
  /** APL with hinge slopes `a` and positions `b` (each of shape [S]). */
  call: (input: Tensor, a: Tensor, b: Tensor) => aplOp(input, a, b),
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => {
    const s = p.num_hinges as number;
    const a = weights?.a ?? Tensor.empty([s], x.dtype).fill_(p.slope as number);
    const b = weights?.b ?? hingePositions(s, p.spacing as number, x.dtype);
    return aplOp(x, a, b);
  },
};
