// Convolution and pooling: nn.Conv2d(1, 8, 3), F.conv2d(x, w), nn.MaxPool2d(2), F.max_pool2d(x, 2), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

/** PyTorch's int or (int, int): rows and columns. */
const PAIR = "number | readonly number[]";
const CONV = {
  ...COMMON,
  input: "The input images [N, C, H, W] (or one image [C, H, W]).",
  stride: "The step between windows, in rows and columns (one number: both).",
  padding: "Zeros added on each side (one number: all four; [rows, columns]), or \"same\" (the output as big as the input, stride 1 only) or \"valid\" (none).",
  dilation: "The spacing between the kernel's taps (1: adjacent).",
  groups: "How many groups the channels are split into, each convolved on its own (actnb computes groups=1 only).",
};
const POOL = {
  ...COMMON,
  input: "The input images [N, C, H, W] (or one image [C, H, W]).",
  kernel_size: "The window's height and width (one number: square).",
  stride: "The step between windows; `null`: the window's size (windows side by side).",
  padding: "Added on each side before pooling (at most half the window).",
  dilation: "The spacing between the window's taps (1: adjacent).",
  ceil_mode: "Round the output size up, so a last partial window counts too.",
  count_include_pad: "Whether the padding's zeros count in each window's average.",
  divisor_override: "Divide each window's sum by this instead of its size; `null`: its size.",
  return_indices: "Also return where each maximum was (flat indices in each H·W plane), for max_unpool2d.",
  output_size: "The output's [H, W] (one number: square; `null` keeps that dimension's size).",
};
const maxPool = (tail: string) => `(input: Tensor, kernel_size: ${PAIR}, stride: ${PAIR} | null = null, padding: ${PAIR} = 0, dilation: ${PAIR} = 1, ceil_mode: boolean = false, ${tail}`;

export const CONSTRUCTORS_CONV = {
  "nn.Conv2d": {
    summary: "A 2-d convolution layer: out_channels learnt kernels slid over [N, C, H, W] images, plus a bias each; initialised as PyTorch's.",
    signatures: [`(in_channels: number, out_channels: number, kernel_size: ${PAIR}, stride: ${PAIR} = 1, padding: ${PAIR} | "same" | "valid" = 0, dilation: ${PAIR} = 1, groups: number = 1, bias: boolean = true, padding_mode: "zeros" | "reflect" | "replicate" | "circular" = "zeros", device: Device | string | null = null, dtype: DType | null = null): Conv2d`],
    positional: 0,
    params: {
      ...CONV,
      in_channels: "The input's channels C.",
      out_channels: "The number of kernels, and so of the output's channels.",
      kernel_size: "The kernel's height and width (one number: square).",
      bias: "Whether each output channel learns an additive bias.",
      padding_mode: "What the padding holds: actnb pads with zeros only (\"zeros\").",
      dtype: "The parameters' dtype (float32 by default).",
    },
    example: "const conv = new nn.Conv2d(1, 8, 3, { padding: 1 });\nconv  // Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\nconv(torch.zeros(2, 1, 28, 28)).shape.join(\" × \")  // 2 × 8 × 28 × 28",
    pytorch: "torch.nn.Conv2d",
  },
  "nn.MaxPool2d": {
    summary: "2-d max pooling: the largest value of each kernel_size window of [N, C, H, W] images.",
    signatures: [`(kernel_size: ${PAIR}, stride: ${PAIR} | null = null, padding: ${PAIR} = 0, dilation: ${PAIR} = 1, return_indices: boolean = false, ceil_mode: boolean = false): MaxPool2d`],
    positional: 0,
    params: POOL,
    example: "const pool = new nn.MaxPool2d(2);\npool  // MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\npool(torch.arange(16).float().view(1, 1, 4, 4))  // tensor([[[[ 5.,  7.],\n                                                 //           [13., 15.]]]])",
    pytorch: "torch.nn.MaxPool2d",
  },
  "nn.AvgPool2d": {
    summary: "2-d average pooling: the mean of each kernel_size window of [N, C, H, W] images.",
    signatures: [`(kernel_size: ${PAIR}, stride: ${PAIR} | null = null, padding: ${PAIR} = 0, ceil_mode: boolean = false, count_include_pad: boolean = true, divisor_override: number | null = null): AvgPool2d`],
    positional: 0,
    params: POOL,
    example: "const pool = new nn.AvgPool2d(2);\npool  // AvgPool2d(kernel_size=2, stride=2, padding=0)\npool(torch.arange(16).float().view(1, 1, 4, 4))  // tensor([[[[ 2.5000,  4.5000],\n                                                 //           [10.5000, 12.5000]]]])",
    pytorch: "torch.nn.AvgPool2d",
  },
  "nn.AdaptiveAvgPool2d": {
    summary: "2-d average pooling to a given output size, whatever the input's: windows chosen to tile the input.",
    signatures: ["(output_size: number | readonly (number | null)[]): AdaptiveAvgPool2d"],
    positional: 0,
    params: POOL,
    example: "const pool = new nn.AdaptiveAvgPool2d(1);\npool  // AdaptiveAvgPool2d(output_size=1)\npool(torch.zeros(2, 8, 7, 7)).shape.join(\" × \")  // 2 × 8 × 1 × 1",
    pytorch: "torch.nn.AdaptiveAvgPool2d",
  },
} satisfies ApiTable;

