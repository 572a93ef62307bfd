// The .vsix a user installs: what `vsce` would package, per .vscodeignore. It must hold what
// runs and nothing else (no sources, tests, maps or node_modules).
import * as assert from "assert";
import { spawnSync } from "child_process";
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

  it("leaves out sources, tests, source maps and dev dependencies", () => {
    const stray = files.filter((f) => (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) || /^(test|kernel|extension|bench|scripts|out|node_modules)\//.test(f) || /\.map$/.test(f));
    assert.deepStrictEqual(stray, []);
  });
});
