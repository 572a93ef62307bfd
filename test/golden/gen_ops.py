#!/usr/bin/python3
"""Golden fixtures for core tensor ops: writes test/golden/fixtures/ops.json.

Oracle: Debian's python3-torch 1.13 (CPU, float32, single thread).  Run from anywhere:

    /usr/bin/python3 test/golden/gen_ops.py      (or: npm run golden)

If the interpreter on PATH has no torch, the script re-executes itself with /usr/bin/python3.

Determinism: random inputs and upstream gradients come from a torch.Generator seeded with
zlib.crc32 of the case name (and of the input's name), so cases do not depend on each other
and re-running reproduces the committed JSON byte for byte.

Each case is *defined by its Python expression*: the "python" string is eval()'d with the
inputs as local variables, so the recorded expression is exactly what produced the numbers.

What is recorded
----------------
cases (autograd-capable ops), one per line:
    { "name":    unique id (the TypeScript test has one lambda per name),
      "python":  the expression, e.g. "a + b",
      "inputs":  { "<var>": {"shape", "dtype", "data" (nested, as tolist()), "requires_grad"} },
      "output":  {"shape", "dtype", "data", "requires_grad"}            (tensor results), or
                 {"values": {...}, "indices": {...}}                    (max/min with dim),
      "grad_fn": y.grad_fn.name() or null (for max/min with dim: values.grad_fn),
      "grad_output": {"shape", "data"} | null  (seeded normal; y.backward(grad_output)),
      "grads":   { "<var>": {"shape", "data"} | null }  (x.grad after backward),
      "index"?:  indexing cases only: the index as data, a list of
                 {"int": i} | {"slice": [start, stop, step]} (null = omitted) | {"ellipsis": true} | {"none": true},
      "note"?:   what the case demonstrates }
creation: torch.arange/linspace/eye/full/zeros/ones results: {"name", "python", "shape", "dtype", "data"}.
values:   plain Python results of item(), tolist(), numel(), size(), str(dtype), ...:
          {"name", "python", "inputs", "expected"}.

Non-finite numbers are the strings "nan", "inf", "-inf" (see fixtures.ts).
"""
import math

# first: it imports torch (re-executing under /usr/bin/python3 when this python lacks it)
from golden_common import (INF, NAN, crc, dumps, enc, fixture_path, gen, randn, setup_torch, tensor_desc, torch,
                           write_fixture)

setup_torch()

OUT = fixture_path("ops.json")


# ----------------------------------------------------------------------------- helpers
def tdesc(t):
    return tensor_desc(t, with_grad_flag=True)


def gdesc(t):
    return None if t is None else {"shape": list(t.shape), "data": t.tolist()}


class R:
    """A seeded random float32 input of the given shape (normal * scale)."""

    def __init__(self, *shape, scale=1.0, requires_grad=True):
        self.shape, self.scale, self.requires_grad = shape, scale, requires_grad


class D:
    """An input given as data."""

    def __init__(self, data, dtype=torch.float32, requires_grad=None):
        self.data, self.dtype = data, dtype
        self.requires_grad = dtype.is_floating_point if requires_grad is None else requires_grad


cases = []
names = set()


def make_inputs(name, inputs):
    env = {}
    for var, spec in inputs.items():
        if isinstance(spec, R):
            t = randn(name + "/" + var, *spec.shape, scale=spec.scale)
            t.requires_grad_(spec.requires_grad)
        else:
            t = torch.tensor(spec.data, dtype=spec.dtype)
            t.requires_grad_(spec.requires_grad)
        env[var] = t
    return env


def case(name, python, note=None, index=None, **inputs):
    assert name not in names, name
    names.add(name)
    env = make_inputs(name, inputs)
    rec = {"name": name, "python": python,
           "inputs": {k: tdesc(v) for k, v in env.items()}}
    y = eval(python, {"torch": torch, "math": math, **env})
    if isinstance(y, tuple):  # torch.return_types.max / min
        values, indices = y
        rec["output"] = {"values": tdesc(values), "indices": tdesc(indices)}
        target = values
    else:
        rec["output"] = tdesc(y)
        target = y
    rec["grad_fn"] = target.grad_fn.name() if target.grad_fn is not None else None
    if index is not None:
        rec["index"] = index
    if target.requires_grad:
        go = torch.randn(target.shape, generator=gen(crc(name + "/grad_output")))
        target.backward(go)
        rec["grad_output"] = gdesc(go)
        rec["grads"] = {k: gdesc(v.grad) for k, v in env.items()}
    else:
        rec["grad_output"] = None
        rec["grads"] = {k: None for k in env}
    if note:
        rec["note"] = note
    cases.append(rec)


