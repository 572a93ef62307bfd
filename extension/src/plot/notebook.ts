// Where "Insert as cell" goes: the active .actnb notebook, or the most recently active one while
// the plot panel has the focus (no notebook editor is active then). The cell goes after the
// selected cell (at the end when nothing is selected or the notebook is not shown).
import * as vscode from "vscode";

export const ACTNB_NOTEBOOK_TYPE = "actnb-notebook";

export type InsertResult = { ok: true; message: string } | { ok: false; message: string };

export class NotebookTracker implements vscode.Disposable {
  private last: vscode.NotebookDocument | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.remember(vscode.window.activeNotebookEditor);
    this.subscriptions.push(vscode.window.onDidChangeActiveNotebookEditor((e) => this.remember(e)));
  }

  /** A notebook the command was started from (the notebook toolbar passes its URI). */
  prefer(uri: vscode.Uri | undefined): void {
    if (!uri) return;
    const doc = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.notebookType === ACTNB_NOTEBOOK_TYPE) this.last = doc;
  }

  private remember(e: vscode.NotebookEditor | undefined): void {
    if (e?.notebook.notebookType === ACTNB_NOTEBOOK_TYPE) this.last = e.notebook;
  }

  /** The active .actnb notebook, else the last one that was active and is still open, else a visible one. */
  target(): vscode.NotebookDocument | undefined {
    const active = vscode.window.activeNotebookEditor?.notebook;
    if (active?.notebookType === ACTNB_NOTEBOOK_TYPE && !active.isClosed) return active;
    if (this.last && !this.last.isClosed) return this.last;
    return vscode.window.visibleNotebookEditors.map((e) => e.notebook).find((n) => n.notebookType === ACTNB_NOTEBOOK_TYPE && !n.isClosed);
  }

  /** Inserts a TypeScript code cell after the selected cell of the target notebook. */
  async insertCode(code: string): Promise<InsertResult> {
    const doc = this.target();
    if (!doc) {
      return { ok: false, message: "No .actnb notebook is open: open one (or create one with \"New Activation Notebook\"), then press Insert as cell again." };
    }
    const editor = vscode.window.visibleNotebookEditors.find((e) => e.notebook === doc)
      ?? (vscode.window.activeNotebookEditor?.notebook === doc ? vscode.window.activeNotebookEditor : undefined);
    const selection = editor?.selection;
    const index = selection && !selection.isEmpty ? Math.min(selection.end, doc.cellCount) : doc.cellCount;
    const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, code, "typescript");
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, [vscode.NotebookEdit.insertCells(index, [cell])]);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) return { ok: false, message: `The cell could not be inserted into ${vscode.workspace.asRelativePath(doc.uri)}.` };
    if (editor) {
      const range = new vscode.NotebookRange(index, index + 1);
      editor.selection = range;
      editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    }
    return { ok: true, message: `Inserted as cell ${index + 1} of ${vscode.workspace.asRelativePath(doc.uri)}.` };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
