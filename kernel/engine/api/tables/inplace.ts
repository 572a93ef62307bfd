// The Tensor methods that overwrite self and return it: x.add_(y), x.clamp_(0, 1), x.fill_(0), x.normal_(), ...
import type { ApiEntry, ApiTable } from "../entry";

const GENERATOR = "The random number generator to draw from; `null`: torch.default_generator.";

/** x.<name>_(): self overwritten by x.<name>(). */
const unary = (name: string, what: string, example: string): ApiEntry => ({
  summary: `In place: each element replaced by ${what}; returns self.`, signatures: ["(): this"], params: {}, example, pytorch: `torch.Tensor.${name}_`,
});
/** x.<name>_(other): self overwritten by x.<name>(other). */
const binary = (name: string, what: string, signature: string, params: Record<string, string>, example: string): ApiEntry => ({
  summary: `In place: self ${what}, broadcasting other to self's shape; returns self.`, signatures: [signature], params, example, pytorch: `torch.Tensor.${name}_`,
});
const OTHER = { other: "The second operand: a tensor (broadcast to self's shape) or a number." };
const ALPHA = { ...OTHER, alpha: "The multiplier of `other`." };
const CLAMP: ApiEntry = {
  summary: "In place: each element limited to [min, max] (either bound may be left out, not both); returns self.",
  signatures: ["(min: Tensor | number | null = null, max: Tensor | number | null = null): this"],
  params: { min: "The lower bound: a number or a tensor (broadcast); `null`: none.", max: "The upper bound: a number or a tensor (broadcast); `null`: none." },
  example: "const x = torch.tensor([-2, 0.5, 3]);\nx.clamp_(0, 1);\nx  // tensor([0.0000, 0.5000, 1.0000])",
  pytorch: "torch.Tensor.clamp_",
};

