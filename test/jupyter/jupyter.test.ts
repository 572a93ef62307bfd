// The guide in Jupyter: each guide notebook, exported to .ipynb with kernelspec tslab, executed
// by Debian's nbconvert through npm's tslab with actnb installed as an ordinary npm package, must
// print the same text as our own kernel does for the same notebook, and show the same charts.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffLines } from "diff";
import { Notebook, parseNotebookBytes, stringifyIpynb, toIpynb } from "../../kernel/format";
import { runNotebook } from "../../kernel/runner/run";

const ROOT = path.resolve(__dirname, "../../..");
const PYTHON = "/usr/bin/python3";
const NUMBER = /-?\d+(\.\d+)?(e[-+]?\d+)?/gi;

function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts, env: { ...process.env, ...opts.env } });
  return { code: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function guideNotebooks(): string[] {
  const dir = path.join(ROOT, "notebooks");
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".actnb")).sort().map((f) => path.join(dir, f)) : [];
  // until the guide exists, the format's example notebook stands in
  return found.length ? found : [path.join(ROOT, "test/fixtures/notebooks/relu.actnb")];
}

/** The text a cell shows, one string per code cell; volatile cells with their numbers masked. */
function ourTexts(nb: Notebook): string[] {
  return nb.cells.filter((c) => c.kind === "code").map((c) => {
    if (c.kind !== "code") return "";
    const text = c.outputs.map((o) => ("stream" in o ? o.text : "error" in o ? `${o.error.name}: ${o.error.message}\n` : `${String(o.items["text/plain"] ?? "")}\n`)).join("");
    return c.metadata.volatile ? text.replace(NUMBER, "#") : text;
  });
}

interface IpynbOut { output_type: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string }
const join = (t: unknown) => (Array.isArray(t) ? t.join("") : String(t ?? ""));

function jupyterTexts(ipynb: { cells: Array<{ cell_type: string; outputs?: IpynbOut[] }> }, nb: Notebook): string[] {
  const code = nb.cells.filter((c) => c.kind === "code");
  return ipynb.cells.filter((c) => c.cell_type === "code").map((c, i) => {
    const text = (c.outputs ?? []).map((o) => (o.output_type === "stream" ? join(o.text) : o.output_type === "error" ? `${o.ename}: ${o.evalue}\n` : `${join(o.data?.["text/plain"])}\n`)).join("");
    return code[i]?.metadata.volatile ? text.replace(NUMBER, "#") : text;
  });
}

const VEGA_LITE = "application/vnd.vegalite.v5+json";
const isSpec = (v: unknown) => v !== null && typeof v === "object" && "$schema" in v && typeof v.$schema === "string";

/** Per code cell, how many Vega-Lite charts our kernel showed. */
function ourCharts(nb: Notebook): number[] {
  return nb.cells.flatMap((c) => (c.kind === "code" ? [c.outputs.filter((o) => "items" in o && isSpec(o.items[VEGA_LITE])).length] : []));
}

/** Per code cell, how many Vega-Lite charts Jupyter stored, as JSON objects (a string does not count). */
function jupyterCharts(ipynb: { cells: Array<{ cell_type: string; outputs?: IpynbOut[] }> }): number[] {
  return ipynb.cells.filter((c) => c.cell_type === "code").map((c) => (c.outputs ?? []).filter((o) => isSpec(o.data?.[VEGA_LITE])).length);
}