# ----------------------------------------------------------------------------- arithmetic
case("add", "a + b", a=R(2, 3), b=R(2, 3))
case("add_broadcast_3x1_1x4", "a + b", a=R(3, 1), b=R(1, 4))
case("add_broadcast_2x3_3", "a + b", a=R(2, 3), b=R(3))
case("add_scalar", "a + 2.5", a=R(2, 3), note="Python scalars are wrapped into 0-d tensors: grad_fn AddBackward0")
case("add_scalar_reversed", "2.5 + a", a=R(2, 3))
case("add_alpha", "torch.add(a, b, alpha=2)", a=R(2, 3), b=R(2, 3))
case("sub", "a - b", a=R(2, 3), b=R(2, 3))
case("sub_broadcast_3x1_1x4", "a - b", a=R(3, 1), b=R(1, 4))
case("sub_scalar", "a - 2", a=R(2, 3))
case("rsub_scalar", "2 - a", a=R(2, 3), note="2 - x is x.__rsub__(2) == torch.rsub(x, 2): grad_fn RsubBackward1")
case("mul", "a * b", a=R(2, 3), b=R(2, 3))
case("mul_broadcast_3x1_1x4", "a * b", a=R(3, 1), b=R(1, 4))
case("mul_broadcast_2x3_3", "a * b", a=R(2, 3), b=R(3))
case("mul_scalar", "a * 2", a=R(2, 3))
case("mul_scalar_reversed", "2 * a", a=R(2, 3))
case("div", "a / b", a=R(2, 3), b=R(2, 3))
case("div_broadcast_3x1_1x4", "a / b", a=R(3, 1), b=R(1, 4))
case("div_broadcast_2x3_3", "a / b", a=R(2, 3), b=R(3))
case("div_scalar", "a / 2", a=R(2, 3))
case("rdiv_scalar", "2 / a", a=R(2, 3),
     note="2 / x is x.__rtruediv__(2) == x.reciprocal() * 2: grad_fn MulBackward0")
case("div_by_zero", "a / b", a=D([1.0, -1.0, 0.0, 2.0]), b=D([0.0, 0.0, 0.0, -0.0]),
     note="x/0 = +-inf, 0/0 = nan; the gradients are inf/nan accordingly")
case("neg", "-a", a=R(2, 3))
case("add_int_tensors", "a + b", a=D([1, 2, 3], torch.int64), b=D([10, 20, 30], torch.int64),
     note="int64 + int64 stays int64, no autograd")

# ----------------------------------------------------------------------------- matmul
case("mm", "torch.mm(a, b)", a=R(2, 3), b=R(3, 4))
case("mm_method", "a.mm(b)", a=R(2, 3), b=R(3, 4))
case("matmul_2d_2d", "torch.matmul(a, b)", a=R(2, 3), b=R(3, 4))
case("matmul_operator", "a @ b", a=R(3, 2), b=R(2, 2))
case("matmul_1d_2d", "torch.matmul(a, b)", a=R(3), b=R(3, 4),
     note="1-d @ 2-d is computed as unsqueeze(0) @ b then squeeze: grad_fn SqueezeBackward3")
case("matmul_2d_1d", "torch.matmul(a, b)", a=R(2, 3), b=R(3), note="2-d @ 1-d is mv: grad_fn MvBackward0")
case("matmul_1d_1d", "torch.matmul(a, b)", a=R(3), b=R(3), note="1-d @ 1-d is dot: 0-d result, grad_fn DotBackward0")
case("matmul_3d_3d", "torch.matmul(a, b)", a=R(2, 2, 3), b=R(2, 3, 4),
     note="batched matmul goes through bmm and a reshape: grad_fn UnsafeViewBackward0")
case("matmul_3d_2d", "torch.matmul(a, b)", a=R(2, 2, 3), b=R(3, 4))
case("matmul_3d_broadcast_batch", "torch.matmul(a, b)", a=R(1, 2, 3), b=R(2, 3, 4))

