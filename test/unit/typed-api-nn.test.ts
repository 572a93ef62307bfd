// nn, optim, torch.utils.data and torchvision called as their typed signatures allow (api/tables/):
// required parameters by name where PyTorch allows it, the deprecated size_average/reduce, loss
// weights, parameter groups without a top-level lr, and the calls the typings refuse
// (@ts-expect-error: each is a compile-time test too, since an unneeded one fails the build).
// Expected numbers and messages are PyTorch 1.13's.
import * as assert from "assert";
import { torch, nn, F, optim, torchvision } from "../../kernel/index";

const { data } = torch.utils;
const close = (got: number[], want: number[]) => got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-4, `${got} vs ${want}`));

/** Runs `f`, returning the UserWarnings it printed. */
function warnings(f: () => void): string[] {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (message: unknown) => { seen.push(String(message)); };
  try { f(); } finally { console.warn = warn; }
  return seen;
}

describe("typed API: nn, optim, data, vision", () => {
  it("required parameters may be named, as in Python", () => {
    assert.strictEqual(String(new nn.Linear({ in_features: 2, out_features: 3 })), "Linear(in_features=2, out_features=3, bias=True)");
    assert.strictEqual(String(new nn.MaxPool2d({ kernel_size: 2, stride: 1 })), "MaxPool2d(kernel_size=2, stride=1, padding=0, dilation=1, ceil_mode=False)");
    assert.strictEqual(String(new nn.Conv2d(1, 4, { kernel_size: 3 })), "Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1))");
    const x = torch.arange(16).float().view(1, 1, 4, 4);
    assert.deepStrictEqual(F.max_pool2d(x, { kernel_size: 2 }).view(-1).tolist(), [5, 7, 13, 15]);
    assert.deepStrictEqual(F.conv2d(x, { weight: torch.ones(1, 1, 4, 4) }).view(-1).tolist(), [120]);
    const [values, indices] = F.max_pool2d(x, 2, { return_indices: true });
    assert.deepStrictEqual([values.shape, indices.view(-1).tolist()], [[1, 1, 2, 2], [5, 7, 13, 15]]);
  });

  it("the deprecated size_average and reduce pick the reduction, with PyTorch's warning", () => {
    let loss = new nn.MSELoss();
    const said = warnings(() => { loss = new nn.MSELoss({ size_average: false }); });
    assert.deepStrictEqual(said, ["UserWarning: size_average and reduce args will be deprecated, please use reduction='sum' instead."]);
    assert.strictEqual(loss.reduction, "sum");
    assert.strictEqual(loss(torch.tensor([1, 2]), torch.tensor([0, 0])).item(), 5);
    let none = torch.zeros(0);
    assert.deepStrictEqual(warnings(() => { none = F.l1_loss(torch.tensor([1, 2]), torch.tensor([0, 0]), { reduce: false }); }),
      ["UserWarning: size_average and reduce args will be deprecated, please use reduction='none' instead."]);
    assert.deepStrictEqual(none.tolist(), [1, 2]);
  });

  it("loss weights weigh each element before the reduction (F and modules)", () => {
    const w = torch.tensor([1, 2, 3]), t = torch.tensor([0, 1, 1]);
    const x = torch.tensor([0.2, 0.7, 0.9], { requires_grad: true });
    const bce = F.binary_cross_entropy(x, t, w);
    bce.backward();
    assert.strictEqual(bce.grad_fn!.name(), "BinaryCrossEntropyBackward0");
    close([bce.item(), ...x.grad!.tolist() as number[]], [0.4175, 0.4167, -0.9524, -1.1111]);
    const z = torch.tensor([0.5, -1.0, 2.0], { requires_grad: true });
    const logits = new nn.BCEWithLogitsLoss({ weight: w })(z, t);
    logits.backward();
    assert.strictEqual(logits.grad_fn!.name(), "BinaryCrossEntropyWithLogitsBackward0");
    close([logits.item(), ...z.grad!.tolist() as number[]], [1.3271, 0.2075, -0.4874, -0.1192]);
    const logp = torch.tensor([[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]]).log();
    close([new nn.NLLLoss(torch.tensor([1, 3, 1]))(logp, torch.tensor([0, 1], { dtype: torch.int64 })).item()], [0.5564]);
  });

  it("SGD: lr may come from every parameter group instead; a group without one is PyTorch's error", () => {
    const p = torch.zeros(1, { requires_grad: true });
    assert.strictEqual(new optim.SGD([{ params: [p], lr: 0.5 }]).param_groups[0].lr, 0.5);
    assert.strictEqual(new optim.SGD([p], { lr: 0.1, momentum: 0.9 }).param_groups[0].momentum, 0.9);
    assert.throws(() => new optim.SGD([{ params: [p] }]), { name: "ValueError", message: "parameter group didn't specify a value of required optimization parameter lr" });
    // @ts-expect-error lr is required with plain parameters (PyTorch's message comes from the group)
    assert.throws(() => new optim.SGD([p]), { name: "ValueError", message: "parameter group didn't specify a value of required optimization parameter lr" });
    // @ts-expect-error maximize is keyword-only (PyTorch's *): positionally it is one argument too many
    assert.throws(() => new optim.SGD([p], 0.1, 0, 0, 0, false, true), { name: "TypeError", message: "SGD.__init__() takes from 2 to 7 positional arguments but 8 were given" });
  });

  it("containers: modules by position, array or name; anything else is PyTorch's TypeError", () => {
    const relu = new nn.ReLU(), tanh = new nn.Tanh();
    assert.deepStrictEqual([...new nn.Sequential([relu, tanh]).named_children()].map(([k]) => k), ["0", "1"]);
    assert.deepStrictEqual([...new nn.Sequential({ a: relu, b: tanh }).named_children()].map(([k]) => k), ["a", "b"]);
    // @ts-expect-error a number is not a module
    assert.throws(() => new nn.Sequential(relu, 3), { name: "TypeError", message: "int is not a Module subclass" });
    assert.deepStrictEqual([...new nn.ModuleDict({ a: relu }).named_children()].map(([k]) => k), ["a"]);
    assert.deepStrictEqual([...new nn.ModuleDict({ modules: { b: tanh } }).named_children()].map(([k]) => k), ["b"]);
    assert.strictEqual(new nn.ModuleList(null).length, 0);
    assert.strictEqual(new nn.ModuleList({ modules: [relu, tanh] }).length, 2);
  });

  it("nn.Parameter, TensorDataset, random_split, Normalize and make_grid bind by name", () => {
    const frozen = new nn.Parameter(torch.ones(2), { requires_grad: false });
    assert.strictEqual(String(frozen), "Parameter containing:\ntensor([1., 1.])");
    // @ts-expect-error data must be a tensor
    assert.throws(() => new nn.Parameter([1, 2]), { name: "TypeError", message: "Parameter.__new__(): argument 'data' (position 1) must be Tensor, not list" });
    const ds = new data.TensorDataset([torch.arange(3), torch.arange(3).mul(2)]);
    assert.deepStrictEqual(ds.getitem(2).map((t) => t.item()), [2, 4]);
    const [a, b] = data.random_split([1, 2, 3, 4, 5], { lengths: [3, 2], generator: new torch.Generator().manual_seed(0) });
    assert.deepStrictEqual([[...a], [...b]], [[5, 1, 2], [4, 3]]);
    assert.strictEqual(String(new torchvision.transforms.Normalize({ mean: 0.5, std: 0.25 })), "Normalize(mean=(0.5,), std=(0.25,))");
    assert.deepStrictEqual(torchvision.utils.make_grid(torch.zeros(3, 1, 2, 2), { nrow: 3, padding: 1 }).shape, [3, 4, 10]);
  });

  it("Module.to takes a dtype, a device, a tensor or them by name", () => {
    const fc = new nn.Linear(2, 1);
    assert.strictEqual(fc.to(torch.float64).weight.dtype, torch.float64);
    assert.strictEqual(fc.to({ dtype: torch.float32 }).weight.dtype, torch.float32);
    assert.strictEqual(fc.to("cpu", torch.float64).weight.dtype, torch.float64);
    assert.strictEqual(fc.to(torch.zeros(1)).bias!.dtype, torch.float32);
  });

  it("the typings refuse what PyTorch refuses", () => {
    // @ts-expect-error Dropout's p is a number
    assert.throws(() => new nn.Dropout("0.5"), { name: "TypeError", message: "'<' not supported between instances of 'str' and 'int'" });
    // @ts-expect-error F.mse_loss has no `weight`
    assert.throws(() => F.mse_loss(torch.zeros(1), torch.zeros(1), { weight: torch.ones(1) }), { name: "TypeError", message: "mse_loss() got an unexpected keyword argument 'weight'" });
    // @ts-expect-error F.layer_norm's normalized_shape is a list, not an int (PyTorch's TypeError)
    assert.throws(() => F.layer_norm(torch.zeros(2, 3), 3), { name: "TypeError", message: "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int" });
    // @ts-expect-error reduction is one of three words
    assert.throws(() => new nn.L1Loss({ reduction: "average" })(torch.zeros(1), torch.zeros(1)), { name: "ValueError", message: "average is not a valid value for reduction" });
  });
});
