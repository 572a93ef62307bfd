// torch.Generator for the CPU (ATen's CPUGeneratorImpl), reproducing PyTorch 1.13's streams:
//   random()    one mt19937 draw (32 bits)
//   random64()  two draws, the first as the high word
// and the distributions built on them by ATen's CPU kernels:
//   uniform_  float32: (random() & (2^24-1)) * 2^-24, then x * (to - from) + from in float (fused)
//             float64: (random64() & (2^53-1)) * 2^-53, then the same in double (fused)
//   normal_   float32 with >= 16 elements: all uniforms first, Box–Muller 16 at a time in float32
//             (normal_avx2.ts), the tail redone on 16 fresh uniforms; float64 with >= 16
//             elements: the same layout in double (normal_double.ts); fewer than 16 elements:
//             at::normal_distribution<double>, one value per call, the sine half cached
//   random_   (from, to): random() % range + from, or random64() % range when range >= 2^32
//   bernoulli_(p): double uniform from random64() < p (what Dropout's noise.bernoulli_(1 - p) runs)
//   randperm  Fisher–Yates swaps with random() % (n - i)
// Everything is bit for bit except where a double-precision log, sin or cos is involved (float64
// normal_, and the < 16-element normal_ path of any dtype): those use JavaScript's Math.log /
// Math.sin / Math.cos, which need not round like the C library torch calls, so such values can
// differ from torch's in the last bit or two (and, after rounding to float32, very rarely by one
// float32 ulp).

import { fma32, fma64 } from "./fma";
import { MT19937, MT_N } from "./mt19937";
import { normalFill16Avx2 } from "./normal_avx2";
import { normalFill16Double } from "./normal_double";
import { low32, nondeterministicSeed, seedToJs, toUint64Seed } from "./seed";

/** default_rng_seed_val in ATen: the seed the default CPU generator starts from. */
export const DEFAULT_RNG_SEED = 67280421310721n;

const TWO_M24 = 1 / 16777216; // 2^-24
const TWO_M53 = 1 / 9007199254740992; // 2^-53
const TWO_32 = 4294967296;
const TWO_PI = 2 * Math.PI;
const FLT_MAX = 3.4028234663852886e38;
const TWO64 = 1n << 64n;

/** Size in bytes of the state blob (the layout of torch.get_rng_state(), see get_state). */
export const STATE_SIZE = 5056;

/** Raw draws are produced in blocks of this many words into a shared scratch buffer. */
const BLOCK = 2048;
const WORDS = new Uint32Array(BLOCK);

export type FloatArray = Float32Array | Float64Array;
export type IntegerArray = Float64Array | Float32Array | Int32Array | BigInt64Array;

/**
 * A random number generator, as torch.Generator (PyTorch's CPU Mersenne Twister, bit for bit):
 * pass it as `generator` to random functions; torch.manual_seed seeds the default one.
 * PyTorch: `torch.Generator`
 */
export class Generator {
  private readonly engine = new MT19937();
  private seedValue: bigint = DEFAULT_RNG_SEED;
  // at::normal_distribution's cached second Box–Muller value (next_double_normal_sample).
  private hasNextDoubleNormal = false;
  private nextDoubleNormal = 0;
  // next_float_normal_sample: no CPU kernel uses it in 1.13; kept so states round-trip.
  private hasNextFloatNormal = false;
  private nextFloatNormal = 0;

  constructor(seed: number | bigint = DEFAULT_RNG_SEED) {
    this.manual_seed(seed);
  }

  // ------------------------------------------------------------------ seeding and state

  /** Like torch.Generator.manual_seed: negative seeds wrap modulo 2^64; clears the normal cache. */
  manual_seed(seed: number | bigint): this {
    this.setSeed(toUint64Seed(seed));
    return this;
  }

  initial_seed(): number | bigint {
    return seedToJs(this.seedValue);
  }

