import * as assert from "assert";
import { torch, nn, F } from "../../kernel/index";

describe("PyTorch-style arguments", () => {
  it("accepts parameters positionally or by name", () => {
    const x = torch.tensor([-2, 2]);
    assert.deepStrictEqual(F.leaky_relu(x, 0.5).tolist(), F.leaky_relu(x, { negative_slope: 0.5 }).tolist());
    assert.deepStrictEqual(new nn.LeakyReLU(0.5)(x).tolist(), new nn.LeakyReLU({ negative_slope: 0.5 })(x).tolist());
    assert.deepStrictEqual(torch.ones(3, { requires_grad: true }).requires_grad, true);
    assert.deepStrictEqual(torch.zeros([2, 3]).shape, [2, 3]);
  });

  it("rejects unknown and doubled keywords with Python's messages", () => {
    // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
    assert.throws(() => F.gelu(torch.ones(1), { approx: "tanh" }), /gelu\(\) got an unexpected keyword argument 'approx'/);
    // @ts-expect-error: deliberately wrong arguments, which the typings refuse as the engine does
    assert.throws(() => F.leaky_relu(torch.ones(1), 0.1, { negative_slope: 0.2 }), /got multiple values for argument 'negative_slope'/);
    // @ts-expect-error: the typings refuse it before it runs, as the engine does when it runs
    assert.throws(() => new nn.Linear(3), /missing required argument: 'out_features'/);
  });
});

describe("nothing is silently ignored: unknown keywords and extra arguments", () => {
  const x = () => torch.tensor([[0.5, -1.5, 2], [1, 0.25, -3]]);
  const other = () => torch.ones(2, 3);
  /** Each public method or function with arguments that make the call itself valid. */
  const CALLS: Array<[string, (extra: unknown[]) => unknown]> = [
    ["x.exp", (e) => (x() as any).exp(...e)],
    ["x.mul", (e) => (x() as any).mul(2, ...e)],
    ["x.pow", (e) => (x() as any).pow(2, ...e)],
    ["x.matmul", (e) => (x() as any).matmul(torch.ones(3, 1), ...e)],
    ["x.masked_fill", (e) => (x() as any).masked_fill(x().gt(0), 1, ...e)],
    ["x.eq", (e) => (x() as any).eq(other(), ...e)],
    ["x.clone", (e) => (x() as any).clone(...e)],
    ["x.size", (e) => (x() as any).size(0, ...e)],
    ["x.fill_", (e) => (x() as any).fill_(1, ...e)],
    ["x.relu", (e) => (x() as any).relu(...e)],
    ["x.sum", (e) => (x() as any).sum(0, ...e)],
    ["x.transpose", (e) => (x() as any).transpose(0, 1, ...e)],
    ["torch.exp", (e) => (torch as any).exp(x(), ...e)],
    ["torch.mul", (e) => (torch as any).mul(x(), 2, ...e)],
    ["torch.relu", (e) => (torch as any).relu(x(), ...e)],
    ["F.gelu", (e) => (F as any).gelu(x(), ...e)],
    ["F.prelu", (e) => (F as any).prelu(x(), torch.tensor([0.25]), ...e)],
    ["nn.Linear", (e) => new (nn as any).Linear(2, 3, ...e)],
    ["nn.ELU", (e) => new (nn as any).ELU(...e)],
    ["optim.SGD", (e) => new (torch.optim as any).SGD([torch.zeros(2, { requires_grad: true })], 0.1, ...e)],
  ];
  for (const [name, call] of CALLS) {
    it(`${name}: an unknown keyword is a TypeError naming it`, () => {
      call([]); // valid as it stands
      assert.throws(() => call([{ bogus_kw: 1 }]), (e: Error) => e instanceof TypeError && /bogus_kw|positional argument/.test(e.message));
    });
  }
  it("a keyword names a method's parameter (x.mul({ other: y }))", () => {
    assert.deepStrictEqual((x() as any).mul({ other: 2 }).tolist(), x().mul(2).tolist());
    assert.strictEqual((x() as any).size({ dim: 1 }), 3);
    assert.throws(() => (x() as any).mul(2, 3), /mul\(\) takes 2 positional arguments but 3 were given/);
  });
});

describe("a number as a tensor's dtype holds it (fill_, masked_fill, copy_)", () => {
  it("bool: nonzero is true, nan too; integers truncate; float32 rounds (as PyTorch)", () => {
    assert.deepStrictEqual(torch.zeros(2, { dtype: torch.bool }).fill_(NaN).tolist(), [true, true]);
    assert.deepStrictEqual(torch.zeros(2, { dtype: torch.bool }).masked_fill(torch.tensor([true, false]), NaN).tolist(), [true, false]);
    assert.deepStrictEqual(torch.zeros(2, { dtype: torch.int64 }).fill_(2.7).tolist(), [2, 2]);
    assert.deepStrictEqual(torch.zeros(2, { dtype: torch.bool }).copy_(torch.tensor([NaN, 0])).tolist(), [true, false]);
    assert.strictEqual(torch.zeros(1).fill_(0.1).item(), Math.fround(0.1));
  });
});
