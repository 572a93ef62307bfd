// Accuracy of the SIMD kernels' float32 math (kernel/engine/wasm/assembly/math.ts), measured in
// units in the last place against double-precision references, over dense samples of each
// function's range, plus the special values the activations rely on; then every transcendental
// activation, forward, on the SIMD path and on the JS path, with the ulp bounds measured by
// test/golden/ulp_survey.py (the table in kernel/engine/wasm/README.md); and last bits against
// PyTorch 1.13 (test/golden/fixtures/precision.json, written by test/golden/gen_precision.py):
// the points the guide prints bit for bit, and a grid of every activation within pinned ulps.
import * as assert from "assert";
import { torch } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";
import { F } from "../../kernel/index";
import { wasmKernels, setWasmEnabled } from "../../kernel/engine/wasm/index";
import { loadFixture } from "../golden/fixtures";
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
  // in doubles, rounded once: correctly rounded (the survey's worst over 6 million inputs: 0.4999997)
  // (from |x| = 8.66434097 on it is exactly +-1, as PyTorch's float32 tanh: tested apart)
  ["tanh", Math.tanh, [[-8.664, 8.664], [-1, 1], [1e-30, 1e-2, true], [-20, -9.02]], 0.5],
  // (below -88.72 the kernel answers 0, as PyTorch's float32 sigmoid does: tested apart)
  ["sigmoid", sigmoid, [[-20, 20], [-88.72, -20]], 2.5],
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
    // PyTorch's float32 tanh is exactly 1 from 8.66434097 (0x1.154248p+3) on; the float32 just below is not
    assert.deepStrictEqual(Array.from(run("tanh", Float32Array.from([8.66434097290039, -8.66434097290039, 9]))), [1, -1, 1]);
    assert.ok(run("tanh", Float32Array.from([8.664340019226074]))[0] < 1);
    assert.deepStrictEqual(F.tanh(torch.tensor([8.66434097290039, -8.8])).tolist(), [1, -1]);
    const t = run("tanh", Float32Array.from([Infinity, -Infinity, 0, -0, 20, -20, NaN]));
    assert.deepStrictEqual(Array.from(t.slice(0, 6)).map((v) => Object.is(v, -0) ? "-0" : v), [1, -1, 0, "-0", 1, -1]);
    assert.ok(Number.isNaN(t[6]));
    assert.deepStrictEqual(Array.from(run("sigmoid", Float32Array.from([Infinity, -Infinity, 0, 200, -200]))), [1, 0, 0.5, 1, 0]);
    // PyTorch's float32 e^-x overflows below -88.72, so its sigmoid is 0 there (not a subnormal)
    assert.deepStrictEqual(Array.from(run("sigmoid", Float32Array.from([-88.8, -100, -103]))), [0, 0, 0]);
    assert.deepStrictEqual(F.sigmoid(torch.tensor([-88.8, -100])).tolist(), [0, 0]);
    assert.deepStrictEqual(Array.from(run("normal_cdf", Float32Array.from([Infinity, -Infinity, 0, 40, -40]))), [1, 0, 0.5, 1, 0]);
  });
});

// ---------------------------------------------------------------- every transcendental activation

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;
const GELU_K = Math.sqrt(2 / Math.PI);
const sig = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const softplus64 = (x: number, beta = 1, threshold = 20) =>
  x * beta > threshold ? x : (Math.max(x * beta, 0) + Math.log1p(Math.exp(-Math.abs(x * beta)))) / beta;

/**
 * [name, engine call, float64 reference, worst ulps SIMD, worst ulps JS]: pinned at the worst
 * errors measured on these (fixed) samples, rounded up; test/golden/ulp_survey.py measures the
 * same over 6 million inputs and the tails (kernel/engine/wasm/README.md). The JS bounds in the
 * millions are the JS expressions' own cancellation, kept because PyTorch's float32 formulas
 * are the same: exp(x) - 1 for the ELU family (0 instead of x for |x| below 1e-16 or so), and
 * 1 + erf / 1 + tanh for gelu below x = -6 (the SIMD kernels use expm1 and the erfc tail).
 */
