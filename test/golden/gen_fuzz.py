#!/usr/bin/python3
"""Differential fuzzer against PyTorch 1.13: writes test/golden/fixtures/fuzz.json.

    /usr/bin/python3 test/golden/gen_fuzz.py            (or: npm run golden)
    /usr/bin/python3 test/golden/gen_fuzz.py --show 17  (print program 17 as Python)

Thousands of small random programs are generated *and run* in PyTorch (the oracle): each creates
1-3 leaf tensors (0-d, size-1 dims, broadcasting shapes; mostly float32, some float64, int64 and
bool; values drawn to hit kinks: 0, -0., +-1, +-3, +-6, large/small magnitudes, sometimes +-inf
and nan), then runs a chain of 3-12 operations drawn from every public op and activation the
engine exposes (torch.*, Tensor methods and in-place methods, F.*, nn activation modules, views,
no_grad blocks, in-place updates of non-leaves and of views of them, ...), each taking earlier
values of the program as operands, and finally a backward pass. test/golden/fuzz.test.ts replays
every program in the engine and compares everything recorded here.

Determinism: program i draws from random.Random(SEED * 1_000_003 + i) only (and torch's global
generator, which programs reseed with torch.manual_seed before any random op), so re-running
this script reproduces the committed JSON byte for byte.

Program representation (one JSON object per line in "programs")
---------------------------------------------------------------
{ "id": 17,
  "summary": "tensor, tensor, exp, transpose, add_, sum, backward",   (op names, one line)
  "fwd": 9,                           steps[fwd:] are the backward part (w, mul, sum, backward)
  "steps": [ step, ... ],
  "vals":  { "v3": record, ... },     every value as it was right after the step that made it
  "final": { "v3": record, ... },     values whose record changed later in the forward part
                                      (taken before steps[fwd], or after the step that raised)
                                      (in-place updates through aliases/views); a value absent
                                      here must still equal its "vals" record at that point
  "grads": { "v0": grad-record|null, ... }  .grad of every leaf (and retain_grad()ed value)
                                      after the backward (absent when the program raised)
  "error": null | { "step": k, "type": "RuntimeError", "message": "..." } }

step = { "fn": F, "self"?: ref, "args"?: [arg...], "kw"?: {name: arg}, "out": out,
         "no_grad"?: true, "ctor"?: [arg...], "ctor_kw"?: {..}, "attrs"?: [name...] }
  F is one of
    "torch.<name>"   torch.<name>(*args, **kw)
    "F.<name>"       torch.nn.functional.<name>(*args, **kw)
    "Tensor.<name>"  self.<name>(*args, **kw); three special names:
                     "Tensor.index" is self[args...] (TS: self.index(...args)),
                     "Tensor.T"/"Tensor.mT" read the property.
    "nn.<Name>"      nn.<Name>(*ctor, **ctor_kw)(*args); "attrs" names module attributes (the
                     PReLU "weight" Parameter) that become values too, after the result.
  ref      a string "v<N>": an earlier value.
  arg      a ref, a JSON number (non-finite as "nan"/"inf"/"-inf"), true/false, null (None),
           a string (gelu's approximate; an index: ":" "1:3" "::2" "-1:" slices, "..." is
           Ellipsis), {"dtype": "float32"} (torch.float32, etc.), or a list of args (shapes,
           dim lists, tensor lists for cat/stack, nested data for torch.tensor).
  out      "v<N>" (the result), a list of refs (max/min with dim: values, indices; chunk/split:
           the pieces; nn modules with attrs: result then attributes) or null (the result is
           not a value: manual_seed, retain_grad, backward).
  no_grad  the step runs inside `with torch.no_grad():` (TS: torch.no_grad(() => ...)).
  Python keyword arguments go in "kw"; TS passes them as the trailing options object.
  Leaves are "torch.tensor" steps (args [data], kw {dtype, requires_grad}); the backward is
  ordinary steps: optionally w = torch.tensor(data), then root.mul(w).sum() or root.sum(), then
  {"fn": "Tensor.backward", "self": ref, "out": null}.

record = [shape, dtype, data, requires_grad, grad_fn, contiguous, tol?]
    shape       list of ints; dtype "float32" | "float64" | "int64" | "int32" | "bool"
    data        nested tolist() values; 0 for a torch.tensor leaf in "vals" (its data are the
                step's args[0], rounded to the dtype)
    grad_fn     type(grad_fn).__name__ or null, or {type, message} when reading .grad_fn
                raises (as it does for a split/chunk output whose base was then modified in place)
    contiguous  is_contiguous() (fuzz.test.ts compares it only with FUZZ_LAYOUT=1: PyTorch's
                elementwise ops and clone keep a transposed input's strides, the engine's need not)
    tol         optional flat list of extra absolute tolerances per element (see Tolerances)
  or, for a step returning a Python scalar (item, allclose, equal): {"py": value}.
  Float32 data are written as the shortest decimals that read back as the same float32.
  grad_fn names are type(grad_fn).__name__ ("CopySlices", "NotImplemented"); grad_fn.name()
  differs only by a "torch::autograd::" prefix on a few, which fuzz.test.ts ignores.

Tolerances
----------
Integer and bool values must match exactly. Float values are compared with
|got - expected| <= atol + rtol*|expected| + tol (nan matches nan, infinities exactly), where
fuzz.test.ts uses rtol 1e-5, atol 1e-6 for float32 and rtol 1e-10, atol 1e-12*scale for float64.
"tol" is the float32 result's own error: every program is re-run with float32 replaced by float64
(a "shadow" run) and tol[i] = 4 * |float32 result - float64 result| for each finite element
where that exceeds the base tolerance. So cancellation (sum([1e6, 0.3, -1e6])), summation order,
PyTorch's approximate AVX2 erf in GELU and the amplification of such differences by later steps
do not fail the test, while real differences do.

Avoided on purpose (unspecified behaviour): ties in max/min(dim) and argmax/argmin (the index
PyTorch picks among equal values is not specified); converting non-finite or huge floats to
integers (undefined in C++); integral-valued float scalars with integer tensors (JavaScript
cannot say 2.0 as opposed to 2); random ops without torch.manual_seed just before.
"""
import math
import random
import re
import sys
import warnings
from contextlib import nullcontext

from golden_common import dumps, enc, fixture_path, setup_torch, torch, write_fixture
import numpy as np
import torch.nn as nn
import torch.nn.functional as F

setup_torch()
warnings.filterwarnings("ignore")

OUT = fixture_path("fuzz.json")
SEED = 1313
N_PROGRAMS = 2100
MAX_NUMEL = 24

INF = float("inf")
NAN = float("nan")
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "int32": torch.int32, "bool": torch.bool}
REF = re.compile(r"^v\d+$")

KINKS = [0.0, -0.0, 1.0, -1.0, 3.0, -3.0, 6.0, -6.0, 0.5, -0.5, 2.0, -2.0, 20.0, -20.0, 1e-7, -1e-7, 100.0, -100.0]
EXTREME = [1e6, -1e6, 3e38, -3e38, 1e30, 1e-30, -1e-30, 1e-40, 50.0, -50.0, 88.0, -88.0]
NONFINITE = [INF, -INF, NAN]


# ============================================================================ interpreter
def is_ref(a):
    return isinstance(a, str) and REF.match(a) is not None


def resolve(a, env, shadow):
    if is_ref(a):
        return env[a]
    if isinstance(a, list):
        return [resolve(x, env, shadow) for x in a]
    if isinstance(a, dict) and "dtype" in a:
        d = a["dtype"]
        if shadow and d == "float32":
            d = "float64"
        return DTYPES[d]
    return a


def index_arg(a):
    if isinstance(a, str) and a == "...":
        return Ellipsis
    if isinstance(a, str) and ":" in a:
        parts = [int(p) if p.strip() else None for p in a.split(":")]
        return slice(*parts)
    return a


