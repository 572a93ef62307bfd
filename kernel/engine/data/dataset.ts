// torch.utils.data's datasets: Dataset (subclass it: len() and getitem(i)), TensorDataset,
// Subset, ConcatDataset, and random_split, as in PyTorch 1.13 (torch/utils/data/dataset.py).
import { Tensor } from "../tensor";
import { AssertionError, IndexError, ValueError } from "../errors";
import { default_generator, Generator } from "../random";
import { bindArgs } from "../args";
import { index_select, tensor } from "../ops";
import { int64 } from "../dtype";

/**
 * A map-style dataset: `len()` items, `getitem(i)` the i-th. Subclass it and implement both;
 * `length` is `len()`, as PyTorch's `len(dataset)`.
 */
export abstract class Dataset<T = unknown> {
  abstract len(): number;
  abstract getitem(index: number): T;
  get length(): number { return this.len(); }
  /**
   * The items at `indices` already collated, as default_collate would make them (PyTorch 2's
   * __getitems__), for a dataset that can do it at once (a gather, one transform per batch);
   * null to have the DataLoader go item by item. Null here.
   */
  getitems(_indices: readonly number[]): unknown | null { return null; }
  /** getitem for every index in order: `for (const item of dataset)`. */
  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.len(); i++) yield this.getitem(i);
  }
}

/** Anything a DataLoader or random_split accepts: a Dataset, or an array (Python's list). */
export type DatasetLike<T = unknown> = Dataset<T> | readonly T[];

export function datasetLength(ds: DatasetLike): number {
  return ds instanceof Dataset ? ds.len() : ds.length;
}

export function datasetItem<T>(ds: DatasetLike<T>, i: number): T {
  if (ds instanceof Dataset) return ds.getitem(i);
  if (i < 0 || i >= ds.length) throw new IndexError("list index out of range");
  return ds[i];
}

/** Rows of tensors that share their first dimension: item i is [t0[i], t1[i], ...]. */
export class TensorDataset extends Dataset<Tensor[]> {
  readonly tensors: Tensor[];
  constructor(...tensors: Tensor[]) {
    super();
    for (const t of tensors) if (!(t instanceof Tensor)) throw new TypeError(`TensorDataset takes tensors, not ${typeof t}`);
    if (tensors.some((t) => t.dim() === 0 || t.shape[0] !== tensors[0].shape[0])) throw new AssertionError("Size mismatch between tensors");
    this.tensors = tensors;
  }
  len(): number { return this.tensors.length ? this.tensors[0].shape[0] : 0; }
  getitem(index: number): Tensor[] {
    const n = this.len();
    if (!Number.isInteger(index) || index < -n || index >= n) throw new IndexError(`index ${index} is out of bounds for dimension 0 with size ${n}`);
    return this.tensors.map((t) => t.select(0, index));
  }
  /** Gathered rows: the same numbers as stacking the items, in one gather per tensor. */
  override getitems(indices: readonly number[]): Tensor[] | null {
    if (this.tensors.some((t) => t.requires_grad)) return null; // stacking records StackBackward0
    const index = tensor(indices as number[], { dtype: int64 });
    return this.tensors.map((t) => index_select(t, 0, index));
  }
}

/** The items of `dataset` at `indices`, in that order. */
export class Subset<T = unknown> extends Dataset<T> {
  constructor(readonly dataset: DatasetLike<T>, readonly indices: readonly number[]) { super(); }
  len(): number { return this.indices.length; }
  getitem(index: number): T {
    if (index < 0) index += this.indices.length;
    if (index < 0 || index >= this.indices.length) throw new IndexError("list index out of range");
    return datasetItem(this.dataset, this.indices[index]);
  }
  override getitems(indices: readonly number[]): unknown | null {
    return this.dataset instanceof Dataset ? this.dataset.getitems(indices.map((i) => this.indices[i])) : null;
  }
}

/** Datasets one after another. */
export class ConcatDataset<T = unknown> extends Dataset<T> {
  private readonly ends: number[] = [];
  constructor(readonly datasets: ReadonlyArray<DatasetLike<T>>) {
    super();
    if (!datasets.length) throw new AssertionError("datasets should not be an empty iterable");
    let end = 0;
    for (const d of datasets) this.ends.push((end += datasetLength(d)));
  }
  len(): number { return this.ends[this.ends.length - 1]; }
  getitem(index: number): T {
    if (index < 0) {
      if (-index > this.len()) throw new ValueError("absolute value of index should not exceed dataset length");
      index += this.len();
    }
    const d = this.ends.findIndex((e) => index < e);
    if (d < 0) throw new IndexError("list index out of range");
    return datasetItem(this.datasets[d], d === 0 ? index : index - this.ends[d - 1]);
  }
}

/**
 * torch.utils.data.random_split(dataset, lengths, generator=default_generator): `lengths` are
 * counts, or fractions summing to 1 (floors, then the remainder handed out one by one from the
 * first part); the parts are consecutive runs of one randperm, so a seed gives PyTorch's split.
 */
export function random_split<T>(dataset: DatasetLike<T>, ...args: unknown[]): Subset<T>[] {
  const a = bindArgs("random_split", args, { lengths: undefined as unknown as number[], generator: default_generator as Generator }, 1);
  let lengths = [...a.lengths];
  const n = datasetLength(dataset);
  const total = lengths.reduce((s, x) => s + x, 0);
  if (Math.abs(total - 1) <= 1e-9 * Math.max(1, Math.abs(total)) && total <= 1) {
    lengths = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new ValueError(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - lengths.reduce((s, x) => s + x, 0);
    for (let i = 0; i < remainder; i++) lengths[i % lengths.length] += 1;
    lengths.forEach((len, i) => { if (len === 0) console.warn(`UserWarning: Length of split at index ${i} is 0. This might result in an empty dataset.`); });
  }
  if (lengths.reduce((s, x) => s + x, 0) !== n) throw new ValueError("Sum of input lengths does not equal the length of the input dataset!");
  const indices = Array.from(a.generator.randperm(n));
  let offset = 0;
  return lengths.map((len) => new Subset(dataset, indices.slice(offset, (offset += len))));
}
