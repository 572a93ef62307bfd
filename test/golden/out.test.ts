// PyTorch's out= argument vs PyTorch 1.13, from test/golden/fixtures/out.json (written by
// test/golden/gen_out.py, whose docstring describes the cases). CASES translates each case's Python:
// it returns the out tensor `o`, what the call returned `r`, and `extra` where the case has one;
// the test compares them, the warnings printed and any error with what PyTorch did.
import * as assert from "assert";
import { torch, F } from "../../kernel/index";
import { loadFixture, assertClose } from "./fixtures";

type Tensor = ReturnType<typeof torch.tensor>;

interface Env { x: Tensor; y: Tensor; xl: Tensor; sq: Tensor; v: Tensor; c: Tensor; big: number }
interface Run { o: Tensor; r?: unknown; extra?: unknown }
type Case = (e: Env) => Run;

interface Recorded {
  case: string;
  python: string;
  same?: boolean;
  out?: { shape: number[]; dtype: string; data: unknown; version: number; requires_grad: boolean; grad_fn: string | null };
  extra?: unknown;
  error?: { type: string; message: string };
  warnings: string[];
}

const fixture = loadFixture("out") as { x: number[][]; y: number[][]; xl: number[][]; sq: number[][]; v: number[]; big: number; cases: Recorded[] };

const float64 = { dtype: torch.float64 }, int64 = { dtype: torch.int64 }, int32 = { dtype: torch.int32 }, uint8 = { dtype: torch.uint8 }, bool = { dtype: torch.bool };
const grad = { requires_grad: true };

/** The message of what `f` throws (a case's `extra`: PyTorch's str(e)), or null. */
function errorOf(f: () => unknown): string | null {
  try { f(); return null; } catch (e) { return (e as Error).message; }
}

/** A long tensor's numbers: its sum (in float64) and every 997th value. */
const summary = (t: Tensor) => [t.double().sum().item(), t.index("::997").tolist()];

/** Cases of one shape: `o = <out>; r = <call>`. */
function calls(prefix: string, out: (e: Env) => Tensor, table: Record<string, (e: Env, o: Tensor) => unknown>): Record<string, Case> {
  return Object.fromEntries(Object.entries(table).map(([name, call]) => [`${prefix}${name}`, (e: Env) => {
    const o = out(e);
    return { o, r: call(e, o) };
  }]));
}

const withOut = (make: (e: Env) => Tensor, call: (e: Env, o: Tensor) => unknown): Case => (e) => {
  const o = make(e);
  return { o, r: call(e, o) };
};

const VALUES = calls("values/", () => torch.empty(2, 3), {
  add: ({ x, y }, o) => torch.add(x, y, { out: o }),
  add_alpha: ({ x, y }, o) => torch.add(x, y, { alpha: 2, out: o }),
  add_scalar: ({ x }, o) => torch.add(x, 2.5, { out: o }),
  add_broadcast: ({ x, y }, o) => torch.add(x, y.index(0), { out: o }),
  sub: ({ x, y }, o) => torch.sub(x, y, { out: o }),
  sub_alpha: ({ x, y }, o) => torch.sub(x, y, { alpha: 0.5, out: o }),
  subtract: ({ x }, o) => torch.subtract(x, 1.5, { out: o }),
  mul: ({ x, y }, o) => torch.mul(x, y, { out: o }),
  mul_scalar: ({ x }, o) => torch.mul(x, -3, { out: o }),
  multiply: ({ x, y }, o) => torch.multiply(x, y, { out: o }),
  div: ({ x, y }, o) => torch.div(x, y, { out: o }),
  div_scalar: ({ x }, o) => torch.div(x, 255, { out: o }),
  div_floor: ({ x, y }, o) => torch.div(x, y, { rounding_mode: "floor", out: o }),
  div_trunc: ({ x, y }, o) => torch.div(x, y, { rounding_mode: "trunc", out: o }),
  divide: ({ x, y }, o) => torch.divide(x, y, { out: o }),
  true_divide: ({ x, y }, o) => torch.true_divide(x, y, { out: o }),
  neg: ({ x }, o) => torch.neg(x, { out: o }),
  reciprocal: ({ x }, o) => torch.reciprocal(x, { out: o }),
  pow_scalar: ({ x }, o) => torch.pow(x, 3, { out: o }),
  pow_square: ({ x }, o) => torch.pow(x, 2, { out: o }),
  pow_tensor: ({ x, y }, o) => torch.pow(x.abs(), y, { out: o }),
  pow_scalar_base: ({ x }, o) => torch.pow(2, x, { out: o }),
  exp: ({ x }, o) => torch.exp(x, { out: o }),
  log: ({ x }, o) => torch.log(x.abs(), { out: o }),
  sqrt: ({ x }, o) => torch.sqrt(x.abs(), { out: o }),
  rsqrt: ({ x }, o) => torch.rsqrt(x.abs(), { out: o }),
  abs: ({ x }, o) => torch.abs(x, { out: o }),
  sign: ({ x }, o) => torch.sign(x, { out: o }),
  sin: ({ x }, o) => torch.sin(x, { out: o }),
  cos: ({ x }, o) => torch.cos(x, { out: o }),
  erf: ({ x }, o) => torch.erf(x, { out: o }),
  clamp: ({ x }, o) => torch.clamp(x, -1, 1, { out: o }),
  clamp_min: ({ x }, o) => torch.clamp(x, { min: 0, out: o }),
  clamp_tensor: ({ x, y }, o) => torch.clamp(x, y.sub(1), y, { out: o }),
  clip: ({ x }, o) => torch.clip(x, -1, 1, { out: o }),
  maximum: ({ x, y }, o) => torch.maximum(x, y, { out: o }),
  minimum: ({ x, y }, o) => torch.minimum(x, y, { out: o }),
  max_of_two: ({ x, y }, o) => torch.max(x, y, { out: o }),
  min_of_two: ({ x, y }, o) => torch.min(x, y, { out: o }),
  where: ({ x, y, c }, o) => torch.where(c, x, y, { out: o }),
  sigmoid: ({ x }, o) => torch.sigmoid(x, { out: o }),
  tanh: ({ x }, o) => torch.tanh(x, { out: o }),
  threshold: ({ x }, o) => torch.threshold(x, 0.6, 9.0, { out: o }),
  heaviside: ({ x }, o) => torch.heaviside(x, torch.tensor(0.5), { out: o }),
  softmax: ({ x }, o) => torch.softmax(x, 1, { out: o }),
  log_softmax: ({ x }, o) => torch.log_softmax(x, 0, { out: o }),
  "F.gelu": ({ x }, o) => F.gelu(x, { out: o }),
  "F.gelu_tanh": ({ x }, o) => F.gelu(x, { approximate: "tanh", out: o }),
  "F.softplus": ({ x }, o) => F.softplus(x, { beta: 2, out: o }),
  "F.logsigmoid": ({ x }, o) => F.logsigmoid(x, { out: o }),
});

