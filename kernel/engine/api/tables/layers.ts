// Dropout, Flatten and the normalisation layers: nn.Dropout(0.2), F.dropout(x, 0.2), nn.LayerNorm(8), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const DROPOUT = {
  ...COMMON,
  p: "The probability of zeroing each element (or channel); the rest are scaled by 1/(1 - p).",
  training: "Whether to drop at all: with `false` the input is returned as it is (evaluation).",
};
const BATCH_NORM = {
  ...COMMON,
  num_features: "The number of channels C (the input's dim 1).",
  eps: "Added to the variance before its square root, for numerical stability.",
  momentum: "The weight of each batch's statistics in the running mean and variance.",
  affine: "Whether to learn a per-channel scale (weight) and shift (bias).",
  track_running_stats: "Whether to keep running statistics for evaluation; without them evaluation uses each batch's own.",
  dtype: "The parameters' and buffers' dtype (float32 by default).",
};
const batchNorm = (module: string) => "(num_features: number, eps: number = 1e-5, momentum: number = 0.1, affine: boolean = true, track_running_stats: boolean = true, device: Device | string | null = null, dtype: DType | null = null): " + module;

export const CONSTRUCTORS_LAYERS = {
  "nn.Dropout": {
    summary: "In training, zeroes each element with probability p and scales the rest by 1/(1 - p); in evaluation, passes the input through.",
    signatures: ["(p: number = 0.5, inplace: boolean = false): Dropout"],
    params: DROPOUT,
    example: "new nn.Dropout(0.2)  // Dropout(p=0.2, inplace=False)",
    pytorch: "torch.nn.Dropout",
  },
  "nn.Dropout2d": {
    summary: "In training, zeroes whole channels (dim 1 of [N, C, H, W]) with probability p and scales the rest by 1/(1 - p); in evaluation, passes the input through.",
    signatures: ["(p: number = 0.5, inplace: boolean = false): Dropout2d"],
    params: DROPOUT,
    example: "new nn.Dropout2d(0.25)  // Dropout2d(p=0.25, inplace=False)",
    pytorch: "torch.nn.Dropout2d",
  },
  "nn.Flatten": {
    summary: "Flattens the dimensions from start_dim to end_dim into one: [N, C, H, W] to [N, C·H·W] by default.",
    signatures: ["(start_dim: number = 1, end_dim: number = -1): Flatten"],
    params: { start_dim: "The first dimension flattened (1 keeps the batch dimension).", end_dim: "The last dimension flattened (negative counts from the end)." },
    example: "new nn.Flatten()(torch.zeros(2, 3, 4, 4)).shape.join(\" × \")  // 2 × 48",
    pytorch: "torch.nn.Flatten",
  },
  "nn.LayerNorm": {
    summary: "Normalises each sample over its last dimensions (normalized_shape) to mean 0 and variance 1, then scales and shifts them by learnt weights.",
    signatures: ["(normalized_shape: number | readonly number[], eps: number = 1e-5, elementwise_affine: boolean = true, device: Device | string | null = null, dtype: DType | null = null): LayerNorm"],
    positional: 0,
    params: {
      ...COMMON,
      normalized_shape: "The shape of the trailing dimensions normalised together (one number: the last dimension's size).",
      eps: "Added to the variance before its square root, for numerical stability.",
      elementwise_affine: "Whether to learn an element-wise scale (weight, ones at first) and shift (bias, zeros).",
      dtype: "The parameters' dtype (float32 by default).",
    },
    example: "const norm = new nn.LayerNorm(3);\nnorm  // LayerNorm((3,), eps=1e-05, elementwise_affine=True)\nnorm(torch.tensor([[1.0, 2.0, 3.0]]))  // tensor([[-1.2247,  0.0000,  1.2247]], grad_fn=<NativeLayerNormBackward0>)",
    pytorch: "torch.nn.LayerNorm",
  },
  "nn.BatchNorm1d": {
    summary: "Batch normalisation of [N, C] or [N, C, L] inputs: each channel to the batch's mean 0 and variance 1 in training (running statistics in evaluation), then a learnt scale and shift.",
    signatures: [batchNorm("BatchNorm1d")],
    positional: 0,
    params: BATCH_NORM,
    example: "const bn = new nn.BatchNorm1d(2);\nbn  // BatchNorm1d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\nbn(torch.tensor([[1.0, 10.0], [3.0, 30.0]]))  // tensor([[-1.0000, -1.0000],\n                                              //         [ 1.0000,  1.0000]], grad_fn=<NativeBatchNormBackward0>)",
    pytorch: "torch.nn.BatchNorm1d",
  },
  "nn.BatchNorm2d": {
    summary: "Batch normalisation of images [N, C, H, W]: each channel to the batch's mean 0 and variance 1 in training (running statistics in evaluation), then a learnt scale and shift.",
    signatures: [batchNorm("BatchNorm2d")],
    positional: 0,
    params: BATCH_NORM,
    example: "const bn = new nn.BatchNorm2d(8);\nbn(torch.randn(4, 8, 5, 5)).shape.join(\" × \")  // 4 × 8 × 5 × 5\nbn.running_mean.shape.join(\" × \")  // 8",
    pytorch: "torch.nn.BatchNorm2d",
  },
} satisfies ApiTable;

export const FUNCTIONAL_LAYERS = {
  dropout: {
    summary: "With `training`, zeroes each element with probability p and scales the rest by 1/(1 - p); otherwise returns the input.",
    signatures: ["(input: Tensor, p: number = 0.5, training: boolean = true, inplace: boolean = false): Tensor"],
    params: DROPOUT,
    example: "F.dropout(torch.ones(4), { p: 0.5, training: false })  // tensor([1., 1., 1., 1.])",
    pytorch: "torch.nn.functional.dropout",
  },
  dropout2d: {
    summary: "With `training`, zeroes whole channels (dim 1) with probability p and scales the rest by 1/(1 - p); otherwise returns the input.",
    signatures: ["(input: Tensor, p: number = 0.5, training: boolean = true, inplace: boolean = false): Tensor"],
    params: DROPOUT,
    example: "F.dropout2d(torch.ones(1, 2, 2, 2), 0.5, false).sum()  // tensor(8.)",
    pytorch: "torch.nn.functional.dropout2d",
  },
  layer_norm: {
    summary: "Normalises each sample over its last dimensions (normalized_shape) to mean 0 and variance 1, then scales by `weight` and shifts by `bias` if given.",
    signatures: ["(input: Tensor, normalized_shape: readonly number[], weight: Tensor | null = null, bias: Tensor | null = null, eps: number = 1e-5): Tensor"],
    positional: 1,
    params: {
      ...COMMON,
      normalized_shape: "The shape of the trailing dimensions normalised together.",
      weight: "An element-wise scale of shape normalized_shape; `null` for none.",
      bias: "An element-wise shift of shape normalized_shape; `null` for none.",
      eps: "Added to the variance before its square root, for numerical stability.",
    },
    example: "F.layer_norm(torch.tensor([[1.0, 2.0, 3.0]]), [3])  // tensor([[-1.2247,  0.0000,  1.2247]])",
    pytorch: "torch.nn.functional.layer_norm",
  },
} satisfies ApiTable;
