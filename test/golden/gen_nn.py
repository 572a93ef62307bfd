#!/usr/bin/python3
"""Golden fixtures for torch.nn: writes test/golden/fixtures/nn.json.

Oracle: Debian's python3-torch 1.13 (CPU, float32, single thread).  Run from anywhere:

    /usr/bin/python3 test/golden/gen_nn.py      (or: npm run golden)

If the interpreter on PATH has no torch, the script re-executes itself with /usr/bin/python3.

Determinism: no parameter is left to PyTorch's RNG except in the init statistics (which use
torch.manual_seed(0) and record *statistics*, since the TypeScript engine's RNG need not match
PyTorch's).  All weights, inputs, targets and upstream gradients are written into the fixture;
the random ones are drawn from a torch.Generator seeded with zlib.crc32 of their name.

Sections (all numeric arrays nested as tolist(); non-finite numbers as "nan"/"inf"/"-inf")
--------
linear:      nn.Linear(3, 2) with given weight/bias on 2-d, 1-d and 3-d inputs:
             {name, in_features, out_features, weight, bias, input, output, grad_output,
              grad_input, grad_weight, grad_bias, grad_fn}
sequential:  nn.Sequential(Linear(3, 4), ReLU(), Linear(4, 2)) with given state_dict:
             {name, state_dict, input, output, grad_output, grad_input, grads (by state_dict key), grad_fn}
losses:      MSELoss / BCELoss / BCEWithLogitsLoss / CrossEntropyLoss, reductions mean/sum/none:
             {name, loss, kwargs (tensor kwargs as {shape,dtype,data}), input, target, output,
              grad_output (null = scalar loss, backward()), grad_input, grad_fn}
layer_norm:  {name, normalized_shape, kwargs, weight?, bias?, input, output, grad_output, grad_input,
              grad_weight?, grad_bias?, grad_fn}
batch_norm:  BatchNorm1d: one training step then eval: {name, num_features, kwargs, weight, bias,
              train: {input, output, grad_output, grad_input, grad_weight, grad_bias, grad_fn,
                      running_mean, running_var, num_batches_tracked},
              eval:  {input, output, grad_output, grad_input, grad_fn}}
dropout:     nn.Dropout in eval mode / F.dropout(training=False): identity, returns the input object.
calculate_gain: {nonlinearity, param, gain} and errors {nonlinearity, param, type, message}.
init:        {name, python, shape, fan_in, fan_out, distribution, gain, bound|null, std,
              empirical: {mean, std, min, max}} -- std/bound are the exact formula values (double);
              the empirical statistics are PyTorch's, for torch.manual_seed(0).
optim:       {name, optimizer, kwargs, weight0, bias0, input, target, loss: "MSELoss()",
              steps: [{loss, grad_weight, grad_bias, weight, bias}]} -- loss/grads are computed
              before the step, weight/bias are the values after it.
modules:     {name, repr, state_dict_keys, state_dict_shapes, named_parameters}
"""
import math

# first: it imports torch (re-executing under /usr/bin/python3 when this python lacks it)
from golden_common import dumps, enc, fixture_path, rand, randn, setup_torch, tensor_desc as tdesc, torch, write_fixture
import torch.nn as nn
import torch.nn.functional as F

setup_torch()

OUT = fixture_path("nn.json")


# ----------------------------------------------------------------------------- helpers
def L(t):
    return None if t is None else t.detach().tolist()


def copy_(param, data):
    with torch.no_grad():
        param.copy_(torch.as_tensor(data, dtype=param.dtype))


def forward_backward(m, xin, name):
    """x = a copy of xin that requires grad, y = m(x), then y.backward(go) with go seeded normals
    named name + "/grad_output". Returns (x, y, go)."""
    x = xin.clone().requires_grad_(True)
    y = m(x)
    go = randn(name + "/grad_output", *y.shape)
    y.backward(go)
    return x, y, go


# ----------------------------------------------------------------------------- Linear
W_LIN = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]
B_LIN = [0.01, -0.02]
linear = []
for name, xin in (("linear_2d", randn("linear_2d/x", 4, 3)),
                  ("linear_1d", randn("linear_1d/x", 3)),
                  ("linear_3d", randn("linear_3d/x", 2, 2, 3))):
    m = nn.Linear(3, 2)
    copy_(m.weight, W_LIN)
    copy_(m.bias, B_LIN)
    x, y, go = forward_backward(m, xin, name)
    linear.append({
        "name": name, "in_features": 3, "out_features": 2,
        "weight": L(m.weight), "bias": L(m.bias), "input": tdesc(x), "output": tdesc(y),
        "grad_output": L(go), "grad_input": L(x.grad), "grad_weight": L(m.weight.grad),
        "grad_bias": L(m.bias.grad), "grad_fn": y.grad_fn.name(),
    })

