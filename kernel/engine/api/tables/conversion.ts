// The Tensor's methods that convert it or tell about it: x.to(torch.float64), x.float(), x.item(), x.size(0), x.backward(), ...
import type { ApiEntry, ApiTable } from "../entry";

const TO_PARAMS = {
  dtype: "The dtype to convert to (a torch dtype or its name).",
  device: "The device to move to: only the CPU exists here (\"cuda\" is PyTorch's error for a build without CUDA); `null`: stay.",
  other: "A tensor whose dtype (and device) to take.",
  non_blocking: "Accepted for PyTorch's code: conversions here are always synchronous.",
  copy: "Return a new tensor even when nothing changes.",
};
/** x.float(), x.long(), ...: self converted to one dtype. */
const cast = (name: string, dtype: string, example: string): ApiEntry => ({
  summary: `self converted to ${dtype} (self itself if it is ${dtype} already).`, signatures: ["(): Tensor"], params: {}, example, pytorch: `torch.Tensor.${name}`,
});
const DIM = { dim: "The dimension (negative counts from the end)." };

export const TENSOR_METHODS_CONVERSION = {
  to: {
    summary: "self converted to another dtype (and, as PyTorch's code says it, device): self itself when nothing changes, unless `copy`.",
    signatures: [
      "(dtype: DType | string, non_blocking: boolean = false, copy: boolean = false): Tensor",
      "(device: Device | string | null = null, dtype: DType | string | null = null, non_blocking: boolean = false, copy: boolean = false): Tensor",
      "(other: Tensor, non_blocking: boolean = false, copy: boolean = false): Tensor",
    ],
    params: TO_PARAMS,
    example: "const x = torch.tensor([1.5, 2]);\nx.to(torch.int64)  // tensor([1, 2])\nx.to(\"cpu\") === x  // true\nx.to({ dtype: torch.float64 })  // tensor([1.5000, 2.0000], dtype=torch.float64)",
    pytorch: "torch.Tensor.to",
  },
  type: {
    summary: "With no dtype: self's type name (\"torch.FloatTensor\", ...); with one: self converted to it.",
    signatures: ["(): string", "(dtype: DType | string, non_blocking: boolean = false): Tensor"],
    params: TO_PARAMS,
    example: "torch.ones(1).type()  // torch.FloatTensor\ntorch.ones(1).type(torch.int64)  // tensor([1])",
    pytorch: "torch.Tensor.type",
  },
  float: cast("float", "float32", "torch.tensor([1], { dtype: torch.int64 }).float()  // tensor([1.])"),
  double: cast("double", "float64", "torch.tensor([1]).double()  // tensor([1.], dtype=torch.float64)"),
  long: cast("long", "int64", "torch.tensor([1.7, -1.7]).long()  // tensor([ 1, -1])"),
  int: cast("int", "int32", "torch.tensor([2.5]).int()  // tensor([2], dtype=torch.int32)"),
  bool: cast("bool", "bool", "torch.tensor([0, 2]).bool()  // tensor([False,  True])"),
  byte: cast("byte", "uint8", "torch.tensor([3]).byte()  // tensor([3], dtype=torch.uint8)"),
  cpu: {
    summary: "self on the CPU: self itself (the CPU is the only device here).",
    signatures: ["(): Tensor"],
    params: {},
    example: "const x = torch.ones(1);\nx.cpu() === x  // true",
    pytorch: "torch.Tensor.cpu",
  },
  cuda: {
    summary: "self on a CUDA device: PyTorch's error for a build without CUDA, as there is none here.",
    signatures: ["(device: Device | string | number | null = null, non_blocking: boolean = false): Tensor"],
    params: { device: "The CUDA device.", non_blocking: TO_PARAMS.non_blocking },
    example: "torch.cuda.is_available()  // false",
    pytorch: "torch.Tensor.cuda",
  },
  requires_grad_: {
    summary: "Sets whether autograd records operations on self (a leaf; floating-point dtypes only); returns self.",
    signatures: ["(requires_grad: boolean = true): this"],
    params: { requires_grad: "Whether to record them." },
    example: "const w = torch.zeros(2).requires_grad_();\nw.requires_grad  // true",
    pytorch: "torch.Tensor.requires_grad_",
  },
  detach: {
    summary: "The same elements (shared, not copied), cut off from autograd: a tensor that requires no gradient.",
    signatures: ["(): Tensor"],
    params: {},
    example: "const w = torch.ones(1, { requires_grad: true });\nw.mul(2).detach().requires_grad  // false",
    pytorch: "torch.Tensor.detach",
  },
  detach_: {
    summary: "In place: self cut off from autograd (not for views); returns self.",
    signatures: ["(): this"],
    params: {},
    example: "const y = torch.ones(1, { requires_grad: true }).mul(2);\ny.detach_().requires_grad  // false",
    pytorch: "torch.Tensor.detach_",
  },
  item: {
    summary: "The value of a one-element tensor as a JavaScript number (a boolean for a bool tensor).",
    signatures: ["(): any"],
    params: {},
    example: "torch.tensor([2.5]).item()  // 2.5\ntorch.tensor(true).item()  // true",
    pytorch: "torch.Tensor.item",
  },
  tolist: {
    summary: "The elements as nested arrays of numbers (booleans for a bool tensor); a 0-d tensor gives its number.",
    signatures: ["(): any"],
    params: {},
    example: "JSON.stringify(torch.tensor([[1, 2], [3, 4]]).tolist())  // [[1,2],[3,4]]",
    pytorch: "torch.Tensor.tolist",
  },
  toArray: {
    summary: "The elements in row-major order as a new typed array (actnb's: Float32Array for float32, and so on).",
    signatures: ["(): TypedArray"],
    params: {},
    example: "torch.tensor([[1, 2], [3, 4]]).toArray()  // 1,2,3,4",
    pytorch: "torch.Tensor.numpy",
  },
  dim: {
    summary: "The number of dimensions.",
    signatures: ["(): number"],
    params: {},
    example: "torch.zeros(2, 3).dim()  // 2",
    pytorch: "torch.Tensor.dim",
  },
  nelement: {
    summary: "The number of elements (x.numel()).",
    signatures: ["(): number"],
    params: {},
    example: "torch.zeros(2, 3).nelement()  // 6",
    pytorch: "torch.Tensor.nelement",
  },
  size: {
    summary: "The sizes of self's dimensions, or the size of one of them.",
    signatures: ["(): number[]", "(dim: number): number"],
    params: DIM,
    example: "const x = torch.zeros(2, 3);\nJSON.stringify(x.size())  // [2,3]\nx.size(-1)  // 3",
    pytorch: "torch.Tensor.size",
  },
  stride: {
    summary: "The strides of self's dimensions (elements to step over to the next index), or of one of them.",
    signatures: ["(): number[]", "(dim: number): number"],
    params: DIM,
    example: "const x = torch.zeros(2, 3);\nJSON.stringify(x.stride())  // [3,1]\nx.t().stride(0)  // 1",
    pytorch: "torch.Tensor.stride",
  },
  element_size: {
    summary: "The bytes one element takes.",
    signatures: ["(): number"],
    params: {},
    example: "torch.zeros(1).element_size()  // 4\ntorch.zeros(1, { dtype: torch.int64 }).element_size()  // 8",
    pytorch: "torch.Tensor.element_size",
  },
  is_floating_point: {
    summary: "Whether self's dtype is a floating-point one.",
    signatures: ["(): boolean"],
    params: {},
    example: "torch.zeros(1).is_floating_point()  // true\ntorch.arange(2).is_floating_point()  // false",
    pytorch: "torch.Tensor.is_floating_point",
  },
  is_contiguous: {
    summary: "Whether self's elements lie in memory in row-major order without gaps.",
    signatures: ["(): boolean"],
    params: {},
    example: "const x = torch.zeros(2, 3);\nx.is_contiguous()  // true\nx.t().is_contiguous()  // false",
    pytorch: "torch.Tensor.is_contiguous",
  },
  backward: {
    summary: "Computes the gradient of self with respect to the leaves that require one, adding it to their .grad.",
    signatures: ["(gradient: Tensor | null = null, retain_graph: boolean | null = null, create_graph: boolean = false): void"],
    params: {
      gradient: "The gradient of the final result with respect to self (self's shape); `null`: 1, for a one-element self.",
      retain_graph: "Keep the graph's saved values for another backward; `null`: as create_graph.",
      create_graph: "Record the backward pass for higher derivatives: not supported here (true is refused).",
    },
    example: "const w = torch.tensor([1, 2], { requires_grad: true });\nw.pow(2).sum().backward();\nw.grad  // tensor([2., 4.])",
    pytorch: "torch.Tensor.backward",
  },
} satisfies ApiTable;
