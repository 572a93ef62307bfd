// Elementwise math, comparisons, logic and selection: torch.exp(x), x.clamp(0, 1), x.gt(0), torch.where(c, x, y), ...
import type { ApiEntry, ApiTable } from "../entry";
import { COMMON } from "../common";

const OUT_ONLY = "*, out: Tensor | null = null";

/** A float function of one tensor (integer inputs give float32). */
const unary = (name: string, summary: string, example: string): ApiEntry => ({
  summary, signatures: [`(input: Tensor, ${OUT_ONLY}): Tensor`], method: true, params: COMMON, example, pytorch: `torch.${name}`,
});
/** A comparison: a bool tensor, broadcasting the two. */
const comparison = (name: string, relation: string, example: string): ApiEntry => ({
  summary: `Whether input ${relation} other, elementwise, broadcasting the two: a bool tensor.`,
  signatures: [`(input: Tensor, other: Tensor | Scalar, ${OUT_ONLY}): Tensor`],
  method: true,
  params: { ...COMMON, other: "What the input is compared with: a tensor (broadcast) or a number." },
  example,
  pytorch: `torch.${name}`,
});
/** torch.maximum / minimum: `result` is what the example prints. */
const extreme = (name: string, which: string, result: string): ApiEntry => ({
  summary: `The ${which} of input and other, elementwise, broadcasting the two (NaN if either is).`,
  signatures: [`(input: Tensor, other: Tensor, ${OUT_ONLY}): Tensor`],
  method: true,
  params: { ...COMMON, other: "The second tensor, broadcast against the input." },
  example: `torch.${name}(torch.tensor([1, 5]), torch.tensor([3, 2]))  // ${result}`,
  pytorch: `torch.${name}`,
});
const LOGICAL_PARAMS = { ...COMMON, other: "The second operand (nonzero counts as true), broadcast against the input." };
const CLAMP: ApiEntry = {
  summary: "Each element limited to [min, max] (either bound may be left out, not both); NaN stays NaN.",
  signatures: [`(input: Tensor, min: Tensor | number | null = null, max: Tensor | number | null = null, ${OUT_ONLY}): Tensor`],
  method: true,
  params: { ...COMMON, min: "The lower bound: a number or a tensor (broadcast); `null`: none.", max: "The upper bound: a number or a tensor (broadcast); `null`: none." },
  example: "const x = torch.tensor([-2, 0.5, 3]);\nx.clamp(0, 1)  // tensor([0.0000, 0.5000, 1.0000])\ntorch.clamp(x, { max: 0 })  // tensor([-2.,  0.,  0.])",
  pytorch: "torch.clamp",
};

