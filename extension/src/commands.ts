// The palette commands (category "Activation Notebooks") other than Plot activation.
import { saveFileAtomically } from "../../kernel/files/save";
import * as vscode from "vscode";
import { stringifyIpynb, toIpynb } from "../../kernel/format";
import { KernelManager } from "./kernels";
import { NOTEBOOK_TYPE, documentToNotebook } from "./serializer";
import { openGuide } from "./guide";
import type { KernelSelection } from "./selection";

const STARTER = `import { torch, nn, F, plot } from "actnb";

const x = torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true });
const relu = new nn.ReLU();
relu(x)`;

function activeNotebook(): vscode.NotebookDocument | undefined {
  const nb = vscode.window.activeNotebookEditor?.notebook;
  if (!nb) void vscode.window.showInformationMessage("Open a notebook first.");
  return nb;
}

/** What the notebook toolbar passes a command: the notebook it was clicked in. */
export type ToolbarArg = { notebookEditor?: { notebookUri: vscode.Uri } } | undefined;

export function notebookOf(arg: ToolbarArg): vscode.NotebookDocument | undefined {
  const uri = arg?.notebookEditor?.notebookUri;
  return uri ? vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === uri.toString()) : activeNotebook();
}

export function registerCommands(context: vscode.ExtensionContext, kernels: KernelManager, selection: KernelSelection): void {
  const reg = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  /**
   * The notebook a kernel command applies to, if it runs on the Activation Kernel. Another
   * notebook (an .ipynb on a Python kernel, say) is refused with a message: starting a kernel
   * of ours next to its own would help nobody.
   */
  const onActivationKernel = (arg: ToolbarArg, action: string): vscode.NotebookDocument | undefined => {
    const nb = notebookOf(arg);
    if (!nb || selection.runsOnActivationKernel(nb)) return nb;
    const name = nb.uri.path.split("/").pop();
    void vscode.window.showWarningMessage(`${action} applies only to notebooks on the Activation Kernel; "${name}" uses another kernel, which its own kernel commands manage. Select "Activation Kernel (TypeScript)" with the kernel picker to run it here.`);
    return undefined;
  };

  // each returns what it did, for the tests: "refused" when the notebook is not on the Activation Kernel
  reg("actnb.restartKernel", async (arg?: ToolbarArg) => {
    const nb = onActivationKernel(arg, "Restart Kernel");
    if (!nb) return "refused";
    await kernels.restart(nb);
    void vscode.window.showInformationMessage("Kernel restarted: every variable was cleared.");
    return "restarted";
  });

  reg("actnb.interruptKernel", async (arg?: ToolbarArg) => {
    const nb = onActivationKernel(arg, "Interrupt Kernel");
    if (!nb) return "refused";
    const outcome = await kernels.interrupt(nb);
    const text = { idle: "Nothing is running.", kept: "Interrupted: the cell stopped; the kernel and its variables are kept.", restarted: "The kernel did not respond, so it was restarted: its variables are lost." }[outcome];
    void vscode.window.showInformationMessage(text);
    return outcome;
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
