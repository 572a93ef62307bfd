// torch.utils.data: datasets, samplers and the DataLoader, as PyTorch 1.13 has them.
export { Dataset, TensorDataset, Subset, ConcatDataset, random_split } from "./dataset";
export type { DatasetLike } from "./dataset";
export { Sampler, SequentialSampler, RandomSampler, BatchSampler } from "./sampler";
export { DataLoader, default_collate } from "./dataloader";
