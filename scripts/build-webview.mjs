// Builds the "Plot activation" panel's page script: type-checks extension/webview/plot/ as browser
// code (with the renderer modules it imports), then bundles extension/webview/plot/main.ts with
// esbuild into dist/webview/plot.js (one minified classic script for the browser: the panel's
// HTML loads it with a nonce under a strict CSP; localResourceRoots is dist/webview).
// Usage: node scripts/build-webview.mjs [--no-check] [--sourcemap]
import { buildBrowserBundle } from "./lib/browser-bundle.mjs";

await buildBrowserBundle({
  label: "webview",
  tsconfig: "extension/webview/plot/tsconfig.json",
  entry: "extension/webview/plot/main.ts",
  outfile: "dist/webview/plot.js",
  format: "iife",
});
