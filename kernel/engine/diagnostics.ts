// Measurements the guide makes on networks: dead ReLU units, activation sparsity and
// per-layer gradient norms. They observe a model through forward hooks and .grad; they never
// change it.
import { Tensor } from "./tensor";
import { no_grad } from "./autograd/grad_mode";
import { Module } from "./nn/module";
import { ActivationModule } from "./nn/activation";
import { contiguousData } from "./ops/strided";

export interface LayerActivity {
  /** The activation module's dotted name in the model, e.g. "layers.1". */
  layer: string;
  /** The activation's class name, e.g. "ReLU". */
  kind: string;
  /** Units (features along the last dimension) in the layer. */
  units: number;
  /** Fraction of units whose input was ≤ 0 for every example of the batch: dead for ReLU. */
  dead_fraction: number;
  /** Fraction of all outputs over the batch that are exactly zero. */
  sparsity: number;
}

/** Fraction of elements that are exactly zero. */
export function sparsity(t: Tensor): number {
  const d = contiguousData(t);
  let zeros = 0;
  for (let i = 0; i < d.length; i++) if (d[i] === 0) zeros++;
  return d.length ? zeros / d.length : 0;
}

/** For each unit (last dimension), whether its value is ≤ 0 in every row. */
function deadUnits(pre: Tensor): { units: number; dead: number } {
  const d = contiguousData(pre);
  const units = pre.ndim ? pre.shape[pre.ndim - 1] : 1;
  const rows = units ? d.length / units : 0;
  let dead = 0;
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let r = 0; r < rows && !alive; r++) alive = d[r * units + u] > 0;
    if (!alive) dead++;
  }
  return { units, dead };
}

/**
 * Runs `model(input)` once without autograd and reports, for every activation module, its dead
 * units and output sparsity over the batch.
 */
export function layer_activity(model: Module, input: Tensor): LayerActivity[] {
  const report: LayerActivity[] = [];
  const handles = [];
  for (const [name, m] of model.named_modules()) {
    if (!(m instanceof ActivationModule)) continue;
    handles.push(m.register_forward_hook((_mod, inputs, output) => {
      const { units, dead } = deadUnits(inputs[0] as Tensor);
      report.push({ layer: name, kind: m._get_name(), units, dead_fraction: units ? dead / units : 0, sparsity: sparsity(output as Tensor) });
    }));
  }
  try {
    no_grad(() => model(input));
  } finally {
    for (const h of handles) h.remove();
  }
  return report;
}

export interface GradNorm { name: string; norm: number }

/** L2 norm of each parameter's gradient (after backward), in registration order. */
export function grad_norms(model: Module): GradNorm[] {
  return [...model.named_parameters()].map(([name, p]) => ({ name, norm: p.grad ? l2(p.grad) : 0 }));
}

/** L2 norm of the gradients of each module that owns parameters directly (a layer). */
export function layer_grad_norms(model: Module): GradNorm[] {
  const out: GradNorm[] = [];
  for (const [name, m] of model.named_modules()) {
    const own = [...m.parameters(false)];
    if (!own.length) continue;
    const sq = own.reduce((s, p) => s + (p.grad ? l2(p.grad) ** 2 : 0), 0);
    out.push({ name: name || m._get_name(), norm: Math.sqrt(sq) });
  }
  return out;
}

function l2(t: Tensor): number {
  const d = contiguousData(t);
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return Math.sqrt(s);
}
