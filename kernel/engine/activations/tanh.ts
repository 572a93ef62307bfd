import { ElementwiseActivation } from "./definition";
import { elementwiseOut } from "../ops/out";

export const tanh: ElementwiseActivation = {
  kind: "elementwise", name: "tanh", module: "Tanh", title: "Tanh",
  order: 100, also: ["tensor", "tensor_", "torch", "torch_"],
  out: { forms: ["torch"], spec: elementwiseOut("tanh") },
  latex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
  description: "Zero-centred squashing into (-1, 1): the classic recurrent-network state activation; saturates at both ends.",
  params: [],
  gradFn: "TanhBackward0",
  // in float32 (p.single), exactly +-1 from |x| = 8.66434097 on, as PyTorch's float32 tanh
  forward: "p.single && Math.abs(x) >= 8.66434097290039 ? Math.sign(x) : Math.tanh(x)",
  // PyTorch's float32 kernel rounds 1 - y² once (its y·y is fused into the subtraction)
  backward: "g * f32(1 - y * y)",
  integers: { kind: "float32" },
  wasm: { kernel: "tanh" },
};
