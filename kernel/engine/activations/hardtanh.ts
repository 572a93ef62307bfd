import { ElementwiseActivation, INPLACE } from "./definition";

export const hardtanh: ElementwiseActivation = {
  kind: "elementwise", name: "hardtanh", module: "Hardtanh", title: "Hardtanh",
  order: 160, also: ["F_"], arithmetic: "piecewise-linear",
  latex: String.raw`\mathrm{Hardtanh}(x) = \min(\max(x, a), b)`,
  description: "A piecewise-linear tanh: identity between the bounds, flat outside.",
  formula: "Hardtanh(x) = min(max(x, min_val), max_val)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.hardtanh(x)                    // tensor([-1.0000, -0.5000,  0.0000,  1.0000])\nnew nn.Hardtanh(-0.25, 0.25)(x)  // tensor([-0.2500, -0.2500,  0.0000,  0.2500])",
  params: [
    { name: "min_val", default: -1, type: "float", min: -5, max: 0, step: 0.1, description: "Lower bound a." },
    { name: "max_val", default: 1, type: "float", min: 0, max: 5, step: 0.1, description: "Upper bound b." },
    INPLACE,
  ],
  repr: ["min_val", "max_val"], reprIfSet: ["inplace"],
  moduleAssert: (p) => (p.max_val as number) > (p.min_val as number),
  gradFn: "HardtanhBackward0",
  // clamp's order: max first, so that min_val > max_val gives max_val everywhere, as in PyTorch
  forward: "(x < p.min_val ? p.min_val : x) > p.max_val ? p.max_val : (x < p.min_val ? p.min_val : x)",
  backward: "(x > p.min_val && x < p.max_val) ? g : 0",
  integers: { kind: "keep", boolError: "Bool inputs not supported for hardtanh" },
  wasm: { kernel: "hardtanh", args: (n) => [n.min_val, n.max_val] },
};
