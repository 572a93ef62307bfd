// Builds the browser code: the Vega-Lite notebook renderer (extension/renderer/index.ts →
// dist/renderer/vega.js, the ES module VS Code loads into a notebook's output webview) and the
// "Plot activation" panel's page (extension/webview/plot/main.ts → dist/webview/plot.js, a module
// script the panel's HTML loads with a nonce under a strict CSP). Both draw with vega-embed through
// the renderer's modules; that code is bundled once, into dist/renderer/chunk-<hash>.js, which both
// import (the renderer's folder is a resource root of notebook webviews, and the panel lists it in
// its localResourceRoots). Type-checks both folders as browser code first.
// Usage: node scripts/build-browser.mjs [--no-check] [--sourcemap]
import { buildBrowserBundles } from "./lib/browser-bundle.mjs";

await buildBrowserBundles({
  checks: [
    { label: "renderer", tsconfig: "extension/renderer/tsconfig.json" },
    { label: "webview", tsconfig: "extension/webview/plot/tsconfig.json" },
  ],
  entries: {
    "renderer/vega": "extension/renderer/index.ts",
    "webview/plot": "extension/webview/plot/main.ts",
  },
  outdir: "dist",
  chunkDir: "renderer",
});
