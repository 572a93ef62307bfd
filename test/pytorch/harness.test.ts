// The suite's own machinery on hand-written Python notebooks, run by the same nbconvert: a faithful
// translation of the relu fixture shows no difference, and an unfaithful one shows each of its
// differences, named by cell, output kind and line.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { executeNotebook, readNotebook, ROOT } from "./export-run";
import { KnownDifference } from "./known-differences";
import { notebookDifferences, notebookProblems } from "./notebook-differences";

const FIXTURE = path.join(ROOT, "test/fixtures/notebooks/relu.actnb");

function pythonNotebook(cells: string[]) {
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
    cells: cells.map((source, i) => ({ cell_type: "code", id: `c${i}`, execution_count: null, metadata: {}, outputs: [], source })),
  };
}

const FAITHFUL = [
  "import torch\nimport torch.nn.functional as F\n\nx = torch.tensor([-1.0, 0.0, 2.0])\nprint(str(F.relu(x)))",
  "import time\nbig = torch.randn([1000000])\nt0 = time.perf_counter()\nF.relu(big)\nprint(f'relu of 1000000 values: {(time.perf_counter() - t0) * 1000:.1f} ms')",
];

describe("the pytorch suite's comparison, on hand-written exports of the relu fixture", function () {
  this.timeout(600000);
  let work: string;
  before(() => { work = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pytorch-harness-")); });
  after(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

  function run(name: string, cells: string[]) {
    const file = path.join(work, `${name}.ipynb`);
    fs.writeFileSync(file, JSON.stringify(pythonNotebook(cells)));
    return notebookDifferences(readNotebook(FIXTURE), executeNotebook(file));
  }

  it("a faithful translation differs in nothing (the timing cell only has to run)", () => {
    assert.deepStrictEqual(run("faithful", FAITHFUL), [
      { cell: "ReLU of three numbers", differences: [] },
      { cell: "How long ReLU takes", differences: [] },
    ]);
  });

  it("an unfaithful one: each difference by cell, output kind and line", () => {
    const wrong = [
      `${FAITHFUL[0].replace("2.0]", "3.0]")}\nfrom IPython.display import Markdown, display\ndisplay(Markdown('**extra**'))\nx.sum()`,
      `${FAITHFUL[1]}\nraise ValueError('boom')`,
    ];
    assert.deepStrictEqual(run("unfaithful", wrong), [
      {
        cell: "ReLU of three numbers",
        differences: [
          { output: "stdout", detail: 'line 1: actnb "tensor([0., 0., 2.])\\n" | python "tensor([0., 0., 3.])\\n"' },
          { output: "text/markdown", detail: "actnb shows 0 markdown outputs, python 1" },
          { output: "text/plain", detail: "actnb shows 0 last values, python 1" },
        ],
      },
      { cell: "How long ReLU takes", differences: [{ output: "error", detail: "python raised ValueError: boom" }] },
    ]);
  });

  it("the known-differences table accepts exactly the differences an entry lists for that cell and output", () => {
    const file = path.join(work, "loss.ipynb");
    fs.writeFileSync(file, JSON.stringify(pythonNotebook([FAITHFUL[0].replace("2.0]", "2.5]"), FAITHFUL[1]])));
    const executed = executeNotebook(file);
    const entry: KnownDifference = {
      notebook: "relu", cell: "ReLU of three numbers", output: "stdout",
      differences: ['line 1: actnb "tensor([0., 0., 2.])\\n" | python "tensor([0.0000, 0.0000, 2.5000])\\n"'], reason: "a test of the table",
    };
    assert.deepStrictEqual(notebookProblems("relu", readNotebook(FIXTURE), executed, [entry]), []);
    assert.deepStrictEqual(notebookProblems("relu", readNotebook(FIXTURE), executed, []), [`cell "ReLU of three numbers", stdout:\n      ${entry.differences![0]}`]);
  });

  it("an export with another number of code cells is refused, not compared cell by cell", () => {
    assert.throws(() => run("short", [FAITHFUL[0]]), /the exported notebook has 1 code cells, the source 2/);
  });
});