def call(step, env, shadow):
    """Runs one step; returns the raw result (the step's own outputs are bound by bind())."""
    fn = step["fn"]
    kind, name = fn.split(".", 1)
    args = resolve(step.get("args", []), env, shadow)
    kw = {k: resolve(v, env, shadow) for k, v in step.get("kw", {}).items()}
    ctx = torch.no_grad() if step.get("no_grad") else nullcontext()
    with ctx:
        if kind == "torch":
            if shadow and name == "tensor" and kw.get("dtype") is torch.float64 and step["kw"]["dtype"]["dtype"] == "float32":
                t = torch.tensor(args[0], dtype=torch.float32).double()
                return t.requires_grad_(True) if kw.get("requires_grad") else t
            if shadow and name in ("rand", "randn", "randint", "rand_like", "randn_like"):
                # the float64 generator path draws different numbers: draw float32, widen
                kw2 = dict(kw)
                if name.endswith("_like"):
                    args = [args[0].float()] + args[1:]
                    return getattr(torch, name)(*args, **kw2).double()
                if name == "randint":
                    return getattr(torch, name)(*args, **kw2)
                return getattr(torch, name)(*args, **kw2).double()
            return getattr(torch, name)(*args, **kw)
        if kind == "F":
            return getattr(F, name)(*args, **kw)
        if kind == "Tensor":
            self = env[step["self"]]
            if name == "index":
                idx = tuple(index_arg(a) for a in args)
                # x.index(a) is Python's x[a], not x[(a,)] (PyTorch treats a 1-tuple as a multi-part index)
                return self[idx[0]] if len(idx) == 1 else self[idx]
            if name in ("T", "mT"):
                return getattr(self, name)
            if shadow and name == "float":
                return self.double()
            return getattr(self, name)(*args, **kw)
        if kind == "nn":
            ctor = resolve(step.get("ctor", []), env, shadow)
            ctor_kw = {k: resolve(v, env, shadow) for k, v in step.get("ctor_kw", {}).items()}
            m = getattr(nn, name)(*ctor, **ctor_kw)
            if shadow:
                m = m.double()
            r = m(*args, **kw)
            attrs = [getattr(m, a) for a in step.get("attrs", [])]
            return (r, *attrs) if attrs else r
    raise ValueError(f"unknown step kind {fn}")


def bind(step, result, env):
    out = step["out"]
    if out is None:
        return []
    if isinstance(out, list):
        vals = list(result)
        assert len(vals) == len(out), (step, len(vals))
        for n, v in zip(out, vals):
            env[n] = v
        return out
    env[out] = result
    return [out]


def out_names_for(result, counter):
    """Names for a fresh result: a tensor or Python scalar gets one, tuples/lists one each."""
    if isinstance(result, torch.Tensor) or isinstance(result, (bool, int, float)):
        return f"v{counter()}"
    if isinstance(result, (tuple, list)) and all(isinstance(r, torch.Tensor) for r in result):
        return [f"v{counter()}" for _ in result]
    return None


# ============================================================================ recording
def fmt32(v):
    """The shortest decimal that reads back as the same float32."""
    if isinstance(v, float) and math.isfinite(v) and v != 0.0:
        return float(repr(np.float32(v)))
    return v


def data_of(t):
    d = t.detach().tolist()
    if t.dtype == torch.float32:
        def walk(x):
            return [walk(e) for e in x] if isinstance(x, list) else fmt32(x)
        d = walk(d)
    return d


def grad_fn_name(v):
    """type(grad_fn).__name__, None, or {type, message} when reading .grad_fn raises (a view from a
    multi-output op such as split/chunk whose base was modified in place)."""
    try:
        g = v.grad_fn
    except Exception as e:  # noqa: BLE001
        return {"type": type(e).__name__, "message": str(e)}
    return type(g).__name__ if g is not None else None


def record(v, data=True):
    if isinstance(v, torch.Tensor):
        return [list(v.shape), dname(v.dtype), data_of(v) if data else 0, v.requires_grad, grad_fn_name(v), v.is_contiguous()]
    if isinstance(v, (bool, int, float)):
        return {"py": v}
    return None


def flat_floats(t):
    return t.detach().double().reshape(-1).tolist()


def shadow_tol(main, shadow):
    """Per-element extra tolerance (flat list) from the float64 shadow, or None when not needed:
    4 * |float32 result - float64 result| where that exceeds the base tolerance."""
    if not (isinstance(main, torch.Tensor) and isinstance(shadow, torch.Tensor)):
        return None
    if main.dtype != torch.float32 or not shadow.dtype.is_floating_point or main.shape != shadow.shape:
        return None
    tol, need = [], False
    for a, b in zip(flat_floats(main), flat_floats(shadow)):
        d = 0.0
        if math.isfinite(a) and math.isfinite(b):
            d = 4 * abs(a - b)
            if d > 1e-6 + 1e-5 * abs(a):
                need = True
                d = float(f"{d * 1.01:.2g}")
            else:
                d = 0
        tol.append(d)
    return tol if need else None


def add_tol(rec, tol):
    if isinstance(rec, list) and tol:
        rec.append(tol)


# ============================================================================ generator
class Program:
    def __init__(self, idx):
        self.idx = idx
        self.rng = random.Random(SEED * 1_000_003 + idx)
        self.env = {}
        self.steps = []
        self.vals = {}
        self.order = []          # value names in creation order
        self.leaves = []         # names of torch.tensor leaves and module parameters
        self.retained = []
        self.views = set()       # names made by view ops (share storage with their base)
        self.n = 0
        self.error = None
        self._snap = {}          # step-time clones of the values (for the shadow tolerances)
        self.nonfinite = self.rng.random() < 0.15
        self.extreme = self.rng.random() < 0.25

    def counter(self):
        n = self.n
        self.n += 1
        return n

    # ---------------------------------------------------------------- running steps
    def run(self, step, view=False):
        """Executes step in PyTorch, records its outputs; returns the out names (or None on error)."""
        k = len(self.steps)
        self.steps.append(step)
        try:
            res = call(step, self.env, False)
        except Exception as e:  # noqa: BLE001 - we record whatever PyTorch raises
            step["out"] = None
            self.error = {"step": k, "type": type(e).__name__, "message": str(e)}
            return None
        if "out" not in step:
            step["out"] = out_names_for(res, self.counter)
        names = bind(step, res, self.env)
        for n in names:
            v = self.env[n]
            self._snap[n] = v.detach().clone() if isinstance(v, torch.Tensor) else v
            # a leaf's data are its step's own (rounded to its dtype): not repeated
            self.vals[n] = record(v, data=step["fn"] != "torch.tensor")
            self.order.append(n)
            if view and isinstance(self.env[n], torch.Tensor):
                self.views.add(n)
        return names

    # ---------------------------------------------------------------- values
    def rand_value(self, dtype):
        r = self.rng
        if dtype == "bool":
            return r.random() < 0.5
        if dtype in ("int64", "int32"):
            return r.randint(-4, 5)
        u = r.random()
        if self.nonfinite and u < 0.07:
            return r.choice(NONFINITE)
        if self.extreme and u < 0.17:
            return r.choice(EXTREME)
        if u < 0.55:
            return r.choice(KINKS)
        return round(r.gauss(0, 2), 4)

    def rand_data(self, shape, dtype):
        if not shape:
            return self.rand_value(dtype)
        return [self.rand_data(shape[1:], dtype) for _ in range(shape[0])]

    def rand_shape(self, max_numel=MAX_NUMEL, allow_empty=True):
        r = self.rng
        rank = r.choices([0, 1, 2, 3, 4], [12, 28, 32, 20, 8])[0]
        shape = []
        for _ in range(rank):
            if allow_empty and r.random() < 0.015:
                shape.append(0)
                continue
            d = r.choice([1, 1, 2, 2, 3, 4])
            if prod(shape) * d > max_numel:
                d = 1
            shape.append(d)
        return shape

    def related_shape(self, base):
        """A shape broadcasting with base (sometimes not)."""
        r = self.rng
        u = r.random()
        if u < 0.4:
            return list(base)
        if u < 0.55:
            return list(base[r.randint(0, len(base)):])
        if u < 0.8:
            return [1 if r.random() < 0.5 else d for d in base]
        if u < 0.88:
            return []
        if u < 0.94 and prod(base) * 2 <= MAX_NUMEL:
            return [2] + [1 if r.random() < 0.5 else d for d in base]
        return self.rand_shape()

    def new_leaf(self, shape=None, dtype=None, rg=None, data=None, no_grad=False):
        r = self.rng
        if dtype is None:
            dtype = r.choices(["float32", "float64", "int64", "bool"], [80, 9, 8, 3])[0]
        if shape is None:
            shape = self.rand_shape()
        if rg is None:
            rg = dtype.startswith("float") and r.random() < 0.7
        if data is None:
            data = self.rand_data(shape, dtype)
        kw = {"dtype": {"dtype": dtype}}
        if rg:
            kw["requires_grad"] = True
        names = self.run({"fn": "torch.tensor", "args": [data], "kw": kw})
        if names:
            self.leaves.append(names[0])
            return names[0]
        return None

    def t(self, name):
        return self.env[name]

    def tensors(self, pred=lambda t: True):
        def ok(t):
            try:
                return bool(pred(t))
            except Exception:  # noqa: BLE001 - e.g. reading .grad_fn of a modified split output
                return False
        return [n for n in self.order if isinstance(self.env[n], torch.Tensor) and ok(self.env[n])]

    def pick(self, pred=lambda t: True, recent=0.6):
        c = self.tensors(pred)
        if not c:
            return None
        if self.rng.random() < recent:
            return c[-1] if self.rng.random() < 0.5 else c[max(0, len(c) - 3):][self.rng.randrange(min(3, len(c)))]
        return self.rng.choice(c)

    def partner(self, a, dtype=None, pred=None):
        """A second operand that broadcasts with a: an existing value or a new leaf."""
        ta = self.t(a)
        r = self.rng
        if r.random() < 0.5:
            cands = [n for n in self.tensors() if n != a and (pred is None or pred(self.t(n)))
                     and broadcastable(self.t(n).shape, ta.shape) and bnumel(self.t(n).shape, ta.shape) <= MAX_NUMEL]
            if cands:
                return r.choice(cands)
        shape = self.related_shape(list(ta.shape))
        if bnumel(shape, ta.shape) > MAX_NUMEL:
            shape = list(ta.shape)
        if dtype is None:
            dtype = dname(ta.dtype) if r.random() < 0.85 else r.choice(["float32", "float64", "int64", "bool"])
        return self.new_leaf(shape, dtype)

    def scalar(self, for_tensor=None, positive=False):
        r = self.rng
        integral = for_tensor is not None and not for_tensor.dtype.is_floating_point
        if integral:
            v = r.choice([0, 1, 2, -1, 3, -2]) if r.random() < 0.85 else r.choice([0.5, -1.5, 2.5])
        else:
            v = r.choice([0.0, 1.0, -1.0, 2.0, 0.5, -0.5, 3.0, -3.0, 6.0, 1e-3, 1e3, 0.1, -2.5]) if r.random() < 0.85 else r.choice([INF, -INF, NAN, 1e30, 0, 2])
        if positive and isinstance(v, (int, float)) and (not math.isfinite(v) or v <= 0):
            v = 2
        # JavaScript has one number type: 2.0 reaches the engine as 2, an int, so PyTorch is
        # given the int too (same promotion for float tensors; the same words in TypeErrors)
        if isinstance(v, float) and math.isfinite(v) and v.is_integer() and abs(v) < 2 ** 53:
            v = int(v)
        return v

    def dim(self, t, extra=True):
        nd = t.dim()
        r = self.rng
        if extra and r.random() < 0.04:
            return r.choice([nd, -nd - 1, 5])  # out of range
        if nd == 0:
            return r.choice([0, -1])
        return r.randint(-nd, nd - 1)


