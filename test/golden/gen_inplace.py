"""In-place forms against PyTorch 1.13: every activation's inplace=True form (functional, module,
F.<name>_, Tensor.<name>_) and every in-place Tensor method, applied to a non-leaf tensor and to a
view of one, then differentiated. Writes fixtures/inplace.json; test/golden/inplace.test.ts
replays each case by name (its FORMS table mirrors the one below).

Each case: the form's name, where it was applied ("whole" a = x * 1, or "view": a[:, 1:3] of
a = (x * 1).view(2, 4)), the result's values and grad_fn name, a's version and grad_fn name
afterwards, and x.grad after ((result * w).sum()).backward() — or the error PyTorch raised.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import dumps, enc, fixture_path, setup_torch, write_fixture

X = [-4.0, -3.0, -1.0, -0.0, 0.0, 0.5, 3.0, 6.5]
W = [0.3, -1.2, 0.7, 2.0, -0.4, 1.1, 0.9, -0.6]
OTHER = [1.5, -0.5, 2.0, 0.25, -3.0, 1.0, 0.75, -2.0]

FORMS = {
    "F.relu(inplace)": lambda a, o: F.relu(a, inplace=True),
    "F.relu_": lambda a, o: F.relu_(a),
    "Tensor.relu_": lambda a, o: a.relu_(),
    "nn.ReLU(inplace)": lambda a, o: nn.ReLU(inplace=True)(a),
    "F.leaky_relu(0.2, inplace)": lambda a, o: F.leaky_relu(a, 0.2, inplace=True),
    "F.leaky_relu_(-0.1)": lambda a, o: F.leaky_relu_(a, -0.1),
    "nn.LeakyReLU(0.05, inplace)": lambda a, o: nn.LeakyReLU(0.05, inplace=True)(a),
    "F.elu(inplace)": lambda a, o: F.elu(a, inplace=True),
    "F.elu(alpha=0.5, inplace)": lambda a, o: F.elu(a, alpha=0.5, inplace=True),
    "F.elu_(alpha=-0.5)": lambda a, o: F.elu_(a, alpha=-0.5),
    "nn.ELU(inplace)": lambda a, o: nn.ELU(inplace=True)(a),
    "F.selu(inplace)": lambda a, o: F.selu(a, inplace=True),
    "nn.SELU(True)": lambda a, o: nn.SELU(True)(a),
    "torch.selu_": lambda a, o: torch.selu_(a),
    "F.celu(alpha=2, inplace)": lambda a, o: F.celu(a, alpha=2.0, inplace=True),
    "F.celu_": lambda a, o: F.celu_(a),
    "F.relu6(inplace)": lambda a, o: F.relu6(a, inplace=True),
    "F.hardtanh(-2, 2, inplace)": lambda a, o: F.hardtanh(a, -2.0, 2.0, inplace=True),
    "F.hardtanh_": lambda a, o: F.hardtanh_(a),
    "F.threshold(0.5, 2, inplace)": lambda a, o: F.threshold(a, 0.5, 2.0, inplace=True),
    "F.threshold_(-1, -5)": lambda a, o: F.threshold_(a, -1.0, -5.0),
    "F.hardsigmoid(inplace)": lambda a, o: F.hardsigmoid(a, inplace=True),
    "F.hardswish(inplace)": lambda a, o: F.hardswish(a, inplace=True),
    "nn.Hardswish(True)": lambda a, o: nn.Hardswish(True)(a),
    "F.silu(inplace)": lambda a, o: F.silu(a, inplace=True),
    "nn.SiLU(inplace)": lambda a, o: nn.SiLU(inplace=True)(a),
    "F.mish(inplace)": lambda a, o: F.mish(a, inplace=True),
    "Tensor.sigmoid_": lambda a, o: a.sigmoid_(),
    "Tensor.tanh_": lambda a, o: a.tanh_(),
    "Tensor.exp_": lambda a, o: a.exp_(),
    "Tensor.abs_": lambda a, o: a.abs_(),
    "Tensor.neg_": lambda a, o: a.neg_(),
    "Tensor.sin_": lambda a, o: a.sin_(),
    "Tensor.erf_": lambda a, o: a.erf_(),
    "Tensor.reciprocal_": lambda a, o: a.reciprocal_(),
    "Tensor.square_": lambda a, o: a.square_(),
    "Tensor.clamp_(-1, 2)": lambda a, o: a.clamp_(-1.0, 2.0),
    "Tensor.clamp_(min=0)": lambda a, o: a.clamp_(min=0.0),
    "Tensor.pow_(3)": lambda a, o: a.pow_(3),
    "Tensor.add_(o, alpha=2)": lambda a, o: a.add_(o, alpha=2.0),
    "Tensor.sub_(o)": lambda a, o: a.sub_(o),
    "Tensor.mul_(o)": lambda a, o: a.mul_(o),
    "Tensor.mul_(2.5)": lambda a, o: a.mul_(2.5),
    "Tensor.div_(o)": lambda a, o: a.div_(o),
    "Tensor.div_(4)": lambda a, o: a.div_(4.0),
    "Tensor.mul_(self)": lambda a, o: a.mul_(a),
    "Tensor.masked_fill_(a>0, 1)": lambda a, o: a.masked_fill_(a > 0, 1.0),
    "Tensor.fill_(2)": lambda a, o: a.fill_(2.0),
    "Tensor.zero_": lambda a, o: a.zero_(),
    "Tensor.copy_(o)": lambda a, o: a.copy_(o),
    "Tensor.sqrt_ after abs_": lambda a, o: a.abs_().sqrt_(),
    "Tensor.log_ after abs_": lambda a, o: a.abs_().add_(1.0).log_(),
    "exp_ then relu_": lambda a, o: a.exp_().relu_(),
}


def name_of(fn):
    return None if fn is None else type(fn).__name__


def run(form, where):
    x = torch.tensor(X, requires_grad=True)
    o = torch.tensor(OTHER, requires_grad=True)
    a = x.mul(1)
    target = a
    if where == "view":
        a = a.view(2, 4)
        target = a[:, 1:3]
    oo = o if where == "whole" else o.view(2, 4)[:, 1:3]
    case = {"form": form, "where": where}
    try:
        r = FORMS[form](target, oo)
        case["result"] = enc(r.detach().tolist())
        case["grad_fn"] = name_of(r.grad_fn)
        case["base_grad_fn"] = name_of(a.grad_fn)
        case["version"] = a._version
        w = torch.tensor(W).view(r.shape) if where == "whole" else torch.tensor(W[:4]).view(r.shape)
        (r * w).sum().backward()
        case["x_grad"] = enc(x.grad.tolist())
        case["o_grad"] = None if o.grad is None else enc(o.grad.tolist())
    except RuntimeError as e:
        case["error"] = {"type": type(e).__name__, "message": str(e)}
    return case


def main():
    setup_torch()
    cases = [run(form, where) for form in FORMS for where in ("whole", "view")]
    write_fixture(fixture_path("inplace.json"), dumps({"x": X, "w": W, "other": OTHER, "cases": cases}))
    print(f"wrote {len(cases)} in-place cases")


if __name__ == "__main__":
    main()