# ----------------------------------------------------------------------------- Sequential
sequential = []
seq = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
SEQ_STATE = {
    "0.weight": [[0.5, -0.3, 0.2], [-0.1, 0.4, 0.6], [0.3, 0.3, -0.5], [-0.7, 0.1, 0.2]],
    "0.bias": [0.1, -0.1, 0.05, 0.0],
    "2.weight": [[0.2, -0.4, 0.6, 0.1], [-0.3, 0.5, 0.1, -0.2]],
    "2.bias": [0.0, 0.3],
}
for k, v in seq.named_parameters():
    copy_(v, SEQ_STATE[k])
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0], [0.3, -0.2, 0.9], [-2.0, -1.0, 1.0], [0.0, 0.0, 0.0]],
                 requires_grad=True)
y = seq(x)
go = randn("sequential/grad_output", *y.shape)
y.backward(go)
sequential.append({
    "name": "sequential_linear_relu_linear", "state_dict": SEQ_STATE, "input": tdesc(x), "output": tdesc(y),
    "hidden_pre_relu": L(seq[0](x)),
    "grad_output": L(go), "grad_input": L(x.grad), "grads": {k: L(v.grad) for k, v in seq.named_parameters()},
    "grad_fn": y.grad_fn.name(),
})
# the same model, loss = MSE against a target, backward() from the scalar
for p in seq.parameters():
    p.grad = None
x2 = x.detach().clone().requires_grad_(True)
target = torch.tensor([[0.5, -0.5], [1.0, 0.0], [0.0, 0.2], [-0.3, 0.3], [0.1, 0.1]])
loss = nn.MSELoss()(seq(x2), target)
loss.backward()
sequential.append({
    "name": "sequential_mse_backward", "state_dict": SEQ_STATE, "input": tdesc(x2), "target": L(target),
    "output": tdesc(loss), "grad_output": None, "grad_input": L(x2.grad),
    "grads": {k: L(v.grad) for k, v in seq.named_parameters()}, "grad_fn": loss.grad_fn.name(),
})

# ----------------------------------------------------------------------------- losses
losses = []


def loss_case(name, loss, kwargs, inp, target, tensor_kwargs=None):
    tensor_kwargs = tensor_kwargs or {}
    m = getattr(nn, loss)(**kwargs, **tensor_kwargs)
    x = inp.clone().requires_grad_(True)
    y = m(x, target)
    if y.dim() == 0:
        go = None
        y.backward()
    else:
        go = randn(name + "/grad_output", *y.shape)
        y.backward(go)
    kw = dict(kwargs)
    for k, t in tensor_kwargs.items():
        kw[k] = tdesc(t)
    losses.append({
        "name": name, "loss": loss, "kwargs": kw, "repr": repr(m), "input": tdesc(inp), "target": tdesc(target),
        "output": tdesc(y), "grad_output": L(go), "grad_input": L(x.grad), "grad_fn": y.grad_fn.name(),
    })


REDUCTIONS = ("mean", "sum", "none")
mse_in, mse_t = randn("mse/input", 3, 4), randn("mse/target", 3, 4)
for r in REDUCTIONS:
    loss_case(f"MSELoss(reduction={r})", "MSELoss", {"reduction": r}, mse_in, mse_t)
loss_case("MSELoss() default", "MSELoss", {}, mse_in, mse_t)

bce_in = torch.sigmoid(randn("bce/input", 3, 4, scale=2.0))
bce_t = (rand("bce/target", 3, 4) > 0.5).float()
for r in REDUCTIONS:
    loss_case(f"BCELoss(reduction={r})", "BCELoss", {"reduction": r}, bce_in, bce_t)
loss_case("BCELoss soft targets", "BCELoss", {}, bce_in, rand("bce/soft", 3, 4))
# edges: p = 0 / 1 (log clamped to >= -100 in the loss; gradient denominator clamped to >= 1e-12)
bce_edge_in = torch.tensor([0.0, 0.0, 1.0, 1.0, 1e-12, 0.5, 1 - 1e-7])
bce_edge_t = torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0, 0.5, 1.0])
loss_case("BCELoss edges (reduction=none)", "BCELoss", {"reduction": "none"}, bce_edge_in, bce_edge_t)
loss_case("BCELoss edges (reduction=mean)", "BCELoss", {}, bce_edge_in, bce_edge_t)

