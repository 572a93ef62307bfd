// The notebook controller "Activation Kernel (TypeScript)": runs cells in the notebook's kernel,
// streams their outputs into VS Code, maps the stop button to an interrupt, and never runs
// anything in an untrusted (Restricted Mode) workspace.
import * as vscode from "vscode";
import type { CellOutput } from "../../kernel/executor/client";
import { KernelManager } from "./kernels";
import { DisplayTargets } from "./display_targets";
import { kernelOutput, streamItem, STDERR, STDOUT } from "./outputs";
import { NOTEBOOK_TYPE } from "./serializer";
import type { KernelSelection } from "./selection";

export const RESTRICTED_MESSAGE =
  "This workspace is in Restricted Mode, so Activation Notebooks does not run its cells. " +
  "Trust the folder (Manage Workspace Trust) to run them; saved outputs stay visible.";

export class ActnbController implements vscode.Disposable {
  private readonly controllers: vscode.NotebookController[] = [];
  /** Each notebook's cells run one after another, whichever run started them. */
  private readonly queues = new Map<string, Promise<void>>();
  private warnedRestricted = false;
  /** Each cell's latest run, so that a late output of an earlier run is not shown under a newer one. */
  private readonly latestRun = new WeakMap<vscode.NotebookCell, number>();
  private runs = 0;
  /** Late outputs are applied one at a time per notebook, each through a short execution. */
  private lateChain: Thenable<void> = Promise.resolve();
  /** Where each display_id is shown, for updates from later cells and callbacks. */
  private readonly displayTargets = new DisplayTargets();

  private readonly following: vscode.Disposable[] = [];

  constructor(private readonly kernels: KernelManager, selection: KernelSelection) {
    for (const [id, type] of [["actnb-kernel", NOTEBOOK_TYPE], ["actnb-kernel-ipynb", "jupyter-notebook"]] as const) {
      const c = vscode.notebooks.createNotebookController(id, type, "Activation Kernel (TypeScript)");
      c.supportedLanguages = ["typescript"];
      c.supportsExecutionOrder = true;
      c.description = "TypeScript cells with the actnb engine (torch, nn, F)";
      c.executeHandler = (cells, notebook, ctrl) => this.enqueue(notebook, () => this.run(cells, notebook, ctrl));
      c.interruptHandler = async (notebook) => { await this.kernels.interrupt(notebook); };
      this.controllers.push(c);
      this.following.push(selection.follow(c));
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
          // this run's own display, else one an earlier cell shows (replaced there, in place)
          const target = displays.get(out.display_id) ?? this.displayTargets.shown(kernel, out.display_id, cell);
          if (target) { await exec.replaceOutputItems(shown.items, target); return; }
        }
        if (out.kind === "display" && out.display_id) {
          displays.set(out.display_id, shown);
          this.displayTargets.remember(kernel, out.display_id, cell, shown);
        }
        await exec.appendOutput(shown);
      });
    };
    const run = ++this.runs;
    this.latestRun.set(cell, run);
    let finished: { order: number; success: boolean } | null = null;
    const late = (out: CellOutput) => {
      this.lateChain = this.lateChain.then(() => this.showLate(cell, ctrl, out, run, finished));
    };
    try {
      const reply = await kernel.execute(cell.document.getText(), apply, late);
      finished = { order: reply.execution_count, success: reply.success };
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

  /**
   * Shows what a cell's timers or promises printed or raised after the cell finished, under that
   * cell, as Jupyter does: a cell's outputs change only through an execution, so a short one
   * appends it (an error marks the cell failed). Dropped, with a line in the log, when the cell
   * has run again since or is running now.
   */
  private async showLate(cell: vscode.NotebookCell, ctrl: vscode.NotebookController, out: CellOutput, run: number, finished: { order: number; success: boolean } | null): Promise<void> {
    if (this.latestRun.get(cell) !== run || cell.index < 0) return this.kernels.logLate(cell.notebook, out, "the cell has run again since");
    let exec: vscode.NotebookCellExecution;
    try {
      exec = ctrl.createNotebookCellExecution(cell);
    } catch {
      return this.kernels.logLate(cell.notebook, out, "the cell is running or queued");
    }
    exec.executionOrder = finished?.order;
    exec.start(Date.now());
    const last = cell.outputs[cell.outputs.length - 1];
    const kernel = this.kernels.peek(cell.notebook);
    const target = out.kind === "display" && out.display_id && out.update && kernel ? this.displayTargets.shown(kernel, out.display_id) : undefined;
    if (out.kind === "display" && target) {
      await exec.replaceOutputItems(kernelOutput(out).items, target);
    } else if (out.kind === "stream" && last?.items.length && last.items.every((i) => i.mime === (out.name === "stderr" ? STDERR : STDOUT))) {
      await exec.appendOutputItems(streamItem(out.name, out.text), last);
    } else if (out.kind === "stream") {
      await exec.appendOutput(new vscode.NotebookCellOutput([streamItem(out.name, out.text)]));
    } else {
      const shown = kernelOutput(out);
      if (out.kind === "display" && out.display_id && kernel) this.displayTargets.remember(kernel, out.display_id, cell, shown);
      await exec.appendOutput(shown);
    }
    exec.end(out.kind === "error" ? false : finished?.success, Date.now());
  }

  dispose(): void {
    for (const d of [...this.following, ...this.controllers]) d.dispose();
  }
}

export { STDOUT, STDERR };