const BOOL_VALUES = calls("values/", () => torch.empty(2, 3, bool), {
  eq: ({ x, y }, o) => torch.eq(x, y, { out: o }),
  ne: ({ x }, o) => torch.ne(x, 0.5, { out: o }),
  gt: ({ x, y }, o) => torch.gt(x, y, { out: o }),
  ge: ({ x }, o) => torch.ge(x, 0.5, { out: o }),
  lt: ({ x, y }, o) => torch.lt(x, y, { out: o }),
  le: ({ x }, o) => torch.le(x, 0.5, { out: o }),
  logical_not: ({ x }, o) => torch.logical_not(x, { out: o }),
  logical_and: ({ x, c }, o) => torch.logical_and(x, c, { out: o }),
  logical_or: ({ c, xl }, o) => torch.logical_or(c, xl, { out: o }),
});

const PRODUCTS: Record<string, Case> = {
  "values/mm": withOut(() => torch.empty(2, 2), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "values/matmul_2d_2d": withOut(() => torch.empty(3, 3), ({ x, y }, o) => torch.matmul(x.t(), y, { out: o })),
  "values/matmul_1d_1d": withOut(() => torch.empty([]), ({ v, y }, o) => torch.matmul(v, y.index(1), { out: o })),
  "values/matmul_2d_1d": withOut(() => torch.empty(2), ({ x, v }, o) => torch.matmul(x, v, { out: o })),
  "values/matmul_1d_2d": withOut(() => torch.empty(3), ({ x, y }, o) => torch.matmul(x.index(0, ":2"), y, { out: o })),
  "values/matmul_3d_3d": withOut(() => torch.empty(2, 2, 2), ({ x, y }, o) => torch.matmul(torch.stack([x, y]), torch.stack([y.t(), x.t()]), { out: o })),
  "values/matmul_3d_2d": withOut(() => torch.empty(2, 2, 3), ({ x, y, sq }, o) => torch.matmul(torch.stack([x, y]), sq, { out: o })),
  "values/matmul_2d_3d": withOut(() => torch.empty(2, 2, 2), ({ x, y }, o) => torch.matmul(x, torch.stack([y.t(), x.t()]), { out: o })),
  "values/matmul_1d_2d_empty_out": withOut(() => torch.empty(0), ({ x, y }, o) => torch.matmul(x.index(0, ":2"), y, { out: o })),
  "values/mv": withOut(() => torch.empty(3), ({ sq, v }, o) => torch.mv(sq, v, { out: o })),
  "values/dot": withOut(() => torch.empty([]), ({ v, x }, o) => torch.dot(v, x.index(1), { out: o })),
  "values/bmm": withOut(() => torch.empty(2, 2, 2), ({ x, y }, o) => torch.bmm(torch.stack([x, y]), torch.stack([y.t(), x.t()]), { out: o })),
  "values/mm_transposed_out": withOut(() => torch.empty(3, 3).t(), ({ sq }, o) => torch.mm(sq, sq.t(), { out: o })),
  "values/mm_int64": withOut(() => torch.empty(2, 2, int64), ({ xl }, o) => torch.mm(xl, xl.t(), { out: o })),
};

const MORE_VALUES: Record<string, Case> = {
  "values/add_int64": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.add(xl, 7, { out: o })),
  "values/div_int64_trunc": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.div(xl, 3, { rounding_mode: "trunc", out: o })),
  "values/threshold_int64": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.threshold(xl, 0, -9, { out: o })),
  "values/where_int64": withOut(() => torch.empty(2, 3, int64), ({ c, xl }, o) => torch.where(c, xl, xl.neg(), { out: o })),
  "values/out_is_none": ({ x }) => { const o = torch.sigmoid(x, { out: null }); return { o, r: o }; },
  "values/noncontiguous_out": ({ x, y }) => {
    const o = torch.zeros(3, 2).t();
    return { o, r: torch.add(x, y, { out: o }), extra: o.stride() };
  },
  "values/out_at_an_offset": ({ x }) => {
    const b = torch.zeros(10);
    const o = b.index("2:8").view(2, 3);
    return { o, r: torch.sigmoid(x, { out: o }), extra: b.tolist() };
  },
  "values/sigmoid_long_input": ({ big }) => {
    const t = torch.linspace(-6, 6, big), o = torch.empty(big);
    return { o, r: torch.sigmoid(t, { out: o }), extra: summary(o) };
  },
  "values/add_long_input": ({ big }) => {
    const t = torch.linspace(-6, 6, big), o = torch.empty(big);
    return { o, r: torch.add(t.abs(), t.mul(3), { alpha: 0.5, out: o }), extra: summary(o) };
  },
};

