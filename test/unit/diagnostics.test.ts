import * as assert from "assert";
import { torch, nn, diagnostics } from "../../kernel/index";

describe("diagnostics", () => {
  it("finds dead ReLU units per layer", () => {
    const lin = new nn.Linear(2, 4);
    torch.no_grad(() => {
      lin.weight.copy_(torch.tensor([[1, 0], [0, 1], [0, 0], [0, 0]]));
      lin.bias!.copy_(torch.tensor([0, 0, -1, 1]));
    });
    const model = new nn.Sequential(lin, new nn.ReLU());
    const report = diagnostics.layer_activity(model, torch.tensor([[1, -1], [2, -3]]));
    assert.strictEqual(report.length, 1);
    assert.strictEqual(report[0].layer, "1");
    assert.strictEqual(report[0].kind, "ReLU");
    assert.strictEqual(report[0].units, 4);
    // unit 1 (always negative) and unit 2 (bias -1) never fire
    assert.strictEqual(report[0].dead_fraction, 0.5);
    assert.strictEqual(report[0].sparsity, 0.5);
  });

  it("reports gradient norms per parameter and per layer", () => {
    const lin = new nn.Linear(2, 1);
    torch.no_grad(() => { lin.weight.copy_(torch.tensor([[1, 1]])); lin.bias!.fill_(0); });
    lin(torch.tensor([[3, 4]])).sum().backward();
    assert.deepStrictEqual(diagnostics.grad_norms(lin), [{ name: "weight", norm: 5 }, { name: "bias", norm: 1 }]);
    assert.deepStrictEqual(diagnostics.layer_grad_norms(new nn.Sequential(lin)).map((g) => [g.name, Math.round(g.norm * 1e6) / 1e6]), [["0", Math.round(Math.sqrt(26) * 1e6) / 1e6]]);
  });

  it("measures sparsity as the fraction of exact zeros", () => {
    assert.strictEqual(diagnostics.sparsity(torch.tensor([0, 1, 0, 2])), 0.5);
  });
});
