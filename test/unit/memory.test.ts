import * as assert from "assert";
import { torch, nn, memoryStats } from "../../kernel/index";

describe("tensor memory", () => {
  it("a long synchronous training loop reuses memory instead of growing without bound", () => {
    torch.manual_seed(0);
    const model = new nn.Sequential(new nn.Linear(4, 256), new nn.ReLU(), new nn.Linear(256, 1));
    const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
    const x = torch.randn(256, 4), y = torch.randn(256, 1);
    const step = () => { opt.zero_grad(); new nn.MSELoss()(model(x), y).backward(); opt.step(); };
    for (let i = 0; i < 20; i++) step();
    const before = memoryStats().wasmBytes;
    // each step allocates about 1.5 MB of tensors; 400 steps would need 600 MB without reuse
    for (let i = 0; i < 400; i++) step();
    const after = memoryStats().wasmBytes;
    assert.ok(after - before < 200 * 2 ** 20, `wasm memory grew by ${(after - before) / 2 ** 20} MiB`);
  });

  it("tensors that are still referenced keep their values through collections", () => {
    const keep = torch.arange(1000, { dtype: torch.float32 });
    for (let i = 0; i < 300; i++) torch.ones(100000).mul(2);
    assert.strictEqual(keep.sum().item(), 499500);
  });
});
