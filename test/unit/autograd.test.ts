import * as assert from "assert";
import { torch, nn, F, memoryStats } from "../../kernel/index";
import { resetPeak } from "../../kernel/engine/storage/allocator";

describe("autograd", () => {
  it("accumulates into .grad across backward calls", () => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [6, 6]);
  });

  it("sums gradients where a tensor is used twice", () => {
    const x = torch.tensor([2], { requires_grad: true });
    x.mul(x).add(x).sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [5]);
  });

  it("backward of a non-scalar takes the upstream gradient", () => {
    const x = torch.tensor([-1, 1, 3], { requires_grad: true });
    F.leaky_relu(x, 0.5).backward(torch.tensor([1, 2, 3]));
    assert.deepStrictEqual(x.grad!.tolist(), [0.5, 2, 3]);
  });

  it("retain_graph allows a second backward through saved tensors", () => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    const y = x.exp().sum();
    y.backward({ retain_graph: true });
    y.backward();
    assert.ok(Math.abs(x.grad!.tolist()[0] - 2 * Math.E) < 1e-5);
  });

  it("no_grad records nothing and restores the mode, even after a throw", () => {
    const x = torch.ones(2, { requires_grad: true });
    const y = torch.no_grad(() => x.mul(2));
    assert.strictEqual(y.requires_grad, false);
    assert.strictEqual(y.grad_fn, null);
    assert.throws(() => torch.no_grad(() => { throw new Error("boom"); }), /boom/);
    assert.strictEqual(torch.is_grad_enabled(), true);
  });

  it("retain_grad keeps an intermediate's gradient", () => {
    const x = torch.tensor([1, -2], { requires_grad: true });
    const h = x.mul(2);
    h.retain_grad();
    h.relu().sum().backward();
    assert.deepStrictEqual(h.grad!.tolist(), [1, 0]);
  });

  it("detach cuts the graph but shares elements", () => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    const d = x.detach();
    assert.strictEqual(d.requires_grad, false);
    torch.no_grad(() => x.mul_(10));
    assert.deepStrictEqual(d.tolist(), [10, 20]);
  });

  it("refuses to change requires_grad of a non-leaf, in PyTorch's words", () => {
    const y = torch.ones(2, { requires_grad: true }).mul(2);
    assert.throws(() => { y.requires_grad = false; }, /you can only change requires_grad flags of leaf variables/);
  });

  it("gradients flow through views, slices and broadcasting", () => {
    const x = torch.arange(6, { dtype: torch.float32 }).reshape(2, 3).requires_grad_();
    x.index(":", "1:").t().mul(torch.tensor([[1], [10]])).sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [[0, 1, 10], [0, 1, 10]]);
  });
});

describe("advanced indexing", () => {
  // expected values printed by PyTorch 1.13 for the same calls
  it("index_select picks rows and sends gradients back to every pick", () => {
    const x = torch.arange(12, { dtype: torch.float32 }).reshape(3, 4).requires_grad_();
    const y = x.index_select(0, torch.tensor([2, 0, 2], { dtype: torch.int64 }));
    assert.strictEqual(y.grad_fn!.name(), "IndexSelectBackward0");
    assert.deepStrictEqual(y.tolist(), [[8, 9, 10, 11], [0, 1, 2, 3], [8, 9, 10, 11]]);
    y.sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [[1, 1, 1, 1], [0, 0, 0, 0], [2, 2, 2, 2]]);
  });

  it("x.index(tensor) and boolean masks select like x[tensor] and x[:, mask]", () => {
    const x = torch.arange(12, { dtype: torch.float32 }).reshape(3, 4).requires_grad_();
    const z = x.index(torch.tensor([1, -1], { dtype: torch.int64 }));
    assert.strictEqual(z.grad_fn!.name(), "IndexBackward0");
    assert.deepStrictEqual(z.tolist(), [[4, 5, 6, 7], [8, 9, 10, 11]]);
    const m = x.index(":", torch.tensor([true, false, true, false]));
    assert.deepStrictEqual(m.tolist(), [[0, 2], [4, 6], [8, 10]]);
    assert.throws(() => x.index(torch.tensor([3], { dtype: torch.int64 })), /index 3 is out of bounds for dimension 0 with size 3/);
  });
});

