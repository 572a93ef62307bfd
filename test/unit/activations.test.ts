import * as assert from "assert";
import { torch, nn, F, ACTIVATIONS, getActivation } from "../../kernel/index";

describe("activation definitions (the single source of truth)", () => {
  it("every definition has a title, LaTeX, a description and sane parameter specs", () => {
    for (const def of ACTIVATIONS) {
      assert.ok(def.title && def.latex && def.description, def.name);
      for (const p of def.params) {
        assert.ok(p.description, `${def.name}.${p.name}`);
        if (typeof p.default === "number" && p.min !== undefined && p.max !== undefined) {
          assert.ok(p.min <= p.max, `${def.name}.${p.name} range`);
        }
      }
    }
  });

  it("each has its module in nn (when PyTorch has one) and its functional form in F", () => {
    for (const def of ACTIVATIONS) {
      if (def.module) assert.strictEqual(typeof (nn as any)[def.module], "function", `nn.${def.module}`);
      if (def.name !== "heaviside") assert.strictEqual(typeof (F as any)[def.name], "function", `F.${def.name}`);
    }
  });

  it("module and functional forms agree for every activation", () => {
    torch.manual_seed(3);
    const x = torch.randn(4, 5);
    for (const def of ACTIVATIONS) {
      if (!def.module || def.learnable) continue;
      // parameters PyTorch gives no default (nn.Threshold's) are passed their plots' starting values
      const given = def.params.filter((p) => p.required).map((p) => p.default);
      const viaModule = new (nn as any)[def.module](...given)(x);
      const viaF = (F as any)[def.name](x, ...given);
      assert.deepStrictEqual(viaModule.tolist(), viaF.tolist(), def.name);
    }
  });

  it("parameters PyTorch gives no default must be passed (F.threshold's threshold and value)", () => {
    const x = torch.tensor([-1, 0.5, 2]);
    // @ts-expect-error: the typings require them too
    assert.throws(() => F.threshold(x), /threshold\(\) missing required argument: 'threshold'/);
    // @ts-expect-error: and for the module
    assert.throws(() => new nn.Threshold(0.1), /Threshold.__init__\(\) missing required argument: 'value'/);
    assert.strictEqual(String(F.threshold(x, 0.6, 9)), "tensor([9., 9., 2.])");
  });

  it("getActivation finds definitions by functional or module name", () => {
    assert.strictEqual(getActivation("LeakyReLU").name, "leaky_relu");
    assert.strictEqual(getActivation("gelu").module, "GELU");
    assert.throws(() => getActivation("nope"), /unknown activation 'nope'/);
  });

  it("PReLU learns its slope; Swish learns beta; APL learns its hinges", () => {
    const prelu = new nn.PReLU();
    prelu(torch.tensor([-2, 3])).sum().backward();
    assert.deepStrictEqual(prelu.weight.grad!.tolist(), [-2]);
    const swish = new nn.Swish();
    swish(torch.tensor([1])).sum().backward();
    // d/dβ x·σ(βx) at x=1, β=1 is x²σ(1)(1−σ(1))
    const s = 1 / (1 + Math.exp(-1));
    assert.ok(Math.abs(swish.beta.grad!.item() - s * (1 - s)) < 1e-6);
    const apl = new nn.APL({ num_hinges: 2 });
    assert.deepStrictEqual([...apl.named_parameters()].map(([n]) => n), ["a", "b"]);
    apl(torch.tensor([-1.5])).sum().backward();
    // hinges at 0 and -1, input -1.5: both active, d/da_s = b_s - x
    assert.deepStrictEqual(apl.a.grad!.tolist(), [1.5, 0.5]);
  });

  it("in-place forms write into the input", () => {
    const x = torch.tensor([-1, 2]);
    const y = F.relu(x, { inplace: true });
    assert.strictEqual(y, x);
    assert.deepStrictEqual(x.tolist(), [0, 2]);
  });
});

describe("learnable activations register their weights", () => {
  it("Swish's beta, PReLU's weight and APL's hinges are parameters an optimizer trains", () => {
    assert.deepStrictEqual([...new nn.Swish().named_parameters()].map(([n]) => n), ["beta"]);
    assert.deepStrictEqual([...new nn.PReLU().named_parameters()].map(([n]) => n), ["weight"]);
    const apl = new nn.APL();
    assert.deepStrictEqual(apl.b.tolist(), [0, -1]);
    assert.ok(!Object.is(apl.b.tolist()[0], -0), "the first hinge is +0");
    const swish = new nn.Swish();
    const opt = new torch.optim.SGD(swish.parameters(), { lr: 0.5 });
    swish(torch.tensor([1, 2])).sum().backward();
    opt.step();
    assert.notStrictEqual(swish.beta.item(), 1);
  });
});
