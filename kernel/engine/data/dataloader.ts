// torch.utils.data.DataLoader: batches of a dataset, as PyTorch 1.13 makes them
// (torch/utils/data/dataloader.py). The same seed (torch.manual_seed, or `generator`) gives the
// same batches in the same order as PyTorch, epoch after epoch, and leaves the random stream
// where PyTorch leaves it: every epoch draws one int64 from the generator (PyTorch's workers'
// base seed), then a shuffling epoch without a generator draws a second to seed its permutation.
import { Tensor } from "../tensor";
import { RuntimeError, ValueError } from "../errors";
import { default_generator, Generator } from "../random";
import { bindArgs } from "../args";
import { stack, tensor } from "../ops";
import { int64, float64, bool } from "../dtype";
import { Dataset, DatasetLike, datasetItem } from "./dataset";
import { BatchSampler, drawSeed, RandomSampler, Sampler, SequentialSampler } from "./sampler";

const COLLATE_ERROR = "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found";

/**
 * PyTorch's default_collate: tensors stacked, lists and objects collated element by element,
 * numbers made a tensor. Python tells ints (int64, such as class labels) from floats (float64);
 * JavaScript numbers do not, so a batch of whole numbers becomes int64 and any other float64
 * (a float feature that happens to be whole in every item: give it as a tensor).
 */
export function default_collate(batch: readonly unknown[]): any {
  const elem = batch[0];
  if (elem instanceof Tensor) return stack(batch as Tensor[], 0);
  if (typeof elem === "number") return tensor(batch as number[], { dtype: (batch as number[]).every(Number.isInteger) ? int64 : float64 });
  if (typeof elem === "boolean") return tensor(batch as boolean[], { dtype: bool });
  if (typeof elem === "string") return [...batch];
  if (Array.isArray(elem)) {
    if (batch.some((b) => !Array.isArray(b) || b.length !== elem.length)) throw new RuntimeError("each element in list of batch should be of equal size");
    return elem.map((_, i) => default_collate(batch.map((b) => (b as unknown[])[i])));
  }
  if (elem !== null && typeof elem === "object" && Object.getPrototypeOf(elem) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(elem)) out[key] = default_collate(batch.map((b) => (b as Record<string, unknown>)[key]));
    return out;
  }
  throw new TypeError(`${COLLATE_ERROR} ${elem === null ? "<class 'NoneType'>" : `<class '${typeof elem}'>`}`);
}

const OPTIONS = {
  batch_size: 1 as number | null, shuffle: null as boolean | null, sampler: null as Sampler | Iterable<number> | null,
  batch_sampler: null as Iterable<number[]> | null, num_workers: 0, collate_fn: null as ((batch: unknown[]) => unknown) | null,
  pin_memory: false, drop_last: false, timeout: 0, worker_init_fn: null as unknown, multiprocessing_context: null as unknown,
  generator: null as Generator | null, prefetch_factor: 2, persistent_workers: false, pin_memory_device: "",
};

let warnedWorkers = false;

export class DataLoader<T = any> implements Iterable<T> {
  readonly dataset: DatasetLike;
  readonly batch_size: number | null;
  readonly drop_last: boolean;
  readonly sampler: Iterable<number> & { len?(): number };
  readonly batch_sampler: Iterable<number[]> | null;
  readonly generator: Generator | null;
  readonly collate_fn: (batch: unknown[]) => unknown;
  readonly num_workers: number;

  constructor(dataset: DatasetLike, ...args: unknown[]) {
    const a = bindArgs("DataLoader.__init__", args, OPTIONS, 2);
    this.dataset = dataset;
    if (!(dataset instanceof Dataset) && !Array.isArray(dataset)) throw new TypeError("DataLoader takes a Dataset (or an array of items) as its dataset");
    if (!Number.isInteger(a.num_workers) || a.num_workers < 0) throw new ValueError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
    if (a.timeout < 0) throw new ValueError("timeout option should be non-negative");
    if (a.num_workers === 0 && a.prefetch_factor !== 2) throw new ValueError("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing.");
    if (a.persistent_workers && a.num_workers === 0) throw new ValueError("persistent_workers option needs num_workers > 0");
    if (a.num_workers > 0 && !warnedWorkers) {
      warnedWorkers = true;
      console.warn(`UserWarning: actnb's DataLoader loads every batch in the kernel's own process: num_workers=${a.num_workers} gives the very batches PyTorch would, without worker processes.`);
    }
    let batchSize = a.batch_size;
    let dropLast = a.drop_last;
    if (a.sampler !== null && a.shuffle) throw new ValueError("sampler option is mutually exclusive with shuffle");
    if (a.batch_sampler !== null) {
      if (batchSize !== 1 || a.shuffle || a.sampler !== null || dropLast) throw new ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
      batchSize = null;
      dropLast = false;
    } else if (batchSize === null && dropLast) {
      throw new ValueError("batch_size=None option disables auto-batching and is mutually exclusive with drop_last");
    }
    this.sampler = a.sampler ?? (a.shuffle ? new RandomSampler(dataset, { generator: a.generator }) : new SequentialSampler(dataset));
    if (batchSize !== null && a.batch_sampler === null) {
      if (typeof this.sampler.len !== "function") throw new TypeError("DataLoader: a sampler needs len() to be batched");
      this.batch_sampler = new BatchSampler(this.sampler as Sampler, batchSize, dropLast);
    } else {
      this.batch_sampler = a.batch_sampler;
    }
    this.batch_size = batchSize;
    this.drop_last = dropLast;
    this.generator = a.generator;
    this.num_workers = a.num_workers;
    this.collate_fn = a.collate_fn ?? (this.batch_sampler ? default_collate : (x: unknown) => x);
  }

  /** len(loader): the number of batches (or of items, without batching). */
  len(): number {
    const s = (this.batch_sampler ?? this.sampler) as { len?(): number };
    if (typeof s.len !== "function") throw new TypeError("this DataLoader's sampler has no len()");
    return s.len();
  }
  get length(): number { return this.len(); }

  *[Symbol.iterator](): Iterator<T> {
    // PyTorch's _BaseDataLoaderIter: the workers' base seed, drawn even when nothing uses it
    drawSeed(this.generator ?? default_generator);
    if (!this.batch_sampler) {
      for (const i of this.sampler) yield this.collate_fn(datasetItem(this.dataset, i) as unknown as unknown[]) as T;
      return;
    }
    // a dataset that collates a whole batch at once (a TensorDataset's gather, a torchvision
    // dataset's batch transform) gives the same tensors as default_collate of its items
    const whole = this.collate_fn === default_collate && this.dataset instanceof Dataset ? this.dataset : null;
    for (const batch of this.batch_sampler) {
      yield (whole?.getitems(batch) ?? this.collate_fn(batch.map((i) => datasetItem(this.dataset, i)))) as T;
    }
  }
}
