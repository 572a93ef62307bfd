import { ElementwiseActivation, INPLACE } from "./definition";

export const relu6: ElementwiseActivation = {
  kind: "elementwise", name: "relu6", module: "ReLU6", title: "ReLU6",
  order: 50, arithmetic: "piecewise-linear",
  latex: String.raw`\mathrm{ReLU6}(x) = \min(\max(0, x), 6)`,
  description: "ReLU capped at 6: a bounded range that survives low-precision (int8) arithmetic on mobile hardware.",
  formula: "ReLU6(x) = min(max(0, x), 6)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.relu6(x)         // tensor([0.0000, 0.0000, 0.0000, 1.5000])\nnew nn.ReLU6()(x)  // tensor([0.0000, 0.0000, 0.0000, 1.5000])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  // relu6 is hardtanh(x, 0, 6) in PyTorch, and so is its gradient: 0 at both kinks
  gradFn: "HardtanhBackward0",
  forward: "(x < 0 ? 0 : x) > 6 ? 6 : (x < 0 ? 0 : x)",
  backward: "(x > 0 && x < 6) ? g : 0",
  integers: { kind: "keep", boolError: "Bool inputs not supported for hardtanh" },
  wasm: { kernel: "hardtanh", args: () => [0, 6] },
};
