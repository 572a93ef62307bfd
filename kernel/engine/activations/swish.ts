// Swish with a learnable β: x·σ(βx). β = 1 is SiLU; β → ∞ approaches ReLU.
import { Tensor } from "../tensor";
import { CompositeActivation, Params } from "./definition";

export const swish: CompositeActivation = {
  kind: "composite", name: "swish", module: "Swish", title: "Swish-β",
  order: 70,
  latex: String.raw`\mathrm{Swish}_\beta(x) = x \, \sigma(\beta x)`,
  description: "Swish with a trainable sharpness β, interpolating between a linear map and ReLU.",
  formula: "Swish(x) = x · σ(β · x),   σ(x) = 1 / (1 + e⁻ˣ)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.swish(x, 2)      // tensor([-0.0360, -0.1345,  0.0000,  1.4289])\nnew nn.Swish()(x)  // tensor([-0.2384, -0.1888,  0.0000,  1.2264], grad_fn=<MulBackward0>)",
  params: [
    { name: "beta", default: 1, type: "float", min: 0, max: 10, step: 0.1, description: "Sharpness β (learned by nn.Swish)." },
  ],
  repr: ["beta"],
  learnable: true,
  weights: (p) => ({ beta: Tensor.empty([1]).fill_(p.beta as number) }),
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => x.mul(x.mul(weights?.beta ?? (p.beta as number)).sigmoid()),
};
