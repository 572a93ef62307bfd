// "Export to HTML": the open notebook, with its outputs as they are now, as one self-contained
// offline page beside it (kernel/export/html.ts, the same page `actnb export --to html` writes).
// The exporter carries Vega and Vega-Lite, so it is a bundle of its own (dist/export_html.js),
// loaded the first time the command runs rather than with the extension.
import * as path from "path";
import * as vscode from "vscode";
import { saveFileAtomically } from "../../kernel/files/save";
import type * as HtmlExport from "../../kernel/export/html";
import { documentToNotebook } from "./serializer";

let exporter: typeof HtmlExport | undefined;
function loadExporter(): typeof HtmlExport {
  exporter ??= require(path.join(__dirname, "export_html.js"));
  if (!exporter) throw new Error("the HTML exporter (dist/export_html.js) is missing from this build");
  return exporter;
}

/** Beside a saved notebook; a save dialog for one that has no file yet. */
async function targetFor(nb: vscode.NotebookDocument): Promise<vscode.Uri | undefined> {
  if (nb.uri.scheme !== "file") {
    return vscode.window.showSaveDialog({ filters: { "Web page": ["html"] }, title: "Export to HTML" });
  }
  const beside = vscode.Uri.file(nb.uri.fsPath.replace(/\.[^./\\]+$/, "") + ".html");
  try {
    await vscode.workspace.fs.stat(beside);
  } catch {
    return beside;
  }
  const replace = "Replace";
  const answer = await vscode.window.showWarningMessage(`${path.basename(beside.fsPath)} exists. Replace it?`, { modal: true }, replace);
  return answer === replace ? beside : undefined;
}

async function exportHtml(nb: vscode.NotebookDocument): Promise<void> {
  const target = await targetFor(nb);
  if (!target) return;
  const notebook = documentToNotebook(nb);
  const page = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Exporting to HTML…" }, () =>
    loadExporter().notebookHtml(notebook, path.basename(nb.uri.path)));
  saveFileAtomically(target.fsPath, page.html);
  const where = vscode.workspace.asRelativePath(target);
  if (page.problems.length) {
    void vscode.window.showWarningMessage(`Exported to ${where}, but: ${page.problems.join("; ")}`);
    return;
  }
  void vscode.window.showInformationMessage(`Exported to ${where}: one page that opens in any browser, offline.`);
}

export function registerExportHtml(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand("actnb.exportHtml", async () => {
    const nb = vscode.window.activeNotebookEditor?.notebook;
    if (!nb) {
      void vscode.window.showInformationMessage("Open a notebook first.");
      return;
    }
    try {
      await exportHtml(nb);
    } catch (e) {
      void vscode.window.showErrorMessage(`Export to HTML failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }));
}
