// torchvision in actnb against torchvision 0.14 (fixtures/vision.json, from gen_vision.py) on
// Debian's Fashion-MNIST, which scripts/setup.sh installs: the same tensors, labels, items after
// ToTensor and Normalize, and repr. Then what torchvision's users meet around it: IDX files
// gzipped or not, in torchvision's layout or a flat folder, damaged files, a missing dataset (the
// message says how to get it), and download: true against an HTTP server on 127.0.0.1 (a mirror
// that fails, MD5 checks, unpacking).
import * as assert from "assert";
import { spawn, ChildProcess } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { torch } from "../../kernel/engine";
import { torchvision } from "../../kernel/vision";
import { loadFixture, assertClose } from "./fixtures";

const { datasets, transforms } = torchvision;
const DEBIAN = "/usr/share/datasets/fashion-mnist";
const fx = loadFixture("vision");

describe("golden: torchvision.datasets.FashionMNIST on Debian's files (torchvision 0.14)", function () {
  this.timeout(60000);
  before(function () {
    assert.ok(fs.existsSync(path.join(DEBIAN, "train-images-idx3-ubyte.gz")), `Fashion-MNIST is not installed: run scripts/setup.sh (apt-get install -y dataset-fashion-mnist)`);
  });
  const tf = () => new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize([0.5], [0.5])]);

  for (const split of ["train", "test"] as const) {
    it(`${split}: sizes, dtypes, labels, class counts, pixels, an item after ToTensor+Normalize, repr`, () => {
      const want = fx.splits[split];
      const ds = new datasets.FashionMNIST(DEBIAN, { train: split === "train", transform: tf() });
      assert.strictEqual(ds.length, want.len);
      assert.deepStrictEqual(ds.data.shape, want.data_shape);
      assert.strictEqual(String(ds.data.dtype), want.data_dtype);
      assert.strictEqual(String(ds.targets.dtype), want.targets_dtype);
      assert.deepStrictEqual(ds.targets.narrow(0, 0, 20).tolist(), want.first_labels);
      const counts = new Array(10).fill(0);
      for (const y of ds.targets.tolist() as number[]) counts[y]++;
      assert.deepStrictEqual(counts, want.class_counts);
      assert.deepStrictEqual([0, 1, ds.length - 1].map((i) => ds.data.select(0, i).to(torch.int64).sum().item()), want.pixel_sums);
      const [img, label] = ds.getitem(7);
      assert.deepStrictEqual(img.shape, want.item7.shape);
      assert.strictEqual(String(img.dtype), want.item7.dtype);
      assert.strictEqual(label, want.item7.label);
      assertClose(img.select(0, 0).select(0, 14).tolist(), want.item7.row14, "row 14 of item 7", 0, 0);
      assertClose(img.to(torch.float64).sum().item(), want.item7.sum, "sum of item 7", 1e-12, 0);
      assert.strictEqual(String(ds).replace(DEBIAN, "ROOT"), want.repr);
    });
  }

  it("a DataLoader takes whole batches from the dataset (transform applied once per batch): the same tensors as item by item", () => {
    const ds = new datasets.FashionMNIST(DEBIAN, { train: false, transform: tf() });
    const sub = new torch.utils.data.Subset(ds, [5, 9000, 17, 3, 42, 7]);
    const fast = [...new torch.utils.data.DataLoader(sub, { batch_size: 4 })];
    const itemwise = [...new torch.utils.data.DataLoader(sub, { batch_size: 4, collate_fn: (b: unknown[]) => torch.utils.data.default_collate(b) })];
    assert.strictEqual(fast.length, 2);
    fast.forEach((batch: any, i: number) => {
      assert.deepStrictEqual(batch[0].shape, itemwise[i][0].shape);
      assert.ok(torch.equal(batch[0], itemwise[i][0]), `images of batch ${i}`);
      assert.deepStrictEqual([String(batch[1].dtype), batch[1].tolist()], [String(itemwise[i][1].dtype), itemwise[i][1].tolist()]);
    });
    const raw = [...new torch.utils.data.DataLoader(new datasets.FashionMNIST(DEBIAN, { train: false }), { batch_size: 3 })][0] as any;
    assert.deepStrictEqual([String(raw[0].dtype), raw[0].shape], ["torch.uint8", [3, 28, 28]]);
  });

  it("utils.make_grid tiles images as torchvision's does: uint8 with padding, floats normalized one by one", () => {
    const data = new datasets.FashionMNIST(DEBIAN, { train: false }).data;
    const grid = torchvision.utils.make_grid(data.narrow(0, 0, 10).unsqueeze(1), { nrow: 4, padding: 3, pad_value: 7 });
    assert.deepStrictEqual([grid.shape, String(grid.dtype)], [fx.make_grid_uint8.shape, fx.make_grid_uint8.dtype]);
    assert.strictEqual(grid.to(torch.int64).sum().item(), fx.make_grid_uint8.sum);
    assert.deepStrictEqual(grid.select(0, 0).select(0, 30).tolist(), fx.make_grid_uint8.row30);
    const toTensor = new transforms.ToTensor();
    const floats = torch.stack(Array.from({ length: 5 }, (_, i) => toTensor(data.select(0, i)))).mul(4).sub(1);
    const norm = torchvision.utils.make_grid(floats, { nrow: 2, normalize: true, scale_each: true });
    assert.deepStrictEqual(norm.shape, fx.make_grid_normalized.shape);
    assertClose(norm.select(0, 1).select(0, 20).tolist(), fx.make_grid_normalized.row20, "row 20", 1e-6, 1e-6);
    assertClose(norm.to(torch.float64).sum().item(), fx.make_grid_normalized.sum, "sum", 1e-6, 0);
  });

  it("classes, and ToTensor of a raw image", () => {
    assert.deepStrictEqual(datasets.FashionMNIST.classes, fx.classes);
    const ds = new datasets.FashionMNIST(DEBIAN);
    assertClose(new transforms.ToTensor()(ds.data.select(0, 0)).select(0, 0).select(0, 10).tolist(), fx.to_tensor_row, "ToTensor row 10", 0, 0);
    const [raw, label] = ds.getitem(0);
    assert.strictEqual(String(raw.dtype), "torch.uint8");
    assert.strictEqual(label, 9);
  });
});