const RESIZE: Record<string, Case> = {
  "resize/empty_out_no_warning": withOut(() => torch.empty(0), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "resize/wrong_shape_warns": withOut(() => torch.empty(3), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "resize/more_elements_warns": withOut(() => torch.zeros(4, 4), ({ x, y }, o) => torch.add(x, y, { out: o })),
  "resize/view_grows_within_its_storage": ({ x, y }) => {
    const b = torch.zeros(8);
    const o = b.index(":3");
    return { o, r: torch.add(x, y, { out: o }), extra: b.tolist() };
  },
  "resize/scalar_from_product": withOut(() => torch.empty(7), ({ v }, o) => torch.matmul(v, v, { out: o })),
  "resize/mm_empty": withOut(() => torch.empty(0), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "resize/mm_wrong_shape": withOut(() => torch.empty(5), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "resize/softmax_wrong_shape": withOut(() => torch.empty(3), ({ x }, o) => torch.softmax(x, 1, { out: o })),
  "resize/gelu_wrong_shape": withOut(() => torch.empty(2, 2), ({ x }, o) => F.gelu(x, { out: o })),
  "resize/eq_empty": withOut(() => torch.empty(0, bool), ({ x, y }, o) => torch.eq(x, y, { out: o })),
  "resize/broadcast_result": withOut(() => torch.empty(0), ({ x, v }, o) => torch.mul(x.index(":", ":1"), v, { out: o })),
};

const DTYPES: Record<string, Case> = {
  "dtype/sigmoid_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "dtype/add_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.add(x, 0.1, { out: o })),
  "dtype/add_int64_into_float": withOut(() => torch.empty(2, 3), ({ xl }, o) => torch.add(xl, xl, { out: o })),
  "dtype/add_int64_into_int32": withOut(() => torch.empty(2, 3, int32), ({ xl }, o) => torch.add(xl, 2 ** 31, { out: o })),
  "dtype/add_int64_into_uint8": withOut(() => torch.empty(2, 3, uint8), ({ xl }, o) => torch.add(xl, 300, { out: o })),
  "dtype/eq_into_float": withOut(() => torch.empty(2, 3), ({ x, y }, o) => torch.eq(x, y, { out: o })),
  "dtype/gt_into_long": withOut(() => torch.empty(2, 3, int64), ({ x }, o) => torch.gt(x, 0, { out: o })),
  "dtype/logical_and_into_uint8": withOut(() => torch.empty(2, 3, uint8), ({ x, c }, o) => torch.logical_and(x, c, { out: o })),
  "dtype/exp_int64_into_double": withOut(() => torch.empty(2, 3, float64), ({ xl }, o) => torch.exp(xl, { out: o })),
  "dtype/clamp_tensor_into_double": withOut(() => torch.empty(2, 3, float64), ({ x, y }, o) => torch.clamp(x, y.sub(1), y, { out: o })),
  "dtype/pow_tensor_into_double": withOut(() => torch.empty(2, 3, float64), ({ x, y }, o) => torch.pow(x.abs(), y, { out: o })),
  "dtype/sigmoid_into_long": withOut(() => torch.empty(2, 3, int64), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "dtype/add_into_long": withOut(() => torch.empty(2, 3, int64), ({ x, y }, o) => torch.add(x, y, { out: o })),
  "dtype/add_int64_into_bool": withOut(() => torch.empty(2, 3, bool), ({ xl }, o) => torch.add(xl, xl, { out: o })),
  "dtype/div_int64_into_long": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.div(xl, xl, { out: o })),
  "dtype/exp_int64_into_long": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.exp(xl, { out: o })),
  "dtype/maximum_into_long": withOut(() => torch.empty(2, 3, int64), ({ x, y }, o) => torch.maximum(x, y, { out: o })),
  "dtype/tanh_into_int32": withOut(() => torch.empty(2, 3, int32), ({ x }, o) => torch.tanh(x, { out: o })),
  "dtype/neg_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.neg(x, { out: o })),
  "dtype/neg_int64_into_int32": withOut(() => torch.empty(2, 3, int32), ({ xl }, o) => torch.neg(xl, { out: o })),
  "dtype/abs_int64_into_int32": withOut(() => torch.empty(2, 3, int32), ({ xl }, o) => torch.abs(xl, { out: o })),
  "dtype/sign_into_long": withOut(() => torch.empty(2, 3, int64), ({ x }, o) => torch.sign(x, { out: o })),
  "dtype/clamp_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.clamp(x, 0, 1, { out: o })),
  "dtype/clamp_int64_float_bounds": withOut(() => torch.empty(2, 3, int64), ({ xl }, o) => torch.clamp(xl, 0.5, 1, { out: o })),
  "dtype/pow_scalar_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.pow(x, 2, { out: o })),
  "dtype/where_into_double": withOut(() => torch.empty(2, 3, float64), ({ c, x, y }, o) => torch.where(c, x, y, { out: o })),
  "dtype/heaviside_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.heaviside(x, torch.tensor(0.5), { out: o })),
  "dtype/softmax_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => torch.softmax(x, 1, { out: o })),
  "dtype/log_softmax_into_long": withOut(() => torch.empty(2, 3, int64), ({ x }, o) => torch.log_softmax(x, 1, { out: o })),
  "dtype/gelu_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => F.gelu(x, { out: o })),
  "dtype/softplus_into_long": withOut(() => torch.empty(2, 3, int64), ({ x }, o) => F.softplus(x, { out: o })),
  "dtype/logsigmoid_into_double": withOut(() => torch.empty(2, 3, float64), ({ x }, o) => F.logsigmoid(x, { out: o })),
  "dtype/mm_into_double": withOut(() => torch.empty(2, 2, float64), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "dtype/mm_int64_into_float": withOut(() => torch.empty(2, 2), ({ xl }, o) => torch.mm(xl, xl.t(), { out: o })),
  "dtype/matmul_into_long": withOut(() => torch.empty(3, 3, int64), ({ x, y }, o) => torch.matmul(x.t(), y, { out: o })),
  "dtype/matmul_1d_into_double": withOut(() => torch.empty([], float64), ({ v }, o) => torch.matmul(v, v, { out: o })),
  "dtype/dot_into_long": withOut(() => torch.empty([], int64), ({ v }, o) => torch.dot(v, v, { out: o })),
  "dtype/mv_into_double": withOut(() => torch.empty(3, float64), ({ sq, v }, o) => torch.mv(sq, v, { out: o })),
  "dtype/bmm_into_double": withOut(() => torch.empty(1, 2, 2, float64), ({ x, y }, o) => torch.bmm(x.unsqueeze(0), y.t().unsqueeze(0), { out: o })),
  "dtype/refused_before_resizing": withOut(() => torch.empty(5, int64), ({ x }, o) => torch.sigmoid(x, { out: o })),
};

/** `a = x.clone().requires_grad_(); o = torch.empty(0); r = <call>` */
const REFUSED = Object.fromEntries(Object.entries({
  add: (e, a, o) => torch.add(a, e.y, { out: o }),
  subtract: (e, a, o) => torch.subtract(a, e.y, { out: o }),
  multiply: (e, a, o) => torch.multiply(e.y, a, { out: o }),
  divide: (e, a, o) => torch.divide(a, 2, { out: o }),
  true_divide: (e, a, o) => torch.true_divide(a, e.y, { out: o }),
  div_floor: (e, a, o) => torch.div(a, e.y, { rounding_mode: "floor", out: o }),
  neg: (e, a, o) => torch.neg(a, { out: o }),
  pow: (e, a, o) => torch.pow(a, 2, { out: o }),
  pow_scalar_base: (e, a, o) => torch.pow(2, a, { out: o }),
  reciprocal: (e, a, o) => torch.reciprocal(a, { out: o }),
  exp: (e, a, o) => torch.exp(a, { out: o }),
  abs: (e, a, o) => torch.abs(a, { out: o }),
  sign: (e, a, o) => torch.sign(a, { out: o }),
  erf: (e, a, o) => torch.erf(a, { out: o }),
  clip: (e, a, o) => torch.clip(a, 0, 1, { out: o }),
  clamp_tensor_bound: (e, a, o) => torch.clamp(e.x, { min: a, out: o }),
  where: (e, a, o) => torch.where(e.c, e.y, a, { out: o }),
  max_of_two: (e, a, o) => torch.max(a, e.y, { out: o }),
  minimum: (e, a, o) => torch.minimum(a, e.y, { out: o }),
  sigmoid: (e, a, o) => torch.sigmoid(a, { out: o }),
  tanh: (e, a, o) => torch.tanh(a, { out: o }),
  threshold: (e, a, o) => torch.threshold(a, 0.0, 1.0, { out: o }),
  "F.gelu": (e, a, o) => F.gelu(a, { out: o }),
  "F.softplus": (e, a, o) => F.softplus(a, { out: o }),
  "F.logsigmoid": (e, a, o) => F.logsigmoid(a, { out: o }),
  mm: (e, a, o) => torch.mm(a, e.y.t(), { out: o }),
  matmul_1d_1d: (e, a, o) => torch.matmul(a.index(0), e.y.index(0), { out: o }),
  matmul_2d_1d: (e, a, o) => torch.matmul(a, e.v, { out: o }),
  matmul_1d_2d: (e, a, o) => torch.matmul(a.index(0, ":2"), e.y, { out: o }),
  matmul_3d_3d: (e, a, o) => torch.matmul(a.unsqueeze(0), e.y.t().unsqueeze(0), { out: o }),
  matmul_3d_1d: (e, a, o) => torch.matmul(a.unsqueeze(0).expand(2, 2, 3), e.v, { out: o }),
  dot: (e, a, o) => torch.dot(e.v, a.index(0), { out: o }),
  mv: (e, a, o) => torch.mv(a, e.v, { out: o }),
  bmm: (e, a, o) => torch.bmm(a.unsqueeze(0), e.y.t().unsqueeze(0), { out: o }),
  before_the_shape_error: (e, a, o) => torch.add(a, torch.ones(4), { out: o }),
  before_the_dtype_error: (e, a, o) => torch.add(a, e.y, { out: o.long() }),
} as Record<string, (e: Env, a: Tensor, o: Tensor) => unknown>).map(([name, call]) => [`autograd/refused/${name}`, (e: Env): Run => {
  const a = e.x.clone().requires_grad_();
  const o = torch.empty(0);
  return { o, r: call(e, a, o) };
}]));

/** `a = x.clone().requires_grad_(); o = torch.empty(0); r = <call>`, then the backward's error. */
const unimplemented = (call: (e: Env, a: Tensor, o: Tensor) => unknown): Case => (e) => {
  const a = e.x.clone().requires_grad_();
  const o = torch.empty(0);
  const r = call(e, a, o);
  return { o, r, extra: errorOf(() => o.sum().backward()) };
};

const AUTOGRAD: Record<string, Case> = {
  ...REFUSED,
  "autograd/refused/out_requires_grad": withOut(() => torch.empty(2, 3, grad), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "autograd/refused/out_is_a_nonleaf": ({ x, y }) => {
    const w = torch.ones(2, 3, grad);
    const o = w.mul(2);
    return { o, r: torch.add(x, y, { out: o }) };
  },
  "autograd/no_grad_input": ({ x }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(2, 3);
    return { o, r: torch.no_grad(() => torch.sigmoid(a, { out: o })) };
  },
  "autograd/no_grad_out_requires_grad": ({ x, y }) => {
    const o = torch.zeros(2, 3, grad);
    return { o, r: torch.no_grad(() => torch.mul(x, y, { out: o })) };
  },
  "autograd/eq_no_gradient": ({ x, y }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(2, 3, bool);
    return { o, r: torch.eq(a, y, { out: o }) };
  },
  "autograd/gt_into_out_requiring_grad": withOut(() => torch.zeros(2, 3, grad), ({ x, y }, o) => torch.gt(x, y, { out: o })),
  "autograd/logical_not_no_gradient": ({ x }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(0, bool);
    return { o, r: torch.logical_not(a, { out: o }) };
  },
  "autograd/unimplemented/heaviside": unimplemented((e, a, o) => torch.heaviside(a, torch.tensor(0.5), { out: o })),
  "autograd/unimplemented/softmax": unimplemented((e, a, o) => torch.softmax(a, 1, { out: o })),
  "autograd/unimplemented/log_softmax": unimplemented((e, a, o) => torch.log_softmax(a, 1, { out: o })),
  "autograd/unimplemented/leaf_out": withOut(() => torch.empty(2, 3, grad), ({ x }, o) => torch.softmax(x, 1, { out: o })),
};

/** `o = x; r = <call>` */
const ALIASED = Object.fromEntries(Object.entries({
  sigmoid: ({ x }) => torch.sigmoid(x, { out: x }),
  exp: ({ x }) => torch.exp(x, { out: x }),
  add_first: ({ x, y }) => torch.add(x, y, { out: x }),
  add_second: ({ x, y }) => torch.add(y, x, { alpha: 3, out: x }),
  mul_self: ({ x }) => torch.mul(x, x, { out: x }),
  div_self: ({ x }) => torch.div(x, x, { out: x }),
  pow_square: ({ x }) => torch.pow(x, 2, { out: x }),
  neg: ({ x }) => torch.neg(x, { out: x }),
  clamp: ({ x }) => torch.clamp(x, -1, 1, { out: x }),
  where: ({ c, x, y }) => torch.where(c, y, x, { out: x }),
  maximum: ({ x, y }) => torch.maximum(y, x, { out: x }),
  "F.gelu": ({ x }) => F.gelu(x, { out: x }),
  tanh: ({ x }) => torch.tanh(x, { out: x }),
  softmax: ({ x }) => torch.softmax(x, 1, { out: x }),
  log_softmax: ({ x }) => torch.log_softmax(x, 0, { out: x }),
  "F.logsigmoid": ({ x }) => F.logsigmoid(x, { out: x }),
} as Record<string, (e: Env) => unknown>).map(([name, call]) => [`alias/${name}`, (e: Env): Run => ({ o: e.x, r: call(e) })]));

const ALIAS: Record<string, Case> = {
  ...ALIASED,
  "alias/sigmoid_long_input": ({ big }) => {
    const t = torch.linspace(-6, 6, big);
    return { o: t, r: torch.sigmoid(t, { out: t }), extra: summary(t) };
  },
  "alias/mul_long_input": ({ big }) => {
    const t = torch.linspace(-6, 6, big);
    return { o: t, r: torch.mul(t, t, { out: t }), extra: summary(t) };
  },
  "alias/refused/expanded_out_add": withOut(() => torch.empty(3).expand(2, 3), ({ x, y }, o) => torch.add(x, y, { out: o })),
  "alias/refused/expanded_out_sigmoid": withOut(() => torch.empty(3).expand(2, 3), ({ x }, o) => torch.sigmoid(x, { out: o })),
  "alias/refused/expanded_out_wrong_shape": withOut(() => torch.empty(3).expand(2, 3).index(":", ":2"), ({ x, y }, o) => torch.add(x, y, { out: o })),
  "alias/refused/expanded_out_mm": withOut(() => torch.empty(2).expand(2, 2), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "alias/refused/expanded_out_gelu": withOut(() => torch.empty(3).expand(2, 3), ({ x }, o) => F.gelu(x, { out: o })),
  "alias/refused/expanded_out_logsigmoid": withOut(() => torch.empty(3).expand(2, 3), ({ x }, o) => F.logsigmoid(x, { out: o })),
  "alias/refused/partial_input_row": withOut(({ x }) => x, ({ x }, o) => torch.add(x, x.index(0), { out: o })),
  "alias/refused/partial_out_row": withOut(({ x }) => x.index("0:1"), ({ x }, o) => torch.add(x, 1, { out: o })),
  "alias/refused/transposed_input": withOut(({ sq }) => sq, ({ sq }, o) => torch.add(sq, sq.t(), { out: o })),
  "alias/refused/transposed_out": withOut(({ sq }) => sq.t(), ({ sq }, o) => torch.add(sq, 1, { out: o })),
};

const VERSION: Record<string, Case> = {
  "version/each_write_counts": ({ x, y }) => {
    const o = torch.empty(2, 3);
    const versions = [o._version];
    torch.add(x, y, { out: o });
    versions.push(o._version);
    const r = torch.sigmoid(x, { out: o });
    versions.push(o._version);
    return { o, r, extra: versions };
  },
  "version/resized_empty_out": withOut(() => torch.empty(0), ({ x, y }, o) => torch.mm(x, y.t(), { out: o })),
  "version/shared_with_views": ({ v }) => {
    const b = torch.zeros(2, 3);
    const o = b.index(1);
    return { o, r: torch.add(v, 1, { out: o }), extra: [b._version, b.tolist()] };
  },
  "version/saved_result_overwritten": ({ x, y }) => {
    const a = x.clone().requires_grad_();
    const s = a.exp();
    const o = s.detach();
    return { o, r: torch.sigmoid(y, { out: o }), extra: errorOf(() => s.sum().backward()) };
  },
  "version/saved_input_overwritten": ({ x, y }) => {
    const a = x.clone().requires_grad_();
    const h = a.mul(1);
    const p = h.mul(h);
    const o = h.detach();
    return { o, r: torch.add(y, 1, { out: o }), extra: errorOf(() => p.sum().backward()) };
  },
  "version/unsaved_tensor_overwritten": ({ x, y }) => {
    const a = x.clone().requires_grad_();
    const h = a.mul(2);
    const p = h.add(1);
    const o = h.detach();
    const r = torch.add(y, 1, { out: o });
    p.sum().backward();
    return { o, r, extra: a.grad!.tolist() };
  },
};

/** Calls given `o = torch.empty(0)`, for the argument rules. */
const ARGS = calls("args/", () => torch.empty(0), {
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "not_a_tensor/sigmoid": ({ x }) => torch.sigmoid(x, { out: 3 }),
  // @ts-expect-error an out that is no tensor: the runtime refusal is the case
  "not_a_tensor/exp": ({ x }) => torch.exp(x, { out: "s" }),
  // @ts-expect-error an out that is no tensor: the runtime refusal is the case
  "not_a_tensor/logical_and": ({ x, y }) => torch.logical_and(x, y, { out: 1.5 }),
  // @ts-expect-error an out that is no tensor: the runtime refusal is the case
  "not_a_tensor/maximum": ({ x, y }) => torch.maximum(x, y, { out: [x] }),
  "not_a_tensor/true_divide": ({ x, y }) => torch.true_divide(x, y, { out: "s" as unknown as Tensor }),
  // @ts-expect-error: out= must be a tensor; the engine's TypeError is what this checks
  "not_a_tensor/matmul": ({ x, y }) => torch.matmul(x, y.t(), { out: 3 }),
  // @ts-expect-error: out= must be a tensor; the engine's TypeError is what this checks
  "not_a_tensor/dot": ({ v }) => torch.dot(v, v, { out: "s" }),
  // @ts-expect-error an out that is no tensor: the runtime refusal is the case
  "not_a_tensor/where": ({ c, x, y }) => torch.where(c, x, y, { out: 3 }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "not_a_tensor/heaviside": ({ x, y }) => torch.heaviside(x, y, { out: "s" }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "not_a_tensor/threshold": ({ x }) => torch.threshold(x, 0.0, 1.0, { out: "s" }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "not_a_tensor/F.gelu": ({ x }) => F.gelu(x, { out: 3 }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "not_a_tensor/F.logsigmoid": ({ x }) => F.logsigmoid(x, { out: 3 }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "positional/sigmoid": ({ x }, o) => torch.sigmoid(x, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/exp": ({ x }, o) => torch.exp(x, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/neg": ({ x }, o) => torch.neg(x, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/logical_not": ({ x }, o) => torch.logical_not(x, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/mul": ({ x, y }, o) => torch.mul(x, y, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/maximum": ({ x, y }, o) => torch.maximum(x, y, o),
  // @ts-expect-error: out= is keyword-only; given positionally it is refused
  "positional/matmul": ({ x, y }, o) => torch.matmul(x, y.t(), o),
  // @ts-expect-error: out= is keyword-only; given positionally it is refused
  "positional/dot": ({ v }, o) => torch.dot(v, v, o),
  // @ts-expect-error out given positionally, which PyTorch refuses: the case
  "positional/where": ({ c, x, y }, o) => torch.where(c, x, y, o),
  where_number_other: ({ c, x }, o) => torch.where(c, x, 0.5, { out: o }),
  where_number_input: ({ c, y }, o) => torch.where(c, 1.5, y, { out: o }),
  true_divide_rounding_mode: ({ x, y }) => torch.true_divide(x, y, { rounding_mode: "floor" } as object),
  div_bad_rounding_mode: ({ x, y }, o) => torch.div(x, y, { rounding_mode: "bad" as "floor", out: o }),
  "no_out/Tensor.add": ({ x, y }, o) => x.add(y, { out: o }),
  "no_out/Tensor.add_": ({ x, y }, o) => x.add_(y, { out: o }),
  "no_out/Tensor.sub_": ({ x, y }, o) => x.sub_(y, { out: o }),
  "no_out/Tensor.where": ({ x, y, c }, o) => (x.where as (...a: unknown[]) => Tensor)(c, y, { out: o }),
  "no_out/Tensor.logical_and": ({ x, y }, o) => (x.logical_and as (...a: unknown[]) => Tensor)(y, { out: o }),
  "no_out/Tensor.dot": ({ v }, o) => (v.dot as (...a: unknown[]) => Tensor)(v, { out: o }),
  "no_out/Tensor.matmul": ({ x, y }, o) => (x.matmul as (...a: unknown[]) => Tensor)(y.t(), { out: o }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "no_out/F.softmax": ({ x }, o) => F.softmax(x, 1, { out: o }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "no_out/F.log_softmax": ({ x }, o) => F.log_softmax(x, 1, { out: o }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "no_out/F.prelu": ({ x }, o) => F.prelu(x, torch.tensor([0.25]), { out: o }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  "no_out/torch.prelu": ({ x }, o) => torch.prelu(x, torch.tensor([0.25]), { out: o }),
  // @ts-expect-error: torch.reshape takes no out=
  "no_out/torch.reshape": ({ x }, o) => torch.reshape(x, [3, 2], { out: o }),
  // @ts-expect-error: torch.permute takes no out=
  "no_out/torch.permute": ({ x }, o) => torch.permute(x, [1, 0], { out: o }),
  // @ts-expect-error: torch.unsqueeze takes no out=
  "no_out/torch.unsqueeze": ({ x }, o) => torch.unsqueeze(x, 0, { out: o }),
  // @ts-expect-error: torch.chunk takes no out=
  "no_out/torch.chunk": ({ x }, o) => torch.chunk(x, 2, { out: o }),
  // @ts-expect-error: torch.split takes no out=
  "no_out/torch.split": ({ x }, o) => torch.split(x, 1, { out: o }),
  // @ts-expect-error allclose has no out=: the case is its refusal
  "no_out/torch.allclose": ({ x, y }, o) => torch.allclose(x, y, { out: o }),
  "no_out/torch.equal": ({ x, y }, o) => (torch.equal as (...a: unknown[]) => boolean)(x, y, { out: o }),
  // @ts-expect-error full_like has no out=: the case is its refusal
  "no_out/torch.full_like": ({ x }, o) => torch.full_like(x, 2.0, { out: o }),
  // @ts-expect-error tensor has no out=: the case is its refusal
  "no_out/torch.tensor": (e, o) => torch.tensor([1.0], { out: o }),
  // the functions of the input alone that have no out=
  ...Object.fromEntries([
    ...["sigmoid", "tanh", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "silu", "mish", "hardtanh", "hardsigmoid", "hardswish", "softsign"].map((name) => [`F.${name}`, F]),
    ...["relu", "selu", "celu", "isnan", "t", "flatten", "clone", "is_tensor", "numel", "zeros_like", "ones_like", "rand_like"].map((name) => [`torch.${name}`, torch]),
  ].map(([qualified, namespace]) => {
    const fn = (namespace as unknown as Record<string, (...a: unknown[]) => unknown>)[(qualified as string).split(".")[1]];
    return [`no_out/${qualified}`, ({ x }: Env, o: Tensor) => fn(x, { out: o })];
  })),
} as Record<string, (e: Env, o: Tensor) => unknown>);

const long = () => torch.empty(0, int64);

const REDUCE: Record<string, Case> = {
  "reduce/sum": withOut(() => torch.empty(0), ({ x }, o) => torch.sum(x, 1, { out: o })),
  "reduce/sum_keepdim": withOut(() => torch.empty(0), ({ x }, o) => torch.sum(x, 0, { keepdim: true, out: o })),
  "reduce/sum_all_dims": withOut(() => torch.empty(5), ({ x }, o) => torch.sum(x, [0, 1], { out: o })),
  "reduce/sum_into_long": withOut(long, ({ x }, o) => torch.sum(x, 0, { out: o })),
  "reduce/sum_into_bool": withOut(() => torch.empty(0, bool), ({ x }, o) => torch.sum(x, 1, { out: o })),
  "reduce/sum_int64_into_int32": withOut(() => torch.empty(0, int32), ({ xl }, o) => torch.sum(xl, 1, { out: o })),
  "reduce/sum_dtype_mismatch": withOut(() => torch.empty(0), ({ x }, o) => torch.sum(x, 1, { dtype: torch.float64, out: o })),
  "reduce/sum_without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.sum(x, { out: o })),
  "reduce/mean": withOut(() => torch.empty(0), ({ x }, o) => torch.mean(x, 1, { out: o })),
  "reduce/mean_into_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.mean(x, 1, { out: o })),
  "reduce/mean_into_long": withOut(long, ({ x }, o) => torch.mean(x, 1, { out: o })),
  "reduce/mean_int64_input": withOut(() => torch.empty(0), ({ xl }, o) => torch.mean(xl, 1, { out: o })),
  "reduce/mean_dtype_mismatch": withOut(() => torch.empty(0), ({ x }, o) => torch.mean(x, 1, { dtype: torch.float64, out: o })),
  "reduce/mean_without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.mean(x, { out: o })),
  "reduce/prod_into_long": withOut(long, ({ x }, o) => torch.prod(x, 1, { out: o })),
  "reduce/prod": withOut(() => torch.empty(0), ({ x }, o) => torch.prod(x, 0, { out: o })),
  "reduce/prod_without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.prod(x, { out: o })),
  "reduce/var": withOut(() => torch.empty(0), ({ x }, o) => torch.var(x, 1, { out: o })),
  "reduce/var_biased": withOut(() => torch.empty(0), ({ x }, o) => torch.var(x, 1, { unbiased: false, out: o })),
  "reduce/std_correction": withOut(() => torch.empty(0), ({ x }, o) => torch.std(x, 0, { correction: 0, out: o })),
  "reduce/var_into_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.var(x, 1, { out: o })),
  "reduce/std_into_long": withOut(long, ({ x }, o) => torch.std(x, 1, { out: o })),
  "reduce/var_int64_input": withOut(() => torch.empty(0), ({ xl }, o) => torch.var(xl, 1, { out: o })),
  "reduce/var_without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.var(x, { out: o })),
  "reduce/std_without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.std(x, { out: o })),
  "reduce/norm/fro": withOut(() => torch.empty(0), ({ x }, o) => torch.norm(x, { dim: 1, out: o })),
  "reduce/norm/fro_all": withOut(() => torch.empty(3), ({ x }, o) => torch.norm(x, { out: o })),
  "reduce/norm/fro_into_long": withOut(long, ({ x }, o) => torch.norm(x, { dim: 1, out: o })),
  "reduce/norm/fro_keepdim": withOut(() => torch.empty(0), ({ x }, o) => torch.norm(x, { dim: 0, keepdim: true, out: o })),
  // @ts-expect-error: out= must be a tensor; the engine's TypeError is what this checks
  "reduce/norm/fro_not_a_tensor": withOut(() => torch.empty(0), ({ x }) => torch.norm(x, { out: 3 })),
  "reduce/norm/p1": withOut(() => torch.empty(5), ({ x }, o) => torch.norm(x, 1, 1, { out: o })),
  "reduce/norm/p_inf_into_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.norm(x, { p: Infinity, dim: 1, out: o })),
  "reduce/norm/p3_all": withOut(() => torch.empty(0), ({ x }, o) => torch.norm(x, { p: 3, out: o })),
  "reduce/norm/p2_into_long": withOut(long, ({ x }, o) => torch.norm(x, { p: 2, dim: 1, out: o })),
  "reduce/norm/fro_records_a_copy": ({ x }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(0);
    const r = torch.norm(a, { dim: 1, out: o });
    r.sum().backward();
    return { o, r, extra: a.grad!.tolist() };
  },
  "reduce/norm/p3_refused": ({ x }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(0);
    return { o, r: torch.norm(a, { p: 3, dim: 1, out: o }) };
  },
  "reduce/norm/fro_leaf_out": withOut(() => torch.empty(2, grad), ({ x }, o) => torch.norm(x, { dim: 1, out: o })),
  "reduce/amax": withOut(() => torch.empty(0), ({ x }, o) => torch.amax(x, 1, { out: o })),
  "reduce/amax_all": withOut(() => torch.empty(0), ({ x }, o) => torch.amax(x, { out: o })),
  "reduce/amin_keepdim": withOut(() => torch.empty(0), ({ x }, o) => torch.amin(x, 0, { keepdim: true, out: o })),
  "reduce/amax_into_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.amax(x, 1, { out: o })),
  "reduce/argmax": withOut(long, ({ x }, o) => torch.argmax(x, 1, { out: o })),
  "reduce/argmax_all": withOut(long, ({ x }, o) => torch.argmax(x, { out: o })),
  "reduce/argmin": withOut(long, ({ x }, o) => torch.argmin(x, 0, { out: o })),
  "reduce/argmax_into_int32": withOut(() => torch.empty(0, int32), ({ x }, o) => torch.argmax(x, 1, { out: o })),
  "reduce/all": withOut(() => torch.empty(0, bool), ({ x }, o) => torch.all(x, 1, { out: o })),
  "reduce/all_all": withOut(() => torch.empty(0, bool), ({ x }, o) => (torch.all as (...a: unknown[]) => Tensor)(x, { out: o })),
  "reduce/all_into_uint8": withOut(() => torch.empty(0, uint8), ({ x }, o) => torch.all(x, 1, { out: o })),
  "reduce/any": withOut(() => torch.empty(0, bool), ({ c }, o) => torch.any(c, 0, { out: o })),
  "reduce/any_into_long": withOut(long, ({ x }, o) => torch.any(x, 1, { out: o })),
  ...Object.fromEntries(Object.entries({
    sum: (a, o) => torch.sum(a, 1, { out: o }),
    mean: (a, o) => torch.mean(a, 0, { out: o }),
    prod: (a, o) => torch.prod(a, 1, { out: o }),
    std: (a, o) => torch.std(a, 1, { out: o }),
    amax: (a, o) => torch.amax(a, 1, { out: o }),
    max_dim: (a, o) => torch.max(a, 1, { out: [o, long()] }),
  } as Record<string, (a: Tensor, o: Tensor) => unknown>).map(([name, call]) => [`reduce/refused/${name}`, ({ x }: Env): Run => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(0);
    return { o, r: call(a, o) };
  }])),
  "reduce/all_input_requires_grad": ({ x }) => {
    const a = x.clone().requires_grad_();
    const o = torch.empty(0, bool);
    return { o, r: torch.all(a, 1, { out: o }) };
  },
  "reduce/max_dim": ({ x }) => {
    const o = torch.empty(0), i = long();
    const m = torch.max(x, 1, { out: [o, i] });
    return { o, r: m.values, extra: [m.values === o, m.indices === i, i.tolist(), i._version] };
  },
  "reduce/min_dim_keepdim_list": ({ x }) => {
    const o = torch.empty(3), i = long();
    const m = torch.min(x, 0, { keepdim: true, out: [o, i] });
    return { o, r: m[0], extra: [m[1] === i, i.tolist()] };
  },
  "reduce/max_dim/values_into_double": withOut(() => torch.empty(0), ({ x }) => torch.max(x, 1, { out: [torch.empty(0, float64), long()] })),
  "reduce/max_dim/indices_into_float": withOut(() => torch.empty(0), ({ x }, o) => torch.max(x, 1, { out: [o, torch.empty(0)] })),
  // @ts-expect-error: out= along a dim is [values, indices]; three tensors are refused at run time too
  "reduce/max_dim/three_outs": withOut(() => torch.empty(0), ({ x }, o) => torch.max(x, 1, { out: [o, long(), torch.empty(0)] })),
  // @ts-expect-error: out= along a dim holds two tensors; a number is refused at run time too
  "reduce/max_dim/not_a_tensor": withOut(() => torch.empty(0), ({ x }, o) => torch.max(x, 1, { out: [o, 3] })),
  // @ts-expect-error: out= along a dim is [values, indices], not one tensor
  "reduce/max_dim/one_tensor": withOut(() => torch.empty(0), ({ x }, o) => torch.max(x, 1, { out: o })),
  // @ts-expect-error: out= needs a dim (no overload of min takes the input and out= alone)
  "reduce/max_dim/without_dim": withOut(() => torch.empty(0), ({ x }, o) => torch.min(x, { out: o })),
};

const index = (rows: number[][]) => torch.tensor(rows, int64);

const JOIN: Record<string, Case> = {
  "join/cat": withOut(() => torch.empty(0), ({ x, y }, o) => torch.cat([x, y], { out: o })),
  "join/cat_dim1_into_double": withOut(() => torch.empty(0, float64), ({ x, y }, o) => torch.cat([x, y], 1, { out: o })),
  "join/cat_into_long": withOut(long, ({ x, y }, o) => torch.cat([x, y], { out: o })),
  "join/cat_int64_into_float": withOut(() => torch.empty(0), ({ xl }, o) => torch.cat([xl, xl], { out: o })),
  "join/cat_mixed": withOut(() => torch.empty(2, 6), ({ x, xl }, o) => torch.cat([x, xl], { dim: 1, out: o })),
  "join/cat_into_an_input": withOut(({ x }) => x, ({ x, y }, o) => torch.cat([x, y], { out: o })),
  "join/cat_right_shape": withOut(() => torch.empty(4, 3), ({ x, y }, o) => torch.cat([x, y], { out: o })),
  "join/concat": withOut(() => torch.empty(3), ({ x, y }, o) => torch.concat([x, y], { out: o })),
  "join/stack": withOut(() => torch.empty(0), ({ x, y }, o) => torch.stack([x, y], 1, { out: o })),
  "join/stack_into_long": withOut(long, ({ x, y }, o) => torch.stack([x, y], { out: o })),
  "join/gather": withOut(() => torch.empty(0), ({ x }, o) => torch.gather(x, 1, index([[0, 2], [1, 1]]), { out: o })),
  "join/gather_into_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.gather(x, 1, index([[0], [2]]), { out: o })),
  "join/index_select": withOut(() => torch.empty(5), ({ x }, o) => torch.index_select(x, 1, torch.tensor([2, 0], int64), { out: o })),
  "join/index_select_double": withOut(() => torch.empty(0, float64), ({ x }, o) => torch.index_select(x, 0, torch.tensor([1], int64), { out: o })),
  ...Object.fromEntries(Object.entries({
    cat: (e, a, o) => torch.cat([e.y, a], { out: o }),
    stack: (e, a, o) => torch.stack([a, e.y], { out: o }),
    gather: (e, a, o) => torch.gather(a, 1, index([[0], [2]]), { out: o }),
    index_select: (e, a, o) => torch.index_select(a, 0, torch.tensor([1], int64), { out: o }),
  } as Record<string, (e: Env, a: Tensor, o: Tensor) => unknown>).map(([name, call]) => [`join/refused/${name}`, (e: Env): Run => {
    const a = e.x.clone().requires_grad_();
    const o = torch.empty(0);
    return { o, r: call(e, a, o) };
  }])),
  "join/no_out/Tensor.amax": withOut(() => torch.empty(0), ({ x }, o) => x.amax(1, { out: o })),
};

const LINEAR: Record<string, Case> = {
  "linear/bias": withOut(() => torch.empty(0), ({ x, sq, v }, o) => F.linear(x, sq, v, { out: o })),
  "linear/no_bias_resized": withOut(() => torch.empty(5), ({ x, sq }, o) => F.linear(x, sq, { out: o })),
  "linear/vector": withOut(() => torch.empty(0), ({ sq, v }, o) => F.linear(v, sq, v, { out: o })),
  "linear/batch_of_matrices": withOut(() => torch.empty(0), ({ x, y, sq, v }, o) => F.linear(torch.stack([x, y]), sq, v, { out: o })),
  "linear/bias_by_name": withOut(() => torch.empty(0), ({ x, sq, v }, o) => F.linear(x, sq, { bias: v, out: o })),
  "linear/into_double": withOut(() => torch.empty(0, float64), ({ x, sq, v }, o) => F.linear(x, sq, v, { out: o })),
  // @ts-expect-error out= must be a tensor: the error says so
  "linear/not_a_tensor": withOut(() => torch.empty(0), ({ x, sq, v }) => F.linear(x, sq, v, { out: 3 })),
  "linear/weight_requires_grad": withOut(() => torch.empty(0), ({ x, sq }, o) => F.linear(x, sq.requires_grad_(), { out: o })),
  // @ts-expect-error F.layer_norm takes no out=: the error says so
  "linear/layer_norm_has_none": withOut(() => torch.empty(0), ({ x }, o) => F.layer_norm(x, [3], { out: o })),
};

/** `torch.manual_seed(7); fresh = <call>; torch.manual_seed(7); r = <call with out=o>` */
const seeded = (out: () => Tensor, call: (options: { out?: Tensor; dtype?: typeof torch.float64 }) => Tensor, dtype?: typeof torch.float64): Case => () => {
  torch.manual_seed(7);
  const fresh = call(dtype ? { dtype } : {});
  torch.manual_seed(7);
  const o = out();
  return { o, r: call({ out: o }), extra: fresh.tolist() };
};

const FACTORY: Record<string, Case> = {
  "factory/zeros_into_long": withOut(long, (e, o) => torch.zeros(2, 3, { out: o })),
  "factory/zeros_tuple": withOut(() => torch.empty(7), (e, o) => torch.zeros([2, 3], { out: o })),
  "factory/ones": withOut(() => torch.empty(5), (e, o) => torch.ones(2, { out: o })),
  "factory/full_into_long": withOut(() => torch.empty(2, int64), (e, o) => torch.full([2], 3.5, { out: o })),
  "factory/full_bool": withOut(() => torch.empty(0), (e, o) => torch.full([2], true, { out: o })),
  "factory/dtype_mismatch": withOut(long, (e, o) => torch.zeros(2, { dtype: torch.float64, out: o })),
  "factory/arange": withOut(() => torch.empty(0), (e, o) => torch.arange(5, { out: o })),
  "factory/arange_into_long": withOut(long, (e, o) => torch.arange(0.5, 3, { out: o })),
  "factory/arange_resized": withOut(() => torch.empty(2), (e, o) => torch.arange(2, 8, 2, { out: o })),
  "factory/arange_same_count": withOut(() => torch.empty(3, 1), (e, o) => torch.arange(3, { out: o })),
  "factory/arange_dtype": withOut(() => torch.empty(0), (e, o) => torch.arange(3, { dtype: torch.float64, out: o })),
  "factory/linspace_into_long": withOut(long, (e, o) => torch.linspace(0, 1, 5, { out: o })),
  "factory/linspace": withOut(() => torch.empty(2, 2), (e, o) => torch.linspace(-1, 1, 5, { out: o })),
  "factory/eye": withOut(() => torch.empty(4), (e, o) => torch.eye(2, 3, { out: o })),
  "factory/rand_into_long": withOut(long, (e, o) => torch.rand(2, { out: o })),
  "factory/randn_into_long": withOut(long, (e, o) => torch.randn(2, { out: o })),
  "factory/requires_grad": withOut(() => torch.empty(0), (e, o) => torch.zeros(2, { requires_grad: true, out: o })),
  "factory/leaf_out": withOut(() => torch.empty(2, grad), (e, o) => torch.ones(2, { out: o })),
  "factory/rand": seeded(() => torch.empty(0), (options) => torch.rand(2, 3, options)),
  "factory/randn_double": seeded(() => torch.empty(0, float64), (options) => torch.randn(4, options), torch.float64),
  "factory/randint": seeded(() => torch.empty(0), (options) => torch.randint(3, 9, [5], options)),
  "factory/randperm": seeded(() => torch.empty(0), (options) => torch.randperm(6, options)),
  "factory/empty": () => {
    const b = torch.zeros(2);
    const r2 = torch.empty(2, 3, { out: b });
    const o = torch.zeros(0);
    return { o, r: o, extra: [b.shape, b._version, r2 === b] };
  },
};

const CASES: Record<string, Case> = { ...VALUES, ...BOOL_VALUES, ...PRODUCTS, ...MORE_VALUES, ...RESIZE, ...DTYPES, ...AUTOGRAD, ...ALIAS, ...VERSION, ...ARGS, ...REDUCE, ...JOIN, ...FACTORY, ...LINEAR };

function env(): Env {
  const x = torch.tensor(fixture.x);
  return { x, y: torch.tensor(fixture.y), xl: torch.tensor(fixture.xl, int64), sq: torch.tensor(fixture.sq), v: torch.tensor(fixture.v), c: x.gt(0), big: fixture.big };
}

/** Runs a case, collecting the UserWarnings it prints (console.warn, without the "UserWarning: " tag). */
function runCase(c: Case): { run?: Run; error?: Error; warnings: string[] } {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: unknown) => { warnings.push(String(message).replace(/^UserWarning: /, "")); };
  try {
    return { run: c(env()), warnings };
  } catch (e) {
    return { error: e as Error, warnings };
  } finally {
    console.warn = warn;
  }
}

describe("out= vs PyTorch (gen_out.py)", () => {
  it("every case in the fixture has its translation here, and every translation is in the fixture", () => {
    assert.deepStrictEqual(Object.keys(CASES).sort(), fixture.cases.map((c) => c.case).sort());
  });

  for (const c of fixture.cases) {
    it(`${c.case}${c.error ? ` (${c.error.type})` : ""}`, () => {
      const translation = CASES[c.case];
      assert.ok(translation, `no translation of ${c.case}`);
      const { run, error, warnings } = runCase(translation);
      if (c.error) {
        assert.ok(error, `PyTorch raised ${c.error.type}: ${c.error.message}\n${c.python}`);
        assert.strictEqual(error.name, c.error.type);
        assert.strictEqual(error.message, c.error.message);
      } else {
        if (error) throw error;
        const { o, r } = run!;
        const want = c.out!;
        assert.strictEqual(r === o, c.same, "the call returns out itself");
        assert.deepStrictEqual(o.shape, want.shape, "out's shape");
        assert.strictEqual(String(o.dtype), want.dtype, "out's dtype");
        assertClose(o.tolist(), want.data, "out's values", 1e-6, 1e-6);
        assert.strictEqual(o._version, want.version, "out's version");
        assert.strictEqual(o.requires_grad, want.requires_grad, "out.requires_grad");
        assert.strictEqual(o.grad_fn?.typeName() ?? null, want.grad_fn, "out.grad_fn (its type's name)");
        if ("extra" in c) {
          if (typeof c.extra === "string" || c.extra === null) assert.strictEqual(run!.extra, c.extra, "extra");
          else assertClose(run!.extra, c.extra, "extra", 1e-6, 1e-6);
        }
      }
      assert.deepStrictEqual(warnings, c.warnings, "UserWarnings");
    });
  }
});
