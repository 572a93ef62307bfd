// The WebAssembly SIMD kernels against the JS loops they replace: the same inputs through both
// paths (setWasmEnabled), for every activation with a kernel, the binary arithmetic, the sums and
// the matrix products. Piecewise-linear activations and the arithmetic must agree bit for bit
// (signed zeros and nan included); transcendental activations within float32 rounding of the
// JS path's double-precision results; products and sums within float32 accumulation error.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { torch, F, ACTIVATIONS } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";
import type { ElementwiseActivation } from "../../kernel/engine/activations/definition";
import { setWasmEnabled, wasmStatus } from "../../kernel/engine/wasm/index";

const ROOT = path.resolve(__dirname, "../../..");

/** Runs fn with the kernels on and off; returns [wasm, js]. */
function bothPaths<T>(fn: () => T): [T, T] {
  const was = setWasmEnabled(true);
  try {
    const w = fn();
    setWasmEnabled(false);
    const j = fn();
    return [w, j];
  } finally {
    setWasmEnabled(was);
  }
}

function values(t: Tensor): Float32Array {
  return Float32Array.from(t.contiguous().view([-1]).tolist() as number[]);
}

function f32(xs: number[]): Float32Array { return Float32Array.from(xs); }

const next = (v: number, dir: number) => {
  const b = new Float32Array([v]);
  const u = new Int32Array(b.buffer);
  if (v === 0) { u[0] = dir > 0 ? 1 : 0x80000001; return b[0]; }
  u[0] += (v > 0) === (dir > 0) ? 1 : -1;
  return b[0];
};

/** Hand-picked inputs: zeros, kinks and their neighbours, subnormals, overflow edges, inf, nan. */
function specialInputs(): number[] {
  const base = [0, -0, 1e-7, -1e-7, 1e-30, -1e-30, 1e-45, -1e-45, 1e-40, -1e-40, 0.5, -0.5, 0.75, -0.75, 0.625, -0.625,
    1, -1, 2, -2, 2.5, -2.5, 3, -3, 6, -6, 9, -9, 9.1, -9.1, 15, -15, 17.5, -17.5, 20, -20, 30, -30, 40, -40, 44, -44,
    80, -80, 87.5, -87.5, 88, -88, 88.72, -88.72, 89, -89, 100, -100, 103, -103, 104, -104, 110, -110, 1e4, -1e4, 1e6, -1e6,
    1e13, -1e13, 1e20, -1e20, 3e38, -3e38, Infinity, -Infinity, NaN];
  const out: number[] = [];
  for (const v of base) {
    const x = Math.fround(v);
    out.push(x);
    if (Number.isFinite(x) && x !== 0) out.push(next(x, 1), next(x, -1));
  }
  return out;
}

/** Special values, a sweep over [-12, 12], wide random values; length not a multiple of 4. */
function activationInputs(): Float32Array {
  const xs = specialInputs();
  for (let i = 0; i <= 4800; i++) xs.push(-12 + i * 0.005);
  torch.manual_seed(11);
  const r = values(torch.randn(2001).mul(4));
  const wide = values(torch.randn(1003).mul(30));
  return f32([...xs, ...r, ...wide]);
}

type Check = (wasm: Float32Array, js: Float32Array, what: string, inputs: Float32Array) => void;

