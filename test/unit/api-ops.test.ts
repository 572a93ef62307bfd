// The factories, randomness, arithmetic, in-place, conversion and misc torch callables bind their
// arguments by their API entries (kernel/engine/api/tables/): the calls PyTorch accepts work
// positionally or by name, the others are refused with PyTorch's words, and (the @ts-expect-error
// lines) their typings refuse them before they run.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../kernel/index";

describe("typed API: factories", () => {
  it("take sizes one by one or as an array, and dtype, device, requires_grad only by name", () => {
    assert.deepStrictEqual(torch.zeros(2, 3).shape, [2, 3]);
    assert.deepStrictEqual(torch.ones([2, 3], { dtype: torch.int64 }).dtype, torch.int64);
    assert.deepStrictEqual(torch.randn(1, 2, { dtype: torch.float64 }).dtype, torch.float64);
    // @ts-expect-error dtype is keyword-only, as in PyTorch
    assert.throws(() => torch.zeros([2], torch.int64), /zeros\(\) takes 1 positional argument but 2 were given/);
    // @ts-expect-error dtype is keyword-only, as in PyTorch
    assert.throws(() => torch.tensor([1], torch.int64), /tensor\(\) takes 1 positional argument but 2 were given/);
    // (the typings take `...size`, which may be empty: the refusal is the engine's)
    assert.throws(() => torch.zeros(), /zeros\(\) missing required argument: 'size'/);
    assert.throws(() => torch.ones(2, { dtyp: torch.int64 } as object), /ones\(\) got an unexpected keyword argument 'dtyp'/);
  });

  it("check the device instead of ignoring it: the CPU only", () => {
    assert.strictEqual(torch.zeros(1, { device: "cpu" }).device.type, "cpu");
    assert.throws(() => torch.zeros(2, { device: "cuda" }), /Torch not compiled with CUDA enabled/);
    assert.throws(() => torch.tensor([1], { device: "cuda:0" }), /Torch not compiled with CUDA enabled/);
    assert.throws(() => torch.ones_like(torch.ones(1), { device: "mps" }), /PyTorch is not linked with support for mps devices/);
  });

  it("arange and randint pick their overload by the numbers given, or the names", () => {
    assert.deepStrictEqual(torch.arange(3).tolist(), [0, 1, 2]);
    assert.deepStrictEqual(torch.arange(1, 3).tolist(), [1, 2]);
    assert.deepStrictEqual(torch.arange(1, 2, { step: 0.5 }).tolist(), [1, 1.5]);
    assert.deepStrictEqual(torch.arange(2, { dtype: torch.float64 }).tolist(), [0, 1]);
    // @ts-expect-error a string bound
    assert.throws(() => torch.arange("3"), /arange\(\): argument 'end' must be Number, not str/);
    torch.manual_seed(0);
    const a = torch.randint(10, [5]);
    torch.manual_seed(0);
    assert.ok(torch.randint(0, 10, [5], { generator: null }).equal(a));
    // @ts-expect-error PyTorch's randint needs a size
    assert.throws(() => torch.randint(5), /randint\(\) missing required argument: 'size'/);
    // @ts-expect-error the size is a sequence
    assert.throws(() => torch.full(3, 1), /full\(\): argument 'size' must be tuple of ints, not int/);
  });

  it("the *_like ones take the input's shape and dtype, and refuse what is no tensor", () => {
    const x = torch.ones(2, { dtype: torch.int64 });
    assert.strictEqual(torch.full_like(x, 7).dtype, torch.int64);
    assert.deepStrictEqual(torch.full_like(x, 7, { dtype: torch.float64 }).tolist(), [7, 7]);
    // @ts-expect-error an array is no tensor
    assert.throws(() => torch.zeros_like([1, 2]), /zeros_like\(\): argument 'input' \(position 1\) must be Tensor, not list/);
  });

  it("from_array checks that the shape holds the values", () => {
    assert.deepStrictEqual(torch.from_array([1, 2, 3, 4], [2, 2], torch.int64).tolist(), [[1, 2], [3, 4]]);
    assert.throws(() => torch.from_array([1, 2, 3], [2, 2]), /shape \[2, 2\] holds 4 elements, but 3 values were given/);
  });
});

describe("typed API: arithmetic and math bind by their entries", () => {
  const x = () => torch.tensor([1, 2]);
  it("alpha and rounding_mode are keyword-only, as in PyTorch", () => {
    assert.deepStrictEqual(torch.add(x(), x(), { alpha: 2 }).tolist(), [3, 6]);
    // @ts-expect-error alpha is keyword-only
    assert.throws(() => torch.add(x(), x(), 2), /add\(\) takes 2 positional arguments but 3 were given/);
    assert.throws(() => torch.div(x(), 2, "floor" as never), /div\(\) takes 2 positional arguments but 3 were given/);
    assert.deepStrictEqual(x().rsub(10, { alpha: 2 }).tolist(), [8, 6]);
  });

  it("methods take their parameters by name too, and refuse unknown ones", () => {
    assert.deepStrictEqual(x().clamp({ min: 1.5 }).tolist(), [1.5, 2]);
    assert.deepStrictEqual(x().pow(2).tolist(), [1, 4]);
    assert.strictEqual(torch.allclose(x(), x().add(0.01), { atol: 0.1 }), true);
    assert.throws(() => x().mul({ othr: 3 } as never), /mul\(\) got an unexpected keyword argument 'othr'/);
    // @ts-expect-error one argument too many
    assert.throws(() => x().exp(1), /exp\(\) takes 1 positional argument but 2 were given/);
  });
});

