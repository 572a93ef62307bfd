// Builds the Vega-Lite notebook renderer: type-checks extension/renderer/ as browser code, then
// bundles extension/renderer/index.ts with esbuild into dist/renderer/vega.js (one ES module,
// minified, for the browser: VS Code loads it into the notebook's output webview).
// Usage: node scripts/build-renderer.mjs [--no-check] [--sourcemap]
import { buildBrowserBundle } from "./lib/browser-bundle.mjs";

await buildBrowserBundle({
  label: "renderer",
  tsconfig: "extension/renderer/tsconfig.json",
  entry: "extension/renderer/index.ts",
  outfile: "dist/renderer/vega.js",
  format: "esm",
});
