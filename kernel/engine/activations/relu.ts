import { ElementwiseActivation, INPLACE } from "./definition";

export const relu: ElementwiseActivation = {
  kind: "elementwise", name: "relu", module: "ReLU", title: "ReLU",
  order: 10, also: ["tensor", "tensor_", "torch", "torch_", "F_"], arithmetic: "piecewise-linear",
  latex: String.raw`\mathrm{ReLU}(x) = \max(0, x)`,
  description: "Passes positive inputs unchanged and zeroes the rest: cheap, sparse, the default for deep networks.",
  formula: "ReLU(x) = max(0, x)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.relu(x)         // tensor([0.0000, 0.0000, 0.0000, 1.5000])\nnew nn.ReLU()(x)  // tensor([0.0000, 0.0000, 0.0000, 1.5000])\nx.relu()          // tensor([0.0000, 0.0000, 0.0000, 1.5000])",
  params: [INPLACE],
  reprIfSet: ["inplace"],
  gradFn: "ReluBackward0",
  forward: "x < 0 ? 0 : x" /* keeps -0 and nan, as clamp_min does */,
  // PyTorch's threshold_backward on the output: the gradient at 0 is 0
  backward: "y <= 0 ? 0 : g",
  integers: { kind: "keep", boolError: "Boolean inputs not supported for relu" },
  wasm: { kernel: "relu" },
};
