// Builds everything: TypeScript (type-checked, strict) into out/ for tests and the CLI, then
// the extension's bundles into dist/: the extension host side, the kernel process (with tslab's
// TypeScript), the TypeScript libraries the kernel type-checks cells against, and the typings
// a cell's `import ... from "actnb"` resolves to.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { nodeLibs } from "./lib/ts-libs.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });

// the activations' F functions, nn classes and Tensor methods, from their definitions
run(process.execPath, ["scripts/gen-activations.mjs"]);
// the typings of every other public callable, from their API entries (kernel/engine/api/tables/)
run(process.execPath, ["scripts/gen-api.mjs"]);
run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."]);

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: "linked", logLevel: "warning" };
await esbuild.build({ ...common, entryPoints: ["extension/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
// Export to HTML's page maker (with Vega and Vega-Lite), loaded by the command when first used
await esbuild.build({ ...common, sourcemap: false, minify: true, entryPoints: ["kernel/export/html.ts"], outfile: "dist/export_html.js" });
// Export to PyTorch's translator (a worker thread with TypeScript, which resolves "actnb" from dist/types
// and its libraries from dist/ as the kernel does); the Python helper module it writes is read from
// dist/pytorch_runtime/ (copied below)
await esbuild.build({ ...common, sourcemap: false, minify: true, entryPoints: ["extension/src/export_pytorch_worker.ts"], outfile: "dist/export_pytorch_worker.js" });
// keepNames: modules print their class's name ("Linear(...)", not the minifier's), as in the npm package below
await esbuild.build({ ...common, entryPoints: ["kernel/executor/kernel_main.ts"], outfile: "dist/kernel_main.js", minify: true, keepNames: true });
// the kernel's TypeScript converter runs in a worker thread of its own (kernel/executor/converter_worker.ts)
await esbuild.build({ ...common, entryPoints: ["kernel/executor/converter_worker.ts"], outfile: "dist/converter_worker.js", minify: true });

// the PyTorch export's Python runtime (kernel/export/pytorch/runtime/*.py), which runtime.ts
// joins at export: beside its compiled JS in out/, and beside the bundles that export (the
// extension's and the npm package's CLI) as pytorch_runtime/
const copyPythonRuntime = (to) => {
  const from = "kernel/export/pytorch/runtime";
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) if (f.endsWith(".py")) fs.copyFileSync(path.join(from, f), path.join(to, f));
};
copyPythonRuntime("out/kernel/export/pytorch/runtime");
copyPythonRuntime("dist/pytorch_runtime");

// the Vega-Lite notebook renderer and the Plot activation panel's page (browser code, type-checked
// on its own), sharing one copy of Vega
run(process.execPath, ["scripts/build-browser.mjs"]);

// tslab's TypeScript looks for its lib.*.d.ts beside the script that contains it: only those a
// Node kernel can use (scripts/lib/ts-libs.mjs), and none left from an earlier build
const tsLib = path.join(root, "node_modules/@tslab/typescript-for-tslab/lib");
for (const f of fs.readdirSync("dist")) if (/^lib\..*\.d\.ts$/.test(f)) fs.rmSync(path.join("dist", f));
for (const f of nodeLibs(tsLib)) fs.copyFileSync(path.join(tsLib, f), path.join("dist", f));

// typings for cells: the actnb package (its compiled declarations) and @types/node
const types = path.join("dist", "types");
fs.rmSync(types, { recursive: true, force: true });
const copyTree = (from, to, keep) => {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name), dst = path.join(to, e.name);
    if (e.isDirectory()) copyTree(src, dst, keep);
    else if (keep(e.name)) { fs.mkdirSync(to, { recursive: true }); fs.copyFileSync(src, dst); }
  }
};
copyTree("out/kernel", path.join(types, "actnb"), (f) => f.endsWith(".d.ts"));
fs.writeFileSync(path.join(types, "actnb", "package.json"), JSON.stringify({ name: "actnb", types: "index.d.ts" }, null, 2) + "\n");
copyTree("node_modules/@types/node", path.join(types, "@types", "node"), (f) => f.endsWith(".d.ts") || f === "package.json");

// actnb as an ordinary npm package (for tslab in Jupyter, or any Node project): one bundle and
// its typings; `npm pack dist/actnb` makes the tarball
const pkg = path.join("dist", "actnb");
fs.rmSync(pkg, { recursive: true, force: true });
// keepNames: modules print their class's name, which the bundle must not change
await esbuild.build({ ...common, sourcemap: false, keepNames: true, entryPoints: ["kernel/index.ts"], outfile: path.join(pkg, "index.js") });
copyTree(path.join(types, "actnb"), pkg, (f) => f.endsWith(".d.ts"));
const version = JSON.parse(fs.readFileSync("kernel/package.json", "utf8")).version;
fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({
  name: "actnb", version, description: "A PyTorch-faithful tensor and autograd engine in TypeScript, with activation plots for notebooks.",
  license: "MIT", main: "index.js", types: "index.d.ts", bin: { actnb: "cli.js" },
}, null, 2) + "\n");
copyPythonRuntime(path.join(pkg, "pytorch_runtime"));
// `actnb export --to pytorch` type-checks the cells with the TypeScript bundled into cli.js, which
// looks for its lib.*.d.ts beside it
for (const f of nodeLibs(tsLib)) fs.copyFileSync(path.join(tsLib, f), path.join(pkg, f));
// its command line (`npx actnb export ...`): one file, the version written in (kernel/cli/version.ts)
await esbuild.build({ ...common, sourcemap: false, minify: true, entryPoints: ["kernel/cli/bin.ts"], outfile: path.join(pkg, "cli.js"), define: { ACTNB_PACKAGE_VERSION: JSON.stringify(version) } });
fs.chmodSync(path.join(pkg, "cli.js"), 0o755);
