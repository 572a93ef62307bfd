// torch.utils.data against PyTorch 1.13 (fixtures/data.json, from gen_data.py): a seeded
// DataLoader yields PyTorch's batches in PyTorch's order, epoch after epoch, random_split makes
// PyTorch's parts, and both leave the global random stream where PyTorch leaves it (the next
// torch.rand equals PyTorch's).
import * as assert from "assert";
import { torch } from "../../kernel/engine";
import { loadFixture, assertClose } from "./fixtures";

const { DataLoader, TensorDataset, random_split, default_collate, Dataset, Subset } = torch.utils.data;
const fx = loadFixture("data");

function seeded(seed: number, generatorSeed: number | null) {
  torch.manual_seed(seed);
  return generatorSeed === null ? null : new torch.Generator().manual_seed(generatorSeed);
}

describe("golden: DataLoader batches and order (PyTorch 1.13)", () => {
  for (const [name, c] of Object.entries<any>(fx.loaders)) {
    it(`${name}: ${JSON.stringify(c.options)}`, () => {
      const g = seeded(c.seed, c.generator_seed);
      const loader = new DataLoader(new TensorDataset(torch.arange(c.n)), { ...c.options, generator: g });
      assert.strictEqual(loader.length, c.length);
      const epochs = c.epochs.map(() => [...loader].map((b: any) => b[0].tolist()));
      assert.deepStrictEqual(epochs, c.epochs);
      assertClose(torch.rand(3).tolist(), c.after, "the global stream afterwards", 0, 0);
      if (g) assertClose(torch.rand(3, { generator: g }).tolist(), c.after_generator, "the loader's generator afterwards", 0, 0);
    });
  }

  for (const c of fx.big) {
    it(`a Fashion-MNIST-sized epoch: ${c.n} items, batch ${c.batch_size}, seed ${c.seed}`, () => {
      torch.manual_seed(c.seed);
      const loader = new DataLoader(new TensorDataset(torch.arange(c.n)), { batch_size: c.batch_size, shuffle: true });
      const got = [...loader].map((b: any) => b[0].tolist() as number[]);
      assert.strictEqual(got.length, c.length);
      assert.deepStrictEqual(got.slice(0, c.first.length).map((b) => b.slice(0, 8)), c.first);
      assert.strictEqual(got[got.length - 1].length, c.last_size);
      let checksum = 0;
      got.forEach((b, i) => { checksum = (checksum + b.reduce((s, v) => s + v, 0) * (i + 1)) % 1000003; });
      assert.strictEqual(checksum, c.checksum);
      assertClose(torch.rand(3).tolist(), c.after, "the global stream afterwards", 0, 0);
    });
  }
});

describe("golden: random_split (PyTorch 1.13)", () => {
  for (const [name, c] of Object.entries<any>(fx.splits)) {
    it(`${name}: ${c.n} items into ${JSON.stringify(c.lengths)}`, () => {
      const g = seeded(c.seed, c.generator_seed);
      const items = Array.from({ length: c.n }, (_, i) => i);
      const parts = g ? random_split(items, c.lengths, { generator: g }) : random_split(items, c.lengths);
      const indices = parts.map((p: any) => [...p.indices]);
      if (c.parts) assert.deepStrictEqual(indices, c.parts);
      else {
        assert.deepStrictEqual(indices.map((p: number[]) => p.slice(0, 10)), c.heads);
        assert.deepStrictEqual(indices.map((p: number[]) => p.length), c.sizes);
        let checksum = 0;
        for (const p of indices) p.forEach((v: number, i: number) => { checksum = (checksum + v * ((i % 997) + 1)) % 1000003; });
        assert.strictEqual(checksum, c.checksum);
      }
      assertClose(torch.rand(3).tolist(), c.after, "the global stream afterwards", 0, 0);
    });
  }

  it("refuses lengths that do not add up, and fractions outside [0, 1], in PyTorch's words", () => {
    assert.throws(() => random_split([1, 2, 3], [2, 2]), { name: "ValueError", message: "Sum of input lengths does not equal the length of the input dataset!" });
    assert.throws(() => random_split([1, 2, 3], [1.5, -0.5]), { name: "ValueError", message: "Fraction at index 0 is not between 0 and 1" });
  });
});

