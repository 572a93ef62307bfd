// Smoke: the right VS Code, our extension present and active, trust as launched.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { extensionId, launchOptionsFromEnv, REPO_ROOT } from "../launchOptions";

const opts = launchOptionsFromEnv();
const id = extensionId();

describe(`smoke (${opts.launcher}, ${opts.trusted ? "trusted" : "untrusted"}${opts.vsix ? ", vsix" : ""})`, () => {
  it(`runs in VS Code ${opts.expectVersion}x`, () => {
    assert.ok(vscode.version.startsWith(opts.expectVersion), `VS Code is ${vscode.version}`);
  });

  it(`has the extension ${id}`, () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `${id} is not among the extensions: ${vscode.extensions.all.map((e) => e.id).filter((x) => !x.startsWith("vscode.")).join(", ") || "(none but built-ins)"}`);
    if (opts.vsix) {
      // installed from the package, not loaded from the work tree
      assert.notEqual(path.resolve(ext.extensionPath), REPO_ROOT, "the .vsix build should be the one loaded");
    } else {
      assert.equal(path.resolve(ext.extensionPath), REPO_ROOT);
    }
  });

  it("declares its code and activates", async () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `${id} is missing`);
    const main = ext.packageJSON.main as string | undefined;
    assert.ok(main, `package.json of ${id} declares no "main"`);
    const mainFile = path.join(ext.extensionPath, main);
    assert.ok(fs.existsSync(mainFile) || fs.existsSync(`${mainFile}.js`), `${main} is not built (${mainFile})`);
    await ext.activate();
    assert.ok(ext.isActive, `${id} did not activate`);
  });

  it("registers every command it contributes", async () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `${id} is missing`);
    await ext.activate();
    const declared = ((ext.packageJSON.contributes?.commands ?? []) as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(", ")}`);
  });

  it(`workspace trust is ${opts.trusted ? "on (trusted)" : "off (Restricted Mode)"}`, () => {
    assert.equal(vscode.workspace.isTrusted, opts.trusted);
  });

  it("opened the prepared workspace folder", () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, "one workspace folder");
    if (opts.fixtures?.some((f) => f.endsWith(path.join("test", "fixtures", "notebooks")))) {
      assert.ok(fs.existsSync(path.join(folders[0].uri.fsPath, "relu.actnb")), "fixtures copied");
    }
  });
});
