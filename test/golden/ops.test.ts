// Core tensor ops vs PyTorch 1.13: forward values, dtypes, grad_fn names and gradients,
// tensor creation and plain values, from test/golden/fixtures/ops.json
// (written by test/golden/gen_ops.py; see that file for the fixture format).
//
// Each fixture case carries the Python expression that produced it; OPS below holds its
// TypeScript translation. JavaScript has no operator overloading, so `a + b` is a.add(b),
// `a ** 2` is a.pow(2), `2 - a` is torch.rsub(a, 2) (what Python's __rsub__ calls) and
// `2 / a` is a.reciprocal().mul(2) (what Python's __rtruediv__ computes). Python keyword
// arguments become the trailing options object; positional arguments stay positional.
import * as assert from "assert";
import { torch } from "../../kernel/index";
import { loadFixture, assertClose } from "./fixtures";

type Tensor = ReturnType<typeof torch.tensor>;
type Inputs = Record<string, Tensor>;
type MaxMin = { values: Tensor; indices: Tensor };
type Result = Tensor | MaxMin;

interface InputDesc { shape: number[]; dtype: string; data: any; requires_grad: boolean }
interface OutputDesc { shape: number[]; dtype: string; data: any; requires_grad: boolean }
interface GradDesc { shape: number[]; data: any }
interface OpCase {
  name: string;
  python: string;
  inputs: Record<string, InputDesc>;
  output: OutputDesc | { values: OutputDesc; indices: OutputDesc };
  grad_fn: string | null;
  grad_output: GradDesc | null;
  grads: Record<string, GradDesc | null>;
  index?: unknown[];
  note?: string;
}
interface CreationCase { name: string; python: string; shape: number[]; dtype: string; data: any; note?: string }
interface ValueCase { name: string; python: string; inputs: Record<string, InputDesc>; expected: unknown; note?: string }

const fixture = loadFixture("ops") as { cases: OpCase[]; creation: CreationCase[]; values: ValueCase[] };

