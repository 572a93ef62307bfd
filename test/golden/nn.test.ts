// torch.nn vs PyTorch 1.13: Linear, Sequential, losses, LayerNorm, BatchNorm1d, Dropout (eval),
// nn.init (calculate_gain, fan-based bounds/stds, init statistics), SGD/Adam trajectories,
// module reprs and state_dict keys, from test/golden/fixtures/nn.json
// (written by test/golden/gen_nn.py; see that file for the fixture format).
import * as assert from "assert";
import { torch, nn, F } from "../../kernel/index";
import { loadFixture, assertClose } from "./fixtures";

type Tensor = ReturnType<typeof torch.tensor>;
type AnyModule = InstanceType<typeof nn.Module>;
type Kwargs = Record<string, unknown>;

const fx = loadFixture("nn");

function dtypeOf(name: string): any {
  const d = (torch as unknown as Record<string, unknown>)[name.replace(/^torch\./, "")];
  assert.ok(d, `torch has no dtype ${name}`);
  return d;
}

function tensorOf(desc: { dtype: string; data: any }, requires_grad = false): Tensor {
  return requires_grad
    ? torch.tensor(desc.data, { dtype: dtypeOf(desc.dtype), requires_grad: true })
    : torch.tensor(desc.data, { dtype: dtypeOf(desc.dtype) });
}

/** Fixture kwargs may hold tensors as {shape, dtype, data}: turn those into tensors. */
function kwargsOf(kw: Kwargs): Kwargs {
  const out: Kwargs = {};
  for (const [k, v] of Object.entries(kw)) {
    const d = v as { shape?: unknown; dtype?: unknown; data?: unknown } | null;
    out[k] = d && typeof d === "object" && !Array.isArray(d) && "dtype" in d && "data" in d
      ? tensorOf(d as { dtype: string; data: any })
      : v;
  }
  return out;
}

function setParam(p: Tensor, data: unknown): void {
  torch.no_grad(() => { p.copy_(torch.tensor(data as any)); });
}

function construct(name: string, ...args: unknown[]): any {
  const Ctor = (nn as unknown as Record<string, new (...a: unknown[]) => unknown>)[name];
  assert.ok(typeof Ctor === "function", `nn.${name} is missing`);
  return new Ctor(...args);
}

function shapeOf(t: Tensor): number[] { return Array.from(t.shape); }

function entriesOf(sd: unknown): Array<[string, Tensor]> {
  if (sd instanceof Map) return Array.from(sd.entries()) as Array<[string, Tensor]>;
  return Object.entries(sd as Record<string, Tensor>);
}

class SimpleNN extends nn.Module {
  declare fc1: InstanceType<typeof nn.Linear>;
  declare relu: InstanceType<typeof nn.ReLU>;
  declare fc2: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    this.fc1 = new nn.Linear(4, 8);
    this.relu = new nn.ReLU();
    this.fc2 = new nn.Linear(8, 1);
  }
  override forward(x: Tensor): Tensor {
    return this.fc2(this.relu(this.fc1(x)));
  }
}

/** The TypeScript spelling of each fixture model. */
const MODELS: Record<string, () => AnyModule> = {
  "SimpleNN": () => new SimpleNN(),
  "Sequential": () => new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 1)),
  "Linear(4, 8, bias=False)": () => new nn.Linear(4, 8, { bias: false }),
  "Linear(3, 2)": () => new nn.Linear(3, 2),
  "Sequential nested": () => new nn.Sequential(new SimpleNN(), new nn.Sigmoid()),
  "Sequential empty": () => new nn.Sequential(),
  "LayerNorm(4)": () => new nn.LayerNorm(4),
  "LayerNorm([2, 3], elementwise_affine=False)": () => new nn.LayerNorm([2, 3], { elementwise_affine: false }),
  "BatchNorm1d(3)": () => new nn.BatchNorm1d(3),
  "Dropout()": () => new nn.Dropout(),
  "Dropout(p=0.2)": () => new nn.Dropout({ p: 0.2 }),
  "MSELoss()": () => new nn.MSELoss(),
  "CrossEntropyLoss()": () => new nn.CrossEntropyLoss(),
  "BCELoss()": () => new nn.BCELoss(),
  "BCEWithLogitsLoss()": () => new nn.BCEWithLogitsLoss(),
};