def prod(shape):
    p = 1
    for d in shape:
        p *= d
    return p


def dname(dt):
    return str(dt).replace("torch.", "")


def broadcastable(a, b):
    for x, y in zip(reversed(list(a)), reversed(list(b))):
        if x != y and x != 1 and y != 1:
            return False
    return True


def bnumel(a, b):
    a, b = list(a), list(b)
    n = max(len(a), len(b))
    a = [1] * (n - len(a)) + a
    b = [1] * (n - len(b)) + b
    return prod([max(x, y) if min(x, y) != 0 else 0 for x, y in zip(a, b)])


def isf(t):
    return t.dtype.is_floating_point


def has_ties(t, dim):
    """True when some reduced run has two equal extreme candidates (or nans) -- avoided."""
    x = t.detach().double()
    if x.numel() == 0:
        return False
    if dim is None:
        runs = [x.reshape(-1).tolist()]
    else:
        if x.dim() == 0:
            return False
        runs = x.movedim(dim, -1).reshape(-1, x.shape[dim]).tolist() if x.shape[dim] > 0 else []
    for run in runs:
        vals = [v for v in run if not math.isnan(v)]
        if len(run) - len(vals) > 1:
            return True
        if len(set(vals)) != len(vals):
            return True
    return False


def safe_for_int(t):
    if isf(t):
        x = t.detach().double()
        return bool(torch.isfinite(x).all()) and bool((x.abs() < 1e9).all())
    return True


# ============================================================================ op generators
# Each takes the Program and either runs steps (returning True) or returns False (not applicable).

def maybe_kw(p, args, names, prob=0.15):
    """Moves a random suffix of positional args to keywords (PyTorch names), sometimes."""
    if not names or p.rng.random() >= prob:
        return args, {}
    k = p.rng.randint(0, len(args) - 1) if args else 0
    kw = {names[i]: args[i] for i in range(k, len(args))}
    return args[:k], kw


def form(p, name, x, args=(), kw=None, torch_ok=True, method_ok=True, no_grad=False, view=False):
    """torch.<name>(x, ...) or x.<name>(...)."""
    kw = kw or {}
    forms = [f for f, ok in (("torch", torch_ok), ("method", method_ok)) if ok]
    f = p.rng.choice(forms)
    step = {"fn": f"torch.{name}", "args": [x, *args]} if f == "torch" else {"fn": f"Tensor.{name}", "self": x, "args": list(args)}
    if kw:
        step["kw"] = kw
    if not step["args"]:
        del step["args"]
    if no_grad:
        step["no_grad"] = True
    return p.run(step, view=view) is not None


def ng(p):
    return p.rng.random() < 0.07


UNARY_FLOAT = ["exp", "log", "sqrt", "rsqrt", "abs", "sign", "sin", "cos", "erf", "neg", "reciprocal", "sigmoid", "tanh", "relu"]


def g_unary(p):
    name = p.rng.choice(UNARY_FLOAT + ["square", "negative"])
    x = p.pick(isf if p.rng.random() < 0.9 else (lambda t: True))
    if x is None:
        return False
    return form(p, name, x, torch_ok=name not in ("square", "negative"), no_grad=ng(p))


def g_binary(p):
    r = p.rng
    name = r.choice(["add", "sub", "mul", "div", "add", "mul", "true_divide", "rsub", "subtract", "multiply", "divide"])
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    other = p.partner(x) if r.random() < 0.7 else p.scalar(tx)
    if other is None:
        return False
    kw = {}
    if name in ("add", "sub", "subtract", "rsub") and r.random() < 0.25:
        kw["alpha"] = r.choice([2, -1, 0.5]) if isf(tx) else r.choice([2, -1])
    if name in ("div", "divide") and r.random() < 0.2:
        kw["rounding_mode"] = r.choice(["trunc", "floor"])
    if name in ("rsub",):
        return form(p, name, x, [other], kw, method_ok=False, no_grad=ng(p))
    if name in ("subtract", "multiply", "divide", "true_divide"):
        # (the engine has no Tensor.subtract/multiply/divide methods: torch.* forms only)
        return form(p, name, x, [other], kw, method_ok=name == "true_divide", no_grad=ng(p))
    return form(p, name, x, [other], kw, no_grad=ng(p))


def g_pow(p):
    r = p.rng
    x = p.pick(isf if r.random() < 0.9 else (lambda t: True))
    if x is None:
        return False
    u = r.random()
    if u < 0.6:
        e = r.choice([2, 3, 0.5, -1, 0, 1.5, -2, 1, 2.0]) if isf(p.t(x)) else r.choice([2, 3, 0, 1])
        return form(p, "pow", x, [e], no_grad=ng(p))
    if u < 0.85:
        y = p.partner(x)
        return y is not None and form(p, "pow", x, [y], no_grad=ng(p))
    return p.run({"fn": "torch.pow", "args": [r.choice([2.0, 0.5, 3, -2.0, 0.0]), x]}) is not None


def g_minmax_bin(p):
    x = p.pick()
    if x is None:
        return False
    y = p.partner(x)
    return y is not None and form(p, p.rng.choice(["maximum", "minimum"]), x, [y], no_grad=ng(p))


def g_compare(p):
    r = p.rng
    name = r.choice(["eq", "ne", "gt", "ge", "lt", "le", "isnan", "logical_not", "logical_and", "logical_or"])
    x = p.pick()
    if x is None:
        return False
    if name in ("isnan", "logical_not"):
        return form(p, name, x)
    other = p.partner(x) if r.random() < 0.6 else p.scalar(p.t(x))
    return other is not None and form(p, name, x, [other])


def mask_for(p, x):
    """A bool tensor broadcasting with x: a comparison of x, or a new bool leaf."""
    tx = p.t(x)
    if p.rng.random() < 0.5 and isf(tx) and tx.numel() > 0:
        names = p.run({"fn": "Tensor." + p.rng.choice(["gt", "lt", "ge"]), "self": x, "args": [p.rng.choice([0.0, 1.0, -1.0])]})
        return names[0] if names else None
    shape = p.related_shape(list(tx.shape))
    if bnumel(shape, tx.shape) > MAX_NUMEL or not broadcastable(shape, tx.shape):
        shape = list(tx.shape)
    return p.new_leaf(shape, "bool")


def g_where(p):
    r = p.rng
    x = p.pick()
    if x is None:
        return False
    c = mask_for(p, x)
    if c is None:
        return False
    other = p.partner(x) if r.random() < 0.8 else p.scalar(p.t(x))
    if other is None:
        return False
    if r.random() < 0.7 or not isinstance(other, str):
        return p.run({"fn": "torch.where", "args": [c, x, other]}) is not None
    return p.run({"fn": "Tensor.where", "self": x, "args": [c, other]}) is not None


def g_masked_fill(p):
    x = p.pick()
    if x is None:
        return False
    m = mask_for(p, x)
    if m is None:
        return False
    v = p.scalar(p.t(x))
    return form(p, "masked_fill", x, [m, v], no_grad=ng(p))


