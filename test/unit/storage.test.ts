// Tensor elements live in one wasm memory. Two hazards must never corrupt an answer: memory
// growth (which would detach views an op is holding) and reclamation of a temporary whose
// elements an op is still reading.
import * as assert from "assert";
import { torch, memoryStats } from "../../kernel/index";

describe("tensor storage", () => {
  it("views taken before memory grows still read and write the same elements", () => {
    const t = torch.arange(8, { dtype: torch.float32 });
    const view = t._data;
    const grow = memoryStats().wasmBytes; // allocate more than all current memory
    const big = torch.zeros(Math.ceil(grow / 4) + 1024);
    assert.ok(memoryStats().wasmBytes > grow, "memory grew");
    assert.strictEqual(view[t.offset + 7], 7);
    view[t.offset] = 42;
    assert.strictEqual(t.tolist()[0], 42);
    assert.strictEqual(big.numel() > 0, true);
  });

  it("a temporary whose view is still held is not reclaimed, however much is allocated meanwhile", () => {
    const view = torch.full([1000], 3)._data; // the tensor itself is garbage at once
    for (let i = 0; i < 400; i++) torch.ones(200000).mul(2); // ~640 MB of churn forces collections
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += view[i];
    assert.strictEqual(sum, 3000);
  });
});

describe("the storage allocator", () => {
  it("merges neighbouring free blocks, so memory freed in pieces serves a larger request", () => {
    const { Storage } = require("../../kernel/engine/storage/storage") as typeof import("../../kernel/engine/storage/storage");
    const { float32 } = require("../../kernel/engine/dtype") as typeof import("../../kernel/engine/dtype");
    const keep = new Storage(float32, 16); // something above, so the pieces are not at the top
    const pieces = Array.from({ length: 40 }, () => new Storage(float32, 262144)); // 40 × 1 MiB
    const fence = new Storage(float32, 16);
    const before = memoryStats().heapBytes;
    for (const p of pieces) p.free();
    const big = new Storage(float32, 20 * 262144); // 20 MiB fits in the merged 40 MiB
    // (it may even shrink: pieces that end at the top of the heap give their memory back to it)
    assert.ok(memoryStats().heapBytes <= before, `the heap grew from ${before} to ${memoryStats().heapBytes} bytes`);
    big.free(); fence.free(); keep.free();
  });
});