export const TENSOR_METHODS_INPLACE = {
  add_: binary("add", "+= alpha × other", "(other: Tensor | Scalar, *, alpha: number = 1): this", ALPHA, "const x = torch.ones(2);\nx.add_(torch.tensor([1, 2]), { alpha: 10 })  // tensor([11., 21.])"),
  sub_: binary("sub", "−= alpha × other", "(other: Tensor | Scalar, *, alpha: number = 1): this", ALPHA, "const x = torch.ones(2);\nx.sub_(0.5)  // tensor([0.5000, 0.5000])"),
  mul_: binary("mul", "×= other", "(other: Tensor | Scalar): this", OTHER, "const x = torch.tensor([1, 2]);\nx.mul_(3);\nx  // tensor([3., 6.])"),
  div_: binary("div", "÷= other (rounded as `rounding_mode` says)", "(other: Tensor | Scalar, *, rounding_mode: \"trunc\" | \"floor\" | null = null): this",
    { ...OTHER, rounding_mode: "`null`: no rounding; \"trunc\": toward zero; \"floor\": toward −∞." }, "const x = torch.tensor([3, 5]);\nx.div_(2, { rounding_mode: \"floor\" })  // tensor([1., 2.])"),
  pow_: binary("pow", "raised to the power `exponent`", "(exponent: Tensor | Scalar): this", { exponent: "The power: a number, or a tensor (broadcast to self's shape)." }, "const x = torch.tensor([2, 3]);\nx.pow_(2)  // tensor([4., 9.])"),
  clamp_: CLAMP,
  clip_: { ...CLAMP, summary: "x.clamp_ under NumPy's name: in place, each element limited to [min, max]; returns self.", example: "torch.tensor([-2, 3]).clip_(-1, 1)  // tensor([-1.,  1.])", pytorch: "torch.Tensor.clip_" },
  neg_: unary("neg", "its negation", "torch.tensor([1, -2]).neg_()  // tensor([-1.,  2.])"),
  negative_: unary("negative", "its negation (x.neg_() under NumPy's name)", "torch.tensor([1, -2]).negative_()  // tensor([-1.,  2.])"),
  reciprocal_: unary("reciprocal", "1 / it (floating-point tensors only)", "torch.tensor([2, 4]).reciprocal_()  // tensor([0.5000, 0.2500])"),
  exp_: unary("exp", "e raised to it", "torch.tensor([0]).exp_()  // tensor([1.])"),
  log_: unary("log", "its natural logarithm", "torch.tensor([1]).log_()  // tensor([0.])"),
  sqrt_: unary("sqrt", "its square root", "torch.tensor([4, 9]).sqrt_()  // tensor([2., 3.])"),
  rsqrt_: unary("rsqrt", "1 / its square root", "torch.tensor([4]).rsqrt_()  // tensor([0.5000])"),
  abs_: unary("abs", "its absolute value", "torch.tensor([-1, 2]).abs_()  // tensor([1., 2.])"),
  sign_: unary("sign", "its sign (−1, 0 or 1)", "torch.tensor([-3, 0, 2]).sign_()  // tensor([-1.,  0.,  1.])"),
  sin_: unary("sin", "its sine", "torch.tensor([0]).sin_()  // tensor([0.])"),
  cos_: unary("cos", "its cosine", "torch.tensor([0]).cos_()  // tensor([1.])"),
  erf_: unary("erf", "its error function", "torch.tensor([0]).erf_()  // tensor([0.])"),
  square_: unary("square", "its square", "torch.tensor([2, -3]).square_()  // tensor([4., 9.])"),
  masked_fill_: {
    summary: "In place: `value` written wherever `mask` is true (mask broadcast to self's shape); returns self.",
    signatures: ["(mask: Tensor, value: Scalar): this"],
    params: { mask: "A bool tensor: where to write `value`.", value: "The value to write there." },
    example: "const x = torch.tensor([1, -2, 3]);\nx.masked_fill_(x.lt(0), 0)  // tensor([1., 0., 3.])",
    pytorch: "torch.Tensor.masked_fill_",
  },
  zero_: {
    summary: "In place: every element set to 0; returns self.",
    signatures: ["(): this"],
    params: {},
    example: "torch.ones(2).zero_()  // tensor([0., 0.])",
    pytorch: "torch.Tensor.zero_",
  },
  fill_: {
    summary: "In place: every element set to `value` (as self's dtype holds it); returns self.",
    signatures: ["(value: Scalar): this"],
    params: { value: "The value of every element." },
    example: "torch.zeros(3).fill_(2.5)  // tensor([2.5000, 2.5000, 2.5000])",
    pytorch: "torch.Tensor.fill_",
  },
  copy_: {
    summary: "In place: src's elements copied into self (src broadcast to self's shape and cast to its dtype); returns self.",
    signatures: ["(src: Tensor, non_blocking: boolean = false): this"],
    params: { src: "The tensor to copy from.", non_blocking: "Accepted for PyTorch's code: copies here are always synchronous." },
    example: "const x = torch.zeros(2, 2);\nx.copy_(torch.tensor([1, 2]))  // tensor([[1., 2.],\n                               //         [1., 2.]])",
    pytorch: "torch.Tensor.copy_",
  },
  uniform_: {
    summary: "In place: uniform random numbers in [from, to), drawn as PyTorch's CPU generator draws them; returns self.",
    signatures: ["(from: number = 0, to: number = 1, *, generator: Generator | null = null): this"],
    params: { from: "The lower bound.", to: "The upper bound.", generator: GENERATOR },
    example: "torch.manual_seed(0);\ntorch.empty(2).uniform_(-1, 1)  // tensor([-0.0075,  0.5364])",
    pytorch: "torch.Tensor.uniform_",
  },
  normal_: {
    summary: "In place: normal random numbers of the given mean and standard deviation, drawn as PyTorch's CPU generator draws them; returns self.",
    signatures: ["(mean: number = 0, std: number = 1, *, generator: Generator | null = null): this"],
    params: { mean: "The distribution's mean.", std: "The distribution's standard deviation.", generator: GENERATOR },
    example: "torch.manual_seed(0);\ntorch.empty(2).normal_(10, 0.1)  // tensor([10.1541,  9.9707])",
    pytorch: "torch.Tensor.normal_",
  },
  bernoulli_: {
    summary: "In place: each element 1 with probability p, else 0, drawn as PyTorch's CPU generator draws them; returns self.",
    signatures: ["(p: number = 0.5, *, generator: Generator | null = null): this"],
    params: { p: "The probability of a 1.", generator: GENERATOR },
    example: "torch.manual_seed(0);\ntorch.empty(4).bernoulli_(0.5)  // tensor([0., 0., 1., 0.])",
    pytorch: "torch.Tensor.bernoulli_",
  },
} satisfies ApiTable;