def g_clamp(p):
    r = p.rng
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    name = r.choice(["clamp", "clamp", "clip"])
    u = r.random()
    if u < 0.15:
        lo = p.partner(x, dname(tx.dtype))
        hi = p.partner(x, dname(tx.dtype)) if r.random() < 0.5 else None
        if lo is None:
            return False
        args = [lo, hi]
    else:
        lo = p.scalar(tx) if r.random() < 0.8 else None
        hi = p.scalar(tx) if r.random() < 0.7 or lo is None else None
        if r.random() < 0.6 and lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        args = [lo, hi]
    kw = {}
    if r.random() < 0.4:
        kw = {k: v for k, v in zip(("min", "max"), args) if v is not None or r.random() < 0.3}
        args = []
    return form(p, name, x, args, kw, no_grad=ng(p))


def g_reduce_sum(p):
    r = p.rng
    name = r.choice(["sum", "mean", "sum", "mean", "var", "std", "prod", "norm", "count_nonzero", "nansum"])
    if name == "nansum":
        name = "sum"
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    args, kw = [], {}
    u = r.random()
    dim = None
    if u < 0.55:
        if name in ("prod",) or r.random() < 0.6:
            dim = p.dim(tx)
        else:
            nd = max(tx.dim(), 1)
            k = r.randint(1, nd)
            dim = r.sample(range(-nd, nd) if r.random() < 0.3 else range(nd), k)
            dim = [d for d in dim]
    if name in ("sum", "mean", "prod"):
        if dim is not None:
            args = [dim]
            if r.random() < 0.5:
                args.append(r.random() < 0.5)
            args, kw = maybe_kw(p, args, ["dim", "keepdim"], 0.3)
        if name in ("sum", "mean") and r.random() < 0.08:
            kw["dtype"] = {"dtype": r.choice(["float32", "float64"])}
    elif name in ("var", "std"):
        if dim is not None:
            if r.random() < 0.3:
                kw = {"dim": dim, "correction": r.choice([0, 1, 2])}
                if r.random() < 0.5:
                    kw["keepdim"] = r.random() < 0.5
            else:
                args = [dim, r.random() < 0.7]
                if r.random() < 0.5:
                    args.append(r.random() < 0.5)
                args, kw = maybe_kw(p, args, ["dim", "unbiased", "keepdim"], 0.3)
        elif r.random() < 0.3:
            args = [r.random() < 0.5]
    elif name == "norm":
        pv = r.choice([2, 1, INF, 3, 0.5, "fro", 2])
        if dim is not None and not (pv == "fro" and isinstance(dim, list) and len(dim) > 2):
            args = [pv, dim]
            if r.random() < 0.5:
                args.append(r.random() < 0.5)
            args, kw = maybe_kw(p, args, ["p", "dim", "keepdim"], 0.3)
        elif r.random() < 0.5:
            args = [pv if pv != "fro" else 2]
    elif name == "count_nonzero":
        if dim is not None:
            args = [dim]
    return form(p, name, x, args, kw, no_grad=ng(p))


def g_extreme(p):
    r = p.rng
    name = r.choice(["max", "min", "amax", "amin", "argmax", "argmin", "max", "min"])
    x = p.pick(lambda t: t.dtype != torch.bool or name in ("max", "min", "amax", "amin"))
    if x is None:
        return False
    tx = p.t(x)
    u = r.random()
    if name in ("max", "min"):
        if u < 0.3:
            return form(p, name, x)
        if u < 0.4:
            y = p.partner(x, dname(tx.dtype))
            return y is not None and form(p, name, x, [y])
        d = p.dim(tx)
        if tx.numel() and -max(tx.dim(), 1) <= d < max(tx.dim(), 1) and has_ties(tx, d if tx.dim() else None):
            return False
        args = [d] + ([r.random() < 0.5] if r.random() < 0.6 else [])
        args, kw = maybe_kw(p, args, ["dim", "keepdim"], 0.3)
        return form(p, name, x, args, kw)
    if name in ("amax", "amin"):
        args = []
        if u < 0.8:
            d = p.dim(tx) if r.random() < 0.6 else list(range(tx.dim()))[:r.randint(1, max(1, tx.dim()))]
            args = [d] + ([r.random() < 0.5] if r.random() < 0.5 else [])
        args, kw = maybe_kw(p, args, ["dim", "keepdim"], 0.3)
        return form(p, name, x, args, kw, no_grad=ng(p))
    # argmax / argmin
    if u < 0.4:
        if has_ties(tx, None):
            return False
        return form(p, name, x)
    d = p.dim(tx)
    if tx.numel() and -max(tx.dim(), 1) <= d < max(tx.dim(), 1) and has_ties(tx, d if tx.dim() else None):
        return False
    args = [d] + ([r.random() < 0.5] if r.random() < 0.5 else [])
    args, kw = maybe_kw(p, args, ["dim", "keepdim"], 0.3)
    return form(p, name, x, args, kw)


def g_allany(p):
    x = p.pick()
    if x is None:
        return False
    return form(p, p.rng.choice(["all", "any"]), x)


def g_linalg(p):
    r = p.rng
    name = r.choice(["matmul", "matmul", "mm", "mv", "dot", "bmm"])
    need = {"mm": (2,), "mv": (2,), "dot": (1,), "bmm": (3,), "matmul": (1, 2, 3, 4)}[name]
    x = p.pick(lambda t: t.dim() in need and isf(t) and t.numel() > 0)
    if x is None:
        sh = {1: [r.randint(1, 4)], 2: [r.randint(1, 4), r.randint(1, 4)], 3: [r.randint(1, 2), r.randint(1, 3), r.randint(1, 3)], 4: [2, 1, 2, 3]}[r.choice(need)]
        x = p.new_leaf(sh, "float32")
        if x is None:
            return False
    tx = p.t(x)
    k = tx.shape[-1]
    dt = dname(tx.dtype) if r.random() < 0.92 else r.choice(["float32", "float64"])
    if name == "mm":
        other = [k, r.randint(1, 4)]
    elif name == "mv" or name == "dot":
        other = [k]
    elif name == "bmm":
        other = [tx.shape[0], k, r.randint(1, 3)]
    else:
        u = r.random()
        if u < 0.35:
            other = [k]
        elif u < 0.75:
            other = [k, r.randint(1, 4)]
        else:
            other = [r.choice([1, 2]), k, r.randint(1, 3)]
    if r.random() < 0.05:
        other[0] = other[0] + 1  # a shape mismatch
    y = p.pick(lambda t: list(t.shape) == other and t.dtype == tx.dtype) if r.random() < 0.3 else None
    if y is None:
        if prod(other) > MAX_NUMEL:
            return False
        y = p.new_leaf(other, dt)
        if y is None:
            return False
    if r.random() < 0.2:
        x, y = y, x  # operand order swapped (often a shape error, recorded as such)
    return form(p, name, x, [y], no_grad=ng(p))


# ---------------------------------------------------------------- shapes and views
def factor_shape(r, n):
    """A random shape with n elements."""
    if n == 0:
        return r.choice([[0], [0, 2], [2, 0]])
    shape = []
    rest = n
    while rest > 1 and len(shape) < 4:
        divs = [d for d in range(2, rest + 1) if rest % d == 0]
        d = r.choice(divs)
        shape.append(d)
        rest //= d
    if r.random() < 0.3:
        shape.insert(r.randint(0, len(shape)), 1)
    r.shuffle(shape)
    return shape


def g_reshape(p):
    r = p.rng
    name = r.choice(["view", "reshape", "view", "reshape", "flatten", "view_as", "reshape_as"])
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    if name in ("view_as", "reshape_as"):
        y = p.pick(lambda t: t.numel() == tx.numel())
        if y is None:
            return False
        return p.run({"fn": f"Tensor.{name}", "self": x, "args": [y]}, view=True) is not None
    if name == "flatten":
        args = []
        if tx.dim() and r.random() < 0.7:
            a = r.randint(0, tx.dim() - 1)
            b = r.randint(a, tx.dim() - 1)
            args = [a, b] if r.random() < 0.7 else [a]
            args, kw = maybe_kw(p, args, ["start_dim", "end_dim"], 0.3)
            return form(p, "flatten", x, args, kw, view=True)
        return form(p, "flatten", x, view=True)
    shape = factor_shape(r, tx.numel())
    if shape and r.random() < 0.3:
        shape[r.randrange(len(shape))] = -1
    if r.random() < 0.03:
        shape = shape + [2]
    if name == "reshape" and r.random() < 0.4:
        return p.run({"fn": "torch.reshape", "args": [x, shape]}, view=True) is not None
    args = [shape] if r.random() < 0.5 or not shape else list(shape)
    return p.run({"fn": f"Tensor.{name}", "self": x, "args": args}, view=True) is not None


