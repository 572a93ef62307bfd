#!/usr/bin/env python3
"""Golden fixtures for the random number generator: what PyTorch 1.13's CPU generator produces.

test/unit/random.test.ts compares against these bit for bit, except float64 normals (and the
cached double normal in state blobs): the engine computes those with JavaScript's Math.log,
Math.sin and Math.cos, which may differ from the C library torch calls in the last bit or two,
so the test allows a few ulp there.

Writes test/golden/fixtures/random.json:
  {
    "torch_version", "cpu_capability",
    "default": { initial_seed, ops }        a fresh torch.Generator() (default seed), then ops
    "cases": [ { name, seed, initial_seed, ops: [ { op, ..., expected } ] } ]
    "linear": { seed, layers: [ { in, out, weight_bound, bias_bound, weight, bias } ] }
  }
Each case seeds one generator with `seed` and runs its ops in order on it, so later ops see the
state (and the cached Box-Muller value) earlier ops left. Seeds and integers that do not fit in
a double exactly are decimal strings. Floats are float32/float64 values widened to Python
floats, whose repr round-trips exactly through JSON (-0.0 included). "state" ops hold
torch.get_rng_state() as base64 (5056 bytes).

ops:
  uniform    dtype, n, from, to         torch.empty(n, dtype).uniform_(from, to)
                                        (from/to null: torch.rand(n, dtype))
  normal     dtype, n, mean, std        torch.empty(n, dtype).normal_(mean, std)
                                        (mean/std null: torch.randn(n, dtype))
  randint    dtype, n, low, high        torch.randint(low, high, (n,), dtype)
  bernoulli  dtype, n, p                torch.empty(n, dtype).bernoulli_(p)
  bernoulli_tensor  p_dtype, n, p       torch.bernoulli(torch.full((n,), p, dtype=p_dtype))
  dropout    n, p                       F.dropout(torch.ones(n), p)  (float32)
  randperm   n                          torch.randperm(n)
  state                                 torch.get_rng_state()

PyTorch's float32 normal_ for >= 16 elements runs a vectorised kernel chosen by CPU capability
(AVX2 here); the fixtures record which capability produced them.
"""
import base64
import json
import math

from golden_common import fixture_path, flat, torch, write_fixture
import torch.nn as nn
import torch.nn.functional as F

OUT = fixture_path("random.json")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64,
          "int32": torch.int32, "uint8": torch.uint8}


