// Convolution, pooling, BatchNorm2d and Dropout2d against PyTorch 1.13 (fixtures/conv.json, from
// gen_conv.py): outputs, grad_fn names and gradients for strides, paddings ("same" with an even
// kernel too), dilations, ceil_mode, count_include_pad, divisor_override, adaptive sizes; max
// pooling's indices with ties and a NaN; Conv2d's seeded initialisation; Dropout2d's seeded
// channel mask; reprs. Convolutions sum in another order than PyTorch's kernels: within 1e-5.
import * as assert from "assert";
import { torch, nn, F, Tensor } from "../../kernel/engine";
import { loadFixture, assertClose } from "./fixtures";

const fx = loadFixture("conv");
const t = (data: number[], shape: number[], grad = true) => torch.tensor(data).view(shape).requires_grad_(grad);

function checkGrads(out: Tensor, c: any, leaves: Array<Tensor | null>, rtol: number): void {
  out.mul(torch.tensor(c.w).view(out.shape)).sum().backward();
  leaves.forEach((leaf, i) => {
    if (!leaf) return;
    assertClose(leaf.grad!.view([-1]).tolist(), c.grads[i], `${c.name}: gradient ${i}`, rtol, 1e-5);
  });
}

describe("golden: F.conv2d (PyTorch 1.13)", () => {
  for (const c of fx.conv) {
    it(`${c.name}: ${JSON.stringify(c.kwargs)}`, () => {
      const x = t(c.x, c.x_shape);
      const w = t(c.weight, c.weight_shape);
      const b = c.bias ? t(c.bias, [c.bias.length]) : null;
      const out = F.conv2d(x, w, b, c.kwargs);
      assert.deepStrictEqual(out.shape, c.out_shape);
      assert.strictEqual(out.grad_fn!.name(), c.grad_fn);
      assertClose(out.view([-1]).tolist(), c.out, `${c.name}: output`, 1e-5, 1e-5);
      checkGrads(out, c, [x, w, b], 1e-5);
    });
  }

  it("errors in PyTorch's words", () => {
    assert.throws(() => F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(2, 3, 3, 3)), { name: "RuntimeError", message: "Given groups=1, weight of size [2, 3, 3, 3], expected input[1, 4, 5, 5] to have 3 channels, but got 4 channels instead" });
    assert.throws(() => F.conv2d(torch.zeros(1, 1, 2, 2), torch.zeros(1, 1, 3, 3)), { name: "RuntimeError", message: "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size" });
    assert.throws(() => F.conv2d(torch.zeros(5, 5), torch.zeros(1, 1, 3, 3)), { name: "RuntimeError", message: "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [5, 5]" });
    assert.throws(() => F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), null, 2, "same"), { name: "RuntimeError", message: "padding='same' is not supported for strided convolutions" });
  });
});

describe("golden: pooling (PyTorch 1.13)", () => {
  for (const c of fx.pool) {
    it(`${c.name}: ${c.fn} ${JSON.stringify(c.kwargs)}`, () => {
      const x = t(c.x, c.x_shape);
      const fn = (F as any)[c.fn];
      const out: Tensor = fn(x, c.kwargs);
      assert.deepStrictEqual(out.shape, c.out_shape);
      assert.strictEqual(out.grad_fn!.name(), c.grad_fn);
      assertClose(out.view([-1]).tolist(), c.out, `${c.name}: output`, 1e-6, 1e-6);
      if (c.indices) {
        const [, indices]: Tensor[] = fn(x.detach(), { ...c.kwargs, return_indices: true });
        assert.deepStrictEqual(indices.view([-1]).tolist(), c.indices);
      }
      checkGrads(out, c, [x], 1e-6);
    });
  }
});

describe("golden: BatchNorm2d, Conv2d's initialisation, Dropout2d, reprs (PyTorch 1.13)", () => {
  it("BatchNorm2d: training output, gradients and running statistics; eval output", () => {
    const c = fx.batchnorm2d;
    torch.manual_seed(0);
    const bn = new nn.BatchNorm2d(3);
    const x = t(c.x, c.x_shape);
    const out = bn(x);
    assert.strictEqual(out.grad_fn!.name(), c.grad_fn);
    assertClose(out.view([-1]).tolist(), c.out, "output", 1e-5, 1e-5);
    assertClose(bn.running_mean.tolist(), c.running_mean, "running_mean", 1e-5, 1e-6);
    assertClose(bn.running_var.tolist(), c.running_var, "running_var", 1e-5, 1e-6);
    checkGrads(out, { ...c, name: "bn" }, [x, bn.weight, bn.bias], 1e-4);
    bn.eval();
    assertClose(bn(x.detach()).view([-1]).tolist(), c.eval_out, "eval output", 1e-5, 1e-5);
  });

  it("Conv2d draws its weight and bias as PyTorch does from the same seed, and leaves the stream there", () => {
    torch.manual_seed(0);
    const conv = new nn.Conv2d(3, 8, 3);
    assertClose(conv.weight.view([-1]).tolist(), fx.conv2d_init.weight, "weight", 0, 0);
    assertClose(conv.bias!.tolist(), fx.conv2d_init.bias, "bias", 0, 0);
    assertClose(torch.rand(3).tolist(), fx.conv2d_init.after, "after", 0, 0);
    assert.strictEqual(String(conv), fx.conv2d_init.repr);
  });

  it("Dropout2d zeroes the same channels as PyTorch for the same seed", () => {
    torch.manual_seed(5);
    assertClose(F.dropout2d(torch.ones(2, 3, 2, 2), 0.5).view([-1]).tolist(), fx.dropout2d.out, "dropout2d", 0, 0);
    assertClose(torch.rand(2).tolist(), fx.dropout2d.after, "after", 0, 0);
  });

  it("modules print as PyTorch's", () => {
    const mods = [new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.Conv2d(2, 2, [3, 5], { stride: 2, dilation: [1, 2], bias: false }),
      new nn.Conv2d(1, 1, 3, { padding: "same" }), new nn.MaxPool2d(2), new nn.MaxPool2d(3, { stride: 1, padding: 1 }),
      new nn.AvgPool2d(3, 2, 1), new nn.AdaptiveAvgPool2d([1, 1]), new nn.AdaptiveAvgPool2d(2), new nn.BatchNorm2d(4), new nn.Dropout2d(0.25)];
    assert.deepStrictEqual(mods.map(String), fx.reprs);
  });
});
