// The double-precision Box–Muller transforms of ATen's CPU normal_:
//  - normalFill16Double: normal_fill_16<double>, used for contiguous tensors of >= 16 elements
//    that are not float32 (here: float64);
//  - the scalar at::normal_distribution<double> lives in Generator (it caches its second value).
// Both call glibc's log and sincos (reproduced bit for bit by ./libm) and the final
// `x * std + mean` is a fused multiply-add, as GCC compiles it.

import { fma64 } from "./fma";
import { log, sincos, SINCOS_OUT } from "./libm";

const TWO_PI = 2 * Math.PI;

/** Transforms data[off .. off + 16) from uniforms in [0, 1) to normals in place. */
export function normalFill16Double(data: Float64Array, off: number, mean: number, std: number): void {
  const plain = std === 1 && Object.is(mean, 0);
  for (let j = off; j < off + 8; j++) {
    const u1 = 1 - data[j];
    const radius = Math.sqrt(-2 * log(u1));
    sincos(TWO_PI * data[j + 8]); // GCC merges the sin and cos calls into one sincos
    const n1 = radius * SINCOS_OUT[1];
    const n2 = radius * SINCOS_OUT[0];
    if (plain) {
      data[j] = n1 + 0;
      data[j + 8] = n2 + 0;
    } else {
      data[j] = fma64(n1, std, mean);
      data[j + 8] = fma64(n2, std, mean);
    }
  }
}
