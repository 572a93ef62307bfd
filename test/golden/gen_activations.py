#!/usr/bin/python3
"""Golden fixtures for activation functions: writes test/golden/fixtures/activations.json.

Oracle: Debian's python3-torch 1.13 (CPU, float32, single thread).  Run from anywhere:

    /usr/bin/python3 test/golden/gen_activations.py      (or: npm run golden)

If the interpreter on PATH has no torch (e.g. a pyenv python), the script re-executes
itself with /usr/bin/python3.

Determinism: every random tensor comes from its own torch.Generator seeded either with a
fixed constant (the shared random input: seed 0) or with zlib.crc32 of the case name (the
random upstream gradients), so the output does not depend on case order and re-running the
script reproduces the committed JSON byte for byte.

What is recorded
----------------
cases: one entry per (function, kwargs, input set, upstream gradient):
    { "name":        readable id, e.g. "leaky_relu(negative_slope=0.2) on special, grad_output=random",
      "fn":          name of the torch.nn.functional function (heaviside -> torch.heaviside),
      "kwargs":      PyTorch keyword arguments (for prelu: the nn.PReLU constructor kwargs),
      "via":         "functional" | "module" (prelu only: nn.PReLU(**kwargs) is used),
      "weight"?:     {shape, data} explicit prelu weight for F.prelu(x, weight),
      "values"?:     heaviside's `values` (a 0-d tensor in PyTorch),
      "input_set":   "special" (hand-picked incl. 0, -0., kinks and their float32 neighbours,
                     +-1e-7, +-1, +-2.5, +-30, +-100, +-inf, nan) | "random" (64 seeded normals * 4,
                     reshaped to [8, 8] for softmax and [2, 4, 8] for 4-channel prelu) |
                     "special_finite" (prelu only: the finite special values) |
                     "nonfinite" (softmax/log_softmax only: rows with -inf, inf, nan),
      "upstream":    "ones" | "random" (seeded normal) | null (heaviside: no backward),
      "input":       {shape, data}   (data flattened, row-major, float32 values),
      "output":      flattened forward values,
      "grad_output": flattened upstream gradient passed to y.backward(),
      "grad_input":  flattened x.grad,
      "grad_weight"?: flattened prelu weight grad,
      "grad_fn":     y.grad_fn.name(),
      "backward_error"?: {type, message}  (heaviside: PyTorch 1.13 has no derivative) }
module_reprs: repr() of every activation module class with default and non-default args,
    as { "module", "args", "kwargs", "repr" } (module constructed as nn.<module>(*args, **kwargs)).

Non-finite numbers are written as the strings "nan", "inf", "-inf" (see fixtures.ts); -0.0
is written as -0.0 (JSON.parse keeps the sign).
"""
import math

# first: it imports torch (re-executing under /usr/bin/python3 when this python lacks it)
from golden_common import INF, NAN, crc, dumps, enc, fixture_path, flat, gen, setup_torch, torch, write_fixture
import numpy as np
import torch.nn as nn
import torch.nn.functional as F

setup_torch()

OUT = fixture_path("activations.json")


# ----------------------------------------------------------------------------- helpers
def tdesc(t):
    return {"shape": list(t.shape), "data": flat(t)}


def f32_neighbours(k):
    """k and its two float32 neighbours."""
    k32 = np.float32(k)
    return [float(np.nextafter(k32, np.float32(-INF))), float(k32), float(np.nextafter(k32, np.float32(INF)))]


def fmt_kwargs(kwargs):
    parts = []
    for k, v in kwargs.items():
        parts.append(f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}")
    return ", ".join(parts)


BASE = [0.0, -0.0, 1e-7, -1e-7, 1.0, -1.0, 2.5, -2.5, 30.0, -30.0, 100.0, -100.0, INF, -INF, NAN]

# shared random input: 64 standard normals * 4, seed 0
RANDOM = torch.randn(64, generator=gen(0)) * 4


def special_values(kinks):
    vals = list(BASE)
    for k in kinks:
        vals += f32_neighbours(k)
    out, seen = [], set()
    for v in vals:
        key = "nan" if math.isnan(v) else (v, math.copysign(1.0, v))
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


