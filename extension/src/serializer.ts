// .actnb files as VS Code notebooks, through kernel/format. A file that fails to load is never
// opened, so it can never be saved over: VS Code shows our message instead.
import * as vscode from "vscode";
import { Cell, CodeCell, Notebook, parseNotebookBytes, serializeNotebook } from "../../kernel/format";
import { fromCellOutput, toCellOutput } from "./outputs";

export const NOTEBOOK_TYPE = "actnb-notebook";

/** Notebook-level fields VS Code does not model, kept so a save loses nothing. */
const NOTEBOOK_EXTRA = "actnb";

export class ActnbSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const nb = content.byteLength === 0 ? { metadata: {}, cells: [] } as Notebook : parseNotebookBytes(content);
    const data = new vscode.NotebookData(nb.cells.map(toCellData));
    data.metadata = { [NOTEBOOK_EXTRA]: { metadata: nb.metadata, ...(nb.extra ? { extra: nb.extra } : {}) } };
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const kept = (data.metadata?.[NOTEBOOK_EXTRA] ?? {}) as { metadata?: Notebook["metadata"]; extra?: Notebook["extra"] };
    const nb: Notebook = { metadata: kept.metadata ?? {}, cells: data.cells.map(fromCellData), ...(kept.extra ? { extra: kept.extra } : {}) };
    return new TextEncoder().encode(serializeNotebook(nb));
  }
}

function toCellData(cell: Cell): vscode.NotebookCellData {
  const kind = cell.kind === "code" ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;
  const data = new vscode.NotebookCellData(kind, cell.source, cell.language);
  data.metadata = { ...cell.metadata, ...(cell.extra ? { actnbExtra: cell.extra } : {}) };
  if (cell.kind === "code") {
    data.outputs = cell.outputs.map(toCellOutput);
    if (cell.execution) {
      data.executionSummary = {
        executionOrder: cell.execution.order,
        success: cell.execution.success,
        ...(cell.execution.started && cell.execution.duration_ms !== undefined
          ? { timing: { startTime: Date.parse(cell.execution.started), endTime: Date.parse(cell.execution.started) + cell.execution.duration_ms } }
          : {}),
      };
    }
  }
  return data;
}

function fromCellData(data: vscode.NotebookCellData): Cell {
  const metadata = { ...(data.metadata ?? {}) };
  const extra = metadata.actnbExtra;
  delete metadata.actnbExtra;
  const base = { language: data.languageId, metadata, source: data.value, ...(extra ? { extra } : {}) };
  if (data.kind !== vscode.NotebookCellKind.Code) return { kind: "markdown", ...base } as Cell;
  const cell: CodeCell = { kind: "code", ...base, outputs: (data.outputs ?? []).map(fromCellOutput) } as CodeCell;
  const summary = data.executionSummary;
  if (summary?.executionOrder !== undefined) {
    cell.execution = { order: summary.executionOrder };
    if (summary.timing) {
      cell.execution.started = new Date(summary.timing.startTime).toISOString();
      cell.execution.duration_ms = summary.timing.endTime - summary.timing.startTime;
    }
    if (summary.success !== undefined) cell.execution.success = summary.success;
  }
  return cell;
}

/** The open notebook as the file format holds it (for export, and for saving a copy). */
export function documentToNotebook(doc: vscode.NotebookDocument): Notebook {
  const data = new vscode.NotebookData(doc.getCells().map((c) => {
    const d = new vscode.NotebookCellData(c.kind, c.document.getText(), c.document.languageId);
    d.metadata = c.metadata;
    d.outputs = [...c.outputs];
    d.executionSummary = c.executionSummary;
    return d;
  }));
  data.metadata = doc.metadata;
  const kept = (data.metadata?.[NOTEBOOK_EXTRA] ?? {}) as { metadata?: Notebook["metadata"]; extra?: Notebook["extra"] };
  return { metadata: kept.metadata ?? {}, cells: data.cells.map(fromCellData), ...(kept.extra ? { extra: kept.extra } : {}) };
}
