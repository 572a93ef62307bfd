// Picking elements by index: x.index(...) (Python's x[...]), torch.gather, torch.index_select, x.where(condition, other).
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const OUT = { out: "A tensor of the input's dtype to write the result into (PyTorch's out=), resized if its shape differs." };

export const TORCH_FUNCTIONS_INDEXING = {
  gather: {
    summary: "The input's values along `dim` at the positions `index` gives: out[i][j] = input[index[i][j]][j] for dim 0, and so on.",
    signatures: ["(input: Tensor, dim: number, index: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, ...OUT, dim: "The dimension to index along.", index: "The positions (int64), of the input's number of dimensions; the result has its shape." },
    example: "const x = torch.tensor([[1, 2], [3, 4]]);\nx.gather(1, torch.tensor([[1], [0]], { dtype: torch.int64 }))  // tensor([[2.],\n                                                               //         [3.]])",
    pytorch: "torch.gather",
  },
  index_select: {
    summary: "The entries of the input along `dim` at the positions listed in `index`, in that order (a copy).",
    signatures: ["(input: Tensor, dim: number, index: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...COMMON, ...OUT, dim: "The dimension to index along.", index: "The positions: a 1-d integer tensor (int64 or int32)." },
    example: "const x = torch.tensor([[1, 2], [3, 4], [5, 6]]);\nconst i = torch.tensor([2, 0], { dtype: torch.int64 });\ntorch.index_select(x, 0, i)  // tensor([[5., 6.],\n                             //         [1., 2.]])",
    pytorch: "torch.index_select",
  },
} satisfies ApiTable;

export const TENSOR_METHODS_INDEXING = {
  index: {
    summary: "Python's x[...]: a number selects (dropping its dimension), a string slice (\"1:3\", \"::2\", \":\") slices, null adds a dimension, \"...\" stands for the dimensions not indexed, and an int64 tensor or a bool mask picks entries.",
    signatures: ["(...indices: Index): Tensor"],
    params: { indices: "The indices, for the dimensions from the first on (the rest are kept whole): one by one, or as one array." },
    example: "const x = torch.arange(6).view(2, 3);\nx.index(1)         // tensor([3, 4, 5])\nx.index(\"...\", 0)  // tensor([0, 3])\nx.index([\":\", \"1:\"])  // tensor([[1, 2],\n                      //         [4, 5]])",
    pytorch: "torch.Tensor.__getitem__",
  },
  where: {
    summary: "This tensor's elements where `condition` is true, `other`'s elsewhere (broadcast): torch.where(condition, x, other).",
    signatures: ["(condition: Tensor, other: TensorOrScalar): Tensor"],
    params: { condition: "A bool tensor: where to keep this tensor's elements.", other: "The values (a tensor or a number) elsewhere." },
    example: "const x = torch.tensor([1, -2, 3]);\nx.where(x.gt(0), 0)  // tensor([1., 0., 3.])",
    pytorch: "torch.Tensor.where",
  },
} satisfies ApiTable;
