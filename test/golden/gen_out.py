"""PyTorch's out= argument against PyTorch 1.13: writes fixtures/out.json, which
test/golden/out.test.ts replays case by case (its CASES table translates the Python of each case).

Each case is Python source run with fresh inputs (x, y: float32 [2, 3]; xl: int64 [2, 3]; c = x > 0;
sq: float32 [3, 3]; v: float32 [3]) that sets `o` (the out tensor) and `r` (what the call returned),
and may set `extra` (anything else to compare: a backward's error through error_of, another view's
values). Recorded:
whether r is o; o's shape, dtype, values, version, requires_grad and grad_fn (its type's name);
extra; the UserWarnings raised; or the error, as type and message.

The groups: every elementwise function, activation and product that takes out=, with an out of
the right shape; resizing (silent for an empty out, with PyTorch's warning otherwise); out's dtype
(cast where allowed, each op's refusal where not); autograd (the refusal, named after the ATen op;
no_grad; ops without a gradient; the ops that give out a grad_fn refusing at backward); out
aliasing an input; the version counter; the argument rules (out is keyword-only and must be a
tensor; the Tensor methods and the functions that have no out= refuse it); the reductions (out's
dtype, torch.norm's two ways, max/min's pair of outs); cat, stack, gather and index_select; and
the factories (out gives the dtype; the random ones draw the numbers they draw without it).
"""
import warnings

from golden_common import dumps, enc, fixture_path, setup_torch, torch, write_fixture
import torch.nn.functional as F

X = [[1.5, -2.0, 0.5], [0.25, 3.0, -1.0]]
Y = [[0.5, 1.0, 2.0], [-1.0, 0.5, 4.0]]
XL = [[3, -2, 0], [1, 5, -4]]
SQ = [[1.5, -2.0, 0.5], [0.25, 3.0, -1.0], [2.0, 1.0, -0.5]]
V = [1.5, -2.0, 0.5]
# a long input (20000 float32 values), so that the SIMD kernels split it between threads
BIG = 20000

CASES = []


def case(name, src):
    assert all(c[0] != name for c in CASES), name
    CASES.append((name, src.strip("\n")))


def table(prefix, text, out=None, setup=""):
    """Cases `<setup>o = <out>; r = <call>`, one a line: the case's name and call, or (without
    `out`) its name, out and call, separated by |."""
    for line in text.strip("\n").splitlines():
        if out is None:
            name, out_src, call = (part.strip() for part in line.split("|"))
        else:
            (name, call), out_src = line.split(None, 1), out
        case(f"{prefix}/{name}", f"{setup}o = {out_src}\nr = {call}")


# ----------------------------------------------------------------------------- every out= function
table("values", """
add              torch.add(x, y, out=o)
add_alpha        torch.add(x, y, alpha=2, out=o)
add_scalar       torch.add(x, 2.5, out=o)
add_broadcast    torch.add(x, y[0], out=o)
sub              torch.sub(x, y, out=o)
sub_alpha        torch.sub(x, y, alpha=0.5, out=o)
subtract         torch.subtract(x, 1.5, out=o)
mul              torch.mul(x, y, out=o)
mul_scalar       torch.mul(x, -3, out=o)
multiply         torch.multiply(x, y, out=o)
div              torch.div(x, y, out=o)
div_scalar       torch.div(x, 255, out=o)
div_floor        torch.div(x, y, rounding_mode='floor', out=o)
div_trunc        torch.div(x, y, rounding_mode='trunc', out=o)
divide           torch.divide(x, y, out=o)
true_divide      torch.true_divide(x, y, out=o)
neg              torch.neg(x, out=o)
reciprocal       torch.reciprocal(x, out=o)
pow_scalar       torch.pow(x, 3, out=o)
pow_square       torch.pow(x, 2, out=o)
pow_tensor       torch.pow(x.abs(), y, out=o)
pow_scalar_base  torch.pow(2, x, out=o)
exp              torch.exp(x, out=o)
log              torch.log(x.abs(), out=o)
sqrt             torch.sqrt(x.abs(), out=o)
rsqrt            torch.rsqrt(x.abs(), out=o)
abs              torch.abs(x, out=o)
sign             torch.sign(x, out=o)
sin              torch.sin(x, out=o)
cos              torch.cos(x, out=o)
erf              torch.erf(x, out=o)
clamp            torch.clamp(x, -1, 1, out=o)
clamp_min        torch.clamp(x, min=0, out=o)
clamp_tensor     torch.clamp(x, y - 1, y, out=o)
clip             torch.clip(x, -1, 1, out=o)
maximum          torch.maximum(x, y, out=o)
minimum          torch.minimum(x, y, out=o)
max_of_two       torch.max(x, y, out=o)
min_of_two       torch.min(x, y, out=o)
where            torch.where(c, x, y, out=o)
sigmoid          torch.sigmoid(x, out=o)
tanh             torch.tanh(x, out=o)
threshold        torch.threshold(x, 0.6, 9.0, out=o)
heaviside        torch.heaviside(x, torch.tensor(0.5), out=o)
softmax          torch.softmax(x, 1, out=o)
log_softmax      torch.log_softmax(x, 0, out=o)
F.gelu           F.gelu(x, out=o)
F.gelu_tanh      F.gelu(x, approximate='tanh', out=o)
F.softplus       F.softplus(x, beta=2, out=o)
F.logsigmoid     F.logsigmoid(x, out=o)
""", out="torch.empty(2, 3)")

