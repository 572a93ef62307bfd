// Adam, step for step as torch.optim.Adam (1.13, single-tensor path) computes it.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { ValueError } from "../errors";
import { Optimizer, ParamGroup } from "./optimizer";
import { pyFloat } from "../pyrepr";

export class Adam extends Optimizer {
  constructor(params: Iterable<Tensor> | ParamGroup[], ...args: unknown[]) {
    const d = bindArgs("Adam.__init__", args, { lr: 1e-3, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weight_decay: 0, amsgrad: false, foreach: null, maximize: false, capturable: false, differentiable: false, fused: false }, 2);
    if (d.lr < 0) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (d.eps < 0) throw new ValueError(`Invalid epsilon value: ${d.eps}`);
    if (!(d.betas[0] >= 0 && d.betas[0] < 1)) throw new ValueError(`Invalid beta parameter at index 0: ${pyFloat(d.betas[0])}`);
    if (!(d.betas[1] >= 0 && d.betas[1] < 1)) throw new ValueError(`Invalid beta parameter at index 1: ${pyFloat(d.betas[1])}`);
    if (d.weight_decay < 0) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    super(params, d);
  }

  protected update(p: Tensor, grad: Tensor, g: ParamGroup, s: Record<string, any>): void {
    const [beta1, beta2] = g.betas as [number, number];
    if (s.step === undefined) {
      s.step = 0;
      s.exp_avg = p.detach().mul(0);
      s.exp_avg_sq = p.detach().mul(0);
      if (g.amsgrad) s.max_exp_avg_sq = p.detach().mul(0);
    }
    let d = g.maximize ? grad.neg() : grad;
    s.step += 1;
    if (g.weight_decay !== 0) d = d.add(p, { alpha: g.weight_decay });
    s.exp_avg.mul_(beta1).add_(d, { alpha: 1 - beta1 });
    s.exp_avg_sq.mul_(beta2).add_(d.mul(d).mul(1 - beta2));
    const bias1 = 1 - beta1 ** s.step;
    const bias2Sqrt = Math.sqrt(1 - beta2 ** s.step);
    const stepSize = g.lr / bias1;
    let second: Tensor = s.exp_avg_sq;
    if (g.amsgrad) {
      s.max_exp_avg_sq.copy_(s.max_exp_avg_sq.maximum(s.exp_avg_sq));
      second = s.max_exp_avg_sq;
    }
    const denom = second.sqrt().div(bias2Sqrt).add(g.eps);
    p.add_(s.exp_avg.div(denom).mul(-stepSize));
  }
}
