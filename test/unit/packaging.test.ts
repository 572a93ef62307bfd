// The .vsix a user installs: what `vsce` would package, per .vscodeignore. It must hold what
// runs and nothing else (no sources, tests, maps or node_modules), and each piece once.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");

describe("the packaged extension", function () {
  this.timeout(120000);
  let files: string[];

  before(() => {
    const vsce = path.join(ROOT, "node_modules/@vscode/vsce/vsce");
    const r = spawnSync(process.execPath, [vsce, "ls", "--no-dependencies"], { cwd: ROOT, encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
    files = r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  });

  it("holds the extension, the kernel, the renderer and the typings cells import", () => {
    for (const f of ["package.json", "LICENSE", "dist/extension.js", "dist/kernel_main.js", "dist/converter_worker.js", "dist/renderer/vega.js", "dist/renderer/tensor.js", "dist/types/actnb/index.d.ts", "dist/types/actnb/package.json", "dist/types/@types/node/index.d.ts", "dist/lib.es2022.d.ts", "notebooks/01-why-activations.actnb", "notebooks/08-choosing.actnb"]) {
      assert.ok(files.includes(f), `${f} is missing from the package`);
    }
  });

  it("holds Export to PyTorch's translator and the Python helper module it writes", () => {
    assert.ok(files.includes("dist/export_pytorch_worker.js"), "dist/export_pytorch_worker.js is missing from the package");
    const shipped = fs.readdirSync(path.join(ROOT, "kernel/export/pytorch/runtime")).filter((f) => f.endsWith(".py")).map((f) => `dist/pytorch_runtime/${f}`);
    assert.ok(shipped.length > 0);
    assert.deepStrictEqual(shipped.filter((f) => !files.includes(f)), [], "helper module files missing from the package");
  });

  it("leaves out sources, tests, source maps and dev dependencies", () => {
    const stray = files.filter((f) => (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) || /^(test|kernel|extension|bench|scripts|out|node_modules)\//.test(f) || /\.map$/.test(f));
    assert.deepStrictEqual(stray, []);
  });

  // The kernel's converter compiles cells for Node with lib es2022: the browser and Windows Script
  // Host libraries (1.1 MB) are never read (scripts/lib/ts-libs.mjs), while every lib es2022
  // reaches must be there, or each cell would fail to type-check.
  it("ships the TypeScript libraries a Node kernel reads, and no browser or script-host library", () => {
    const libs = files.filter((f) => /^dist\/lib\..*\.d\.ts$/.test(f));
    assert.deepStrictEqual(libs.filter((f) => /^dist\/lib\.(dom|webworker|scripthost)\b/.test(f)), []);
    const references = (lib: string) =>
      [...fs.readFileSync(path.join(ROOT, lib), "utf8").matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"/gm)].map((m) => `dist/lib.${m[1].toLowerCase()}.d.ts`);
    const reached = new Set<string>();
    const visit = (lib: string): void => {
      if (reached.has(lib)) return;
      reached.add(lib);
      assert.ok(libs.includes(lib), `${lib} is missing from the package`);
      references(lib).forEach(visit);
    };
    visit("dist/lib.es2022.d.ts");
    assert.ok(reached.has("dist/lib.es5.d.ts") && reached.has("dist/lib.decorators.d.ts"), [...reached].join(", "));
    for (const lib of libs) for (const ref of references(lib)) assert.ok(libs.includes(ref), `${lib} references ${ref}, which is not packaged`);
  });

  // Vega, vega-lite and vega-embed are bundled once, in a chunk that the notebook renderer and the
  // Plot activation panel's page both import (scripts/build-browser.mjs).
  it("ships Vega once, shared by the notebook renderer, the Plot activation page and Export to HTML", () => {
    const scripts = files.filter((f) => f.endsWith(".js"));
    const withVega = scripts.filter((f) => fs.readFileSync(path.join(ROOT, f), "utf8").includes("Unrecognized signal name"));
    assert.strictEqual(withVega.length, 1, `Vega's runtime is in ${withVega.length} packaged files: ${withVega.join(", ")}`);
    const [chunk] = withVega;
    // what a module imports, directly or through the chunks it imports
    const importsOf = (file: string, seen = new Set<string>()): Set<string> => {
      for (const m of fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/\b(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) {
        const dep = path.posix.join(path.posix.dirname(file), m[1]);
        if (!seen.has(dep)) { seen.add(dep); importsOf(dep, seen); }
      }
      return seen;
    };
    // the renderer, the Plot activation page and Export to HTML's chart drawer
    for (const entry of ["dist/renderer/vega.js", "dist/webview/plot.js", "dist/renderer/svg.js"]) {
      const imports = importsOf(entry);
      assert.ok(imports.has(chunk), `${entry} does not import ${chunk} (it imports ${[...imports].join(", ") || "nothing"})`);
    }
  });
});
