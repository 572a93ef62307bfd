// Saving an open notebook in the real VS Code, with a fault injected: the disk fills up during the
// save. VS Code writes a notebook in place, so the file on disk is left cut short (and VS Code
// 1.100 under code-server even reports the save as done); the extension (save_guard.ts) notices,
// puts the version from before the save back, keeps the editor's version, and says where. A save
// that works leaves no checkpoint behind.
//
// The full disk is a 64 KB tmpfs mounted for the test (the CI machine runs as root); where mount
// is not allowed the test says so and is skipped.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { SaveGuard } from "../../../extension/src/save_guard";
import { parseNotebookBytes } from "../../../kernel/format";
import { extensionId, launchOptionsFromEnv } from "../launchOptions";

const opts = launchOptionsFromEnv();
const applies = opts.trusted && !opts.vsix;
const describeIfApplies = applies ? describe : (_title: string, _fn: (this: Mocha.Suite) => void) => undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SMALL_NOTEBOOK = JSON.stringify({
  actnb: 1,
  metadata: { title: "Saved before the disk filled up" },
  cells: [{ kind: "code", language: "typescript", metadata: {}, source: "const kept = 1;", outputs: [] }],
}, null, 2) + "\n";

/** Adds a markdown cell of `chars` characters at the end of the notebook. */
async function addMarkdown(doc: vscode.NotebookDocument, chars: number): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, "x".repeat(chars), "markdown");
  edit.set(doc.uri, [vscode.NotebookEdit.insertCells(doc.cellCount, [cell])]);
  assert.ok(await vscode.workspace.applyEdit(edit), "the edit was applied");
}

describeIfApplies("saving an open notebook (VS Code's own write)", function () {
  this.timeout(60000);
  let workspace: string;
  let guard: SaveGuard;

  before(async () => {
    workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const api = await vscode.extensions.getExtension<{ saveGuard: SaveGuard }>(extensionId())!.activate();
    guard = api.saveGuard;
    assert.ok(guard, "the extension's activate() returns { saveGuard }");
  });

  it("a save that works writes the notebook and leaves no checkpoint behind", async () => {
    const file = path.join(workspace, "save-ok.actnb");
    fs.writeFileSync(file, SMALL_NOTEBOOK);
    const doc = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(doc);
    await addMarkdown(doc, 200);
    assert.equal(await doc.save(), true);
    const saved = parseNotebookBytes(fs.readFileSync(file));
    assert.equal(saved.cells.length, 2);
    await sleep(500);
    assert.equal(fs.existsSync(guard.checkpointOf(file)), false, "the checkpoint of a good save was kept");
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  it("a save that fills the disk (VS Code leaves the file cut short) puts the previous version back and keeps the editor's version where the user can open it", async function () {
    const mount = path.join(workspace, "small-disk");
    fs.mkdirSync(mount, { recursive: true });
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount], { stdio: "pipe" });
    } catch (e) {
      console.log(`      (skipped: cannot mount a small tmpfs here: ${String((e as Error).message).split("\n")[0]})`);
      this.skip();
    }
    try {
      const file = path.join(mount, "full-disk.actnb");
      fs.writeFileSync(file, SMALL_NOTEBOOK);
      // fill the rest of the disk but for 8 KB
      const free = fs.statfsSync(mount).bavail * fs.statfsSync(mount).bsize;
      fs.writeFileSync(path.join(mount, "filler"), Buffer.alloc(Math.max(0, free - 8192)));
      const doc = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
      await vscode.window.showNotebookDocument(doc);
      await addMarkdown(doc, 40_000);
      await doc.save(); // VS Code 1.100 under code-server may report this save as done
      const deadline = Date.now() + 15_000;
      while (!guard.repaired.has(file) && Date.now() < deadline) await sleep(200);
      const repaired = guard.repaired.get(file);
      assert.ok(repaired, `the incomplete save was not repaired (the file on disk has ${fs.statSync(file).size} bytes)`);
      // nothing fits: the previous version is back on disk, byte for byte, and the editor's version is kept
      assert.equal(repaired.rewritten, false);
      assert.equal(fs.readFileSync(file, "utf8"), SMALL_NOTEBOOK, "the file on disk is not its previous version");
      const rescued = parseNotebookBytes(fs.readFileSync(repaired.rescued!));
      assert.equal(rescued.cells.length, 2);
      assert.equal(rescued.cells[1].source.length, 40_000, "the editor's version was not kept whole");
      // the kept version opens as a notebook (the error message's button does this)
      const reopened = await vscode.workspace.openNotebookDocument(vscode.Uri.file(repaired.rescued!));
      assert.equal(reopened.cellCount, 2);
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    } finally {
      execFileSync("umount", ["-l", mount], { stdio: "pipe" });
      fs.rmSync(mount, { recursive: true, force: true });
    }
  });
});
