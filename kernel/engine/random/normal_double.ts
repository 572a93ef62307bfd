// The double-precision Box–Muller transform of ATen's CPU normal_ for contiguous tensors of
// >= 16 elements that are not float32 (here: float64): normal_fill_16<double>. (The scalar
// at::normal_distribution<double>, used below 16 elements, lives in Generator: it caches its
// second value.)
//
// The uniforms, their layout and the final `x * std + mean` (a fused multiply-add, as GCC
// compiles it) are reproduced exactly; log, sin and cos are JavaScript's Math functions. Those
// are not guaranteed to round the same way as the C library PyTorch calls, so the results agree
// with torch to within a few units in the last place, not necessarily bit for bit.

import { fma64 } from "./fma";

const TWO_PI = 2 * Math.PI;

/** Transforms data[off .. off + 16) from uniforms in [0, 1) to normals in place. */
export function normalFill16Double(data: Float64Array, off: number, mean: number, std: number): void {
  const plain = std === 1 && Object.is(mean, 0);
  for (let j = off; j < off + 8; j++) {
    const radius = Math.sqrt(-2 * Math.log(1 - data[j]));
    const theta = TWO_PI * data[j + 8];
    const n1 = radius * Math.cos(theta);
    const n2 = radius * Math.sin(theta);
    if (plain) {
      data[j] = n1 + 0;
      data[j + 8] = n2 + 0;
    } else {
      data[j] = fma64(n1, std, mean);
      data[j + 8] = fma64(n2, std, mean);
    }
  }
}
