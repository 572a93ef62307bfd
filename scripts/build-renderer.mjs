// Builds the Vega-Lite notebook renderer: type-checks extension/renderer/ as browser code, then
// bundles extension/renderer/index.ts with esbuild into dist/renderer/vega.js (one ES module,
// minified, for the browser: VS Code loads it into the notebook's output webview).
// Usage: node scripts/build-renderer.mjs [--no-check] [--sourcemap]
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const outfile = join(root, "dist", "renderer", "vega.js");

if (!args.has("--no-check")) {
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "extension", "renderer", "tsconfig.json")], { stdio: "inherit" });
  } catch {
    console.error("renderer: type check failed");
    process.exit(1);
  }
}

const result = await build({
  entryPoints: [join(root, "extension", "renderer", "index.ts")],
  outfile,
  bundle: true,
  format: "esm",
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
console.log(`renderer: ${relative(root, outfile)} ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes), ${Object.keys(result.metafile.inputs).length} inputs`);
