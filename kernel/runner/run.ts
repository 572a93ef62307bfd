// Runs a whole notebook in a fresh kernel, in order, like `jupyter execute`: the engine behind
// `actnb run` (and the tests of the guide). Stops at the first failing cell. A cell also fails
// when something it scheduled (a timer, a promise nobody awaited) raises after it ended: the
// error is added to that cell's outputs and the run stops after the cell then running. At the
// end the run waits for timers cells left pending (up to settleMs), then cancels them.
import { CellOutput, KernelClient } from "../executor/client";
import type { CodeCell, Notebook, Output } from "../format";
import { appendOutput } from "./outputs";

export interface RunOptions {
  notebookDir: string;
  /** Called as each output arrives, with the cell's outputs so far. */
  onOutput?: (cellIndex: number, outputs: Output[], latest: CellOutput) => void;
  /** Called for what a cell's callbacks print, show or raise after the cell finished. */
  onLateOutput?: (cellIndex: number, outputs: Output[], latest: CellOutput) => void;
  /** Called when a code cell has finished (successfully or not). */
  onCellDone?: (cellIndex: number, cell: CodeCell) => void;
  /** Called before each code cell runs. */
  onCell?: (cellIndex: number, codeCellNumber: number, codeCellCount: number) => void;
  memoryLimitMb?: number;
  /** How long to wait at the end for cells' pending timers (default 10 s). */
  settleMs?: number;
}

export interface RunResult {
  notebook: Notebook;
  /** The index of the cell that failed, if one did. */
  failedCell?: number;
  /** Its error, as the kernel reported it. */
  failure?: string;
}

/** A late error's text for the run's summary. */
function lateFailure(out: CellOutput): string | undefined {
  return out.kind === "error" ? `${out.error.ename}: ${out.error.evalue} (raised after the cell had finished)` : undefined;
}

/** Executes every code cell of a copy of `nb` and returns the copy with fresh outputs. */
export async function runNotebook(nb: Notebook, options: RunOptions): Promise<RunResult> {
  const executed: Notebook = JSON.parse(JSON.stringify(nb));
  const kernel = new KernelClient({ notebookDir: options.notebookDir, memoryLimitMb: options.memoryLimitMb });
  const codeCells = executed.cells.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "code");
  // cells by execution count, for what arrives after they ended
  const byCount = new Map<number, { index: number; cell: CodeCell }>();
  let late: { index: number; failure: string } | null = null;
  const lateSink = (index: number, cell: CodeCell) => (out: CellOutput) => {
    appendOutput(cell.outputs, out);
    options.onLateOutput?.(index, cell.outputs, out);
    const failure = lateFailure(out);
    if (failure === undefined) return;
    if (cell.execution) cell.execution.success = false;
    late ??= { index, failure };
  };
  const failedLate = () => (late ? { notebook: executed, failedCell: late.index, failure: late.failure } : null);
  try {
    let n = 0;
    for (const [cell, index] of codeCells) {
      const code = cell as CodeCell;
      options.onCell?.(index, ++n, codeCells.length);
      code.outputs = [];
      const started = new Date().toISOString();
      let reply;
      try {
        reply = await kernel.execute(code.source, (out) => {
          appendOutput(code.outputs, out);
          options.onOutput?.(index, code.outputs, out);
        }, lateSink(index, code));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        code.outputs.push({ error: { name: "KernelDied", message } });
        options.onCellDone?.(index, code);
        return failedLate() ?? { notebook: executed, failedCell: index, failure: message };
      }
      byCount.set(reply.execution_count, { index, cell: code });
      code.execution = { order: reply.execution_count, started, duration_ms: reply.duration_ms, success: reply.success };
      options.onCellDone?.(index, code);
      if (!reply.success) {
        const err = code.outputs.find((o) => "error" in o);
        const failure = err && "error" in err ? `${err.error.name}: ${err.error.message}` : "the cell failed";
        return failedLate() ?? { notebook: executed, failedCell: index, failure };
      }
      const failed = failedLate();
      if (failed) return failed;
    }
    for (const left of await kernel.settle(options.settleMs ?? 10_000)) {
      const owner = byCount.get(left.cell);
      if (!owner) continue;
      const note: CellOutput = { kind: "stream", name: "stderr", text: `[the notebook ended with ${left.timers} timer${left.timers === 1 ? "" : "s"} of this cell still pending; actnb run cancelled ${left.timers === 1 ? "it" : "them"}]\n` };
      appendOutput(owner.cell.outputs, note);
      options.onLateOutput?.(owner.index, owner.cell.outputs, note);
    }
    const failed = failedLate();
    if (failed) return failed;
    executed.metadata.kernel = { name: "actnb", version: require("../../../kernel/package.json").version, language: "typescript" };
    return { notebook: executed };
  } finally {
    await kernel.shutdown();
  }
}