describe("typed API: in-place and conversion methods", () => {
  it("the random fills take their bounds positionally or by name, and a generator", () => {
    const g = new torch.Generator().manual_seed(3);
    const a = torch.empty(3).uniform_({ from: 2, to: 3, generator: g });
    const b = torch.empty(3).uniform_(2, 3, { generator: new torch.Generator().manual_seed(3) });
    assert.ok(a.equal(b));
    assert.ok(a.ge(2).all().item() && a.lt(3).all().item());
    assert.throws(() => torch.empty(1).normal_(0, 1, g), /normal_\(\) takes from 1 to 3 positional arguments but 4 were given/);
    // required parameters by name: the engine takes them, the typings only positionally
    assert.deepStrictEqual(torch.zeros(2).fill_({ value: 2 } as never).tolist(), [2, 2]);
    assert.deepStrictEqual(torch.zeros(2).copy_({ src: torch.ones(2) } as never).tolist(), [1, 1]);
  });

  it("x.type() names the type, x.type(dtype) converts", () => {
    assert.strictEqual(torch.ones(1).type(), "torch.FloatTensor");
    assert.strictEqual(torch.ones(1, { dtype: torch.int64 }).type(), "torch.LongTensor");
    assert.strictEqual(torch.ones(1).type(torch.float64).dtype, torch.float64);
    assert.strictEqual((torch.ones(1).type({ dtype: "int32" } as never) as ReturnType<typeof torch.ones>).dtype, torch.int32);
  });

  it("size, stride, requires_grad_ by name; backward's retain_graph positionally; create_graph refused, not ignored", () => {
    const x = torch.zeros(2, 3);
    assert.strictEqual(x.size({ dim: 1 } as never), 3);
    assert.strictEqual(x.stride({ dim: 0 } as never), 3);
    const w = torch.ones(2).requires_grad_({ requires_grad: true });
    assert.strictEqual(w.requires_grad, true);
    assert.throws(() => torch.ones(1).requires_grad_(1 as never), /requires_grad_\(\): argument 'requires_grad' \(position 1\) must be bool, not int/);
    const y = w.mul(2).sum();
    y.backward(null, true);
    y.backward({ retain_graph: false });
    assert.deepStrictEqual(w.grad!.tolist(), [4, 4]);
    assert.throws(() => w.mul(2).sum().backward({ create_graph: true }), /backward\(create_graph=True\) is not supported/);
    assert.throws(() => w.mul(2).sum().backward(1 as never), /backward\(\): argument 'gradient' must be Tensor or None, not int/);
  });
});

describe("typed API: seeds, grad mode, print options, files, devices", () => {
  it("seeds and the generator state", () => {
    assert.strictEqual(torch.manual_seed({ seed: 5 } as never).initial_seed(), 5);
    assert.strictEqual(torch.initial_seed(), 5);
    // @ts-expect-error initial_seed takes nothing
    assert.throws(() => torch.initial_seed(1), /initial_seed\(\) takes 0 positional arguments but 1 was given/);
    const state = torch.get_rng_state();
    const a = torch.rand(2);
    torch.set_rng_state(state);
    assert.ok(torch.rand(2).equal(a));
  });

  it("set_grad_enabled takes a bool; is_grad_enabled nothing", () => {
    try {
      torch.set_grad_enabled(false);
      assert.strictEqual(torch.is_grad_enabled(), false);
    } finally {
      torch.set_grad_enabled(true);
    }
    // @ts-expect-error a string is no bool
    assert.throws(() => torch.set_grad_enabled("no"), /set_grad_enabled\(\): argument 'mode' must be bool, not str/);
    // @ts-expect-error is_grad_enabled takes nothing
    assert.throws(() => torch.is_grad_enabled(true), /is_grad_enabled\(\) takes 0 positional arguments but 1 was given/);
  });

  it("set_printoptions takes its options positionally or by name", () => {
    try {
      torch.set_printoptions(2);
      assert.strictEqual(torch.get_printoptions().precision, 2);
      assert.strictEqual(String(torch.tensor([1 / 3])), "tensor([0.33])");
      assert.throws(() => torch.set_printoptions({ precison: 3 } as object), /set_printoptions\(\) got an unexpected keyword argument 'precison'/);
    } finally {
      torch.set_printoptions({ profile: "default" });
    }
    assert.strictEqual(torch.get_printoptions().precision, 4);
  });

  it("save and load, and device, by position or name", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "api-ops-")), "x.pt");
    torch.save([torch.ones(2)], file);
    assert.deepStrictEqual(torch.load(file, { map_location: "cpu" })[0].tolist(), [1, 1]);
    assert.throws(() => torch.load(file, "cuda"), /Torch not compiled with CUDA enabled/);
    assert.strictEqual(torch.device("cuda", { index: 1 }).index, 1);
    assert.strictEqual(String(torch.device("cpu")), "cpu");
    assert.strictEqual(torch.is_tensor(torch.ones(1)), true);
    assert.strictEqual(torch.is_tensor({ obj: 1 }), false);
  });
});