// A leaf keeps a gradient the backward pass made and gave to nobody else without copying it;
// every gradient that is shared, passed through or the caller's own must still be copied.
describe("autograd: leaves own their gradients", () => {
  const storageOf = (t: { storage: unknown }) => t.storage;

  it("two leaves given the same gradient tensor get independent copies", () => {
    const a = torch.tensor([1, 2], { requires_grad: true }), b = torch.tensor([3, 4], { requires_grad: true });
    a.add(b).backward(torch.tensor([1, 1]));
    assert.notStrictEqual(storageOf(a.grad!), storageOf(b.grad!));
    a.grad!.mul_(10);
    assert.deepStrictEqual(b.grad!.tolist(), [1, 1]);
  });

  it("one leaf reached twice through the same tensor sums, and later passes still accumulate", () => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    x.add(x).sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [2, 2]);
    F.relu(x).sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), [3, 3]);
  });

  it("the caller's gradient is never adopted, even passed straight through", () => {
    const x = torch.tensor([1, -2, 3], { requires_grad: true });
    const g = torch.tensor([0.5, 0.5, 0.5]);
    x.view([3]).backward(g);
    assert.notStrictEqual(storageOf(x.grad!), storageOf(g));
    x.grad!.zero_();
    assert.deepStrictEqual(g.tolist(), [0.5, 0.5, 0.5]);
  });

  it("views of one fresh storage handed to two leaves are copied", () => {
    const a = torch.tensor([1, 2], { requires_grad: true }), b = torch.tensor([3, 4], { requires_grad: true });
    torch.cat([a, b]).mul(2).backward(torch.tensor([1, 2, 3, 4]));
    assert.deepStrictEqual([a.grad!.tolist(), b.grad!.tolist()], [[2, 4], [6, 8]]);
    assert.notStrictEqual(storageOf(a.grad!), storageOf(b.grad!));
    a.grad!.zero_();
    assert.deepStrictEqual(b.grad!.tolist(), [6, 8]);
  });

  it("a gradient made for one leaf is adopted without a copy, and is not the graph's output", () => {
    const x = torch.tensor([1, -2, 3], { requires_grad: true });
    const y = F.relu(x);
    y.backward(torch.tensor([1, 1, 1]));
    assert.deepStrictEqual(x.grad!.tolist(), [1, 0, 1]);
    assert.notStrictEqual(storageOf(x.grad!), storageOf(y));
    assert.strictEqual(x.grad!.grad_fn, null);
    assert.strictEqual(x.grad!.requires_grad, false);
  });

  it("relu's backward over 1e6 floats allocates the gradient once, with no copy for .grad", () => {
    const n = 1_000_000;
    const x = torch.randn(n, { requires_grad: true });
    const y = F.relu(x);
    const g = torch.ones(n);
    const before = memoryStats().liveBytes;
    resetPeak();
    y.backward(g);
    const grown = memoryStats().peakBytes - before;
    assert.ok(grown <= 4 * n + 4096, `backward allocated ${grown} bytes for a ${4 * n}-byte gradient`);
  });
});

// A leaf's gradient that nobody has read can go back to the pool the moment .grad is replaced:
// the next backward's gradient then lands in the same, cache-warm block.
describe("autograd: replacing an unread .grad", () => {
  const addressOf = (t: { storage: unknown }) => (t.storage as { byteOffset: number }).byteOffset;
  const n = 100_000;

  it("x.grad = null returns an unread gradient's memory, and the next pass reuses it", () => {
    const x = torch.randn(n, { requires_grad: true });
    F.relu(x).sum().backward();
    // read past the getter, which would mark the gradient as seen
    const first = addressOf((x as unknown as { gradTensor: { storage: unknown } }).gradTensor);
    const live = memoryStats().liveBytes;
    x.grad = null;
    assert.strictEqual(memoryStats().liveBytes, live - 4 * n);
    const y = F.relu(x);  // the next block of that size: the one just returned
    assert.strictEqual(addressOf(y), first);
    y.sum().backward();
    assert.deepStrictEqual(x.grad!.tolist(), (x.tolist() as number[]).map((v) => (v > 0 ? 1 : 0)));
  });

  it("a gradient the program has read stays valid after .grad is replaced", () => {
    const x = torch.tensor([1, -2, 3], { requires_grad: true });
    F.relu(x).sum().backward();
    const kept = x.grad!;
    x.grad = null;
    x.mul(5).sum().backward();
    assert.deepStrictEqual(kept.tolist(), [1, 0, 1]);
    assert.deepStrictEqual(x.grad!.tolist(), [5, 5, 5]);
    assert.notStrictEqual(addressOf(kept), addressOf(x.grad!));
  });

  it("a gradient given by the caller is never freed, even unread", () => {
    const x = torch.tensor([1, 2], { requires_grad: true });
    const g = torch.tensor([3, 4]);
    x.backward(g);          // a leaf root: .grad is a copy of g
    x.grad = null;
    assert.deepStrictEqual(g.tolist(), [3, 4]);
    const y = torch.tensor([0.5, -1]);
    x.grad = y;             // assigned by the program: never freed by the engine
    x.grad = null;
    assert.deepStrictEqual(y.tolist(), [0.5, -1]);
  });

  it("assigning .grad checks type, dtype and size with PyTorch's messages", () => {
    const x = torch.zeros(2, { requires_grad: true });
    const refuse = (v: unknown, kind: string, message: string) =>
      assert.throws(() => { (x as { grad: unknown }).grad = v; }, (e: Error) => e.name === kind && e.message === message);
    refuse(torch.zeros(3), "RuntimeError", "assigned grad has data of a different size");
    refuse(torch.zeros(1, 2), "RuntimeError", "assigned grad has data of a different size");
    refuse(torch.zeros(2, { dtype: torch.int64 }), "RuntimeError", "assigned grad has data of a different type");
    refuse(torch.zeros(3, { dtype: torch.int64 }), "RuntimeError", "assigned grad has data of a different type");
    refuse(5, "TypeError", "assigned grad expected to be a Tensor or None but got grad of typeint");
    refuse(1.5, "TypeError", "assigned grad expected to be a Tensor or None but got grad of typefloat");
    refuse("a", "TypeError", "assigned grad expected to be a Tensor or None but got grad of typestr");
    refuse([1, 2], "TypeError", "assigned grad expected to be a Tensor or None but got grad of typelist");
    assert.strictEqual(x.grad, null); // nothing was assigned
    x.grad = torch.ones(2);
    (x as { grad: unknown }).grad = undefined;
    assert.strictEqual(x.grad, null);
  });

  it("gradients accumulated into an unread .grad are freed with it, once", () => {
    const x = torch.randn(n, { requires_grad: true });
    for (let i = 0; i < 3; i++) x.mul(2).sum().backward();
    const live = memoryStats().liveBytes;
    x.grad = null;
    x.grad = null;
    assert.strictEqual(memoryStats().liveBytes, live - 4 * n);
  });
});

