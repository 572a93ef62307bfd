// Which notebooks run on the Activation Kernel. An .actnb notebook always does (no other kernel
// runs them); a Jupyter notebook (.ipynb) only while "Activation Kernel (TypeScript)" is its
// selected kernel. The language features and the Restart/Interrupt commands apply only to these,
// so that a notebook on a Python (or tslab) kernel gets neither our diagnostics nor a kernel of ours.
import * as vscode from "vscode";
import { NOTEBOOK_TYPE } from "./serializer";

export class KernelSelection implements vscode.Disposable {
  /** The Jupyter notebooks whose selected kernel is ours, by URI. */
  private readonly selectedIpynb = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.NotebookDocument>();
  /** A notebook came onto the Activation Kernel, or left it. */
  readonly onDidChange = this.changed.event;

  /** Follows a controller of ours: the notebooks that select it, and those that select another. */
  follow(controller: vscode.NotebookController): vscode.Disposable {
    return controller.onDidChangeSelectedNotebooks(({ notebook, selected }) => {
      if (notebook.notebookType === NOTEBOOK_TYPE) return;
      const key = notebook.uri.toString();
      if (selected) this.selectedIpynb.add(key);
      else this.selectedIpynb.delete(key);
      this.changed.fire(notebook);
    });
  }

  runsOnActivationKernel(nb: vscode.NotebookDocument): boolean {
    return nb.notebookType === NOTEBOOK_TYPE || this.selectedIpynb.has(nb.uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
