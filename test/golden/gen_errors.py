#!/usr/bin/python3
"""Golden fixtures for error messages: writes test/golden/fixtures/errors.json.

Oracle: Debian's python3-torch 1.13 (CPU).  Run from anywhere:

    /usr/bin/python3 test/golden/gen_errors.py      (or: npm run golden)

If the interpreter on PATH has no torch, the script re-executes itself with /usr/bin/python3.
Nothing here is random; the output is deterministic.

Each case is defined by Python source that is exec()'d as written (so "python" is exactly
what raised), and recorded as
    { "case":    unique id (the TypeScript test has one lambda per id),
      "python":  the statement(s),
      "raises":  true | false,
      "type":    exception class name, e.g. "RuntimeError", "IndexError", "ValueError", "TypeError"
                 (null when nothing is raised),
      "message": str(e) (null when nothing is raised),
      "result"?: when nothing is raised, the value of the variable `result` set by the code
                 (e.g. a repr or a list), to show what PyTorch does instead,
      "note"?:   remarks }
Only str(e) is recorded: no warnings, no traceback.
"""
import warnings

# first: it imports torch (re-executing under /usr/bin/python3 when this python lacks it)
from golden_common import dumps, fixture_path, torch, write_fixture
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
warnings.simplefilter("ignore")

OUT = fixture_path("errors.json")

cases = []


def err(case, python, note=None):
    assert all(c["case"] != case for c in cases), case
    env = {"torch": torch, "nn": nn, "F": F}
    rec = {"case": case, "python": python}
    try:
        exec(python, env)
        rec.update({"raises": False, "type": None, "message": None, "result": env.get("result")})
    except Exception as e:  # noqa: BLE001 - recording whatever PyTorch raises
        rec.update({"raises": True, "type": type(e).__name__, "message": str(e)})
    if note:
        rec["note"] = note
    cases.append(rec)


# ----------------------------------------------------------------------------- matmul / broadcasting
err("mm_shape_mismatch", "torch.mm(torch.ones(1, 4), torch.ones(8, 1))")
err("matmul_2d_shape_mismatch", "torch.matmul(torch.ones(1, 4), torch.ones(8, 1))")
err("matmul_operator_shape_mismatch", "torch.ones(2, 3) @ torch.ones(2, 3)")
err("linear_input_mismatch", "nn.Linear(8, 1)(torch.ones(1, 4))",
    note="Linear computes x @ W.t(): the message shows W.t()'s shape 8x1")
err("linear_input_mismatch_batch", "nn.Linear(4, 8)(torch.ones(2, 3))")
err("matmul_1d_length_mismatch", "torch.matmul(torch.ones(3), torch.ones(4))")
err("matmul_2d_1d_mismatch", "torch.matmul(torch.ones(2, 3), torch.ones(4))")
err("matmul_0d", "torch.matmul(torch.tensor(1.0), torch.ones(3))")
err("mm_1d", "torch.mm(torch.ones(3), torch.ones(3, 2))")
err("matmul_batched_mismatch", "torch.matmul(torch.ones(2, 2, 3), torch.ones(2, 4, 5))")
err("add_not_broadcastable", "torch.ones(3) + torch.ones(4)")
err("mul_not_broadcastable_2d", "torch.ones(2, 3) * torch.ones(4, 3)")
err("add_not_broadcastable_trailing", "torch.add(torch.ones(2, 3), torch.ones(2))")

# ----------------------------------------------------------------------------- autograd
err("backward_non_scalar", "x = torch.ones(3, requires_grad=True)\n(x * 2).backward()")
err("backward_twice_freed_graph", "x = torch.ones(3, requires_grad=True)\ny = (x * x).sum()\ny.backward()\ny.backward()")
err("backward_twice_exp", "x = torch.ones(3, requires_grad=True)\ny = x.exp().sum()\ny.backward()\ny.backward()")
err("backward_twice_mul_scalar", "x = torch.ones(3, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\ny.backward()",
    note="raises: x * 2 wraps 2 into a tensor that MulBackward0 saves")
err("backward_twice_no_saved_tensors",
    "x = torch.ones(3, requires_grad=True)\ny = (x + 1).sum()\ny.backward()\ny.backward()\nresult = x.grad.tolist()",
    note="NO error: add and sum save no tensors, so a second backward works and the grads accumulate")
err("backward_twice_sum_only",
    "x = torch.ones(3, requires_grad=True)\ny = x.sum()\ny.backward()\ny.backward()\nresult = x.grad.tolist()",
    note="NO error: SumBackward0 saves only the input's size")
err("backward_retain_graph",
    "x = torch.ones(3, requires_grad=True)\ny = (x * x).sum()\ny.backward(retain_graph=True)\ny.backward()\nresult = x.grad.tolist()")
err("backward_no_grad_tensor", "torch.ones(3).sum().backward()")
err("backward_under_no_grad", "x = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n    y = (x * 2).sum()\ny.backward()")
err("inplace_on_leaf", "x = torch.ones(3, requires_grad=True)\nx.add_(1)")
err("inplace_on_leaf_mul", "x = torch.ones(3, requires_grad=True)\nx.mul_(2)")
err("inplace_on_leaf_no_grad_ok", "x = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n    x.add_(1)\nresult = x.tolist()",
    note="in-place on a leaf inside torch.no_grad() is allowed")
err("requires_grad_int_tensor", "torch.tensor([1, 2, 3], requires_grad=True)")
err("requires_grad_int_tensor_method", "torch.tensor([1, 2, 3]).requires_grad_()")

# ----------------------------------------------------------------------------- scalars
err("item_multi_element", "torch.ones(2).item()")
err("item_multi_element_2d", "torch.ones(2, 3).item()")
err("item_empty", "torch.ones(0).item()")

