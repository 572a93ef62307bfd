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
    assert.throws(() => F.gelu(torch.ones(1), { approx: "tanh" }), /gelu\(\) got an unexpected keyword argument 'approx'/);
    assert.throws(() => F.leaky_relu(torch.ones(1), 0.1, { negative_slope: 0.2 }), /got multiple values for argument 'negative_slope'/);
    assert.throws(() => new nn.Linear(3), /missing required argument: 'out_features'/);
  });
});