table("values", """
eq           torch.eq(x, y, out=o)
ne           torch.ne(x, 0.5, out=o)
gt           torch.gt(x, y, out=o)
ge           torch.ge(x, 0.5, out=o)
lt           torch.lt(x, y, out=o)
le           torch.le(x, 0.5, out=o)
logical_not  torch.logical_not(x, out=o)
logical_and  torch.logical_and(x, c, out=o)
logical_or   torch.logical_or(c, xl, out=o)
""", out="torch.empty(2, 3, dtype=torch.bool)")

# (matmul_1d_2d*: PyTorch computes a vector times a matrix into out seen as [1, 3], resized so
# with its warning, then squeezes out: a second write)
table("values", """
mm                     | torch.empty(2, 2)                   | torch.mm(x, y.t(), out=o)
matmul_2d_2d           | torch.empty(3, 3)                   | torch.matmul(x.t(), y, out=o)
matmul_1d_1d           | torch.empty(())                     | torch.matmul(v, y[1], out=o)
matmul_2d_1d           | torch.empty(2)                      | torch.matmul(x, v, out=o)
matmul_1d_2d           | torch.empty(3)                      | torch.matmul(x[0, :2], y, out=o)
matmul_3d_3d           | torch.empty(2, 2, 2)                | torch.matmul(torch.stack([x, y]), torch.stack([y.t(), x.t()]), out=o)
matmul_3d_2d           | torch.empty(2, 2, 3)                | torch.matmul(torch.stack([x, y]), sq, out=o)
matmul_2d_3d           | torch.empty(2, 2, 2)                | torch.matmul(x, torch.stack([y.t(), x.t()]), out=o)
matmul_1d_2d_empty_out | torch.empty(0)                      | torch.matmul(x[0, :2], y, out=o)
mv                     | torch.empty(3)                      | torch.mv(sq, v, out=o)
dot                    | torch.empty(())                     | torch.dot(v, x[1], out=o)
bmm                    | torch.empty(2, 2, 2)                | torch.bmm(torch.stack([x, y]), torch.stack([y.t(), x.t()]), out=o)
mm_transposed_out      | torch.empty(3, 3).t()               | torch.mm(sq, sq.t(), out=o)
mm_int64               | torch.empty(2, 2, dtype=torch.long) | torch.mm(xl, xl.t(), out=o)
""")

case("values/add_int64", "o = torch.empty(2, 3, dtype=torch.long)\nr = torch.add(xl, 7, out=o)")
case("values/div_int64_trunc", "o = torch.empty(2, 3, dtype=torch.long)\nr = torch.div(xl, 3, rounding_mode='trunc', out=o)")
case("values/threshold_int64", "o = torch.empty(2, 3, dtype=torch.long)\nr = torch.threshold(xl, 0, -9, out=o)")
case("values/where_int64", "o = torch.empty(2, 3, dtype=torch.long)\nr = torch.where(c, xl, -xl, out=o)")
case("values/out_is_none", "o = torch.sigmoid(x, out=None)\nr = o")
case("values/noncontiguous_out", "o = torch.zeros(3, 2).t()\nr = torch.add(x, y, out=o)\nextra = list(o.stride())")
case("values/out_at_an_offset", """
b = torch.zeros(10)
o = b[2:8].view(2, 3)
r = torch.sigmoid(x, out=o)
extra = b.tolist()
""")
case("values/sigmoid_long_input", """
t = torch.linspace(-6, 6, BIG)
o = torch.empty(BIG)
r = torch.sigmoid(t, out=o)
extra = [o.double().sum().item(), o[::997].tolist()]
""")
case("values/add_long_input", """
t = torch.linspace(-6, 6, BIG)
o = torch.empty(BIG)
r = torch.add(t.abs(), t * 3, alpha=0.5, out=o)
extra = [o.double().sum().item(), o[::997].tolist()]
""")

# ----------------------------------------------------------------------------- resizing
case("resize/empty_out_no_warning", "o = torch.empty(0)\nr = torch.sigmoid(x, out=o)")
case("resize/wrong_shape_warns", "o = torch.empty(3)\nr = torch.sigmoid(x, out=o)")
case("resize/more_elements_warns", "o = torch.zeros(4, 4)\nr = torch.add(x, y, out=o)")
case("resize/view_grows_within_its_storage", """
b = torch.zeros(8)
o = b[:3]
r = torch.add(x, y, out=o)
extra = b.tolist()
""")
case("resize/scalar_from_product", "o = torch.empty(7)\nr = torch.matmul(v, v, out=o)")
case("resize/mm_empty", "o = torch.empty(0)\nr = torch.mm(x, y.t(), out=o)")
case("resize/mm_wrong_shape", "o = torch.empty(5)\nr = torch.mm(x, y.t(), out=o)")
case("resize/softmax_wrong_shape", "o = torch.empty(3)\nr = torch.softmax(x, 1, out=o)")
case("resize/gelu_wrong_shape", "o = torch.empty(2, 2)\nr = F.gelu(x, out=o)")
case("resize/eq_empty", "o = torch.empty(0, dtype=torch.bool)\nr = torch.eq(x, y, out=o)")
case("resize/broadcast_result", "o = torch.empty(0)\nr = torch.mul(x[:, :1], v, out=o)")

