// Seeds as PyTorch takes them: any integer that fits in 64 bits, signed or not. Negative seeds
// wrap modulo 2^64 (torch.manual_seed(-1).initial_seed() == 2**64 - 1); the engine itself is
// keyed by the low 32 bits only.

const TWO64 = 1n << 64n;
const MIN_I64 = -(1n << 63n);

/** The uint64 PyTorch stores for `seed` (torch.manual_seed truncates floats with int()). */
export function toUint64Seed(seed: number | bigint): bigint {
  let s: bigint;
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) throw new TypeError(`manual_seed expected an integer, got ${seed}`);
    s = BigInt(Math.trunc(seed));
  } else if (typeof seed === "bigint") {
    s = seed;
  } else {
    throw new TypeError(`manual_seed expected an integer, got ${typeof seed}`);
  }
  if (s < MIN_I64 || s >= TWO64) throw new RangeError("Overflow when unpacking long");
  return s < 0n ? s + TWO64 : s;
}

/** The low 32 bits of a uint64 seed, as the mt19937 key. */
export function low32(seed: bigint): number {
  return Number(seed & 0xffffffffn);
}

/** A number when it is exactly representable, else the bigint (like Python's int, as far as JS allows). */
export function seedToJs(seed: bigint): number | bigint {
  return seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seed) : seed;
}

/**
 * 64 non-deterministic bits for Generator.seed(). PyTorch reads /dev/urandom on CPU; here the
 * Web Crypto API (Node and browsers), falling back to Math.random where it is missing.
 */
export function nondeterministicSeed(): bigint {
  const words = new Uint32Array(2);
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c && typeof c.getRandomValues === "function") {
    c.getRandomValues(words);
  } else {
    words[0] = Math.floor(Math.random() * 4294967296);
    words[1] = Math.floor(Math.random() * 4294967296);
  }
  return (BigInt(words[1]) << 32n) | BigInt(words[0]);
}
