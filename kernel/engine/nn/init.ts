// torch.nn.init: the initialisation schemes, with PyTorch's gain and fan conventions.
import { Tensor } from "../tensor";
import { no_grad } from "../autograd/grad_mode";
import { bindArgs } from "../args";
import { ValueError } from "../errors";
import type { Generator } from "../random";
import { pyRepr } from "../pyrepr";

const LINEAR_FNS = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"];

export function calculate_gain(nonlinearity: string, param?: number | null): number {
  if (LINEAR_FNS.includes(nonlinearity) || nonlinearity === "sigmoid") return 1;
  if (nonlinearity === "tanh") return 5 / 3;
  if (nonlinearity === "relu") return Math.SQRT2;
  if (nonlinearity === "leaky_relu") {
    let slope = 0.01;
    if (param !== undefined && param !== null) {
      if (typeof param !== "number") throw new ValueError(`negative_slope ${typeof param === "string" ? param : pyRepr(param)} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2 / (1 + slope ** 2));
  }
  if (nonlinearity === "selu") return 3 / 4;
  throw new ValueError(`Unsupported nonlinearity ${nonlinearity}`);
}

export function _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  if (tensor.ndim < 2) throw new ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  const receptive = tensor.shape.slice(2).reduce((a, b) => a * b, 1);
  return [tensor.shape[1] * receptive, tensor.shape[0] * receptive];
}

function fan(tensor: Tensor, mode: string): number {
  if (mode !== "fan_in" && mode !== "fan_out") throw new ValueError(`Mode ${mode} not supported, please use one of fan_in, fan_out`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return mode === "fan_in" ? fanIn : fanOut;
}

export function uniform_(tensor: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("uniform_", args, { a: 0, b: 1, generator: null as Generator | null });
  return no_grad(() => tensor.uniform_(a.a, a.b, ...(a.generator ? [a.generator] : [])));
}

export function normal_(tensor: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("normal_", args, { mean: 0, std: 1, generator: null as Generator | null });
  return no_grad(() => tensor.normal_(a.mean, a.std, ...(a.generator ? [a.generator] : [])));
}

export function constant_(tensor: Tensor, val: number): Tensor { return no_grad(() => tensor.fill_(val)); }
export function zeros_(tensor: Tensor): Tensor { return constant_(tensor, 0); }
export function ones_(tensor: Tensor): Tensor { return constant_(tensor, 1); }

/** He initialisation, uniform: bound = gain·sqrt(3 / fan). */
export function kaiming_uniform_(tensor: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("kaiming_uniform_", args, { a: 0, mode: "fan_in", nonlinearity: "leaky_relu" });
  const std = calculate_gain(a.nonlinearity, a.a) / Math.sqrt(fan(tensor, a.mode));
  const bound = Math.sqrt(3) * std;
  return uniform_(tensor, -bound, bound);
}

/** He initialisation, normal: std = gain / sqrt(fan). */
export function kaiming_normal_(tensor: Tensor, ...args: unknown[]): Tensor {
  const a = bindArgs("kaiming_normal_", args, { a: 0, mode: "fan_in", nonlinearity: "leaky_relu" });
  const std = calculate_gain(a.nonlinearity, a.a) / Math.sqrt(fan(tensor, a.mode));
  return normal_(tensor, 0, std);
}

/** Glorot initialisation, uniform: bound = gain·sqrt(6 / (fan_in + fan_out)). */
export function xavier_uniform_(tensor: Tensor, ...args: unknown[]): Tensor {
  const { gain } = bindArgs("xavier_uniform_", args, { gain: 1 });
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const bound = Math.sqrt(3) * gain * Math.sqrt(2 / (fanIn + fanOut));
  return uniform_(tensor, -bound, bound);
}

export function xavier_normal_(tensor: Tensor, ...args: unknown[]): Tensor {
  const { gain } = bindArgs("xavier_normal_", args, { gain: 1 });
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return normal_(tensor, 0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

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
