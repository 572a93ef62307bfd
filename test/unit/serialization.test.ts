// torch.save / torch.load (docs/tensor-file.md): a model's state dict survives the round trip
// bit for bit (a fresh model loaded from it computes the same outputs), structures of tensors
// and plain values come back as they were, and damaged or foreign files are refused by name.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, nn } from "../../kernel/engine";

describe("torch.save / torch.load", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-save-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const model = () => new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2), new nn.Flatten(), new nn.Linear(2 * 4 * 4, 3));

  it("a state dict round-trips: a new model loaded from the file computes the same outputs", () => {
    torch.manual_seed(0);
    const trained = model();
    trained(torch.randn(4, 1, 6, 6)); // BatchNorm's running statistics move
    const file = path.join(dir, "model.pt");
    torch.save(trained.state_dict(), file);
    torch.manual_seed(1);
    const fresh = model();
    const loaded = torch.load(file);
    assert.ok(loaded instanceof Map);
    assert.deepStrictEqual([...loaded.keys()], [...trained.state_dict().keys()]);
    assert.strictEqual(String(loaded.get("1.num_batches_tracked").dtype), "torch.int64");
    fresh.load_state_dict(loaded);
    trained.eval();
    fresh.eval();
    const x = torch.randn(2, 1, 6, 6);
    assert.deepStrictEqual(fresh(x).tolist(), trained(x).tolist());
  });

  it("keeps dtypes, shapes, strided tensors, requires_grad and plain values", () => {
    const file = path.join(dir, "things.pt");
    const value = {
      f32: torch.tensor([1.5, -2.25]), f64: torch.tensor([Math.PI], { dtype: torch.float64 }),
      i64: torch.arange(6).view([2, 3]).t(), u8: torch.tensor([0, 255], { dtype: torch.uint8 }), b: torch.tensor([true, false]),
      w: torch.ones(2).requires_grad_(), empty: torch.zeros(0, 3), scalar: torch.tensor(7),
      epoch: 3, name: "run 1", done: false, none: null, inf: -Infinity, list: [torch.ones(1), 2],
    };
    torch.save(value, file);
    const got = torch.load(file, { map_location: "cpu" });
    for (const k of ["f32", "f64", "i64", "u8", "b", "w", "empty", "scalar"] as const) {
      assert.strictEqual(String(got[k].dtype), String(value[k].dtype), k);
      assert.deepStrictEqual(got[k].shape, value[k].shape, k);
      assert.deepStrictEqual(got[k].tolist(), value[k].tolist(), k);
    }
    assert.strictEqual(got.w.requires_grad, true);
    assert.deepStrictEqual([got.epoch, got.name, got.done, got.none, got.inf], [3, "run 1", false, null, -Infinity]);
    assert.deepStrictEqual(got.list[0].tolist(), [1]);
  });

  it("refuses what it cannot save or read, naming it", () => {
    const file = path.join(dir, "x.pt");
    // @ts-expect-error a module is not a savable value: the case is the runtime refusal
    assert.throws(() => torch.save({ model: new nn.Linear(1, 1) }, file), /torch\.save: cannot save \.model: /);
    torch.save([torch.ones(100)], file);
    fs.truncateSync(file, fs.statSync(file).size - 8);
    assert.throws(() => torch.load(file), /is cut short: tensor 0 needs bytes up to \d+, the file has \d+/);
    fs.writeFileSync(file, Buffer.from("PK\u0003\u0004 a zip"));
    assert.throws(() => torch.load(file), /is a PyTorch file \(a zip archive\)/);
    assert.throws(() => torch.load(file, { map_location: "cuda" }), { name: "AssertionError", message: "Torch not compiled with CUDA enabled" });
  });
});