# ----------------------------------------------------------------------------- dtypes
# (refused_before_resizing: the dtype is refused before out would be resized: no warning)
table("dtype", """
sigmoid_into_double      | torch.empty(2, 3, dtype=torch.double)    | torch.sigmoid(x, out=o)
add_into_double          | torch.empty(2, 3, dtype=torch.double)    | torch.add(x, 0.1, out=o)
add_int64_into_float     | torch.empty(2, 3)                        | torch.add(xl, xl, out=o)
add_int64_into_int32     | torch.empty(2, 3, dtype=torch.int32)     | torch.add(xl, 2**31, out=o)
add_int64_into_uint8     | torch.empty(2, 3, dtype=torch.uint8)     | torch.add(xl, 300, out=o)
eq_into_float            | torch.empty(2, 3)                        | torch.eq(x, y, out=o)
gt_into_long             | torch.empty(2, 3, dtype=torch.long)      | torch.gt(x, 0, out=o)
logical_and_into_uint8   | torch.empty(2, 3, dtype=torch.uint8)     | torch.logical_and(x, c, out=o)
exp_int64_into_double    | torch.empty(2, 3, dtype=torch.double)    | torch.exp(xl, out=o)
clamp_tensor_into_double | torch.empty(2, 3, dtype=torch.double)    | torch.clamp(x, y - 1, y, out=o)
pow_tensor_into_double   | torch.empty(2, 3, dtype=torch.double)    | torch.pow(x.abs(), y, out=o)
sigmoid_into_long        | torch.empty(2, 3, dtype=torch.long)      | torch.sigmoid(x, out=o)
add_into_long            | torch.empty(2, 3, dtype=torch.long)      | torch.add(x, y, out=o)
add_int64_into_bool      | torch.empty(2, 3, dtype=torch.bool)      | torch.add(xl, xl, out=o)
div_int64_into_long      | torch.empty(2, 3, dtype=torch.long)      | torch.div(xl, xl, out=o)
exp_int64_into_long      | torch.empty(2, 3, dtype=torch.long)      | torch.exp(xl, out=o)
maximum_into_long        | torch.empty(2, 3, dtype=torch.long)      | torch.maximum(x, y, out=o)
tanh_into_int32          | torch.empty(2, 3, dtype=torch.int32)     | torch.tanh(x, out=o)
neg_into_double          | torch.empty(2, 3, dtype=torch.double)    | torch.neg(x, out=o)
neg_int64_into_int32     | torch.empty(2, 3, dtype=torch.int32)     | torch.neg(xl, out=o)
abs_int64_into_int32     | torch.empty(2, 3, dtype=torch.int32)     | torch.abs(xl, out=o)
sign_into_long           | torch.empty(2, 3, dtype=torch.long)      | torch.sign(x, out=o)
clamp_into_double        | torch.empty(2, 3, dtype=torch.double)    | torch.clamp(x, 0, 1, out=o)
clamp_int64_float_bounds | torch.empty(2, 3, dtype=torch.long)      | torch.clamp(xl, 0.5, 1, out=o)
pow_scalar_into_double   | torch.empty(2, 3, dtype=torch.double)    | torch.pow(x, 2, out=o)
where_into_double        | torch.empty(2, 3, dtype=torch.double)    | torch.where(c, x, y, out=o)
heaviside_into_double    | torch.empty(2, 3, dtype=torch.double)    | torch.heaviside(x, torch.tensor(0.5), out=o)
softmax_into_double      | torch.empty(2, 3, dtype=torch.double)    | torch.softmax(x, 1, out=o)
log_softmax_into_long    | torch.empty(2, 3, dtype=torch.long)      | torch.log_softmax(x, 1, out=o)
gelu_into_double         | torch.empty(2, 3, dtype=torch.double)    | F.gelu(x, out=o)
softplus_into_long       | torch.empty(2, 3, dtype=torch.long)      | F.softplus(x, out=o)
logsigmoid_into_double   | torch.empty(2, 3, dtype=torch.double)    | F.logsigmoid(x, out=o)
mm_into_double           | torch.empty(2, 2, dtype=torch.double)    | torch.mm(x, y.t(), out=o)
mm_int64_into_float      | torch.empty(2, 2)                        | torch.mm(xl, xl.t(), out=o)
matmul_into_long         | torch.empty(3, 3, dtype=torch.long)      | torch.matmul(x.t(), y, out=o)
matmul_1d_into_double    | torch.empty((), dtype=torch.double)      | torch.matmul(v, v, out=o)
dot_into_long            | torch.empty((), dtype=torch.long)        | torch.dot(v, v, out=o)
mv_into_double           | torch.empty(3, dtype=torch.double)       | torch.mv(sq, v, out=o)
bmm_into_double          | torch.empty(1, 2, 2, dtype=torch.double) | torch.bmm(x[None], y.t()[None], out=o)
refused_before_resizing  | torch.empty(5, dtype=torch.long)         | torch.sigmoid(x, out=o)
""")

