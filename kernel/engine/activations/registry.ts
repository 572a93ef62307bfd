// Every activation the product knows, in the order menus and the guide list them.
import { ActivationDefinition } from "./definition";
import { relu } from "./relu";
import { leaky_relu } from "./leaky_relu";
import { prelu } from "./prelu";
import { elu } from "./elu";
import { relu6 } from "./relu6";
import { silu } from "./silu";
import { swish } from "./swish";
import { gelu } from "./gelu";
import { sigmoid } from "./sigmoid";
import { tanh } from "./tanh";
import { heaviside } from "./heaviside";
import { softplus } from "./softplus";
import { mish } from "./mish";
import { selu } from "./selu";
import { celu } from "./celu";
import { hardtanh } from "./hardtanh";
import { hardsigmoid } from "./hardsigmoid";
import { hardswish } from "./hardswish";
import { softsign } from "./softsign";
import { logsigmoid } from "./logsigmoid";
import { threshold } from "./threshold";
import { softmax, log_softmax } from "./softmax";
import { apl } from "./apl";

export const ACTIVATIONS: readonly ActivationDefinition[] = [
  relu, leaky_relu, prelu, elu, relu6, silu, swish, gelu, sigmoid, tanh, heaviside,
  softplus, mish, selu, celu, hardtanh, hardsigmoid, hardswish, softsign, logsigmoid, threshold,
  softmax, log_softmax, apl,
];

export function getActivation(name: string): ActivationDefinition {
  const key = name.toLowerCase();
  const found = ACTIVATIONS.find((a) => a.name === key || a.module.toLowerCase() === key);
  if (!found) throw new RangeError(`unknown activation '${name}'; known: ${ACTIVATIONS.map((a) => a.name).join(", ")}`);
  return found;
}
