// torch.nn.functional's activations, generated from the definitions, plus the few whose
// signatures take tensors (prelu, heaviside, apl).
import { Tensor } from "../tensor";
import { functional } from "./apply";
import { isOptions } from "../args";
import { relu as reluDef } from "./relu";
import { leaky_relu as leakyDef } from "./leaky_relu";
import { elu as eluDef } from "./elu";
import { relu6 as relu6Def } from "./relu6";
import { silu as siluDef } from "./silu";
import { swish as swishDef } from "./swish";
import { gelu as geluDef } from "./gelu";
import { sigmoid as sigmoidDef } from "./sigmoid";
import { tanh as tanhDef } from "./tanh";
import { softplus as softplusDef } from "./softplus";
import { mish as mishDef } from "./mish";
import { selu as seluDef } from "./selu";
import { celu as celuDef } from "./celu";
import { hardtanh as hardtanhDef } from "./hardtanh";
import { hardsigmoid as hardsigmoidDef } from "./hardsigmoid";
import { hardswish as hardswishDef } from "./hardswish";
import { softsign as softsignDef } from "./softsign";
import { logsigmoid as logsigmoidDef } from "./logsigmoid";
import { threshold as thresholdDef } from "./threshold";
import { softmax as softmaxDef, log_softmax as logSoftmaxDef } from "./softmax";
import { preluOp } from "./prelu";
import { heavisideOp } from "./heaviside";
import { aplOp } from "./apl";

type Activation = (input: Tensor, ...args: any[]) => Tensor;

export const relu: Activation = functional(reluDef);
export const leaky_relu: Activation = functional(leakyDef);
export const elu: Activation = functional(eluDef);
export const relu6: Activation = functional(relu6Def);
export const silu: Activation = functional(siluDef);
export const swish: Activation = functional(swishDef);
export const gelu: Activation = functional(geluDef);
export const sigmoid: Activation = functional(sigmoidDef);
export const tanh: Activation = functional(tanhDef);
export const softplus: Activation = functional(softplusDef);
export const mish: Activation = functional(mishDef);
export const selu: Activation = functional(seluDef);
export const celu: Activation = functional(celuDef);
export const hardtanh: Activation = functional(hardtanhDef);
export const hardsigmoid: Activation = functional(hardsigmoidDef);
export const hardswish: Activation = functional(hardswishDef);
export const softsign: Activation = functional(softsignDef);
export const logsigmoid: Activation = functional(logsigmoidDef);
export const threshold: Activation = functional(thresholdDef);
export const softmax: Activation = functional(softmaxDef);
export const log_softmax: Activation = functional(logSoftmaxDef);

// PyTorch's in-place functional forms (F.relu_, F.elu_, ...): the activation with inplace=True
const inplaceForm = (f: Activation, name: string): Activation => (x: Tensor, ...args: unknown[]) => {
  const last = args[args.length - 1];
  if (!isOptions(last)) return f(x, ...args, { inplace: true });
  if ("inplace" in last) throw new TypeError(`${name}() got an unexpected keyword argument 'inplace'`);
  return f(x, ...args.slice(0, -1), { ...last, inplace: true });
};
export const relu_ = inplaceForm(relu, "relu_");
export const elu_ = inplaceForm(elu, "elu_");
export const leaky_relu_ = inplaceForm(leaky_relu, "leaky_relu_");
export const celu_ = inplaceForm(celu, "celu_");
export const selu_ = inplaceForm(selu, "selu_");
export const hardtanh_ = inplaceForm(hardtanh, "hardtanh_");
export const threshold_ = inplaceForm(threshold, "threshold_");

export function prelu(input: Tensor, weight: Tensor): Tensor { return preluOp(input, weight); }
export function heaviside(input: Tensor, values: Tensor): Tensor { return heavisideOp(input, values); }
/** Adaptive piecewise linear unit with hinge slopes `a` and positions `b` (each of shape [S]). */
export function apl(input: Tensor, a: Tensor, b: Tensor): Tensor { return aplOp(input, a, b); }
