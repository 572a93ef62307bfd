import * as assert from "assert";
import * as util from "util";
import { torch, nn, F } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";

class TwoLayer extends nn.Module {
  fc1 = new nn.Linear(3, 4);
  act = new nn.ReLU();
  fc2 = new nn.Linear(4, 2);
  override forward(x: Tensor): Tensor { return this.fc2(this.act(this.fc1(x))); }
}

/** Registers in the constructor body, like the seed's SimpleNN, and uses `name`/`length` freely. */
class Assigned extends nn.Module {
  declare lin: nn.Linear;
  override name = "mine";
  override length = 3;
  constructor() { super(); this.lin = new nn.Linear(2, 1); }
  override forward(x: Tensor): Tensor { return this.lin(x); }
}

describe("nn.Module", () => {
  it("instances are callable and run forward", () => {
    torch.manual_seed(0);
    const m = new TwoLayer();
    const x = torch.randn(5, 3);
    assert.deepStrictEqual(m(x).tolist(), m.forward(x).tolist());
    assert.deepStrictEqual(m(x).shape, [5, 2]);
  });

  it("subclasses may use attributes called name and length", () => {
    const m = new Assigned();
    assert.strictEqual(m.name, "mine");
    assert.strictEqual(m.length, 3);
    assert.deepStrictEqual(m(torch.ones(1, 2)).shape, [1, 1]);
  });

  it("finds parameters and children in assignment order, with dotted names", () => {
    const m = new TwoLayer();
    assert.deepStrictEqual([...m.named_parameters()].map(([n]) => n), ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]);
    assert.deepStrictEqual([...m.named_children()].map(([n]) => n), ["fc1", "act", "fc2"]);
    assert.strictEqual([...m.parameters()].length, 4);
  });

  it("Sequential names children 0, 1, ... and prints like PyTorch", () => {
    const s = new nn.Sequential(new nn.Linear(2, 3), new nn.Tanh());
    assert.strictEqual(String(s), "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): Tanh()\n)");
    assert.deepStrictEqual([...s.state_dict().keys()], ["0.weight", "0.bias"]);
  });

  it("train() and eval() reach every submodule, and eval turns Dropout off", () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.Dropout(0.5));
    m.eval();
    assert.ok([...m.modules()].every((c) => !c.training));
    const x = torch.ones(4, 2);
    assert.deepStrictEqual(m(x).tolist(), m(x).tolist());
    m.train();
    assert.ok([...m.modules()].every((c) => c.training));
  });

  it("forward hooks see input and output, can replace the output, and can be removed", () => {
    const relu = new nn.ReLU();
    const seen: number[][] = [];
    const h = relu.register_forward_hook((_m, input, output) => { seen.push((input[0] as Tensor).tolist(), (output as Tensor).tolist()); });
    relu(torch.tensor([-1, 2]));
    assert.deepStrictEqual(seen, [[-1, 2], [0, 2]]);
    h.remove();
    relu(torch.tensor([3]));
    assert.strictEqual(seen.length, 2);
    const h2 = relu.register_forward_hook(() => torch.tensor([7]));
    assert.deepStrictEqual(relu(torch.tensor([1])).tolist(), [7]);
    h2.remove();
  });

  it("state_dict round-trips through load_state_dict, and mismatches are reported as PyTorch does", () => {
    torch.manual_seed(1);
    const a = new TwoLayer();
    torch.manual_seed(2);
    const b = new TwoLayer();
    b.load_state_dict(a.state_dict());
    const x = torch.randn(2, 3);
    assert.deepStrictEqual(b(x).tolist(), a(x).tolist());
    const bad = new Map([["fc1.weight", torch.zeros(1, 1)]]);
    assert.throws(() => b.load_state_dict(bad), /Missing key\(s\) in state_dict: "fc1.bias"[\s\S]*size mismatch for fc1.weight: copying a param with shape torch.Size\(\[1, 1\]\) from checkpoint, the shape in current model is torch.Size\(\[4, 3\]\)/);
  });

  it("zero_grad zeroes every parameter's gradient", () => {
    const m = new TwoLayer();
    m(torch.ones(2, 3)).sum().backward();
    assert.ok([...m.parameters()].every((p) => p.grad !== null));
    m.zero_grad();
    assert.ok([...m.parameters()].every((p) => p.grad!.abs().sum().item() === 0));
  });

  it("parameters print as PyTorch prints them", () => {
    const p = new nn.Parameter(torch.tensor([1, 2]));
    assert.strictEqual(String(p), "Parameter containing:\ntensor([1., 2.], requires_grad=True)");
  });

  it("console.log and util.inspect print tensors and modules as PyTorch does", () => {
    const y = F.relu(torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true }));
    assert.strictEqual(util.inspect(y), "tensor([[0., 0., 2., 0.]], grad_fn=<ReluBackward0>)");
    assert.strictEqual(util.format("%s", y), "tensor([[0., 0., 2., 0.]], grad_fn=<ReluBackward0>)");
    assert.strictEqual(util.inspect(new nn.LeakyReLU(0.2)), "LeakyReLU(negative_slope=0.2)");
    assert.strictEqual(util.inspect(torch.float32), "torch.float32");
  });
});
