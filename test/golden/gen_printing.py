#!/usr/bin/env python3
"""Golden fixtures for tensor printing: str(t) from PyTorch 1.13 (torch/_tensor_str.py).

Writes test/golden/fixtures/printing.json, a list of cases:
  { name, shape, dtype, data, requires_grad, grad_fn, is_parameter, options, expected }
data is flat row-major. Floats are the float32/float64 values widened to Python floats (whose
repr round-trips exactly through JSON); non-finite values are the strings "nan", "inf", "-inf";
-0.0 is written as the JSON number -0.0, which JSON.parse reads back as -0. Bools are 0/1.
options are keyword arguments of torch.set_printoptions, applied for that case only.
"""
import json
import math
import sys

from golden_common import fixture_path, flat, gen, torch, write_fixture

OUT = fixture_path("printing.json")

DTYPES = {
    torch.float32: "float32",
    torch.float64: "float64",
    torch.int64: "int64",
    torch.int32: "int32",
    torch.bool: "bool",
}

cases = []
names = set()


def encode(v):
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int):
        assert abs(v) < 2**53, v
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def add(name, t, options=None):
    assert name not in names, name
    names.add(name)
    options = dict(options or {})
    torch.set_printoptions(profile="default")
    if options:
        torch.set_printoptions(**options)
    try:
        expected = str(t)
    finally:
        torch.set_printoptions(profile="default")
    is_parameter = isinstance(t, torch.nn.Parameter)
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    cases.append({
        "name": name,
        "shape": list(t.shape),
        "dtype": DTYPES[t.dtype],
        "data": [encode(v) for v in flat(t)],
        "requires_grad": bool(t.requires_grad),
        "grad_fn": grad_fn,
        "is_parameter": is_parameter,
        "options": options,
        "expected": expected,
    })


T = torch.tensor
f64 = torch.float64
nan, inf = float("nan"), float("inf")

# ---- 0-d scalars ---------------------------------------------------------------------------
add("scalar 2.", T(2.0))
add("scalar 0.5", T(0.5))
add("scalar -3.25", T(-3.25))
add("scalar 1e-7", T(1e-7))
add("scalar 1e8", T(1e8))
add("scalar 1e9", T(1e9))
add("scalar 123456.789", T(123456.789))
add("scalar 0.1", T(0.1))
add("scalar 1/3", T(1.0 / 3.0))
add("scalar zero", T(0.0))
add("scalar -0.", T(-0.0))
add("scalar nan", T(nan))
add("scalar inf", T(inf))
add("scalar -inf", T(-inf))
add("scalar int64", T(5))
add("scalar int64 negative", T(-12345))
add("scalar int32", T(-7, dtype=torch.int32))
add("scalar bool True", T(True))
add("scalar bool False", T(False))
add("scalar float64 0.1", T(0.1, dtype=f64))
add("scalar float64 2.", T(2.0, dtype=f64))
add("scalar requires_grad", T(1.5, requires_grad=True))
a = T([1.0, 2.0], requires_grad=True)
add("scalar grad_fn SumBackward0", a.sum())
add("scalar grad_fn MeanBackward0", (a * 3).mean())

# ---- vectors: formatting modes ---------------------------------------------------------------
add("vec int-valued", T([1.0, 2.0, 3.0]))
add("vec int-valued negative", T([-1.0, 20.0, -300.0]))
add("vec decimals", T([0.1, 0.2, 0.3]))
add("vec mixed signs", T([-1.5, 2.25, 3.0]))
add("vec 1e-7 and 1", T([1e-7, 1.0]))
add("vec 1e-7", T([1e-7]))
add("vec 30 and 1e8", T([30.0, 1e8]))
add("vec 0.5 and 1e8", T([0.5, 1e8]))
add("vec 1e8 ints", T([1e8, 2e8]))
add("vec 1e8 exactly", T([1e8, 1.0e7]))
add("vec 1e9", T([1e9]))
add("vec 123456789.", T([123456789.0]))
add("vec ints ratio 1000", T([1.0, 1000.0]))
add("vec ints ratio 1001", T([1.0, 1001.0]))
add("vec ratio 1000 decimals", T([1.5, 1500.0]))
add("vec ratio 1001 decimals", T([1.5, 1501.5]))
add("vec min 1e-4", T([0.0001, 0.1]))
add("vec min below 1e-4", T([0.00009, 0.1]))
add("vec 2.5e-5", T([2.5e-5]))
add("vec 1e16", T([1e16]))
add("vec 1e16 float64", T([1e16], dtype=f64))
add("vec 1e20", T([1e20, 3.0]))
add("vec 1e30 1e-30", T([1e30, -1e-30, 1.0]))
add("vec float32 max", T([3.4028234663852886e38, -1.0]))
add("vec float32 tiny", T([1e-45, 1e-38]))
add("vec tie 0.03125", T([0.03125, 0.15625, 0.5]))
add("vec tie 0.125 precision 2", T([0.125, 0.375, 0.625]), {"precision": 2})
add("vec tie sci 1.03125", T([1.03125, 1e-5]))
add("vec tie sci 2.5e-5 precision 0", T([2.5e-5, 1.5e-5, 1.0]), {"precision": 0})
add("vec ties precision 0", T([0.5, 1.5, 2.5, 3.25]), {"precision": 0})
add("vec round up to 10", T([9.99996, 0.5]))
add("vec round up sci carry", T([9.99996e-7, 1.0]))
add("vec negative small rounds to -0", T([-0.00001, 5.0, 0.5]), {"sci_mode": False})
add("vec ones float32 thirds", T([1.0 / 3.0, 2.0 / 3.0, -1.0 / 3.0]))

