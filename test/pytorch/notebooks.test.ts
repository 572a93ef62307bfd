// The "pytorch" suite: every guide notebook and notebook fixture, exported with
// `actnb export --to pytorch` and executed by Jupyter's python3 kernel on Debian's PyTorch 1.13,
// prints and shows what actnb's run stored: stdout exactly, Markdown exactly, Vega-Lite specs up
// to float formatting, the last value's text exactly, PNGs of the same size, and no error where
// actnb had none. Timing cells (volatile) only have to run. Genuine differences are listed, with
// their reason, in known-differences.ts.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellOutputs } from "./cell-outputs";
import { OUTPUT_KINDS, textDifferences } from "./compare";
import { executeNotebook, exportToPytorch, PYTHON, readNotebook, ROOT, sh } from "./export-run";
import { KNOWN_DIFFERENCES } from "./known-differences";
import { codeCells, notebookProblems } from "./notebook-differences";
import { checkTable } from "./unexplained";

function notebooksToExport(): string[] {
  const inDir = (dir: string, ext: RegExp) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => ext.test(f)).sort().map((f) => path.join(ROOT, dir, f));
  return [...inDir("notebooks", /\.actnb$/), ...inDir("test/fixtures/notebooks", /\.(actnb|ipynb)$/)];
}

describe("notebooks exported to PyTorch (actnb export --to pytorch, run by Jupyter's python3 kernel)", function () {
  this.timeout(1800000);
  let work: string;

  before(() => {
    const nbconvert = sh(PYTHON, ["-m", "nbconvert", "--version"], ROOT);
    assert.strictEqual(nbconvert.code, 0, `Jupyter's nbconvert is not installed (${nbconvert.out.trim()}): apt-get install -y jupyter-notebook python3-nbconvert (scripts/setup.sh does it)`);
    const torch = sh(PYTHON, ["-c", "import torch, torchvision, ipykernel"], ROOT);
    assert.strictEqual(torch.code, 0, `${PYTHON} cannot import torch, torchvision and ipykernel (${torch.out.trim()}): apt-get install -y python3-torch python3-torchvision (scripts/setup.sh does it)`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pytorch-"));
  });

  after(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

  it("the known-differences table names, for each entry, what it accepts and why", () => {
    checkTable(KNOWN_DIFFERENCES, OUTPUT_KINDS);
  });

  for (const file of notebooksToExport()) {
    const name = path.basename(file).replace(/\.(actnb|ipynb)$/, "");
    it(`${path.basename(file)}: the exported notebook prints and shows what actnb did`, () => {
      const dir = fs.mkdtempSync(path.join(work, `${name}-`));
      const ipynb = path.join(dir, `${name}.ipynb`);
      exportToPytorch(file, ipynb);
      const problems = notebookProblems(name, readNotebook(file), executeNotebook(ipynb), KNOWN_DIFFERENCES);
      if (problems.length) assert.fail(`${path.basename(file)} in PyTorch differs from actnb:\n${problems.join("\n")}`);
    });
  }

  it("03-relu-in-practice exported as a script prints, under python3, what its cells printed in actnb", () => {
    const file = path.join(ROOT, "notebooks/03-relu-in-practice.actnb");
    const dir = fs.mkdtempSync(path.join(work, "script-"));
    const script = path.join(dir, "relu_in_practice.py");
    exportToPytorch(file, script, true);
    const run = sh(PYTHON, [script], dir);
    assert.strictEqual(run.code, 0, `python3 ${path.basename(script)} failed:\n${run.stderr}`);
    const stored = codeCells(readNotebook(file)).map((c) => cellOutputs(c.outputs).stdout).join("");
    const differences = textDifferences(stored, run.stdout);
    if (differences.length) assert.fail(`the script's stdout differs from the stored stdout of the actnb run:\n${differences.join("\n")}`);
  });
});