// The backward pass frees gradients it made as soon as their one consumer is done with them;
// every graph shape where a gradient is shared, merged, passed through or viewed must still
// give PyTorch's numbers.
describe("autograd: freeing the pass's own gradients early", () => {
  it("branches, merges, views and repeated passes give the right gradients", () => {
    const x = torch.tensor([[1, -2, 3], [-4, 5, -6]], { requires_grad: true });
    const w = torch.tensor([[0.5, -1], [2, 1], [-1, 3]], { requires_grad: true });
    const h = x.mm(w);                        // [2, 2]
    const a = F.relu(h).add(F.relu(h));       // the same node reached twice
    const b = h.t().mul(3).t();               // views around a product
    const c = a.add(b).sum().add(x.view([6]).mul(0.5).sum()).add(x.sum());
    c.backward({ retain_graph: true } as never);
    const gx1 = x.grad!.tolist(), gw1 = w.grad!.tolist();
    c.backward();
    // the second pass doubles everything: nothing the first freed was needed again
    assert.deepStrictEqual(x.grad!.tolist(), (gx1 as number[][]).map((r) => r.map((v) => 2 * v)));
    assert.deepStrictEqual(w.grad!.tolist(), (gw1 as number[][]).map((r) => r.map((v) => 2 * v)));
    // by hand: dc/dh = 2·[h > 0] + 3, dc/dx = dc/dh · wᵀ + 1.5, dc/dw = xᵀ · dc/dh
    const hv = h.tolist() as number[][];
    const dh = hv.map((r) => r.map((v) => (v > 0 ? 2 : 0) + 3));
    const wv = w.tolist() as number[][], xv = x.tolist() as number[][];
    const dx = dh.map((r) => wv.map((wr) => wr[0] * r[0] + wr[1] * r[1] + 1.5));
    const dw = [0, 1, 2].map((i) => [0, 1].map((j) => xv[0][i] * dh[0][j] + xv[1][i] * dh[1][j]));
    assert.deepStrictEqual(gx1, dx);
    assert.deepStrictEqual(gw1, dw);
  });

  it("a training loop's optimizer step and accumulation leave no garbage behind", () => {
    const model = new nn.Sequential(new nn.Linear(16, 32), new nn.ReLU(), new nn.Linear(32, 1));
    const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
    const x = torch.randn(64, 16), y = torch.randn(64, 1);
    const step = () => { opt.zero_grad(); const l = F.mse_loss(model(x) as never, y); l.backward(); opt.step(); };
    for (let i = 0; i < 5; i++) step();
    const before = memoryStats();
    for (let i = 0; i < 20; i++) step();
    const after = memoryStats();
    // per step: the forward's outputs and saved tensors, the loss, the gradients between layers;
    // not the optimizer's temporaries or the gradients added into .grad (freed at once)
    const liveGrowth = (after.liveBytes - before.liveBytes) / 20;
    const allocated = (after.allocatedBytes - before.allocatedBytes) / 20;
    assert.ok(liveGrowth < allocated * 0.75, `live memory grew ${liveGrowth} bytes a step of ${allocated} allocated`);
  });
});
