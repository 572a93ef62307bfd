// nn.Linear and F.linear, with PyTorch's default initialisation and its choice of kernels
// (addmm, in ops/linalg.ts, for a batch of vectors), so grad_fn names and numbers match.
import { Tensor } from "../tensor";
import { bindArgs, checkSizes } from "../args";
import { RuntimeError } from "../errors";
import { Module } from "./module";
import { Parameter } from "./parameter";
import * as init from "./init";
import { addmm } from "../ops/linalg";
import { EXACT, OUT, OutOption, produce } from "../ops/out";

/** F.linear(input, weight, bias?), with PyTorch's out= (of the result's dtype): a batch of vectors with a bias is written straight into it. */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: OutOption): Tensor;
export function linear(input: Tensor, ...args: unknown[]): Tensor;
export function linear(input: Tensor, ...args: unknown[]): Tensor {
  const { weight, bias, out } = bindArgs("linear", args, { weight: undefined as unknown as Tensor, bias: null as Tensor | null }, 1, OUT);
  const inFeatures = weight.shape[weight.ndim - 1];
  if (input.shape[input.ndim - 1] !== inFeatures) {
    const rows = input.ndim === 1 ? 1 : input.numel() / input.shape[input.ndim - 1];
    throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${input.shape[input.ndim - 1]} and ${weight.shape[1]}x${weight.shape[0]})`);
  }
  return produce("linear", { aten: "linear", dtype: EXACT }, out, [input, weight, bias], (dest) => {
    if (input.ndim === 2 && bias) return addmm(bias, input, weight.t(), dest);
    if (input.ndim === 3 && bias && input.is_contiguous()) {
      const [a, b, c] = input.shape;
      return addmm(bias, input.view([a * b, c]), weight.t()).view([a, b, weight.shape[0]]);
    }
    const product = input.matmul(weight.t());
    return bias ? product.add(bias) : product;
  }, (result) => result);
}

export class Linear extends Module {
  in_features: number;
  out_features: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("Linear.__init__", args, { in_features: undefined as unknown as number, out_features: undefined as unknown as number, bias: true, device: null, dtype: null }, 1);
    checkSizes("empty", [a.out_features, a.in_features]);
    this.in_features = a.in_features;
    this.out_features = a.out_features;
    this.weight = new Parameter(Tensor.empty([a.out_features, a.in_features]));
    this.bias = a.bias ? new Parameter(Tensor.empty([a.out_features])) : null;
    this.reset_parameters();
  }

  reset_parameters(): void { init.reset_weight_and_bias_(this.weight, this.bias); }

  override forward(input: Tensor): Tensor { return linear(input, this.weight, this.bias); }

  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${this.bias ? "True" : "False"}`;
  }
}

export class Identity extends Module {
  constructor(..._args: unknown[]) { super(); }
  override forward(input: Tensor): Tensor { return input; }
}