# ----------------------------------------------------------------------------- autograd
# (before_the_*: autograd refuses before the op checks its arguments)
table("autograd/refused", """
add                     torch.add(a, y, out=o)
subtract                torch.subtract(a, y, out=o)
multiply                torch.multiply(y, a, out=o)
divide                  torch.divide(a, 2, out=o)
true_divide             torch.true_divide(a, y, out=o)
div_floor               torch.div(a, y, rounding_mode='floor', out=o)
neg                     torch.neg(a, out=o)
pow                     torch.pow(a, 2, out=o)
pow_scalar_base         torch.pow(2, a, out=o)
reciprocal              torch.reciprocal(a, out=o)
exp                     torch.exp(a, out=o)
abs                     torch.abs(a, out=o)
sign                    torch.sign(a, out=o)
erf                     torch.erf(a, out=o)
clip                    torch.clip(a, 0, 1, out=o)
clamp_tensor_bound      torch.clamp(x, min=a, out=o)
where                   torch.where(c, y, a, out=o)
max_of_two              torch.max(a, y, out=o)
minimum                 torch.minimum(a, y, out=o)
sigmoid                 torch.sigmoid(a, out=o)
tanh                    torch.tanh(a, out=o)
threshold               torch.threshold(a, 0.0, 1.0, out=o)
F.gelu                  F.gelu(a, out=o)
F.softplus              F.softplus(a, out=o)
F.logsigmoid            F.logsigmoid(a, out=o)
mm                      torch.mm(a, y.t(), out=o)
matmul_1d_1d            torch.matmul(a[0], y[0], out=o)
matmul_2d_1d            torch.matmul(a, v, out=o)
matmul_1d_2d            torch.matmul(a[0, :2], y, out=o)
matmul_3d_3d            torch.matmul(a[None], y.t()[None], out=o)
matmul_3d_1d            torch.matmul(a[None].expand(2, 2, 3), v, out=o)
dot                     torch.dot(v, a[0], out=o)
mv                      torch.mv(a, v, out=o)
bmm                     torch.bmm(a[None], y.t()[None], out=o)
before_the_shape_error  torch.add(a, torch.ones(4), out=o)
before_the_dtype_error  torch.add(a, y, out=o.long())
""", out="torch.empty(0)", setup="a = x.clone().requires_grad_()\n")
case("autograd/refused/out_requires_grad", "o = torch.empty(2, 3, requires_grad=True)\nr = torch.sigmoid(x, out=o)")
case("autograd/refused/out_is_a_nonleaf", "w = torch.ones(2, 3, requires_grad=True)\no = w * 2\nr = torch.add(x, y, out=o)")
case("autograd/no_grad_input", """
a = x.clone().requires_grad_()
o = torch.empty(2, 3)
with torch.no_grad():
    r = torch.sigmoid(a, out=o)
""")
case("autograd/no_grad_out_requires_grad", """
o = torch.zeros(2, 3, requires_grad=True)
with torch.no_grad():
    r = torch.mul(x, y, out=o)
""")
case("autograd/eq_no_gradient", "a = x.clone().requires_grad_()\no = torch.empty(2, 3, dtype=torch.bool)\nr = torch.eq(a, y, out=o)")
case("autograd/gt_into_out_requiring_grad", "o = torch.zeros(2, 3, requires_grad=True)\nr = torch.gt(x, y, out=o)")
case("autograd/logical_not_no_gradient", "a = x.clone().requires_grad_()\no = torch.empty(0, dtype=torch.bool)\nr = torch.logical_not(a, out=o)")
for name, call in {"heaviside": "torch.heaviside(a, torch.tensor(0.5), out=o)", "softmax": "torch.softmax(a, 1, out=o)",
                   "log_softmax": "torch.log_softmax(a, 1, out=o)"}.items():
    case(f"autograd/unimplemented/{name}", f"""
a = x.clone().requires_grad_()
o = torch.empty(0)
r = {call}
extra = error_of(lambda: o.sum().backward())
""")

case("autograd/unimplemented/leaf_out", "o = torch.empty(2, 3, requires_grad=True)\nr = torch.softmax(x, 1, out=o)")

