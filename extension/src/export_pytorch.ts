// "Export to PyTorch notebook": the notebook as it is in the editor (unsaved edits included) as a
// Python notebook, or script, for real PyTorch (kernel/export/pytorch, the same translation as
// `actnb export --to pytorch`), written with its helper module actnb_pytorch.py beside it.
// Nothing runs: the cells are only type-checked and translated, so Restricted Mode allows it and
// no kernel is started. A cell that does not translate is reported, with a "Show" that puts the
// cursor on it, and nothing is written.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { saveFileAtomically } from "../../kernel/files/save";
import { notebookOf, type ToolbarArg } from "./commands";
import { translateInWorker, UntranslatableCell, type TranslationRequest } from "./export_pytorch_translate";
import { documentToNotebook } from "./serializer";

const TITLE = "Export to PyTorch notebook";
const FILTERS = { "Jupyter notebook": ["ipynb"], "Python script": ["py"] };

/** Where the notebook lives (the translation resolves the notebook's own packages from there) and its file name. */
function sourceOf(nb: vscode.NotebookDocument): { dir: string; name: string } {
  if (nb.uri.scheme === "file") return { dir: path.dirname(nb.uri.fsPath), name: path.basename(nb.uri.fsPath) };
  // an untitled notebook: the workspace's folder, as its kernel would use
  return { dir: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir(), name: path.basename(nb.uri.path) || "Untitled" };
}

/** A .py target is a script; .ipynb a notebook; anything else is refused rather than guessed. */
function isScript(target: vscode.Uri): boolean {
  const name = path.basename(target.fsPath);
  if (target.scheme !== "file") throw new Error(`${target.toString()}: it can only write to files on this machine`);
  if (/\.py$/i.test(name)) return true;
  if (/\.ipynb$/i.test(name)) return false;
  throw new Error(`${name}: it writes a Jupyter notebook (.ipynb) or a Python script (.py); choose one of those`);
}

/** A helper of the same name already there is replaced only if it is this one or the user says so. */
async function helperMayBeWritten(file: string, text: string): Promise<boolean> {
  let existing: string;
  try {
    existing = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw e;
  }
  if (existing === text) return true;
  const replace = "Replace";
  const answer = await vscode.window.showWarningMessage(
    `${path.basename(file)} exists beside the export and is not the one it needs. Replace it?`,
    { modal: true, detail: "The exported Python imports its plots and formatting from this module; with the other version it may not run. Cancel writes nothing." },
    replace,
  );
  return answer === replace;
}

/** Puts the cursor on the construct (the rest of its line selected) in the cell the export stopped at. */
async function revealInCell(nb: vscode.NotebookDocument, where: UntranslatableCell): Promise<void> {
  const index = where.cell - 1;
  if (index >= nb.cellCount) throw new Error(`the notebook no longer has a cell ${where.cell}`);
  const cells = new vscode.NotebookRange(index, index + 1);
  const editor = await vscode.window.showNotebookDocument(nb, { selections: [cells] });
  editor.revealRange(cells, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  const doc = nb.cellAt(index).document;
  const at = doc.validatePosition(new vscode.Position(where.line - 1, where.column - 1));
  const text = await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn });
  text.selection = new vscode.Selection(doc.lineAt(at.line).range.end, at);
  text.revealRange(text.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function reportUntranslatable(nb: vscode.NotebookDocument, where: UntranslatableCell): void {
  const show = "Show";
  void vscode.window.showErrorMessage(`${TITLE}: ${where.message}. Nothing was written.`, show).then(async (answer) => {
    if (answer !== show) return;
    try {
      await revealInCell(nb, where);
    } catch (e) {
      void vscode.window.showErrorMessage(`Cannot show the cell: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

function withProgress<T>(title: string, work: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work);
}

/** The files written, or undefined when the user cancelled. */
async function exportNotebook(nb: vscode.NotebookDocument, saveTo: vscode.Uri | undefined): Promise<string[] | undefined> {
  const notebook = documentToNotebook(nb); // the editor's version, as it is when the command starts
  const source = sourceOf(nb);
  const request = (script: boolean): TranslationRequest => ({ notebook, options: { notebookDir: source.dir, sourceName: source.name, script } });
  // translated before asking where to save, so that a cell it cannot take is said at once
  let exported = await withProgress("Translating to PyTorch…", () => translateInWorker(request(false)));
  const target = saveTo ?? (await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(source.dir, source.name.replace(/\.[^.]+$/, "") + ".pytorch.ipynb")),
    filters: FILTERS,
    title: TITLE,
    saveLabel: "Export",
  }));
  if (!target) return undefined;
  // a script is laid out differently (one file, cells as comments): translated again, as one
  if (isScript(target)) exported = await withProgress("Translating to a PyTorch script…", () => translateInWorker(request(true)));
  const helper = exported.helper && { file: path.join(path.dirname(target.fsPath), exported.helper.fileName), text: exported.helper.text };
  if (helper && !(await helperMayBeWritten(helper.file, helper.text))) return undefined;
  // the helper first: a notebook on disk is never left without the module it imports
  if (helper) saveFileAtomically(helper.file, helper.text);
  saveFileAtomically(target.fsPath, exported.text);
  const open = "Open";
  const also = helper ? ` and ${path.basename(helper.file)} beside it` : "";
  void vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(target)}${also}.`, open).then((answer) => {
    // the default editor: VS Code's notebook editor for .ipynb, a text editor for .py
    if (answer === open) void vscode.commands.executeCommand("vscode.open", target);
  });
  return helper ? [target.fsPath, helper.file] : [target.fsPath];
}

/** `saveTo` skips the save dialog (for the tests); the toolbar passes the notebook it was clicked in. */
export type ExportPytorchArg = ToolbarArg & { saveTo?: vscode.Uri };

export function registerExportPytorch(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand("actnb.exportPytorch", async (arg?: ExportPytorchArg) => {
    const nb = notebookOf(arg);
    if (!nb) return undefined;
    try {
      return await exportNotebook(nb, arg?.saveTo);
    } catch (e) {
      if (e instanceof UntranslatableCell) reportUntranslatable(nb, e);
      else void vscode.window.showErrorMessage(`${TITLE} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }));
}
