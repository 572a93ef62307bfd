// Matrix products: torch.matmul(a, b), a.matmul(b), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const PARAMS = { ...COMMON, out: "A tensor of the result's dtype to write the result into (PyTorch's out=), resized if its shape differs." };

export const TORCH_FUNCTIONS_LINALG = {
  matmul: {
    summary: "The matrix product, dispatched on dimensions as torch.matmul: vector·vector, matrix·vector, matrix·matrix, or batched with the batch dimensions broadcast.",
    signatures: ["(input: Tensor, other: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...PARAMS, other: "The right operand (at least 1-d)." },
    example: "const a = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\ntorch.matmul(a, torch.tensor([1.0, 1.0]))  // tensor([3., 7.])\na.matmul(a).shape  // 2,2",
    pytorch: "torch.matmul",
  },
  mm: {
    summary: "The product of two matrices: [n, m] · [m, p] is [n, p].",
    signatures: ["(input: Tensor, mat2: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...PARAMS, input: "The left matrix, [n, m].", mat2: "The right matrix, [m, p]." },
    example: "const a = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\na.mm(torch.eye(2))  // tensor([[1., 2.],\n                    //         [3., 4.]])",
    pytorch: "torch.mm",
  },
  mv: {
    summary: "The product of a matrix and a vector: [n, m] · [m] is [n].",
    signatures: ["(input: Tensor, vec: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...PARAMS, input: "The matrix, [n, m].", vec: "The vector, [m]." },
    example: "const a = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\ntorch.mv(a, torch.tensor([1.0, -1.0]))  // tensor([-1., -1.])",
    pytorch: "torch.mv",
  },
  dot: {
    summary: "The dot product of two 1-d tensors of the same size and dtype.",
    signatures: ["(input: Tensor, tensor: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...PARAMS, input: "The first vector.", tensor: "The second vector." },
    example: "torch.dot(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6]))  // tensor(32.)",
    pytorch: "torch.dot",
  },
  bmm: {
    summary: "The batched matrix product: [b, n, m] · [b, m, p] is [b, n, p], one product per batch entry.",
    signatures: ["(input: Tensor, mat2: Tensor, *, out: Tensor | null = null): Tensor"],
    method: true,
    params: { ...PARAMS, input: "The left matrices, [b, n, m].", mat2: "The right matrices, [b, m, p]." },
    example: "const a = torch.ones(3, 2, 4), b = torch.ones(3, 4, 5);\ntorch.bmm(a, b).shape  // 3,2,5",
    pytorch: "torch.bmm",
  },
} satisfies ApiTable;
