// The palette commands (category "Activation Notebooks") other than Plot activation.
import { saveFileAtomically } from "../../kernel/files/save";
import * as vscode from "vscode";
import { stringifyIpynb, toIpynb } from "../../kernel/format";
import { KernelManager } from "./kernels";
import { NOTEBOOK_TYPE, documentToNotebook } from "./serializer";
import { openGuide } from "./guide";

const STARTER = `import { torch, nn, F, plot } from "actnb";

const x = torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true });
const relu = new nn.ReLU();
relu(x)`;

function activeNotebook(): vscode.NotebookDocument | undefined {
  const nb = vscode.window.activeNotebookEditor?.notebook;
  if (!nb) void vscode.window.showInformationMessage("Open a notebook first.");
  return nb;
}

export function registerCommands(context: vscode.ExtensionContext, kernels: KernelManager): void {
  const reg = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg("actnb.restartKernel", async (arg?: { notebookEditor?: { notebookUri: vscode.Uri } }) => {
    const nb = arg?.notebookEditor ? vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === arg.notebookEditor!.notebookUri.toString()) : activeNotebook();
    if (!nb) return;
    await kernels.restart(nb);
    void vscode.window.showInformationMessage("Kernel restarted: every variable was cleared.");
  });

  reg("actnb.interruptKernel", async () => {
    const nb = activeNotebook();
    if (!nb) return;
    const outcome = await kernels.interrupt(nb);
    const text = { idle: "Nothing is running.", kept: "Interrupted: the cell stopped; the kernel and its variables are kept.", restarted: "The kernel did not respond, so it was restarted: its variables are lost." }[outcome];
    void vscode.window.showInformationMessage(text);
  });

  reg("actnb.exportIpynb", async () => {
    const nb = activeNotebook();
    if (!nb) return;
    const suggested = nb.uri.scheme === "file" ? vscode.Uri.file(nb.uri.fsPath.replace(/\.[^./\\]+$/, "") + ".ipynb") : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { "Jupyter notebook": ["ipynb"] }, title: "Export to .ipynb" });
    if (!target) return;
    try {
      saveFileAtomically(target.fsPath, stringifyIpynb(toIpynb(documentToNotebook(nb))));
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
      return;
    }
    void vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(target)} (kernel: tslab).`);
  });

  reg("actnb.newNotebook", async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, "# My activation experiments", "markdown"),
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, STARTER, "typescript"),
    ]);
    const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
    await vscode.window.showNotebookDocument(doc);
  });

  reg("actnb.openGuide", (folder?: vscode.Uri, pick?: string) => openGuide(context.extensionPath, folder, pick));
}