/** Fixture case name -> TypeScript translation. */
const OPS: Record<string, (i: Inputs) => Result> = {
  // arithmetic
  add: ({ a, b }) => a.add(b),
  add_broadcast_3x1_1x4: ({ a, b }) => a.add(b),
  add_broadcast_2x3_3: ({ a, b }) => torch.add(a, b),
  add_scalar: ({ a }) => a.add(2.5),
  add_scalar_reversed: ({ a }) => a.add(2.5), // 2.5 + a is a.__radd__(2.5)
  add_alpha: ({ a, b }) => torch.add(a, b, { alpha: 2 }),
  sub: ({ a, b }) => a.sub(b),
  sub_broadcast_3x1_1x4: ({ a, b }) => torch.sub(a, b),
  sub_scalar: ({ a }) => a.sub(2),
  rsub_scalar: ({ a }) => torch.rsub(a, 2),
  mul: ({ a, b }) => a.mul(b),
  mul_broadcast_3x1_1x4: ({ a, b }) => torch.mul(a, b),
  mul_broadcast_2x3_3: ({ a, b }) => a.mul(b),
  mul_scalar: ({ a }) => a.mul(2),
  mul_scalar_reversed: ({ a }) => a.mul(2), // 2 * a is a.__rmul__(2)
  div: ({ a, b }) => a.div(b),
  div_broadcast_3x1_1x4: ({ a, b }) => torch.div(a, b),
  div_broadcast_2x3_3: ({ a, b }) => a.div(b),
  div_scalar: ({ a }) => a.div(2),
  rdiv_scalar: ({ a }) => a.reciprocal().mul(2),
  div_by_zero: ({ a, b }) => a.div(b),
  neg: ({ a }) => a.neg(),
  add_int_tensors: ({ a, b }) => a.add(b),
  // matmul
  mm: ({ a, b }) => torch.mm(a, b),
  mm_method: ({ a, b }) => a.mm(b),
  matmul_2d_2d: ({ a, b }) => torch.matmul(a, b),
  matmul_operator: ({ a, b }) => a.matmul(b),
  matmul_1d_2d: ({ a, b }) => torch.matmul(a, b),
  matmul_2d_1d: ({ a, b }) => torch.matmul(a, b),
  matmul_1d_1d: ({ a, b }) => torch.matmul(a, b),
  matmul_3d_3d: ({ a, b }) => torch.matmul(a, b),
  matmul_3d_2d: ({ a, b }) => a.matmul(b),
  matmul_3d_broadcast_batch: ({ a, b }) => torch.matmul(a, b),
  // shapes
  t: ({ a }) => a.t(),
  transpose: ({ a }) => a.transpose(0, 2),
  transpose_negative_dims: ({ a }) => a.transpose(-1, -2),
  reshape: ({ a }) => a.reshape(3, 4),
  reshape_infer: ({ a }) => a.reshape(-1, 3),
  reshape_noncontiguous: ({ a }) => a.t().reshape(6),
  view: ({ a }) => a.view(3, 4),
  view_flat: ({ a }) => a.view(-1),
  unsqueeze_0: ({ a }) => a.unsqueeze(0),
  unsqueeze_last: ({ a }) => a.unsqueeze(-1),
  squeeze_all: ({ a }) => a.squeeze(),
  squeeze_dim: ({ a }) => a.squeeze(0),
  squeeze_dim_not_one: ({ a }) => a.squeeze(1),
  flatten: ({ a }) => a.flatten(),
  flatten_start_dim: ({ a }) => a.flatten(1),
  cat_dim0: ({ a, b }) => torch.cat([a, b]),
  cat_dim1: ({ a, b }) => torch.cat([a, b], { dim: 1 }),
  cat_three: ({ a, b, c }) => torch.cat([a, b, c], -1),
  stack_dim0: ({ a, b }) => torch.stack([a, b]),
  stack_dim1: ({ a, b }) => torch.stack([a, b], { dim: 1 }),
  stack_last: ({ a, b, c }) => torch.stack([a, b, c], -1),
  // indexing: Python's a[...] is a.index(...), slices as strings, None as null, ... as "..."
  index_int: ({ a }) => a.index(1),
  index_negative_int: ({ a }) => a.index(-1),
  index_two_ints: ({ a }) => a.index(1, 2),
  index_slice_dim1: ({ a }) => a.index(":", "1:3"),
  index_ellipsis_step: ({ a }) => a.index("...", "::2"),
  index_none: ({ a }) => a.index(":", null),
  // reductions
  sum_all: ({ a }) => a.sum(),
  sum_dim: ({ a }) => a.sum({ dim: 1 }),
  sum_dim_keepdim: ({ a }) => a.sum({ dim: 1, keepdim: true }),
  sum_dim_negative: ({ a }) => a.sum({ dim: -1 }),
  sum_dims: ({ a }) => a.sum({ dim: [0, 2] }),
  mean_all: ({ a }) => a.mean(),
  mean_dim: ({ a }) => a.mean({ dim: 0 }),
  mean_dim_keepdim: ({ a }) => a.mean({ dim: 1, keepdim: true }),
  max_all: ({ a }) => a.max(),
  max_all_ties: ({ a }) => a.max(),
  max_dim: ({ a }) => a.max(1),
  max_dim_keepdim: ({ a }) => a.max({ dim: 1, keepdim: true }),
  max_dim0: ({ a }) => a.max(0),
  max_dim_ties: ({ a }) => a.max(1),
  max_nan: ({ a }) => a.max(),
  max_dim_nan: ({ a }) => a.max(1),
  min_all: ({ a }) => a.min(),
  min_all_ties: ({ a }) => a.min(),
  min_dim: ({ a }) => a.min(1),
  min_dim_keepdim: ({ a }) => a.min({ dim: -1, keepdim: true }),
  min_dim_ties: ({ a }) => a.min(1),
  argmax_all: ({ a }) => a.argmax(),
  argmax_all_ties: ({ a }) => a.argmax(),
  argmax_dim: ({ a }) => a.argmax({ dim: 1 }),
  argmax_dim_keepdim: ({ a }) => a.argmax({ dim: 0, keepdim: true }),
  argmax_nan: ({ a }) => a.argmax(),
  argmin_all: ({ a }) => a.argmin(),
  argmin_dim_ties: ({ a }) => a.argmin({ dim: 1 }),
  // elementwise math
  exp: ({ a }) => a.exp(),
  exp_special: ({ a }) => torch.exp(a),
  log: ({ a }) => a.log(),
  log_special: ({ a }) => torch.log(a),
  sqrt: ({ a }) => a.sqrt(),
  sqrt_special: ({ a }) => torch.sqrt(a),
  pow_2: ({ a }) => a.pow(2),
  pow_2_method: ({ a }) => a.pow(2),
  pow_half: ({ a }) => a.pow(0.5),
  pow_zero: ({ a }) => a.pow(0),
  pow_negative: ({ a }) => a.pow(-1),
  pow_scalar_base: ({ a }) => torch.pow(2, a),
  pow_tensor_tensor: ({ a, b }) => a.pow(b),
  pow_tensor_tensor_zero_base: ({ a, b }) => torch.pow(a, b),
  abs: ({ a }) => a.abs(),
  abs_random: ({ a }) => torch.abs(a),
  clamp_min: ({ a }) => a.clamp({ min: 0 }),
  clamp_max: ({ a }) => a.clamp({ max: 0.5 }),
  clamp_both: ({ a }) => a.clamp({ min: -1, max: 1 }),
  clamp_function: ({ a }) => torch.clamp(a, -0.5, 0.5),
  where: ({ c, a, b }) => torch.where(c, a, b),
  where_broadcast: ({ c, a, b }) => torch.where(c, a, b),
  where_from_comparison: ({ a, b }) => torch.where(a.gt(0), a, b),
  // comparisons
  gt_tensor: ({ a, b }) => a.gt(b),
  gt_scalar: ({ a }) => torch.gt(a, 1),
  lt_tensor: ({ a, b }) => a.lt(b),
  lt_scalar: ({ a }) => torch.lt(a, 1),
  ge_tensor: ({ a, b }) => a.ge(b),
  ge_scalar: ({ a }) => torch.ge(a, 1),
  le_tensor: ({ a, b }) => a.le(b),
  le_scalar: ({ a }) => torch.le(a, 1),
  eq_tensor: ({ a, b }) => a.eq(b),
  eq_scalar: ({ a }) => torch.eq(a, 1),
  ne_tensor: ({ a, b }) => a.ne(b),
  ne_scalar: ({ a }) => torch.ne(a, 1),
  gt_operator_broadcast: ({ a, b }) => a.gt(b),
  lt_operator_broadcast: ({ a, b }) => a.lt(b),
  ge_operator_broadcast: ({ a, b }) => a.ge(b),
  le_operator_broadcast: ({ a, b }) => a.le(b),
  eq_operator_broadcast: ({ a, b }) => a.eq(b),
  ne_operator_broadcast: ({ a, b }) => a.ne(b),
};