def g_transpose(p):
    r = p.rng
    name = r.choice(["transpose", "transpose", "t", "T", "mT", "permute", "permute", "swapaxes"])
    if name == "swapaxes":
        name = "transpose"
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    nd = tx.dim()
    if name == "t":
        return form(p, "t", x, view=True)
    if name in ("T", "mT"):
        if name == "T" and nd not in (0, 2) and r.random() < 0.7:
            return False
        if name == "mT" and nd < 2 and r.random() < 0.8:
            return False
        return p.run({"fn": f"Tensor.{name}", "self": x}, view=True) is not None
    if name == "transpose":
        a, b = p.dim(tx), p.dim(tx)
        args, kw = maybe_kw(p, [a, b], ["dim0", "dim1"], 0.2)
        return form(p, "transpose", x, args, kw, view=True)
    perm = list(range(nd))
    r.shuffle(perm)
    if r.random() < 0.3:
        perm = [d - nd if r.random() < 0.5 else d for d in perm]
    if r.random() < 0.03 and perm:
        perm[0] = perm[-1]
    if r.random() < 0.4 or nd == 0:
        return p.run({"fn": "torch.permute", "args": [x, perm]}, view=True) is not None
    args = [perm] if r.random() < 0.5 else perm
    return p.run({"fn": "Tensor.permute", "self": x, "args": args}, view=True) is not None


def g_squeeze(p):
    r = p.rng
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    if r.random() < 0.5:
        d = r.randint(-tx.dim() - 1, tx.dim()) if r.random() < 0.96 else tx.dim() + 2
        args, kw = maybe_kw(p, [d], ["dim"], 0.2)
        return form(p, "unsqueeze", x, args, kw, view=True)
    if r.random() < 0.4:
        return form(p, "squeeze", x, view=True)
    ones = [i for i, s in enumerate(tx.shape) if s == 1]
    d = r.choice(ones) if ones and r.random() < 0.7 else p.dim(tx)
    args, kw = maybe_kw(p, [d], ["dim"], 0.2)
    return form(p, "squeeze", x, args, kw, view=True)


def g_expand(p):
    r = p.rng
    x = p.pick(lambda t: t.numel() > 0)
    if x is None:
        return False
    tx = p.t(x)
    shape = list(tx.shape)
    new = [d if d != 1 else r.choice([1, 2, 3]) for d in shape]
    if r.random() < 0.4:
        new = [r.choice([1, 2])] + new
    if prod(new) > MAX_NUMEL:
        return False
    if r.random() < 0.3 and new:
        new = [-1 if (i >= len(new) - len(shape) and shape[i - (len(new) - len(shape))] == d and r.random() < 0.5) else d for i, d in enumerate(new)]
    if r.random() < 0.03 and new:
        new[-1] = new[-1] + 1 if new[-1] > 1 else new[-1]
    if r.random() < 0.2:
        y = p.pick(lambda t: broadcastable(t.shape, tx.shape) and t.dim() >= tx.dim() and t.numel() <= MAX_NUMEL)
        if y is not None:
            return p.run({"fn": "Tensor.expand_as", "self": x, "args": [y]}, view=True) is not None
    args = [new] if r.random() < 0.5 or not new else new
    return p.run({"fn": "Tensor.expand", "self": x, "args": args}, view=True) is not None


def g_copyish(p):
    r = p.rng
    name = r.choice(["clone", "contiguous", "detach", "clone", "detach"])
    x = p.pick()
    if x is None:
        return False
    if name == "clone":
        return form(p, "clone", x)
    if name == "detach":
        return form(p, "detach", x, view=True, torch_ok=False)  # (the engine has no torch.detach)
    return p.run({"fn": "Tensor.contiguous", "self": x}, view=True) is not None


SLICES = [":", "1:", ":2", "::2", "1::2", "-1:", ":-1", "0:1", "1:3", "-2:", "::3", "2:1"]


def g_index(p):
    r = p.rng
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    nd = tx.dim()
    idx = []
    d = 0
    used_ellipsis = False
    n_items = r.randint(1, nd + 1) if nd else 1
    if nd == 0 and r.random() < 0.9:
        return p.run({"fn": "Tensor.index", "self": x, "args": [r.choice([None, "...", None])]}, view=True) is not None
    for _ in range(n_items):
        u = r.random()
        if u < 0.12:
            idx.append(None)
        elif u < 0.2 and not used_ellipsis:
            idx.append("...")
            used_ellipsis = True
            d = nd  # conservatively: after "...", further items may over-index (and raise)
        elif d < nd:
            size = tx.shape[d]
            if u < 0.5 and size > 0:
                idx.append(r.randint(-size, size - 1) if r.random() < 0.96 else size)
            else:
                idx.append(r.choice(SLICES))
            d += 1
        else:
            idx.append(r.choice([None, ":"]))
    if r.random() < 0.08 and nd:
        # advanced indexing with an int64 index tensor or a bool mask on the first dim
        size = tx.shape[0]
        if size and r.random() < 0.5:
            ix = p.new_leaf([r.randint(1, 3)], "int64", data=[r.randint(-size, size - 1) for _ in range(r.randint(1, 3))])
        else:
            ix = p.new_leaf([size], "bool")
        if ix is None:
            return False
        p.run({"fn": "Tensor.index", "self": x, "args": [ix]})
        return True
    return p.run({"fn": "Tensor.index", "self": x, "args": idx}, view=True) is not None


def g_narrow_select(p):
    r = p.rng
    x = p.pick(lambda t: t.dim() > 0)
    if x is None:
        return False
    tx = p.t(x)
    d = p.dim(tx)
    size = tx.shape[d] if -tx.dim() <= d < tx.dim() else 1
    if r.random() < 0.5:
        start = r.randint(-size, max(size - 1, 0)) if size else 0
        s0 = start + size if start < 0 else start
        length = r.randint(0, max(size - s0, 0)) if r.random() < 0.95 else size + 1
        args, kw = maybe_kw(p, [d, start, length], ["dim", "start", "length"], 0.2)
        return form(p, "narrow", x, args, kw, view=True)
    i = r.randint(-size, size - 1) if size and r.random() < 0.96 else size
    args, kw = maybe_kw(p, [d, i], ["dim", "index"], 0.2)
    return form(p, "select", x, args, kw, view=True)


def g_index_select_gather(p):
    r = p.rng
    x = p.pick(lambda t: t.dim() > 0 and t.numel() > 0)
    if x is None:
        return False
    tx = p.t(x)
    d = r.randint(-tx.dim(), tx.dim() - 1)
    size = tx.shape[d]
    if r.random() < 0.6:
        n = r.randint(1, 4)
        if tx.numel() // size * n > MAX_NUMEL:
            n = 1
        data = [r.randint(0, size - 1) if r.random() < 0.97 else size for _ in range(n)]
        ix = p.new_leaf([n], "int64", data=data)
        if ix is None:
            return False
        return form(p, "index_select", x, [d, ix])
    shape = list(tx.shape)
    dd = d % tx.dim()
    shape[dd] = r.randint(1, 3)
    if prod(shape) > MAX_NUMEL:
        shape[dd] = 1
    data = p.rand_data(shape, "int64")

    def fix(v):
        return [fix(e) for e in v] if isinstance(v, list) else (v % size if r.random() < 0.98 else size)
    ix = p.new_leaf(shape, "int64", data=fix(data))
    if ix is None:
        return False
    return form(p, "gather", x, [d, ix])


def g_chunk_split(p):
    r = p.rng
    x = p.pick(lambda t: t.dim() > 0)
    if x is None:
        return False
    tx = p.t(x)
    d = r.randint(-tx.dim(), tx.dim() - 1)
    size = tx.shape[d]
    if r.random() < 0.5:
        args, kw = maybe_kw(p, [r.randint(1, 4)] + ([d] if r.random() < 0.8 else []), ["chunks", "dim"], 0.2)
        return form(p, "chunk", x, args, kw, view=True)
    if r.random() < 0.6 or size == 0:
        s = r.randint(1, 3)
    else:
        parts = []
        rest = size
        while rest > 0:
            k = r.randint(1, rest)
            parts.append(k)
            rest -= k
        if r.random() < 0.05:
            parts.append(1)
        s = parts
    args, kw = maybe_kw(p, [s] + ([d] if r.random() < 0.8 else []), ["split_size", "dim"], 0.2)
    return form(p, "split", x, args, kw, view=True, torch_ok=False)


