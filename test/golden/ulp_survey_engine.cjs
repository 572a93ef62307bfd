// The engine's half of test/golden/ulp_survey.py (not a test): reads float32 inputs from a file,
// evaluates every transcendental activation forward and backward (upstream gradient 1, as
// f(x).sum().backward() gives) on the SIMD kernels and on the JS expressions, and writes the
// float32 results next to the inputs. Needs `npm run build` first (reads out/kernel).
//   node test/golden/ulp_survey_engine.cjs INPUT.f32 OUTDIR
const fs = require("fs");
const path = require("path");
const { torch, F } = require(path.resolve(__dirname, "../../out/kernel/index"));
const { setWasmEnabled, wasmKernels } = require(path.resolve(__dirname, "../../out/kernel/engine/wasm/index"));

/** name -> [forward, has backward] ; names match FUNCTIONS in ulp_survey.py */
const FUNCTIONS = {
  tanh: (t) => F.tanh(t),
  sigmoid: (t) => F.sigmoid(t),
  silu: (t) => F.silu(t),
  gelu: (t) => F.gelu(t),
  gelu_tanh: (t) => F.gelu(t, { approximate: "tanh" }),
  softplus: (t) => F.softplus(t),
  softplus_b2: (t) => F.softplus(t, { beta: 2, threshold: 20 }),
  mish: (t) => F.mish(t),
  elu: (t) => F.elu(t),
  selu: (t) => F.selu(t),
  celu_a2: (t) => F.celu(t, { alpha: 2 }),
  logsigmoid: (t) => F.logsigmoid(t),
  softsign: (t) => F.softsign(t),
  exp: (t) => torch.exp(t),
  log: (t) => torch.log(t.abs()),
  erf: (t) => torch.erf(t),
};

const [input, outDir] = process.argv.slice(2);
const buf = fs.readFileSync(input);
const xs = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
const only = process.env.FUNCS ? process.env.FUNCS.split(",") : Object.keys(FUNCTIONS);
const CHUNK = 1 << 20;
for (const wasm of [true, false]) {
  setWasmEnabled(wasm);
  if (wasm && !wasmKernels()) throw new Error("no wasm kernels");
  for (const name of only) {
    const f = FUNCTIONS[name];
    const fwd = new Float32Array(xs.length), bwd = new Float32Array(xs.length);
    for (let s = 0; s < xs.length; s += CHUNK) {
      const part = xs.subarray(s, Math.min(xs.length, s + CHUNK));
      const x = torch.tensor(Array.from(part)).requires_grad_();
      const y = f(x);
      y.sum().backward();
      fwd.set(y.detach().tolist(), s);
      bwd.set(x.grad.tolist(), s);
    }
    const tag = wasm ? "simd" : "js";
    fs.writeFileSync(path.join(outDir, `${name}.${tag}.fwd.f32`), Buffer.from(fwd.buffer));
    fs.writeFileSync(path.join(outDir, `${name}.${tag}.bwd.f32`), Buffer.from(bwd.buffer));
    process.stderr.write(`${tag} ${name}\n`);
  }
}
