// The nn module classes' constructors: new nn.Linear(4, 8), the containers, nn.Parameter.
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

export const CONSTRUCTORS_NN = {
  "nn.Linear": {
    summary: "A fully connected layer: y = x·Wᵀ + b, with W of shape [out_features, in_features].",
    signatures: ["(in_features: number, out_features: number, bias: boolean = true, device: Device | string | null = null, dtype: DType | null = null): Linear"],
    positional: 0,
    params: {
      ...COMMON,
      in_features: "The size of each input's last dimension.",
      out_features: "The size of each output's last dimension.",
      bias: "Whether the layer learns an additive bias b.",
      dtype: "The parameters' dtype (float32 by default).",
    },
    example: "const fc = new nn.Linear(4, 8);\nfc(torch.randn(2, 4)).shape.join(\" × \")  // 2 × 8",
    pytorch: "torch.nn.Linear",
  },
  "nn.Identity": {
    summary: "A module whose forward returns its input unchanged; it takes any constructor arguments and ignores them, as PyTorch's does.",
    signatures: ["(...args: unknown): Identity"],
    params: { args: "Anything: ignored (so code can swap it in where another module's arguments are written)." },
    example: "const id = new nn.Identity(54, { unused_argument: 0.1 });\nid(torch.tensor([1, 2]))  // tensor([1., 2.])",
    pytorch: "torch.nn.Identity",
  },
  "nn.Sequential": {
    summary: "Modules run one after another, each on the previous one's output; named 0, 1, ... or by the keys of one object.",
    signatures: ["(...args: Module): Sequential", "(arg: Record<string, Module>): Sequential"],
    params: {
      args: "The modules, in the order forward runs them (named \"0\", \"1\", ...).",
      arg: "The modules by name (PyTorch's OrderedDict), in the object's order.",
    },
    example: "const net = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU());\nnet  // Sequential(\n     //   (0): Linear(in_features=2, out_features=3, bias=True)\n     //   (1): ReLU()\n     // )",
    pytorch: "torch.nn.Sequential",
  },
  "nn.ModuleList": {
    summary: "A list of modules, registered so their parameters are the holder's; it has no forward of its own.",
    signatures: ["(modules: Iterable<Module> | null = null): ModuleList"],
    params: { modules: "The modules to start with (named \"0\", \"1\", ...); `null` for none." },
    example: "const layers = new nn.ModuleList([new nn.Linear(2, 2), new nn.Linear(2, 1)]);\nlayers.length  // 2\n[...layers.parameters()].length  // 4",
    pytorch: "torch.nn.ModuleList",
  },
  "nn.ModuleDict": {
    summary: "Modules by name, registered so their parameters are the holder's; it has no forward of its own.",
    signatures: ["(modules: Record<string, Module> | null = null): ModuleDict"],
    params: { modules: "The modules by name (PyTorch's mapping); `null` for none." },
    example: "const heads = new nn.ModuleDict({ a: new nn.Linear(2, 1), b: new nn.Tanh() });\n[...heads.named_children()].map(([k]) => k).join(\", \")  // a, b",
    pytorch: "torch.nn.ModuleDict",
  },
  "nn.Parameter": {
    summary: "A tensor a Module registers as learnable when it is assigned to one of its attributes; it shares `data`'s storage.",
    signatures: ["(data: Tensor | null = null, requires_grad: boolean = true): Parameter"],
    params: {
      data: "The tensor whose storage the parameter holds; `null` for an empty one.",
      requires_grad: "Whether autograd records operations on it (a frozen parameter: `false`).",
    },
    example: "new nn.Parameter(torch.tensor([1.0, 2.0]))  // Parameter containing:\n                                            // tensor([1., 2.], requires_grad=True)",
    pytorch: "torch.nn.Parameter",
  },
} satisfies ApiTable;

export const FUNCTIONAL_NN = {
  linear: {
    summary: "y = x·Wᵀ + b: a fully connected layer's computation with the given weight [out_features, in_features] and bias.",
    signatures: ["(input: Tensor, weight: Tensor, bias: Tensor | null = null, *, out: Tensor | null = null): Tensor"],
    positional: 1,
    params: {
      ...COMMON,
      input: "The input [..., in_features].",
      weight: "The weight [out_features, in_features].",
      bias: "The bias [out_features]; `null` for none.",
    },
    example: "F.linear(torch.tensor([[1.0, 2.0]]), torch.tensor([[1.0, 1.0], [0.0, 1.0]]), torch.tensor([0.5, 0.0]))  // tensor([[3.5000, 2.0000]])",
    pytorch: "torch.nn.functional.linear",
  },
} satisfies ApiTable;
