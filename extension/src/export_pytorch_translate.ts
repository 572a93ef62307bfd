// The host side of Export to PyTorch's worker (export_pytorch_worker.ts): one worker thread per
// translation, its answer turned back into a result or an error, and the thread ended after it.
import * as path from "path";
import { Worker } from "worker_threads";
import type { TranslationReply, TranslationRequest } from "./export_pytorch_worker";

export type { TranslationRequest };
export type PytorchExport = Extract<TranslationReply, { kind: "done" }>["result"];
type Untranslatable = Extract<TranslationReply, { kind: "untranslatable" }>;

/** A cell with a construct the translator does not take (kernel/export/pytorch's UntranslatableError, across the thread). */
export class UntranslatableCell extends Error {
  override name = "UntranslatableCell";
  /** 1-based among the notebook's cells (markdown cells count); line and column 1-based inside it. */
  readonly cell: number;
  readonly line: number;
  readonly column: number;
  readonly construct: string;
  readonly hint: string;
  constructor(reply: Untranslatable) {
    super(reply.message);
    ({ cell: this.cell, line: this.line, column: this.column, construct: this.construct, hint: this.hint } = reply);
  }
}

export function translateInWorker(request: TranslationRequest): Promise<PytorchExport> {
  return new Promise((resolve, reject) => {
    // the worker is bundled beside the extension (dist/), as its typings and libraries are
    const worker = new Worker(path.join(__dirname, "export_pytorch_worker.js"), { workerData: request });
    worker.once("message", (reply: TranslationReply) => {
      if (reply.kind === "done") resolve(reply.result);
      else if (reply.kind === "untranslatable") reject(new UntranslatableCell(reply));
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once("error", reject);
    // after an answer this settles nothing; before one, the thread died without saying why
    worker.once("exit", (code) => reject(new Error(`the translator stopped (exit code ${code}) before it answered`)));
  });
}
