// Error messages vs PyTorch 1.13, from test/golden/fixtures/errors.json
// (written by test/golden/gen_errors.py; see that file for the fixture format).
//
// Each fixture case carries the Python source; CASES holds its TypeScript translation. For a case
// that raises, the engine must throw an Error whose message is exactly PyTorch's str(e) (the
// Python exception class is in the fixture's "type" and in the test title). For a case that does
// not raise, the translation returns the fixture's `result` value.
import * as assert from "assert";
import { torch, nn, F } from "../../kernel/index";
import { loadFixture } from "./fixtures";

interface ErrorCase {
  case: string;
  python: string;
  raises: boolean;
  type: string | null;
  message: string | null;
  result?: unknown;
  note?: string;
}

const fixture = loadFixture("errors") as { cases: ErrorCase[] };

const grad = { requires_grad: true };
const long = () => ({ dtype: torch.int64 });

const CASES: Record<string, () => unknown> = {
  // matmul / broadcasting
  mm_shape_mismatch: () => torch.mm(torch.ones(1, 4), torch.ones(8, 1)),
  matmul_2d_shape_mismatch: () => torch.matmul(torch.ones(1, 4), torch.ones(8, 1)),
  matmul_operator_shape_mismatch: () => torch.ones(2, 3).matmul(torch.ones(2, 3)),
  linear_input_mismatch: () => new nn.Linear(8, 1)(torch.ones(1, 4)),
  linear_input_mismatch_batch: () => new nn.Linear(4, 8)(torch.ones(2, 3)),
  matmul_1d_length_mismatch: () => torch.matmul(torch.ones(3), torch.ones(4)),
  matmul_2d_1d_mismatch: () => torch.matmul(torch.ones(2, 3), torch.ones(4)),
  matmul_0d: () => torch.matmul(torch.tensor(1.0), torch.ones(3)),
  mm_1d: () => torch.mm(torch.ones(3), torch.ones(3, 2)),
  matmul_batched_mismatch: () => torch.matmul(torch.ones(2, 2, 3), torch.ones(2, 4, 5)),
  add_not_broadcastable: () => torch.ones(3).add(torch.ones(4)),
  mul_not_broadcastable_2d: () => torch.ones(2, 3).mul(torch.ones(4, 3)),
  add_not_broadcastable_trailing: () => torch.add(torch.ones(2, 3), torch.ones(2)),

  // autograd
  backward_non_scalar: () => {
    const x = torch.ones(3, grad);
    x.mul(2).backward();
  },
  backward_twice_freed_graph: () => {
    const x = torch.ones(3, grad);
    const y = x.mul(x).sum();
    y.backward();
    y.backward();
  },
  backward_twice_exp: () => {
    const x = torch.ones(3, grad);
    const y = x.exp().sum();
    y.backward();
    y.backward();
  },
  backward_twice_mul_scalar: () => {
    const x = torch.ones(3, grad);
    const y = x.mul(2).sum();
    y.backward();
    y.backward();
  },
  backward_twice_no_saved_tensors: () => {
    const x = torch.ones(3, grad);
    const y = x.add(1).sum();
    y.backward();
    y.backward();
    return x.grad!.tolist();
  },
  backward_twice_sum_only: () => {
    const x = torch.ones(3, grad);
    const y = x.sum();
    y.backward();
    y.backward();
    return x.grad!.tolist();
  },
  backward_retain_graph: () => {
    const x = torch.ones(3, grad);
    const y = x.mul(x).sum();
    y.backward(null, { retain_graph: true });
    y.backward();
    return x.grad!.tolist();
  },
  backward_no_grad_tensor: () => torch.ones(3).sum().backward(),
  backward_under_no_grad: () => {
    const x = torch.ones(3, grad);
    const y = torch.no_grad(() => x.mul(2).sum());
    y.backward();
  },
  inplace_on_leaf: () => torch.ones(3, grad).add_(1),
  inplace_on_leaf_mul: () => torch.ones(3, grad).mul_(2),
  inplace_on_leaf_no_grad_ok: () => {
    const x = torch.ones(3, grad);
    torch.no_grad(() => { x.add_(1); });
    return x.tolist();
  },
  requires_grad_int_tensor: () => torch.tensor([1, 2, 3], { dtype: torch.int64, requires_grad: true }),
  requires_grad_int_tensor_method: () => torch.tensor([1, 2, 3], long()).requires_grad_(),

  // scalars
  item_multi_element: () => torch.ones(2).item(),
  item_multi_element_2d: () => torch.ones(2, 3).item(),
  item_empty: () => torch.ones(0).item(),

  // dims out of range
  sum_dim_out_of_range: () => torch.ones(2, 3).sum(2),
  sum_dim_out_of_range_negative: () => torch.ones(2, 3).sum(-3),
  mean_dim_out_of_range: () => torch.ones(2, 3).mean({ dim: 5 }),
  max_dim_out_of_range: () => torch.ones(2, 3).max(2),
  softmax_dim_out_of_range: () => F.softmax(torch.ones(2, 3), { dim: 2 }),
  log_softmax_dim_out_of_range: () => F.log_softmax(torch.ones(4), { dim: 1 }),
  unsqueeze_dim_out_of_range: () => torch.ones(2, 3).unsqueeze(3),
  unsqueeze_dim_out_of_range_negative: () => torch.ones(2, 3).unsqueeze(-4),
  transpose_dim_out_of_range: () => torch.ones(2, 3).transpose(0, 2),
  squeeze_dim_out_of_range: () => torch.ones(2, 3).squeeze(2),
  size_dim_out_of_range: () => torch.ones(2, 3).size(2),
  cat_dim_out_of_range: () => torch.cat([torch.ones(2, 3), torch.ones(2, 3)], { dim: 2 }),
  dim_on_0d: () => torch.tensor(1.0).sum(1),

  // shapes
  view_incompatible_size: () => torch.ones(2, 3).view(4, 2),
  view_non_contiguous: () => torch.ones(2, 3).t().view(6),
  reshape_invalid: () => torch.ones(2, 3).reshape(4, -1),
  reshape_wrong_numel: () => torch.ones(2, 3).reshape(5),
  reshape_two_inferred: () => torch.ones(2, 3).reshape(-1, -1),
  reshape_negative: () => torch.ones(2, 3).reshape(-2, 3),
  cat_mismatched_shapes: () => torch.cat([torch.ones(2, 3), torch.ones(2, 4)]),
  cat_mismatched_shapes_dim1: () => torch.cat([torch.ones(2, 3), torch.ones(3, 3)], { dim: 1 }),
  cat_mismatched_ndim: () => torch.cat([torch.ones(2, 3), torch.ones(3)]),
  cat_empty_list: () => torch.cat([]),
  stack_mismatched_shapes: () => torch.stack([torch.ones(2), torch.ones(3)]),
  zeros_negative_dim: () => torch.zeros(-1),

  // construction (JS has no int literals: Python's [[1, 2], [3]] is spelled with dtype int64)
  tensor_ragged: () => torch.tensor([[1, 2], [3]], long()),
  tensor_ragged_float: () => torch.tensor([[1.0, 2.0], [3.0, 4.0, 5.0]]),
  tensor_ragged_deep: () => torch.tensor([[[1.0], [2.0]], [[3.0]]]),
  tensor_string: () => torch.tensor(["a"] as any),

  // modules / functionals
  prelu_num_parameters_0_construct: () => {
    const m = new nn.PReLU({ num_parameters: 0 });
    return [String(m), Array.from(m.weight.shape)];
  },
  prelu_num_parameters_0_call: () => new nn.PReLU({ num_parameters: 0 })(torch.ones(2, 3)),
  prelu_channel_mismatch: () => new nn.PReLU({ num_parameters: 4 })(torch.ones(2, 3)),
  leaky_relu_string_slope_construct: () => String(new nn.LeakyReLU("a" as any)),
  leaky_relu_string_slope_call: () => new nn.LeakyReLU("a" as any)(torch.ones(3)),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  leaky_relu_functional_string_slope: () => F.leaky_relu(torch.ones(3), "a"),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  gelu_bad_approximate: () => F.gelu(torch.ones(3), { approximate: "foo" }),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  gelu_bad_approximate_module: () => new nn.GELU({ approximate: "foo" })(torch.ones(3)),
  // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
  softplus_beta_string: () => F.softplus(torch.ones(3), { beta: "a" }),
  cross_entropy_target_out_of_bounds: () => F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3], long())),
  cross_entropy_float_target_wrong_shape: () => F.cross_entropy(torch.ones(2, 3), torch.ones(2)),
  cross_entropy_batch_mismatch: () => F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 1, 2], long())),
  bce_input_out_of_range: () => F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0])),
  mse_loss_broadcast_warning: () => F.mse_loss(torch.ones(3), torch.ones(2, 3)).item(),
  linear_call_with_int_tensor: () => new nn.Linear(3, 2)(torch.tensor([[1, 2, 3]], long())),
  optimizer_no_params: () => new torch.optim.SGD([], { lr: 0.1 }),
  optimizer_negative_lr: () => new torch.optim.SGD(new nn.Linear(2, 2).parameters(), { lr: -0.1 }),
  adam_bad_beta: () => new torch.optim.Adam(new nn.Linear(2, 2).parameters(), { betas: [1.0, 0.999] }),
  sgd_nesterov_without_momentum: () => new torch.optim.SGD(new nn.Linear(2, 2).parameters(), { lr: 0.1, nesterov: true }),
};

describe("golden: error messages (PyTorch 1.13)", () => {
  it("every fixture case has a TypeScript translation", () => {
    assert.deepStrictEqual(fixture.cases.filter((c) => !(c.case in CASES)).map((c) => c.case), []);
  });

  for (const c of fixture.cases) {
    const run = CASES[c.case];
    if (c.raises) {
      it(`${c.case}: ${c.python.replace(/\n/g, "; ")} raises ${c.type}: ${c.message}`, () => {
        assert.throws(run, (e: Error) => {
          assert.strictEqual(e.message, c.message);
          return true;
        });
      });
    } else {
      it(`${c.case}: ${c.python.replace(/\n/g, "; ")} does not raise${c.note ? ` (${c.note})` : ""}`, () => {
        const result = run();
        if (c.result !== null && c.result !== undefined) assert.deepStrictEqual(result, c.result);
      });
    }
  }
});
