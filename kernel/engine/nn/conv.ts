// nn.Conv2d, MaxPool2d, AvgPool2d and AdaptiveAvgPool2d over the functions in ops/conv.ts, with
// PyTorch's initialisation (Conv2d draws as Linear does: kaiming_uniform_(a=√5) for the weight,
// then U(±1/√fan_in) for the bias), constructor arguments and printing.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { ValueError } from "../errors";
import { Module } from "./module";
import { Parameter } from "./parameter";
import * as init from "./init";
import { conv2d, max_pool2d, avg_pool2d, adaptive_avg_pool2d } from "../ops/conv";

const tuple = (v: number | number[]) => (typeof v === "number" ? [v, v] : v.length === 1 ? [v[0], v[0]] : v);
const pyTuple = (v: number[] | string) => (typeof v === "string" ? `${v}` : `(${v.join(", ")})`);

export class Conv2d extends Module {
  declare in_channels: number;
  declare out_channels: number;
  declare kernel_size: number[];
  declare stride: number[];
  declare padding: number[] | "same" | "valid";
  declare dilation: number[];
  declare groups: number;
  declare padding_mode: string;
  weight: Parameter;
  bias: Parameter | null;

  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("Conv2d.__init__", args, {
      in_channels: undefined as unknown as number, out_channels: undefined as unknown as number, kernel_size: undefined as unknown as number | number[],
      stride: 1 as number | number[], padding: 0 as number | number[] | "same" | "valid", dilation: 1 as number | number[], groups: 1, bias: true,
      padding_mode: "zeros", device: null, dtype: null,
    }, 1);
    if (a.groups <= 0) throw new ValueError("groups must be a positive integer");
    if (a.in_channels % a.groups !== 0) throw new ValueError("in_channels must be divisible by groups");
    if (a.out_channels % a.groups !== 0) throw new ValueError("out_channels must be divisible by groups");
    if (typeof a.padding === "string" && a.padding !== "same" && a.padding !== "valid") throw new ValueError(`Invalid padding string '${a.padding}', should be one of ('valid', 'same')`);
    if (a.padding_mode !== "zeros") throw new ValueError(`actnb's Conv2d pads with zeros only (padding_mode='zeros'), not '${a.padding_mode}'`);
    for (const [k, v] of Object.entries({
      in_channels: a.in_channels, out_channels: a.out_channels, kernel_size: tuple(a.kernel_size), stride: tuple(a.stride),
      padding: typeof a.padding === "string" ? a.padding : tuple(a.padding), dilation: tuple(a.dilation), groups: a.groups, padding_mode: a.padding_mode,
    })) Object.defineProperty(this, k, { value: v, writable: true });
    const [kH, kW] = this.kernel_size;
    this.weight = new Parameter(Tensor.empty([a.out_channels, a.in_channels / a.groups, kH, kW]));
    this.bias = a.bias ? new Parameter(Tensor.empty([a.out_channels])) : null;
    this.reset_parameters();
  }

  reset_parameters(): void { init.reset_weight_and_bias_(this.weight, this.bias); }

  override forward(input: Tensor): Tensor {
    return conv2d(input, this.weight, this.bias, this.stride, this.padding, this.dilation, this.groups);
  }

  override extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}`;
    if (typeof this.padding === "string" || this.padding.some((p) => p !== 0)) s += `, padding=${typeof this.padding === "string" ? `${this.padding}` : pyTuple(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (!this.bias) s += ", bias=False";
    return s;
  }
}

/** A pooling module's constructor arguments kept as PyTorch keeps them (ints stay ints). */
function keep(module: Module, values: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(values)) Object.defineProperty(module, k, { value: v, writable: true });
}
const show = (v: unknown) => (Array.isArray(v) ? `(${v.join(", ")})` : v === null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v));

export class MaxPool2d extends Module {
  declare kernel_size: number | number[];
  declare stride: number | number[];
  declare padding: number | number[];
  declare dilation: number | number[];
  declare return_indices: boolean;
  declare ceil_mode: boolean;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("MaxPool2d.__init__", args, { kernel_size: undefined as unknown as number | number[], stride: null as number | number[] | null, padding: 0 as number | number[], dilation: 1 as number | number[], return_indices: false, ceil_mode: false }, 1);
    keep(this, { ...a, stride: a.stride ?? a.kernel_size });
  }
  override forward(input: Tensor): any {
    return max_pool2d(input, this.kernel_size, this.stride, this.padding, this.dilation, this.ceil_mode, this.return_indices);
  }
  override extra_repr(): string {
    return `kernel_size=${show(this.kernel_size)}, stride=${show(this.stride)}, padding=${show(this.padding)}, dilation=${show(this.dilation)}, ceil_mode=${show(this.ceil_mode)}`;
  }
}

export class AvgPool2d extends Module {
  declare kernel_size: number | number[];
  declare stride: number | number[];
  declare padding: number | number[];
  declare ceil_mode: boolean;
  declare count_include_pad: boolean;
  declare divisor_override: number | null;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("AvgPool2d.__init__", args, { kernel_size: undefined as unknown as number | number[], stride: null as number | number[] | null, padding: 0 as number | number[], ceil_mode: false, count_include_pad: true, divisor_override: null as number | null }, 1);
    keep(this, { ...a, stride: a.stride ?? a.kernel_size });
  }
  override forward(input: Tensor): Tensor {
    return avg_pool2d(input, this.kernel_size, this.stride, this.padding, this.ceil_mode, this.count_include_pad, this.divisor_override);
  }
  override extra_repr(): string { return `kernel_size=${show(this.kernel_size)}, stride=${show(this.stride)}, padding=${show(this.padding)}`; }
}

export class AdaptiveAvgPool2d extends Module {
  declare output_size: number | Array<number | null>;
  constructor(...args: unknown[]) {
    super();
    keep(this, bindArgs("AdaptiveAvgPool2d.__init__", args, { output_size: undefined as unknown as number | Array<number | null> }, 1));
  }
  override forward(input: Tensor): Tensor { return adaptive_avg_pool2d(input, this.output_size); }
  override extra_repr(): string { return `output_size=${show(this.output_size)}`; }
}
