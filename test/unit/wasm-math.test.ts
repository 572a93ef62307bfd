// Accuracy of the SIMD kernels' float32 math (kernel/engine/wasm/assembly/math.ts), measured in
// units in the last place against double-precision references, over dense samples of each
// function's range, plus the special values the activations rely on.
import * as assert from "assert";
import { torch } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";
import { wasmKernels } from "../../kernel/engine/wasm/index";
import { erfc } from "../../kernel/engine/ops/codegen";

/** The float32 ulp at the magnitude of v (subnormals: 2^-149). */
function ulp(v: number): number {
  const a = Math.abs(Math.fround(v));
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** Runs math_<name> over xs. */
function run(name: string, xs: Float32Array): Float32Array {
  const k = wasmKernels()!;
  const x = torch.tensor(Array.from(xs));
  const out = torch.empty(xs.length);
  const addr = (t: Tensor) => t.storage.byteOffset + t.offset * 4;
  k[`math_${name}`](addr(x), addr(out), xs.length);
  return Float32Array.from(out.tolist() as number[]);
}

/** float32 samples: uniform on [lo, hi], or log-uniform in magnitude when `log`. */
function samples(lo: number, hi: number, n: number, log = false, seed = 1): Float32Array {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rand();
    out[i] = log ? Math.sign(lo) * Math.exp(Math.log(Math.abs(lo)) + (Math.log(Math.abs(hi)) - Math.log(Math.abs(lo))) * u) : lo + (hi - lo) * u;
  }
  return out;
}

/** The largest error in ulps of the reference (and the input where it occurs). */
function worstUlps(name: string, ref: (x: number) => number, xs: Float32Array): { ulps: number; at: number; abs: number } {
  const ys = run(name, xs);
  let worst = { ulps: 0, at: NaN, abs: 0 };
  for (let i = 0; i < xs.length; i++) {
    const r = ref(xs[i]);
    const e = Math.abs(ys[i] - r) / ulp(r);
    if (!(e <= worst.ulps)) worst = { ulps: e, at: xs[i], abs: Math.abs(ys[i] - r) };
  }
  return worst;
}

const phi = (x: number) => 0.5 * erfc(-x * Math.SQRT1_2);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** [function, reference, ranges, bound in ulps] */
const SWEEPS: Array<[string, (x: number) => number, Array<[number, number, boolean?]>, number]> = [
  ["exp", Math.exp, [[-87, 88], [-1, 1], [-103, -87]], 1],
  ["expm1", Math.expm1, [[-20, 20], [-1e-3, 1e-3], [1e-30, 1e-3, true], [-1e-30, -1e-3, true]], 1.5],
  ["log1p", Math.log1p, [[0, 1], [1e-30, 1e-2, true], [1, 1e30, true]], 1.5],
  ["tanh", Math.tanh, [[-10, 10], [-1, 1], [1e-30, 1e-2, true]], 1.6],
  ["sigmoid", sigmoid, [[-20, 20], [-100, -20]], 2.5],
  ["gaussian", (x) => Math.exp(-x * x / 2), [[-13, 13], [-1, 1]], 1.3],
  // the far tail of the normal CDF: t, e^(-x^2/2) and F(t) each round (about 1e-7 absolute)
  ["normal_cdf", phi, [[-13, 13], [-1, 1], [-13, -0.7]], 6],
];

describe("wasm SIMD math accuracy", function () {
  before(function () {
    if (!wasmKernels()) this.skip();
  });

  for (const [name, ref, ranges, bound] of SWEEPS) {
    for (const [lo, hi, log] of ranges) {
      it(`${name} on [${lo}, ${hi}]${log ? " (log-uniform)" : ""}: within ${bound} ulp`, () => {
        const w = worstUlps(name, ref, samples(lo, hi, 1 << 16, log, Math.round(lo * 1000 + hi)));
        assert.ok(w.ulps <= bound, `${name}: ${w.ulps.toFixed(2)} ulp at ${w.at} (|error| ${w.abs})`);
      });
    }
  }

  it("special values: overflow, underflow, infinities and nan as Math does", () => {
    const xs = Float32Array.from([0, -0, Infinity, -Infinity, NaN, 88.72, 88.73, 89, 1000, -87.34, -103.9, -104, -110, -1000]);
    const e = run("exp", xs);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.fround(Math.exp(xs[i]));
      if (Number.isNaN(r)) assert.ok(Number.isNaN(e[i]), `exp(${xs[i]})`);
      else if (r === 0 || !Number.isFinite(r)) assert.strictEqual(e[i], r, `exp(${xs[i]})`);
      else assert.ok(Math.abs(e[i] - r) <= ulp(r), `exp(${xs[i]}): ${e[i]} vs ${r}`);
    }
    assert.deepStrictEqual(Array.from(run("expm1", Float32Array.from([0, -Infinity, -100]))), [0, -1, -1]);
    assert.ok(Object.is(run("expm1", Float32Array.from([-0]))[0], 0));
    assert.deepStrictEqual(Array.from(run("log1p", Float32Array.from([0, Infinity, 1e-45]))), [0, Infinity, 1e-45].map(Math.fround));
    assert.ok(Number.isNaN(run("log1p", Float32Array.from([NaN]))[0]));
    const t = run("tanh", Float32Array.from([Infinity, -Infinity, 0, -0, 20, -20, NaN]));
    assert.deepStrictEqual(Array.from(t.slice(0, 6)).map((v) => Object.is(v, -0) ? "-0" : v), [1, -1, 0, "-0", 1, -1]);
    assert.ok(Number.isNaN(t[6]));
    assert.deepStrictEqual(Array.from(run("sigmoid", Float32Array.from([Infinity, -Infinity, 0, 200, -200]))), [1, 0, 0.5, 1, 0]);
    assert.deepStrictEqual(Array.from(run("normal_cdf", Float32Array.from([Infinity, -Infinity, 0, 40, -40]))), [1, 0, 0.5, 1, 0]);
  });
});