describe("the guide in Jupyter (tslab, nbconvert)", function () {
  this.timeout(600000);
  let work: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    const nbconvert = sh(PYTHON, ["-m", "nbconvert", "--version"]);
    assert.strictEqual(nbconvert.code, 0, `Jupyter's nbconvert is not installed (${nbconvert.out.trim()}). Install Debian's packages: apt-get install -y jupyter-notebook python3-nbconvert (scripts/setup.sh does it).`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-jupyter-"));
    // actnb exactly as a Jupyter user installs it: the packed npm package
    const pack = sh("npm", ["pack", path.join(ROOT, "dist/actnb"), "--pack-destination", work, "--silent"]);
    assert.strictEqual(pack.code, 0, pack.out);
    const tarball = path.join(work, pack.out.trim().split("\n").pop()!);
    fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "jupyter-guide", private: true }));
    const install = sh("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: work });
    assert.strictEqual(install.code, 0, install.out);
    // tslab's kernelspec, private to this test
    const prefix = path.join(work, "jupyter");
    const tslab = path.join(ROOT, "node_modules/.bin/tslab");
    const spec = sh(tslab, ["install", `--python=${PYTHON}`, `--prefix=${prefix}`, `--binary=${tslab}`]);
    assert.strictEqual(spec.code, 0, spec.out);
    env = { JUPYTER_PATH: path.join(prefix, "share/jupyter"), JUPYTER_CONFIG_DIR: path.join(work, "config"), JUPYTER_RUNTIME_DIR: path.join(work, "runtime") };
  });

  after(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

  it("a display handle's update() from a later cell replaces the earlier cell's output (update_display_data, same display_id)", () => {
    const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
    const ipynb = {
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        code(`import { display } from "actnb";\nconst h = display("step 1", { display_id: true });`),
        code(`h.update("step 2");\nconsole.log("updated");`),
      ],
    };
    fs.writeFileSync(path.join(work, "handles.ipynb"), JSON.stringify(ipynb));
    const run = sh(PYTHON, ["-m", "nbconvert", "--to", "notebook", "--execute", "--output", "handles.executed.ipynb", "handles.ipynb"], { cwd: work, env });
    assert.strictEqual(run.code, 0, `nbconvert failed:\n${run.out}`);
    const executed = JSON.parse(fs.readFileSync(path.join(work, "handles.executed.ipynb"), "utf8"));
    const outputs = executed.cells.map((c: { outputs: IpynbOut[] }) => c.outputs.map((o) => (o.output_type === "stream" ? { stream: join(o.text) } : { [o.output_type]: join(o.data?.["text/plain"]) })));
    // nbclient applies update_display_data to every output shown with that display_id; a plain
    // display_data would have added a second output under the later cell instead
    assert.deepStrictEqual(outputs, [[{ display_data: "step 2" }], [{ stream: "updated\n" }]]);
  });

  for (const file of guideNotebooks()) {
    it(`${path.basename(file)} prints the same text and shows the same charts in Jupyter as in our kernel`, async () => {
      const nb = parseNotebookBytes(fs.readFileSync(file), file);
      const name = path.basename(file).replace(/\.actnb$/, "");
      const ipynbFile = path.join(work, `${name}.ipynb`);
      fs.writeFileSync(ipynbFile, stringifyIpynb(toIpynb(nb)));
      const ipynb = JSON.parse(fs.readFileSync(ipynbFile, "utf8"));
      assert.strictEqual(ipynb.metadata.kernelspec.name, "tslab");

      const run = sh(PYTHON, ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300", "--output", `${name}.executed.ipynb`, ipynbFile], { cwd: work, env });
      assert.strictEqual(run.code, 0, `nbconvert failed:\n${run.out}`);
      const executed = JSON.parse(fs.readFileSync(path.join(work, `${name}.executed.ipynb`), "utf8"));
      for (const cell of executed.cells) {
        for (const o of cell.outputs ?? []) {
          for (const [mime, data] of Object.entries(o.data ?? {})) {
            if (/\+json$/.test(mime)) assert.strictEqual(typeof data, "object", `${mime} must be stored as a JSON object`);
          }
        }
      }

      const ours = await runNotebook(nb, { notebookDir: work });
      assert.strictEqual(ours.failedCell, undefined, ours.failure);
      const a = ourTexts(ours.notebook), b = jupyterTexts(executed, nb);
      const diffs = a.map((t, i) => (t === b[i] ? "" : `code cell ${i + 1}:\n${diffLines(t, b[i] ?? "").map((p) => p.value.split("\n").filter(Boolean).map((l) => `${p.added ? "+ jupyter " : p.removed ? "- actnb   " : "          "}${l}`).join("\n")).join("\n")}`)).filter(Boolean);
      assert.deepStrictEqual(diffs, [], `text outputs differ:\n${diffs.join("\n\n")}`);
      // every chart our kernel shows (as a last value or through display()) is a chart in Jupyter
      assert.deepStrictEqual(jupyterCharts(executed), ourCharts(ours.notebook), "Vega-Lite charts per code cell: Jupyter's, then our kernel's");
    });
  }
});