# ----------------------------------------------------------------------------- configs
# (fn, kwargs, kinks)  -- kinks are added to the hand-picked set together with their float32 neighbours
CONFIGS = [
    ("relu", {}, [0.0]),
    ("leaky_relu", {}, [0.0]),
    ("leaky_relu", {"negative_slope": 0.01}, [0.0]),
    ("leaky_relu", {"negative_slope": 0.2}, [0.0]),
    ("leaky_relu", {"negative_slope": 1.5}, [0.0]),
    ("leaky_relu", {"negative_slope": 0.0}, [0.0]),
    ("elu", {}, [0.0]),
    ("elu", {"alpha": 1.0}, [0.0]),
    ("elu", {"alpha": 0.5}, [0.0]),
    ("elu", {"alpha": 2.0}, [0.0]),
    ("relu6", {}, [0.0, 6.0]),
    ("sigmoid", {}, [0.0]),
    ("tanh", {}, [0.0]),
    ("silu", {}, [0.0]),
    ("gelu", {}, [0.0]),
    ("gelu", {"approximate": "none"}, [0.0]),
    ("gelu", {"approximate": "tanh"}, [0.0]),
    ("softplus", {}, [0.0, 20.0]),
    ("softplus", {"beta": 1, "threshold": 20}, [0.0, 20.0]),
    ("softplus", {"beta": 2, "threshold": 20}, [0.0, 10.0]),
    ("softplus", {"beta": 0.5, "threshold": 20}, [0.0, 40.0]),
    ("softplus", {"beta": 1, "threshold": 1}, [0.0, 1.0]),
    ("softplus", {"beta": 2, "threshold": 1}, [0.0, 0.5]),
    ("softplus", {"beta": 0.5, "threshold": 1}, [0.0, 2.0]),
    ("mish", {}, [0.0]),
    ("selu", {}, [0.0]),
    ("celu", {}, [0.0]),
    ("celu", {"alpha": 1.0}, [0.0]),
    ("celu", {"alpha": 0.5}, [0.0]),
    ("hardtanh", {}, [-1.0, 1.0]),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}, [-2.0, 3.0]),
    ("hardsigmoid", {}, [-3.0, 3.0]),
    ("hardswish", {}, [-3.0, 0.0, 3.0]),
    ("softsign", {}, [0.0]),
    ("logsigmoid", {}, [0.0]),
    ("threshold", {"threshold": 1.0, "value": -5.0}, [1.0]),
    ("threshold", {"threshold": 0.0, "value": 0.0}, [0.0]),
    ("threshold", {"threshold": -1.0, "value": 2.0}, [-1.0]),
    ("threshold", {"threshold": 0.5, "value": 0.5}, [0.5]),
]

FUNCS = {
    "relu": F.relu,
    "leaky_relu": F.leaky_relu,
    "elu": F.elu,
    "relu6": F.relu6,
    "sigmoid": torch.sigmoid,  # == F.sigmoid (deprecated alias, same kernel)
    "tanh": torch.tanh,  # == F.tanh
    "silu": F.silu,
    "gelu": F.gelu,
    "softplus": F.softplus,
    "mish": F.mish,
    "selu": F.selu,
    "celu": F.celu,
    "hardtanh": F.hardtanh,
    "hardsigmoid": F.hardsigmoid,
    "hardswish": F.hardswish,
    "softsign": F.softsign,
    "logsigmoid": F.logsigmoid,
    "threshold": F.threshold,
    "softmax": F.softmax,
    "log_softmax": F.log_softmax,
}

cases = []


def run_case(name, fn, kwargs, input_set, upstream, x_data, call, extra=None, weight_param=None):
    """x_data: float32 tensor; call(x) -> y (may use weight_param)."""
    x = x_data.clone().requires_grad_(True)
    y = call(x)
    if upstream == "ones":
        go = torch.ones_like(y)
    else:
        go = torch.randn(y.shape, generator=gen(crc(name)))
    y.backward(go)
    case = {
        "name": name,
        "fn": fn,
        "kwargs": kwargs,
        "via": "functional",
    }
    if extra:
        case.update(extra)
    case.update({
        "input_set": input_set,
        "upstream": upstream,
        "input": tdesc(x_data),
        "output": flat(y),
        "grad_output": flat(go),
        "grad_input": flat(x.grad),
        "grad_fn": y.grad_fn.name(),
    })
    if weight_param is not None:
        case["grad_weight"] = flat(weight_param.grad)
    cases.append(case)


def label(fn, kwargs):
    return f"{fn}({fmt_kwargs(kwargs)})"


# --- elementwise activations
for fn, kwargs, kinks in CONFIGS:
    inputs = [("special", torch.tensor(special_values(kinks))), ("random", RANDOM.clone())]
    for input_set, xd in inputs:
        for upstream in ("ones", "random"):
            name = f"{label(fn, kwargs)} on {input_set}, grad_output={upstream}"
            f = FUNCS[fn]
            run_case(name, fn, kwargs, input_set, upstream, xd, lambda x, f=f, kw=kwargs: f(x, **kw))