describe("golden: nn (PyTorch 1.13)", () => {
  describe("Linear with given weights", () => {
    for (const c of fx.linear) {
      it(`${c.name}: Linear(3, 2) on input ${JSON.stringify(c.input.shape)}`, () => {
        const m = new nn.Linear(c.in_features, c.out_features);
        setParam(m.weight, c.weight);
        setParam(m.bias!, c.bias);
        const x = tensorOf(c.input, true);
        const y: Tensor = m(x);
        assert.deepStrictEqual(shapeOf(y), c.output.shape);
        assertClose(y.tolist(), c.output.data, "output");
        assert.strictEqual(y.grad_fn!.name(), c.grad_fn, "grad_fn name");
        y.backward(torch.tensor(c.grad_output));
        assertClose(x.grad!.tolist(), c.grad_input, "x.grad");
        assertClose(m.weight.grad!.tolist(), c.grad_weight, "weight.grad");
        assertClose(m.bias!.grad!.tolist(), c.grad_bias, "bias.grad");
      });
    }
  });

  describe("Sequential(Linear(3, 4), ReLU(), Linear(4, 2)) with given weights", () => {
    for (const c of fx.sequential) {
      it(c.name, () => {
        const model = new nn.Sequential(new nn.Linear(3, 4), new nn.ReLU(), new nn.Linear(4, 2));
        for (const [k, p] of model.named_parameters()) setParam(p, c.state_dict[k]);
        const x = tensorOf(c.input, true);
        let y: Tensor = model(x);
        if (c.target) y = new nn.MSELoss()(y, torch.tensor(c.target));
        assert.deepStrictEqual(shapeOf(y), c.output.shape);
        assertClose(y.tolist(), c.output.data, "output");
        assert.strictEqual(y.grad_fn!.name(), c.grad_fn, "grad_fn name");
        if (c.grad_output) y.backward(torch.tensor(c.grad_output));
        else y.backward();
        assertClose(x.grad!.tolist(), c.grad_input, "x.grad");
        const names: string[] = [];
        for (const [k, p] of model.named_parameters()) {
          names.push(k);
          assertClose(p.grad!.tolist(), c.grads[k], `${k}.grad`);
        }
        assert.deepStrictEqual(names, Object.keys(c.grads), "named_parameters order");
      });
    }
  });

  describe("losses", () => {
    for (const c of fx.losses) {
      it(`${c.name}: forward, grad_fn and input gradient`, () => {
        const crit = construct(c.loss, kwargsOf(c.kwargs));
        const x = tensorOf(c.input, true);
        const target = tensorOf(c.target);
        const y: Tensor = crit(x, target);
        assert.deepStrictEqual(shapeOf(y), c.output.shape, "output shape");
        // rtol 1e-5: losses are float32 means/sums over the batch (summation order unspecified).
        assertClose(y.tolist(), c.output.data, "loss", 1e-5, 1e-6);
        assert.strictEqual(y.grad_fn!.name(), c.grad_fn, "grad_fn name");
        if (c.grad_output === null) y.backward();
        else y.backward(torch.tensor(c.grad_output));
        assertClose(x.grad!.tolist(), c.grad_input, "input.grad", 1e-5, 1e-6);
        assert.strictEqual(String(crit), c.repr, "repr");
      });
    }
  });

  describe("LayerNorm", () => {
    for (const c of fx.layer_norm) {
      it(c.name, () => {
        const m = new nn.LayerNorm(c.normalized_shape, c.kwargs);
        assert.strictEqual(String(m), c.repr, "repr");
        if (c.weight) {
          setParam(m.weight!, c.weight);
          setParam(m.bias!, c.bias);
        }
        const x = tensorOf(c.input, true);
        const y: Tensor = m(x);
        // rtol=atol=1e-5: normalisation divides by a float32 sqrt(var + eps) of a float32 mean.
        assertClose(y.tolist(), c.output.data, "output", 1e-5, 1e-5);
        assert.strictEqual(y.grad_fn!.name(), c.grad_fn, "grad_fn name");
        y.backward(torch.tensor(c.grad_output));
        assertClose(x.grad!.tolist(), c.grad_input, "x.grad", 1e-5, 1e-5);
        if (c.grad_weight) {
          assertClose(m.weight!.grad!.tolist(), c.grad_weight, "weight.grad", 1e-5, 1e-5);
          assertClose(m.bias!.grad!.tolist(), c.grad_bias, "bias.grad", 1e-5, 1e-5);
        }
      });
    }
  });

  describe("BatchNorm1d: a training step, then eval with the running statistics", () => {
    for (const c of fx.batch_norm) {
      it(c.name, () => {
        const m = new nn.BatchNorm1d(c.num_features, c.kwargs);
        assert.strictEqual(String(m), c.repr, "repr");
        setParam(m.weight!, c.weight);
        setParam(m.bias!, c.bias);
        // rtol=atol=1e-5 throughout: batch statistics are float32 reductions.
        const tol = [1e-5, 1e-5] as const;

        m.train();
        let x = tensorOf(c.train.input, true);
        let y: Tensor = m(x);
        assertClose(y.tolist(), c.train.output.data, "train output", ...tol);
        assert.strictEqual(y.grad_fn!.name(), c.train.grad_fn, "train grad_fn name");
        y.backward(torch.tensor(c.train.grad_output));
        assertClose(x.grad!.tolist(), c.train.grad_input, "train x.grad", ...tol);
        assertClose(m.weight!.grad!.tolist(), c.train.grad_weight, "train weight.grad", ...tol);
        assertClose(m.bias!.grad!.tolist(), c.train.grad_bias, "train bias.grad", ...tol);
        // running_var is updated with the UNBIASED batch variance (n / (n - 1)).
        assertClose(m.running_mean!.tolist(), c.train.running_mean, "running_mean", ...tol);
        assertClose(m.running_var!.tolist(), c.train.running_var, "running_var", ...tol);
        assert.strictEqual(m.num_batches_tracked!.item(), c.train.num_batches_tracked, "num_batches_tracked");

        m.eval();
        m.zero_grad();
        x = tensorOf(c.eval.input, true);
        y = m(x);
        assertClose(y.tolist(), c.eval.output.data, "eval output", ...tol);
        assert.strictEqual(y.grad_fn!.name(), c.eval.grad_fn, "eval grad_fn name");
        y.backward(torch.tensor(c.eval.grad_output));
        assertClose(x.grad!.tolist(), c.eval.grad_input, "eval x.grad", ...tol);
        assertClose(m.weight!.grad!.tolist(), c.eval.grad_weight, "eval weight.grad", ...tol);
        assertClose(m.bias!.grad!.tolist(), c.eval.grad_bias, "eval bias.grad", ...tol);
      });
    }
  });

  describe("Dropout in eval mode is the identity (and returns its input)", () => {
    for (const c of fx.dropout) {
      it(`${c.name}: ${c.python}`, () => {
        const x = tensorOf(c.input, true);
        let y: Tensor;
        if (c.name.startsWith("F.")) {
          y = F.dropout(x, c.p, { training: false });
        } else {
          const m = new nn.Dropout(c.p);
          m.eval();
          assert.strictEqual(m.training, c.training, "training flag");
          assert.strictEqual(String(m), c.repr, "repr");
          y = m(x);
        }
        assert.deepStrictEqual(y.tolist(), c.output.data, "output");
        if (c.same_object) assert.strictEqual(y, x, "PyTorch returns the input tensor itself");
        assert.strictEqual(y.grad_fn ? y.grad_fn.name() : null, c.grad_fn, "grad_fn");
      });
    }
  });

  describe("nn.init.calculate_gain", () => {
    for (const c of fx.calculate_gain) {
      const call = c.param === null ? `calculate_gain("${c.nonlinearity}")` : `calculate_gain("${c.nonlinearity}", ${c.param})`;
      it(`${call} == ${c.gain}`, () => {
        const g = c.param === null ? nn.init.calculate_gain(c.nonlinearity) : nn.init.calculate_gain(c.nonlinearity, c.param);
        // Python computes these in double with the same formulas (sqrt(2/(1+slope**2)), 5/3, 3/4):
        // allow only a last-bit difference.
        assertClose(g, c.gain, call, 1e-15, 0);
      });
    }
    for (const c of fx.calculate_gain_errors) {
      it(`calculate_gain("${c.nonlinearity}"${c.param === null ? "" : `, ${JSON.stringify(c.param)}`}) raises ${c.type}: ${c.message}`, () => {
        assert.throws(
          () => (c.param === null ? nn.init.calculate_gain(c.nonlinearity) : nn.init.calculate_gain(c.nonlinearity, c.param as any)),
          (e: Error) => { assert.strictEqual(e.message, c.message); return true; },
        );
      });
    }
  });

  describe("nn.init: bounds and stds from the fans, statistics for torch.manual_seed(0)", () => {
    /** Checks the TypeScript formula against the fixture exactly, then the sample against it. */
    function checkInit(w: Tensor, spec: any, what: string): void {
      const n: number = spec.numel;
      assert.deepStrictEqual(shapeOf(w), spec.shape, `${what} shape`);
      const values = (w.reshape(-1).tolist() as number[]);
      assert.strictEqual(values.length, n);
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) { sum += v; if (v < min) min = v; if (v > max) max = v; }
      const mean = sum / n;
      let ss = 0;
      for (const v of values) ss += (v - mean) ** 2;
      const std = Math.sqrt(ss / (n - 1));
      // sampling error of the std estimate: sd(s)/sigma ~ sqrt((kurtosis - 1) / (4n)); allow 5 of those
      const kurtosis = spec.distribution === "uniform" ? 1.8 : 3;
      const stdTol = 5 * Math.sqrt((kurtosis - 1) / (4 * n));
      assert.ok(Math.abs(std / spec.std - 1) <= stdTol,
        `${what}: sample std ${std}, expected ${spec.std} within ${(stdTol * 100).toFixed(2)}% (PyTorch's: ${spec.empirical.std})`);
      assert.ok(Math.abs(mean) <= 5 * spec.std / Math.sqrt(n),
        `${what}: sample mean ${mean} too far from 0 (PyTorch's: ${spec.empirical.mean})`);
      if (spec.distribution === "uniform") {
        const bound = Math.fround(spec.bound);
        assert.ok(min >= -bound && max <= bound, `${what}: [${min}, ${max}] exceeds the bound ${spec.bound}`);
        // P(max < bound * (1 - 40/n)) ~ exp(-20)
        assert.ok(max >= spec.bound * (1 - 40 / n) && min <= -spec.bound * (1 - 40 / n),
          `${what}: [${min}, ${max}] does not reach the bound ${spec.bound}`);
      } else {
        assert.ok(Math.max(-min, max) <= 6.5 * spec.std, `${what}: |w| up to ${Math.max(-min, max)} > 6.5 std`);
      }
    }

    for (const c of fx.init) {
      it(`${c.name}: ${c.python} on ${JSON.stringify(c.shape)} (fan_in ${c.fan_in}, fan_out ${c.fan_out})`, () => {
        // the bound/std formulas, with the engine's gain, must give PyTorch's numbers exactly
        const [fanIn, fanOut] = nn.init._calculate_fan_in_and_fan_out(torch.zeros(c.shape));
        assert.deepStrictEqual([fanIn, fanOut], [c.fan_in, c.fan_out], "fans");
        const kw = c.kwargs as { a?: number; mode?: string; nonlinearity?: string; gain?: number };
        let std: number;
        if (c.fn.startsWith("kaiming")) {
          const gain = nn.init.calculate_gain(kw.nonlinearity ?? "leaky_relu", kw.a ?? 0);
          std = gain / Math.sqrt(kw.mode === "fan_out" ? fanOut : fanIn);
        } else {
          std = (kw.gain ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
        }
        assert.strictEqual(std, c.std, "std formula");
        if (c.distribution === "uniform") assert.strictEqual(Math.sqrt(3.0) * std, c.bound, "bound formula");

        torch.manual_seed(0);
        const w = torch.zeros(c.shape);
        const init = (nn.init as unknown as Record<string, (t: Tensor, kw: Kwargs) => Tensor>)[c.fn];
        const ret = init(w, c.kwargs);
        assert.strictEqual(ret, w, `${c.fn} returns its argument`);
        checkInit(w, c, c.name);
      });
    }

    it("torch.manual_seed(0); new nn.Linear(256, 512): weight ~ U(-1/16, 1/16), bias ~ U(-1/16, 1/16)", () => {
      const spec = fx.linear_default_init;
      const gain = nn.init.calculate_gain("leaky_relu", Math.sqrt(5));
      assert.strictEqual(gain, spec.weight.gain, "gain for a = sqrt(5)");
      assert.strictEqual(Math.sqrt(3.0) * (gain / Math.sqrt(256)), spec.weight.bound, "weight bound formula");
      assert.strictEqual(1 / Math.sqrt(256), spec.bias.bound, "bias bound formula");
      torch.manual_seed(0);
      const lin = new nn.Linear(256, 512);
      checkInit(lin.weight, spec.weight, "weight");
      checkInit(lin.bias!, spec.bias, "bias");
    });
  });

  describe("optimizer trajectories: Linear(3, 2), MSELoss, 5 steps from given weights", () => {
    for (const c of fx.optim) {
      it(`${c.name}: torch.optim.${c.optimizer}(${JSON.stringify(c.kwargs)})`, () => {
        const model = new nn.Linear(3, 2);
        setParam(model.weight, c.weight0);
        setParam(model.bias!, c.bias0);
        const Opt = (torch.optim as unknown as Record<string, new (params: unknown, kw: Kwargs) => { zero_grad(): void; step(): void }>)[c.optimizer];
        const opt = new Opt(model.parameters(), c.kwargs);
        const crit = new nn.MSELoss();
        const x = torch.tensor(c.input);
        const target = torch.tensor(c.target);
        c.steps.forEach((s: any, i: number) => {
          opt.zero_grad();
          const loss: Tensor = crit(model(x), target);
          loss.backward();
          // rtol=1e-5, atol=1e-6: five steps of float32 updates (Adam divides by sqrt(v) + eps).
          assertClose(loss.item(), s.loss, `step ${i + 1} loss`, 1e-5, 1e-6);
          assertClose(model.weight.grad!.tolist(), s.grad_weight, `step ${i + 1} weight.grad`, 1e-5, 1e-6);
          assertClose(model.bias!.grad!.tolist(), s.grad_bias, `step ${i + 1} bias.grad`, 1e-5, 1e-6);
          opt.step();
          assertClose(model.weight.tolist(), s.weight, `weight after step ${i + 1}`, 1e-5, 1e-6);
          assertClose(model.bias!.tolist(), s.bias, `bias after step ${i + 1}`, 1e-5, 1e-6);
        });
      });
    }
  });

  describe("module reprs, state_dict keys and named_parameters", () => {
    it("every fixture model has a TypeScript spelling", () => {
      assert.deepStrictEqual(fx.modules.map((m: any) => m.name).filter((n: string) => !(n in MODELS)), []);
    });
    for (const c of fx.modules) {
      const build = MODELS[c.name];
      it(`${c.python}: repr`, () => {
        assert.strictEqual(String(build()), c.repr);
      });
      it(`${c.python}: state_dict keys and shapes`, () => {
        const sd = entriesOf(build().state_dict());
        assert.deepStrictEqual(sd.map(([k]) => k), c.state_dict_keys);
        assert.deepStrictEqual(Object.fromEntries(sd.map(([k, t]) => [k, shapeOf(t)])), c.state_dict_shapes);
      });
      it(`${c.python}: named_parameters`, () => {
        assert.deepStrictEqual(Array.from(build().named_parameters(), ([k, p]: [string, Tensor]) => [k, shapeOf(p)]), c.named_parameters);
      });
    }
  });
});