bcel_in, bcel_t = randn("bcel/input", 3, 4, scale=3.0), (rand("bcel/target", 3, 4) > 0.5).float()
for r in REDUCTIONS:
    loss_case(f"BCEWithLogitsLoss(reduction={r})", "BCEWithLogitsLoss", {"reduction": r}, bcel_in, bcel_t)
loss_case("BCEWithLogitsLoss extreme logits (reduction=none)", "BCEWithLogitsLoss", {"reduction": "none"},
          torch.tensor([-100.0, -100.0, 100.0, 100.0, 0.0, 30.0, -30.0]),
          torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5, 0.3, 0.7]))
loss_case("BCEWithLogitsLoss pos_weight", "BCEWithLogitsLoss", {}, bcel_in, bcel_t,
          tensor_kwargs={"pos_weight": torch.tensor([1.0, 2.0, 0.5, 3.0])})

ce_in = randn("ce/input", 4, 5, scale=2.0)
ce_t = torch.tensor([0, 3, 4, 1])
for r in REDUCTIONS:
    loss_case(f"CrossEntropyLoss(reduction={r})", "CrossEntropyLoss", {"reduction": r}, ce_in, ce_t)
loss_case("CrossEntropyLoss ignore_index=-100 target", "CrossEntropyLoss", {}, ce_in, torch.tensor([0, -100, 4, 1]))
loss_case("CrossEntropyLoss label_smoothing=0.1", "CrossEntropyLoss", {"label_smoothing": 0.1}, ce_in, ce_t)
loss_case("CrossEntropyLoss class weights", "CrossEntropyLoss", {}, ce_in, ce_t,
          tensor_kwargs={"weight": torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0])})
loss_case("CrossEntropyLoss large logits", "CrossEntropyLoss", {"reduction": "none"},
          torch.tensor([[100.0, -100.0, 0.0], [0.0, 0.0, 0.0], [1000.0, 1000.0, -1000.0]]), torch.tensor([1, 2, 0]))

# ----------------------------------------------------------------------------- LayerNorm
layer_norm = []


def ln_case(name, normalized_shape, kwargs, xin, weight=None, bias=None):
    m = nn.LayerNorm(normalized_shape, **kwargs)
    if weight is not None:
        copy_(m.weight, weight)
        copy_(m.bias, bias)
    x, y, go = forward_backward(m, xin, name)
    rec = {"name": name, "normalized_shape": normalized_shape, "kwargs": kwargs, "repr": repr(m),
           "input": tdesc(xin), "output": tdesc(y), "grad_output": L(go), "grad_input": L(x.grad),
           "grad_fn": y.grad_fn.name()}
    if m.elementwise_affine:
        rec.update({"weight": L(m.weight), "bias": L(m.bias),
                    "grad_weight": L(m.weight.grad), "grad_bias": L(m.bias.grad)})
    layer_norm.append(rec)


ln_case("LayerNorm(4) default affine", [4], {}, randn("ln/x1", 3, 4, scale=2.0))
ln_case("LayerNorm(4) given affine", [4], {}, randn("ln/x2", 3, 4, scale=2.0),
        weight=[1.5, -0.5, 2.0, 0.25], bias=[0.1, 0.2, -0.3, 0.0])
ln_case("LayerNorm([2, 3]) no affine", [2, 3], {"elementwise_affine": False}, randn("ln/x3", 2, 2, 3))
ln_case("LayerNorm(4, eps=0.1) constant rows", [4], {"eps": 0.1},
        torch.tensor([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 1.0]]))

# ----------------------------------------------------------------------------- BatchNorm1d
batch_norm = []


def bn_case(name, num_features, kwargs, x_train, x_eval, weight, bias):
    m = nn.BatchNorm1d(num_features, **kwargs)
    copy_(m.weight, weight)
    copy_(m.bias, bias)
    m.train()
    x, y, go = forward_backward(m, x_train, name + "/train")
    train = {"input": tdesc(x_train), "output": tdesc(y), "grad_output": L(go), "grad_input": L(x.grad),
             "grad_weight": L(m.weight.grad), "grad_bias": L(m.bias.grad), "grad_fn": y.grad_fn.name(),
             "running_mean": L(m.running_mean), "running_var": L(m.running_var),
             "num_batches_tracked": int(m.num_batches_tracked)}
    m.eval()
    m.zero_grad()
    x, y, go = forward_backward(m, x_eval, name + "/eval")
    ev = {"input": tdesc(x_eval), "output": tdesc(y), "grad_output": L(go), "grad_input": L(x.grad),
          "grad_weight": L(m.weight.grad), "grad_bias": L(m.bias.grad), "grad_fn": y.grad_fn.name()}
    batch_norm.append({"name": name, "num_features": num_features, "kwargs": kwargs, "repr": repr(m),
                       "weight": weight, "bias": bias, "train": train, "eval": ev})


