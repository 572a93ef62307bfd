// The editor knows the API: in notebook cells on the Activation Kernel, hovers show a symbol's
// signature and doc comment, signature help follows the call being typed, go-to-definition opens
// the engine's typings, completions carry their declarations and docs, and a misspelled option
// is a red squiggle before anything runs. The same in an .ipynb once the Activation Kernel is its
// kernel, and none of it (nor Restart/Interrupt) for an .ipynb on another kernel.
//
// Through VS Code's own commands (vscode.executeHoverProvider, ...), which ask every provider
// registered for the cell, as the editor does when the user hovers or types.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { KernelManager } from "../../../extension/src/kernels";
import { extensionId, launchOptionsFromEnv } from "../launchOptions";

const opts = launchOptionsFromEnv();
const id = extensionId();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CELLS = [
  `import { torch, nn, F } from "actnb";\nconst x = torch.randn(2, 4);`,
  `const y = F.leaky_relu(x, { negtive_slope: 0.2 });`,
  `const fc = new nn.Linear(4, `,
  `x.sum(1)`,
];

function actnbFile(cells: string[]): string {
  return JSON.stringify({ actnb: 1, metadata: {}, cells: cells.map((source) => ({ kind: "code", language: "typescript", metadata: {}, source, outputs: [] })) }, null, 2);
}

function ipynbFile(cells: string[], kernel: { name: string; language: string }): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: "code", execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source: source.split(/(?<=\n)/) })),
    metadata: { kernelspec: { name: kernel.name, display_name: kernel.name, language: kernel.language }, language_info: { name: kernel.language } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1);
}

/** A hover's text: every Markdown part of every hover the editor would show. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n---\n");
}

/** The position just inside `word` in a cell (the n-th occurrence from `from`). */
function inside(doc: vscode.TextDocument, word: string): vscode.Position {
  const at = doc.getText().indexOf(word);
  assert.ok(at >= 0, `"${word}" is not in the cell: ${doc.getText()}`);
  return doc.positionAt(at + 1);
}

async function hoverAt(doc: vscode.TextDocument, word: string): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, inside(doc, word)));
}

/** Our squiggles on a cell: waits for the debounced check (400 ms) and the kernel's answer. */
async function diagnosticsOf(doc: vscode.TextDocument, expectSome: boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.message.includes("negtive_slope"));
    if (found.length > 0 === expectSome || Date.now() > deadline) return found;
    await sleep(200);
  }
}

async function openNotebook(file: string): Promise<vscode.NotebookDocument> {
  const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
  await vscode.window.showNotebookDocument(nb);
  return nb;
}

async function selectActivationKernel(nb: vscode.NotebookDocument, controller: string): Promise<void> {
  await vscode.window.showNotebookDocument(nb);
  const selected = await vscode.commands.executeCommand("notebook.selectKernel", { id: controller, extension: id });
  assert.notEqual(selected, false, "notebook.selectKernel found the notebook editor");
}

// the kernel runs nothing in Restricted Mode, and the .vsix configuration has its own specs
const describeIfApplies = opts.trusted && !opts.vsix ? describe : (_title: string, _fn: (this: Mocha.Suite) => void) => undefined;