# ----------------------------------------------------------------------------- shapes
case("t", "a.t()", a=R(2, 3))
case("transpose", "a.transpose(0, 2)", a=R(2, 3, 4))
case("transpose_negative_dims", "a.transpose(-1, -2)", a=R(2, 3, 4))
case("reshape", "a.reshape(3, 4)", a=R(2, 6), note="reshape of a contiguous tensor: grad_fn ReshapeAliasBackward0 in 1.13")
case("reshape_infer", "a.reshape(-1, 3)", a=R(2, 6))
case("reshape_noncontiguous", "a.t().reshape(6)", a=R(2, 3),
     note="reshape of a non-contiguous tensor copies: grad_fn UnsafeViewBackward0")
case("view", "a.view(3, 4)", a=R(2, 6))
case("view_flat", "a.view(-1)", a=R(2, 6))
case("unsqueeze_0", "a.unsqueeze(0)", a=R(2, 3))
case("unsqueeze_last", "a.unsqueeze(-1)", a=R(2, 3))
case("squeeze_all", "a.squeeze()", a=R(1, 3, 1))
case("squeeze_dim", "a.squeeze(0)", a=R(1, 3, 1))
case("squeeze_dim_not_one", "a.squeeze(1)", a=R(1, 3, 1), note="squeezing a dim of size != 1 is a no-op")
case("flatten", "a.flatten()", a=R(2, 3, 4))
case("flatten_start_dim", "a.flatten(1)", a=R(2, 3, 4))
case("cat_dim0", "torch.cat([a, b])", a=R(2, 3), b=R(1, 3))
case("cat_dim1", "torch.cat([a, b], dim=1)", a=R(2, 3), b=R(2, 2))
case("cat_three", "torch.cat([a, b, c], -1)", a=R(2, 1), b=R(2, 2), c=R(2, 3))
case("stack_dim0", "torch.stack([a, b])", a=R(2, 3), b=R(2, 3))
case("stack_dim1", "torch.stack([a, b], dim=1)", a=R(2, 3), b=R(2, 3))
case("stack_last", "torch.stack([a, b, c], -1)", a=R(2), b=R(2), c=R(2))

# ----------------------------------------------------------------------------- indexing (fixture only; TS API not decided)
case("index_int", "a[1]", a=R(3, 4), index=[{"int": 1}])
case("index_negative_int", "a[-1]", a=R(3, 4), index=[{"int": -1}])
case("index_two_ints", "a[1, 2]", a=R(3, 4), index=[{"int": 1}, {"int": 2}])
case("index_slice_dim1", "a[:, 1:3]", a=R(3, 4), index=[{"slice": [None, None, None]}, {"slice": [1, 3, None]}])
case("index_ellipsis_step", "a[..., ::2]", a=R(2, 3, 5), index=[{"ellipsis": True}, {"slice": [None, None, 2]}])
case("index_none", "a[:, None]", a=R(2, 3), index=[{"slice": [None, None, None]}, {"none": True}])

# ----------------------------------------------------------------------------- reductions
TIES = [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0], [5.0, 5.0, 5.0]]
case("sum_all", "a.sum()", a=R(2, 3))
case("sum_dim", "a.sum(dim=1)", a=R(2, 3))
case("sum_dim_keepdim", "a.sum(dim=1, keepdim=True)", a=R(2, 3))
case("sum_dim_negative", "a.sum(dim=-1)", a=R(2, 3, 4))
case("sum_dims", "a.sum(dim=(0, 2))", a=R(2, 3, 4))
case("mean_all", "a.mean()", a=R(2, 3))
case("mean_dim", "a.mean(dim=0)", a=R(2, 3))
case("mean_dim_keepdim", "a.mean(dim=1, keepdim=True)", a=R(2, 3))
case("max_all", "a.max()", a=R(2, 3))
case("max_all_ties", "a.max()", a=D(TIES),
     note="whole-tensor max with ties: the gradient is split evenly among all maximal elements")
case("max_dim", "a.max(1)", a=R(3, 4))
case("max_dim_keepdim", "a.max(dim=1, keepdim=True)", a=R(3, 4))
case("max_dim0", "a.max(0)", a=R(3, 4))
case("max_dim_ties", "a.max(1)", a=D(TIES),
     note="max over a dim with ties returns the FIRST maximal index; the whole gradient goes to that index")
