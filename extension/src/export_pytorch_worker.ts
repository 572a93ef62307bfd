// Export to PyTorch's translation, in a worker thread: it type-checks every cell with TypeScript
// (seconds, and some 200 MB) and must neither freeze the extension host nor keep that memory once
// done; the command starts one worker per export and it exits after answering. Bundled on its own
// (dist/export_pytorch_worker.js) beside the typings and TypeScript libraries the kernel uses.
import { parentPort, workerData } from "worker_threads";
import { exportPytorch, UntranslatableError } from "../../kernel/export/pytorch";
import type { Notebook } from "../../kernel/format";

export interface TranslationRequest {
  notebook: Notebook;
  options: { notebookDir: string; sourceName: string; script: boolean };
}

/** What the worker answers: the export, the construct that stopped it, or another failure. */
export type TranslationReply =
  | { kind: "done"; result: ReturnType<typeof exportPytorch> }
  | { kind: "untranslatable"; message: string; cell: number; line: number; column: number; construct: string; hint: string; cellTitle?: string }
  | { kind: "failed"; message: string };

function translate({ notebook, options }: TranslationRequest): TranslationReply {
  try {
    return { kind: "done", result: exportPytorch(notebook, options) };
  } catch (e) {
    if (e instanceof UntranslatableError) {
      const { message, cell, line, column, construct, hint, cellTitle } = e;
      return { kind: "untranslatable", message, cell, line, column, construct, hint, cellTitle };
    }
    return { kind: "failed", message: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort) parentPort.postMessage(translate(workerData as TranslationRequest));
