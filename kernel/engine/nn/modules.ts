// The activation module classes, one per definition (nn.ReLU, nn.LeakyReLU, ...).
import { activationModule, ActivationModule, PReLUModule, SwishModule, APLModule } from "./activation";
import { relu } from "../activations/relu";
import { leaky_relu } from "../activations/leaky_relu";
import { prelu } from "../activations/prelu";
import { elu } from "../activations/elu";
import { relu6 } from "../activations/relu6";
import { silu } from "../activations/silu";
import { swish } from "../activations/swish";
import { gelu } from "../activations/gelu";
import { sigmoid } from "../activations/sigmoid";
import { tanh } from "../activations/tanh";
import { softplus } from "../activations/softplus";
import { mish } from "../activations/mish";
import { selu } from "../activations/selu";
import { celu } from "../activations/celu";
import { hardtanh } from "../activations/hardtanh";
import { hardsigmoid } from "../activations/hardsigmoid";
import { hardswish } from "../activations/hardswish";
import { softsign } from "../activations/softsign";
import { logsigmoid } from "../activations/logsigmoid";
import { threshold } from "../activations/threshold";
import { softmax, log_softmax } from "../activations/softmax";
import { apl } from "../activations/apl";

/** A named subclass (so reprs say "PReLU") of a learnable activation's module class. */
function learnable<T extends typeof ActivationModule>(cls: T, def: typeof prelu, name: string): T {
  const Base = cls as unknown as new (...args: any[]) => ActivationModule;
  const named = { [name]: class extends Base {} }[name] as unknown as T;
  named.definition = def;
  return named;
}

export const ReLU = activationModule(relu);
export const LeakyReLU = activationModule(leaky_relu);
export const PReLU = learnable(PReLUModule, prelu, "PReLU");
export const ELU = activationModule(elu);
export const ReLU6 = activationModule(relu6);
export const SiLU = activationModule(silu);
export const Swish = learnable(SwishModule, swish, "Swish");
export const GELU = activationModule(gelu);
export const Sigmoid = activationModule(sigmoid);
export const Tanh = activationModule(tanh);
export const Softplus = activationModule(softplus);
export const Mish = activationModule(mish);
export const SELU = activationModule(selu);
export const CELU = activationModule(celu);
export const Hardtanh = activationModule(hardtanh);
export const Hardsigmoid = activationModule(hardsigmoid);
export const Hardswish = activationModule(hardswish);
export const Softsign = activationModule(softsign);
export const LogSigmoid = activationModule(logsigmoid);
export const Threshold = activationModule(threshold);
export const Softmax = activationModule(softmax);
export const LogSoftmax = activationModule(log_softmax);
export const APL = learnable(APLModule, apl, "APL");