# ---- non-finite and zeros --------------------------------------------------------------------
add("vec nan int mode", T([nan, 1.0, 2.0]))
add("vec nan inf -inf", T([nan, inf, -inf]))
add("vec decimals nan -inf", T([1.5, nan, -inf]))
add("vec sci inf", T([1e-7, inf, -inf, nan]))
add("vec big int mode inf", T([1e10, inf, 1.0]))
add("vec zeros", T([0.0, 0.0, 0.0]))
add("vec zero negzero", T([0.0, -0.0]))
add("vec negzero decimal", T([-0.0, 1.5]))
add("vec negzero int", T([-0.0, 1.0]))
add("vec negzero sci", T([-0.0, 1e-7]))
add("vec nan only", T([nan]))
add("vec zero and nan", T([0.0, nan, 0.0]))
add("vec float64 nan", T([nan, 0.25, -inf], dtype=f64))
add("vec inf sci_mode True", T([inf, 0.0]), {"sci_mode": True})
add("vec int mode sci_mode True", T([1.0, 2.0, -3.0]), {"sci_mode": True})
add("vec decimals sci_mode True", T([0.5, 2.25]), {"sci_mode": True})
add("vec sci sci_mode False", T([1e-7, 1.0]), {"sci_mode": False})
add("vec big ints sci_mode False", T([1e20, 1.0]), {"sci_mode": False})
add("vec 1e8 decimals sci_mode False", T([1e9 + 0.5, 0.5], dtype=f64), {"sci_mode": False})

# ---- the seed's outputs ----------------------------------------------------------------------
x = T([[-1.0, 0.0, 2.0, -3.0]], requires_grad=True)
add("seed relu grad_fn", torch.relu(x))
y = torch.relu(x)
y.sum().backward()
add("seed relu grad", x.grad)

# ---- int / bool / float64 --------------------------------------------------------------------
add("int64 vec", T([1, 2, 3]))
add("int64 negative", T([-1, 20, -300, 4000]))
add("int64 large", T([2**40, -(2**45), 7]))
add("int64 2d", T([[1, -2, 3], [40, 5, -600]]))
add("int64 arange 50 wraps", torch.arange(50))
add("int64 arange 2000 summarized", torch.arange(2000))
add("int64 arange 100 squared", torch.arange(100) ** 2)
add("int32 vec", T([1, 2, 3], dtype=torch.int32))
add("int32 2d", T([[10, -2], [3, 4]], dtype=torch.int32))
add("int32 arange 1200", torch.arange(1200, dtype=torch.int32))
add("bool vec", T([True, False]))
add("bool all true", T([True, True]))
add("bool all false", T([False, False, False]))
add("bool 2d", T([[True, False, True], [False, False, True]]))
add("bool 3d", torch.arange(24).reshape(2, 3, 4) % 3 == 0)
add("bool long wraps", torch.arange(40) % 2 == 0)
add("bool summarized", torch.arange(1500) % 3 == 1)
add("float64 vec", T([1.5, 2.5], dtype=f64))
add("float64 ints", T([1.0, 2.0], dtype=f64))
add("float64 precise", T([0.1, 0.123456789012, 1.0 / 3.0], dtype=f64))
add("float64 2d", T([[1e-10, 1.0], [2.0, 3.0]], dtype=f64))

