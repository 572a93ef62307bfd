// Reductions: torch.sum(x, dim), x.sum(dim), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

export const TORCH_FUNCTIONS_REDUCE = {
  sum: {
    summary: "The sum of the elements: of all of them, or along `dim`.",
    signatures: [
      "(input: Tensor, dim: Dims | null = null, keepdim: boolean = false, *, dtype: DType | null = null, out: Tensor | null = null): Tensor",
    ],
    method: true,
    params: { ...COMMON, dim: "The dimension or dimensions to reduce; `null` reduces all of them." },
    example: "const x = torch.tensor([[1, 2], [3, 4]]);\ntorch.sum(x)                      // tensor(10.)\nx.sum(0)                          // tensor([4., 6.])\nx.sum({ dim: 1, keepdim: true })  // tensor([[3.],\n                                  //         [7.]])",
    pytorch: "torch.sum",
  },
  mean: {
    summary: "The mean of the elements: of all of them, or along `dim`; floating-point inputs only (or give `dtype`).",
    signatures: [
      "(input: Tensor, dim: Dims | null = null, keepdim: boolean = false, *, dtype: DType | null = null, out: Tensor | null = null): Tensor",
    ],
    method: true,
    params: { ...COMMON, dim: "The dimension or dimensions to reduce; `null` reduces all of them." },
    example: "const x = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\nx.mean()      // tensor(2.5000)\nx.mean(1)     // tensor([1.5000, 3.5000])",
    pytorch: "torch.mean",
  },
} satisfies ApiTable;