/** An IDX file of unsigned bytes. */
function idx(shape: number[], data: number[]): Buffer {
  const head = Buffer.alloc(4 + 4 * shape.length);
  head[2] = 0x08;
  head[3] = shape.length;
  shape.forEach((s, i) => head.writeUInt32BE(s, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(data)]);
}

/** A tiny MNIST-like split: `n` 2×3 images whose pixels are their index, labels n-1-i. */
function tinySplit(n: number): { images: Buffer; labels: Buffer } {
  const pixels: number[] = [];
  for (let i = 0; i < n; i++) pixels.push(...new Array(6).fill(i));
  return { images: idx([n, 2, 3], pixels), labels: idx([n], Array.from({ length: n }, (_, i) => n - 1 - i)) };
}

function writeSplits(dir: string, gz: boolean): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [prefix, n] of [["train", 5], ["t10k", 3]] as const) {
    const { images, labels } = tinySplit(n);
    const put = (name: string, b: Buffer) => fs.writeFileSync(path.join(dir, gz ? `${name}.gz` : name), gz ? zlib.gzipSync(b) : b);
    put(`${prefix}-images-idx3-ubyte`, images);
    put(`${prefix}-labels-idx1-ubyte`, labels);
  }
}

describe("torchvision.datasets: files, layouts and errors", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vision-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a flat folder of .gz files and torchvision's root/MNIST/raw of unpacked files alike", () => {
    writeSplits(dir, true);
    const flat = new datasets.MNIST(dir, { train: false });
    assert.strictEqual(flat.length, 3);
    assert.deepStrictEqual(flat.targets.tolist(), [2, 1, 0]);
    const nested = path.join(dir, "nested");
    writeSplits(path.join(nested, "MNIST", "raw"), false);
    const ds = new datasets.MNIST(nested, { target_transform: (y: number) => y * 10 });
    assert.strictEqual(ds.length, 5);
    const [img, y] = ds.getitem(3);
    assert.deepStrictEqual([img.tolist(), y], [[[3, 3, 3], [3, 3, 3]], 10]);
  });

  it("a missing dataset says where it looked and how to get it; a damaged file names itself", () => {
    assert.throws(() => new datasets.FashionMNIST(dir), (e: Error) =>
      e.name === "RuntimeError" && e.message.startsWith("Dataset not found. You can use download=True to download it") &&
      e.message.includes(path.join(dir, "FashionMNIST", "raw")) && e.message.includes("train-images-idx3-ubyte") &&
      e.message.includes("sudo apt-get install -y dataset-fashion-mnist") && e.message.includes("{ download: true }"));
    writeSplits(dir, false);
    fs.truncateSync(path.join(dir, "train-images-idx3-ubyte"), 100);
    assert.throws(() => new datasets.MNIST(dir), /train-images-idx3-ubyte: the header announces 30 bytes of data \(5×2×3\) but the file holds 84; it is damaged or cut short/);
    fs.writeFileSync(path.join(dir, "train-images-idx3-ubyte"), "not idx");
    assert.throws(() => new datasets.MNIST(dir), /not an IDX file/);
  });

  it("transforms: Normalize checks its input as torchvision does; Lambda and Compose compose", () => {
    assert.throws(() => new transforms.Normalize([0.5], [0.5])(torch.zeros(1, 2, 2, { dtype: torch.int64 })), { name: "TypeError", message: "Input tensor should be a float tensor. Got torch.int64." });
    assert.throws(() => new transforms.Normalize([0.5], [0])(torch.zeros(1, 2, 2)), { name: "ValueError", message: "std evaluated to zero after conversion to torch.float32, leading to division by zero." });
    assert.throws(() => new transforms.ToTensor()(torch.zeros(2, 2)), /pic should be PIL Image or ndarray/);
    const t = new transforms.Compose([new transforms.ToTensor(), new transforms.Lambda((x: any) => x.mul(2))]);
    assert.deepStrictEqual(t(torch.tensor([[255, 0]], { dtype: torch.uint8 })).tolist(), [[[2, 0]]]);
    assert.strictEqual(String(t), "Compose(\n    ToTensor()\n    Lambda()\n)");
  });
});