  /** Like torch.seed(): reseeds from 64 non-deterministic bits and returns the new seed. */
  seed(): number | bigint {
    this.setSeed(nondeterministicSeed());
    return seedToJs(this.seedValue);
  }

  private setSeed(seed: bigint): void {
    this.seedValue = seed;
    this.hasNextDoubleNormal = false;
    this.nextDoubleNormal = 0;
    this.hasNextFloatNormal = false;
    this.nextFloatNormal = 0;
    this.engine.seed(low32(seed));
  }

  /**
   * The state in torch.get_rng_state()'s byte layout (ATen's THGeneratorStateNew, 5056 bytes,
   * little-endian): u64 seed, i32 left, i32 seeded, u64 next, 624 x u64 state words,
   * f64 normal_x, f64 normal_y (the cached double normal), f64 normal_rho, i32 normal_is_valid,
   * 4 pad, f32 next_float_normal_sample, u8 its validity, 3 pad.
   */
  get_state(): Uint8Array {
    const out = new Uint8Array(STATE_SIZE);
    const v = new DataView(out.buffer);
    v.setBigUint64(0, this.seedValue, true);
    v.setInt32(8, this.engine.left, true);
    v.setInt32(12, 1, true);
    v.setBigUint64(16, BigInt(this.engine.next), true);
    const st = this.engine.state;
    for (let i = 0; i < MT_N; i++) v.setUint32(24 + 8 * i, st[i], true);
    const tail = 24 + 8 * MT_N;
    if (this.hasNextDoubleNormal) {
      v.setFloat64(tail + 8, this.nextDoubleNormal, true);
      v.setInt32(tail + 24, 1, true);
    }
    if (this.hasNextFloatNormal) {
      v.setFloat32(tail + 32, this.nextFloatNormal, true);
      out[tail + 36] = 1;
    }
    return out;
  }

  /** Restores a state from get_state() (or from torch.get_rng_state().numpy().tobytes()). */
  set_state(s: Uint8Array): void {
    if (!(s instanceof Uint8Array) || s.length !== STATE_SIZE) {
      throw new RangeError(`Expected a Uint8Array of ${STATE_SIZE} bytes, got ${s instanceof Uint8Array ? s.length : typeof s}`);
    }
    const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
    const left = v.getInt32(8, true);
    const seeded = v.getInt32(12, true);
    const next = v.getBigUint64(16, true);
    if (seeded === 0 || left <= 0 || left > MT_N || next > BigInt(MT_N)) {
      throw new RangeError("Invalid mt19937 state");
    }
    const st = this.engine.state;
    for (let i = 0; i < MT_N; i++) st[i] = v.getUint32(24 + 8 * i, true);
    this.engine.left = left;
    this.engine.next = Number(next);
    this.seedValue = v.getBigUint64(0, true);
    const tail = 24 + 8 * MT_N;
    this.hasNextDoubleNormal = v.getInt32(tail + 24, true) !== 0;
    this.nextDoubleNormal = this.hasNextDoubleNormal ? v.getFloat64(tail + 8, true) : 0;
    this.hasNextFloatNormal = s[tail + 36] !== 0;
    this.nextFloatNormal = this.hasNextFloatNormal ? v.getFloat32(tail + 32, true) : 0;
  }

  /** A copy with the same state (torch.Generator has no clone in Python; handy for tests). */
  clone(): Generator {
    const g = new Generator();
    g.set_state(this.get_state());
    return g;
  }

  // ------------------------------------------------------------------ raw draws

  /** CPUGeneratorImpl::random(): one 32-bit draw. */
  random(): number {
    return this.engine.nextU32();
  }

