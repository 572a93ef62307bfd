// Factories: torch.tensor, torch.zeros(2, 3), torch.arange(5), torch.randn(2, 3), the *_like ones, ...
import type { ApiTable } from "../entry";
import { FACTORY_KEYWORDS, FACTORY_PARAMS, LIKE_KEYWORDS, RANDOM_KEYWORDS } from "../factory";

const LIKE_PARAMS = { ...FACTORY_PARAMS, input: "The tensor whose shape (and, unless `dtype` is given, dtype) the result takes." };
const RANGE_PARAMS = {
  ...FACTORY_PARAMS,
  dtype: "The result's dtype; `null`: int64 when start, end and step are all integers, else float32.",
  start: "The first value.",
  end: "The bound the values stop before.",
  step: "The difference between neighbouring values (nonzero).",
};

export const TORCH_FUNCTIONS_CREATION = {
  tensor: {
    summary: "A new tensor holding a copy of `data`: nested arrays of numbers or booleans, a typed array, or a tensor.",
    signatures: ["(data: NestedArray | Tensor | ArrayLike<number>, *, dtype: DType | string | null = null, device: Device | string | null = null, requires_grad: boolean = false): Tensor"],
    params: {
      ...FACTORY_PARAMS,
      data: "The values: nested arrays (all rows of a dimension the same length), a typed array (1-D) or a tensor (copied, detached).",
      dtype: "The result's dtype; `null`: bool for booleans, else float32 (JavaScript has no integers apart: give torch.int64 for them), a tensor's own.",
    },
    example: "torch.tensor([[1, 2], [3, 4]])  // tensor([[1., 2.],\n                                //         [3., 4.]])\ntorch.tensor([1, 2], { dtype: torch.int64 })  // tensor([1, 2])\ntorch.tensor([true, false])  // tensor([ True, False])",
    pytorch: "torch.tensor",
  },
  zeros: {
    summary: "A tensor of the given sizes filled with 0.",
    signatures: [`(...size: number, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: FACTORY_PARAMS,
    example: "torch.zeros(2, 3)  // tensor([[0., 0., 0.],\n                   //         [0., 0., 0.]])\ntorch.zeros([2], { dtype: torch.int64 })  // tensor([0, 0])",
    pytorch: "torch.zeros",
  },
  ones: {
    summary: "A tensor of the given sizes filled with 1.",
    signatures: [`(...size: number, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: FACTORY_PARAMS,
    example: "torch.ones(3)  // tensor([1., 1., 1.])\ntorch.ones(1, 2, { dtype: torch.bool })  // tensor([[True, True]])",
    pytorch: "torch.ones",
  },
  empty: {
    summary: "A tensor of the given sizes whose values are not to be relied on (here zeros); with `out`, out resized and left as it was.",
    signatures: [`(...size: number, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: FACTORY_PARAMS,
    example: "torch.empty(2, 3).shape.length  // 2",
    pytorch: "torch.empty",
  },
  full: {
    summary: "A tensor of the given size filled with `fill_value`.",
    signatures: [`(size: number[], fill_value: Scalar, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: {
      ...FACTORY_PARAMS,
      size: "The sizes of the result's dimensions.",
      fill_value: "The value of every element.",
      dtype: "The result's dtype; `null`: bool for a boolean fill_value, else float32.",
    },
    example: "torch.full([2, 2], 7)  // tensor([[7., 7.],\n                       //         [7., 7.]])",
    pytorch: "torch.full",
  },
  zeros_like: {
    summary: "A tensor of zeros with the input's shape and (unless given) dtype.",
    signatures: [`(input: Tensor, *, ${LIKE_KEYWORDS}): Tensor`],
    params: LIKE_PARAMS,
    example: "torch.zeros_like(torch.ones(2))  // tensor([0., 0.])",
    pytorch: "torch.zeros_like",
  },
  ones_like: {
    summary: "A tensor of ones with the input's shape and (unless given) dtype.",
    signatures: [`(input: Tensor, *, ${LIKE_KEYWORDS}): Tensor`],
    params: LIKE_PARAMS,
    example: "torch.ones_like(torch.zeros(2), { dtype: torch.int64 })  // tensor([1, 1])",
    pytorch: "torch.ones_like",
  },
  empty_like: {
    summary: "A tensor with the input's shape and (unless given) dtype whose values are not to be relied on (here zeros).",
    signatures: [`(input: Tensor, *, ${LIKE_KEYWORDS}): Tensor`],
    params: LIKE_PARAMS,
    example: "torch.empty_like(torch.ones(2, 3)).shape.length  // 2",
    pytorch: "torch.empty_like",
  },
  full_like: {
    summary: "A tensor filled with `fill_value`, with the input's shape and (unless given) dtype.",
    signatures: [`(input: Tensor, fill_value: Scalar, *, ${LIKE_KEYWORDS}): Tensor`],
    params: { ...LIKE_PARAMS, fill_value: "The value of every element." },
    example: "torch.full_like(torch.zeros(3), 0.5)  // tensor([0.5000, 0.5000, 0.5000])",
    pytorch: "torch.full_like",
  },
  rand_like: {
    summary: "Uniform random numbers in [0, 1), with the input's shape and (unless given) dtype.",
    signatures: [`(input: Tensor, *, ${LIKE_KEYWORDS}): Tensor`],
    params: LIKE_PARAMS,
    example: "torch.manual_seed(0);\ntorch.rand_like(torch.zeros(2))  // tensor([0.4963, 0.7682])",
    pytorch: "torch.rand_like",
  },
  randn_like: {
    summary: "Standard normal random numbers, with the input's shape and (unless given) dtype.",
    signatures: [`(input: Tensor, *, ${LIKE_KEYWORDS}): Tensor`],
    params: LIKE_PARAMS,
    example: "torch.manual_seed(0);\ntorch.randn_like(torch.zeros(2))  // tensor([ 1.5410, -0.2934])",
    pytorch: "torch.randn_like",
  },
  arange: {
    summary: "The values from `start` (0 if left out) up to but not including `end`, `step` apart: a 1-D tensor.",
    signatures: [
      `(end: number, *, ${FACTORY_KEYWORDS}): Tensor`,
      `(start: number, end: number, step: number = 1, *, ${FACTORY_KEYWORDS}): Tensor`,
    ],
    params: RANGE_PARAMS,
    example: "torch.arange(4)  // tensor([0, 1, 2, 3])\ntorch.arange(1, 2, 0.25)  // tensor([1.0000, 1.2500, 1.5000, 1.7500])",
    pytorch: "torch.arange",
  },
  linspace: {
    summary: "`steps` evenly spaced values from `start` to `end`, both included: a 1-D tensor.",
    signatures: [`(start: number, end: number, steps: number, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: { ...FACTORY_PARAMS, start: "The first value.", end: "The last value.", steps: "How many values (0 or more)." },
    example: "torch.linspace(0, 1, 5)  // tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])",
    pytorch: "torch.linspace",
  },
  eye: {
    summary: "An n × m matrix with ones on the diagonal and zeros elsewhere.",
    signatures: [`(n: number, m: number | null = null, *, ${FACTORY_KEYWORDS}): Tensor`],
    params: { ...FACTORY_PARAMS, n: "The number of rows.", m: "The number of columns; `null`: n." },
    example: "torch.eye(2)  // tensor([[1., 0.],\n              //         [0., 1.]])",
    pytorch: "torch.eye",
  },
  rand: {
    summary: "Uniform random numbers in [0, 1) of the given sizes, drawn as PyTorch's CPU generator draws them.",
    signatures: [`(...size: number, *, ${RANDOM_KEYWORDS}): Tensor`],
    params: FACTORY_PARAMS,
    example: "torch.manual_seed(0);\ntorch.rand(3)  // tensor([0.4963, 0.7682, 0.0885])",
    pytorch: "torch.rand",
  },
  randn: {
    summary: "Standard normal random numbers (mean 0, variance 1) of the given sizes, drawn as PyTorch's CPU generator draws them.",
    signatures: [`(...size: number, *, ${RANDOM_KEYWORDS}): Tensor`],
    params: FACTORY_PARAMS,
    example: "torch.manual_seed(0);\ntorch.randn(2, 2)  // tensor([[ 1.5410, -0.2934],\n                   //         [-2.1788,  0.5684]])",
    pytorch: "torch.randn",
  },
  randint: {
    summary: "Random integers drawn uniformly from [low, high) (low 0 if left out), of the given size; int64 unless `dtype` says otherwise.",
    signatures: [
      `(high: number, size: number[], *, ${RANDOM_KEYWORDS}): Tensor`,
      `(low: number, high: number, size: number[], *, ${RANDOM_KEYWORDS}): Tensor`,
    ],
    params: {
      ...FACTORY_PARAMS,
      low: "The smallest value that may be drawn.",
      high: "The bound the values stay below.",
      size: "The sizes of the result's dimensions.",
      dtype: "The result's dtype; `null`: int64.",
    },
    example: "torch.manual_seed(0);\ntorch.randint(10, [5])  // tensor([4, 9, 3, 0, 3])",
    pytorch: "torch.randint",
  },
  randperm: {
    summary: "A random permutation of the integers 0 … n-1 (int64 unless `dtype` says otherwise).",
    signatures: [`(n: number, *, ${RANDOM_KEYWORDS}): Tensor`],
    params: { ...FACTORY_PARAMS, n: "How many integers to permute.", dtype: "The result's dtype; `null`: int64." },
    example: "torch.manual_seed(0);\ntorch.randperm(4)  // tensor([0, 1, 3, 2])",
    pytorch: "torch.randperm",
  },
  from_array: {
    summary: "A tensor of `shape` holding the values of an array or typed array, in row-major order (actnb's counterpart of torch.from_numpy, which copies here).",
    signatures: ["(values: ArrayLike<number>, shape: number[] | null = null, dtype: DType | string | null = null): Tensor"],
    params: {
      values: "The elements, in row-major order.",
      shape: "The result's shape (its elements must number values.length); `null`: 1-D.",
      dtype: "The result's dtype; `null`: float32.",
    },
    example: "torch.from_array(new Float32Array([1, 2, 3, 4]), [2, 2])  // tensor([[1., 2.],\n                                                          //         [3., 4.]])",
    pytorch: "torch.from_numpy",
  },
} satisfies ApiTable;