bn_case("BatchNorm1d(3) on [5, 3]", 3, {}, randn("bn/x1", 5, 3, scale=2.0) + 1.0, randn("bn/e1", 4, 3),
        [1.0, 1.0, 1.0], [0.0, 0.0, 0.0])
bn_case("BatchNorm1d(3) given affine on [5, 3]", 3, {}, randn("bn/x2", 5, 3, scale=2.0) - 0.5, randn("bn/e2", 2, 3),
        [0.5, -1.0, 2.0], [0.1, 0.0, -0.2])
bn_case("BatchNorm1d(2, momentum=0.5, eps=0.001) on [3, 2, 4]", 2, {"momentum": 0.5, "eps": 0.001},
        randn("bn/x3", 3, 2, 4), randn("bn/e3", 1, 2, 4), [1.0, 2.0], [0.0, 1.0])

# ----------------------------------------------------------------------------- Dropout (eval)
dropout = []
for name, p, python in (("Dropout(p=0.5).eval()", 0.5, "m = nn.Dropout(0.5); m.eval(); y = m(x)"),
                        ("Dropout(p=0.9).eval()", 0.9, "m = nn.Dropout(0.9); m.eval(); y = m(x)")):
    m = nn.Dropout(p)
    m.eval()
    x = randn("dropout/" + name, 3, 4).requires_grad_(True)
    y = m(x)
    dropout.append({"name": name, "p": p, "python": python, "repr": repr(m), "training": m.training,
                    "input": tdesc(x), "output": tdesc(y), "same_object": y is x,
                    "grad_fn": None if y.grad_fn is None else y.grad_fn.name()})
x = randn("dropout/functional", 2, 3).requires_grad_(True)
y = F.dropout(x, 0.5, training=False)
dropout.append({"name": "F.dropout(training=False)", "p": 0.5, "python": "F.dropout(x, 0.5, training=False)",
                "input": tdesc(x), "output": tdesc(y), "same_object": y is x,
                "grad_fn": None if y.grad_fn is None else y.grad_fn.name()})

# ----------------------------------------------------------------------------- calculate_gain
calculate_gain = []
for nl, param in (("linear", None), ("conv1d", None), ("conv2d", None), ("conv3d", None),
                  ("conv_transpose1d", None), ("conv_transpose2d", None), ("conv_transpose3d", None),
                  ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
                  ("leaky_relu", 0.2), ("leaky_relu", 0), ("leaky_relu", 1.0), ("leaky_relu", math.sqrt(5)),
                  ("selu", None)):
    g = nn.init.calculate_gain(nl) if param is None else nn.init.calculate_gain(nl, param)
    calculate_gain.append({"nonlinearity": nl, "param": param, "gain": float(g)})
calculate_gain_errors = []
for nl, param in (("foo", None), ("leaky_relu", "a"), ("leaky_relu", True), ("softmax", None)):
    try:
        nn.init.calculate_gain(nl) if param is None else nn.init.calculate_gain(nl, param)
        raise AssertionError("expected an error")
    except ValueError as e:
        calculate_gain_errors.append({"nonlinearity": nl, "param": param, "type": type(e).__name__, "message": str(e)})

# ----------------------------------------------------------------------------- init statistics
init = []


def fans(shape):
    t = torch.empty(shape)
    return nn.init._calculate_fan_in_and_fan_out(t)


def stats(t):
    t = t.detach().double()
    return {"mean": t.mean().item(), "std": t.std().item(), "min": t.min().item(), "max": t.max().item()}


def init_case(name, python, shape, fn, kwargs, distribution, gain, fan_for_std):
    fan_in, fan_out = fans(shape)
    if fn.startswith("kaiming"):
        std = gain / math.sqrt(fan_for_std)  # same expression as torch.nn.init
    else:
        std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    bound = math.sqrt(3.0) * std if distribution == "uniform" else None
    torch.manual_seed(0)
    w = torch.empty(shape)
    getattr(nn.init, fn)(w, **kwargs)
    init.append({"name": name, "python": python, "fn": fn, "kwargs": kwargs, "shape": list(shape),
                 "fan_in": fan_in, "fan_out": fan_out, "distribution": distribution, "gain": gain,
                 "bound": bound, "std": std, "numel": w.numel(), "empirical": stats(w)})


