// TensorFlow.js set up for the benchmark: tfjs-core with two backends, the pure-JavaScript CPU
// backend and the WebAssembly one (XNNPACK kernels, SIMD; its .wasm files are read from
// node_modules, nothing is downloaded). tfjs has one engine with one active backend at a time:
// `useBackend` switches it (synchronously once both are initialised), and tensors must be made
// while their backend is active, or tfjs copies them across on first use.
//
// tfjs-core's Node bundle registers no gradients: its register_all_gradients module ships only
// as extensionless ES modules that Node cannot load. We bundle that module into CommonJS with
// esbuild (already a devDependency) at start-up and load it in memory. The gradients land in
// tfjs's process-global registry and run on its process-global engine, so they serve the
// CommonJS tfjs-core imported here (tfjs tensors recognise each other across copies).
import * as path from "path";
import Module = require("module");
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import * as tfWasm from "@tensorflow/tfjs-backend-wasm";

export { tf };

function registerAllGradients(): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require("esbuild") as typeof import("esbuild");
  const entry = require.resolve("@tensorflow/tfjs-core/dist/register_all_gradients.js");
  const built = esbuild.buildSync({ entryPoints: [entry], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "error" });
  const filename = path.join(path.dirname(entry), "register_all_gradients.bundle.cjs");
  const m = new Module(filename) as Module & { _compile(code: string, filename: string): void };
  m.filename = filename;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(entry));
  m._compile(built.outputFiles[0].text, filename);
}

export type TfBackend = "cpu" | "wasm";
export const TF_BACKENDS: TfBackend[] = ["cpu", "wasm"];

/** Makes `name` tfjs's active backend (both are initialised by setupTfjs, so this is immediate). */
export function useBackend(name: TfBackend): void {
  if (tf.getBackend() !== name) void tf.setBackend(name);
  if (tf.getBackend() !== name) throw new Error(`tfjs backend ${name} is not ready`);
}

export interface TfVersions { coreVersion: string; cpuVersion: string; wasmVersion: string; wasmSimd: boolean; wasmThreads: number }

export async function setupTfjs(): Promise<TfVersions> {
  registerAllGradients();
  if (!(await tf.setBackend("wasm"))) throw new Error("tfjs's WebAssembly backend failed to initialise");
  await tf.setBackend("cpu");
  // The CPU backend's first use prints a note recommending tfjs-node; keep the output ours.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
  } finally {
    console.warn = warn;
  }
  const coreVersion: string = require("@tensorflow/tfjs-core/package.json").version;
  const cpuVersion: string = require("@tensorflow/tfjs-backend-cpu/package.json").version;
  const wasmVersion: string = require("@tensorflow/tfjs-backend-wasm/package.json").version;
  return { coreVersion, cpuVersion, wasmVersion, wasmSimd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT") as boolean, wasmThreads: tfWasm.getThreadsCount() };
}

/**
 * The guide's activations from tfjs ops, where tfjs has no op of its own: gelu (exact) as
 * x·(0.5 + 0.5·erf(x·√½)), gelu-tanh as 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), silu as
 * x·sigmoid(x), mish as x·tanh(softplus(x)), hardswish as x·relu6(x + 3)/6.
 */
export function tfActivations(): Record<string, (x: tf.Tensor) => tf.Tensor> {
  const c = (v: number) => tf.keep(tf.scalar(v));
  // constants per backend: a scalar made on one backend would be copied to the other on every use
  const consts = new Map<string, Record<string, tf.Scalar>>();
  const k = () => {
    const b = tf.getBackend();
    if (!consts.has(b)) consts.set(b, { half: c(0.5), invSqrt2: c(Math.SQRT1_2), one: c(1), three: c(3), six: c(6), kTanh: c(Math.sqrt(2 / Math.PI)), cubic: c(0.044715) });
    return consts.get(b)!;
  };
  return {
    relu: (x) => tf.relu(x),
    leaky_relu: (x) => tf.leakyRelu(x, 0.01),
    relu6: (x) => tf.relu6(x),
    elu: (x) => tf.elu(x),
    sigmoid: (x) => tf.sigmoid(x),
    tanh: (x) => tf.tanh(x),
    silu: (x) => tf.tidy(() => tf.mul(x, tf.sigmoid(x))),
    gelu: (x) => tf.tidy(() => { const q = k(); return tf.mul(x, tf.add(q.half, tf.mul(q.half, tf.erf(tf.mul(x, q.invSqrt2))))); }),
    gelu_tanh: (x) => tf.tidy(() => {
      const q = k();
      const inner = tf.mul(q.kTanh, tf.add(x, tf.mul(q.cubic, tf.mul(x, tf.mul(x, x)))));
      return tf.mul(tf.mul(q.half, x), tf.add(q.one, tf.tanh(inner)));
    }),
    softplus: (x) => tf.softplus(x),
    mish: (x) => tf.tidy(() => tf.mul(x, tf.tanh(tf.softplus(x)))),
    hardswish: (x) => tf.tidy(() => { const q = k(); return tf.div(tf.mul(x, tf.relu6(tf.add(x, q.three))), q.six); }),
  };
}
