// torchvision.datasets.MNIST and FashionMNIST (torchvision 0.14): the IDX files read into uint8
// and int64 tensors in the engine's memory, in torchvision's folder layout (root/FashionMNIST/raw)
// or a flat folder such as Debian's (/usr/share/datasets/fashion-mnist), gzipped or not.
//
// An item is [image, label]: the image is what `transform` makes of the uint8 [28, 28] tensor
// (torchvision hands transforms a PIL image; ToTensor takes this tensor the same way), the label
// a number (what `target_transform` makes of it).
import * as fs from "fs";
import * as path from "path";
import { Tensor } from "../engine/tensor";
import { int64, uint8 } from "../engine/dtype";
import { RuntimeError, IndexError } from "../engine/errors";
import { bindArgs } from "../engine/args";
import { Dataset } from "../engine/data";
import { readIdx } from "./idx";
import { downloadResources } from "./download";

type Transform = (x: any) => any;

/** How to get a dataset that is not on this machine, for the error that says it is missing. */
interface Source { apt?: { pkg: string; dir: string } }

export class MNIST extends Dataset<[any, any]> {
  static mirrors = ["http://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"];
  static resources: Array<[string, string]> = [
    ["train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"],
    ["train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"],
    ["t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"],
    ["t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"],
  ];
  /** The class's name as torchvision spells it (folder names and messages; bundles rename classes). */
  static datasetName = "MNIST";
  static classes = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];
  protected static source: Source = {};

  readonly root: string;
  readonly train: boolean;
  readonly transform: Transform | null;
  readonly target_transform: Transform | null;
  /** uint8 [N, 28, 28] */
  readonly data: Tensor;
  /** int64 [N] */
  readonly targets: Tensor;

  constructor(root: string, ...args: unknown[]) {
    super();
    const ctor = new.target as unknown as typeof MNIST;
    const name = ctor.datasetName;
    const a = bindArgs(`${name}.__init__`, args, { train: true, transform: null as Transform | null, target_transform: null as Transform | null, download: false }, 2);
    if (typeof root !== "string") throw new TypeError(`${name}: root must be a folder's path (a string)`);
    this.root = root;
    this.train = a.train;
    this.transform = a.transform;
    this.target_transform = a.target_transform;
    if (a.download) downloadResources(ctor.mirrors, ctor.resources, this.raw_folder);
    const prefix = this.train ? "train" : "t10k";
    const images = this.find(`${prefix}-images-idx3-ubyte`, ctor);
    const labels = this.find(`${prefix}-labels-idx1-ubyte`, ctor);
    const img = readIdx(images);
    const lab = readIdx(labels);
    if (img.shape.length !== 3 || lab.shape.length !== 1 || img.shape[0] !== lab.shape[0]) {
      throw new RuntimeError(`${name}: ${images} holds ${img.shape.join("×")} and ${labels} ${lab.shape.join("×")}: not images with one label each`);
    }
    this.data = Tensor.empty(img.shape, uint8);
    this.data._data.set(img.data);
    this.targets = Tensor.empty(lab.shape, int64);
    this.targets._data.set(lab.data);
  }

  /** root/<ClassName>/raw, where torchvision keeps (and download puts) the files. */
  private get ctor(): typeof MNIST { return this.constructor as typeof MNIST; }
  get raw_folder(): string { return path.join(this.root, this.ctor.datasetName, "raw"); }
  get classes(): string[] { return this.ctor.classes; }
  get class_to_idx(): Record<string, number> { return Object.fromEntries(this.classes.map((c, i) => [c, i])); }

  private find(base: string, ctor: typeof MNIST): string {
    const places = [this.raw_folder, this.root];
    for (const dir of places) for (const file of [base, `${base}.gz`]) if (fs.existsSync(path.join(dir, file))) return path.join(dir, file);
    const apt = ctor.source.apt;
    throw new RuntimeError(
      `Dataset not found. You can use download=True to download it: ${ctor.datasetName} looked for ${base} (or ${base}.gz) in ${places.join(" and ")}.` +
      (apt ? ` On Debian, \`sudo apt-get install -y ${apt.pkg}\` puts the files in ${apt.dir}: use that folder as root.` : "") +
      ` Or pass { download: true } to fetch ${ctor.resources.map((r) => r[0]).join(", ")} into ${this.raw_folder}.`,
    );
  }

  len(): number { return this.data.shape[0]; }

  getitem(index: number): [any, any] {
    const n = this.len();
    if (!Number.isInteger(index) || index < -n || index >= n) throw new IndexError(`index ${index} is out of bounds for dimension 0 with size ${n}`);
    let img: unknown = this.data.select(0, index);
    let target: unknown = this.targets._data[index < 0 ? index + n : index];
    if (this.transform) img = this.transform(img);
    if (this.target_transform) target = this.target_transform(target);
    return [img, target];
  }

  /**
   * Items `indices` already collated, [images, labels], as a DataLoader's default_collate would
   * stack them: gathered rows, the transform applied to the whole batch. Null when the transform
   * has no batch form (or there is a target_transform): the DataLoader then goes item by item.
   */
  override getitems(indices: readonly number[]): [Tensor, Tensor] | null {
    if (this.target_transform) return null;
    const index = Tensor.empty([indices.length], int64);
    index._data.set(indices);
    const images = this.data.index_select(0, index);
    const batch = this.transform ? (this.transform as { forwardBatch?(b: Tensor): Tensor | null }).forwardBatch?.(images) ?? null : images;
    return batch && [batch, this.targets.index_select(0, index)];
  }

  override toString(): string {
    return [`Dataset ${this.ctor.datasetName}`, `    Number of datapoints: ${this.len()}`, `    Root location: ${this.root}`, `    Split: ${this.train ? "Train" : "Test"}`,
      ...(this.transform ? [`    StandardTransform`, `Transform: ${String(this.transform).split("\n").join("\n           ")}`] : [])].join("\n");
  }
}

export class FashionMNIST extends MNIST {
  static override datasetName = "FashionMNIST";
  static override mirrors = ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"];
  static override resources: Array<[string, string]> = [
    ["train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"],
    ["train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"],
    ["t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"],
    ["t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"],
  ];
  static override classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
  protected static override source: Source = { apt: { pkg: "dataset-fashion-mnist", dir: "/usr/share/datasets/fashion-mnist" } };
}