SHAPE = (512, 256)
init_case("kaiming_uniform_ default", "nn.init.kaiming_uniform_(w)", SHAPE, "kaiming_uniform_", {}, "uniform",
          nn.init.calculate_gain("leaky_relu", 0), 256)
init_case("kaiming_uniform_ a=sqrt(5)", "nn.init.kaiming_uniform_(w, a=math.sqrt(5))", SHAPE, "kaiming_uniform_",
          {"a": math.sqrt(5)}, "uniform", nn.init.calculate_gain("leaky_relu", math.sqrt(5)), 256)
init_case("kaiming_uniform_ fan_out relu", "nn.init.kaiming_uniform_(w, mode='fan_out', nonlinearity='relu')", SHAPE,
          "kaiming_uniform_", {"mode": "fan_out", "nonlinearity": "relu"}, "uniform", nn.init.calculate_gain("relu"), 512)
init_case("kaiming_uniform_ conv weight [16, 8, 3, 3]", "nn.init.kaiming_uniform_(w)", (16, 8, 3, 3),
          "kaiming_uniform_", {}, "uniform", nn.init.calculate_gain("leaky_relu", 0), 72)
init_case("kaiming_normal_ default", "nn.init.kaiming_normal_(w)", SHAPE, "kaiming_normal_", {}, "normal",
          nn.init.calculate_gain("leaky_relu", 0), 256)
init_case("kaiming_normal_ fan_out relu", "nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu')", SHAPE,
          "kaiming_normal_", {"mode": "fan_out", "nonlinearity": "relu"}, "normal", nn.init.calculate_gain("relu"), 512)
init_case("xavier_uniform_ default", "nn.init.xavier_uniform_(w)", SHAPE, "xavier_uniform_", {}, "uniform", 1.0, None)
init_case("xavier_uniform_ gain=calculate_gain('relu')", "nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu'))",
          SHAPE, "xavier_uniform_", {"gain": nn.init.calculate_gain("relu")}, "uniform", nn.init.calculate_gain("relu"), None)
init_case("xavier_normal_ default", "nn.init.xavier_normal_(w)", SHAPE, "xavier_normal_", {}, "normal", 1.0, None)
init_case("xavier_normal_ gain=2", "nn.init.xavier_normal_(w, gain=2.0)", SHAPE, "xavier_normal_", {"gain": 2.0},
          "normal", 2.0, None)

# default nn.Linear(256, 512) init: weight kaiming_uniform_(a=sqrt(5)) -> bound 1/sqrt(fan_in); bias U(-1/sqrt(fan_in), ..)
torch.manual_seed(0)
lin = nn.Linear(256, 512)
gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
std = gain / math.sqrt(256)
linear_default_init = {
    "python": "torch.manual_seed(0); nn.Linear(256, 512)",
    "in_features": 256, "out_features": 512,
    "weight": {"shape": list(lin.weight.shape), "fan_in": 256, "fan_out": 512, "distribution": "uniform",
               "gain": gain, "std": std, "bound": math.sqrt(3.0) * std, "numel": lin.weight.numel(),
               "empirical": stats(lin.weight)},
    "bias": {"shape": list(lin.bias.shape), "distribution": "uniform", "bound": 1 / math.sqrt(256),
             "std": 1 / math.sqrt(256) / math.sqrt(3.0), "numel": lin.bias.numel(), "empirical": stats(lin.bias)},
}

