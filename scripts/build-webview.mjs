// Builds the "Plot activation" panel's page script: type-checks extension/webview/plot/ as browser
// code (with the renderer modules it imports), then bundles extension/webview/plot/main.ts with
// esbuild into dist/webview/plot.js (one minified classic script for the browser: the panel's
// HTML loads it with a nonce under a strict CSP; localResourceRoots is dist/webview).
// Usage: node scripts/build-webview.mjs [--no-check] [--sourcemap]
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const outfile = join(root, "dist", "webview", "plot.js");

if (!args.has("--no-check")) {
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "extension", "webview", "plot", "tsconfig.json")], { stdio: "inherit" });
  } catch {
    console.error("webview: type check failed");
    process.exit(1);
  }
}

const result = await build({
  entryPoints: [join(root, "extension", "webview", "plot", "main.ts")],
  outfile,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2022"],
  minify: true,
  sourcemap: args.has("--sourcemap"),
  legalComments: "none",
  define: { "process.env.NODE_ENV": "\"production\"" },
  logLevel: "warning",
  metafile: true,
});

const bytes = statSync(outfile).size;
console.log(`webview: ${relative(root, outfile)} ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes), ${Object.keys(result.metafile.inputs).length} inputs`);