# ----------------------------------------------------------------------------- aliasing
table("alias", """
sigmoid       torch.sigmoid(x, out=x)
exp           torch.exp(x, out=x)
add_first     torch.add(x, y, out=x)
add_second    torch.add(y, x, alpha=3, out=x)
mul_self      torch.mul(x, x, out=x)
div_self      torch.div(x, x, out=x)
pow_square    torch.pow(x, 2, out=x)
neg           torch.neg(x, out=x)
clamp         torch.clamp(x, -1, 1, out=x)
where         torch.where(c, y, x, out=x)
maximum       torch.maximum(y, x, out=x)
F.gelu        F.gelu(x, out=x)
tanh          torch.tanh(x, out=x)
softmax       torch.softmax(x, 1, out=x)
log_softmax   torch.log_softmax(x, 0, out=x)
F.logsigmoid  F.logsigmoid(x, out=x)
""", out="x")
case("alias/sigmoid_long_input", """
t = torch.linspace(-6, 6, BIG)
o = t
r = torch.sigmoid(t, out=t)
extra = [o.double().sum().item(), o[::997].tolist()]
""")
case("alias/mul_long_input", """
t = torch.linspace(-6, 6, BIG)
o = t
r = torch.mul(t, t, out=t)
extra = [o.double().sum().item(), o[::997].tolist()]
""")
table("alias/refused", """
expanded_out_add         | torch.empty(3).expand(2, 3)        | torch.add(x, y, out=o)
expanded_out_sigmoid     | torch.empty(3).expand(2, 3)        | torch.sigmoid(x, out=o)
expanded_out_wrong_shape | torch.empty(3).expand(2, 3)[:, :2] | torch.add(x, y, out=o)
expanded_out_mm          | torch.empty(2).expand(2, 2)        | torch.mm(x, y.t(), out=o)
expanded_out_gelu        | torch.empty(3).expand(2, 3)        | F.gelu(x, out=o)
expanded_out_logsigmoid  | torch.empty(3).expand(2, 3)        | F.logsigmoid(x, out=o)
partial_input_row        | x                                  | torch.add(x, x[0], out=o)
partial_out_row          | x[0:1]                             | torch.add(x, 1, out=o)
transposed_input         | sq                                 | torch.add(sq, sq.t(), out=o)
transposed_out           | sq.t()                             | torch.add(sq, 1, out=o)
""")

# ----------------------------------------------------------------------------- version counter
case("version/each_write_counts", """
o = torch.empty(2, 3)
versions = [o._version]
torch.add(x, y, out=o)
versions.append(o._version)
r = torch.sigmoid(x, out=o)
versions.append(o._version)
extra = versions
""")
case("version/resized_empty_out", "o = torch.empty(0)\nr = torch.mm(x, y.t(), out=o)")
case("version/shared_with_views", """
b = torch.zeros(2, 3)
o = b[1]
r = torch.add(v, 1, out=o)
extra = [b._version, b.tolist()]
""")
case("version/saved_result_overwritten", """
a = x.clone().requires_grad_()
s = a.exp()
o = s.detach()
r = torch.sigmoid(y, out=o)
extra = error_of(lambda: s.sum().backward())
""")
case("version/saved_input_overwritten", """
a = x.clone().requires_grad_()
h = a * 1
p = h * h
o = h.detach()
r = torch.add(y, 1, out=o)
extra = error_of(lambda: p.sum().backward())
""")
case("version/unsaved_tensor_overwritten", """
a = x.clone().requires_grad_()
h = a * 2
p = h + 1
o = h.detach()
r = torch.add(y, 1, out=o)
p.sum().backward()
extra = a.grad.tolist()
""")

