// Saving an open notebook is VS Code's write of the bytes our serializer returns, and VS Code
// writes in place: it truncates the file, then writes (microsoft/vscode#98063; no extension can
// make that write atomic for a file: URI). On a full disk that write stops part-way, and VS Code
// (1.100 under code-server) may even report the save as done: the file on disk is left cut short.
//
// So before each save the file on disk is copied into the extension's storage (a checkpoint, as
// Jupyter keeps one), and after the save the file is read back. When it no longer reads as a
// notebook, the notebook is written again, atomically (beside, then renamed); when even that
// fails, the editor's version is kept in the extension's storage ("rescued") and the checkpoint
// goes back in place, atomically. Either way the file on disk is a whole notebook again, nothing
// the user wrote is lost, and the user is told where everything is.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { parseNotebookBytes, serializeNotebook } from "../../kernel/format";
import { saveFileAtomically } from "../../kernel/files/save";
import { documentToNotebook, NOTEBOOK_TYPE } from "./serializer";

/** How long after a save starts a missing "saved" counts as a failed save. */
const SAVE_GRACE_MS = 4000;

/** What happened to a save that left the file damaged. */
export interface FailedSave {
  file: string;
  /** The notebook was written again, atomically: the save is complete after all. */
  rewritten: boolean;
  /** Else: the editor's version, kept here, and the file on disk is its previous version again. */
  rescued?: string;
  checkpoint?: string;
  reason?: string;
}

/**
 * Puts `bytes` (a previous version) back into `file`, which a failed save left damaged:
 * atomically when there is room for a temporary copy; on a disk the failed save filled, in place
 * (the damaged file's own blocks hold it), which cannot make a damaged file worse.
 */
function putBack(file: string, bytes: Buffer): void {
  try {
    saveFileAtomically(file, bytes);
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== "ENOSPC" && (e as { code?: string }).code !== "EDQUOT") throw e;
  }
  const fd = fs.openSync(file, "r+");
  try {
    if (fs.fstatSync(fd).size < bytes.length) throw new Error(`no space left to put back ${path.basename(file)}`);
    for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at, at);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class SaveGuard implements vscode.Disposable {
  private readonly pending = new Map<string, { checkpoint: string; timer: NodeJS.Timeout }>();
  private readonly disposables: vscode.Disposable[];
  /** Saves that left the file damaged, by file, and what was done (for the log and the tests). */
  readonly repaired = new Map<string, FailedSave>();

  constructor(private readonly storageDir: string, private readonly log: vscode.OutputChannel) {
    this.disposables = [
      vscode.workspace.onWillSaveNotebookDocument((e) => this.willSave(e.notebook)),
      vscode.workspace.onDidSaveNotebookDocument((nb) => this.afterSave(nb)),
    ];
  }

  private applies(nb: vscode.NotebookDocument): boolean {
    return nb.notebookType === NOTEBOOK_TYPE && nb.uri.scheme === "file";
  }

  /** Where the copy of `file` from before its save is kept. */
  checkpointOf(file: string): string {
    return this.keptCopy("checkpoints", file);
  }

  private keptCopy(kind: "checkpoints" | "rescued", file: string): string {
    const id = createHash("sha1").update(file).digest("hex").slice(0, 12);
    return path.join(this.storageDir, kind, `${id}-${path.basename(file)}`);
  }

  private willSave(nb: vscode.NotebookDocument): void {
    if (!this.applies(nb)) return;
    const file = nb.uri.fsPath;
    const checkpoint = this.checkpointOf(file);
    try {
      const bytes = fs.readFileSync(file);
      parseNotebookBytes(bytes); // only a good notebook is worth keeping
      fs.mkdirSync(path.dirname(checkpoint), { recursive: true });
      saveFileAtomically(checkpoint, bytes);
    } catch (e) {
      // a new file, a damaged one, or no room for the copy: nothing to keep
      this.log.appendLine(`[${path.basename(file)}] no checkpoint before saving: ${e instanceof Error ? e.message : String(e)}`);
    }
    clearTimeout(this.pending.get(file)?.timer);
    const timer = setTimeout(() => this.afterSave(nb), SAVE_GRACE_MS);
    this.pending.set(file, { checkpoint, timer });
  }

  /** VS Code reported the save done, or has not a while after it started: is the file whole? */
  private afterSave(nb: vscode.NotebookDocument): void {
    const file = nb.uri.fsPath;
    const entry = this.pending.get(file);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(file);
    let damage: string | null = null;
    try {
      parseNotebookBytes(fs.readFileSync(file));
    } catch (e) {
      damage = e instanceof Error ? e.message.split("\n")[0] : String(e);
    }
    if (damage === null) {
      // whole: saved, or VS Code failed before writing (and said why)
      fs.rmSync(entry.checkpoint, { force: true });
      return;
    }
    this.repair(nb, entry.checkpoint, damage);
  }

  private repair(nb: vscode.NotebookDocument, checkpoint: string, damage: string): void {
    const file = nb.uri.fsPath;
    const name = path.basename(file);
    this.log.appendLine(`[${name}] VS Code's save left the file unreadable (${damage})`);
    const text = serializeNotebook(documentToNotebook(nb));
    try {
      saveFileAtomically(file, text);
      this.repaired.set(file, { file, rewritten: true });
      fs.rmSync(checkpoint, { force: true });
      this.log.appendLine(`[${name}] written again, atomically: the save is complete`);
      return;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const rescued = this.keptCopy("rescued", file);
      try {
        fs.mkdirSync(path.dirname(rescued), { recursive: true });
        saveFileAtomically(rescued, text);
        if (fs.existsSync(checkpoint)) putBack(file, fs.readFileSync(checkpoint));
      } catch (e2) {
        const why = e2 instanceof Error ? e2.message : String(e2);
        this.log.appendLine(`[${name}] could not keep the editor's version or restore the previous one: ${why}`);
        void vscode.window.showErrorMessage(`Saving ${name} failed and left the file on disk incomplete, and it could not be repaired (${why}). Keep the notebook open and use Save As to save it elsewhere.`);
        return;
      }
      this.repaired.set(file, { file, rewritten: false, rescued, checkpoint, reason });
      this.log.appendLine(`[${name}] ${reason}; the editor's version is kept at ${rescued}; the file is back to its previous version`);
      const open = "Open the latest version";
      void vscode.window.showErrorMessage(
        `Saving ${name} failed (${reason.replace(/^cannot save [^:]+: /, "")}). VS Code had left the file incomplete, so it was put back to its previous version. ` +
        `Your latest version is kept at ${rescued}.`,
        open,
      ).then((pick) => pick === open && void vscode.commands.executeCommand("vscode.openWith", vscode.Uri.file(rescued), NOTEBOOK_TYPE));
    }
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
