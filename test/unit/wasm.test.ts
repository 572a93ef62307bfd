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

/** Non-finite values and the sign of f(+-0) identical, finite values within rtol relative plus atol absolute. */
function close(rtol: number, atol: number): Check {
  return (w, j, what, inputs) => {
    assert.strictEqual(w.length, j.length);
    for (let i = 0; i < w.length; i++) {
      const a = w[i], b = j[i];
      if (Number.isNaN(b) || !Number.isFinite(b)) {
        if (!Object.is(a, b) && !(Number.isNaN(a) && Number.isNaN(b))) assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${a}, js ${b}`);
        continue;
      }
      // the sign of f(+-0) is a convention (tanh(-0) = -0); elsewhere a zero's sign records only
      // which way an underflow went (in doubles or in float32)
      if (inputs[i] === 0 && a === 0 && b === 0 && !Object.is(a, b)) assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${Object.is(a, -0) ? "-0" : "0"}, js ${Object.is(b, -0) ? "-0" : "0"}`);
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        assert.fail(`${what}[${i}] (input ${inputs[i]}): wasm ${a}, js ${b} (difference ${Math.abs(a - b)}, allowed ${atol + rtol * Math.abs(b)})`);
      }
    }
  };
}

/**
 * The parameter sets to compare for each activation with a kernel, from its definition: the
 * defaults, then each numeric parameter at the ends and middle of its plot range and (for a
 * range that starts at 0 or above) a negative value, and each choice.
 */
function parameterSets(def: ElementwiseActivation): Array<Record<string, unknown>> {
  const sets: Array<Record<string, unknown>> = [{}];
  for (const spec of def.params) {
    if (spec.choices) for (const c of spec.choices) if (c !== spec.default) sets.push({ [spec.name]: c });
    if (typeof spec.default !== "number" || spec.min === undefined || spec.max === undefined) continue;
    const values = [spec.min, spec.max, Math.round((spec.min + spec.max) / 2 * 100 + 7) / 100];
    if (spec.min >= 0) values.push(-0.3 * (spec.max - spec.min || 1));
    for (const v of values) if (v !== spec.default) sets.push({ [spec.name]: spec.type === "int" ? Math.round(v) : v });
  }
  return sets;
}

const KERNELED = ACTIVATIONS.filter((d): d is ElementwiseActivation => d.kind === "elementwise" && d.wasm !== undefined);