describeIfApplies("language features in notebook cells", function () {
  this.timeout(120_000);
  let dir: string;
  let kernels: KernelManager;
  const opened: vscode.NotebookDocument[] = [];

  before(async () => {
    const ext = vscode.extensions.getExtension<{ kernels: KernelManager }>(id);
    assert.ok(ext);
    kernels = (await ext.activate()).kernels;
    dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, "language");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "api.actnb"), actnbFile(CELLS));
    fs.writeFileSync(path.join(dir, "typescript.ipynb"), ipynbFile(CELLS, { name: "tslab", language: "typescript" }));
    fs.writeFileSync(path.join(dir, "python.ipynb"), ipynbFile(["import torch.nn.functional as F\ny = F.leaky_relu(x, negtive_slope=0.2)"], { name: "python3", language: "python" }));
  });
  after(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    for (const nb of opened) await kernels.shutdown(nb).catch(() => undefined);
  });

  describe(".actnb", () => {
    let nb: vscode.NotebookDocument;
    const cell = (i: number) => nb.cellAt(i).document;
    before(async () => {
      nb = await openNotebook(path.join(dir, "api.actnb"));
      opened.push(nb);
    });

    it("hover on F.leaky_relu shows its signature as TypeScript, its parameters and its formula", async () => {
      const text = await hoverAt(cell(1), "leaky_relu");
      assert.match(text, /```typescript\n\(property\) leaky_relu: \(input: Tensor, negative_slope\?: number, inplace\?: boolean\) => Tensor/, text);
      assert.match(text, /\*@param\* `negative_slope` — Slope α for negative inputs\. Default: `0\.01`/, text);
      assert.match(text, /LeakyReLU\(x\) = x +if x > 0\n +negative_slope · x +otherwise/, text);
    });

    it("hover on nn.Linear shows the constructor's parameters and the example as a code block", async () => {
      const text = await hoverAt(cell(2), "Linear");
      assert.match(text, /in_features: number, out_features: number, bias\?: boolean/, text);
      assert.match(text, /\*@param\* `in_features` — /, text);
      assert.match(text, /```ts\nconst fc = new nn\.Linear\(4, 8\);/, text);
    });

    it("signature help inside `new nn.Linear(` lists in_features, out_features and bias, the argument being typed active", async () => {
      const doc = cell(2);
      const help = await vscode.commands.executeCommand<vscode.SignatureHelp>("vscode.executeSignatureHelpProvider", doc.uri, doc.positionAt(doc.getText().length), ",");
      assert.ok(help && help.signatures.length >= 2, `overloads: ${help?.signatures.map((s) => s.label).join(" | ")}`);
      const active = help.signatures[help.activeSignature];
      const labels = active.parameters.map((p) => (Array.isArray(p.label) ? active.label.slice(p.label[0], p.label[1]) : p.label));
      assert.deepEqual(labels.slice(0, 3).map((l) => l.replace(/\??:.*/, "")), ["in_features", "out_features", "bias"]);
      assert.equal(help.activeParameter, 1, "the second argument is being typed");
      const doc1 = active.parameters[1].documentation;
      assert.match(typeof doc1 === "string" ? doc1 : doc1?.value ?? "", /output's last dimension/);
    });

    it("a misspelled option is a red squiggle at its line and column, before anything ran", async () => {
      const doc = cell(1);
      const [d, ...more] = await diagnosticsOf(doc, true);
      assert.ok(d, `no squiggle on negtive_slope: ${JSON.stringify(vscode.languages.getDiagnostics(doc.uri).map((x) => x.message))}`);
      assert.deepEqual(more, [], "one squiggle for the call, with every overload's objection");
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      // TypeScript puts "No overload matches this call" on the call: F.leaky_relu(...)
      const line = doc.getText();
      const [from, to] = [line.indexOf("F.leaky_relu"), line.indexOf(");") + 1];
      assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [0, from, 0, to]);
      assert.match(d.message, /^No overload matches this call\./);
      assert.match(d.message, /'negtive_slope' does not exist in type '\{ negative_slope\?: number; inplace\?: boolean; \}'\. Did you mean to write 'negative_slope'\?/);
    });

    it("go-to-definition opens the typings (.d.ts) at the declaration", async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>("vscode.executeDefinitionProvider", cell(2).uri, inside(cell(2), "Linear"));
      const ours = found.map((l) => ("targetUri" in l ? { uri: l.targetUri, range: l.targetRange } : l)).filter((l) => l.uri.fsPath.endsWith(".d.ts"));
      assert.ok(ours.length > 0, `no location in the typings: ${found.map((l) => ("targetUri" in l ? l.targetUri : l.uri).toString()).join(", ")}`);
      const typings = await vscode.workspace.openTextDocument(ours[0].uri);
      assert.match(typings.lineAt(ours[0].range.start.line).text, /constructor\(in_features: number, out_features: number/);
    });

    it("completions carry their declaration and docs (resolved as the editor shows them)", async () => {
      const doc = cell(3);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, doc.positionAt("x.su".length), ".", 200);
      const sum = list.items.find((i) => i.label === "sum" && i.kind === vscode.CompletionItemKind.Method);
      assert.ok(sum, `no method "sum": ${list.items.slice(0, 30).map((i) => i.label).join(", ")}`);
      assert.match(sum.detail ?? "", /Tensor\.sum\(dim\?: /);
      const docs = typeof sum.documentation === "string" ? sum.documentation : sum.documentation?.value ?? "";
      assert.match(docs, /sum of the elements/);
      assert.match(docs, /\*@param\* `keepdim`/);
    });
  });

  describe(".ipynb", () => {
    it("an .ipynb on another kernel gets no hover, squiggle, Restart or Interrupt of ours", async () => {
      for (const name of ["typescript.ipynb", "python.ipynb"]) {
        const nb = await openNotebook(path.join(dir, name));
        opened.push(nb);
        const doc = nb.cellAt(nb.cellCount > 1 ? 1 : 0).document;
        assert.doesNotMatch(await hoverAt(doc, "leaky_relu"), /negative_slope/, name);
        assert.deepEqual(await diagnosticsOf(doc, false, 3000), [], `${name} got our squiggle`);
        assert.equal(await vscode.commands.executeCommand("actnb.restartKernel"), "refused", name);
        assert.equal(await vscode.commands.executeCommand("actnb.interruptKernel"), "refused", name);
        assert.equal(kernels.peek(nb), undefined, `${name}: a kernel of ours was started`);
      }
    });

    it("the same hover and squiggle in an .ipynb once the Activation Kernel is its kernel, and Restart applies", async () => {
      const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.fsPath.endsWith("typescript.ipynb"))!;
      await selectActivationKernel(nb, "actnb-kernel-ipynb");
      const text = await hoverAt(nb.cellAt(1).document, "leaky_relu");
      assert.match(text, /leaky_relu: \(input: Tensor, negative_slope\?: number/, text);
      const [d] = await diagnosticsOf(nb.cellAt(1).document, true);
      assert.ok(d, "no squiggle on negtive_slope in the .ipynb");
      assert.equal(await vscode.commands.executeCommand("actnb.restartKernel"), "restarted");
      assert.ok(kernels.peek(nb), "the notebook has a kernel of ours");
    });
  });
});
