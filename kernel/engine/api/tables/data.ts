// torch.utils.data: new DataLoader(dataset, { batch_size: 64, shuffle: true }), TensorDataset, ...
import type { ApiTable } from "../entry";

const DATA = {
  dataset: "The dataset: a Dataset (len() and getitem(i)), or an array of items.",
  data_source: "The dataset whose indices are drawn.",
  batch_size: "Items per batch; `null` hands out the items one by one, not collated.",
  shuffle: "Visit the items in a new random order every epoch.",
  sampler: "Which indices to visit, in which order (then not `shuffle`).",
  batch_sampler: "Which indices make each batch (then none of batch_size, shuffle, sampler, drop_last).",
  num_workers: "Accepted for PyTorch's code: every batch is made in the kernel's own process, the same batches PyTorch's workers would make.",
  collate_fn: "Makes a batch from a list of items; `null`: default_collate (tensors stacked, numbers made tensors).",
  pin_memory: "Accepted for PyTorch's code: there is no GPU memory to pin for.",
  drop_last: "Drop the last batch when it is smaller than batch_size.",
  timeout: "Accepted for PyTorch's code (how long to wait for a worker's batch); there are no workers.",
  worker_init_fn: "Accepted for PyTorch's code: called in each worker, and there are none.",
  multiprocessing_context: "Accepted for PyTorch's code: there are no worker processes.",
  generator: "The random generator that shuffles (and draws PyTorch's worker seed); `null`: the global one.",
  prefetch_factor: "Accepted for PyTorch's code: batches prefetched per worker (only 2 without workers, as PyTorch requires).",
  persistent_workers: "Accepted for PyTorch's code: needs workers, as in PyTorch.",
  pin_memory_device: "Accepted for PyTorch's code: there is no GPU memory to pin for.",
  tensors: "Tensors with the same first dimension: item i is [t0[i], t1[i], ...].",
  replacement: "Draw with replacement (then num_samples may exceed the dataset's length).",
  num_samples: "How many indices an epoch draws; `null`: the dataset's length.",
  lengths: "The parts' lengths, as counts or as fractions summing to 1.",
};

export const CONSTRUCTORS_DATA = {
  "data.DataLoader": {
    summary: "Batches of a dataset for training loops: `for (const [x, y] of loader)`, with PyTorch's batches and order for the same seed.",
    signatures: ["(dataset: DatasetLike, batch_size: number | null = 1, shuffle: boolean | null = null, sampler: Sampler | Iterable<number> | null = null, batch_sampler: Iterable<number[]> | null = null, num_workers: number = 0, collate_fn: ((batch: any[]) => any) | null = null, pin_memory: boolean = false, drop_last: boolean = false, timeout: number = 0, worker_init_fn: ((worker_id: number) => void) | null = null, multiprocessing_context: string | null = null, generator: Generator | null = null, *, prefetch_factor: number = 2, persistent_workers: boolean = false, pin_memory_device: string = \"\"): DataLoader"],
    params: DATA,
    example: "const ds = new torch.utils.data.TensorDataset(torch.arange(5), torch.arange(5).mul(10));\nconst loader = new torch.utils.data.DataLoader(ds, { batch_size: 2 });\nloader.length  // 3\n[...loader][2].join(\", \")  // tensor([4]), tensor([40])",
    pytorch: "torch.utils.data.DataLoader",
  },
  "data.TensorDataset": {
    summary: "A dataset of tensors' rows: item i is [t0[i], t1[i], ...].",
    signatures: ["(...tensors: Tensor): TensorDataset"],
    params: DATA,
    example: "const ds = new torch.utils.data.TensorDataset(torch.tensor([[1, 2], [3, 4]]), torch.tensor([0, 1], { dtype: torch.int64 }));\nds.length  // 2\nds.getitem(1).join(\", \")  // tensor([3., 4.]), tensor(1)",
    pytorch: "torch.utils.data.TensorDataset",
  },
  "data.RandomSampler": {
    summary: "The dataset's indices in a random order (a new one every epoch), or drawn with replacement; PyTorch's draws for the same seed.",
    signatures: ["(data_source: DatasetLike, replacement: boolean = false, num_samples: number | null = null, generator: Generator | null = null): RandomSampler"],
    params: DATA,
    example: "const g = new torch.Generator().manual_seed(0);\n[...new torch.utils.data.RandomSampler([10, 20, 30, 40], { generator: g })].join(\", \")  // 0, 1, 3, 2",
    pytorch: "torch.utils.data.RandomSampler",
  },
} satisfies ApiTable;

export const FUNCTIONS_DATA = {
  "data.random_split": {
    summary: "Splits a dataset into non-overlapping random parts of the given lengths (or fractions), PyTorch's parts for the same seed.",
    signatures: ["(dataset: DatasetLike, lengths: readonly number[], generator: Generator | null = null): Subset[]"],
    positional: 1,
    params: { ...DATA, generator: "The random generator that draws the permutation; `null`: the global one." },
    example: "const [a, b] = torch.utils.data.random_split([1, 2, 3, 4, 5], [3, 2], new torch.Generator().manual_seed(0));\n[a.length, b.length].join(\", \")  // 3, 2",
    pytorch: "torch.utils.data.random_split",
  },
} satisfies ApiTable;