describe("torchvision.datasets: download: true (an HTTP server on 127.0.0.1)", function () {
  this.timeout(60000);
  let server: ChildProcess;
  let base: string;
  let served: string;
  let dir: string;
  const saved = { mirrors: datasets.MNIST.mirrors, resources: datasets.MNIST.resources };

  before(async () => {
    served = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-served-"));
    writeSplits(served, true);
    // the download blocks this thread while it waits, so the server runs in a process of its own
    server = spawn(process.execPath, ["-e", `
      const http = require("http"), fs = require("fs"), path = require("path");
      const s = http.createServer((req, res) => {
        const file = path.join(${JSON.stringify(served)}, path.basename(req.url));
        if (req.url.startsWith("/broken/") || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
        res.writeHead(200, { "content-length": fs.statSync(file).size }); fs.createReadStream(file).pipe(res);
      });
      s.listen(0, "127.0.0.1", () => console.log(s.address().port));`], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<string>((resolve) => server.stdout!.once("data", (d) => resolve(String(d).trim())));
    base = `http://127.0.0.1:${port}`;
  });
  after(() => {
    server.kill();
    fs.rmSync(served, { recursive: true, force: true });
    Object.assign(datasets.MNIST, saved);
  });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-download-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const md5 = (f: string) => crypto.createHash("md5").update(fs.readFileSync(path.join(served, f))).digest("hex");
  const names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

  it("fetches every file from the first mirror that has it, checks its MD5, unpacks it into root/MNIST/raw, and reads it", () => {
    datasets.MNIST.mirrors = [`${base}/broken/`, `${base}/`];
    datasets.MNIST.resources = names.map((n) => [n, md5(n)] as [string, string]);
    const ds = new datasets.MNIST(dir, { download: true });
    assert.strictEqual(ds.length, 5);
    for (const n of names) {
      assert.ok(fs.existsSync(path.join(dir, "MNIST", "raw", n)), n);
      assert.ok(fs.existsSync(path.join(dir, "MNIST", "raw", n.replace(/\.gz$/, ""))), `${n} unpacked`);
    }
    // present and checked: not fetched again (the mirrors are gone now)
    datasets.MNIST.mirrors = [`${base}/broken/`];
    assert.strictEqual(new datasets.MNIST(dir, { train: false, download: true }).length, 3);
  });

  it("a file whose MD5 is wrong is refused, and nothing of it is kept", () => {
    datasets.MNIST.mirrors = [`${base}/`];
    datasets.MNIST.resources = names.map((n) => [n, "0".repeat(32)] as [string, string]);
    assert.throws(() => new datasets.MNIST(dir, { download: true }), (e: Error) =>
      e.name === "RuntimeError" && /Error downloading train-images-idx3-ubyte\.gz:\nTried http:\/\/127\.0\.0\.1:\d+\/train-images-idx3-ubyte\.gz: its MD5 is [0-9a-f]{32}, not 0{32}/.test(e.message));
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, "MNIST", "raw")), []);
  });
});