# ---- empty -----------------------------------------------------------------------------------
add("empty float", T([]))
add("empty 0x3", torch.zeros(0, 3))
add("empty 3x0", torch.zeros(3, 0))
add("empty 2x0x4", torch.zeros(2, 0, 4))
add("empty int64", T([], dtype=torch.int64))
add("empty int64 0x2", torch.zeros(0, 2, dtype=torch.int64))
add("empty int32", T([], dtype=torch.int32))
add("empty bool 2x0", torch.zeros(2, 0, dtype=torch.bool))
add("empty float64", T([], dtype=f64))
add("empty requires_grad", torch.zeros(0, 3, requires_grad=True))
add("empty float64 requires_grad", torch.zeros(0, dtype=f64, requires_grad=True))

# ---- autograd suffixes -----------------------------------------------------------------------
g = gen(1234)


def randn(*shape, dtype=torch.float32, scale=1.0):
    return torch.randn(tuple(shape), generator=g, dtype=dtype) * scale


add("requires_grad vec", randn(3).requires_grad_())
add("requires_grad float64", randn(3, dtype=f64).requires_grad_())
add("requires_grad 2d", randn(2, 3).requires_grad_())
w = randn(3, 4).requires_grad_()
v = randn(4, 2).requires_grad_()
add("grad_fn MmBackward0", w.mm(v))
add("grad_fn AddBackward0", w + 1)
add("grad_fn MulBackward0 float64", randn(2, 2, dtype=f64).requires_grad_() * 2)
add("grad_fn SigmoidBackward0", torch.sigmoid(w))
add("grad_fn TanhBackward0", torch.tanh(randn(2, 3, 4).requires_grad_()))
add("grad_fn summarized", torch.relu(randn(40, 40).requires_grad_()))
for n in range(5, 14):
    add(f"suffix wrap vec {n}", (randn(n) * 10).requires_grad_())
    add(f"suffix wrap grad_fn vec {n}", torch.relu(randn(n).requires_grad_() * 100))
    add(f"suffix wrap float64 grad {n}", randn(n, dtype=f64).requires_grad_())
add("suffix wrap 2d", (randn(3, 9) * 10).requires_grad_())
add("suffix wrap int32", T(list(range(100000, 100000 + 12)), dtype=torch.int32))
add("suffix wrap int32 exact", T(list(range(1000000, 1000000 + 8)), dtype=torch.int32))

# ---- Parameter -------------------------------------------------------------------------------
add("parameter 2x3", torch.nn.Parameter(randn(2, 3)))
add("parameter vec", torch.nn.Parameter(T([1.0, 2.0])))
add("parameter no grad", torch.nn.Parameter(T([1.0, 2.0]), requires_grad=False))
add("parameter float64", torch.nn.Parameter(randn(3, dtype=f64)))
add("parameter scalar", torch.nn.Parameter(T(0.5)))
add("parameter long row", torch.nn.Parameter(randn(12)))
add("parameter empty", torch.nn.Parameter(torch.zeros(0, 4)))

# ---- n-d -------------------------------------------------------------------------------------
add("2d ints", T([[1.0, 2.0], [3.0, 4.0]]))
add("2d 1x1", T([[5.0]]))
add("2d column", T([[1.5], [2.0], [-3.0]]))
add("3d arange", torch.arange(24.0).reshape(2, 3, 4))
add("3d 1x1x1", T([[[7.0]]]))
add("3d 2x1x3", randn(2, 1, 3))
add("4d arange", torch.arange(48.0).reshape(2, 2, 3, 4))
add("4d randn", randn(2, 2, 2, 3))
add("5d", randn(2, 1, 2, 1, 2))
add("3d float64", randn(2, 2, 2, dtype=f64))
add("3d int64", torch.arange(-12, 12).reshape(2, 3, 4))

# ---- summarization ---------------------------------------------------------------------------
for n in (999, 1000, 1001, 5000):
    add(f"arange {n}", torch.arange(float(n)))
    add(f"randn {n}", randn(n))
add("arange 1001 / 7", torch.arange(1001.0) / 7)
add("2d 50x50", randn(50, 50))
add("2d 2x1000", randn(2, 1000))
add("2d 1001x1", randn(1001, 1))
add("2d 1000x2 small rows", randn(1000, 2))
add("2d 7x200", randn(7, 200))
add("3d 20x10x10", randn(20, 10, 10))
add("3d 2x30x30", randn(2, 30, 30))
add("4d 5x5x5x9", randn(5, 5, 5, 9))
add("summarized mixed magnitudes", torch.cat([randn(600), randn(600, scale=1e-6)]))
add("summarized edges only count", torch.cat([T([1e-9]), torch.ones(1000), T([2.0])]))
add("summarized hidden middle not counted", torch.cat([torch.ones(10), T([1e-9, 12345.678]), torch.ones(10)]) .repeat(50))
add("summarized float64", randn(1200, dtype=f64))
add("summarized sci", randn(2000, scale=1e10))
add("summarized 3d float64", randn(11, 11, 11, dtype=f64))