export const FUNCTIONAL_CONV = {
  conv2d: {
    summary: "The 2-d convolution of images [N, C, H, W] with kernels `weight` [out_channels, C, kH, kW], plus `bias`.",
    signatures: [`(input: Tensor, weight: Tensor, bias: Tensor | null = null, stride: ${PAIR} = 1, padding: ${PAIR} | "same" | "valid" = 0, dilation: ${PAIR} = 1, groups: number = 1): Tensor`],
    positional: 1,
    params: { ...CONV, weight: "The kernels [out_channels, C / groups, kH, kW].", bias: "One value per output channel [out_channels]; `null` for none." },
    example: "const x = torch.arange(9).float().view(1, 1, 3, 3);\nF.conv2d(x, torch.ones(1, 1, 2, 2))  // tensor([[[[ 8., 12.],\n                                     //           [20., 24.]]]])",
    pytorch: "torch.nn.functional.conv2d",
  },
  max_pool2d: {
    summary: "2-d max pooling: the largest value of each kernel_size window of images [N, C, H, W]; with return_indices, also where it was.",
    signatures: [
      maxPool("return_indices: false = false): Tensor"),
      maxPool("*, return_indices: true): [Tensor, Tensor]"),
      maxPool("return_indices: boolean = false): Tensor | [Tensor, Tensor]"),
    ],
    positional: 1,
    params: POOL,
    example: "const x = torch.arange(16).float().view(1, 1, 4, 4);\nF.max_pool2d(x, 2)  // tensor([[[[ 5.,  7.],\n                    //           [13., 15.]]]])\nF.max_pool2d(x, 2, { return_indices: true })[1]  // tensor([[[[ 5,  7],\n                                                 //           [13, 15]]]])",
    pytorch: "torch.nn.functional.max_pool2d",
  },
  avg_pool2d: {
    summary: "2-d average pooling: the mean of each kernel_size window of images [N, C, H, W].",
    signatures: [`(input: Tensor, kernel_size: ${PAIR}, stride: ${PAIR} | null = null, padding: ${PAIR} = 0, ceil_mode: boolean = false, count_include_pad: boolean = true, divisor_override: number | null = null): Tensor`],
    positional: 1,
    params: POOL,
    example: "F.avg_pool2d(torch.arange(16).float().view(1, 1, 4, 4), 2)  // tensor([[[[ 2.5000,  4.5000],\n                                                            //           [10.5000, 12.5000]]]])",
    pytorch: "torch.nn.functional.avg_pool2d",
  },
  adaptive_avg_pool2d: {
    summary: "2-d average pooling to a given output size, whatever the input's: windows chosen to tile the input.",
    signatures: ["(input: Tensor, output_size: number | readonly (number | null)[]): Tensor"],
    positional: 1,
    params: POOL,
    example: "F.adaptive_avg_pool2d(torch.arange(16).float().view(1, 1, 4, 4), 1)  // tensor([[[[7.5000]]]])",
    pytorch: "torch.nn.functional.adaptive_avg_pool2d",
  },
} satisfies ApiTable;
