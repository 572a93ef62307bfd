// Builds the browser code: the notebook renderers (extension/renderer/index.ts →
// dist/renderer/vega.js for Vega-Lite charts, extension/renderer/tensor.ts → dist/renderer/tensor.js
// for tensors as text or heatmap: ES modules VS Code loads into a notebook's output webview) and the
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
    // the tensor renderer (application/vnd.actnb.tensor+json): PyTorch's text, or a heatmap
    "renderer/tensor": "extension/renderer/tensor.ts",
    // charts as SVG markup, for Export to HTML in the extension host (Node imports this module)
    "renderer/svg": "kernel/export/chart_svg.ts",
    "webview/plot": "extension/webview/plot/main.ts",
  },
  outdir: "dist",
  chunkDir: "renderer",
});
// Node reads dist/renderer/svg.js as what it is, an ES module (Export to HTML imports it in the
// extension host); browsers ignore this file
import { writeFileSync } from "node:fs";
writeFileSync(new URL("../dist/renderer/package.json", import.meta.url), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
