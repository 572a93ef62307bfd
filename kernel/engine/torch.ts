// The torch namespace: factories, operations as functions, autograd switches, dtypes, nn, optim.
import { Tensor } from "./tensor";
import type { TorchFunctions } from "./api/generated/torch";
import * as ops from "./ops";
import { torchActivations, TorchActivations } from "./activations/generated/torch";
import { withMethodChecks } from "./tensor_arguments";
import * as nn from "./nn";
import * as optim from "./optim";
import * as random from "./random";
import * as dtypes from "./dtype";
import { no_grad, enable_grad, set_grad_enabled, is_grad_enabled } from "./autograd/grad_mode";
import { set_printoptions, get_printoptions } from "./printing";
import { bindArgs, bindEntry, checksOwnArguments } from "./args";
import { checkOut } from "./ops/out";
import { TORCH_FUNCTIONS_ARITHMETIC } from "./api/tables/arithmetic";
import { TORCH_FUNCTIONS_MISC as MISC } from "./api/tables/misc";
import * as data from "./data";
import { cuda, device, Device } from "./device";
import { pyTypeName } from "./pyrepr";
import { save, load } from "./serialization";

type T = Tensor;

/** torch.true_divide: torch.div without rounding_mode. */
function true_divide(a: T, b: T | number | boolean, ...rest: unknown[]): T {
  const { out } = bindEntry<{ out: T | null }>("true_divide", rest, TORCH_FUNCTIONS_ARITHMETIC.true_divide, 2);
  return ops.div(a, b, { out: out === null ? null : checkOut("true_divide", out) });
}
checksOwnArguments(true_divide);


const torchNamespace = {
  Tensor,
  // dtypes
  float32: dtypes.float32, float: dtypes.float32, float64: dtypes.float64, double: dtypes.float64,
  int64: dtypes.int64, long: dtypes.int64, int32: dtypes.int32, int: dtypes.int32, uint8: dtypes.uint8, bool: dtypes.bool,
  // creation
  tensor: ops.tensor, zeros: ops.zeros, ones: ops.ones, empty: ops.empty, full: ops.full,
  zeros_like: ops.zeros_like, ones_like: ops.ones_like, empty_like: ops.empty_like, full_like: ops.full_like,
  rand_like: ops.rand_like, randn_like: ops.randn_like,
  arange: ops.arange, linspace: ops.linspace, eye: ops.eye,
  rand: ops.rand, randn: ops.randn, randint: ops.randint, randperm: ops.randperm,
  from_array: ops.from_array,
  // randomness
  manual_seed: random.manual_seed, initial_seed: random.initial_seed, seed: random.seed,
  get_rng_state: random.get_rng_state, set_rng_state: random.set_rng_state,
  Generator: random.Generator, default_generator: random.default_generator,
  // arithmetic and math
  add: ops.add, sub: ops.sub, subtract: ops.sub, mul: ops.mul, multiply: ops.mul, div: ops.div, divide: ops.div,
  true_divide,
  rsub: ops.rsub,
  neg: ops.neg, pow: ops.pow, reciprocal: ops.reciprocal,
  exp: ops.exp, log: ops.log, sqrt: ops.sqrt, rsqrt: ops.rsqrt, abs: ops.abs, sign: ops.sign,
  sin: ops.sin, cos: ops.cos, erf: ops.erf,
  clamp: ops.clamp, clip: ops.clamp, where: ops.where, maximum: ops.maximum, minimum: ops.minimum,
  eq: ops.eq, ne: ops.ne, gt: ops.gt, ge: ops.ge, lt: ops.lt, le: ops.le, isnan: ops.isnan,
  logical_not: ops.logical_not, logical_and: ops.logical_and, logical_or: ops.logical_or,
  allclose: ops.allclose, equal: ops.equal, masked_fill: ops.masked_fill,
  // linear algebra
  matmul: ops.matmulCall, mm: ops.mmCall, mv: ops.mvCall, dot: ops.dotCall, bmm: ops.bmmCall,
  // reductions
  sum: ops.sum, mean: ops.mean,
  var: ops.var_, std: ops.std, norm: ops.norm, prod: ops.prod,
  max: ops.max, min: ops.min,
  amax: ops.amax, amin: ops.amin, argmax: ops.argmax, argmin: ops.argmin,
  all: ops.all, any: ops.any, count_nonzero: ops.count_nonzero,
  // shape
  reshape: ops.reshapeCall, t: ops.t, transpose: ops.transposeCall,
  permute: ops.permuteCall, unsqueeze: ops.unsqueezeCall, squeeze: ops.squeezeCall,
  flatten: ops.flatten, cat: ops.cat, concat: ops.cat, stack: ops.stack, narrow: ops.narrowCall, select: ops.selectCall,
  chunk: ops.chunkCall, split: ops.splitCall, gather: ops.gatherCall, clone: ops.clone,
  index_select: ops.indexSelectCall,
  // activations PyTorch exposes on torch (from their definitions)
  ...torchActivations,
  // autograd
  no_grad, enable_grad,
  // (bound here: grad_mode.ts is loaded by the autograd nodes, before what bindEntry needs)
  set_grad_enabled: (...args: unknown[]): void => {
    const { mode } = bindEntry<{ mode: unknown }>("set_grad_enabled", args, MISC.set_grad_enabled);
    if (typeof mode !== "boolean") throw new TypeError(`set_grad_enabled(): argument 'mode' must be bool, not ${pyTypeName(mode)}`);
    set_grad_enabled(mode);
  },
  is_grad_enabled: (...args: unknown[]): boolean => { bindEntry("is_grad_enabled", args, MISC.is_grad_enabled); return is_grad_enabled(); },
  // printing
  set_printoptions,
  get_printoptions: (...args: unknown[]) => { bindEntry("get_printoptions", args, MISC.get_printoptions); return get_printoptions(); },
  // namespaces
  nn, optim, utils: { data },
  // devices: the CPU only (tutorials' `.to(device)` runs unchanged)
  device: (...args: unknown[]): Device => { const a = bindEntry<{ type: string | Device; index: number | null }>("device", args, MISC.device); return device(a.type, a.index ?? undefined); },
  Device, cuda,
  // files: torch.save / torch.load in actnb's own format (docs/tensor-file.md)
  save, load,
  is_tensor: (obj: unknown, ...rest: unknown[]): obj is T => bindEntry<{ obj: unknown }>("is_tensor", [obj, ...rest], MISC.is_tensor).obj instanceof Tensor,
  numel: (x: T) => x.numel(),
};

// torch.exp(x), torch.mul(x, y), ...: the Tensor methods' argument checks (tensor_arguments.ts)
withMethodChecks(torchNamespace as unknown as Record<string, unknown>);

/** The torch namespace, its functions typed by their API entries (api/tables/). */
export const torch: Omit<typeof torchNamespace, keyof TorchFunctions | keyof TorchActivations> & TorchFunctions & TorchActivations = torchNamespace;

export { nn, optim };
export const F = nn.functional;
