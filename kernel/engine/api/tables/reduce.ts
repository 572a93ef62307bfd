// Reductions: torch.sum(x, dim), x.sum(dim), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const DIMS = "The dimension or dimensions to reduce; `null` reduces all of them.";
const DIM = "The dimension to reduce; `null` reduces all of them.";
const OUT = { out: "A tensor to write the result into (PyTorch's out=), resized if its shape differs; only with `dim`." };
/** var's and std's overloads (PyTorch's: unbiased, or correction by name, or the input and unbiased alone) and parameters. */
const VARIANCE_SIGNATURES = [
  "(input: Tensor, dim: Dims | null = null, unbiased: boolean = true, keepdim: boolean = false, *, out: Tensor | null = null): Tensor",
  "(input: Tensor, dim: Dims | null = null, *, correction: number | null = null, keepdim: boolean = false, out: Tensor | null = null): Tensor",
  "(input: Tensor, unbiased: boolean): Tensor",
];
const VARIANCE = {
  ...COMMON, ...OUT,
  dim: DIMS,
  unbiased: "Divide by n - 1 (Bessel's correction) rather than n.",
  correction: "Divide by n - correction; `null` is 1 (as unbiased=true).",
};
/** max's and min's: of all elements, elementwise against `other`, or along `dim` with the indices. */
const EXTREME_SIGNATURES = [
  "(input: Tensor): Tensor",
  "(input: Tensor, other: Tensor, *, out: Tensor | null = null): Tensor",
  "(input: Tensor, dim: number, keepdim: boolean = false, *, out: [Tensor, Tensor] | null = null): ValuesIndices",
];
const EXTREME_PARAMS = {
  ...COMMON,
  other: "A tensor to compare with elementwise (broadcast); nan wins.",
  dim: "The dimension to reduce.",
  out: "Tensors to write the result into (PyTorch's out=): the result's one, or [values, indices] along `dim`.",
};