# ----------------------------------------------------------------------------- reductions
# (a reduction's out= takes its dim; sum and prod compute in out's dtype, the input cast to it first)
table("reduce", """
sum                 | torch.empty(0)                         | torch.sum(x, 1, out=o)
sum_keepdim         | torch.empty(0)                         | torch.sum(x, 0, keepdim=True, out=o)
sum_all_dims        | torch.empty(5)                         | torch.sum(x, (0, 1), out=o)
sum_into_long       | torch.empty(0, dtype=torch.long)       | torch.sum(x, 0, out=o)
sum_into_bool       | torch.empty(0, dtype=torch.bool)       | torch.sum(x, 1, out=o)
sum_int64_into_int32| torch.empty(0, dtype=torch.int32)      | torch.sum(xl, 1, out=o)
sum_dtype_mismatch  | torch.empty(0)                         | torch.sum(x, 1, dtype=torch.double, out=o)
sum_without_dim     | torch.empty(0)                         | torch.sum(x, out=o)
mean                | torch.empty(0)                         | torch.mean(x, 1, out=o)
mean_into_double    | torch.empty(0, dtype=torch.double)     | torch.mean(x, 1, out=o)
mean_into_long      | torch.empty(0, dtype=torch.long)       | torch.mean(x, 1, out=o)
mean_int64_input    | torch.empty(0)                         | torch.mean(xl, 1, out=o)
mean_dtype_mismatch | torch.empty(0)                         | torch.mean(x, 1, dtype=torch.double, out=o)
mean_without_dim    | torch.empty(0)                         | torch.mean(x, out=o)
prod_into_long      | torch.empty(0, dtype=torch.long)       | torch.prod(x, 1, out=o)
prod                | torch.empty(0)                         | torch.prod(x, 0, out=o)
prod_without_dim    | torch.empty(0)                         | torch.prod(x, out=o)
var                 | torch.empty(0)                         | torch.var(x, 1, out=o)
var_biased          | torch.empty(0)                         | torch.var(x, 1, unbiased=False, out=o)
std_correction      | torch.empty(0)                         | torch.std(x, 0, correction=0, out=o)
var_into_double     | torch.empty(0, dtype=torch.double)     | torch.var(x, 1, out=o)
std_into_long       | torch.empty(0, dtype=torch.long)       | torch.std(x, 1, out=o)
var_int64_input     | torch.empty(0)                         | torch.var(xl, 1, out=o)
var_without_dim     | torch.empty(0)                         | torch.var(x, out=o)
std_without_dim     | torch.empty(0)                         | torch.std(x, out=o)
amax                | torch.empty(0)                         | torch.amax(x, 1, out=o)
amax_all            | torch.empty(0)                         | torch.amax(x, out=o)
amin_keepdim        | torch.empty(0)                         | torch.amin(x, 0, keepdim=True, out=o)
amax_into_double    | torch.empty(0, dtype=torch.double)     | torch.amax(x, 1, out=o)
argmax              | torch.empty(0, dtype=torch.long)       | torch.argmax(x, 1, out=o)
argmax_all          | torch.empty(0, dtype=torch.long)       | torch.argmax(x, out=o)
argmin              | torch.empty(0, dtype=torch.long)       | torch.argmin(x, 0, out=o)
argmax_into_int32   | torch.empty(0, dtype=torch.int32)      | torch.argmax(x, 1, out=o)
all                 | torch.empty(0, dtype=torch.bool)       | torch.all(x, 1, out=o)
all_all             | torch.empty(0, dtype=torch.bool)       | torch.all(x, out=o)
all_into_uint8      | torch.empty(0, dtype=torch.uint8)      | torch.all(x, 1, out=o)
any                 | torch.empty(0, dtype=torch.bool)       | torch.any(c, 0, out=o)
any_into_long       | torch.empty(0, dtype=torch.long)       | torch.any(x, 1, out=o)
""")
# torch.norm: the Frobenius norm (p left out) is computed as usual and copied into out
# (CopyBackwards; any dtype); another p is ATen's norm.out
table("reduce/norm", """
fro                 | torch.empty(0)                         | torch.norm(x, dim=1, out=o)
fro_all             | torch.empty(3)                         | torch.norm(x, out=o)
fro_into_long       | torch.empty(0, dtype=torch.long)       | torch.norm(x, dim=1, out=o)
fro_keepdim         | torch.empty(0)                         | torch.norm(x, dim=0, keepdim=True, out=o)
fro_not_a_tensor    | torch.empty(0)                         | torch.norm(x, out=3)
p1                  | torch.empty(5)                         | torch.norm(x, 1, 1, out=o)
p_inf_into_double   | torch.empty(0, dtype=torch.double)     | torch.norm(x, p=float('inf'), dim=1, out=o)
p3_all              | torch.empty(0)                         | torch.norm(x, p=3, out=o)
p2_into_long        | torch.empty(0, dtype=torch.long)       | torch.norm(x, p=2, dim=1, out=o)
""")
case("reduce/norm/fro_records_a_copy", """
a = x.clone().requires_grad_()
o = torch.empty(0)
r = torch.norm(a, dim=1, out=o)
r.sum().backward()
extra = a.grad.tolist()
""")
case("reduce/norm/p3_refused", "a = x.clone().requires_grad_()\no = torch.empty(0)\nr = torch.norm(a, p=3, dim=1, out=o)")
case("reduce/norm/fro_leaf_out", "o = torch.empty(2, requires_grad=True)\nr = torch.norm(x, dim=1, out=o)")
table("reduce/refused", """
sum        torch.sum(a, 1, out=o)
mean       torch.mean(a, 0, out=o)
prod       torch.prod(a, 1, out=o)
std        torch.std(a, 1, out=o)
amax       torch.amax(a, 1, out=o)
max_dim    torch.max(a, 1, out=(o, torch.empty(0, dtype=torch.long)))
""", out="torch.empty(0)", setup="a = x.clone().requires_grad_()\n")
case("reduce/all_input_requires_grad", "a = x.clone().requires_grad_()\no = torch.empty(0, dtype=torch.bool)\nr = torch.all(a, 1, out=o)")
# max and min along a dim: out=(values, indices)
case("reduce/max_dim", """
o, i = torch.empty(0), torch.empty(0, dtype=torch.long)
m = torch.max(x, 1, out=(o, i))
r = m.values
extra = [m.values is o, m.indices is i, i.tolist(), i._version]
""")
case("reduce/min_dim_keepdim_list", """
o, i = torch.empty(3), torch.empty(0, dtype=torch.long)
m = torch.min(x, 0, keepdim=True, out=[o, i])
r = m[0]
extra = [m[1] is i, i.tolist()]
""")
table("reduce/max_dim", """
values_into_double  torch.max(x, 1, out=(torch.empty(0, dtype=torch.double), torch.empty(0, dtype=torch.long)))
indices_into_float  torch.max(x, 1, out=(o, torch.empty(0)))
three_outs          torch.max(x, 1, out=(o, torch.empty(0, dtype=torch.long), torch.empty(0)))
not_a_tensor        torch.max(x, 1, out=(o, 3))
one_tensor          torch.max(x, 1, out=o)
without_dim         torch.min(x, out=o)
""", out="torch.empty(0)")