  /** CPUGeneratorImpl::random64() as a bigint: (first draw << 32) | second draw. */
  random64(): bigint {
    const hi = this.engine.nextU32();
    const lo = this.engine.nextU32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** uniform_real_distribution<double>(0, 1): the low 53 bits of random64() times 2^-53. */
  private uniform53(): number {
    const hi = this.engine.nextU32();
    const lo = this.engine.nextU32();
    return ((hi & 0x1fffff) * TWO_32 + lo) * TWO_M53;
  }

  // ------------------------------------------------------------------ distributions

  /** Tensor.uniform_(from, to) / torch.rand. */
  uniform_(out: FloatArray, from = 0, to = 1): void {
    const lim = out instanceof Float32Array ? FLT_MAX : Number.MAX_VALUE;
    checkInRange(from, "from", lim);
    checkInRange(to, "to", lim);
    if (!(from <= to)) throw new RangeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
    const n = out.length;
    if (out instanceof Float32Array) {
      if (to - from > FLT_MAX) throw new RangeError("uniform_ expects to-from <= std::numeric_limits<float>::max()");
      const f = Math.fround(from);
      const range = Math.fround(Math.fround(to) - f);
      if (f === 0 && range === 1) {
        this.fillUniform24(out, 0, n);
        return;
      }
      for (let i = 0; i < n; i += BLOCK) {
        const m = Math.min(BLOCK, n - i);
        this.engine.fill(WORDS, m);
        for (let k = 0; k < m; k++) out[i + k] = fma32((WORDS[k] & 0xffffff) * TWO_M24, range, f);
      }
    } else {
      const range = to - from;
      if (range > Number.MAX_VALUE) throw new RangeError("uniform_ expects to-from <= std::numeric_limits<double>::max()");
      this.fillUniform53(out, 0, n);
      if (!(from === 0 && range === 1)) {
        for (let i = 0; i < n; i++) out[i] = fma64(out[i], range, from);
      }
    }
  }

  /** Tensor.normal_(mean, std) / torch.randn (contiguous tensors). */
  normal_(out: FloatArray, mean = 0, std = 1): void {
    if (!(std >= 0)) throw new RangeError(`normal expects std >= 0.0, but found std ${std}`);
    const n = out.length;
    if (n >= 16) {
      if (out instanceof Float32Array) {
        const m = Math.fround(mean), s = Math.fround(std);
        this.fillUniform24(out, 0, n);
        for (let i = 0; i + 16 <= n; i += 16) normalFill16Avx2(out, i, m, s);
        if (n % 16 !== 0) {
          this.fillUniform24(out, n - 16, n);
          normalFill16Avx2(out, n - 16, m, s);
        }
      } else {
        this.fillUniform53(out, 0, n);
        for (let i = 0; i + 16 <= n; i += 16) normalFill16Double(out, i, mean, std);
        if (n % 16 !== 0) {
          this.fillUniform53(out, n - 16, n);
          normalFill16Double(out, n - 16, mean, std);
        }
      }
    } else {
      // Float32Array stores round the double to float like static_cast<float>.
      for (let i = 0; i < n; i++) out[i] = this.normalDouble(mean, std);
    }
  }

  /** out[start .. end) = uniform_real_distribution<float>(0, 1): 24 bits of one draw each. */
  private fillUniform24(out: Float32Array, start: number, end: number): void {
    for (let i = start; i < end; i += BLOCK) {
      const m = Math.min(BLOCK, end - i);
      this.engine.fill(WORDS, m);
      for (let k = 0; k < m; k++) out[i + k] = (WORDS[k] & 0xffffff) * TWO_M24;
    }
  }

  /** out[start .. end) = uniform_real_distribution<double>(0, 1): 53 bits of two draws each. */
  private fillUniform53(out: Float64Array | Float32Array, start: number, end: number): void {
    const half = BLOCK >> 1;
    for (let i = start; i < end; i += half) {
      const m = Math.min(half, end - i);
      this.engine.fill(WORDS, 2 * m);
      for (let k = 0; k < m; k++) out[i + k] = ((WORDS[2 * k] & 0x1fffff) * TWO_32 + WORDS[2 * k + 1]) * TWO_M53;
    }
  }

  /**
   * at::normal_distribution<double>(mean, std)(gen): Box–Muller, caching r * sin(theta). The
   * draws, their order and the caching match torch; log/sin/cos are Math's (see the header).
   */
  private normalDouble(mean: number, std: number): number {
    let ret: number;
    if (this.hasNextDoubleNormal) {
      this.hasNextDoubleNormal = false;
      ret = this.nextDoubleNormal;
    } else {
      const u1 = this.uniform53();
      const u2 = this.uniform53();
      const r = Math.sqrt(-2 * Math.log(1 - u2));
      const theta = TWO_PI * u1;
      this.nextDoubleNormal = r * Math.sin(theta);
      this.hasNextDoubleNormal = true;
      ret = r * Math.cos(theta);
    }
    return std === 1 && Object.is(mean, 0) ? ret + 0 : fma64(ret, std, mean);
  }

  /**
   * Tensor.random_(from, to) / torch.randint(low, high): integers in [low, high).
   * Float64Array holds int64 (or float64) results, exact below 2^53; BigInt64Array holds them
   * exactly; Float32Array and Int32Array follow the float32 / int32 kernels.
   */
  random_(out: IntegerArray, low: number | bigint, high: number | bigint): void {
    const lo = toBigInt(low, "low"), hi = toBigInt(high, "high");
    if (!(lo < hi)) throw new RangeError(`random_ expects 'from' to be less than 'to', but got from=${lo} >= to=${hi}`);
    if (lo < -(1n << 63n) || hi > (1n << 63n)) throw new RangeError("random_: bounds out of int64 range");
    const range = hi - lo; // < 2^64
    const eng = this.engine;
    const n = out.length;
    if (out instanceof Int32Array) {
      if (lo < -(1n << 31n) || hi > (1n << 31n)) throw new RangeError("random_: bounds out of int32 range");
      // uniform_int_from_to_distribution<int>: always one 32-bit draw.
      const r = Number(range), b = Number(lo);
      for (let i = 0; i < n; i++) out[i] = mod32(eng.nextU32(), r) + b;
      return;
    }
    if (range < 1n << 32n) {
      const r = Number(range), b = Number(lo);
      const exact = Math.abs(b) + r <= Number.MAX_SAFE_INTEGER;
      if (exact && !(out instanceof BigInt64Array)) {
        // Number(b) + (draw % r) is exact; a Float32Array store rounds like static_cast<float>
        // from int64 as long as the value is below 2^53.
        for (let i = 0; i < n; i += BLOCK) {
          const m = Math.min(BLOCK, n - i);
          eng.fill(WORDS, m);
          for (let k = 0; k < m; k++) out[i + k] = mod32(WORDS[k], r) + b;
        }
        return;
      }
      for (let i = 0; i < n; i++) storeInt64(out, i, BigInt.asIntN(64, BigInt(mod32(eng.nextU32(), r)) + lo));
      return;
    }
    // range >= 2^32: random64() % range (int64, double and float tensors).
    const base = BigInt.asUintN(64, lo);
    for (let i = 0; i < n; i++) {
      const h = eng.nextU32();
      const l = eng.nextU32();
      const v = (BigInt(h) << 32n) | BigInt(l);
      storeInt64(out, i, BigInt.asIntN(64, (v % range + base) % TWO64));
    }
  }

  /** Tensor.bernoulli_(p) with a scalar p (and so Dropout's mask): 1 where uniform53 < p. */
  bernoulli_(out: Float32Array | Float64Array | Uint8Array | Int32Array, p: number): void {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
    const n = out.length;
    const half = BLOCK >> 1;
    for (let i = 0; i < n; i += half) {
      const m = Math.min(half, n - i);
      this.engine.fill(WORDS, 2 * m);
      for (let k = 0; k < m; k++) {
        out[i + k] = ((WORDS[2 * k] & 0x1fffff) * TWO_32 + WORDS[2 * k + 1]) * TWO_M53 < p ? 1 : 0;
      }
    }
  }

  /**
   * torch.bernoulli(probs) / Tensor.bernoulli_(probs_tensor): per-element probabilities. A
   * float64 probability tensor draws 53-bit double uniforms; a float32 one draws 24-bit float
   * uniforms (bernoulli_distribution<float>), one random() each.
   */
  bernoulliTensor_(out: Float32Array | Float64Array | Uint8Array | Int32Array, probs: Float32Array | Float64Array): void {
    const n = out.length;
    if (probs.length !== n) throw new RangeError(`bernoulli: ${n} outputs but ${probs.length} probabilities`);
    for (let i = 0; i < n; i++) {
      const p = probs[i];
      if (!(p >= 0 && p <= 1)) throw new RangeError("Expected p_in >= 0 && p_in <= 1 to be true");
    }
    const eng = this.engine;
    if (probs instanceof Float64Array) {
      for (let i = 0; i < n; i++) {
        const hi = eng.nextU32();
        const lo = eng.nextU32();
        out[i] = ((hi & 0x1fffff) * TWO_32 + lo) * TWO_M53 < probs[i] ? 1 : 0;
      }
    } else {
      for (let i = 0; i < n; i++) out[i] = (eng.nextU32() & 0xffffff) * TWO_M24 < probs[i] ? 1 : 0;
    }
  }

  /** torch.randperm(n) (int64 values as doubles). */
  randperm(n: number): Float64Array {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`randperm: n must be a non-negative integer, got ${n}`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    const eng = this.engine;
    for (let i = 0; i < n - 1; i++) {
      const z = mod32(eng.nextU32(), n - i);
      const t = out[i];
      out[i] = out[z + i];
      out[z + i] = t;
    }
    return out;
  }
}

/** uniform_'s CHECK_OUT_OF_BOUNDS: from/to must lie within the dtype's finite range. */
function checkInRange(x: number, what: string, lim: number): void {
  if (typeof x !== "number" || !(x >= -lim && x <= lim)) {
    throw new RangeError(`uniform_ expects '${what}' to be within the dtype's range, but got ${what}=${x}`);
  }
}

/**
 * u % r for integers 0 <= u < 2^32, 1 <= r <= 2^32, without the slow floating-point `%`:
 * when u / r is not an integer it lies at least 1/r below the next one, far more than the
 * rounding error of the division (r * (quotient + 1) < 2^33), so floor(u / r) is exact.
 */
function mod32(u: number, r: number): number {
  return u - Math.floor(u / r) * r;
}

function toBigInt(x: number | bigint, what: string): bigint {
  if (typeof x === "bigint") return x;
  if (!Number.isInteger(x)) throw new TypeError(`${what} must be an integer, got ${x}`);
  return BigInt(x);
}

/** Stores an int64 the way static_cast<T>(int64_t) converts it for the destination array. */
function storeInt64(out: IntegerArray, i: number, v: bigint): void {
  if (out instanceof BigInt64Array) out[i] = v;
  else if (out instanceof Float32Array) out[i] = int64ToFloat32(v);
  else if (out instanceof Int32Array) out[i] = Number(BigInt.asIntN(32, v));
  else out[i] = Number(v); // correctly rounded to double
}

/** Correctly rounded int64 -> float32 (Number() then fround could round twice). */
function int64ToFloat32(v: bigint): number {
  const neg = v < 0n;
  let a = neg ? -v : v;
  if (a <= 1n << 53n) return Math.fround(neg ? -Number(a) : Number(a));
  // Keep 24 significant bits plus a sticky bit before converting: Number() of that is exact.
  const bitsLen = a.toString(2).length;
  const shift = BigInt(bitsLen - 26);
  const sticky = (a & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
  a = ((a >> shift) | sticky) << shift;
  const f = Math.fround(Number(a));
  return neg ? -f : f;
}
