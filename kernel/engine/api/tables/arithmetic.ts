// + - * / and powers as functions and methods: torch.add(x, y), x.mul(2), torch.pow(x, 2), ...
import type { ApiEntry, ApiTable } from "../entry";
import { COMMON } from "../common";

const BINARY_PARAMS = { ...COMMON, other: "The second operand: a tensor (broadcast against the input) or a number." };
const ALPHA_PARAMS = { ...BINARY_PARAMS, alpha: "The multiplier of `other`." };
const OUT_ONLY = "*, out: Tensor | null = null";

const ADD: ApiEntry = {
  summary: "input + alpha × other, elementwise, broadcasting the two.",
  signatures: [`(input: Tensor, other: Tensor | Scalar, *, alpha: number = 1, out: Tensor | null = null): Tensor`],
  params: ALPHA_PARAMS,
  example: "const x = torch.tensor([1, 2]);\ntorch.add(x, 10)  // tensor([11., 12.])\nx.add(x, { alpha: 2 })  // tensor([3., 6.])",
  pytorch: "torch.add",
};
const SUB: ApiEntry = {
  summary: "input − alpha × other, elementwise, broadcasting the two.",
  signatures: [`(input: Tensor, other: Tensor | Scalar, *, alpha: number = 1, out: Tensor | null = null): Tensor`],
  params: ALPHA_PARAMS,
  example: "const x = torch.tensor([5, 7]);\ntorch.sub(x, 1)  // tensor([4., 6.])\nx.sub(torch.tensor([1, 2]), { alpha: 2 })  // tensor([3., 3.])",
  pytorch: "torch.sub",
};
const MUL: ApiEntry = {
  summary: "input × other, elementwise, broadcasting the two.",
  signatures: [`(input: Tensor, other: Tensor | Scalar, ${OUT_ONLY}): Tensor`],
  params: BINARY_PARAMS,
  example: "const x = torch.tensor([1, 2, 3]);\ntorch.mul(x, 2)  // tensor([2., 4., 6.])\nx.mul(x)  // tensor([1., 4., 9.])",
  pytorch: "torch.mul",
};
const DIV: ApiEntry = {
  summary: "input ÷ other, elementwise, broadcasting the two: a true division (integers give floats), or rounded as `rounding_mode` says.",
  signatures: [`(input: Tensor, other: Tensor | Scalar, *, rounding_mode: "trunc" | "floor" | null = null, out: Tensor | null = null): Tensor`],
  params: { ...BINARY_PARAMS, other: "The divisor: a tensor (broadcast against the input) or a number.", rounding_mode: "`null`: no rounding; \"trunc\": toward zero; \"floor\": toward −∞." },
  example: "const x = torch.tensor([-7, 7]);\ntorch.div(x, 2)  // tensor([-3.5000,  3.5000])\nx.div(2, { rounding_mode: \"floor\" })  // tensor([-4.,  3.])",
  pytorch: "torch.div",
};

export const TORCH_FUNCTIONS_ARITHMETIC = {
  add: { ...ADD, method: true },
  sub: { ...SUB, method: true },
  subtract: { ...SUB, summary: "torch.sub under NumPy's name: input − alpha × other.", example: "torch.subtract(torch.tensor([5, 7]), 1)  // tensor([4., 6.])", pytorch: "torch.subtract" },
  mul: { ...MUL, method: true },
  multiply: { ...MUL, summary: "torch.mul under NumPy's name: input × other.", example: "torch.multiply(torch.tensor([1, 2]), 3)  // tensor([3., 6.])", pytorch: "torch.multiply" },
  div: { ...DIV, method: true },
  divide: { ...DIV, summary: "torch.div under NumPy's name: input ÷ other.", example: "torch.divide(torch.tensor([1, 2]), 4)  // tensor([0.2500, 0.5000])", pytorch: "torch.divide" },
  true_divide: {
    summary: "input ÷ other without rounding: torch.div with rounding_mode null.",
    signatures: [`(input: Tensor, other: Tensor | Scalar, ${OUT_ONLY}): Tensor`],
    method: true,
    params: { ...BINARY_PARAMS, other: "The divisor: a tensor (broadcast against the input) or a number." },
    example: "torch.true_divide(torch.tensor([1, 3], { dtype: torch.int64 }), 2)  // tensor([0.5000, 1.5000])",
    pytorch: "torch.true_divide",
  },
  rsub: {
    summary: "other − alpha × input, elementwise: subtraction with the operands the other way round.",
    signatures: ["(input: Tensor, other: Tensor | Scalar, *, alpha: number = 1): Tensor"],
    method: true,
    params: { ...COMMON, other: "What the input is subtracted from: a tensor (broadcast) or a number.", alpha: "The multiplier of the input." },
    example: "torch.rsub(torch.tensor([1, 2]), 10)  // tensor([9., 8.])",
    pytorch: "torch.rsub",
  },
  neg: {
    summary: "−input, elementwise.",
    signatures: [`(input: Tensor, ${OUT_ONLY}): Tensor`],
    method: true,
    params: COMMON,
    example: "torch.neg(torch.tensor([1, -2]))  // tensor([-1.,  2.])",
    pytorch: "torch.neg",
  },
  pow: {
    summary: "input raised to the power `exponent`, elementwise; or a number raised to each of a tensor's elements.",
    signatures: [
      `(input: Tensor, exponent: Tensor | Scalar, ${OUT_ONLY}): Tensor`,
      `(self: Scalar, exponent: Tensor, ${OUT_ONLY}): Tensor`,
    ],
    method: true,
    params: { ...COMMON, exponent: "The power: a number, or a tensor (broadcast against the base).", self: "The base, a number, raised to each element of `exponent`." },
    example: "const x = torch.tensor([1, 2, 3]);\nx.pow(2)  // tensor([1., 4., 9.])\ntorch.pow(2, x)  // tensor([2., 4., 8.])",
    pytorch: "torch.pow",
  },
  reciprocal: {
    summary: "1 / input, elementwise (integers give floats).",
    signatures: [`(input: Tensor, ${OUT_ONLY}): Tensor`],
    method: true,
    params: COMMON,
    example: "torch.reciprocal(torch.tensor([2, 4]))  // tensor([0.5000, 0.2500])",
    pytorch: "torch.reciprocal",
  },
} satisfies ApiTable;

export const TENSOR_METHODS_ARITHMETIC = {
  negative: {
    summary: "−self, elementwise: x.neg() under NumPy's name.",
    signatures: ["(): Tensor"],
    params: {},
    example: "torch.tensor([1, -2]).negative()  // tensor([-1.,  2.])",
    pytorch: "torch.Tensor.negative",
  },
} satisfies ApiTable;