# ---- line wrapping ---------------------------------------------------------------------------
add("wrap randn 30", randn(30))
add("wrap arange 100", torch.arange(100.0))
add("wrap 3x20", randn(3, 20))
add("wrap 2x2x15", randn(2, 2, 15))
add("wrap sci", randn(20, scale=1e-6))
add("wrap float64", randn(25, dtype=f64))
add("wrap int mode wide", torch.arange(30.0) * 1000)

# ---- print options ---------------------------------------------------------------------------
add("opt precision 2", randn(5), {"precision": 2})
add("opt precision 2 2d", randn(3, 3), {"precision": 2})
add("opt precision 6", randn(4), {"precision": 6})
add("opt precision 8 float64", randn(4, dtype=f64), {"precision": 8})
add("opt precision 1 sci", T([1e-7, 0.5]), {"precision": 1})
add("opt precision 0 scalar", T(2.5), {"precision": 0})
add("opt sci_mode True", randn(4), {"sci_mode": True})
add("opt sci_mode True 2d", randn(2, 3), {"sci_mode": True})
add("opt sci_mode False", randn(4, scale=1e-6), {"sci_mode": False})
add("opt sci_mode False big", randn(4, scale=1e9), {"sci_mode": False})
add("opt threshold 5", torch.arange(10), {"threshold": 5})
add("opt threshold 5 float", torch.arange(10.0), {"threshold": 5})
add("opt threshold 5 2d", torch.arange(36.0).reshape(6, 6), {"threshold": 5})
add("opt threshold 5 3d", torch.arange(7.0 * 8 * 9).reshape(7, 8, 9), {"threshold": 5})
add("opt edgeitems 1", randn(2000), {"edgeitems": 1})
add("opt edgeitems 1 2d", randn(40, 40), {"edgeitems": 1})
add("opt edgeitems 5 threshold 10", torch.arange(30), {"edgeitems": 5, "threshold": 10})
add("opt edgeitems 0", torch.arange(30), {"edgeitems": 0, "threshold": 10})
add("opt linewidth 40", randn(20), {"linewidth": 40})
add("opt linewidth 40 2d", randn(3, 10), {"linewidth": 40})
add("opt linewidth 10", randn(6), {"linewidth": 10})
add("opt linewidth 40 grad_fn", torch.relu(randn(5).requires_grad_()), {"linewidth": 40})
add("opt linewidth 200", randn(40), {"linewidth": 200})
add("opt profile short", randn(5), {"profile": "short"})
add("opt profile short summarized", randn(3000), {"profile": "short"})
add("opt profile full", torch.arange(1500.0), {"profile": "full"})
add("opt profile default", randn(5), {"profile": "default"})
add("opt profile short precision 3", randn(5), {"profile": "short", "precision": 3})
add("opt threshold 0 scalar", T(3.5), {"threshold": 0})
add("opt threshold 0 vec", torch.arange(7.0), {"threshold": 0})

# ---- seeded random cases over shapes and magnitudes -----------------------------------------
shapes = [(), (1,), (4,), (7,), (2, 3), (3, 5), (2, 3, 4), (2, 2, 2, 2), (1, 3, 1, 2)]
scales = [1e-9, 1e-5, 1e-3, 0.1, 1.0, 10.0, 1000.0, 1e5, 1e9]
i = 0
for shape in shapes:
    for scale in scales:
        i += 1
        if i % 2:
            continue
        add(f"random {shape} x{scale:g}", randn(*shape, scale=scale))
for k in range(12):
    shape = [(3,), (5,), (2, 4), (3, 2, 2)][k % 4]
    t = randn(*shape) * torch.pow(10.0, torch.randint(-8, 9, shape, generator=g).float())
    add(f"random mixed magnitudes {k}", t)
for k in range(8):
    shape = [(6,), (3, 4)][k % 2]
    add(f"random ints float {k}", torch.randint(-1000, 1000, shape, generator=g).float() * [1, 1, 100, 1e6][k % 4])
for k in range(6):
    shape = [(5,), (2, 6), (2, 2, 3)][k % 3]
    add(f"random int64 {k}", torch.randint(-10**k, 10**k + 1, shape, generator=g))
for k in range(6):
    add(f"random float64 {k}", randn(5, dtype=f64, scale=10.0 ** (3 * k - 9)))
for k in range(4):
    t = randn(8)
    t[torch.randint(0, 8, (3,), generator=g)] = T([nan, inf, -inf])
    add(f"random with nonfinite {k}", t * 10.0 ** (2 * k - 3))

write_fixture(OUT, json.dumps(cases, separators=(",", ":"), allow_nan=False) + "\n")
print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)
