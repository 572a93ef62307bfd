import { ElementwiseActivation } from "./definition";

export const logsigmoid: ElementwiseActivation = {
  kind: "elementwise", name: "logsigmoid", module: "LogSigmoid", title: "LogSigmoid",
  order: 200,
  // F.logsigmoid is ATen's log_sigmoid, whose out= runs log_sigmoid_forward: no elementwise op's checks
  out: {
    forms: ["F"], fn: "log_sigmoid",
    spec: { aten: "log_sigmoid_forward", dtype: (r, o) => (r === o ? null : `expected scalar type ${r.scalarType} but found ${o.scalarType}`) },
  },
  latex: String.raw`\mathrm{LogSigmoid}(x) = \log \frac{1}{1 + e^{-x}}`,
  description: "The log of the sigmoid, computed without overflow; used in log-likelihood losses.",
  formula: "LogSigmoid(x) = log σ(x) = −log(1 + e⁻ˣ)",
  example: "const x = torch.tensor([-2.0, -0.5, 0.0, 1.5]);\nF.logsigmoid(x)         // tensor([-2.1269, -0.9741, -0.6931, -0.2014])\nnew nn.LogSigmoid()(x)  // tensor([-2.1269, -0.9741, -0.6931, -0.2014])",
  params: [],
  gradFn: "LogSigmoidBackward0",
  forward: "Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)))",
  backward: "g * (1 / (1 + Math.exp(x)))",
  integers: { kind: "refuse", kernel: "log_sigmoid_cpu" },
  wasm: { kernel: "logsigmoid" },
};
