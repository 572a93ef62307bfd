import { ElementwiseActivation } from "./definition";
import { elementwiseOut } from "../ops/out";

export const tanh: ElementwiseActivation = {
  kind: "elementwise", name: "tanh", module: "Tanh", title: "Tanh",
  order: 100, also: ["tensor", "tensor_", "torch", "torch_"],
  out: { forms: ["torch"], spec: elementwiseOut("tanh") },
  latex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
  description: "Zero-centred squashing into (-1, 1): the classic recurrent-network state activation; saturates at both ends.",
  formula: "tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\ntorch.tanh(x)     // tensor([-0.9640, -0.4621,  0.0000,  0.9051])\nx.tanh()          // tensor([-0.9640, -0.4621,  0.0000,  0.9051])\nnew nn.Tanh()(x)  // tensor([-0.9640, -0.4621,  0.0000,  0.9051])",
  params: [],
  gradFn: "TanhBackward0",
  // in float32 (p.single), exactly +-1 from |x| = 8.66434097 on, as PyTorch's float32 tanh
  forward: "p.single && Math.abs(x) >= 8.66434097290039 ? Math.sign(x) : Math.tanh(x)",
  // PyTorch's float32 kernel rounds 1 - y² once (its y·y is fused into the subtraction)
  backward: "g * f32(1 - y * y)",
  integers: { kind: "float32" },
  wasm: { kernel: "tanh" },
};
