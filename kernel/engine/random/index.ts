// Random number generation reproducing PyTorch 1.13's CPU generator (bit for bit, except that
// normals computed through double-precision log/sin/cos may differ in the last bit or two):
//   torch.manual_seed(0); torch.randn(3)  <=>  manual_seed(0); default_generator.normal_(new Float32Array(3))

import { Generator } from "./generator";

export { Generator, DEFAULT_RNG_SEED, STATE_SIZE } from "./generator";
export type { FloatArray, IntegerArray } from "./generator";

/** The process-wide generator (torch.default_generator), starting from ATen's default seed 67280421310721. */
export const default_generator: Generator = new Generator();

/** torch.manual_seed: seeds the default generator and returns it. */
export function manual_seed(seed: number | bigint): Generator {
  return default_generator.manual_seed(seed);
}

/** torch.initial_seed. */
export function initial_seed(): number | bigint {
  return default_generator.initial_seed();
}

/** torch.seed: reseeds the default generator non-deterministically and returns the seed. */
export function seed(): number | bigint {
  return default_generator.seed();
}

/** torch.get_rng_state / torch.set_rng_state (bytes in torch's own layout). */
export function get_rng_state(): Uint8Array {
  return default_generator.get_state();
}
export function set_rng_state(state: Uint8Array): void {
  default_generator.set_state(state);
}