const ACTIVATION_ULPS: Array<[string, (t: Tensor) => Tensor, (x: number) => number, number, number]> = [
  ["tanh", (t) => F.tanh(t), Math.tanh, 0.5, 0.5],
  ["sigmoid", (t) => F.sigmoid(t), sig, 2.0, 0.5],
  ["silu", (t) => F.silu(t), (x) => x * sig(x), 2.0, 0.5],
  ["gelu", (t) => F.gelu(t), (x) => x * 0.5 * erfc(-x * Math.SQRT1_2), 4.4, 522200],
  ["gelu_tanh", (t) => F.gelu(t, { approximate: "tanh" }), (x) => x * sig(2 * GELU_K * (x + 0.044715 * x ** 3)), 95, 16776300],
  ["softplus", (t) => F.softplus(t), (x) => softplus64(x), 1.9, 0.5],
  ["softplus(beta=2)", (t) => F.softplus(t, { beta: 2, threshold: 20 }), (x) => softplus64(x, 2, 20), 1.9, 0.5],
  ["mish", (t) => F.mish(t), (x) => x * Math.tanh(softplus64(x, 1, Infinity)), 4.2, 0.5],
  ["elu", (t) => F.elu(t), (x) => (x > 0 ? x : Math.expm1(x)), 0.9, 16776500],
  ["selu", (t) => F.selu(t), (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)), 1.6, 16776100],
  ["celu(alpha=2)", (t) => F.celu(t, { alpha: 2 }), (x) => (x > 0 ? x : 2 * Math.expm1(x / 2)), 0.8, 16776500],
  ["logsigmoid", (t) => F.logsigmoid(t), (x) => Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))), 1.9, 0.5],
  // x / (1 + |x|) in float32 steps (a composite of abs, add and div), on both paths
  ["softsign", (t) => F.softsign(t), (x) => x / (1 + Math.abs(x)), 1.5, 1.5],
];

/** Every forward value of `call` on xs, with the SIMD kernels on or off. */
function forward(call: (t: Tensor) => Tensor, xs: Float32Array, wasm: boolean): Float32Array {
  const was = setWasmEnabled(wasm);
  try {
    return Float32Array.from(call(torch.tensor(Array.from(xs))).tolist() as number[]);
  } finally {
    setWasmEnabled(was);
  }
}

/**
 * float32 inputs log-uniform in magnitude over [1e-30, 8] (both signs) and uniform on [-8, 8]:
 * the range where every function's value is a normal float32 that its float64 formula gets
 * right. (Beyond it the survey's table shows the tails: underflow, and PyTorch's own formulas.)
 */
function activationSamples(): Float32Array {
  const tiny = samples(1e-30, 8, 1 << 15, true, 7);
  return Float32Array.from([...tiny, ...tiny.map((v) => -v), ...samples(-8, 8, 1 << 16, false, 8)]);
}

function worstOf(ys: Float32Array, xs: Float32Array, ref: (x: number) => number): { ulps: number; at: number } {
  let worst = { ulps: 0, at: NaN };
  for (let i = 0; i < xs.length; i++) {
    const r = ref(xs[i]);
    const e = ys[i] === r ? 0 : Math.abs(ys[i] - r) / ulp(r);
    if (!(e <= worst.ulps)) worst = { ulps: e, at: xs[i] };
  }
  return worst;
}

describe("activations: float32 error in ulps, SIMD and JS paths", function () {
  const xs = activationSamples();
  for (const [name, call, ref, simdBound, jsBound] of ACTIVATION_ULPS) {
    it(`${name}: SIMD within ${simdBound} ulp`, function () {
      if (!wasmKernels()) this.skip();
      const w = worstOf(forward(call, xs, true), xs, ref);
      if (process.env.ULP_REPORT) console.log(`${name} SIMD ${w.ulps.toFixed(3)} at ${w.at}`);
      assert.ok(w.ulps <= simdBound, `${name} (SIMD): ${w.ulps.toFixed(3)} ulp at ${w.at}`);
    });
    it(`${name}: JS within ${jsBound} ulp`, () => {
      const w = worstOf(forward(call, xs, false), xs, ref);
      if (process.env.ULP_REPORT) console.log(`${name} JS ${w.ulps.toFixed(3)} at ${w.at}`);
      assert.ok(w.ulps <= jsBound, `${name} (JS): ${w.ulps.toFixed(3)} ulp at ${w.at}`);
    });
  }
});