describe("golden: default_collate (PyTorch 1.13)", () => {
  it("stacks tensors, makes int64 and float64 tensors of numbers, and collates lists and objects by element", () => {
    const c = fx.collate;
    const [x, ints, floats, d] = default_collate([
      [torch.tensor([1, 2]), 3, 0.5, { a: torch.tensor(1, { dtype: torch.int64 }), b: [1, 2] }],
      [torch.tensor([4, 5]), 6, 1.5, { a: torch.tensor(2, { dtype: torch.int64 }), b: [3, 4] }],
    ]);
    const described = (t: any) => ({ values: t.tolist(), dtype: String(t.dtype) });
    assert.deepStrictEqual(described(x), c.x);
    assert.deepStrictEqual(described(ints), c.ints);
    assert.deepStrictEqual(described(floats), c.floats);
    assert.deepStrictEqual(described(d.a), c.dict_a);
    assert.deepStrictEqual(d.b.map(described), c.dict_b);
  });
});

describe("torch.utils.data: the API around the numbers", () => {
  class Squares extends Dataset<[number, number]> {
    len() { return 5; }
    getitem(i: number): [number, number] { return [i, i * i]; }
  }

  it("a Dataset subclass (len, getitem) batches through default_collate; a Subset and a plain array too", () => {
    const loader = new DataLoader(new Squares(), { batch_size: 2 });
    assert.strictEqual(loader.length, 3);
    const batches = [...loader].map(([i, sq]: any) => [i.tolist(), sq.tolist(), String(sq.dtype)]);
    assert.deepStrictEqual(batches, [[[0, 1], [0, 1], "torch.int64"], [[2, 3], [4, 9], "torch.int64"], [[4], [16], "torch.int64"]]);
    assert.deepStrictEqual([...new Subset(new Squares(), [4, 0])], [[4, 16], [0, 0]]);
    assert.deepStrictEqual([...new DataLoader([10, 20, 30], { batch_size: 2 })].map((t: any) => t.tolist()), [[10, 20], [30]]);
  });

  it("gathers the same batches from a TensorDataset as stacking its items would, with a collate_fn of one's own too", () => {
    torch.manual_seed(3);
    const x = torch.randn(9, 2);
    const y = torch.arange(9);
    const viaRows = [...new DataLoader(new TensorDataset(x, y), { batch_size: 4, collate_fn: (b: any[]) => default_collate(b) })];
    const fast = [...new DataLoader(new TensorDataset(x, y), { batch_size: 4 })];
    assert.deepStrictEqual(fast.map((b: any) => b.map((t: any) => t.tolist())), viaRows.map((b: any) => b.map((t: any) => t.tolist())));
    // through random_split's Subset (its indices mapped first), and with a tensor needing grad (item by item)
    const [part] = random_split(new TensorDataset(x, y), [6, 3]);
    const subsetFast = [...new DataLoader(part, { batch_size: 4 })];
    const subsetItems = [...new DataLoader(part, { batch_size: 4, collate_fn: (b: any[]) => default_collate(b) })];
    assert.deepStrictEqual(subsetFast.map((b: any) => b.map((t: any) => t.tolist())), subsetItems.map((b: any) => b.map((t: any) => t.tolist())));
    const [withGrad] = [...new DataLoader(new TensorDataset(x.requires_grad_()), { batch_size: 3 })] as any[];
    assert.strictEqual(withGrad[0].grad_fn.name(), "StackBackward0");
  });

  it("refuses what PyTorch refuses, with its words", () => {
    const ds = new TensorDataset(torch.arange(4));
    assert.throws(() => new DataLoader(ds, { batch_size: 0 }), { name: "ValueError", message: "batch_size should be a positive integer value, but got batch_size=0" });
    assert.throws(() => new DataLoader(ds, { sampler: [0, 1], shuffle: true }), { name: "ValueError", message: "sampler option is mutually exclusive with shuffle" });
    // @ts-expect-error misspelt on purpose: the error names the unknown keyword
    assert.throws(() => new DataLoader(ds, { batch_sise: 2 }), { name: "TypeError", message: "DataLoader.__init__() got an unexpected keyword argument 'batch_sise'" });
    assert.throws(() => new DataLoader(ds, { persistent_workers: true }), { name: "ValueError", message: "persistent_workers option needs num_workers > 0" });
    assert.throws(() => new TensorDataset(torch.zeros(3), torch.zeros(4)), { name: "AssertionError", message: "Size mismatch between tensors" });
    assert.throws(() => default_collate([null, null]), { name: "TypeError", message: /default_collate: batch must contain tensors/ });
  });
});
