// The kernel's state in the real VS Code: the "Activation Kernel Variables" view lists what the
// cells defined after they ran (and nothing after a restart), a tensor opens as a heatmap table in
// a webview panel, and a display handle's update() from a later cell replaces the output of the
// cell that displayed it, in place.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { KernelManager } from "../../../extension/src/kernels";
import type { VariablesProvider } from "../../../extension/src/variables";
import { extensionId, launchOptionsFromEnv } from "../launchOptions";

const opts = launchOptionsFromEnv();
const decoder = new TextDecoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runAll(doc: vscode.NotebookDocument): Promise<void> {
  await vscode.window.showNotebookDocument(doc);
  const selected = await vscode.commands.executeCommand("notebook.selectKernel", { id: "actnb-kernel", extension: extensionId() });
  assert.notEqual(selected, false, "notebook.selectKernel found the notebook editor");
  const started = Date.now();
  await vscode.commands.executeCommand("notebook.execute", doc.uri);
  const cells = doc.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
  const done = (c: vscode.NotebookCell) => (c.executionSummary?.timing?.endTime ?? 0) >= started;
  while (!cells.every(done) && Date.now() < started + 60_000) await sleep(100);
  for (const c of cells) assert.equal(c.executionSummary?.success, true, `cell ${c.index + 1} failed: ${c.outputs.map((o) => o.items.map((i) => decoder.decode(i.data)).join("")).join("\n")}`);
}

function notebook(...sources: string[]): Thenable<vscode.NotebookDocument> {
  return vscode.workspace.openNotebookDocument("actnb-notebook", new vscode.NotebookData(sources.map((s) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, s, "typescript"))));
}

const plainTexts = (cell: vscode.NotebookCell) => cell.outputs.map((o) => o.items.filter((i) => i.mime === "text/plain").map((i) => decoder.decode(i.data)).join(""));

(opts.trusted && !opts.vsix ? describe : describe.skip)("kernel state", function () {
  this.timeout(120_000);
  let kernels: KernelManager;
  let variables: VariablesProvider;

  before(async () => {
    const api = await vscode.extensions.getExtension<{ kernels: KernelManager; variables: VariablesProvider }>(extensionId())!.activate();
    kernels = api.kernels;
    variables = api.variables;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("the Variables view lists a tensor after its cell ran, opens it as a heatmap, and is empty after a restart", async () => {
    const doc = await notebook(`import { torch, nn } from "actnb";\nconst weights = torch.tensor([[-2.0, 0.5, 1.0], [3.0, -1.0, 4.0]], { requires_grad: true });\nconst layer = new nn.Linear(3, 2);`);
    await runAll(doc);
    // the view is contributed: VS Code made its focus command
    await vscode.commands.executeCommand("actnb.variables.focus");
    const vars = await variables.getChildren();
    assert.deepEqual(vars.map((v) => v.name), ["weights", "layer"]);
    const row = variables.getTreeItem(vars[0]);
    assert.equal(row.label, "weights");
    assert.equal(row.description, "Tensor [2, 3] float32 requires_grad");
    assert.equal(variables.getTreeItem(vars[1]).description, "Linear (8 parameters)");
    assert.ok(row.command, "a tensor row opens the tensor");

    const panel = (await vscode.commands.executeCommand(row.command.command, ...(row.command.arguments ?? []))) as vscode.WebviewPanel | undefined;
    assert.ok(panel, "the tensor opened in a panel");
    assert.equal(panel.viewType, "actnb.tensorView");
    assert.equal(panel.title, "weights [2, 3]");
    const html = panel.webview.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    // diverging around zero: 4 is the largest magnitude (full red), -2 half of it in blue
    assert.match(html, /<td class="p20" title="\[1, 2\] = 4">4<\/td>/);
    assert.match(html, /<td class="n10" title="\[0, 0\] = -2">-2<\/td>/);
    assert.match(html, /var\(--vscode-charts-red/);
    const tensorTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("actnb.tensorView"));
    for (let waited = 0; !tensorTabs().length && waited < 5000; waited += 100) await sleep(100);
    assert.equal(tensorTabs().length, 1, `one tensor panel is open; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? t.input.viewType : "?"})`).join(", ")}`);

    await vscode.commands.executeCommand("actnb.restartKernel");
    assert.deepEqual(await variables.getChildren(), []);
    await kernels.shutdown(doc);
  });

  it("a display handle's update() from a later cell replaces the earlier cell's output in place", async () => {
    const doc = await notebook(
      `import { display } from "actnb";\nconst h = display("step 1", { display_id: true });\nconsole.log("shown");`,
      `h.update("step 2");\nconsole.log("updated");`,
    );
    await runAll(doc);
    assert.deepEqual(plainTexts(doc.cellAt(0)), ["step 2", ""]);
    assert.equal(doc.cellAt(0).outputs[0].metadata?.display_id, "display-1");
    assert.deepEqual(doc.cellAt(1).outputs.map((o) => o.items.map((i) => decoder.decode(i.data)).join("")), ["updated\n"]);
    await kernels.shutdown(doc);
  });

  it("an update() from a timer after its cell ended replaces the output in place too", async () => {
    const doc = await notebook(`import { display } from "actnb";\nconst late = display("waiting", { display_id: true });\nvoid setTimeout(() => late.update("done later"), 300);`);
    await runAll(doc);
    for (let waited = 0; plainTexts(doc.cellAt(0))[0] !== "done later" && waited < 10_000; waited += 100) await sleep(100);
    assert.deepEqual(plainTexts(doc.cellAt(0)), ["done later"]);
    await kernels.shutdown(doc);
  });

  it("a tensor output carries its heatmap view beside PyTorch's text, and the saved file keeps only the text", async () => {
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, "tensor-output.actnb");
    const cell = { kind: "code", language: "typescript", metadata: {}, source: `import { torch } from "actnb";\ntorch.tensor([[1.0, -2.0]])`, outputs: [] };
    fs.writeFileSync(file, JSON.stringify({ actnb: 1, metadata: { title: "t", kernel: { name: "actnb", version: "0.1.0" } }, cells: [cell] }));
    const doc = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await runAll(doc);
    assert.deepEqual(doc.cellAt(0).outputs.map((o) => o.items.map((i) => i.mime)), [["application/vnd.actnb.tensor+json", "text/plain"]]);
    assert.deepEqual(plainTexts(doc.cellAt(0)), ["tensor([[ 1., -2.]])"]);
    assert.ok(await doc.save(), "saved");
    const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Array<{ outputs: Array<{ items: Record<string, unknown> }> }> };
    assert.deepEqual(saved.cells[0].outputs.map((o) => o.items), [{ "text/plain": "tensor([[ 1., -2.]])" }]);
    await kernels.shutdown(doc);
  });
});
