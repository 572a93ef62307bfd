// Builds the notebook renderers: type-checks extension/renderer/ as browser code, then bundles
// extension/renderer/index.ts (Vega-Lite charts) into dist/renderer/vega.js and
// extension/renderer/tensor.ts (tensors as text or heatmap) into dist/renderer/tensor.js with
// esbuild (ES modules, minified, for the browser: VS Code loads them into the output webview).
// Usage: node scripts/build-renderer.mjs [--no-check] [--sourcemap]
import { buildBrowserBundle } from "./lib/browser-bundle.mjs";

await buildBrowserBundle({
  label: "renderer",
  tsconfig: "extension/renderer/tsconfig.json",
  entry: "extension/renderer/index.ts",
  outfile: "dist/renderer/vega.js",
  format: "esm",
});
// the tensor renderer (application/vnd.actnb.tensor+json): same folder, checked above
await buildBrowserBundle({
  label: "renderer",
  tsconfig: "extension/renderer/tsconfig.json",
  entry: "extension/renderer/tensor.ts",
  outfile: "dist/renderer/tensor.js",
  format: "esm",
}, [...process.argv.slice(2), "--no-check"]);
