// The palette commands that need no dialog, run through the command API in the real VS Code:
// Open Activation Guide copies the guide into a folder and opens the chosen part; New Activation
// Notebook opens a starter notebook on our kernel.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { extensionId } from "../launchOptions";

describe("commands", function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await vscode.extensions.getExtension(extensionId())!.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-guide-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("Open Activation Guide copies every part into the chosen folder and opens the one picked", async () => {
    const shipped = fs.readdirSync(path.join(vscode.extensions.getExtension(extensionId())!.extensionPath, "notebooks")).filter((f) => f.endsWith(".actnb")).sort();
    assert.equal(shipped.length, 10);
    const opened = (await vscode.commands.executeCommand("actnb.openGuide", vscode.Uri.file(dir), "03-relu-in-practice.actnb")) as vscode.Uri;
    const copied = fs.readdirSync(path.join(dir, "activation-guide")).sort();
    assert.deepEqual(copied, shipped);
    assert.equal(path.basename(opened.fsPath), "03-relu-in-practice.actnb");
    const nb = vscode.window.activeNotebookEditor?.notebook;
    assert.ok(nb, "a notebook editor is active");
    assert.equal(nb.notebookType, "actnb-notebook");
    assert.equal(nb.uri.fsPath, opened.fsPath);
    assert.ok(nb.cellCount > 5);
    // a user's edited copy is never overwritten by opening the guide again
    const mine = path.join(dir, "activation-guide", "01-why-activations.actnb");
    fs.writeFileSync(mine, fs.readFileSync(mine, "utf8").replace("Why", "Why, my notes:"));
    const edited = fs.readFileSync(mine, "utf8");
    await vscode.commands.executeCommand("actnb.openGuide", vscode.Uri.file(dir), "01-why-activations.actnb");
    assert.equal(fs.readFileSync(mine, "utf8"), edited);
  });

  it("New Activation Notebook opens a starter notebook", async () => {
    await vscode.commands.executeCommand("actnb.newNotebook");
    const nb = vscode.window.activeNotebookEditor?.notebook;
    assert.ok(nb);
    assert.equal(nb.notebookType, "actnb-notebook");
    assert.equal(nb.cellCount, 2);
    assert.match(nb.cellAt(1).document.getText(), /import \{ torch, nn, F, plot \} from "actnb"/);
    assert.equal(nb.cellAt(1).document.languageId, "typescript");
  });
});