# ----------------------------------------------------------------------------- cat, stack, gather, index_select
table("join", """
cat                 | torch.empty(0)                         | torch.cat([x, y], out=o)
cat_dim1_into_double| torch.empty(0, dtype=torch.double)     | torch.cat([x, y], 1, out=o)
cat_into_long       | torch.empty(0, dtype=torch.long)       | torch.cat([x, y], out=o)
cat_int64_into_float| torch.empty(0)                         | torch.cat([xl, xl], out=o)
cat_mixed           | torch.empty(2, 6)                      | torch.cat([x, xl], dim=1, out=o)
cat_into_an_input   | x                                      | torch.cat([x, y], out=o)
cat_right_shape     | torch.empty(4, 3)                      | torch.cat([x, y], out=o)
concat              | torch.empty(3)                         | torch.concat([x, y], out=o)
stack               | torch.empty(0)                         | torch.stack([x, y], 1, out=o)
stack_into_long     | torch.empty(0, dtype=torch.long)       | torch.stack([x, y], out=o)
gather              | torch.empty(0)                         | torch.gather(x, 1, torch.tensor([[0, 2], [1, 1]]), out=o)
gather_into_double  | torch.empty(0, dtype=torch.double)     | torch.gather(x, 1, torch.tensor([[0], [2]]), out=o)
index_select        | torch.empty(5)                         | torch.index_select(x, 1, torch.tensor([2, 0]), out=o)
index_select_double | torch.empty(0, dtype=torch.double)     | torch.index_select(x, 0, torch.tensor([1]), out=o)
""")
table("join/refused", """
cat           torch.cat([y, a], out=o)
stack         torch.stack([a, y], out=o)
gather        torch.gather(a, 1, torch.tensor([[0], [2]]), out=o)
index_select  torch.index_select(a, 0, torch.tensor([1]), out=o)
""", out="torch.empty(0)", setup="a = x.clone().requires_grad_()\n")
case("join/no_out/Tensor.amax", "o = torch.empty(0)\nr = x.amax(1, out=o)")

# ----------------------------------------------------------------------------- factories
# (a factory's out= gives the dtype when none is given, and is resized without a warning, but arange's)
table("factory", """
zeros_into_long     | torch.empty(0, dtype=torch.long)       | torch.zeros(2, 3, out=o)
zeros_tuple         | torch.empty(7)                         | torch.zeros((2, 3), out=o)
ones                | torch.empty(5)                         | torch.ones(2, out=o)
full_into_long      | torch.empty(2, dtype=torch.long)       | torch.full((2,), 3.5, out=o)
full_bool           | torch.empty(0)                         | torch.full((2,), True, out=o)
dtype_mismatch      | torch.empty(0, dtype=torch.long)       | torch.zeros(2, dtype=torch.double, out=o)
arange              | torch.empty(0)                         | torch.arange(5, out=o)
arange_into_long    | torch.empty(0, dtype=torch.long)       | torch.arange(0.5, 3, out=o)
arange_resized      | torch.empty(2)                         | torch.arange(2, 8, 2, out=o)
arange_same_count   | torch.empty(3, 1)                      | torch.arange(3, out=o)
arange_dtype        | torch.empty(0)                         | torch.arange(3, dtype=torch.double, out=o)
linspace_into_long  | torch.empty(0, dtype=torch.long)       | torch.linspace(0, 1, 5, out=o)
linspace            | torch.empty(2, 2)                      | torch.linspace(-1, 1, 5, out=o)
eye                 | torch.empty(4)                         | torch.eye(2, 3, out=o)
rand_into_long      | torch.empty(0, dtype=torch.long)       | torch.rand(2, out=o)
randn_into_long     | torch.empty(0, dtype=torch.long)       | torch.randn(2, out=o)
requires_grad       | torch.empty(0)                         | torch.zeros(2, requires_grad=True, out=o)
leaf_out            | torch.empty(2, requires_grad=True)     | torch.ones(2, out=o)
""")
# the random factories draw the very numbers they draw without out=
for name, (out, call) in {"rand": ("torch.empty(0)", "torch.rand(2, 3{})"), "randn_double": ("torch.empty(0, dtype=torch.double)", "torch.randn(4{})"),
                          "randint": ("torch.empty(0)", "torch.randint(3, 9, (5,){})"), "randperm": ("torch.empty(0)", "torch.randperm(6{})")}.items():
    fresh = call.format(", dtype=torch.double" if "double" in out else "")
    case(f"factory/{name}", f"torch.manual_seed(7)\nfresh = {fresh}\ntorch.manual_seed(7)\no = {out}\nr = {call.format(', out=o')}\nextra = fresh.tolist()")
case("factory/empty", """
b = torch.zeros(2)
r2 = torch.empty(2, 3, out=b)
extra = [list(b.shape), b._version, r2 is b]
o = r = torch.zeros(0)
""")

# ----------------------------------------------------------------------------- F.linear (ATen's linear)
table("linear", """
bias                | torch.empty(0)                         | F.linear(x, sq, v, out=o)
no_bias_resized     | torch.empty(5)                         | F.linear(x, sq, out=o)
vector              | torch.empty(0)                         | F.linear(v, sq, v, out=o)
batch_of_matrices   | torch.empty(0)                         | F.linear(torch.stack([x, y]), sq, v, out=o)
bias_by_name        | torch.empty(0)                         | F.linear(x, sq, bias=v, out=o)
into_double         | torch.empty(0, dtype=torch.double)     | F.linear(x, sq, v, out=o)
not_a_tensor        | torch.empty(0)                         | F.linear(x, sq, v, out=3)
weight_requires_grad| torch.empty(0)                         | F.linear(x, sq.requires_grad_(), out=o)
layer_norm_has_none | torch.empty(0)                         | F.layer_norm(x, [3], out=o)
""")