/** No transcendental function (the definitions say so): SIMD and JS agree bit for bit. */
const EXACT = new Set(KERNELED.filter((d) => d.arithmetic !== undefined).map((d) => d.name));
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
    for (const def of KERNELED) {
      const name = def.name;
      for (const kwargs of parameterSets(def)) {
        it(`${name}(${JSON.stringify(kwargs)}) forward and backward (scalar and full gradients)`, () => {
          const f = (F as unknown as Record<string, (x: Tensor, kw: unknown) => Tensor>)[name];
          // the parameters PyTorch requires (F.threshold's) at their plot values, unless set
          const required = Object.fromEntries(def.params.filter((p) => p.required).map((p) => [p.name, p.default]));
          const fn = (x: Tensor, kw: unknown) => f(x, { ...required, ...(kw as object) });
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

  /** [N, C, H, W] tensors of the special values against per-channel operands in every form the kernels take. */
  function channelCases(): Array<[string, () => Tensor]> {
    const special = specialInputs();
    const W = Math.floor(special.length / 24);
    const full = () => torch.tensor(special.slice(0, 24 * W)).view([2, 3, 4, W]);
    const perChannel = () => torch.tensor([0.1, -0, 1e30]);
    const expanded = () => perChannel().view([1, 3, 1, 1]).expand([2, 3, 4, W]);
    return [
      ["x + c[1, C, 1, 1]", () => full().add(perChannel().view([1, 3, 1, 1]))],
      ["x - c[C, 1, 1]", () => full().sub(perChannel().view([3, 1, 1]))],
      ["x * c expanded (stride 0)", () => full().mul(expanded())],
      ["x / c[1, C, 1, 1]", () => full().div(perChannel().view([1, 3, 1, 1]))],
      ["c[1, C, 1, 1] - x (the broadcast operand on the left)", () => perChannel().view([1, 3, 1, 1]).sub(full())],
      ["c expanded / x", () => expanded().div(full())],
      ["c[1, C, 1, 1] * x", () => perChannel().view([1, 3, 1, 1]).mul(full())],
      ["x + c[1, 1, H, 1] (a middle block of dims)", () => full().add(torch.tensor([1, -2, 0.5, 1e-30]).view([1, 1, 4, 1]))],
      ["x[2, 1, 4, W] * c[1, C, 1, 1] (both broadcast: the JS loop)", () => full().narrow(1, 0, 1).mul(perChannel().view([1, 3, 1, 1]))],
      ["x * c[1, C, 1, 1] viewed through a transpose (not a block: the JS loop)", () => full().mul(torch.tensor(special.slice(0, 3 * W)).view([W, 3]).t().view([1, 3, 1, W]))],
    ];
  }

  describe("arithmetic is bit-identical to the JS loops", () => {
    const special = f32(specialInputs());
    const n = special.length;
    const mk = (seed: number, scale: number) => { torch.manual_seed(seed); return torch.randn(n).mul(scale); };
    // a mix of special values and random ones, in both operands
    const A = () => torch.tensor(Array.from(special));
    const B = () => torch.tensor([...Array.from(special).reverse()]);
    const cases: Array<[string, () => Tensor]> = [
      ["a + b", () => A().add(B())],
      ["a - b", () => A().sub(B())],
      ["a * b", () => A().mul(B())],
      ["a / b", () => A().div(B())],
      ["random a / b", () => mk(1, 3).div(mk(2, 0.1))],
      ["a + 2.5", () => A().add(2.5)],
      ["a + 0.1 (rounded to float32 first)", () => A().add(0.1)],
      ["a - 1e-3", () => A().sub(1e-3)],
      ["3 - a", () => torch.rsub(A(), 3)],
      ["a * -0", () => A().mul(-0)],
      ["a * inf", () => A().mul(Infinity)],
      ["a * 0.3", () => A().mul(0.3)],
      ["a / 7 (a times the float32 reciprocal)", () => A().div(7)],
      ["a / 0-d tensor requiring grad", () => A().div(torch.tensor(0.7).requires_grad_(true)).detach()],
      ["a + b * 0.37 (alpha, in doubles)", () => mk(3, 1).add(mk(4, 1e-4), { alpha: 0.37 })],
      ["a - b * 1e-3 (alpha)", () => A().sub(B(), { alpha: 1e-3 })],
      ["-a", () => A().neg()],
      ["a ** 2", () => A().pow(2)],
      ["1 / a", () => A().reciprocal()],
      // @ts-expect-error Python's 2 / a: the engine's div takes a number first, which torch.div's declaration (as PyTorch) does not
      ["2 / a", () => torch.div(2, A())],
      ["rows + bias", () => { torch.manual_seed(5); return torch.randn(67, 3).mul(2).add(torch.tensor([0.1, -0, 1e30])); }],
      ["a + 0-d tensor", () => A().add(torch.tensor(-1.5))],
      ["a + true", () => A().add(true as unknown as number)],
      // per-channel operands, as BatchNorm2d's: special values spread over [N, C, H, W] = [2, 3, 4, n/24]
      ...channelCases(),
    ];
    for (const [what, fn] of cases) {
      it(what, () => {
        const [w, j] = bothPaths(() => values(fn()));
        exact(w, j, what, special);
      });
    }
    it("dtypes and shapes the kernels do not take give the JS results", () => {
      const [w, j] = bothPaths(() => {
        const a = torch.arange(12).view([3, 4]);
        return [values(a.add(1.5)), values(a.t().mul(torch.ones(4, 3))), values(torch.ones(3, 1).add(torch.ones(3)))];
      });
      for (let i = 0; i < 3; i++) exact(w[i], j[i], `case ${i}`, w[i]);
    });
  });

  describe("sums agree with the JS loops", () => {
    const shapes: number[][] = [[1000003], [7], [0], [], [37, 129], [129, 37], [5, 6, 7], [3, 0, 4], [64, 256], [6, 5, 9, 11]];
    for (const shape of shapes) {
      it(`sum and mean over ${JSON.stringify(shape)}`, () => {
        torch.manual_seed(shape.length * 100 + shape.reduce((p, d) => p + d, 0));
        const x = torch.randn(shape).mul(100).add(3); // (the array form: PyTorch, as the engine, refuses randn() with no size)
        const dimsList: Array<number | number[] | null> = [null];
        for (let d = 0; d < shape.length; d++) dimsList.push(d, -1 - d);
        if (shape.length === 3) dimsList.push([0, 1], [1, 2], [0, 2]);
        // BatchNorm2d's statistics and a convolution bias's gradient: leading and trailing dims around the kept one
        if (shape.length === 4) dimsList.push([0, 2, 3], [0, 1, 3], [0, 3], [1, 2]);
        const [w, j] = bothPaths(() => dimsList.flatMap((dims) => [
          values(dims === null ? x.sum() : x.sum(dims)), values(dims === null ? x.mean() : x.mean(dims, true)),
        ]));
        for (let i = 0; i < w.length; i++) {
          // doubles summed in another order can differ from the JS loop's only in the last bit
          // of the float32 result, and only at a rounding boundary
          for (let e = 0; e < w[i].length; e++) {
            const a = w[i][e], b = j[i][e];
            const ulp = Math.abs(b) * 2 ** -23;
            assert.ok(Object.is(a, b) || Math.abs(a - b) <= ulp, `case ${i}[${e}]: wasm ${a}, js ${b}`);
          }
        }
      });
    }
    it("column sums (bias gradients) repeat the JS order exactly", () => {
      torch.manual_seed(9);
      const g = torch.randn(128, 257).mul(1e3);
      const [w, j] = bothPaths(() => values(g.sum(0)));
      exact(w, j, "sum over dim 0", w);
    });
  });

  describe("convolution's data movement and max pooling repeat the JS loops exactly", () => {
    // one-hot filters make conv2d's output its patches (im2col) and its input gradient the
    // patches summed back (col2im): products by 1 and 0, exact on both paths
    const geometries: Array<[string, number[], Record<string, unknown>]> = [
      ["3x3, padding 1", [2, 3, 9, 8], { padding: 1 }],
      ["stride 2, padding 2, 4x3 kernel", [3, 2, 11, 10], { stride: 2, padding: 2 }],
      ["dilation 2, stride (1, 3), padding (0, 3)", [2, 2, 12, 13], { stride: [1, 3], padding: [0, 3], dilation: 2 }],
      ["padding 'same', 5x5", [1, 4, 7, 6], { padding: "same" }],
      ["a kernel wider than the padded row in places (padding 4)", [1, 1, 3, 2], { padding: 4 }],
    ];
    for (const [what, [N, C, H, W], options] of geometries) {
      it(`im2col and col2im: ${what}`, () => {
        const [kH, kW] = what.startsWith("stride 2") ? [4, 3] : what.includes("5x5") ? [5, 5] : [3, 3];
        torch.manual_seed(N * 1000 + H);
        const x = torch.randn(N, C, H, W).mul(10);
        const taps = C * kH * kW;
        const weight = torch.eye(taps).view([taps, C, kH, kW]);
        const run = () => {
          const xr = x.clone().requires_grad_();
          const y = F.conv2d(xr, weight, null, options);
          torch.manual_seed(1);
          y.backward(torch.randint(-3, 4, y.shape).float()); // small integers: every sum exact
          return [values(y), values(xr.grad!)];
        };
        const [[wy, wg], [jy, jg]] = bothPaths(run);
        exact(wy, jy, "patches", wy);
        exact(wg, jg, "patches summed back", wg);
      });
    }
    it("conv2d with bias, forward and all gradients (within float32 accumulation error), and a non-contiguous input", () => {
      torch.manual_seed(5);
      const x = torch.randn(3, 8, 5, 4).permute([0, 3, 1, 2]); // [3, 4, 8, 5], not contiguous
      const w = torch.randn(6, 4, 3, 3), b = torch.randn(6);
      const run = () => {
        const [xr, wr, br] = [x.detach().requires_grad_(), w.clone().requires_grad_(), b.clone().requires_grad_()];
        const y = F.conv2d(xr, wr, br, { padding: 1, stride: [2, 1] });
        y.pow(2).sum().backward();
        return [values(y), values(xr.grad!), values(wr.grad!), values(br.grad!)];
      };
      const [w1, j1] = bothPaths(run);
      w1.forEach((v, i) => close(1e-4, 1e-4)(v, j1[i], ["y", "dx", "dw", "db"][i], v));
    });
    type PoolOptions = { kernel_size: number | number[]; stride?: number | number[]; padding?: number; dilation?: number; ceil_mode?: boolean };
    const pools: Array<[string, number[], PoolOptions]> = [
      ["2x2 (the plain path)", [2, 3, 8, 10], { kernel_size: 2 }],
      ["3x3 stride 2 padding 1", [2, 2, 9, 7], { kernel_size: 3, stride: 2, padding: 1 }],
      ["dilation 2, ceil_mode", [1, 2, 10, 9], { kernel_size: 2, stride: 3, dilation: 2, ceil_mode: true }],
      ["(3, 2) kernel, stride (1, 2), odd sizes", [3, 1, 7, 5], { kernel_size: [3, 2], stride: [1, 2] }],
    ];
    for (const [what, shape, options] of pools) {
      it(`max_pool2d ${what}: values, indices and gradients, with ties, -inf and nan`, () => {
        torch.manual_seed(shape.reduce((p, d) => p + d, 0));
        // few distinct values: ties everywhere, so "the first maximum" is tested
        const flat = torch.randint(-3, 3, shape).float().view([-1]).tolist() as number[];
        [flat[3], flat[8], flat[9]] = [-Infinity, NaN, NaN];
        const x = torch.tensor(flat).view(shape);
        const run = () => {
          const xr = x.clone().requires_grad_();
          const [y, idx] = F.max_pool2d(xr, { ...options, return_indices: true });
          y.backward(torch.arange(y.numel()).view(y.shape).float());
          return [values(y), Float32Array.from(idx.view([-1]).tolist() as number[]), values(xr.grad!)];
        };
        const [w, j] = bothPaths(run);
        w.forEach((v, i) => exact(v, j[i], ["values", "indices", "gradient"][i], v));
      });
    }
  });

  describe("matrix products agree with the JS product within float32 accumulation error", () => {
    /** |wasm - js| <= k * 2^-23 * (|A| |B|) elementwise (the standard bound for float32 sums of k products). */
    function checkProduct(w: Float32Array, j: Float32Array, bound: Float32Array, k: number, what: string): void {
      for (let i = 0; i < w.length; i++) {
        const tol = (k + 2) * 2 ** -24 * bound[i] + 1e-30;
        if (!(Math.abs(w[i] - j[i]) <= tol)) assert.fail(`${what}[${i}]: wasm ${w[i]}, js ${j[i]}, bound ${tol}`);
      }
    }
    const sizes: Array<[number, number, number]> = [
      [1, 1, 1], [1, 7, 1], [3, 5, 2], [4, 8, 8], [5, 9, 17], [13, 3, 31], [64, 64, 64], [65, 300, 9], [70, 513, 33], [2, 1100, 3], [130, 40, 520],
    ];
    for (const [m, k, n] of sizes) {
      it(`${m}x${k} times ${k}x${n}, plain and transposed operands, with and without bias`, () => {
        torch.manual_seed(m * 7 + k * 3 + n);
        const a = torch.randn(m, k), b = torch.randn(k, n), at = torch.randn(k, m), bt = torch.randn(n, k), bias = torch.randn(n);
        const run = () => [
          values(a.mm(b)), values(at.t().mm(b)), values(a.mm(bt.t())), values(at.t().mm(bt.t())),
          values(torch.nn.functional.linear(a, bt, bias)),
        ];
        const [w, j] = bothPaths(run);
        const abs = (t: Tensor) => t.abs();
        const bounds = [
          values(abs(a).mm(abs(b))), values(abs(at.t()).mm(abs(b))), values(abs(a).mm(abs(bt.t()))), values(abs(at.t()).mm(abs(bt.t()))),
          values(abs(a).mm(abs(bt.t())).add(abs(bias))),
        ];
        for (let i = 0; i < w.length; i++) checkProduct(w[i], j[i], bounds[i], k, `product ${i}`);
      });
    }
    it("batched products (bmm, broadcast matmul) and their gradients", () => {
      torch.manual_seed(4);
      const a = torch.randn(3, 5, 7).requires_grad_(true), b = torch.randn(3, 7, 9).requires_grad_(true);
      const c = torch.randn(7, 2);
      const run = () => {
        a.grad = null; b.grad = null;
        const y = torch.bmm(a, b);
        y.sum().backward();
        return [values(y), values(torch.matmul(a, c)), values(a.grad!), values(b.grad!), values(a.transpose(1, 2).matmul(a))];
      };
      const [w, j] = bothPaths(run);
      for (let i = 0; i < w.length; i++) {
        for (let e = 0; e < w[i].length; e++) {
          assert.ok(Math.abs(w[i][e] - j[i][e]) <= 1e-5 * (1 + Math.abs(j[i][e])), `case ${i}[${e}]: wasm ${w[i][e]}, js ${j[i][e]}`);
        }
      }
    });
    it("special values propagate as in the JS product", () => {
      const a = torch.tensor([[1, Infinity, 0], [NaN, 1, 2], [0, 0, 0], [1, -Infinity, 1]]);
      const b = torch.tensor([[1, 0], [2, 1], [0, 3]]);
      const [w, j] = bothPaths(() => values(a.mm(b)));
      // the JS product skips zero elements of A (0 * inf would be nan); the kernel does not
      for (let e = 0; e < w.length; e++) {
        if (Number.isNaN(j[e])) assert.ok(Number.isNaN(w[e]), `[${e}]: wasm ${w[e]}, js nan`);
        else if (!Number.isFinite(j[e])) assert.ok(Object.is(w[e], j[e]) || Number.isNaN(w[e]), `[${e}]: wasm ${w[e]}, js ${j[e]}`);
        else assert.strictEqual(w[e], j[e], `[${e}]`);
      }
    });
  });
});
