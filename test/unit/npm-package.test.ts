// The npm package as the README's "In Jupyter" section has a user make and install it: packed
// from dist/actnb, installed into an empty folder, its `npx actnb` command run from there.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseIpynbBytes, parseNotebookBytes } from "../../kernel/format";

const ROOT = path.resolve(__dirname, "../../..");
const GUIDE = path.join(ROOT, "notebooks", "02-relu.actnb");

describe("the packed npm package (npm pack ./dist/actnb) in a clean folder", function () {
  this.timeout(180000);
  let work: string;

  function sh(cmd: string, args: string[]) {
    // npm itself may ask the registry nothing: everything comes from the tarball
    const r = spawnSync(cmd, args, { cwd: work, encoding: "utf8", env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" } });
    return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  }

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-npm-"));
    const pack = spawnSync("npm", ["pack", "./dist/actnb", "--pack-destination", work, "--silent"], { cwd: ROOT, encoding: "utf8" });
    assert.strictEqual(pack.status, 0, `${pack.stdout}${pack.stderr}`);
    const tarball = pack.stdout.trim().split("\n").pop() ?? "";
    assert.match(tarball, /^actnb-\d+\.\d+\.\d+\.tgz$/);
    const install = sh("npm", ["install", "--no-audit", "--no-fund", `./${tarball}`]);
    assert.strictEqual(install.code, 0, install.stderr);
  });
  after(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

  it("npx actnb --help prints the usage, --version the package's version", () => {
    const help = sh("npx", ["actnb", "--help"]);
    assert.strictEqual(help.code, 0, help.stderr);
    assert.match(help.stdout, /actnb export <input\.actnb\|input\.ipynb> --to /);
    const version = sh("npx", ["actnb", "--version"]);
    assert.strictEqual(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, "kernel/package.json"), "utf8")).version);
  });

  it("npx actnb export turns a guide notebook into an .ipynb for tslab", () => {
    fs.copyFileSync(GUIDE, path.join(work, "relu.actnb"));
    const r = sh("npx", ["actnb", "export", "relu.actnb", "--to", "ipynb"]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout.trim(), "relu.ipynb");
    const bytes = fs.readFileSync(path.join(work, "relu.ipynb"));
    assert.strictEqual(JSON.parse(bytes.toString("utf8")).metadata.kernelspec.name, "tslab");
    const original = parseNotebookBytes(fs.readFileSync(GUIDE), GUIDE);
    assert.deepStrictEqual(parseIpynbBytes(bytes, "relu.ipynb").cells.map((c) => c.source), original.cells.map((c) => c.source));
  });

  it("npx actnb export --to html draws the notebook's charts into one page", () => {
    fs.copyFileSync(GUIDE, path.join(work, "page.actnb"));
    const r = sh("npx", ["actnb", "export", "page.actnb", "--to", "html"]);
    assert.strictEqual(r.code, 0, r.stderr);
    const html = fs.readFileSync(path.join(work, "page.html"), "utf8");
    const charts = parseNotebookBytes(fs.readFileSync(GUIDE), GUIDE).cells.flatMap((c) => (c.kind === "code" ? c.outputs : []))
      .filter((o) => "items" in o && "application/vnd.vegalite.v5+json" in o.items).length;
    assert.ok(charts > 0, "the notebook has charts");
    assert.strictEqual((html.match(/<svg\b[^>]*class="marks"/g) ?? []).length, charts);
  });

  it("npx actnb export --to pytorch writes the same Python as the repository's CLI", () => {
    fs.copyFileSync(GUIDE, path.join(work, "torch.actnb"));
    const r = sh("npx", ["actnb", "export", "torch.actnb", "--to", "pytorch"]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.stdout.trim().split("\n"), ["torch.pytorch.ipynb", "actnb_pytorch.py"]);
    const here = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-npm-ref-"));
    try {
      const ref = spawnSync(process.execPath, [path.join(ROOT, "kernel/bin/actnb.js"), "export", GUIDE, "--to", "pytorch", "--out", path.join(here, "ref.ipynb")], { encoding: "utf8" });
      assert.strictEqual(ref.status, 0, ref.stderr);
      const sources = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")).cells.map((c: { source: string[] }) => c.source.join(""));
      assert.deepStrictEqual(sources(path.join(work, "torch.pytorch.ipynb")), sources(path.join(here, "ref.ipynb")));
      assert.strictEqual(fs.readFileSync(path.join(work, "actnb_pytorch.py"), "utf8"), fs.readFileSync(path.join(here, "actnb_pytorch.py"), "utf8"));
    } finally {
      fs.rmSync(here, { recursive: true, force: true });
    }
  });

  it("npx actnb export refuses a missing notebook by name", () => {
    const r = sh("npx", ["actnb", "export", "nowhere.actnb", "--to", "ipynb"]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /nowhere\.actnb: no such file/);
  });

  it("npx actnb run says it cannot run notebooks without the kernel, and where they run", () => {
    fs.copyFileSync(GUIDE, path.join(work, "run.actnb"));
    const r = sh("npx", ["actnb", "run", "run.actnb"]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /has no notebook kernel.*Jupyter \(tslab\) or VS Code/);
  });
});