// ---------------------------------------------------------------- last bits against PyTorch

const fromBits = (hex: string[]) => new Float32Array(Uint32Array.from(hex, (h) => parseInt(h, 16)).buffer);
const toBits = (v: Float32Array) => Array.from(new Uint32Array(Float32Array.from(v).buffer), (b) => b.toString(16).padStart(8, "0"));

/** f(x) and x.grad after f(x).sum().backward(), on one path. */
function withGrad(call: (t: Tensor) => Tensor, xs: Float32Array, wasm: boolean): { y: Tensor; grad: Tensor } {
  const was = setWasmEnabled(wasm);
  try {
    const x = torch.tensor(Array.from(xs)).requires_grad_();
    const y = call(x);
    y.sum().backward();
    return { y: y.detach(), grad: x.grad! };
  } finally {
    setWasmEnabled(was);
  }
}

const f32 = (t: Tensor) => Float32Array.from(t.tolist() as number[]);

/** The largest distance in float32 steps between a and b (0 when bit-identical). */
function maxSteps(a: Float32Array, b: Float32Array): number {
  const ord = (v: number) => { const i = new Int32Array(Float32Array.of(v).buffer)[0]; return i < 0 ? -(i & 0x7fffffff) : i; };
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(ord(a[i]) - ord(b[i])));
  return m;
}

/**
 * Distance from PyTorch on the fixture's grid (x = linspace(-12, 12, 961)), in float32 steps:
 * [forward SIMD, forward JS, gradient SIMD, gradient JS], as measured (0 = bit for bit).
 */
const GRID_STEPS: Record<string, [number, number, number, number]> = {
  // bit for bit: correctly rounded, and exactly +-1 where PyTorch's is (8.664 < |x|)
  tanh: [0, 0, 0, 0],
  sigmoid: [2, 2, 2, 131071],
  silu: [1, 2, 22, 24],
  // gelu below x = -6: PyTorch's float32 erf cancels (0 or noise), the kernels keep the tail
  gelu: [866794763, 866794761, 844657249, 844657249],
  gelu_tanh: [873689445, 873689446, 897501407, 897501409],
  softplus: [1, 1, 1, 2],
  softplus_b2: [2, 1, 2, 28],
  mish: [4, 2, 241, 93],
  // the ELU family near 0: PyTorch's float32 exp(x) - 1 cancels
  elu: [7, 7, 1, 1],
  selu: [6, 6, 1, 1],
  celu_a2: [4194303, 4194303, 1, 1],
  logsigmoid: [2, 1, 2, 2],
  softsign: [0, 0, 16, 16],
};