const exact: Check = (w, j, what, inputs) => {
  assert.strictEqual(w.length, j.length);
  for (let i = 0; i < w.length; i++) {
    if (!Object.is(w[i], j[i])) assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${w[i]}, js ${j[i]}`);
  }
};

/** Non-finite values identical, finite within rtol relative plus atol absolute. */
function close(rtol: number, atol: number): Check {
  return (w, j, what, inputs) => {
    assert.strictEqual(w.length, j.length);
    for (let i = 0; i < w.length; i++) {
      const a = w[i], b = j[i];
      if (Number.isNaN(b) || !Number.isFinite(b)) {
        if (!Object.is(a, b) && !(Number.isNaN(a) && Number.isNaN(b))) assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${a}, js ${b}`);
        continue;
      }
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${a}, js ${b} (difference ${Math.abs(a - b)}, allowed ${atol + rtol * Math.abs(b)})`);
      }
    }
  };
}

/** The activations' parameter sets to compare (defaults first). */
const CASES: Record<string, Array<Record<string, unknown>>> = {
  relu: [{}],
  leaky_relu: [{}, { negative_slope: 0.2 }, { negative_slope: 0 }, { negative_slope: 1.5 }, { negative_slope: -0.3 }],
  relu6: [{}],
  hardtanh: [{}, { min_val: -2, max_val: 3 }, { min_val: 0.1, max_val: 0.7 }],
  threshold: [{ threshold: 1, value: -5 }, { threshold: 0, value: 0 }, { threshold: -1.3, value: 2.7 }],
  hardsigmoid: [{}],
  hardswish: [{}],
  elu: [{}, { alpha: 0.5 }, { alpha: 2.3 }],
  celu: [{}, { alpha: 0.5 }, { alpha: 1.7 }],
  selu: [{}],
  sigmoid: [{}],
  tanh: [{}],
  silu: [{}],
  gelu: [{}, { approximate: "tanh" }],
  softplus: [{}, { beta: 2, threshold: 20 }, { beta: 0.5, threshold: 1 }, { beta: 1.3, threshold: 7 }, { beta: 1, threshold: 100 }],
  mish: [{}],
  logsigmoid: [{}],
};

/** Piecewise linear: bit for bit. Others: float32 rounding of the double-precision JS result. */
const EXACT = new Set(["relu", "leaky_relu", "relu6", "hardtanh", "threshold", "hardsigmoid", "hardswish"]);
const CHECKS: Record<string, Check> = { gelu: close(1e-6, 2e-7) };
/**
 * sigmoid and tanh differentiate through their output y (g (1 - y) y, g (1 - y^2)), which
 * amplifies y's last-bit differences where y is near 1 (tanh(9) rounds to 1 in one path and to
 * 1 - 2^-24 in the other): compared as the golden fixtures compare them.
 */
const BACKWARD_CHECKS: Record<string, Check> = { sigmoid: close(1e-6, 1e-6), tanh: close(1e-6, 1e-6) };

describe("wasm SIMD kernels", () => {
  it("are active here (Node has WebAssembly SIMD) unless switched off", function () {
    if (process.env.ACTNB_WASM === "0") this.skip();
    assert.deepStrictEqual(wasmStatus(), { active: true, reason: "WebAssembly SIMD" });
  });

  it("the embedded module is up to date with kernel/engine/wasm/assembly", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/build-wasm.mjs"), "--check"], { encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  describe("activations agree with the JS expressions", () => {
    const inputs = activationInputs();
    for (const def of ACTIVATIONS) {
      if (def.kind !== "elementwise" || !(def as ElementwiseActivation).wasm) continue;
      it(`every activation with a kernel is covered: ${def.name}`, () => assert.ok(CASES[def.name], def.name));
    }
    for (const [name, sets] of Object.entries(CASES)) {
      for (const kwargs of sets) {
        it(`${name}(${JSON.stringify(kwargs)}) forward and backward (scalar and full gradients)`, () => {
          const fn = (F as unknown as Record<string, (x: Tensor, kw: unknown) => Tensor>)[name];
          const check = EXACT.has(name) ? exact : CHECKS[name] ?? close(1e-6, 1e-7);
          const checkBackward = BACKWARD_CHECKS[name] ?? check;
          torch.manual_seed(5);
          const gIn = torch.randn(inputs.length);
          const run = () => {
            const x = torch.tensor(Array.from(inputs)).requires_grad_(true);
            const y = fn(x, kwargs);
            y.sum().backward(); // the incoming gradient is one value broadcast
            const gScalar = values(x.grad!);
            x.grad = null;
            const y2 = fn(x, kwargs);
            y2.backward(gIn);
            return [values(y), gScalar, values(x.grad!)];
          };
          const [w, j] = bothPaths(run);
          check(w[0], j[0], `${name} forward`, inputs);
          checkBackward(w[1], j[1], `${name} backward (gradient 1)`, inputs);
          checkBackward(w[2], j[2], `${name} backward (random gradient)`, inputs);
        });
      }
    }

    it("a non-contiguous input takes the JS path and gives the same values", () => {
      torch.manual_seed(2);
      const x = torch.randn(6, 5).t();
      const [w, j] = bothPaths(() => values(F.gelu(x)));
      exact(w, j, "gelu of a transposed tensor", w);
    });
  });
});