# --- prelu: via nn.PReLU(**kwargs) and via F.prelu(x, weight)
PRELU_MODULE = [
    ({}, "1 parameter, default init 0.25"),
    ({"num_parameters": 1, "init": 0.1}, None),
    ({"num_parameters": 1, "init": -0.5}, None),
    ({"num_parameters": 4}, None),
    ({"num_parameters": 4, "init": 2.0}, None),
]


def prelu_inputs(channels):
    """special (with inf/nan, so the weight grad of a 1-parameter PReLU is nan), special_finite
    (the finite hand-picked values only, so the weight grad is a number) and random."""
    sv = special_values([0.0])
    fv = [v for v in sv if math.isfinite(v)]
    if channels == 1:
        return [("special", torch.tensor(sv)), ("special_finite", torch.tensor(fv)), ("random", RANDOM.clone())]
    pad = [0.5, -0.5, 3.0, -3.0]
    for vals in (sv, fv):
        while len(vals) % channels:
            vals.append(pad[len(vals) % 4])
    # special: [L/C, C]  (channel dim 1);  random: [2, C, 8] (channel dim 1, trailing dim broadcast)
    return [("special", torch.tensor(sv).reshape(-1, channels)),
            ("special_finite", torch.tensor(fv).reshape(-1, channels)),
            ("random", RANDOM.clone().reshape(2, channels, -1))]


for kwargs, _ in PRELU_MODULE:
    channels = kwargs.get("num_parameters", 1)
    for input_set, xd in prelu_inputs(channels):
        for upstream in ("ones", "random"):
            name = f"nn.PReLU({fmt_kwargs(kwargs)}) on {input_set}, grad_output={upstream}"
            m = nn.PReLU(**kwargs)
            run_case(name, "prelu", kwargs, input_set, upstream, xd, m, weight_param=m.weight)
            cases[-1]["via"] = "module"

PRELU_WEIGHTS = [[0.25], [0.1, -0.5, 2.0, 0.0]]
for w in PRELU_WEIGHTS:
    for input_set, xd in prelu_inputs(len(w)):
        for upstream in ("ones", "random"):
            name = f"prelu(weight={w}) on {input_set}, grad_output={upstream}"
            wp = torch.tensor(w, requires_grad=True)
            run_case(name, "prelu", {}, input_set, upstream, xd, lambda x, wp=wp: F.prelu(x, wp),
                     extra={"weight": tdesc(wp)}, weight_param=wp)

# --- softmax / log_softmax on 2-d inputs
SOFTMAX_SPECIAL = torch.tensor([
    [0.0, -0.0, 1e-7, -1e-7, 1.0],
    [-1.0, 2.5, -2.5, 30.0, -30.0],
    [100.0, -100.0, 1.0, 2.0, 3.0],
    [-100.0, -100.0, -100.0, 100.0, 100.0],
])
SOFTMAX_NONFINITE = torch.tensor([
    [-INF, 0.0, 1.0, 2.0],
    [INF, 0.0, 1.0, 2.0],
    [NAN, 0.0, 1.0, 2.0],
    [-INF, -INF, -INF, -INF],
    [1.0, 1.0, 1.0, 1.0],
])
for fn in ("softmax", "log_softmax"):
    for dim in (0, 1, -1):
        kwargs = {"dim": dim}
        for input_set, xd in (("special", SOFTMAX_SPECIAL), ("nonfinite", SOFTMAX_NONFINITE),
                              ("random", RANDOM.clone().reshape(8, 8))):
            for upstream in ("ones", "random"):
                name = f"{label(fn, kwargs)} on {input_set}, grad_output={upstream}"
                f = FUNCS[fn]
                run_case(name, fn, kwargs, input_set, upstream, xd, lambda x, f=f, kw=kwargs: f(x, **kw))

# --- heaviside: forward only (no derivative in PyTorch 1.13)
for values in (0.0, 0.5, 1.0):
    for input_set, xd in (("special", torch.tensor(special_values([0.0]))), ("random", RANDOM.clone())):
        name = f"heaviside(values={values}) on {input_set}"
        x = xd.clone().requires_grad_(True)
        y = torch.heaviside(x, torch.tensor(values))
        case = {
            "name": name, "fn": "heaviside", "kwargs": {}, "via": "functional", "values": values,
            "input_set": input_set, "upstream": None, "input": tdesc(xd), "output": flat(y),
            "requires_grad": y.requires_grad, "grad_fn": y.grad_fn.name(),
        }
        try:
            y.sum().backward()
            case["backward_error"] = None
        except Exception as e:  # noqa: BLE001 - we record whatever PyTorch raises
            case["backward_error"] = {"python": "torch.heaviside(x, torch.tensor(v)).sum().backward()",
                                      "type": type(e).__name__, "message": str(e)}
        cases.append(case)