export const TORCH_FUNCTIONS_MATH = {
  exp: unary("exp", "e raised to each element.", "torch.exp(torch.tensor([0, 1]))  // tensor([1.0000, 2.7183])"),
  log: unary("log", "The natural logarithm of each element (−inf at 0, NaN below).", "torch.tensor([1, Math.E]).log()  // tensor([0.0000, 1.0000])"),
  sqrt: unary("sqrt", "The square root of each element (NaN below 0).", "torch.sqrt(torch.tensor([4, 9]))  // tensor([2., 3.])"),
  rsqrt: unary("rsqrt", "1 / √x for each element x.", "torch.rsqrt(torch.tensor([4, 16]))  // tensor([0.5000, 0.2500])"),
  sin: unary("sin", "The sine of each element (radians).", "torch.sin(torch.tensor([0, Math.PI / 2]))  // tensor([0., 1.])"),
  cos: unary("cos", "The cosine of each element (radians).", "torch.cos(torch.tensor([0]))  // tensor([1.])"),
  erf: unary("erf", "The error function of each element: erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.", "torch.erf(torch.tensor([0, 1]))  // tensor([0.0000, 0.8427])"),
  abs: unary("abs", "The absolute value of each element, in the input's dtype.", "torch.abs(torch.tensor([-1.5, 2]))  // tensor([1.5000, 2.0000])"),
  sign: unary("sign", "−1, 0 or 1 for each element, as it is negative, zero (or NaN) or positive.", "torch.sign(torch.tensor([-3, 0, 2]))  // tensor([-1.,  0.,  1.])"),
  clamp: CLAMP,
  clip: { ...CLAMP, summary: "torch.clamp under NumPy's name: each element limited to [min, max].", example: "torch.clip(torch.tensor([-2, 3]), -1, 1)  // tensor([-1.,  1.])", pytorch: "torch.clip" },
  maximum: extreme("maximum", "larger", "tensor([3., 5.])"),
  minimum: extreme("minimum", "smaller", "tensor([1., 2.])"),
  eq: comparison("eq", "=", "torch.tensor([1, 2]).eq(2)  // tensor([False,  True])"),
  ne: comparison("ne", "≠", "torch.tensor([1, 2]).ne(2)  // tensor([ True, False])"),
  gt: comparison("gt", ">", "torch.gt(torch.tensor([1, 2, 3]), 2)  // tensor([False, False,  True])"),
  ge: comparison("ge", "≥", "torch.ge(torch.tensor([1, 2, 3]), 2)  // tensor([False,  True,  True])"),
  lt: comparison("lt", "<", "torch.lt(torch.tensor([1, 2, 3]), 2)  // tensor([ True, False, False])"),
  le: comparison("le", "≤", "torch.le(torch.tensor([1, 2, 3]), 2)  // tensor([ True,  True, False])"),
  isnan: {
    summary: "Whether each element is NaN: a bool tensor.",
    signatures: ["(input: Tensor): Tensor"],
    method: true,
    params: COMMON,
    example: "torch.isnan(torch.tensor([1, NaN]))  // tensor([False,  True])",
    pytorch: "torch.isnan",
  },
  logical_not: {
    summary: "Whether each element is zero (false): a bool tensor.",
    signatures: [`(input: Tensor, ${OUT_ONLY}): Tensor`],
    method: true,
    params: COMMON,
    example: "torch.logical_not(torch.tensor([0, 2]))  // tensor([ True, False])",
    pytorch: "torch.logical_not",
  },
  logical_and: {
    summary: "Whether both input and other are nonzero, elementwise: a bool tensor.",
    signatures: [`(input: Tensor, other: Tensor, ${OUT_ONLY}): Tensor`],
    method: true,
    params: LOGICAL_PARAMS,
    example: "torch.logical_and(torch.tensor([true, true]), torch.tensor([true, false]))  // tensor([ True, False])",
    pytorch: "torch.logical_and",
  },
  logical_or: {
    summary: "Whether input or other is nonzero, elementwise: a bool tensor.",
    signatures: [`(input: Tensor, other: Tensor, ${OUT_ONLY}): Tensor`],
    method: true,
    params: LOGICAL_PARAMS,
    example: "torch.logical_or(torch.tensor([false, true]), torch.tensor([false, false]))  // tensor([False,  True])",
    pytorch: "torch.logical_or",
  },
  where: {
    summary: "input where condition is true, other elsewhere, elementwise, broadcasting the three.",
    signatures: [`(condition: Tensor, input: Tensor | Scalar, other: Tensor | Scalar, ${OUT_ONLY}): Tensor`],
    params: { ...COMMON, condition: "A bool tensor: where to take the input.", input: "The values where condition is true: a tensor or a number.", other: "The values where condition is false: a tensor or a number." },
    example: "const x = torch.tensor([-1, 2]);\ntorch.where(x.gt(0), x, 0)  // tensor([0., 2.])",
    pytorch: "torch.where",
  },
  allclose: {
    summary: "Whether every element of input is within atol + rtol × |other| of other's (broadcasting the two).",
    signatures: ["(input: Tensor, other: Tensor, rtol: number = 1e-05, atol: number = 1e-08, equal_nan: boolean = false): boolean"],
    method: true,
    params: { ...COMMON, other: "The tensor to compare with.", rtol: "The tolerance relative to |other|.", atol: "The absolute tolerance.", equal_nan: "Whether NaN counts as equal to NaN." },
    example: "const x = torch.tensor([1, 2]);\ntorch.allclose(x, x.add(1e-6))  // true\nx.allclose(x.add(0.1))  // false",
    pytorch: "torch.allclose",
  },
  equal: {
    summary: "Whether input and other have the same shape and the same elements.",
    signatures: ["(input: Tensor, other: Tensor): boolean"],
    method: true,
    params: { ...COMMON, other: "The tensor to compare with." },
    example: "torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2]))  // true\ntorch.tensor([1]).equal(torch.tensor([1, 1]))  // false",
    pytorch: "torch.equal",
  },
  masked_fill: {
    summary: "A copy of the input with `value` wherever `mask` is true (mask broadcast to the input's shape).",
    signatures: ["(input: Tensor, mask: Tensor, value: Scalar): Tensor"],
    method: true,
    params: { ...COMMON, mask: "A bool tensor: where to write `value`.", value: "The value to write there." },
    example: "const x = torch.tensor([1, -2, 3]);\nx.masked_fill(x.lt(0), 0)  // tensor([1., 0., 3.])",
    pytorch: "torch.masked_fill",
  },
} satisfies ApiTable;

export const TENSOR_METHODS_MATH = {
  square: {
    summary: "Each element squared.",
    signatures: ["(): Tensor"],
    params: {},
    example: "torch.tensor([2, -3]).square()  // tensor([4., 9.])",
    pytorch: "torch.Tensor.square",
  },
} satisfies ApiTable;