describe("last bits against PyTorch 1.13 (fixtures/precision.json)", function () {
  const fx = loadFixture("precision");
  const CALLS: Record<string, (t: Tensor) => Tensor> = {
    tanh: (t) => F.tanh(t), sigmoid: (t) => F.sigmoid(t), silu: (t) => F.silu(t), gelu: (t) => F.gelu(t),
    gelu_tanh: (t) => F.gelu(t, { approximate: "tanh" }), softplus: (t) => F.softplus(t),
    softplus_b2: (t) => F.softplus(t, { beta: 2, threshold: 20 }), mish: (t) => F.mish(t), elu: (t) => F.elu(t),
    selu: (t) => F.selu(t), celu_a2: (t) => F.celu(t, { alpha: 2 }), logsigmoid: (t) => F.logsigmoid(t),
    softsign: (t) => F.softsign(t),
  };
  const paths: Array<[string, boolean]> = [["SIMD", true], ["JS", false]];

  for (const [label, wasm] of paths) {
    it(`${label}: a tensor divided by a number is a true division, bit for bit as PyTorch's (not a product with the reciprocal)`, function () {
      if (wasm && !wasmKernels()) this.skip();
      const { input, divisors, outputs } = fx.div_scalar;
      const was = setWasmEnabled(wasm);
      try {
        const x = torch.tensor(Array.from(fromBits(input)));
        divisors.forEach((d: number, i: number) => assert.deepStrictEqual(toBits(f32(x.div(d))), outputs[i], `x / ${d}`));
      } finally {
        setWasmEnabled(was);
      }
    });

    it(`${label}: in float64 too, and by a 0-d tensor: x / d is IEEE's correctly rounded division`, function () {
      if (wasm && !wasmKernels()) this.skip();
      const was = setWasmEnabled(wasm);
      try {
        const values = Array.from(fromBits(fx.div_scalar.input));
        const x64 = torch.tensor(values, { dtype: torch.float64 });
        for (const d of [255, 3, 0.3, 1e-3]) {
          assert.deepStrictEqual(x64.div(d).tolist(), values.map((v) => v / d), `float64 x / ${d}`);
          assert.deepStrictEqual(toBits(f32(torch.tensor(values).div(torch.tensor(d)))), toBits(Float32Array.from(values, (v) => Math.fround(v / Math.fround(d)))), `x / tensor(${d})`);
        }
      } finally {
        setWasmEnabled(was);
      }
    });

    it(`${label}: tanh and tanh' at the guide's points (notebook 01) equal PyTorch's bit for bit, and print alike`, function () {
      if (wasm && !wasmKernels()) this.skip();
      for (const g of fx.guide.filter((e: any) => e.x === "points")) {
        const { y, grad } = withGrad(CALLS[g.fn], fromBits(g.input), wasm);
        if (g.fn === "tanh") {
          assert.deepStrictEqual(toBits(f32(y)), g.output, `tanh(${fromBits(g.input).join(", ")})`);
          assert.deepStrictEqual(toBits(f32(grad)), g.grad, `tanh'(${fromBits(g.input).join(", ")})`);
        }
        assert.strictEqual(String(grad), g.grad_str, `${g.fn}'`);
        assert.strictEqual(String(y), g.output_str, g.fn);
      }
    });

    it(`${label}: tanh and tanh' on the guide's plot grid: within 1 step of PyTorch (its Sleef tanh is within 1 ulp; ours is correctly rounded), tanh' within 3`, function () {
      if (wasm && !wasmKernels()) this.skip();
      const g = fx.guide.find((e: any) => e.fn === "tanh" && e.x === "plot");
      const { y, grad } = withGrad(CALLS.tanh, fromBits(g.input), wasm);
      if (process.env.ULP_REPORT) console.log("plot", maxSteps(f32(y), fromBits(g.output)), maxSteps(f32(grad), fromBits(g.grad)));
      // 1 - y^2 magnifies a 1-ulp difference of y near |x| = 5 to 3 ulps of the (small) gradient
      assert.ok(maxSteps(f32(y), fromBits(g.output)) <= 1);
      assert.ok(maxSteps(f32(grad), fromBits(g.grad)) <= 3);
    });

    it(`${label}: every transcendental activation on a grid: within the pinned distance of PyTorch`, function () {
      if (wasm && !wasmKernels()) this.skip();
      const xs = fromBits(fx.grid_input);
      const report: string[] = [];
      for (const e of fx.grid) {
        const { y, grad } = withGrad(CALLS[e.fn], xs, wasm);
        const [fs, fj, gs, gj] = GRID_STEPS[e.fn];
        const fwd = maxSteps(f32(y), fromBits(e.output)), bwd = maxSteps(f32(grad), fromBits(e.grad));
        report.push(`${e.fn}: ${fwd}/${bwd}`);
        if (!process.env.ULP_REPORT && (fwd > (wasm ? fs : fj) || bwd > (wasm ? gs : gj))) assert.fail(`${e.fn} (${label}): forward ${fwd} steps, gradient ${bwd} steps from PyTorch`);
      }
      if (process.env.ULP_REPORT) console.log(label, report.join(", "));
    });
  }
});
