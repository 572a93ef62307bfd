import { ElementwiseActivation, INPLACE, ELU_NEGATIVE_SLOPE } from "./definition";

export const celu: ElementwiseActivation = {
  kind: "elementwise", name: "celu", module: "CELU", title: "CELU",
  order: 150, also: ["torch", "torch_", "F_"],
  latex: String.raw`\mathrm{CELU}(x) = \max(0, x) + \min\big(0, \alpha (e^{x/\alpha} - 1)\big)`,
  description: "ELU rescaled so that its derivative is continuous for every α.",
  formula: "CELU(x) = max(0, x) + min(0, α · (e^(x/α) − 1))",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.celu(x)            // tensor([-0.8647, -0.3935,  0.0000,  1.5000])\nnew nn.CELU(0.5)(x)  // tensor([-0.4908, -0.3161,  0.0000,  1.5000])",
  params: [
    { name: "alpha", default: 1, type: "float", min: 0.05, max: 3, step: 0.05, description: "Scale α of the negative side." },
    INPLACE,
  ],
  repr: ["alpha"], reprIfSet: ["inplace"],
  gradFn: "CeluBackward0",
  // x / alpha is a float32 product in PyTorch (x · (1/alpha)), and its e^ overflows in float32
  // (a negative alpha makes it large): so they are here
  forward: "x <= 0 ? p.alpha * (f32(Math.exp(f32(x * p.inv_alpha))) - 1) : x",
  backward: "x !== x ? x : (x <= 0 ? g * f32(Math.exp(f32(x * p.inv_alpha))) : g)",
  numeric: (p) => ({ alpha: p.alpha as number, inv_alpha: 1 / (p.alpha as number) }),
  integers: { kind: "refuse", kernel: "elu_cpu" },
  refuse: (p) => (p.alpha === 0 ? "ZeroDivisionError: alpha cannot be 0 for CELU" : null),
  // celu_ is elu_ with input scale 1/alpha, differentiated from its result
  inplaceForm: {
    gradFn: "CeluBackward1",
    backward: "y !== y ? y : (y <= 0 ? g * p.inv_alpha * (y + p.alpha) : g)",
    refuse: ELU_NEGATIVE_SLOPE,
  },
  wasm: { kernel: "elu", args: (n) => [n.alpha, 1, n.inv_alpha, 1] },
};
