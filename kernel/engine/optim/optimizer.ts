// The Optimizer base: parameter groups with per-group options, per-parameter state, zero_grad.
import { Tensor } from "../tensor";
import { no_grad } from "../autograd/grad_mode";
import { ValueError } from "../errors";

export type ParamGroup = { params: Tensor[] } & Record<string, any>;

/** Whether an optimizer's params (already a list) are parameter groups rather than tensors. */
function isGroups(params: readonly unknown[]): boolean {
  return params.length > 0 && !(params[0] instanceof Tensor);
}

/**
 * The base class of optimizers (optim.SGD, optim.Adam), as torch.optim.Optimizer: holds
 * parameter groups and per-parameter state; `zero_grad()` clears gradients and `step()` updates.
 * PyTorch: `torch.optim.Optimizer`
 */
export abstract class Optimizer {
  readonly param_groups: ParamGroup[] = [];
  readonly state = new Map<Tensor, Record<string, any>>();

  constructor(params: Iterable<Tensor | ParamGroup>, readonly defaults: Record<string, unknown>) {
    const list = [...params];
    if (list.length === 0) throw new ValueError("optimizer got an empty parameter list");
    const groups: ParamGroup[] = isGroups(list) ? (list as ParamGroup[]) : [{ params: list as Tensor[] }];
    for (const g of groups) this.add_param_group(g);
  }

  add_param_group(group: ParamGroup): void {
    const params = group.params instanceof Tensor ? [group.params] : [...group.params];
    for (const p of params) {
      if (!p.is_leaf) throw new ValueError("can't optimize a non-leaf Tensor");
    }
    // a default of null is PyTorch's `required` (SGD's lr): each group must give its own
    for (const [k, v] of Object.entries(this.defaults)) {
      if (k === "lr" && v === null && typeof group[k] !== "number") throw new ValueError(`parameter group didn't specify a value of required optimization parameter ${k}`);
    }
    this.param_groups.push({ ...this.defaults, ...group, params });
  }

  /** PyTorch 1.13's default: gradients are zeroed in place, not set to None. */
  zero_grad(set_to_none = false): void {
    for (const g of this.param_groups) {
      for (const p of g.params) {
        if (!p.grad) continue;
        if (set_to_none) p.grad = null;
        else p.grad.zero_();
      }
    }
  }

  step(closure?: () => Tensor): Tensor | undefined {
    const loss = closure ? closure() : undefined;
    no_grad(() => {
      for (const group of this.param_groups) {
        for (const p of group.params) {
          if (!p.grad) continue;
          let state = this.state.get(p);
          if (!state) this.state.set(p, (state = {}));
          this.update(p, p.grad, group, state);
        }
      }
    });
    return loss;
  }

  protected abstract update(param: Tensor, grad: Tensor, group: ParamGroup, state: Record<string, any>): void;

  toString(): string {
    const lines = [`${this.constructor.name} (`];
    this.param_groups.forEach((g, i) => {
      lines.push(`Parameter Group ${i}`);
      for (const k of Object.keys(g).filter((k) => k !== "params").sort()) lines.push(`    ${k}: ${formatOption(g[k])}`);
    });
    lines.push(")");
    return lines.join("\n");
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}

function formatOption(v: unknown): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) return `(${v.join(", ")})`;
  return String(v);
}
