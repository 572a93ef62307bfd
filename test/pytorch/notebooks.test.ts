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
import { OUTPUT_KINDS, textDifferences } from "./compare";
import { ACTNB, executeNotebook, exportToPytorch, PYTHON, readNotebook, ROOT, sh } from "./export-run";
import { KNOWN_DIFFERENCES } from "./known-differences";
import { notebookProblems } from "./notebook-differences";
import { checkTable } from "./unexplained";

function notebooksToExport(): string[] {
  const inDir = (dir: string, ext: RegExp) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => ext.test(f)).sort().map((f) => path.join(ROOT, dir, f));
  // (the tslab fixture, relu-tslab.ipynb, imports tslab: its export is refused, naming the cell, in test/unit/export-pytorch.test.ts)
  return [...inDir("notebooks", /\.actnb$/), ...inDir("test/fixtures/notebooks", /\.actnb$/)];
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

  it("03-relu-in-practice exported as a script prints, under python3, what `actnb run` prints for the notebook", () => {
    // a script shows each cell's last value (a chart's text here) where a terminal run of actnb does
    const file = path.join(ROOT, "notebooks/03-relu-in-practice.actnb");
    const dir = fs.mkdtempSync(path.join(work, "script-"));
    const script = path.join(dir, "relu_in_practice.py");
    exportToPytorch(file, script, true);
    const python = sh(PYTHON, [script], dir);
    assert.strictEqual(python.code, 0, `python3 ${path.basename(script)} failed:\n${python.stderr}`);
    const actnb = sh(process.execPath, [ACTNB, "run", file], dir);
    assert.strictEqual(actnb.code, 0, `actnb run ${path.basename(file)} failed:\n${actnb.stderr}`);
    const differences = textDifferences(actnb.stdout, python.stdout);
    if (differences.length) assert.fail(`the script's stdout differs from what actnb run printed:\n${differences.join("\n")}`);
  });
});
