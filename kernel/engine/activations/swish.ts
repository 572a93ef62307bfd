// Swish with a learnable β: x·σ(βx). β = 1 is SiLU; β → ∞ approaches ReLU.
import { Tensor } from "../tensor";
import { CompositeActivation, Params } from "./definition";

export const swish: CompositeActivation = {
  kind: "composite", name: "swish", module: "Swish", title: "Swish-β",
  order: 70,
  latex: String.raw`\mathrm{Swish}_\beta(x) = x \, \sigma(\beta x)`,
  description: "Swish with a trainable sharpness β, interpolating between a linear map and ReLU.",
  params: [
    { name: "beta", default: 1, type: "float", min: 0, max: 10, step: 0.1, description: "Sharpness β (learned by nn.Swish)." },
  ],
  repr: ["beta"],
  learnable: true,
  weights: (p) => ({ beta: Tensor.empty([1]).fill_(p.beta as number) }),
  apply: (x: Tensor, p: Params, weights?: Record<string, Tensor>) => x.mul(x.mul(weights?.beta ?? (p.beta as number)).sigmoid()),
};
