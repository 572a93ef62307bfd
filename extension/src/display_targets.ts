// Where each display_id is shown, across the cells of a notebook: a handle's update() from a later
// cell replaces the output in the cell that displayed it, as in Jupyter. VS Code finds the output
// an OutputItems edit names by its id anywhere in the notebook, so the running cell's execution
// can replace an earlier cell's output without starting an execution on that cell.
import * as vscode from "vscode";
import type { KernelClient } from "../../kernel/executor/client";

interface Target { cell: vscode.NotebookCell; output: vscode.NotebookCellOutput }

export class DisplayTargets {
  // per kernel: display ids count up within a kernel's life and start again after a restart
  private readonly byKernel = new WeakMap<KernelClient, Map<string, Target>>();

  private of(kernel: KernelClient): Map<string, Target> {
    let map = this.byKernel.get(kernel);
    if (!map) this.byKernel.set(kernel, (map = new Map()));
    return map;
  }

  remember(kernel: KernelClient, displayId: string, cell: vscode.NotebookCell, output: vscode.NotebookCellOutput): void {
    this.of(kernel).set(displayId, { cell, output });
  }

  /**
   * The output shown for `displayId`, if it is still there (its cell was not cleared or run again
   * since), in any cell but `except`. The running cell's own displays are its run's to track:
   * VS Code may not have reported a just-appended output in cell.outputs yet.
   */
  shown(kernel: KernelClient, displayId: string, except?: vscode.NotebookCell): vscode.NotebookCellOutput | undefined {
    const target = this.of(kernel).get(displayId);
    if (!target || target.cell === except || target.cell.index < 0) return undefined;
    // outputs carry their display_id in their metadata (outputs.ts); VS Code's cell.outputs are
    // fresh objects, so the output is looked for by that, and replaced by the one remembered
    return target.cell.outputs.some((o) => o.metadata?.display_id === displayId) ? target.output : undefined;
  }
}
