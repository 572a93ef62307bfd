// The keyword arguments PyTorch's factories share (torch.zeros(2, 3, { dtype, requires_grad })),
// written once for their signatures (tables/creation.ts) and their descriptions.
import { COMMON } from "./common";

/** `*, out, dtype, device, requires_grad`: the tail of a factory's signature. */
export const FACTORY_KEYWORDS = "out: Tensor | null = null, dtype: DType | string | null = null, device: Device | string | null = null, requires_grad: boolean = false";
/** The same for factories that draw random numbers, with the generator first. */
export const RANDOM_KEYWORDS = `generator: Generator | null = null, ${FACTORY_KEYWORDS}`;
/** The *_like factories': no out=, and the dtype is the input's unless given. */
export const LIKE_KEYWORDS = "dtype: DType | string | null = null, device: Device | string | null = null, requires_grad: boolean = false";

export const FACTORY_PARAMS = {
  ...COMMON,
  out: "A tensor to write the result into (PyTorch's out=); its dtype is the result's, and a `dtype` given must match it.",
  dtype: "The result's dtype (a torch dtype or its name); `null`: the factory's default.",
  device: "The device to create it on: only the CPU exists here (\"cuda\" is PyTorch's error for a build without CUDA).",
  requires_grad: "Whether autograd records operations on the result (floating-point dtypes only).",
  generator: "The random number generator to draw from; `null`: torch.default_generator.",
  size: "The sizes of the result's dimensions, one by one or as one array.",
} as const;
