// Random number generation reproducing PyTorch 1.13's CPU generator (bit for bit, except that
// normals computed through double-precision log/sin/cos may differ in the last bit or two):
//   torch.manual_seed(0); torch.randn(3)  <=>  manual_seed(0); default_generator.normal_(new Float32Array(3))

import { Generator } from "./generator";
import { bindEntry } from "../args";
import { TORCH_FUNCTIONS_RANDOM as API } from "../api/tables/random";

export { Generator, DEFAULT_RNG_SEED, STATE_SIZE } from "./generator";
export type { FloatArray, IntegerArray } from "./generator";

/** The process-wide generator (torch.default_generator), starting from ATen's default seed 67280421310721. */
export const default_generator: Generator = new Generator();

/** torch.manual_seed: seeds the default generator and returns it. */
export function manual_seed(...args: unknown[]): Generator {
  return default_generator.manual_seed(bindEntry<{ seed: number | bigint }>("manual_seed", args, API.manual_seed).seed);
}

/** torch.initial_seed. */
export function initial_seed(...args: unknown[]): number | bigint {
  bindEntry("initial_seed", args, API.initial_seed);
  return default_generator.initial_seed();
}

/** torch.seed: reseeds the default generator non-deterministically and returns the seed. */
export function seed(...args: unknown[]): number | bigint {
  bindEntry("seed", args, API.seed);
  return default_generator.seed();
}

/** torch.get_rng_state / torch.set_rng_state (bytes in torch's own layout). */
export function get_rng_state(...args: unknown[]): Uint8Array {
  bindEntry("get_rng_state", args, API.get_rng_state);
  return default_generator.get_state();
}
export function set_rng_state(...args: unknown[]): void {
  default_generator.set_state(bindEntry<{ new_state: Uint8Array }>("set_rng_state", args, API.set_rng_state).new_state);
}