# ----------------------------------------------------------------------------- arguments
table("args/not_a_tensor", """
sigmoid       torch.sigmoid(x, out=3)
exp           torch.exp(x, out='s')
logical_and   torch.logical_and(x, y, out=1.5)
maximum       torch.maximum(x, y, out=[x])
true_divide   torch.true_divide(x, y, out='s')
matmul        torch.matmul(x, y.t(), out=3)
dot           torch.dot(v, v, out='s')
where         torch.where(c, x, y, out=3)
heaviside     torch.heaviside(x, y, out='s')
threshold     torch.threshold(x, 0.0, 1.0, out='s')
F.gelu        F.gelu(x, out=3)
F.logsigmoid  F.logsigmoid(x, out=3)
""", out="torch.empty(0)")
table("args/positional", """
sigmoid      torch.sigmoid(x, o)
exp          torch.exp(x, o)
neg          torch.neg(x, o)
logical_not  torch.logical_not(x, o)
mul          torch.mul(x, y, o)
maximum      torch.maximum(x, y, o)
matmul       torch.matmul(x, y.t(), o)
dot          torch.dot(v, v, o)
where        torch.where(c, x, y, o)
""", out="torch.empty(0)")
case("args/where_number_other", "o = torch.empty(0)\nr = torch.where(c, x, 0.5, out=o)")
case("args/where_number_input", "o = torch.empty(0)\nr = torch.where(c, 1.5, y, out=o)")
case("args/true_divide_rounding_mode", "o = torch.empty(0)\nr = torch.true_divide(x, y, rounding_mode='floor')")
case("args/div_bad_rounding_mode", "o = torch.empty(0)\nr = torch.div(x, y, rounding_mode='bad', out=o)")
table("args/no_out", """
Tensor.add          x.add(y, out=o)
Tensor.add_         x.add_(y, out=o)
Tensor.sub_         x.sub_(y, out=o)
Tensor.where        x.where(c, y, out=o)
Tensor.logical_and  x.logical_and(y, out=o)
Tensor.dot          v.dot(v, out=o)
Tensor.matmul       x.matmul(y.t(), out=o)
F.softmax           F.softmax(x, 1, out=o)
F.log_softmax       F.log_softmax(x, 1, out=o)
F.prelu             F.prelu(x, torch.tensor([0.25]), out=o)
torch.prelu         torch.prelu(x, torch.tensor([0.25]), out=o)
torch.reshape       torch.reshape(x, (3, 2), out=o)
torch.permute       torch.permute(x, (1, 0), out=o)
torch.unsqueeze     torch.unsqueeze(x, 0, out=o)
torch.chunk         torch.chunk(x, 2, out=o)
torch.split         torch.split(x, 1, out=o)
torch.allclose      torch.allclose(x, y, out=o)
torch.equal         torch.equal(x, y, out=o)
torch.full_like     torch.full_like(x, 2.0, out=o)
torch.tensor        torch.tensor([1.0], out=o)
""", out="torch.empty(0)")
# and the functions of the input alone that have no out=
for name in ["sigmoid", "tanh", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "silu", "mish", "hardtanh", "hardsigmoid", "hardswish", "softsign"]:
    case(f"args/no_out/F.{name}", f"o = torch.empty(0)\nr = F.{name}(x, out=o)")
for name in ["relu", "selu", "celu", "isnan", "t", "flatten", "clone", "is_tensor", "numel", "zeros_like", "ones_like", "rand_like"]:
    case(f"args/no_out/torch.{name}", f"o = torch.empty(0)\nr = torch.{name}(x, out=o)")


def error_of(f):
    """The message of the RuntimeError f raises (a backward's), or None."""
    try:
        f()
        return None
    except RuntimeError as e:
        return str(e)


def grad_fn_name(t):
    """type(grad_fn).__name__ (as the other fixtures record it: "NotImplemented", "CopyBackwards"), or None."""
    return None if t.grad_fn is None else type(t.grad_fn).__name__


def run(src):
    env = {"torch": torch, "F": F, "BIG": BIG, "error_of": error_of, "x": torch.tensor(X), "y": torch.tensor(Y), "xl": torch.tensor(XL),
           "sq": torch.tensor(SQ), "v": torch.tensor(V)}
    env["c"] = env["x"] > 0
    rec = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(src, env)
            o, r = env["o"], env.get("r")
            rec["same"] = r is o
            rec["out"] = {"shape": list(o.shape), "dtype": str(o.dtype), "data": enc(o.detach().tolist()),
                          "version": o._version, "requires_grad": o.requires_grad, "grad_fn": grad_fn_name(o)}
            if "extra" in env:
                rec["extra"] = enc(env["extra"])
        except Exception as e:  # noqa: BLE001 - recording whatever PyTorch raises
            rec["error"] = {"type": type(e).__name__, "message": str(e)}
    rec["warnings"] = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    return rec


def main():
    setup_torch()
    cases = [{"case": name, "python": src, **run(src)} for name, src in CASES]
    doc = {"x": X, "y": Y, "xl": XL, "sq": SQ, "v": V, "big": BIG, "cases": cases}
    write_fixture(fixture_path("out.json"), dumps(doc))
    print(f"wrote {len(cases)} out= cases ({sum('error' in c for c in cases)} raise)")


if __name__ == "__main__":
    main()