export const TORCH_FUNCTIONS_REDUCE = {
  sum: {
    summary: "The sum of the elements: of all of them, or along `dim`.",
    signatures: [
      "(input: Tensor, dim: Dims | null = null, keepdim: boolean = false, *, dtype: DType | null = null, out: Tensor | null = null): Tensor",
    ],
    method: true,
    params: { ...COMMON, dim: DIMS },
    example: "const x = torch.tensor([[1, 2], [3, 4]]);\ntorch.sum(x)                      // tensor(10.)\nx.sum(0)                          // tensor([4., 6.])\nx.sum({ dim: 1, keepdim: true })  // tensor([[3.],\n                                  //         [7.]])",
    pytorch: "torch.sum",
  },
  mean: {
    summary: "The mean of the elements: of all of them, or along `dim`; floating-point inputs only (or give `dtype`).",
    signatures: [
      "(input: Tensor, dim: Dims | null = null, keepdim: boolean = false, *, dtype: DType | null = null, out: Tensor | null = null): Tensor",
    ],
    method: true,
    params: { ...COMMON, dim: DIMS },
    example: "const x = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\nx.mean()      // tensor(2.5000)\nx.mean(1)     // tensor([1.5000, 3.5000])",
    pytorch: "torch.mean",
  },
  var: {
    summary: "The variance of the elements (of all of them, or along `dim`): the mean squared deviation, over n - 1 by default.",
    signatures: VARIANCE_SIGNATURES,
    method: true,
    params: VARIANCE,
    example: "const x = torch.tensor([[1.0, 2.0], [3.0, 5.0]]);\nx.var()        // tensor(2.9167)\nx.var(1, false)  // tensor([0.2500, 1.0000])\nx.var(0, { correction: 0 })  // tensor([1.0000, 2.2500])",
    pytorch: "torch.var",
  },
  std: {
    summary: "The standard deviation of the elements (of all of them, or along `dim`): the square root of var.",
    signatures: VARIANCE_SIGNATURES,
    method: true,
    params: VARIANCE,
    example: "const x = torch.tensor([[1.0, 2.0], [3.0, 5.0]]);\nx.std()        // tensor(1.7078)\nx.std(1, false)  // tensor([0.5000, 1.0000])",
    pytorch: "torch.std",
  },
  norm: {
    summary: "The p-norm of the elements (of all of them, or along `dim`): (Σ|x|ᵖ)^(1/p); floating-point inputs only.",
    signatures: [
      "(input: Tensor, p: number | 'fro' | null = null, dim: Dims | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor",
    ],
    method: true,
    params: {
      ...COMMON,
      p: "The order: a number (Infinity: the largest |x|), or \"fro\" (Frobenius); `null` is the 2-norm (PyTorch's default \"fro\").",
      dim: DIMS,
      out: "A tensor to write the result into (PyTorch's out=), resized if its shape differs.",
    },
    example: "const x = torch.tensor([[3.0, -4.0], [0.0, 1.0]]);\nx.norm()      // tensor(5.0990)\nx.norm(1, 1)  // tensor([7., 1.])\ntorch.norm(x, Infinity)  // tensor(4.)",
    pytorch: "torch.norm",
  },
  prod: {
    summary: "The product of the elements: of all of them, or along `dim`.",
    signatures: ["(input: Tensor, dim: number | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, ...OUT, dim: DIM },
    example: "const x = torch.tensor([[1, 2], [3, 4]]);\nx.prod()      // tensor(24.)\nx.prod(1)     // tensor([ 2., 12.])",
    pytorch: "torch.prod",
  },
  max: {
    summary: "The largest element (nan wins); the elementwise maximum with `other`; or along `dim`, the largest values and their indices.",
    signatures: EXTREME_SIGNATURES,
    method: true,
    params: EXTREME_PARAMS,
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.max()          // tensor(5.)\nx.max(1).values  // tensor([5., 4.])\nx.max(1).indices  // tensor([1, 0])\ntorch.max(x, torch.tensor([3, 3]))  // tensor([[3., 5.],\n                                    //         [4., 3.]])",
    pytorch: "torch.max",
  },
  min: {
    summary: "The smallest element (nan wins); the elementwise minimum with `other`; or along `dim`, the smallest values and their indices.",
    signatures: EXTREME_SIGNATURES,
    method: true,
    params: EXTREME_PARAMS,
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.min()          // tensor(1.)\nconst [values, indices] = x.min(0);\nvalues           // tensor([1., 2.])\nindices          // tensor([0, 1])",
    pytorch: "torch.min",
  },
  amax: {
    summary: "The largest elements along `dim` (all of them by default), without indices; ties share the gradient.",
    signatures: ["(input: Tensor, dim: Dims = [], keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, dim: "The dimension or dimensions to reduce; `[]` reduces all of them." },
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.amax()      // tensor(5.)\nx.amax(0)     // tensor([4., 5.])",
    pytorch: "torch.amax",
  },
  amin: {
    summary: "The smallest elements along `dim` (all of them by default), without indices; ties share the gradient.",
    signatures: ["(input: Tensor, dim: Dims = [], keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, dim: "The dimension or dimensions to reduce; `[]` reduces all of them." },
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.amin()      // tensor(1.)\nx.amin({ dim: 1, keepdim: true })  // tensor([[1.],\n                                   //         [2.]])",
    pytorch: "torch.amin",
  },
  argmax: {
    summary: "The index of the largest element: in the flattened input, or along `dim` (the first of ties).",
    signatures: ["(input: Tensor, dim: number | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, dim: "The dimension to reduce; `null`: the index into the flattened input." },
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.argmax()     // tensor(1)\nx.argmax(1)    // tensor([1, 0])",
    pytorch: "torch.argmax",
  },
  argmin: {
    summary: "The index of the smallest element: in the flattened input, or along `dim` (the first of ties).",
    signatures: ["(input: Tensor, dim: number | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, dim: "The dimension to reduce; `null`: the index into the flattened input." },
    example: "const x = torch.tensor([[1, 5], [4, 2]]);\nx.argmin()     // tensor(0)\nx.argmin(0)    // tensor([0, 1])",
    pytorch: "torch.argmin",
  },
  all: {
    summary: "Whether every element is nonzero (a bool tensor): of all of them, or along `dim`.",
    signatures: ["(input: Tensor, dim: number | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, ...OUT, dim: DIM, out: "A bool (or uint8) tensor to write the result into (PyTorch's out=); only with `dim`." },
    example: "const x = torch.tensor([[1, 0], [2, 3]]);\nx.all()       // tensor(False)\nx.all(1)      // tensor([False,  True])",
    pytorch: "torch.all",
  },
  any: {
    summary: "Whether some element is nonzero (a bool tensor): of all of them, or along `dim`.",
    signatures: ["(input: Tensor, dim: number | null = null, keepdim: boolean = false, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, ...OUT, dim: DIM, out: "A bool (or uint8) tensor to write the result into (PyTorch's out=); only with `dim`." },
    example: "const x = torch.tensor([[0, 0], [2, 0]]);\nx.any()       // tensor(True)\nx.any(0)      // tensor([ True, False])",
    pytorch: "torch.any",
  },
  count_nonzero: {
    summary: "How many elements are nonzero (int64): of all of them, or along `dim`.",
    signatures: ["(input: Tensor, dim: Dims | null = null): Tensor"],
    method: true,
    params: { ...COMMON, dim: "The dimension or dimensions to count along; `null` counts all elements." },
    example: "const x = torch.tensor([[0, 1], [2, 3]]);\ntorch.count_nonzero(x)     // tensor(3)\nx.count_nonzero(1)         // tensor([1, 2])",
    pytorch: "torch.count_nonzero",
  },
} satisfies ApiTable;

export const TENSOR_METHODS_REDUCE = {
  sum_to_size: {
    summary: "Sums the elements down to `size` (the inverse of broadcasting to this tensor's shape).",
    signatures: ["(...size: number): Tensor"],
    params: { size: "The shape to sum down to: one a dimension (given one by one, or as one array), broadcastable to this tensor's shape." },
    example: "const x = torch.tensor([[1, 2], [3, 4]]);\nx.sum_to_size(1, 2)   // tensor([[4., 6.]])\nx.sum_to_size([2, 1]) // tensor([[3.],\n                      //         [7.]])",
    pytorch: "torch.Tensor.sum_to_size",
  },
} satisfies ApiTable;
