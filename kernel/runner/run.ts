// Runs a whole notebook in a fresh kernel, in order, like `jupyter execute`: the engine behind
// `actnb run` (and the tests of the guide). Stops at the first failing cell.
import { CellOutput, KernelClient } from "../executor/client";
import type { CodeCell, Notebook, Output } from "../format";
import { appendOutput } from "./outputs";

export interface RunOptions {
  notebookDir: string;
  /** Called as each output arrives, with the cell's outputs so far. */
  onOutput?: (cellIndex: number, outputs: Output[], latest: CellOutput) => void;
  /** Called when a code cell has finished (successfully or not). */
  onCellDone?: (cellIndex: number, cell: CodeCell) => void;
  /** Called before each code cell runs. */
  onCell?: (cellIndex: number, codeCellNumber: number, codeCellCount: number) => void;
  memoryLimitMb?: number;
}

export interface RunResult {
  notebook: Notebook;
  /** The index of the cell that failed, if one did. */
  failedCell?: number;
  /** Its error, as the kernel reported it. */
  failure?: string;
}

/** Executes every code cell of a copy of `nb` and returns the copy with fresh outputs. */
export async function runNotebook(nb: Notebook, options: RunOptions): Promise<RunResult> {
  const executed: Notebook = JSON.parse(JSON.stringify(nb));
  const kernel = new KernelClient({ notebookDir: options.notebookDir, memoryLimitMb: options.memoryLimitMb });
  const codeCells = executed.cells.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "code");
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
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        code.outputs.push({ error: { name: "KernelDied", message } });
        options.onCellDone?.(index, code);
        return { notebook: executed, failedCell: index, failure: message };
      }
      code.execution = { order: reply.execution_count, started, duration_ms: reply.duration_ms, success: reply.success };
      options.onCellDone?.(index, code);
      if (!reply.success) {
        const err = code.outputs.find((o) => "error" in o);
        const failure = err && "error" in err ? `${err.error.name}: ${err.error.message}` : "the cell failed";
        return { notebook: executed, failedCell: index, failure };
      }
    }
    executed.metadata.kernel = { name: "actnb", version: require("../../../kernel/package.json").version, language: "typescript" };
    return { notebook: executed };
  } finally {
    await kernel.shutdown();
  }
}
