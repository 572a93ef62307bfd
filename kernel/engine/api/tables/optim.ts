// torch.optim: new optim.SGD(model.parameters(), 0.1), new optim.Adam(params, { lr: 1e-3 }).
import type { ApiTable } from "../entry";

const OPTIM = {
  params: "The tensors to optimise (model.parameters()), or parameter groups: objects { params, ...options } whose options override the ones given here.",
  lr: "The learning rate (for SGD required, unless every parameter group gives its own).",
  momentum: "The momentum factor (0: plain gradient descent).",
  dampening: "Dampening for momentum: the share of each new gradient taken off.",
  weight_decay: "L2 penalty: this times the parameter added to its gradient.",
  nesterov: "Use Nesterov momentum (needs momentum and zero dampening).",
  maximize: "Step up the gradient instead of down.",
  foreach: "Accepted for PyTorch's code: the implementation (one tensor at a time) gives the same numbers either way.",
  differentiable: "Accepted for PyTorch's code; a step is never recorded for autograd here.",
  betas: "The decay rates of the running averages of the gradient and of its square.",
  eps: "Added to the denominator for numerical stability.",
  amsgrad: "Use the AMSGrad variant (the maximum of the squared-gradient averages so far).",
  capturable: "Accepted for PyTorch's code (CUDA graphs); no effect on the CPU.",
  fused: "Accepted for PyTorch's code (a fused CUDA kernel); no effect on the CPU.",
};
const SGD_TAIL = "momentum: number = 0, dampening: number = 0, weight_decay: number = 0, nesterov: boolean = false, *, maximize: boolean = false, foreach: boolean | null = null, differentiable: boolean = false): SGD";
const SGD_BY_NAME = "*, lr: number, momentum: number = 0, dampening: number = 0, weight_decay: number = 0, nesterov: boolean = false, maximize: boolean = false, foreach: boolean | null = null, differentiable: boolean = false): SGD";

export const CONSTRUCTORS_OPTIM = {
  "optim.SGD": {
    summary: "Stochastic gradient descent (with optional momentum, Nesterov momentum and weight decay), step for step as PyTorch's.",
    signatures: [
      `(params: Iterable<Tensor>, lr: number, ${SGD_TAIL}`,
      // PyTorch's lr has a default (its `required` marker), so it may be named like the rest
      `(params: Iterable<Tensor>, ${SGD_BY_NAME}`,
      `(params: readonly ParamGroup[], lr: number | null = null, ${SGD_TAIL}`,
    ],
    positional: 1,
    params: OPTIM,
    example: "const w = torch.tensor([1.0], { requires_grad: true });\nconst opt = new optim.SGD([w], 0.1);\nw.mul(w).sum().backward();\nopt.step();\nw  // tensor([0.8000], requires_grad=True)",
    pytorch: "torch.optim.SGD",
  },
  "optim.Adam": {
    summary: "Adam: steps scaled by running averages of the gradient and of its square, step for step as PyTorch's.",
    signatures: ["(params: Iterable<Tensor> | readonly ParamGroup[], lr: number = 0.001, betas: readonly [number, number] = [0.9, 0.999], eps: number = 1e-8, weight_decay: number = 0, amsgrad: boolean = false, *, foreach: boolean | null = null, maximize: boolean = false, capturable: boolean = false, differentiable: boolean = false, fused: boolean = false): Adam"],
    params: OPTIM,
    example: "const w = torch.tensor([1.0], { requires_grad: true });\nconst opt = new optim.Adam([w], { lr: 0.1 });\nw.mul(w).sum().backward();\nopt.step();\nw  // tensor([0.9000], requires_grad=True)",
    pytorch: "torch.optim.Adam",
  },
} satisfies ApiTable;
