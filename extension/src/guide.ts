// The guide's sample notebooks ship inside the extension (notebooks/*.actnb). Opening the guide
// copies them into a folder the user picks, so their edits are their own.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { parseNotebookBytes } from "../../kernel/format";

export interface GuideNotebook { file: string; title: string }

/** The guide's notebooks in order, each with the title its metadata gives. */
export function guideNotebooks(extensionPath: string): GuideNotebook[] {
  const dir = path.join(extensionPath, "notebooks");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".actnb")).sort().map((f) => {
    let title = f.replace(/\.actnb$/, "");
    try { title = parseNotebookBytes(fs.readFileSync(path.join(dir, f))).metadata.title ?? title; } catch { /* listed by file name */ }
    return { file: path.join(dir, f), title };
  });
}

/** Copies the guide into <folder>/activation-guide (keeping files already there) and opens one. */
export async function openGuide(extensionPath: string, folder?: vscode.Uri, pick?: string): Promise<vscode.Uri | undefined> {
  const notebooks = guideNotebooks(extensionPath);
  if (!notebooks.length) { void vscode.window.showErrorMessage("The activation guide's notebooks are missing from this installation."); return undefined; }
  const chosen = pick
    ? notebooks.find((n) => path.basename(n.file) === pick || n.title === pick)
    : (await vscode.window.showQuickPick(notebooks.map((n, i) => ({ label: `${i + 1}. ${n.title}`, description: path.basename(n.file), n })), { title: "Open Activation Guide", placeHolder: "Which part of the guide?" }))?.n;
  if (!chosen) return undefined;
  const target = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: "Copy the guide here", title: "Where should the guide's notebooks go? (They are copied, so your edits are yours.)", defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri }))?.[0];
  if (!target) return undefined;
  const dest = path.join(target.fsPath, "activation-guide");
  fs.mkdirSync(dest, { recursive: true });
  for (const n of notebooks) {
    const to = path.join(dest, path.basename(n.file));
    if (!fs.existsSync(to)) fs.copyFileSync(n.file, to);
  }
  const uri = vscode.Uri.file(path.join(dest, path.basename(chosen.file)));
  await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(uri));
  return uri;
}
