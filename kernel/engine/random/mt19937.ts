// The 32-bit Mersenne Twister exactly as ATen's at::mt19937 (ATen/core/MT19937RNGEngine.h) runs it:
// the standard MT19937 recurrence and tempering, seeded with the low 32 bits of the seed by the
// classic init_genrand, and the same bookkeeping of `left`/`next` (a fresh engine has left = 1,
// so the first draw regenerates the whole 624-word block). Keeping that bookkeeping lets the
// generator state be serialised in torch.get_rng_state()'s layout.

export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  /** The 624 state words. */
  readonly state = new Uint32Array(MT_N);
  /** Draws left before the block is regenerated, plus one (ATen's `left_`). */
  left = 1;
  /** Index of the next state word to temper (ATen's `next_`). */
  next = 0;

  constructor(seed32 = 5489) {
    this.seed(seed32);
  }

  /** init_genrand: state[0] = seed, state[j] = 1812433253 * (s ^ (s >> 30)) + j (mod 2^32). */
  seed(seed32: number): void {
    const mt = this.state;
    let s = seed32 >>> 0;
    mt[0] = s;
    for (let j = 1; j < MT_N; j++) {
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + j) >>> 0;
      mt[j] = s;
    }
    this.left = 1;
    this.next = 0;
  }

  /** One tempered 32-bit output, as a non-negative number in [0, 2^32). */
  nextU32(): number {
    if (--this.left === 0) this.twist();
    let y = this.state[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * The next n outputs into dst[0 .. n): the same values and final state as n calls of
   * nextU32(), tempered in a tight loop (stored as uint32 bits; Int32Array views work too).
   */
  fill(dst: Uint32Array | Int32Array, n: number): void {
    const mt = this.state;
    let i = 0;
    while (i < n) {
      if (this.left <= 1) {
        // The draw that finds left == 1 regenerates the block and reads word 0 (nextU32).
        dst[i++] = this.nextU32();
        continue;
      }
      // left - 1 more draws read consecutive words without regenerating.
      const take = Math.min(n - i, this.left - 1);
      let k = this.next;
      for (const end = i + take; i < end; i++, k++) {
        let y = mt[k];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        dst[i] = y;
      }
      this.next = k;
      this.left -= take;
    }
  }

  /** Regenerates the block of 624 words (ATen's next_state). */
  private twist(): void {
    const mt = this.state;
    this.left = MT_N;
    this.next = 0;
    let k = 0;
    for (; k < MT_N - MT_M; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + MT_M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < MT_N - 1; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + MT_M - MT_N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[MT_N - 1] & UPPER) | (mt[0] & LOWER);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }

  copyFrom(other: MT19937): void {
    this.state.set(other.state);
    this.left = other.left;
    this.next = other.next;
  }
}
