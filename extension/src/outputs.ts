// Notebook outputs between three shapes: the kernel's live outputs, the .actnb file's outputs,
// and VS Code's NotebookCellOutput. JSON MIME types stay JSON objects everywhere.
import * as vscode from "vscode";
import type { CellOutput } from "../../kernel/executor/client";
import type { JsonValue, Output } from "../../kernel/format";
import { isJsonMime } from "../../kernel/format";
import { TENSOR_MIME } from "../../kernel/display/tensor_view_types";

const STDOUT = "application/vnd.code.notebook.stdout";
const STDERR = "application/vnd.code.notebook.stderr";
const ERROR = "application/vnd.code.notebook.error";

function items(bundle: Record<string, unknown>): vscode.NotebookCellOutputItem[] {
  // richest first: VS Code shows the first item it can render
  const order = Object.keys(bundle).sort((a, b) => Number(a === "text/plain") - Number(b === "text/plain"));
  return order.map((mime) => (isJsonMime(mime) ? vscode.NotebookCellOutputItem.json(bundle[mime], mime) : vscode.NotebookCellOutputItem.text(String(bundle[mime]), mime)));
}

/** A file output as VS Code shows it. */
export function toCellOutput(o: Output): vscode.NotebookCellOutput {
  const meta: Record<string, unknown> = { ...(o.metadata ?? {}) };
  if ("stream" in o) return new vscode.NotebookCellOutput([o.stream === "stderr" ? vscode.NotebookCellOutputItem.stderr(o.text) : vscode.NotebookCellOutputItem.stdout(o.text)], meta);
  if ("error" in o) {
    const err = { name: o.error.name, message: o.error.message, stack: o.error.stack ?? `${o.error.name}: ${o.error.message}` };
    return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(err)], { ...meta, ...(o.error.extra ? { actnbErrorExtra: o.error.extra } : {}) });
  }
  return new vscode.NotebookCellOutput(items(o.items), { ...meta, ...(o.result ? { actnbResult: true } : {}), ...(o.extra ? { actnbExtra: o.extra } : {}) });
}

const decoder = new TextDecoder();

/** VS Code's output back to the file's shape (when saving). */
export function fromCellOutput(out: vscode.NotebookCellOutput): Output {
  const meta = { ...(out.metadata ?? {}) } as Record<string, JsonValue>;
  const first = out.items[0];
  if (first && (first.mime === STDOUT || first.mime === STDERR)) {
    return { stream: first.mime === STDERR ? "stderr" : "stdout", text: out.items.map((i) => decoder.decode(i.data)).join("") };
  }
  if (first && first.mime === ERROR) {
    const e = JSON.parse(decoder.decode(first.data)) as { name: string; message: string; stack?: string };
    return { error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
  const bundle: Record<string, JsonValue> = {};
  for (const item of out.items) {
    // a tensor's heatmap view is the live kernel's (asked for by VS Code); files keep what
    // `actnb run` and Jupyter make, so that --check and diffs see the same outputs
    if (item.mime === TENSOR_MIME) continue;
    const text = decoder.decode(item.data);
    bundle[item.mime] = isJsonMime(item.mime) ? JSON.parse(text) : text;
  }
  const result = meta.actnbResult === true;
  const extra = meta.actnbExtra as Record<string, JsonValue> | undefined;
  delete meta.actnbResult;
  delete meta.actnbExtra;
  const o: Output = { items: bundle, ...(result ? { result: true } : {}), ...(Object.keys(meta).length ? { metadata: meta } : {}) };
  if (extra) (o as { extra?: unknown }).extra = extra;
  return o;
}

/** A live kernel output as VS Code shows it; display ids ride in the output metadata. */
export function kernelOutput(out: Exclude<CellOutput, { kind: "stream" }>): vscode.NotebookCellOutput {
  if (out.kind === "error") {
    return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name: out.error.ename, message: out.error.evalue, stack: out.error.traceback.join("\n") })]);
  }
  const meta = out.kind === "display" && out.display_id ? { display_id: out.display_id } : out.kind === "result" ? { actnbResult: true } : {};
  return new vscode.NotebookCellOutput(items(out.bundle), meta);
}

export function streamItem(name: "stdout" | "stderr", text: string): vscode.NotebookCellOutputItem {
  return name === "stderr" ? vscode.NotebookCellOutputItem.stderr(text) : vscode.NotebookCellOutputItem.stdout(text);
}

export { STDOUT, STDERR };