case("max_nan", "a.max()", a=D([1.0, NAN, 3.0]), note="max propagates nan")
case("max_dim_nan", "a.max(1)", a=D([[1.0, NAN, 3.0], [4.0, 2.0, 0.0]]), note="max over a dim: nan wins, index of the nan")
case("min_all", "a.min()", a=R(2, 3))
case("min_all_ties", "a.min()", a=D([[0.0, 3.0, 0.0], [2.0, 0.0, 1.0]]),
     note="whole-tensor min with ties: gradient split evenly")
case("min_dim", "a.min(1)", a=R(3, 4))
case("min_dim_keepdim", "a.min(dim=-1, keepdim=True)", a=R(3, 4))
case("min_dim_ties", "a.min(1)", a=D(TIES), note="first minimal index on ties")
case("argmax_all", "a.argmax()", a=R(3, 4))
case("argmax_all_ties", "a.argmax()", a=D(TIES), note="flat index of the first maximum")
case("argmax_dim", "a.argmax(dim=1)", a=D(TIES))
case("argmax_dim_keepdim", "a.argmax(dim=0, keepdim=True)", a=D(TIES))
case("argmax_nan", "a.argmax()", a=D([1.0, NAN, 3.0]), note="argmax of a tensor containing nan is the nan's index")
case("argmin_all", "a.argmin()", a=R(3, 4))
case("argmin_dim_ties", "a.argmin(dim=1)", a=D(TIES))

# ----------------------------------------------------------------------------- elementwise math
case("exp", "a.exp()", a=R(2, 3))
case("exp_special", "torch.exp(a)", a=D([-100.0, -1.0, 0.0, 1.0, 2.5, 88.0, 89.0, INF, -INF, NAN]),
     note="float32 overflow: exp(89) = inf; exp(-100) is a float32 denormal")
case("log", "a.log()", a=D([[0.5, 1.0, 2.5], [10.0, 1e-3, 100.0]]))
case("log_special", "torch.log(a)", a=D([0.0, -0.0, -1.0, 1e-7, 1.0, INF, -INF, NAN]),
     note="log(0) = -inf with grad +-inf (grad/x), log(negative) = nan")
case("sqrt", "a.sqrt()", a=D([[0.25, 1.0, 2.0], [4.0, 10.0, 100.0]]))
case("sqrt_special", "torch.sqrt(a)", a=D([0.0, -0.0, -1.0, 1e-7, INF, NAN]),
     note="sqrt(0) has gradient inf; sqrt(-1) = nan")
case("pow_2", "a ** 2", a=D([-2.0, -0.5, 0.0, 0.5, 3.0]))
case("pow_2_method", "a.pow(2)", a=R(2, 3))
case("pow_half", "a ** 0.5", a=D([0.0, 0.25, 1.0, 2.0, -1.0]), note="grad at 0 is inf, at negatives nan")
case("pow_zero", "a ** 0", a=D([0.0, -1.5, 2.0]), note="x ** 0 == 1 everywhere with gradient 0 (also at 0)")
case("pow_negative", "a ** -1", a=D([0.5, -2.0, 4.0]))
case("pow_scalar_base", "torch.pow(2, a)", a=D([-1.0, 0.0, 0.5, 3.0]),
     note="torch.pow(scalar, tensor): grad_fn PowBackward2 (but 2 ** x in Python goes through torch.tensor(2) ** x: PowBackward1)")
case("pow_tensor_tensor", "a ** b", a=D([0.5, 1.0, 2.0, 3.0]), b=D([2.0, -1.0, 0.5, 0.0]))
case("pow_tensor_tensor_zero_base", "torch.pow(a, b)", a=D([0.0, 0.0, 0.0, 2.0]), b=D([2.0, 0.0, 0.5, 1.0]),
     note="d/db of 0 ** b is masked to 0 for b >= 0 (no nan from log(0) * 0)")
case("abs", "a.abs()", a=D([-2.0, -0.0, 0.0, 1.5, -1e-7]), note="abs' at 0 is sgn(0) = 0")
case("abs_random", "torch.abs(a)", a=R(2, 3))
case("clamp_min", "a.clamp(min=0)", a=D([-1.0, -0.0, 0.0, 0.5, 2.0]),
     note="in 1.13 clamp(min=) is ClampBackward1; at the bound (x == min) the gradient passes")