def g_cat_stack(p):
    r = p.rng
    x = p.pick(lambda t: t.numel() <= MAX_NUMEL // 2)
    if x is None:
        return False
    tx = p.t(x)
    stack = r.random() < 0.4
    k = r.randint(1, 3)
    if tx.numel() * (k + 1) > MAX_NUMEL:
        k = 1
    if not stack and tx.dim() == 0 and r.random() < 0.9:
        stack = True
    if stack:
        d = r.randint(-tx.dim() - 1, tx.dim())
    else:
        if tx.dim() == 0:
            d = 0
        else:
            d = r.randint(-tx.dim(), tx.dim() - 1)
    items = [x]
    for _ in range(k):
        shape = list(tx.shape)
        if not stack and shape and r.random() < 0.5:
            shape[d] = r.randint(1, 2)
        if r.random() < 0.04:
            shape = shape + [1]
        cands = p.tensors(lambda t: list(t.shape) == shape)
        if cands and r.random() < 0.5:
            items.append(r.choice(cands))
        else:
            dt = dname(tx.dtype) if r.random() < 0.9 else r.choice(["float32", "float64", "int64"])
            y = p.new_leaf(shape, dt)
            if y is None:
                return False
            items.append(y)
    r.shuffle(items)
    name = "stack" if stack else r.choice(["cat", "cat", "concat"])
    args = [items]
    kw = {}
    if r.random() < 0.85:
        if r.random() < 0.3:
            kw = {"dim": d}
        else:
            args.append(d)
    return p.run({"fn": f"torch.{name}", "args": args, **({"kw": kw} if kw else {})}) is not None


def g_convert(p):
    r = p.rng
    name = r.choice(["to", "float", "double", "long", "bool", "int", "type", "to"])
    x = p.pick()
    if x is None:
        return False
    tx = p.t(x)
    if name in ("long", "int") and not safe_for_int(tx):
        return False
    if name in ("to", "type"):
        dt = r.choice(["float32", "float64", "int64", "bool", "float32"])
        if dt == "int64" and not safe_for_int(tx):
            return False
        return p.run({"fn": f"Tensor.{name}", "self": x, "args": [{"dtype": dt}]}, view=True) is not None
    return p.run({"fn": f"Tensor.{name}", "self": x}, view=True) is not None


def g_like(p):
    r = p.rng
    name = r.choice(["zeros_like", "ones_like", "full_like"])
    x = p.pick()
    if x is None:
        return False
    args = [x]
    if name == "full_like":
        args.append(p.scalar(p.t(x)))
    kw = {}
    if r.random() < 0.2:
        kw["dtype"] = {"dtype": r.choice(["float32", "float64"])}
    if r.random() < 0.15:
        kw["dtype"] = {"dtype": "float32"}
        kw["requires_grad"] = True
    step = {"fn": f"torch.{name}", "args": args}
    if kw:
        step["kw"] = kw
    names = p.run(step)
    if names and kw.get("requires_grad"):
        p.leaves.append(names[0])
    return names is not None


def g_random(p):
    r = p.rng
    p.run({"fn": "torch.manual_seed", "args": [r.randint(0, 10000)], "out": None})
    if p.error:
        return True
    name = r.choice(["rand", "randn", "rand_like", "randn_like", "randint"])
    if name.endswith("_like"):
        x = p.pick(isf)
        if x is None:
            name = "rand"
        else:
            return p.run({"fn": f"torch.{name}", "args": [x]}) is not None
    shape = p.rand_shape(allow_empty=False)
    if name == "randint":
        return p.run({"fn": "torch.randint", "args": [r.randint(-3, 0), r.randint(1, 6), shape]}) is not None
    return p.run({"fn": f"torch.{name}", "args": list(shape) if shape and r.random() < 0.5 else [shape]}) is not None


def g_scalar_out(p):
    r = p.rng
    name = r.choice(["item", "allclose", "equal"])
    if name == "item":
        x = p.pick(lambda t: t.numel() == 1 if r.random() < 0.95 else True)
        return x is not None and p.run({"fn": "Tensor.item", "self": x}) is not None
    x = p.pick()
    if x is None:
        return False
    y = p.pick(lambda t: t.shape == p.t(x).shape and t.dtype == p.t(x).dtype)
    if y is None:
        return False
    return form(p, name, x, [y])


def g_sum_to_size(p):
    x = p.pick(lambda t: t.dim() > 0)
    if x is None:
        return False
    tx = p.t(x)
    shape = [1 if p.rng.random() < 0.5 else d for d in tx.shape]
    shape = shape[p.rng.randint(0, len(shape)):]
    args = [shape] if p.rng.random() < 0.5 or not shape else shape
    return p.run({"fn": "Tensor.sum_to_size", "self": x, "args": args}) is not None


def g_autograd_misc(p):
    r = p.rng
    u = r.random()
    if u < 0.4:
        x = p.pick(lambda t: t.requires_grad and t.grad_fn is not None)
        if x is None:
            return False
        p.retained.append(x)
        return p.run({"fn": "Tensor.retain_grad", "self": x, "out": None}) is not None
    if u < 0.7:
        x = p.pick(lambda t: t.grad_fn is None and isf(t) and not t.requires_grad)
        if x is None:
            return False
        names = p.run({"fn": "Tensor.requires_grad_", "self": x, "args": [] if r.random() < 0.6 else [True]})
        if names:
            p.leaves.append(x)
        return names is not None
    x = p.pick(lambda t: True)
    if x is None:
        return False
    return p.run({"fn": "Tensor.detach_", "self": x}) is not None


# ---------------------------------------------------------------- in-place
def guarded(t):
    """In-place on t raises outside no_grad: a leaf that requires grad, or a view of one."""
    if not t.requires_grad:
        return False
    if t.is_leaf:
        return True
    b = t._base
    return b is not None and b.is_leaf and b.requires_grad


def inplace_target(p):
    """Mostly non-leaf values and views of them; rarely a leaf that requires grad (raises)."""
    r = p.rng
    u = r.random()
    if u < 0.04:
        c = p.tensors(guarded)
        if c:
            return r.choice(c)
    if u < 0.45:
        c = [n for n in p.tensors(lambda t: not guarded(t)) if n in p.views]
        if c:
            return r.choice(c[-4:])
    c = p.tensors(lambda t: not guarded(t))
    if c:
        return r.choice(c[-4:])
    return None


def g_inplace(p):
    r = p.rng
    x = inplace_target(p)
    if x is None:
        return False
    tx = p.t(x)
    name = r.choice(["add_", "sub_", "mul_", "div_", "pow_", "clamp_", "relu_", "zero_", "fill_", "copy_", "add_", "mul_",
                     "unary_", "masked_fill_"])
    if name == "unary_":
        name = r.choice(["exp_", "neg_", "sigmoid_", "tanh_", "abs_", "sqrt_"])
    step = {"fn": f"Tensor.{name}", "self": x}
    if name == "masked_fill_":
        m = mask_for(p, x)
        if m is None:
            return False
        step["args"] = [m, p.scalar(tx)]
    if name in ("add_", "sub_", "mul_", "div_"):
        if r.random() < 0.6:
            o = p.partner(x, pred=lambda t: bnumel(t.shape, tx.shape) == tx.numel())
            if o is None:
                return False
            step["args"] = [o]
        else:
            step["args"] = [p.scalar(tx)]
        if name in ("add_", "sub_") and r.random() < 0.2:
            step["kw"] = {"alpha": r.choice([2, -1, 0.5]) if isf(tx) else 2}
    elif name == "pow_":
        step["args"] = [r.choice([2, 3, 0.5, -1, 0])]
    elif name == "clamp_":
        lo, hi = p.scalar(tx), p.scalar(tx)
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi and r.random() < 0.7:
            lo, hi = hi, lo
        step["args"] = [lo, hi] if r.random() < 0.6 else []
        if not step["args"]:
            step["kw"] = {"min": lo} if r.random() < 0.5 else {"max": hi}
    elif name == "relu_":
        if r.random() < 0.3:
            step = {"fn": "torch.relu_", "args": [x]}
    elif name == "fill_":
        step["args"] = [p.scalar(tx)]
    elif name == "copy_":
        o = p.partner(x, pred=lambda t: bnumel(t.shape, tx.shape) == tx.numel() and (safe_for_int(t) or isf(tx)))
        if o is None:
            return False
        if not isf(tx) and not safe_for_int(p.t(o)):
            return False
        step["args"] = [o]
    if name == "fill_" and not isf(tx) and isinstance(step["args"][0], float) and not math.isfinite(step["args"][0]):
        return False
    if not isf(tx) and "args" in step and step["args"] and isinstance(step["args"][0], float) and not math.isfinite(step["args"][0]):
        return False
    if ng(p) or r.random() < 0.05:
        step["no_grad"] = True
    return p.run(step) is not None


# ---------------------------------------------------------------- activations
ACTS = {
    # name: (F positional params [(name, choices)], has inplace, module name)
    "relu": ([], True, "ReLU"),
    "leaky_relu": ([("negative_slope", [0.01, 0.2, 0.0, 1.5, -0.5, 1.0, 3.0])], True, "LeakyReLU"),
    "elu": ([("alpha", [1.0, 0.5, 2.0, 0.0, -1.0])], True, "ELU"),
    "relu6": ([], True, "ReLU6"),
    "silu": ([], True, "SiLU"),
    "gelu": ([], False, "GELU"),
    "sigmoid": ([], False, "Sigmoid"),
    "tanh": ([], False, "Tanh"),
    "softplus": ([("beta", [1, 2, 0.5, -1.0, 1.0]), ("threshold", [20, 1, 0.5, 0, -1.0, 5])], False, "Softplus"),
    "mish": ([], True, "Mish"),
    "selu": ([], True, "SELU"),
    "celu": ([("alpha", [1.0, 0.5, 2.0, 0.0, -1.0])], True, "CELU"),
    "hardtanh": ([("min_val", [-1.0, -2.0, 0.0, 1.0, -0.5]), ("max_val", [1.0, 3.0, 6.0, 0.0, -2.0])], True, "Hardtanh"),
    "hardsigmoid": ([], True, "Hardsigmoid"),
    "hardswish": ([], True, "Hardswish"),
    "softsign": ([], False, "Softsign"),
    "logsigmoid": ([], False, "LogSigmoid"),
    "threshold": ([("threshold", [0.0, 1.0, -1.0, 0.5, 6.0]), ("value", [0.0, -5.0, 2.0, 0.5])], True, "Threshold"),
    "softmax": ([("dim", None)], False, "Softmax"),
    "log_softmax": ([("dim", None)], False, "LogSoftmax"),
}
TORCH_ACTS = ["relu", "sigmoid", "tanh", "selu", "celu", "softmax", "log_softmax"]
METHOD_ACTS = ["relu", "sigmoid", "tanh", "softmax", "log_softmax"]


def act_input(p):
    return p.pick(isf if p.rng.random() < 0.93 else (lambda t: True))


def g_activation(p):
    r = p.rng
    name = r.choice(list(ACTS))
    params, has_inplace, module = ACTS[name]
    x = act_input(p)
    if x is None:
        return False
    tx = p.t(x)
    vals = []
    for pname, choices in params:
        if pname == "dim":
            vals.append(p.dim(tx))
        else:
            vals.append(r.choice(choices))
    if name == "threshold":
        n_given = 2  # threshold and value are required
    else:
        n_given = r.randint(0, len(vals))
    vals = vals[:n_given]
    names = [pn for pn, _ in params][:n_given]
    inplace = has_inplace and r.random() < 0.3
    if inplace and p.tensors(lambda t: t is tx and guarded(t)) and r.random() < 0.9:
        inplace = False  # (in-place on a leaf that requires grad raises: keep it, but rarely)
    u = r.random()
    nograd = ng(p)
    if u < 0.2:
        # nn module
        ctor, ctor_kw = maybe_kw(p, list(vals), names, 0.5)
        if inplace:
            ctor_kw["inplace"] = True
        if name == "gelu" and r.random() < 0.6:
            ctor_kw["approximate"] = r.choice(["tanh", "none", "none", "tanh", "exact"])
        step = {"fn": f"nn.{module}", "ctor": ctor, "args": [x]}
        if ctor_kw:
            step["ctor_kw"] = ctor_kw
        if nograd:
            step["no_grad"] = True
        return p.run(step) is not None
    if u < 0.3 and name in TORCH_ACTS:
        args, kw = maybe_kw(p, list(vals), names, 0.3)
        if name in ("softmax", "log_softmax") and not args and "dim" not in kw:
            args = [p.dim(tx)]
        step = {"fn": f"torch.{name}", "args": [x, *args]}
        if kw:
            step["kw"] = kw
        if nograd:
            step["no_grad"] = True
        return p.run(step) is not None
    if u < 0.4 and name in METHOD_ACTS:
        args = list(vals)
        if name in ("softmax", "log_softmax") and not args:
            args = [p.dim(tx)]
        step = {"fn": f"Tensor.{name}", "self": x}
        if args:
            step["args"] = args
        if nograd:
            step["no_grad"] = True
        return p.run(step) is not None
    if u < 0.45 and name in ("relu", "elu", "leaky_relu") and (not p.tensors(lambda t: t is tx and guarded(t)) or r.random() < 0.1):
        step = {"fn": f"F.{name}_", "args": [x, *vals]}
        if nograd:
            step["no_grad"] = True
        return p.run(step) is not None
    args, kw = maybe_kw(p, list(vals), names, 0.3)
    if name in ("softmax", "log_softmax") and not args and "dim" not in kw and r.random() < 0.9:
        args = [p.dim(tx)]
    if inplace:
        kw["inplace"] = True
    if name == "gelu" and r.random() < 0.6:
        kw["approximate"] = r.choice(["tanh", "none", "none", "tanh", "exact"])
    step = {"fn": f"F.{name}", "args": [x, *args]}
    if kw:
        step["kw"] = kw
    if nograd:
        step["no_grad"] = True
    return p.run(step) is not None


def g_prelu_heaviside(p):
    r = p.rng
    x = act_input(p)
    if x is None:
        return False
    tx = p.t(x)
    u = r.random()
    if u < 0.4:
        ch = tx.shape[1] if tx.dim() >= 2 else (tx.shape[0] if tx.dim() == 1 else 1)
        n = 1 if r.random() < 0.5 or ch == 0 else ch
        if r.random() < 0.04:
            n = ch + 1
        w = p.new_leaf([n], dname(tx.dtype) if isf(tx) else "float32", data=[r.choice([0.25, -0.5, 0.0, 1.0, 2.0, 0.1]) for _ in range(n)])
        if w is None:
            return False
        return form(p, "prelu", x, [w], method_ok=False) if r.random() < 0.5 else p.run({"fn": "F.prelu", "args": [x, w]}) is not None
    if u < 0.6:
        ch = tx.shape[1] if tx.dim() >= 2 else (tx.shape[0] if tx.dim() == 1 else 1)
        n = 1 if r.random() < 0.6 or ch == 0 else ch
        ctor_kw = {}
        if n != 1 or r.random() < 0.3:
            ctor_kw["num_parameters"] = n
        if r.random() < 0.6:
            ctor_kw["init"] = r.choice([0.25, -0.5, 0.0, 1.0, 0.1])
        step = {"fn": "nn.PReLU", "ctor": [], "args": [x], "attrs": ["weight"]}
        if ctor_kw:
            step["ctor_kw"] = ctor_kw
        names = p.run(step)
        if names:
            p.leaves.append(names[1])
        return names is not None
    vdt = dname(tx.dtype) if r.random() < 0.95 else "float64"
    v = p.new_leaf(r.choice([[], [], [1]]), vdt, rg=False, data=None)
    if v is None:
        return False
    return form(p, "heaviside", x, [v])


def g_nn_functional(p):
    r = p.rng
    name = r.choice(["linear", "mse_loss", "l1_loss", "binary_cross_entropy_with_logits", "binary_cross_entropy", "layer_norm", "cross_entropy", "nll_loss"])
    x = p.pick(lambda t: isf(t) and t.numel() > 0)
    if x is None:
        return False
    tx = p.t(x)
    dt = dname(tx.dtype)
    if name == "linear":
        if tx.dim() == 0:
            return False
        k = tx.shape[-1]
        o = r.randint(1, 3)
        if tx.numel() // k * o > MAX_NUMEL:
            o = 1
        w = p.new_leaf([o, k], dt)
        b = p.new_leaf([o], dt) if r.random() < 0.6 else None
        if w is None or (b is None and p.error):
            return False
        return p.run({"fn": "F.linear", "args": [x, w] + ([b] if b else [])}) is not None
    if name in ("mse_loss", "l1_loss", "binary_cross_entropy_with_logits", "binary_cross_entropy"):
        target = p.new_leaf(list(tx.shape), dt, rg=r.random() < 0.2,
                            data=p.rand_data(list(tx.shape), dt) if not name.startswith("binary") else
                            nest_like(tx.shape, lambda: r.choice([0.0, 1.0, 0.25, 0.5])))
        if target is None:
            return False
        inp = x
        if name == "binary_cross_entropy":
            names = p.run({"fn": "torch.sigmoid", "args": [x]})
            if not names:
                return True
            inp = names[0]
        return loss_step(p, name, inp, target)
    if name == "layer_norm":
        if tx.dim() == 0:
            return False
        k = r.randint(1, min(2, tx.dim()))
        ns = list(tx.shape[-k:])
        args = [x, ns]
        if r.random() < 0.5:
            w = p.new_leaf(ns, dt)
            b = p.new_leaf(ns, dt) if r.random() < 0.7 else None
            if w is None:
                return False
            args += [w, b]
            if r.random() < 0.3:
                args.append(r.choice([1e-5, 0.1, 1.0]))
        return p.run({"fn": "F.layer_norm", "args": args}) is not None
    # cross_entropy / nll_loss on [N, C] input with int64 targets
    if tx.dim() != 2 or tx.shape[1] == 0:
        return False
    n, c = tx.shape
    tgt = p.new_leaf([n], "int64", data=[r.randint(0, c - 1) for _ in range(n)])
    if tgt is None:
        return False
    inp = x
    if name == "nll_loss" and r.random() < 0.7:
        names = p.run({"fn": "F.log_softmax", "args": [x, 1]})
        if not names:
            return True
        inp = names[0]
    return loss_step(p, name, inp, tgt)


def loss_step(p, name, inp, target):
    """F.<name>(inp, target), with a random reduction half of the time."""
    r = p.rng
    kw = {"reduction": r.choice(["mean", "sum", "none"])} if r.random() < 0.5 else {}
    step = {"fn": f"F.{name}", "args": [inp, target]}
    if kw:
        step["kw"] = kw
    return p.run(step) is not None


def nest_like(shape, f):
    if not shape:
        return f()
    return [nest_like(shape[1:], f) for _ in range(shape[0])]


GENERATORS = [
    (g_unary, 12), (g_binary, 12), (g_pow, 3), (g_minmax_bin, 2), (g_compare, 4), (g_where, 3),
    (g_masked_fill, 2), (g_clamp, 3), (g_reduce_sum, 8), (g_extreme, 5), (g_allany, 1),
    (g_linalg, 5), (g_reshape, 5), (g_transpose, 5), (g_squeeze, 3), (g_expand, 3), (g_copyish, 3),
    (g_index, 6), (g_narrow_select, 4), (g_index_select_gather, 2), (g_chunk_split, 3),
    (g_cat_stack, 3), (g_convert, 2), (g_like, 1), (g_random, 1), (g_scalar_out, 1),
    (g_sum_to_size, 1), (g_autograd_misc, 2), (g_inplace, 14), (g_activation, 22),
    (g_prelu_heaviside, 3), (g_nn_functional, 3),
]
GEN_FNS = [g for g, _ in GENERATORS]
GEN_W = [w for _, w in GENERATORS]


# ============================================================================ a program
def make_program(idx):
    p = Program(idx)
    r = p.rng
    n_leaves = r.choices([1, 2, 3], [3, 4, 3])[0]
    base = p.rand_shape()
    for i in range(n_leaves):
        shape = base if i == 0 else p.related_shape(base)
        if prod(shape) > MAX_NUMEL:
            shape = base
        p.new_leaf(shape)
    n_ops = r.randint(3, 12)
    done = 0
    tries = 0
    while done < n_ops and p.error is None and tries < 200:
        tries += 1
        g = r.choices(GEN_FNS, GEN_W)[0]
        before = len(p.steps)
        ok = g(p)
        if len(p.steps) > before:
            done += 1
    forward_end = len(p.steps)
    final_env = dict(p.env)
    final = snapshot_changes(p)
    # ------------------------------------------------ backward
    grads = None
    if p.error is None:
        roots = p.tensors(lambda t: t.requires_grad and isf(t))
        if roots:
            root = roots[-1] if r.random() < 0.7 else r.choice(roots)
            troot = p.t(root)
            u = r.random()
            if u < 0.5:
                w = p.new_leaf(list(troot.shape), dname(troot.dtype), rg=False,
                               data=nest_like(list(troot.shape), lambda: round(r.gauss(0, 1), 3)))
                if w is not None:
                    m = p.run({"fn": "Tensor.mul", "self": root, "args": [w]})
                    if m:
                        s = p.run({"fn": "Tensor.sum", "self": m[0]})
                        if s:
                            p.run({"fn": "Tensor.backward", "self": s[0], "out": None})
            elif u < 0.9 or troot.numel() != 1:
                if u >= 0.97:
                    p.run({"fn": "Tensor.backward", "self": root, "out": None})  # non-scalar: raises
                else:
                    s = p.run({"fn": "Tensor.sum", "self": root})
                    if s:
                        p.run({"fn": "Tensor.backward", "self": s[0], "out": None})
            else:
                p.run({"fn": "Tensor.backward", "self": root, "out": None})
            if p.error is None:
                grads = {}
                for n in dict.fromkeys(p.leaves + p.retained):
                    g = p.env[n].grad
                    grads[n] = record(g) if g is not None else None
    # ------------------------------------------------ shadow run (float64) for tolerances
    shadow_env, shadow_grads, shadow_final = run_shadow(p.steps, forward_end, p.leaves + p.retained)
    for n, rec in p.vals.items():
        if n in shadow_env:
            add_tol(rec, shadow_tol_rec(n, p, shadow_env))
    for n, rec in final.items():
        if n in shadow_final:
            add_tol(rec, shadow_tol(final_env[n], shadow_final[n]))
    if grads:
        for n, rec in grads.items():
            if rec is not None and shadow_grads.get(n) is not None:
                add_tol(rec, shadow_tol(p.env[n].grad, shadow_grads[n]))
    ops = [s["fn"].split(".", 1)[1] if s["fn"] != "torch.tensor" else "tensor" for s in p.steps]
    prog = {"id": idx, "summary": ", ".join(ops), "fwd": forward_end, "steps": p.steps, "vals": p.vals, "final": final,
            "grads": grads, "error": p.error}
    return prog


def shadow_tol_rec(n, p, shadow_env):
    main = p._snap.get(n)
    sh = shadow_env.get(n)
    return shadow_tol(main, sh)


def snapshot_changes(p):
    """Records of values whose state changed after the step that made them."""
    out = {}
    for n in p.order:
        rec = record(p.env[n])
        old = p.vals[n]
        if isinstance(old, list) and old[2] == 0 and isinstance(rec, list):
            old = old[:2] + [record(p._snap[n])[2]] + old[3:]
        if rec != old:
            out[n] = rec
    return out


def run_shadow(steps, forward_end, leaf_names):
    env = {}
    snaps = {}
    grads = {}
    final = {}
    for k, step in enumerate(steps):
        if k == forward_end:
            final = {n: (v.detach().clone() if isinstance(v, torch.Tensor) else v) for n, v in env.items()}
        try:
            res = call(step, env, True)
        except Exception:  # noqa: BLE001
            break
        try:
            names = bind(step, res, env)
        except Exception:  # noqa: BLE001
            break
        for n in names:
            v = env[n]
            snaps[n] = v.detach().clone() if isinstance(v, torch.Tensor) else v
    else:
        if forward_end == len(steps):
            final = {n: (v.detach().clone() if isinstance(v, torch.Tensor) else v) for n, v in env.items()}
        for n in leaf_names:
            if n in env and isinstance(env[n], torch.Tensor) and env[n].grad is not None:
                grads[n] = env[n].grad
    return snaps, grads, final


# ============================================================================ Python rendering
def py_arg(a, index=False):
    if is_ref(a):
        return a
    if isinstance(a, dict) and "dtype" in a:
        return f"torch.{a['dtype']}"
    if isinstance(a, list):
        return "[" + ", ".join(py_arg(x) for x in a) + "]"
    if isinstance(a, str):
        if index:
            return "..." if a == "..." else a
        return repr(a)
    if isinstance(a, float):
        if math.isnan(a):
            return "nan"
        if math.isinf(a):
            return "inf" if a > 0 else "-inf"
    return repr(a)


def py_step(step):
    fn = step["fn"]
    kind, name = fn.split(".", 1)
    args = [py_arg(a, index=(name == "index" and kind == "Tensor")) for a in step.get("args", [])]
    args += [f"{k}={py_arg(v)}" for k, v in step.get("kw", {}).items()]
    a = ", ".join(args)
    if kind == "Tensor":
        if name == "index":
            expr = f"{step['self']}[{a}]"
        elif name in ("T", "mT"):
            expr = f"{step['self']}.{name}"
        else:
            expr = f"{step['self']}.{name}({a})"
    elif kind == "nn":
        ctor = [py_arg(x) for x in step.get("ctor", [])] + [f"{k}={py_arg(v)}" for k, v in step.get("ctor_kw", {}).items()]
        expr = f"nn.{name}({', '.join(ctor)})({a})"
        if step.get("attrs"):
            expr = f"(m := nn.{name}({', '.join(ctor)}))({a}), " + ", ".join(f"m.{x}" for x in step["attrs"])
    else:
        expr = f"{kind}.{name}({a})"
    out = step.get("out")
    lhs = "" if out is None else (", ".join(out) + " = " if isinstance(out, list) else f"{out} = ")
    line = lhs + expr
    if step.get("no_grad"):
        line = f"with torch.no_grad(): {line}"
    return line


def show(prog):
    lines = [py_step(s) for s in prog["steps"]]
    if prog["error"]:
        lines.append(f"# raises at step {prog['error']['step']}: {prog['error']['type']}: {prog['error']['message']}")
    return "\n".join(lines)


# ============================================================================ main
def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        for i in sys.argv[2:]:
            print(f"# program {i}")
            print(show(make_program(int(i))))
        return
    torch.manual_seed(0)
    programs = []
    for i in range(N_PROGRAMS):
        programs.append(enc(make_program(i)))
    doc = {
        "generator": "test/golden/gen_fuzz.py",
        "torch_version": torch.__version__,
        "seed": SEED,
        "notes": [
            "See the docstring of test/golden/gen_fuzz.py for the program representation and tolerances.",
            "Records are taken right after each step; 'final' holds the values that changed afterwards.",
            "grad_fn names are type(grad_fn).__name__.",
        ],
        "programs": programs,
    }
    write_fixture(OUT, dumps(doc))
    n_err = sum(1 for p in programs if p["error"])
    print(f"wrote {OUT}: {len(programs)} programs, {n_err} end in a PyTorch error", file=sys.stderr)


if __name__ == "__main__":
    main()