/** Creation results. JS numbers cannot say "int", so PyTorch's int-by-literal cases pass dtype explicitly. */
const CREATION: Record<string, () => Tensor> = {
  arange_end: () => torch.arange(5),
  arange_start_end_step_int: () => torch.arange(2, 10, 3),
  arange_negative_step: () => torch.arange(5, 0, -2),
  arange_float_step: () => torch.arange(0, 1, 0.25),
  arange_float_start: () => torch.arange(1.5, 4),
  arange_float_step_inexact: () => torch.arange(0, 1, 0.1),
  arange_dtype: () => torch.arange(4, { dtype: torch.float32 }),
  linspace: () => torch.linspace(0, 1, 5),
  linspace_negative: () => torch.linspace(-1, 1, 4),
  linspace_inexact: () => torch.linspace(0, 1, 7),
  linspace_one: () => torch.linspace(3, 10, 1),
  linspace_int_args: () => torch.linspace(0, 10, 6),
  linspace_plot_401: () => torch.linspace(-5, 5, 401),
  linspace_plot_1201: () => torch.linspace(-6, 6, 1201),
  linspace_128: () => torch.linspace(-3, 3, 128),
  linspace_200: () => torch.linspace(-3, 3, 200),
  linspace_plot_x_range: () => torch.linspace(-4, 3, 401),
  linspace_uneven_2915: () => torch.linspace(-2.569, 8.966, 2915),
  linspace_uneven_52: () => torch.linspace(-8.314, 2.347, 52),
  linspace_tail_23: () => torch.linspace(-1.7, 6.736, 23),
  linspace_float64_1201: () => torch.linspace(-6, 6, 1201, { dtype: torch.float64 }),
  linspace_float64_uneven: () => torch.linspace(-2.569, 8.966, 2915, { dtype: torch.float64 }),
  linspace_float64_tail: () => torch.linspace(-1.7, 6.736, 27, { dtype: torch.float64 }),
  eye: () => torch.eye(3),
  eye_rect: () => torch.eye(2, 3),
  full_float: () => torch.full([2, 3], 7.5),
  full_float_integral: () => torch.full([2, 2], 7), // Python 7.0
  full_int: () => torch.full([2, 2], 7, { dtype: torch.int64 }), // Python's int literal 7 infers int64
  full_dtype: () => torch.full([3], 2, { dtype: torch.float32 }),
  zeros: () => torch.zeros(2, 3),
  zeros_list: () => torch.zeros([2, 2]),
  zeros_int64: () => torch.zeros(3, { dtype: torch.int64 }),
  ones: () => torch.ones(2, 3),
  ones_1d: () => torch.ones(4),
  ones_bool: () => torch.ones(2, { dtype: torch.bool }),
  zeros_0d: () => torch.zeros([]),
  tensor_float_list: () => torch.tensor([[1.5, -2.0], [0.0, 3.25]]),
  tensor_int_list: () => torch.tensor([1, 2, 3], { dtype: torch.int64 }), // Python ints infer int64
  tensor_bool_list: () => torch.tensor([true, false]),
  tensor_scalar: () => torch.tensor(2.5),
};