case("clamp_max", "a.clamp(max=0.5)", a=D([-1.0, 0.0, 0.5, 0.75, 2.0]), note="gradient passes at x == max")
case("clamp_both", "a.clamp(min=-1, max=1)", a=D([-2.0, -1.0, -0.5, 0.0, 1.0, 1.5, NAN]),
     note="gradient passes at both bounds (inclusive); clamp(nan) = nan")
case("clamp_function", "torch.clamp(a, -0.5, 0.5)", a=R(2, 3))
case("where", "torch.where(c, a, b)", c=D([[True, False, True], [False, False, True]], torch.bool), a=R(2, 3), b=R(2, 3))
case("where_broadcast", "torch.where(c, a, b)", c=D([True, False, True], torch.bool), a=R(2, 3), b=R(1))
case("where_from_comparison", "torch.where(a > 0, a, b)", a=R(2, 3), b=R(2, 3))

# ----------------------------------------------------------------------------- comparisons
CMP_A = [1.0, 2.0, NAN, -0.0, INF, 3.0]
CMP_B = [1.0, 3.0, NAN, 0.0, INF, -3.0]
for op in ("gt", "lt", "ge", "le", "eq", "ne"):
    case(f"{op}_tensor", f"a.{op}(b)", a=D(CMP_A), b=D(CMP_B),
         note="nan compares false except ne; -0. == 0.; results are torch.bool without grad")
    case(f"{op}_scalar", f"torch.{op}(a, 1)", a=D([[0.5, 1.0], [1.5, NAN]]))
for sym, op in ((">", "gt"), ("<", "lt"), (">=", "ge"), ("<=", "le"), ("==", "eq"), ("!=", "ne")):
    case(f"{op}_operator_broadcast", f"a {sym} b", a=R(3, 1, requires_grad=False), b=R(1, 4, requires_grad=False))

# ----------------------------------------------------------------------------- creation
creation = []


def create(name, python, note=None):
    t = eval(python, {"torch": torch})
    rec = {"name": name, "python": python, "shape": list(t.shape), "dtype": str(t.dtype), "data": t.tolist()}
    if note:
        rec["note"] = note
    creation.append(rec)


create("arange_end", "torch.arange(5)", note="integer arguments give int64")
create("arange_start_end_step_int", "torch.arange(2, 10, 3)")
create("arange_negative_step", "torch.arange(5, 0, -2)")
create("arange_float_step", "torch.arange(0, 1, 0.25)", note="any float argument gives float32; end is exclusive")
create("arange_float_start", "torch.arange(1.5, 4)")
create("arange_float_step_inexact", "torch.arange(0, 1, 0.1)", note="10 elements; values are start + i*step in float32")
create("arange_dtype", "torch.arange(4, dtype=torch.float32)")
create("linspace", "torch.linspace(0, 1, 5)")
create("linspace_negative", "torch.linspace(-1, 1, 4)")
create("linspace_inexact", "torch.linspace(0, 1, 7)",
       note="PyTorch computes the first half as start + i*step and the second half as end - (n-1-i)*step")
create("linspace_one", "torch.linspace(3, 10, 1)")
create("linspace_int_args", "torch.linspace(0, 10, 6)", note="always float32 (default dtype), even with int args")
# PyTorch's float32 kernel fills 16 at a time: a base by one fused multiply-add, 8 lanes from it (base + k*step), the rest one by one
create("linspace_plot_401", "torch.linspace(-5, 5, 401)")
create("linspace_plot_1201", "torch.linspace(-6, 6, 1201)")
create("linspace_128", "torch.linspace(-3, 3, 128)")
create("linspace_200", "torch.linspace(-3, 3, 200)")
create("linspace_plot_x_range", "torch.linspace(-4, 3, 401)")
create("linspace_uneven_2915", "torch.linspace(-2.569, 8.966, 2915)")
create("linspace_uneven_52", "torch.linspace(-8.314, 2.347, 52)")
create("linspace_tail_23", "torch.linspace(-1.7, 6.736, 23)")
# float64: vectors of 4, so rounds of 8
create("linspace_float64_1201", "torch.linspace(-6, 6, 1201, dtype=torch.float64)")
create("linspace_float64_uneven", "torch.linspace(-2.569, 8.966, 2915, dtype=torch.float64)")
create("linspace_float64_tail", "torch.linspace(-1.7, 6.736, 27, dtype=torch.float64)")
create("eye", "torch.eye(3)")
create("eye_rect", "torch.eye(2, 3)")
create("full_float", "torch.full((2, 3), 7.5)")
create("full_float_integral", "torch.full((2, 2), 7.0)")
create("full_int", "torch.full((2, 2), 7)", note="an int fill value gives int64 in 1.13")
create("full_dtype", "torch.full((3,), 2, dtype=torch.float32)")
create("zeros", "torch.zeros(2, 3)")
create("zeros_list", "torch.zeros([2, 2])")
create("zeros_int64", "torch.zeros(3, dtype=torch.int64)")
create("ones", "torch.ones(2, 3)")
create("ones_1d", "torch.ones(4)")
create("ones_bool", "torch.ones(2, dtype=torch.bool)")
create("zeros_0d", "torch.zeros([])")
create("tensor_float_list", "torch.tensor([[1.5, -2.0], [0.0, 3.25]])")
create("tensor_int_list", "torch.tensor([1, 2, 3])", note="Python ints give int64")
create("tensor_bool_list", "torch.tensor([True, False])")
create("tensor_scalar", "torch.tensor(2.5)", note="0-d tensor, shape []")

