// torchvision_root: torchvision's FashionMNIST reads a flat folder of gzipped IDX files (Debian's
// layout) through it, and its first images and labels equal actnb's torchvision for that folder.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { torchvision } from "../../kernel/index";
import { runPython } from "./runtime_harness";

const DEBIAN = "/usr/share/datasets/fashion-mnist";

/** An IDX file of unsigned bytes: magic (0, 0, 0x08, dims), the dims big-endian, the bytes. */
function idx(shape: number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * shape.length);
  head.set([0, 0, 0x08, shape.length]);
  shape.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(data)]);
}

function writeTinyDataset(dir: string, firstLabel: number): void {
  for (const [prefix, n] of [["train", 3], ["t10k", 2]] as const) {
    const pixels = Uint8Array.from({ length: n * 28 * 28 }, (_, i) => (i * 31 + n) % 256);
    fs.writeFileSync(path.join(dir, `${prefix}-images-idx3-ubyte.gz`), zlib.gzipSync(idx([n, 28, 28], pixels)));
    fs.writeFileSync(path.join(dir, `${prefix}-labels-idx1-ubyte.gz`), zlib.gzipSync(idx([n], Uint8Array.from({ length: n }, (_, i) => (i === 0 ? firstLabel : (i * 3) % 10)))));
  }
}

/** actnb's first image and label, and the dataset's length, for train and test. */
function actnbFirst(root: string) {
  return [true, false].map((train) => {
    const ds = new torchvision.datasets.FashionMNIST(root, { train });
    return { length: ds.len(), image: ds.data.index(0).tolist(), label: Number(ds.targets.index(0).item()) };
  });
}

/** The same through torchvision.datasets.FashionMNIST(torchvision_root(root)). */
function torchvisionFirst(root: string, cache: string) {
  return runPython(`import json, os, torchvision
from actnb_pytorch import torchvision_root
root = torchvision_root(${JSON.stringify(root)})
out = []
for train in (True, False):
    ds = torchvision.datasets.FashionMNIST(root, train=train, download=False)
    out.append({"length": len(ds), "image": ds.data[0].tolist(), "label": int(ds.targets[0])})
print(json.dumps({"root": root, "first": out}))`, { XDG_CACHE_HOME: cache });
}

describe("PyTorch runtime: torchvision_root", function () {
  let tmp: string;
  beforeEach(function () { tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pyrt-data-")); });
  afterEach(function () { fs.rmSync(tmp, { recursive: true, force: true }); });

  it("lets torchvision read a flat folder of gzipped IDX files, as actnb reads it", function () {
    const data = path.join(tmp, "data"), cache = path.join(tmp, "cache");
    fs.mkdirSync(data);
    writeTinyDataset(data, 7);
    const r = torchvisionFirst(data, cache);
    assert.ok(r.root.startsWith(path.join(cache, "actnb", "torchvision") + path.sep), r.root);
    assert.deepStrictEqual(r.first, actnbFirst(data));
    assert.strictEqual(r.first[0].label, 7);

    // a newer file in the folder replaces the cached copy
    writeTinyDataset(data, 4);
    const later = new Date(Date.now() + 5000);
    for (const f of fs.readdirSync(data)) fs.utimesSync(path.join(data, f), later, later);
    assert.strictEqual(torchvisionFirst(data, cache).first[0].label, 4);
  });

  it("returns any other root unchanged", function () {
    const r = runPython(`import json\nfrom actnb_pytorch import torchvision_root\nprint(json.dumps(torchvision_root(${JSON.stringify(tmp)})))`, { XDG_CACHE_HOME: path.join(tmp, "cache") });
    assert.strictEqual(r, tmp);
    assert.ok(!fs.existsSync(path.join(tmp, "cache")), "nothing is cached for a folder without IDX files");
  });

  it(`reads Debian's Fashion-MNIST (${DEBIAN}) as actnb does`, function () {
    if (!fs.existsSync(path.join(DEBIAN, "train-images-idx3-ubyte.gz"))) this.skip();
    const r = torchvisionFirst(DEBIAN, path.join(tmp, "cache"));
    assert.deepStrictEqual(r.first, actnbFirst(DEBIAN));
    assert.deepStrictEqual(r.first.map((f: { length: number }) => f.length), [60000, 10000]);
  });
});