/** Plain values (numbers, lists, strings, booleans). */
const VALUES: Record<string, (i: Inputs) => unknown> = {
  item_1x1: ({ a }) => a.item(),
  item_0d: ({ a }) => a.item(),
  item_sum: ({ a }) => a.sum().item(),
  item_int: ({ a }) => a.item(),
  item_bool: ({ a }) => a.item(),
  item_float32_rounding: ({ a }) => a.item(),
  tolist_2d: ({ a }) => a.tolist(),
  tolist_0d: ({ a }) => a.tolist(),
  tolist_1d_int: ({ a }) => a.tolist(),
  tolist_bool: ({ a }) => a.tolist(),
  tolist_3d: ({ a }) => a.tolist(),
  numel: ({ a }) => a.numel(),
  numel_0d: ({ a }) => a.numel(),
  numel_empty: ({ a }) => a.numel(),
  size: ({ a }) => Array.from(a.size()),
  size_dim: ({ a }) => a.size(1),
  size_negative_dim: ({ a }) => a.size(-1),
  size_0d: ({ a }) => Array.from(a.size()),
  shape: ({ a }) => Array.from(a.shape),
  dim: ({ a }) => a.dim(),
  dtype_float32: ({ a }) => String(a.dtype),
  dtype_int64: ({ a }) => String(a.dtype),
  dtype_bool: ({ a }) => String(a.dtype),
  dtype_comparison: ({ a }) => String(a.gt(0).dtype),
  dtype_argmax: ({ a }) => String(a.argmax().dtype),
  requires_grad_of_sum: ({ a }) => a.mul(2).sum().requires_grad,
  requires_grad_under_no_grad: ({ a }) => torch.no_grad(() => a.mul(2)).requires_grad,
  is_leaf: ({ a }) => [a.is_leaf, a.mul(2).is_leaf],
  grad_fn_of_leaf: ({ a }) => a.grad_fn == null,
};

function dtypeOf(name: string): any {
  const d = (torch as unknown as Record<string, unknown>)[name.replace(/^torch\./, "")];
  assert.ok(d, `torch has no dtype ${name}`);
  return d;
}

function makeInputs(descs: Record<string, InputDesc>): Inputs {
  const out: Inputs = {};
  for (const [k, d] of Object.entries(descs)) {
    out[k] = d.requires_grad
      ? torch.tensor(d.data, { dtype: dtypeOf(d.dtype), requires_grad: true })
      : torch.tensor(d.data, { dtype: dtypeOf(d.dtype) });
  }
  return out;
}

