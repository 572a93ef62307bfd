// The guide ships with its outputs saved; every notebook must reproduce them in a fresh kernel
// (`actnb run --check`), and the guide must be complete: ten parts, titled, in order.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseNotebookBytes } from "../../kernel/format";

const ROOT = path.resolve(__dirname, "../../..");
const DIR = path.join(ROOT, "notebooks");
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith(".actnb")).sort() : [];

describe("the guide's notebooks", function () {
  this.timeout(300000);

  it("are the ten parts, numbered and titled", () => {
    assert.deepStrictEqual(files.map((f) => f.slice(0, 3)), ["01-", "02-", "03-", "04-", "05-", "06-", "07-", "08-", "09-", "10-"]);
    for (const f of files) {
      const nb = parseNotebookBytes(fs.readFileSync(path.join(DIR, f)), f);
      assert.ok(nb.metadata.title, `${f} has a title`);
      const code = nb.cells.filter((c) => c.kind === "code");
      assert.ok(code.length > 0 && code.every((c) => c.kind === "code" && c.execution), `${f}: every code cell was run and saved`);
      // only timing cells may be volatile: they must measure time
      for (const c of code.filter((c) => c.metadata.volatile)) assert.match(c.source, /performance\.now|Date\.now/, `${f}: a volatile cell measures time`);
    }
  });

  for (const f of files) {
    it(`${f} runs top to bottom and reproduces its saved outputs`, () => {
      const r = spawnSync(process.execPath, [path.join(ROOT, "kernel/bin/actnb.js"), "run", path.join(DIR, f), "--check", "--quiet"], { encoding: "utf8" });
      assert.strictEqual(r.status, 0, `${r.stderr}`);
      assert.match(r.stderr, /every output reproduced/);
    });
  }
});
