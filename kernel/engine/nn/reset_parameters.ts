// How nn.Linear and nn.Conv2d initialise themselves (their reset_parameters), in PyTorch's order
// of draws. Not part of torch.nn.init, which is PyTorch's public initialisers only.
import type { Tensor } from "../tensor";
import { _calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from "./init";

/**
 * The default initialisation of nn.Linear and nn.Conv2d (their reset_parameters): the weight
 * kaiming_uniform_ with a = √5, then the bias uniform in ±1/√fan_in, drawn in that order.
 */
export function reset_weight_and_bias_(weight: Tensor, bias: Tensor | null): void {
  kaiming_uniform_(weight, { a: Math.sqrt(5) });
  if (bias) {
    const [fanIn] = _calculate_fan_in_and_fan_out(weight);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, -bound, bound);
  }
}