# ----------------------------------------------------------------------------- dims out of range
err("sum_dim_out_of_range", "torch.ones(2, 3).sum(2)")
err("sum_dim_out_of_range_negative", "torch.ones(2, 3).sum(-3)")
err("mean_dim_out_of_range", "torch.ones(2, 3).mean(dim=5)")
err("max_dim_out_of_range", "torch.ones(2, 3).max(2)")
err("softmax_dim_out_of_range", "F.softmax(torch.ones(2, 3), dim=2)")
err("log_softmax_dim_out_of_range", "F.log_softmax(torch.ones(4), dim=1)")
err("unsqueeze_dim_out_of_range", "torch.ones(2, 3).unsqueeze(3)")
err("unsqueeze_dim_out_of_range_negative", "torch.ones(2, 3).unsqueeze(-4)")
err("transpose_dim_out_of_range", "torch.ones(2, 3).transpose(0, 2)")
err("squeeze_dim_out_of_range", "torch.ones(2, 3).squeeze(2)")
err("size_dim_out_of_range", "torch.ones(2, 3).size(2)")
err("cat_dim_out_of_range", "torch.cat([torch.ones(2, 3), torch.ones(2, 3)], dim=2)")
err("dim_on_0d", "torch.tensor(1.0).sum(1)")

# ----------------------------------------------------------------------------- shapes
err("view_incompatible_size", "torch.ones(2, 3).view(4, 2)")
err("view_non_contiguous", "torch.ones(2, 3).t().view(6)")
err("reshape_invalid", "torch.ones(2, 3).reshape(4, -1)")
err("reshape_wrong_numel", "torch.ones(2, 3).reshape(5)")
err("reshape_two_inferred", "torch.ones(2, 3).reshape(-1, -1)")
err("reshape_negative", "torch.ones(2, 3).reshape(-2, 3)")
err("cat_mismatched_shapes", "torch.cat([torch.ones(2, 3), torch.ones(2, 4)])")
err("cat_mismatched_shapes_dim1", "torch.cat([torch.ones(2, 3), torch.ones(3, 3)], dim=1)")
err("cat_mismatched_ndim", "torch.cat([torch.ones(2, 3), torch.ones(3)])")
err("cat_empty_list", "torch.cat([])")
err("stack_mismatched_shapes", "torch.stack([torch.ones(2), torch.ones(3)])")
err("zeros_negative_dim", "torch.zeros(-1)")

# ----------------------------------------------------------------------------- construction
err("tensor_ragged", "torch.tensor([[1, 2], [3]])")
err("tensor_ragged_float", "torch.tensor([[1.0, 2.0], [3.0, 4.0, 5.0]])")
err("tensor_ragged_deep", "torch.tensor([[[1.0], [2.0]], [[3.0]]])")
err("tensor_string", "torch.tensor(['a'])")

# ----------------------------------------------------------------------------- modules / functionals
err("prelu_num_parameters_0_construct", "m = nn.PReLU(num_parameters=0)\nresult = [repr(m), list(m.weight.shape)]",
    note="constructing PReLU(0) does NOT raise; the weight is an empty tensor")
err("prelu_num_parameters_0_call", "nn.PReLU(num_parameters=0)(torch.ones(2, 3))")
err("prelu_channel_mismatch", "nn.PReLU(num_parameters=4)(torch.ones(2, 3))")
err("leaky_relu_string_slope_construct", "m = nn.LeakyReLU('a')\nresult = repr(m)",
    note="constructing LeakyReLU('a') does NOT raise; the repr shows negative_slope=a")
err("leaky_relu_string_slope_call", "nn.LeakyReLU('a')(torch.ones(3))",
    note="the error only appears when the module is called (argument parsing of the C++ op)")
err("leaky_relu_functional_string_slope", "F.leaky_relu(torch.ones(3), 'a')")
err("gelu_bad_approximate", "F.gelu(torch.ones(3), approximate='foo')")
err("gelu_bad_approximate_module", "nn.GELU(approximate='foo')(torch.ones(3))",
    note="nn.GELU('foo') constructs fine; the call raises")
err("softplus_beta_string", "F.softplus(torch.ones(3), beta='a')")
err("cross_entropy_target_out_of_bounds", "F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3]))")
err("cross_entropy_float_target_wrong_shape", "F.cross_entropy(torch.ones(2, 3), torch.ones(2))")
err("cross_entropy_batch_mismatch", "F.cross_entropy(torch.ones(2, 3), torch.tensor([0, 1, 2]))")
err("bce_input_out_of_range", "F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))")
err("mse_loss_broadcast_warning", "result = F.mse_loss(torch.ones(3), torch.ones(2, 3)).item()",
    note="different (broadcastable) sizes only warn (UserWarning), no error")
err("linear_call_with_int_tensor", "nn.Linear(3, 2)(torch.tensor([[1, 2, 3]]))")
err("optimizer_no_params", "torch.optim.SGD([], lr=0.1)")
err("optimizer_negative_lr", "torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=-0.1)")
err("adam_bad_beta", "torch.optim.Adam(nn.Linear(2, 2).parameters(), betas=(1.0, 0.999))")
err("sgd_nesterov_without_momentum", "torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1, nesterov=True)")

doc = {"generator": "test/golden/gen_errors.py", "torch_version": torch.__version__, "cases": cases}
write_fixture(OUT, dumps(doc))  # as before, no enc(): a non-finite float would make dumps() raise
print(f"wrote {OUT}: {len(cases)} cases ({sum(c['raises'] for c in cases)} raise)")
