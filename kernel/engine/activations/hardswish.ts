import { ElementwiseActivation, INPLACE } from "./definition";

export const hardswish: ElementwiseActivation = {
  kind: "elementwise", name: "hardswish", module: "Hardswish", title: "Hardswish",
  order: 180, arithmetic: "float32-rational",
  latex: String.raw`\mathrm{Hardswish}(x) = x \, \frac{\min(\max(x + 3, 0), 6)}{6}`,
  description: "Swish with the sigmoid replaced by Hardsigmoid: MobileNetV3's cheap smooth-ish activation.",
  formula: "Hardswish(x) = x · min(max(x + 3, 0), 6) / 6",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.hardswish(x)         // tensor([-0.3333, -0.2083,  0.0000,  1.1250])\nnew nn.Hardswish()(x)  // tensor([-0.3333, -0.2083,  0.0000,  1.1250])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "HardswishBackward0",
  // In float32 step by step, as PyTorch's CPU kernel computes it (so the same last bits)
  forward: "x !== x ? x : f32(x * Math.min(Math.max(f32(x + 3), 0), 6)) / 6",
  // PyTorch's convention at the kinks: 0 below -3, the middle formula on [-3, 3], 1 above
  backward: "x !== x ? x : (x < -3 ? 0 : (x <= 3 ? g * f32(f32(x / 3) + 0.5) : g))",
  integers: { kind: "refuse", kernel: "hardswish_cpu" },
  wasm: { kernel: "hardswish" },
};
