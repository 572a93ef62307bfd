// TensorFlow.js (tfjs-core + the pure-JS CPU backend) set up for the benchmark.
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

export async function setupTfjs(): Promise<{ coreVersion: string; cpuVersion: string }> {
  registerAllGradients();
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
  return { coreVersion, cpuVersion };
}

/** GELU, exact (erf) form, from tfjs ops: tfjs has no gelu. x · (0.5 + 0.5·erf(x/√2)), 5 kernels. */
export function makeTfGelu(): (x: tf.Tensor) => tf.Tensor {
  const invSqrt2 = tf.keep(tf.scalar(Math.SQRT1_2));
  const half = tf.keep(tf.scalar(0.5));
  return (x) => tf.tidy(() => tf.mul(x, tf.add(half, tf.mul(half, tf.erf(tf.mul(x, invSqrt2))))));
}

/** SiLU from tfjs ops: tfjs has no silu/swish. x · sigmoid(x), 2 kernels. */
export function tfSilu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}
