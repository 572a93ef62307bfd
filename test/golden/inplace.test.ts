// In-place forms vs PyTorch 1.13, at the level a user writes them: every activation's inplace
// form (functional, module, F.<name>_, Tensor.<name>_) and the in-place Tensor methods, on a
// non-leaf tensor and on a view of one; the result, grad_fn names, the version counter and the
// gradients, or PyTorch's error. Fixtures: test/golden/gen_inplace.py (its FORMS table and this
// one name the same calls).
import * as assert from "assert";
import { torch, nn, F } from "../../kernel/index";
import { loadFixture, assertClose } from "./fixtures";

type Tensor = ReturnType<typeof torch.tensor>;
type Form = (a: Tensor, o: Tensor) => Tensor;

const FORMS: Record<string, Form> = {
  "F.relu(inplace)": (a) => F.relu(a, { inplace: true }),
  "F.relu_": (a) => F.relu_(a),
  "Tensor.relu_": (a) => a.relu_(),
  "nn.ReLU(inplace)": (a) => new nn.ReLU({ inplace: true })(a),
  "F.leaky_relu(0.2, inplace)": (a) => F.leaky_relu(a, 0.2, { inplace: true }),
  "F.leaky_relu_(-0.1)": (a) => F.leaky_relu_(a, -0.1),
  "nn.LeakyReLU(0.05, inplace)": (a) => new nn.LeakyReLU(0.05, { inplace: true })(a),
  "F.elu(inplace)": (a) => F.elu(a, { inplace: true }),
  "F.elu(alpha=0.5, inplace)": (a) => F.elu(a, { alpha: 0.5, inplace: true }),
  "F.elu_(alpha=-0.5)": (a) => F.elu_(a, { alpha: -0.5 }),
  "nn.ELU(inplace)": (a) => new nn.ELU({ inplace: true })(a),
  "F.selu(inplace)": (a) => F.selu(a, { inplace: true }),
  "nn.SELU(True)": (a) => new nn.SELU(true)(a),
  "torch.selu_": (a) => torch.selu_(a),
  "F.celu(alpha=2, inplace)": (a) => F.celu(a, { alpha: 2, inplace: true }),
  "F.celu_": (a) => F.celu_(a),
  "F.relu6(inplace)": (a) => F.relu6(a, { inplace: true }),
  "F.hardtanh(-2, 2, inplace)": (a) => F.hardtanh(a, -2, 2, { inplace: true }),
  "F.hardtanh_": (a) => F.hardtanh_(a),
  "F.threshold(0.5, 2, inplace)": (a) => F.threshold(a, 0.5, 2, { inplace: true }),
  "F.threshold_(-1, -5)": (a) => F.threshold_(a, -1, -5),
  "F.hardsigmoid(inplace)": (a) => F.hardsigmoid(a, { inplace: true }),
  "F.hardswish(inplace)": (a) => F.hardswish(a, { inplace: true }),
  "nn.Hardswish(True)": (a) => new nn.Hardswish(true)(a),
  "F.silu(inplace)": (a) => F.silu(a, { inplace: true }),
  "nn.SiLU(inplace)": (a) => new nn.SiLU({ inplace: true })(a),
  "F.mish(inplace)": (a) => F.mish(a, { inplace: true }),
  "Tensor.sigmoid_": (a) => a.sigmoid_(),
  "Tensor.tanh_": (a) => a.tanh_(),
  "Tensor.exp_": (a) => a.exp_(),
  "Tensor.abs_": (a) => a.abs_(),
  "Tensor.neg_": (a) => a.neg_(),
  "Tensor.sin_": (a) => a.sin_(),
  "Tensor.erf_": (a) => a.erf_(),
  "Tensor.reciprocal_": (a) => a.reciprocal_(),
  "Tensor.square_": (a) => a.square_(),
  "Tensor.clamp_(-1, 2)": (a) => a.clamp_(-1, 2),
  "Tensor.clamp_(min=0)": (a) => a.clamp_({ min: 0 }),
  "Tensor.pow_(3)": (a) => a.pow_(3),
  "Tensor.add_(o, alpha=2)": (a, o) => a.add_(o, { alpha: 2 }),
  "Tensor.sub_(o)": (a, o) => a.sub_(o),
  "Tensor.mul_(o)": (a, o) => a.mul_(o),
  "Tensor.mul_(2.5)": (a) => a.mul_(2.5),
  "Tensor.div_(o)": (a, o) => a.div_(o),
  "Tensor.div_(4)": (a) => a.div_(4),
  "Tensor.mul_(self)": (a) => a.mul_(a),
  "Tensor.masked_fill_(a>0, 1)": (a) => a.masked_fill_(a.gt(0), 1),
  "Tensor.fill_(2)": (a) => a.fill_(2),
  "Tensor.zero_": (a) => a.zero_(),
  "Tensor.copy_(o)": (a, o) => a.copy_(o),
  "Tensor.sqrt_ after abs_": (a) => a.abs_().sqrt_(),
  "Tensor.log_ after abs_": (a) => a.abs_().add_(1).log_(),
  "exp_ then relu_": (a) => a.exp_().relu_(),
};

interface Case {
  form: string;
  where: "whole" | "view";
  result?: unknown;
  grad_fn?: string | null;
  base_grad_fn?: string | null;
  version?: number;
  x_grad?: unknown;
  o_grad?: unknown;
  error?: { type: string; message: string };
}

const fixture = loadFixture("inplace") as { x: number[]; w: number[]; other: number[]; cases: Case[] };

describe("in-place forms vs PyTorch (gen_inplace.py)", () => {
  it("every form in the fixture has its call here, and every call here is in the fixture", () => {
    assert.deepStrictEqual([...new Set(fixture.cases.map((c) => c.form))].sort(), Object.keys(FORMS).sort());
  });

  for (const c of fixture.cases) {
    it(`${c.form} on ${c.where === "whole" ? "a non-leaf tensor" : "a view of one"}`, () => {
      const x = torch.tensor(fixture.x, { requires_grad: true });
      const o = torch.tensor(fixture.other, { requires_grad: true });
      let a = x.mul(1), target = a, oo = o;
      if (c.where === "view") {
        a = a.view(2, 4);
        target = a.index(":", "1:3");
        oo = o.view(2, 4).index(":", "1:3");
      }
      let r: Tensor;
      try {
        r = FORMS[c.form](target, oo);
        assertClose(r.tolist(), c.result, "result", 1e-6, 1e-6);
        assert.strictEqual(r.grad_fn?.name() ?? null, c.grad_fn, "result's grad_fn");
        assert.strictEqual(a.grad_fn?.name() ?? null, c.base_grad_fn, "grad_fn of the tensor written into");
        assert.strictEqual(a._version, c.version, "version counter");
        const w = c.where === "whole" ? torch.tensor(fixture.w) : torch.tensor(fixture.w.slice(0, 4)).view(2, 2);
        r.mul(w).sum().backward();
      } catch (e) {
        if (!c.error) throw e;
        assert.strictEqual((e as Error).name, c.error.type);
        assert.strictEqual((e as Error).message, c.error.message);
        return;
      }
      assert.ok(!c.error, `PyTorch raised ${c.error?.type}: ${c.error?.message}`);
      assertClose(x.grad!.tolist(), c.x_grad, "x.grad", 1e-5, 1e-6);
      if (c.o_grad === null) assert.strictEqual(o.grad, null, "o.grad");
      else assertClose(o.grad!.tolist(), c.o_grad, "o.grad", 1e-5, 1e-6);
    });
  }
});
