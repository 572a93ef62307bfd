import { ElementwiseActivation } from "./definition";
import { elementwiseOut } from "../ops/out";

export const sigmoid: ElementwiseActivation = {
  kind: "elementwise", name: "sigmoid", module: "Sigmoid", title: "Sigmoid",
  order: 90, also: ["tensor", "tensor_", "torch", "torch_"],
  out: { forms: ["torch"], spec: elementwiseOut("sigmoid") },
  latex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
  description: "Squashes inputs into (0, 1): a soft switch, used for gates and probabilities; saturates and vanishes gradients.",
  formula: "σ(x) = 1 / (1 + e⁻ˣ)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\ntorch.sigmoid(x)     // tensor([0.1192, 0.3775, 0.5000, 0.8176])\nx.sigmoid()          // tensor([0.1192, 0.3775, 0.5000, 0.8176])\nnew nn.Sigmoid()(x)  // tensor([0.1192, 0.3775, 0.5000, 0.8176])",
  params: [],
  gradFn: "SigmoidBackward0",
  // e^-x in float32 overflows below -88.72, where PyTorch's float32 sigmoid is exactly 0
  forward: "f32(Math.exp(-x)) === Infinity ? 0 : 1 / (1 + Math.exp(-x))",
  // float32 step by step, as PyTorch's kernel: (g * (1 - y)) * y
  backward: "f32(g * f32(1 - y)) * y",
  integers: { kind: "float32" },
  wasm: { kernel: "sigmoid" },
};