# ----------------------------------------------------------------------------- optimizers
W0 = [[0.2, -0.1, 0.4], [-0.3, 0.5, 0.1]]
B0 = [0.05, -0.05]
X = [[1.0, 2.0, -1.0], [0.5, -0.5, 0.0], [-1.5, 1.0, 2.0], [0.0, 0.3, -0.7]]
Y = [[1.0, 0.0], [0.0, 1.0], [-1.0, 0.5], [0.5, -0.5]]
OPTS = [
    ("SGD lr=0.1", "SGD", {"lr": 0.1}),
    ("SGD momentum=0.9", "SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD momentum=0.9 dampening=0.5", "SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.5}),
    ("SGD nesterov", "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    ("SGD weight_decay=0.01", "SGD", {"lr": 0.1, "weight_decay": 0.01}),
    ("SGD momentum=0.9 weight_decay=0.1", "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.1}),
    ("Adam defaults", "Adam", {}),
    ("Adam lr=0.1", "Adam", {"lr": 0.1}),
    ("Adam weight_decay=0.1", "Adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("Adam amsgrad", "Adam", {"lr": 0.05, "amsgrad": True}),
    ("Adam betas=(0.5, 0.9) eps=1e-3", "Adam", {"lr": 0.05, "betas": [0.5, 0.9], "eps": 1e-3}),
]
optim = []
for name, opt_name, kwargs in OPTS:
    model = nn.Linear(3, 2)
    copy_(model.weight, W0)
    copy_(model.bias, B0)
    pykw = {k: (tuple(v) if k == "betas" else v) for k, v in kwargs.items()}
    opt = getattr(torch.optim, opt_name)(model.parameters(), **pykw)
    crit = nn.MSELoss()
    xs, ys = torch.tensor(X), torch.tensor(Y)
    steps = []
    for _ in range(5):
        opt.zero_grad()
        loss = crit(model(xs), ys)
        loss.backward()
        rec = {"loss": loss.item(), "grad_weight": L(model.weight.grad), "grad_bias": L(model.bias.grad)}
        opt.step()
        rec.update({"weight": L(model.weight), "bias": L(model.bias)})
        steps.append(rec)
    optim.append({"name": name, "optimizer": opt_name, "kwargs": kwargs, "weight0": W0, "bias0": B0,
                  "input": X, "target": Y, "loss": "MSELoss()", "steps": steps})

# ----------------------------------------------------------------------------- module reprs / state_dict
class SimpleNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc2(self.relu(self.fc1(x)))


MODULES = [
    ("SimpleNN", "SimpleNN()  # fc1 = Linear(4, 8), relu = ReLU(), fc2 = Linear(8, 1)", SimpleNN()),
    ("Sequential", "nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))",
     nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))),
    ("Linear(4, 8, bias=False)", "nn.Linear(4, 8, bias=False)", nn.Linear(4, 8, bias=False)),
    ("Linear(3, 2)", "nn.Linear(3, 2)", nn.Linear(3, 2)),
    ("Sequential nested", "nn.Sequential(SimpleNN(), nn.Sigmoid())", nn.Sequential(SimpleNN(), nn.Sigmoid())),
    ("Sequential empty", "nn.Sequential()", nn.Sequential()),
    ("LayerNorm(4)", "nn.LayerNorm(4)", nn.LayerNorm(4)),
    ("LayerNorm([2, 3], elementwise_affine=False)", "nn.LayerNorm([2, 3], elementwise_affine=False)",
     nn.LayerNorm([2, 3], elementwise_affine=False)),
    ("BatchNorm1d(3)", "nn.BatchNorm1d(3)", nn.BatchNorm1d(3)),
    ("Dropout()", "nn.Dropout()", nn.Dropout()),
    ("Dropout(p=0.2)", "nn.Dropout(p=0.2)", nn.Dropout(p=0.2)),
    ("MSELoss()", "nn.MSELoss()", nn.MSELoss()),
    ("CrossEntropyLoss()", "nn.CrossEntropyLoss()", nn.CrossEntropyLoss()),
    ("BCELoss()", "nn.BCELoss()", nn.BCELoss()),
    ("BCEWithLogitsLoss()", "nn.BCEWithLogitsLoss()", nn.BCEWithLogitsLoss()),
]
modules = []
for name, python, m in MODULES:
    sd = m.state_dict()
    modules.append({"name": name, "python": python, "repr": repr(m), "state_dict_keys": list(sd.keys()),
                    "state_dict_shapes": {k: list(v.shape) for k, v in sd.items()},
                    "named_parameters": [[k, list(v.shape)] for k, v in m.named_parameters()]})

doc = {
    "generator": "test/golden/gen_nn.py",
    "torch_version": torch.__version__,
    "linear": linear,
    "sequential": sequential,
    "losses": losses,
    "layer_norm": layer_norm,
    "batch_norm": batch_norm,
    "dropout": dropout,
    "calculate_gain": calculate_gain,
    "calculate_gain_errors": calculate_gain_errors,
    "init": init,
    "linear_default_init": linear_default_init,
    "optim": optim,
    "modules": modules,
}
write_fixture(OUT, dumps(enc(doc)))
counts = {k: len(v) for k, v in doc.items() if isinstance(v, list)}
print(f"wrote {OUT}: {counts}")
