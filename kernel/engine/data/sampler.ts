// torch.utils.data's samplers: which indices an epoch visits, in which order, in which batches.
// The random ones draw exactly what PyTorch 1.13 draws (torch/utils/data/sampler.py).
import { default_generator, Generator } from "../random";
import { ValueError } from "../errors";
import { bindArgs } from "../args";
import { DatasetLike, datasetLength } from "./dataset";

export abstract class Sampler implements Iterable<number> {
  abstract [Symbol.iterator](): Iterator<number>;
  abstract len(): number;
  get length(): number { return this.len(); }
}

/** An int64 drawn as `torch.empty((), dtype=torch.int64).random_(generator=g)` does: random64() mod 2^63. */
export function drawSeed(g: Generator): bigint {
  return g.random64() & 0x7fffffffffffffffn;
}

export class SequentialSampler extends Sampler {
  constructor(readonly data_source: DatasetLike) { super(); }
  len(): number { return datasetLength(this.data_source); }
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.len(); i++) yield i;
  }
}

export class RandomSampler extends Sampler {
  readonly replacement: boolean;
  readonly generator: Generator | null;
  private readonly numSamples: number | null;
  constructor(readonly data_source: DatasetLike, ...args: unknown[]) {
    super();
    const a = bindArgs("RandomSampler.__init__", args, { replacement: false, num_samples: null as number | null, generator: null as Generator | null }, 2);
    if (typeof a.replacement !== "boolean") throw new TypeError(`replacement should be a boolean value, but got replacement=${String(a.replacement)}`);
    this.replacement = a.replacement;
    this.numSamples = a.num_samples;
    this.generator = a.generator;
    if (!Number.isInteger(this.num_samples) || this.num_samples <= 0) throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${this.num_samples}`);
  }
  get num_samples(): number { return this.numSamples ?? datasetLength(this.data_source); }
  len(): number { return this.num_samples; }
  *[Symbol.iterator](): Iterator<number> {
    const n = datasetLength(this.data_source);
    // without a generator of its own, a fresh one seeded from the global stream, every epoch
    const g = this.generator ?? new Generator(drawSeed(default_generator));
    if (this.replacement) {
      const draw = (k: number) => { const out = new Float64Array(k); g.random_(out, 0, n); return out; };
      for (let i = 0; i < Math.floor(this.num_samples / 32); i++) yield* draw(32);
      yield* draw(this.num_samples % 32);
      return;
    }
    for (let i = 0; i < Math.floor(this.num_samples / n); i++) yield* g.randperm(n);
    yield* g.randperm(n).subarray(0, this.num_samples % n);
  }
}

/** Indices in batches of `batch_size`; the last, shorter one dropped with `drop_last`. */
export class BatchSampler implements Iterable<number[]> {
  constructor(readonly sampler: Iterable<number> & { len(): number }, readonly batch_size: number, readonly drop_last: boolean) {
    if (typeof batch_size !== "number" || !Number.isInteger(batch_size) || batch_size <= 0) {
      throw new ValueError(`batch_size should be a positive integer value, but got batch_size=${String(batch_size)}`);
    }
    if (typeof drop_last !== "boolean") throw new ValueError(`drop_last should be a boolean value, but got drop_last=${String(drop_last)}`);
  }
  len(): number {
    const n = this.sampler.len();
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }
  get length(): number { return this.len(); }
  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batch_size) { yield batch; batch = []; }
    }
    if (batch.length && !this.drop_last) yield batch;
  }
}