function isFloat(dtype: string): boolean {
  return dtype === "torch.float32" || dtype === "torch.float64";
}

/** Shape, dtype, requires_grad and values; floats within rtol=atol=1e-6, ints and bools exactly. */
function checkTensor(t: Tensor, d: OutputDesc, what: string): void {
  assert.deepStrictEqual(Array.from(t.shape), d.shape, `${what} shape`);
  assert.strictEqual(String(t.dtype), d.dtype, `${what} dtype`);
  if (d.requires_grad !== undefined) assert.strictEqual(t.requires_grad, d.requires_grad, `${what} requires_grad`);
  if (isFloat(d.dtype)) assertClose(t.tolist(), d.data, `${what} values`);
  else assert.deepStrictEqual(t.tolist(), d.data, `${what} values`);
}

function isMaxMin(r: Result): r is MaxMin {
  return !(r as { shape?: unknown }).shape && "values" in r && "indices" in r;
}

describe("golden: ops (PyTorch 1.13)", () => {
  it("every fixture case has a TypeScript translation", () => {
    const missing = fixture.cases.filter((c) => !(c.name in OPS)).map((c) => c.name);
    assert.deepStrictEqual(missing, []);
    assert.deepStrictEqual(fixture.creation.filter((c) => !(c.name in CREATION)).map((c) => c.name), []);
    assert.deepStrictEqual(fixture.values.filter((c) => !(c.name in VALUES)).map((c) => c.name), []);
  });

  describe("forward, grad_fn and backward", () => {
    for (const c of fixture.cases) {
      const op = OPS[c.name];
      const title = `${c.name}: ${c.python}${c.note ? ` (${c.note})` : ""}`;
      it(title, () => {
        const inputs = makeInputs(c.inputs);
        const result = op(inputs);
        let target: Tensor;
        if ("values" in c.output) {
          assert.ok(isMaxMin(result), "expected a (values, indices) result");
          checkTensor(result.values, c.output.values, "values");
          checkTensor(result.indices, c.output.indices, "indices");
          // also iterable as [values, indices], like torch.return_types.max
          const [v, i] = result as unknown as Iterable<Tensor>;
          assert.strictEqual(v, result.values, "result[0] is values");
          assert.strictEqual(i, result.indices, "result[1] is indices");
          target = result.values;
        } else {
          target = result as Tensor;
          checkTensor(target, c.output, "output");
        }
        assert.strictEqual(target.grad_fn ? target.grad_fn.name() : null, c.grad_fn, "grad_fn name");

        if (c.grad_output === null) return;
        target.backward(torch.tensor(c.grad_output.data));
        for (const [k, g] of Object.entries(c.grads)) {
          const t = inputs[k];
          if (g === null) {
            assert.ok(t.grad == null, `${k}.grad should be None`);
            continue;
          }
          assert.ok(t.grad, `${k}.grad is missing`);
          assert.deepStrictEqual(Array.from(t.grad!.shape), g.shape, `${k}.grad shape`);
          // Gradients through broadcasting and reductions are float32 sums: within rtol=atol=1e-6.
          assertClose(t.grad!.tolist(), g.data, `${k}.grad`);
        }
      });
    }
  });

  describe("creation", () => {
    for (const c of fixture.creation) {
      it(`${c.name}: ${c.python} -> ${c.dtype} ${JSON.stringify(c.shape)}`, () => {
        const t = CREATION[c.name]();
        checkTensor(t, { ...c, requires_grad: false }, c.name);
        // a factory's numbers are PyTorch's to the last bit (the plots' x grids are linspaces)
        assert.deepStrictEqual(t.tolist(), c.data, `${c.name}: every value bit for bit`);
      });
    }
  });

  describe("plain values", () => {
    for (const c of fixture.values) {
      it(`${c.name}: ${c.python}`, () => {
        const inputs = makeInputs(c.inputs);
        assert.deepStrictEqual(VALUES[c.name](inputs), c.expected);
      });
    }
  });
});
