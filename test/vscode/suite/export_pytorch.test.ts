// "Export to PyTorch notebook" in the real VS Code: a guide notebook, with an edit not yet saved,
// exported through the command (its save dialog skipped with `saveTo`, as the tests of Open
// Activation Guide skip its folder picker) is the Python notebook kernel/export/pytorch makes of
// the editor's version, with actnb_pytorch.py beside it; a .py target is the script; a switch
// statement in cell 2 writes nothing, and the error's "Show" (pressed as a keyboard user does,
// VS Code's notification.acceptPrimaryAction) puts the cursor on it in cell 2. In Restricted Mode
// (this suite runs in the untrusted configuration too) it works the same and starts no kernel;
// trusted, opening a notebook starts one anyway, for the editor's type checking.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { ExportPytorchArg } from "../../../extension/src/export_pytorch";
import type { KernelManager } from "../../../extension/src/kernels";
import { exportPytorch } from "../../../kernel/export/pytorch";
import { parseNotebookBytes, type Notebook } from "../../../kernel/format";
import { extensionId, launchOptionsFromEnv, REPO_ROOT } from "../launchOptions";

const opts = launchOptionsFromEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADDED = "## Added in the editor, not saved";

interface Ipynb { metadata: { kernelspec: { name: string } }; cells: Array<{ cell_type: string; source: string[] }> }

(opts.vsix ? describe.skip : describe)("Export to PyTorch notebook", function () {
  this.timeout(120_000);
  let workspace: string;
  let kernels: KernelManager;

  const exportTo = (saveTo: string) => vscode.commands.executeCommand<string[] | undefined>("actnb.exportPytorch", { saveTo: vscode.Uri.file(saveTo) } satisfies ExportPytorchArg);
  const expected = (nb: Notebook, name: string, script = false) => exportPytorch(nb, { notebookDir: workspace, sourceName: name, script });

  /** Where nothing else starts a kernel (the editor's type checking does, in a trusted folder), exporting must not either. */
  const noKernelInRestrictedMode = (doc: vscode.NotebookDocument) => {
    if (!opts.trusted) assert.equal(kernels.peek(doc), undefined, "exporting started a kernel in Restricted Mode");
  };

  async function open(file: string): Promise<vscode.NotebookDocument> {
    const doc = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(doc);
    return doc;
  }

  before(async () => {
    workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
    kernels = (await vscode.extensions.getExtension<{ kernels: KernelManager }>(extensionId())!.activate()).kernels;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("writes the editor's version of a guide notebook as a Python 3 notebook with actnb_pytorch.py beside it", async () => {
    const name = "relu-in-practice.actnb";
    const file = path.join(workspace, name);
    fs.copyFileSync(path.join(REPO_ROOT, "notebooks", "03-relu-in-practice.actnb"), file);
    const doc = await open(file);
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, [vscode.NotebookEdit.insertCells(doc.cellCount, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, ADDED, "markdown")])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty, "the edit is not saved");

    const out = path.join(workspace, "relu-in-practice.pytorch.ipynb");
    const helper = path.join(workspace, "actnb_pytorch.py");
    const written = await exportTo(out);
    assert.deepEqual(written, [out, helper]);

    const onDisk = parseNotebookBytes(fs.readFileSync(file));
    onDisk.cells.push({ kind: "markdown", language: "markdown", metadata: {}, source: ADDED });
    const want = expected(onDisk, name);
    const got = JSON.parse(fs.readFileSync(out, "utf8")) as Ipynb;
    const wantCells = (JSON.parse(want.text) as Ipynb).cells;
    assert.equal(got.metadata.kernelspec.name, "python3");
    assert.equal(got.cells.length, doc.cellCount, "one cell per cell of the notebook in the editor");
    assert.deepEqual(got.cells.map((c) => c.cell_type), doc.getCells().map((c) => (c.kind === vscode.NotebookCellKind.Code ? "code" : "markdown")));
    const code = (cells: Ipynb["cells"]) => cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
    assert.ok(code(got.cells).some((s) => /\bimport torch\b/.test(s)), "the code is Python for PyTorch");
    assert.deepEqual(code(got.cells), code(wantCells));
    assert.equal(got.cells.at(-1)!.source.join(""), ADDED, "the unsaved edit is exported");
    assert.ok(want.helper, "this notebook needs the helper module");
    assert.equal(fs.readFileSync(helper, "utf8"), want.helper.text);
    noKernelInRestrictedMode(doc);
  });

  it("writes a Python script when the target is a .py (an identical actnb_pytorch.py beside it is kept without asking)", async () => {
    const name = "relu-in-practice.actnb";
    const file = path.join(workspace, name);
    const doc = await open(file);
    const out = path.join(workspace, "relu-script.py");
    const helper = path.join(workspace, "actnb_pytorch.py");
    assert.ok(fs.existsSync(helper), "the helper of the test before is there");
    assert.deepEqual(await exportTo(out), [out, helper]);
    const script = fs.readFileSync(out, "utf8");
    assert.equal(script, expected(parseNotebookBytes(fs.readFileSync(file)), name, true).text);
    assert.match(script, /^# %%/m);
    assert.throws(() => JSON.parse(script), "a script, not notebook JSON");
    noKernelInRestrictedMode(doc);
  });

  it("refuses a switch statement in cell 2: nothing is written, and Show puts the cursor on it in cell 2", async () => {
    const cell2 = 'const pick = (name: string) => {\n  let y = 0;\n  switch (name) {\n    case "a": y = 1; break;\n    default: y = 2;\n  }\n  return y;\n};';
    const nb = { actnb: 1, metadata: {}, cells: [
      { kind: "code", language: "typescript", metadata: {}, source: 'import { torch } from "actnb";\nconst x = torch.ones(2);', outputs: [] },
      { kind: "code", language: "typescript", metadata: {}, source: cell2, outputs: [] },
    ] };
    const file = path.join(workspace, "has-switch.actnb");
    fs.writeFileSync(file, JSON.stringify(nb, null, 2) + "\n");
    const doc = await open(file);
    await vscode.commands.executeCommand("notifications.clearAll");
    const elsewhere = fs.mkdtempSync(path.join(workspace, "switch-"));
    assert.equal(await exportTo(path.join(elsewhere, "has-switch.pytorch.ipynb")), undefined);
    assert.deepEqual(fs.readdirSync(elsewhere), [], "nothing was written");

    // the error's only action, Show, pressed from the keyboard (Ctrl+Shift+A on a notification)
    await vscode.commands.executeCommand("notification.acceptPrimaryAction");
    const at = new vscode.Position(2, 2);
    let editor: vscode.TextEditor | undefined;
    for (const until = Date.now() + 10_000; Date.now() < until; await sleep(100)) {
      editor = vscode.window.activeTextEditor;
      if (editor?.document === doc.cellAt(1).document && editor.selection.active.isEqual(at)) break;
    }
    assert.ok(editor, "no text editor is active after Show");
    assert.equal(editor.document.uri.toString(), doc.cellAt(1).document.uri.toString(), "Show focused cell 2");
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [at.line, at.character], "the cursor is on the switch");
    assert.equal(editor.document.getText(editor.selection), "switch (name) {", "the construct's line is selected from the construct on");
    assert.deepEqual(vscode.window.activeNotebookEditor?.selection, new vscode.NotebookRange(1, 2), "cell 2 is the selected cell");
    noKernelInRestrictedMode(doc);
  });
});
