// Language support in cells from the kernel's TypeScript view of the notebook: completions,
// hover types and type-error squiggles before running. The view is the cells above, top to
// bottom, so a cell can be checked before anything ran.
import * as vscode from "vscode";
import { KernelManager } from "./kernels";
import { NOTEBOOK_TYPE } from "./serializer";

const SELECTOR: vscode.DocumentSelector = [{ notebookType: NOTEBOOK_TYPE, language: "typescript" }];

function locate(doc: vscode.TextDocument): { nb: vscode.NotebookDocument; context: string[] } | undefined {
  for (const nb of vscode.workspace.notebookDocuments) {
    const cells = nb.getCells();
    const at = cells.findIndex((c) => c.document === doc);
    if (at < 0) continue;
    const context = cells.slice(0, at).filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === "typescript").map((c) => c.document.getText());
    return { nb, context };
  }
  return undefined;
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, kernels: KernelManager): void {
  const diagnostics = vscode.languages.createDiagnosticCollection("actnb");
  const usable = (nb: vscode.NotebookDocument) => vscode.workspace.isTrusted && nb.notebookType === NOTEBOOK_TYPE;

  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      async provideCompletionItems(doc, position) {
        const where = locate(doc);
        if (!where || !usable(where.nb)) return undefined;
        const offset = doc.offsetAt(position);
        const c = await kernels.get(where.nb).complete(doc.getText(), offset, where.context);
        const range = new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end));
        return c.candidates.map((name) => Object.assign(new vscode.CompletionItem(name, vscode.CompletionItemKind.Variable), { range }));
      },
    }, "."),
    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(doc, position) {
        const where = locate(doc);
        if (!where || !usable(where.nb)) return undefined;
        const text = await kernels.get(where.nb).inspect(doc.getText(), doc.offsetAt(position), where.context);
        if (!text) return undefined;
        const [signature, ...docs] = text.split("\n\n");
        const md = new vscode.MarkdownString().appendCodeblock(signature, "typescript");
        if (docs.length) md.appendMarkdown(`\n\n${docs.join("\n\n")}`);
        return new vscode.Hover(md);
      },
    }),
  );

  const timers = new Map<string, NodeJS.Timeout>();
  const check = (doc: vscode.TextDocument) => {
    const where = locate(doc);
    if (!where || !usable(where.nb) || doc.languageId !== "typescript") return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(async () => {
      try {
        const found = await kernels.get(where.nb).diagnose(doc.getText(), where.context);
        diagnostics.set(doc.uri, found.map((d) => {
          const range = new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
          return Object.assign(new vscode.Diagnostic(range, d.message, vscode.DiagnosticSeverity.Error), { source: "ts", code: d.code });
        }));
      } catch {
        // the kernel went away (restart, shutdown): the next edit checks again
      }
    }, 400));
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidOpenNotebookDocument((nb) => nb.getCells().forEach((c) => check(c.document))),
    vscode.workspace.onDidCloseNotebookDocument((nb) => nb.getCells().forEach((c) => diagnostics.delete(c.document.uri))),
  );
}