def num(v):
    """JSON-safe exact number: ints beyond 2^53 become strings."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v if abs(v) <= 2**53 else str(v)
    assert math.isfinite(v), v
    return v


def values(t):
    return [num(v) for v in flat(t)]


def run(g, op):
    """Runs one op on generator g; returns the op dict with `expected` filled in."""
    kind = op["op"]
    out = dict(op)
    if kind == "uniform":
        t = torch.empty(op["n"], dtype=DTYPES[op["dtype"]])
        if op.get("from") is None:
            t = torch.rand(op["n"], dtype=DTYPES[op["dtype"]], generator=g)
        else:
            t.uniform_(op["from"], op["to"], generator=g)
        out["expected"] = values(t)
    elif kind == "normal":
        if op.get("mean") is None:
            t = torch.randn(op["n"], dtype=DTYPES[op["dtype"]], generator=g)
        else:
            t = torch.empty(op["n"], dtype=DTYPES[op["dtype"]]).normal_(op["mean"], op["std"], generator=g)
        out["expected"] = values(t)
    elif kind == "randint":
        low, high = int(op["low"]), int(op["high"])
        t = torch.randint(low, high, (op["n"],), dtype=DTYPES[op["dtype"]], generator=g)
        out["low"], out["high"] = num(low), num(high)
        out["expected"] = values(t)
    elif kind == "bernoulli":
        t = torch.empty(op["n"], dtype=DTYPES[op["dtype"]]).bernoulli_(op["p"], generator=g)
        out["expected"] = values(t)
    elif kind == "bernoulli_tensor":
        probs = torch.full((op["n"],), op["p"], dtype=DTYPES[op["p_dtype"]])
        out["expected"] = values(torch.bernoulli(probs, generator=g))
    elif kind == "dropout":
        # F.dropout has no generator argument: it draws from the default generator.
        assert g is torch.default_generator
        out["expected"] = values(F.dropout(torch.ones(op["n"]), op["p"]))
    elif kind == "randperm":
        out["expected"] = values(torch.randperm(op["n"], generator=g))
    elif kind == "state":
        out["expected"] = base64.b64encode(g.get_state().numpy().tobytes()).decode("ascii")
    else:
        raise ValueError(kind)
    return out


SIZES = [1, 3, 15, 16, 17, 100, 1000]
SEEDS = [0, 1, 42, 12345, 2**40 + 17, 2**64 - 2, -1, -123456789]

cases = []


def case(name, seed, ops):
    g = torch.default_generator
    g.manual_seed(seed)
    cases.append({
        "name": name,
        "seed": num(seed),
        "initial_seed": num(g.initial_seed()),
        "ops": [run(g, op) for op in ops],
    })


for seed in SEEDS:
    sizes = SIZES if seed in (0, 42, -1) else SIZES[:-1]
    for dtype in ("float32", "float64"):
        for n in sizes:
            case(f"rand {dtype} n={n} seed={seed}", seed, [{"op": "uniform", "dtype": dtype, "n": n}])
            case(f"randn {dtype} n={n} seed={seed}", seed, [{"op": "normal", "dtype": dtype, "n": n}])
    case(f"randint ranges seed={seed}", seed, [
        {"op": "randint", "dtype": "int64", "n": 50, "low": 0, "high": 10},
        {"op": "randint", "dtype": "int64", "n": 50, "low": -5, "high": 17},
        {"op": "randint", "dtype": "int64", "n": 50, "low": 0, "high": 2**31},
        {"op": "randint", "dtype": "int64", "n": 50, "low": -3, "high": 2**32 - 3},  # range 2^32: random64
        {"op": "randint", "dtype": "int64", "n": 50, "low": -2**40, "high": 2**40},
        {"op": "randint", "dtype": "int64", "n": 50, "low": 0, "high": 2**62},
        {"op": "randint", "dtype": "int64", "n": 20, "low": -2**63, "high": 2**63 - 1},
        {"op": "randint", "dtype": "int64", "n": 20, "low": 2**53, "high": 2**53 + 1000},
        {"op": "randint", "dtype": "float32", "n": 50, "low": -1000, "high": 2**24},
        {"op": "randint", "dtype": "float64", "n": 50, "low": 0, "high": 2**40},
        {"op": "randint", "dtype": "int32", "n": 50, "low": -2**31, "high": 2**31 - 1},
    ])
    case(f"bernoulli seed={seed}", seed, [
        {"op": "bernoulli", "dtype": "float32", "n": 100, "p": 0.5},
        {"op": "bernoulli", "dtype": "float32", "n": 100, "p": 0.2},
        {"op": "bernoulli", "dtype": "uint8", "n": 50, "p": 0.7},
        {"op": "bernoulli", "dtype": "float64", "n": 50, "p": 0.2},
        {"op": "bernoulli_tensor", "p_dtype": "float32", "n": 50, "p": 0.3},
        {"op": "bernoulli_tensor", "p_dtype": "float64", "n": 50, "p": 0.3},
    ])
    case(f"randperm seed={seed}", seed, [{"op": "randperm", "n": n} for n in (1, 2, 10, 100, 1000)])
    case(f"uniform_/normal_ ranges seed={seed}", seed, [
        {"op": "uniform", "dtype": "float32", "n": 100, "from": -0.37, "to": 1.9},
        {"op": "uniform", "dtype": "float32", "n": 100, "from": -3.0, "to": 3.0},
        {"op": "uniform", "dtype": "float32", "n": 50, "from": 2.5, "to": 2.5000001},
        {"op": "uniform", "dtype": "float64", "n": 100, "from": -0.37, "to": 1.9},
        {"op": "uniform", "dtype": "float64", "n": 100, "from": 1e-3, "to": 7.5},
        {"op": "normal", "dtype": "float32", "n": 10, "mean": 0.3, "std": 2.7},
        {"op": "normal", "dtype": "float32", "n": 100, "mean": 0.3, "std": 2.7},
        {"op": "normal", "dtype": "float32", "n": 37, "mean": -1.5, "std": 0.01},
        {"op": "normal", "dtype": "float64", "n": 10, "mean": 0.3, "std": 2.7},
        {"op": "normal", "dtype": "float64", "n": 100, "mean": 0.3, "std": 2.7},
        {"op": "normal", "dtype": "float64", "n": 37, "mean": -1.5, "std": 0.01},
        {"op": "normal", "dtype": "float32", "n": 20, "mean": 5.0, "std": 0.0},
    ])

# Sequences: several calls after one seed; the scalar (< 16 elements) normal path caches its
# second Box-Muller value across calls, the vectorised path does not touch it.
case("sequence A", 0, [
    {"op": "normal", "dtype": "float32", "n": 3},
    {"op": "uniform", "dtype": "float32", "n": 5},
    {"op": "normal", "dtype": "float32", "n": 20},
    {"op": "normal", "dtype": "float32", "n": 1},
    {"op": "state"},
    {"op": "randint", "dtype": "int64", "n": 4, "low": 0, "high": 10},
    {"op": "normal", "dtype": "float64", "n": 3},
    {"op": "normal", "dtype": "float32", "n": 2},
    {"op": "bernoulli", "dtype": "float32", "n": 10, "p": 0.5},
    {"op": "randperm", "n": 7},
    {"op": "normal", "dtype": "float32", "n": 17},
    {"op": "uniform", "dtype": "float64", "n": 3},
    {"op": "state"},
])
case("sequence B", 12345, [
    {"op": "normal", "dtype": "float64", "n": 1},
    {"op": "state"},
    {"op": "normal", "dtype": "float64", "n": 5},
    {"op": "normal", "dtype": "float32", "n": 1000},
    {"op": "normal", "dtype": "float32", "n": 5, "mean": 1.0, "std": 3.0},
    {"op": "uniform", "dtype": "float32", "n": 700},
    {"op": "randint", "dtype": "int64", "n": 30, "low": -2**40, "high": 2**40},
    {"op": "normal", "dtype": "float32", "n": 33},
    {"op": "state"},
])
case("sequence C (crosses several mt19937 blocks)", -1, [
    {"op": "uniform", "dtype": "float32", "n": 623},
    {"op": "uniform", "dtype": "float32", "n": 2},
    {"op": "uniform", "dtype": "float64", "n": 311},
    {"op": "normal", "dtype": "float32", "n": 1250},
    {"op": "normal", "dtype": "float64", "n": 31},
    {"op": "randperm", "n": 1000},
    {"op": "state"},
])
case("dropout", 0, [
    {"op": "dropout", "n": 100, "p": 0.2},
    {"op": "dropout", "n": 100, "p": 0.5},
    {"op": "dropout", "n": 30, "p": 0.1},
])

# A fresh generator starts from ATen's default seed.
fresh = torch.Generator()
default = {
    "initial_seed": num(fresh.initial_seed()),
    "ops": [run(fresh, op) for op in (
        {"op": "uniform", "dtype": "float32", "n": 5},
        {"op": "normal", "dtype": "float32", "n": 5},
        {"op": "normal", "dtype": "float32", "n": 20},
    )],
}

# nn.Linear's initialisation: kaiming_uniform_(weight, a=sqrt(5)), then uniform_(bias, +-1/sqrt(fan_in)).
torch.manual_seed(0)
layers = []
for fan_in, fan_out in ((4, 8), (8, 1)):
    lin = nn.Linear(fan_in, fan_out)
    gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
    layers.append({
        "in": fan_in,
        "out": fan_out,
        "weight_bound": math.sqrt(3.0) * (gain / math.sqrt(fan_in)),
        "bias_bound": 1 / math.sqrt(fan_in),
        "weight": values(lin.weight.detach()),
        "bias": values(lin.bias.detach()),
    })

capability = "unknown"
for line in torch.__config__.show().splitlines():
    if "CPU capability usage" in line:
        capability = line.split(":", 1)[1].strip()

doc = {
    "torch_version": torch.__version__,
    "cpu_capability": capability,
    "default": default,
    "cases": cases,
    "linear": {"seed": 0, "layers": layers},
}
write_fixture(OUT, json.dumps(doc, separators=(",", ":")) + "\n")
print(f"wrote {OUT}: {len(cases)} cases")
