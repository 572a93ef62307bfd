// Stochastic gradient descent, step for step as torch.optim.SGD (1.13) computes it.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { ValueError } from "../errors";
import { Optimizer, ParamGroup } from "./optimizer";

export class SGD extends Optimizer {
  constructor(params: Iterable<Tensor> | ParamGroup[], ...args: unknown[]) {
    const d = bindArgs("SGD.__init__", args, { lr: undefined as unknown as number, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, foreach: null, differentiable: false }, 2);
    if (d.lr === undefined || d.lr < 0) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (d.momentum < 0) throw new ValueError(`Invalid momentum value: ${d.momentum}`);
    if (d.weight_decay < 0) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    if (d.nesterov && (d.momentum <= 0 || d.dampening !== 0)) throw new ValueError("Nesterov momentum requires a momentum and zero dampening");
    super(params, d);
  }

  protected update(p: Tensor, grad: Tensor, g: ParamGroup, state: Record<string, any>): void {
    let d = g.maximize ? grad.neg() : grad;
    if (g.weight_decay !== 0) d = d.add(p, { alpha: g.weight_decay });
    if (g.momentum !== 0) {
      let buf: Tensor | undefined = state.momentum_buffer;
      if (!buf) buf = state.momentum_buffer = d.clone().detach();
      else buf.mul_(g.momentum).add_(d, { alpha: 1 - g.dampening });
      d = g.nesterov ? d.add(buf, { alpha: g.momentum }) : buf;
    }
    p.add_(d, { alpha: -g.lr });
  }
}