# ----------------------------------------------------------------------------- module reprs
REPRS = [
    ("ReLU", [], {}), ("ReLU", [], {"inplace": True}),
    ("LeakyReLU", [], {}), ("LeakyReLU", [0.2], {}), ("LeakyReLU", [], {"negative_slope": 1.5}),
    ("LeakyReLU", [], {"negative_slope": 0.2, "inplace": True}),
    ("PReLU", [], {}), ("PReLU", [], {"num_parameters": 3}), ("PReLU", [], {"num_parameters": 3, "init": 0.1}),
    ("ELU", [], {}), ("ELU", [], {"alpha": 0.5}), ("ELU", [], {"alpha": 2.0}), ("ELU", [], {"alpha": 1.0, "inplace": True}),
    ("ReLU6", [], {}), ("ReLU6", [], {"inplace": True}),
    ("Sigmoid", [], {}), ("Tanh", [], {}),
    ("SiLU", [], {}), ("SiLU", [], {"inplace": True}),
    ("GELU", [], {}), ("GELU", [], {"approximate": "none"}), ("GELU", [], {"approximate": "tanh"}),
    ("Softplus", [], {}), ("Softplus", [], {"beta": 2}), ("Softplus", [], {"beta": 0.5, "threshold": 1}),
    ("Mish", [], {}), ("Mish", [], {"inplace": True}),
    ("SELU", [], {}), ("SELU", [], {"inplace": True}),
    ("CELU", [], {}), ("CELU", [], {"alpha": 0.5}),
    ("Hardtanh", [], {}), ("Hardtanh", [-2.0, 3.0], {}), ("Hardtanh", [], {"min_val": -2.0, "max_val": 3.0, "inplace": True}),
    ("Hardsigmoid", [], {}), ("Hardswish", [], {}),
    ("Softsign", [], {}), ("LogSigmoid", [], {}),
    ("Threshold", [1.0, -5.0], {}), ("Threshold", [], {"threshold": 0.1, "value": 20.0}),
    ("Threshold", [], {"threshold": 0.5, "value": 0.0, "inplace": True}),
    ("Softmax", [], {}), ("Softmax", [], {"dim": 1}), ("Softmax", [0], {}), ("Softmax", [], {"dim": -1}),
    ("LogSoftmax", [], {}), ("LogSoftmax", [], {"dim": 1}),
]
module_reprs = []
for mod, args, kwargs in REPRS:
    m = getattr(nn, mod)(*args, **kwargs)
    module_reprs.append({"module": mod, "args": args, "kwargs": kwargs, "repr": repr(m)})

doc = {
    "generator": "test/golden/gen_activations.py",
    "torch_version": torch.__version__,
    "notes": [
        "Inputs and outputs are float32 values printed as Python floats (exact).",
        "relu/leaky_relu/prelu/hardtanh/relu6/threshold/heaviside are exact; others need a tolerance.",
        "relu6 is implemented as hardtanh(0, 6): grad_fn HardtanhBackward0 and grad 0 at x == 0 and x == 6.",
        "selu's grad_fn is EluBackward0; softsign's is DivBackward0 (x / (1 + |x|)).",
        "heaviside has no derivative: y.grad_fn.name() == 'torch::autograd::NotImplemented' and backward raises.",
        "heaviside(nan) == 0 (not nan, not values).",
        "relu'(0) = 0 and relu'(nan) = 1 (threshold_backward: x <= 0 ? 0 : g); leaky_relu'(0) = leaky_relu'(nan) = slope (x > 0 ? g : g * slope).",
        "leaky_relu(-inf, slope=0) = nan (-inf * 0).",
        "hardtanh/relu6 gradients are 0 at the bounds and at nan; hardsigmoid' is 0 at +-3; hardswish' is -0.5 at -3 and 1.5 at +3.",
        "elu'(0) = alpha, selu'(0) = scale * alpha, celu'(0) = 1 (the x <= 0 branch).",
        "silu, gelu, mish and hardswish give nan at -inf; softsign gives nan at +-inf; their gradients at +-inf are nan except hardswish.",
        "softplus switches to the identity only when beta * x > threshold (strictly).",
    ],
    "cases": cases,
    "module_reprs": module_reprs,
}

write_fixture(OUT, dumps(enc(doc)))
print(f"wrote {OUT}: {len(cases)} cases, {len(module_reprs)} module reprs")
