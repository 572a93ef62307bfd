// torch.nn.init: nn.init.kaiming_uniform_(w, { a: Math.sqrt(5) }), nn.init.zeros_(b), ...
import type { ApiTable } from "../entry";

const INIT = {
  tensor: "The tensor to fill, in place (without recording it for autograd); it is returned.",
  a: "The lower bound (uniform_), or the negative slope of the leaky ReLU that follows (kaiming_*: used only with nonlinearity \"leaky_relu\").",
  b: "The upper bound.",
  mean: "The normal distribution's mean.",
  std: "The normal distribution's standard deviation.",
  val: "The value every element gets.",
  gain: "A scale on the standard deviation (calculate_gain's value for the activation that follows).",
  mode: "\"fan_in\" keeps the forward pass's variance, \"fan_out\" the backward pass's.",
  nonlinearity: "The activation that follows, by its F name (\"relu\", \"leaky_relu\", \"tanh\", \"sigmoid\", \"linear\", \"conv2d\", \"selu\", ...).",
  generator: "The random generator to draw from (PyTorch 2's parameter; 1.13 has none); `null`: the global one.",
  param: "The leaky ReLU's negative slope (for \"leaky_relu\"; `null`: 0.01).",
};
const KAIMING = "(tensor: Tensor, a: number = 0, mode: \"fan_in\" | \"fan_out\" = \"fan_in\", nonlinearity: string = \"leaky_relu\"): Tensor";

export const INIT_NN = {
  calculate_gain: {
    summary: "The recommended gain for an activation function: 1 for linear and sigmoid, 5/3 for tanh, √2 for relu, √(2 / (1 + slope²)) for leaky_relu, 3/4 for selu.",
    signatures: ["(nonlinearity: string, param: number | null = null): number"],
    positional: 0,
    params: INIT,
    example: "nn.init.calculate_gain(\"tanh\")  // 1.6666666666666667\nnn.init.calculate_gain(\"leaky_relu\", 0.2)  // 1.3867504905630728",
    pytorch: "torch.nn.init.calculate_gain",
  },
  uniform_: {
    summary: "Fills the tensor with values drawn uniformly from [a, b).",
    signatures: ["(tensor: Tensor, a: number = 0.0, b: number = 1.0, generator: Generator | null = null): Tensor"],
    params: { ...INIT, a: "The lower bound." },
    example: "torch.manual_seed(0);\nnn.init.uniform_(torch.empty(3), -1, 1)  // tensor([-0.0075,  0.5364, -0.8230])",
    pytorch: "torch.nn.init.uniform_",
  },
  normal_: {
    summary: "Fills the tensor with values drawn from the normal distribution N(mean, std²).",
    signatures: ["(tensor: Tensor, mean: number = 0.0, std: number = 1.0, generator: Generator | null = null): Tensor"],
    params: INIT,
    example: "torch.manual_seed(0);\nnn.init.normal_(torch.empty(3), 0, 0.1)  // tensor([ 0.1541, -0.0293, -0.2179])",
    pytorch: "torch.nn.init.normal_",
  },
  constant_: {
    summary: "Fills the tensor with one value.",
    signatures: ["(tensor: Tensor, val: number): Tensor"],
    positional: 1,
    params: INIT,
    example: "nn.init.constant_(torch.empty(3), 0.5)  // tensor([0.5000, 0.5000, 0.5000])",
    pytorch: "torch.nn.init.constant_",
  },
  zeros_: {
    summary: "Fills the tensor with zeros.",
    signatures: ["(tensor: Tensor): Tensor"],
    params: INIT,
    example: "nn.init.zeros_(torch.empty(2))  // tensor([0., 0.])",
    pytorch: "torch.nn.init.zeros_",
  },
  ones_: {
    summary: "Fills the tensor with ones.",
    signatures: ["(tensor: Tensor): Tensor"],
    params: INIT,
    example: "nn.init.ones_(torch.empty(2))  // tensor([1., 1.])",
    pytorch: "torch.nn.init.ones_",
  },
  xavier_uniform_: {
    summary: "Glorot initialisation: uniform in ±gain·√(6 / (fan_in + fan_out)), keeping the variance of activations and gradients alike.",
    signatures: ["(tensor: Tensor, gain: number = 1.0): Tensor"],
    params: INIT,
    example: "torch.manual_seed(0);\nnn.init.xavier_uniform_(torch.empty(2, 2))  // tensor([[-0.0092,  0.6570],\n                                            //         [-1.0080, -0.9013]])",
    pytorch: "torch.nn.init.xavier_uniform_",
  },
  xavier_normal_: {
    summary: "Glorot initialisation: normal with std gain·√(2 / (fan_in + fan_out)), keeping the variance of activations and gradients alike.",
    signatures: ["(tensor: Tensor, gain: number = 1.0): Tensor"],
    params: INIT,
    example: "torch.manual_seed(0);\nnn.init.xavier_normal_(torch.empty(2, 2))  // tensor([[ 1.0896, -0.2075],\n                                           //         [-1.5406,  0.4019]])",
    pytorch: "torch.nn.init.xavier_normal_",
  },
  kaiming_uniform_: {
    summary: "He initialisation: uniform in ±gain·√(3 / fan), keeping the variance through layers followed by a (leaky) ReLU.",
    signatures: [KAIMING],
    params: INIT,
    example: "torch.manual_seed(0);\nnn.init.kaiming_uniform_(torch.empty(2, 2), { nonlinearity: \"relu\" })  // tensor([[-0.0130,  0.9291],\n                                                                       //         [-1.4256, -1.2747]])",
    pytorch: "torch.nn.init.kaiming_uniform_",
  },
  kaiming_normal_: {
    summary: "He initialisation: normal with std gain / √fan, keeping the variance through layers followed by a (leaky) ReLU.",
    signatures: [KAIMING],
    params: INIT,
    example: "torch.manual_seed(0);\nnn.init.kaiming_normal_(torch.empty(2, 2), { nonlinearity: \"relu\" })  // tensor([[ 1.5410, -0.2934],\n                                                                      //         [-2.1788,  0.5684]])",
    pytorch: "torch.nn.init.kaiming_normal_",
  },
} satisfies ApiTable;