# ----------------------------------------------------------------------------- plain values
values = []


def value(name, python, note=None, **inputs):
    env = make_inputs(name, inputs)
    v = eval(python, {"torch": torch, **env})
    if isinstance(v, torch.Size):
        v = list(v)
    elif isinstance(v, torch.dtype):
        raise TypeError("use str()")
    rec = {"name": name, "python": python, "inputs": {k: tdesc(t) for k, t in env.items()}, "expected": v}
    if note:
        rec["note"] = note
    values.append(rec)


value("item_1x1", "a.item()", a=D([[2.5]]))
value("item_0d", "a.item()", a=D(-1.25))
value("item_sum", "a.sum().item()", a=D([[1.0, 2.0], [3.0, 4.5]]))
value("item_int", "a.item()", a=D([7], torch.int64))
value("item_bool", "a.item()", a=D([True], torch.bool))
value("item_float32_rounding", "a.item()", a=D([0.1]), note="item() returns the float32 value as a double")
value("tolist_2d", "a.tolist()", a=D([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
value("tolist_0d", "a.tolist()", a=D(3.5), note="tolist() of a 0-d tensor is a plain number")
value("tolist_1d_int", "a.tolist()", a=D([1, 2, 3], torch.int64))
value("tolist_bool", "a.tolist()", a=D([[True, False]], torch.bool))
value("tolist_3d", "a.tolist()", a=D([[[1.0], [2.0]], [[3.0], [4.0]]]))
value("numel", "a.numel()", a=R(2, 3, 4))
value("numel_0d", "a.numel()", a=D(1.0))
value("numel_empty", "a.numel()", a=D([]))
value("size", "a.size()", a=R(2, 3, 4))
value("size_dim", "a.size(1)", a=R(2, 3, 4))
value("size_negative_dim", "a.size(-1)", a=R(2, 3, 4))
value("size_0d", "a.size()", a=D(1.0))
value("shape", "a.shape", a=R(2, 3, 4))
value("dim", "a.dim()", a=R(2, 3, 4))
value("dtype_float32", "str(a.dtype)", a=R(2))
value("dtype_int64", "str(a.dtype)", a=D([1], torch.int64))
value("dtype_bool", "str(a.dtype)", a=D([True], torch.bool))
value("dtype_comparison", "str((a > 0).dtype)", a=R(2))
value("dtype_argmax", "str(a.argmax().dtype)", a=R(2))
value("requires_grad_of_sum", "(a * 2).sum().requires_grad", a=R(2))
value("requires_grad_under_no_grad", "torch.no_grad()(lambda: a * 2)().requires_grad", a=R(2))
value("is_leaf", "[a.is_leaf, (a * 2).is_leaf]", a=R(2))
value("grad_fn_of_leaf", "a.grad_fn is None", a=R(2))

doc = {
    "generator": "test/golden/gen_ops.py",
    "torch_version": torch.__version__,
    "cases": cases,
    "creation": creation,
    "values": values,
}
write_fixture(OUT, dumps(enc(doc)))
print(f"wrote {OUT}: {len(cases)} cases, {len(creation)} creation, {len(values)} values")
