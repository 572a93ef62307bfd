// What lets a GPU tutorial run unchanged on actnb's CPU engine: torch.device, torch.cuda,
// Tensor.to / Module.to with a device (and PyTorch's errors for a device that is not there),
// Sequential indexing and slicing, Tensor.all / any along a dim. Expected values are PyTorch
// 1.13's (checked by hand against python3-torch).
import * as assert from "assert";
import * as util from "util";
import { torch, nn } from "../../kernel/engine";

describe("devices: the CPU only, as PyTorch without CUDA", () => {
  it("torch.device prints and parses as PyTorch's; cuda is not available", () => {
    assert.strictEqual(util.inspect(torch.device("cpu")), "device(type='cpu')");
    assert.strictEqual(util.inspect(torch.device("cuda:1")), "device(type='cuda', index=1)");
    assert.strictEqual(String(torch.device("cuda", 0)), "cuda:0");
    assert.throws(() => torch.device("gpu"), { name: "RuntimeError", message: /^Expected one of cpu, cuda, .* device type at start of device string: gpu$/ });
    assert.strictEqual(torch.cuda.is_available(), false);
    assert.strictEqual(torch.cuda.device_count(), 0);
    assert.strictEqual(util.inspect(torch.zeros(2).device), "device(type='cpu')");
  });

  it("Tensor.to(device) is the tensor itself, to(device, dtype) converts; CUDA is PyTorch's AssertionError", () => {
    const x = torch.tensor([1, 2]);
    const dev = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
    assert.strictEqual(x.to(dev), x);
    assert.strictEqual(x.to("cpu"), x);
    assert.strictEqual(x.cpu(), x);
    assert.notStrictEqual(x.to("cpu", { copy: true }), x);
    assert.strictEqual(String(x.to("cpu", torch.float64).dtype), "torch.float64");
    assert.strictEqual(String(x.to({ device: "cpu", dtype: torch.int64 }).dtype), "torch.int64");
    assert.strictEqual(String(x.to(torch.zeros(1, { dtype: torch.float64 })).dtype), "torch.float64");
    assert.throws(() => x.to("cuda"), { name: "AssertionError", message: "Torch not compiled with CUDA enabled" });
    assert.throws(() => x.cuda(), { name: "AssertionError", message: "Torch not compiled with CUDA enabled" });
    assert.throws(() => x.to({ devise: "cpu" }), { name: "TypeError", message: "to() got an unexpected keyword argument 'devise'" });
  });

  it("Module.to(device) returns the module; to(dtype) converts its floating parameters", () => {
    const model = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU());
    assert.strictEqual(model.to("cpu"), model);
    assert.throws(() => model.to("cuda"), { name: "AssertionError" });
    model.to(torch.float64);
    assert.strictEqual(String((model.at(0) as any).weight.dtype), "torch.float64");
    assert.strictEqual(String(model(torch.ones(1, 2, { dtype: torch.float64 })).dtype), "torch.float64");
  });
});

describe("Sequential indexing and slicing", () => {
  const seq = new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2));
  it("seq[i], seq[-1], seq[1:] keep the modules and their names; out of range is IndexError", () => {
    assert.strictEqual(seq.at(-1), seq.at(2));
    const tail = seq.slice(1);
    assert.strictEqual(String(tail), "Sequential(\n  (1): ReLU()\n  (2): Linear(in_features=3, out_features=2, bias=True)\n)");
    assert.strictEqual(tail.at(1), seq.at(2));
    assert.throws(() => seq.at(3), { name: "IndexError", message: "index 3 is out of range" });
  });
});

describe("Tensor.all / any along a dim", () => {
  const t = torch.tensor([[1, 0], [1, 1]]);
  it("reduce a dim to bool, keepdim too; an empty dim is all True / any False", () => {
    assert.deepStrictEqual(t.all(1).tolist(), [false, true]);
    assert.deepStrictEqual(t.any(0, true).tolist(), [[true, true]]);
    assert.deepStrictEqual((t.all as unknown as (o: object) => any)({ dim: 0 }).tolist(), [true, false]);
    assert.deepStrictEqual(torch.zeros(2, 0).all(1).tolist(), [true, true]);
    assert.deepStrictEqual(torch.zeros(2, 0).any(1).tolist(), [false, false]);
    assert.strictEqual(t.all().item(), false);
  });
});
