// The notebook controller "Activation Kernel (TypeScript)": runs cells in the notebook's kernel,
// streams their outputs into VS Code, maps the stop button to an interrupt, and never runs
// anything in an untrusted (Restricted Mode) workspace.
import * as vscode from "vscode";
import type { CellOutput } from "../../kernel/executor/client";
import { KernelManager } from "./kernels";
import { kernelOutput, streamItem, STDERR, STDOUT } from "./outputs";
import { NOTEBOOK_TYPE } from "./serializer";

export const RESTRICTED_MESSAGE =
  "This workspace is in Restricted Mode, so Activation Notebooks does not run its cells. " +
  "Trust the folder (Manage Workspace Trust) to run them; saved outputs stay visible.";

export class ActnbController implements vscode.Disposable {
  private readonly controllers: vscode.NotebookController[] = [];
  /** Each notebook's cells run one after another, whichever run started them. */
  private readonly queues = new Map<string, Promise<void>>();
  private warnedRestricted = false;

  constructor(private readonly kernels: KernelManager) {
    for (const [id, type] of [["actnb-kernel", NOTEBOOK_TYPE], ["actnb-kernel-ipynb", "jupyter-notebook"]] as const) {
      const c = vscode.notebooks.createNotebookController(id, type, "Activation Kernel (TypeScript)");
      c.supportedLanguages = ["typescript"];
      c.supportsExecutionOrder = true;
      c.description = "TypeScript cells with the actnb engine (torch, nn, F)";
      c.executeHandler = (cells, notebook, ctrl) => this.enqueue(notebook, () => this.run(cells, notebook, ctrl));
      c.interruptHandler = async (notebook) => { await this.kernels.interrupt(notebook); };
      this.controllers.push(c);
    }
    for (const nb of vscode.workspace.notebookDocuments) this.prefer(nb);
  }

  /** Our kernel is the preferred one for .actnb notebooks. */
  prefer(nb: vscode.NotebookDocument): void {
    if (nb.notebookType === NOTEBOOK_TYPE) this.controllers[0].updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
  }

  private enqueue(nb: vscode.NotebookDocument, work: () => Promise<void>): Promise<void> {
    const key = nb.uri.toString();
    const next = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    this.queues.set(key, next);
    return next;
  }

  private async run(cells: vscode.NotebookCell[], nb: vscode.NotebookDocument, ctrl: vscode.NotebookController): Promise<void> {
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const ok = await this.runCell(cell, nb, ctrl);
      if (!ok) break; // like Jupyter's Run All: stop at the first failure
    }
  }

  private async runCell(cell: vscode.NotebookCell, nb: vscode.NotebookDocument, ctrl: vscode.NotebookController): Promise<boolean> {
    const exec = ctrl.createNotebookCellExecution(cell);
    exec.start(Date.now());
    await exec.clearOutput();
    if (!vscode.workspace.isTrusted) {
      await exec.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name: "Restricted Mode", message: RESTRICTED_MESSAGE })]));
      exec.end(false, Date.now());
      if (!this.warnedRestricted) {
        this.warnedRestricted = true;
        void vscode.window.showWarningMessage(RESTRICTED_MESSAGE, "Manage Workspace Trust").then((pick) => {
          if (pick) void vscode.commands.executeCommand("workbench.trust.manage");
        });
      }
      return false;
    }
    const kernel = this.kernels.get(nb);
    const cancel = exec.token.onCancellationRequested(() => void this.kernels.interrupt(nb));
    // outputs are applied strictly in arrival order
    let chain: Thenable<void> = Promise.resolve();
    let lastStream: { name: string; output: vscode.NotebookCellOutput } | null = null;
    const displays = new Map<string, vscode.NotebookCellOutput>();
    const apply = (out: CellOutput) => {
      chain = chain.then(async () => {
        if (out.kind === "stream") {
          const item = streamItem(out.name, out.text);
          if (lastStream && lastStream.name === out.name) await exec.appendOutputItems(item, lastStream.output);
          else {
            const output = new vscode.NotebookCellOutput([item]);
            lastStream = { name: out.name, output };
            await exec.appendOutput(output);
          }
          return;
        }
        lastStream = null;
        const shown = kernelOutput(out);
        if (out.kind === "display" && out.display_id && out.update) {
          const target = displays.get(out.display_id);
          if (target) { await exec.replaceOutputItems(shown.items, target); return; }
        }
        if (out.kind === "display" && out.display_id) displays.set(out.display_id, shown);
        await exec.appendOutput(shown);
      });
    };
    try {
      const reply = await kernel.execute(cell.document.getText(), apply);
      await chain;
      exec.executionOrder = reply.execution_count;
      exec.end(reply.success, Date.now());
      return reply.success;
    } catch (e) {
      await chain;
      const message = e instanceof Error ? e.message : String(e);
      await exec.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name: "Kernel died", message })]));
      exec.end(false, Date.now());
      void vscode.window.showErrorMessage(message);
      return false;
    } finally {
      cancel.dispose();
    }
  }

  dispose(): void {
    for (const c of this.controllers) c.dispose();
  }
}

export { STDOUT, STDERR };
