// The in-memory shape of an .actnb notebook (format version 1). docs/actnb-format.md describes the
// file; these types mirror it. Fields the file holds but this version does not know are kept in
// `extra` (structural objects) or simply kept as keys (metadata objects), so nothing is lost.

/** The format version this code reads and writes (`"actnb": 1`). */
export const FORMAT_VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. `undefined` members are allowed in memory (optional keys) and never written. */
export interface JsonObject { [key: string]: JsonValue | undefined }

export interface Notebook {
  metadata: NotebookMetadata;
  cells: Cell[];
  /** Top-level fields this version does not know, in file order; written after the known ones. */
  extra?: JsonObject;
}

export interface NotebookMetadata {
  /** The notebook's title, shown by the editor and the guide. */
  title?: string;
  /** The kernel that last ran the notebook. */
  kernel?: KernelInfo;
  /** Conversion leftovers: .ipynb fields that have no .actnb equivalent (docs: "Conversion"). */
  ipynb?: JsonObject;
  [key: string]: JsonValue | undefined;
}

export interface KernelInfo {
  /** The kernel's name, e.g. "actnb". */
  name: string;
  /** The kernel's version, e.g. "0.1.0". */
  version?: string;
  [key: string]: JsonValue | undefined;
}

export type CellKind = "markdown" | "code";

interface CellBase {
  /** The cell's language: "markdown" for markdown cells, "typescript" for our code cells. */
  language: string;
  metadata: CellMetadata;
  /** The whole source, one string ("\n" between lines). */
  source: string;
  /** Cell fields this version does not know, in file order. */
  extra?: JsonObject;
}

export interface MarkdownCell extends CellBase { kind: "markdown" }

export interface CodeCell extends CellBase {
  kind: "code";
  /** How the outputs were made; absent for a cell that never ran. */
  execution?: Execution;
  outputs: Output[];
}

export type Cell = MarkdownCell | CodeCell;

export interface CellMetadata {
  /** A short title for the cell (outline, guide). */
  title?: string;
  /** The cell's outputs are shown folded (the same meaning as Jupyter's `collapsed`). */
  collapsed?: boolean;
  /** The outputs are measurements of time: `actnb run --check` compares their shape, not their numbers. */
  volatile?: boolean;
  /** Conversion leftovers: .ipynb cell fields with no .actnb equivalent (e.g. `id`, `attachments`). */
  ipynb?: JsonObject;
  [key: string]: JsonValue | undefined;
}

export interface Execution {
  /** The execution counter: the n-th cell run in the kernel's session (Jupyter's execution_count). */
  order: number;
  /** When the run started, ISO 8601 (e.g. "2025-01-31T12:00:00.000Z"). */
  started?: string;
  /** How long the run took, in milliseconds. */
  duration_ms?: number;
  /** false when the cell threw. */
  success?: boolean;
  extra?: JsonObject;
}

/** MIME type → data. JSON MIME types (application/json, …+json) hold any JSON value; all others a string. */
export interface MimeBundle { [mime: string]: JsonValue }

interface OutputBase {
  /** Output metadata (e.g. a renderer's options). Written only when present. */
  metadata?: OutputMetadata;
  /** Output fields this version does not know, in file order. */
  extra?: JsonObject;
}

export interface OutputMetadata {
  /** Conversion leftovers: .ipynb output fields with no .actnb equivalent. */
  ipynb?: JsonObject;
  [key: string]: JsonValue | undefined;
}

/** Rich data: one item per MIME type, the renderer picks the richest it can show. */
export interface DisplayOutput extends OutputBase {
  items: MimeBundle;
  /** true: the value of the cell's last expression (Jupyter's execute_result), not something it displayed. */
  result?: boolean;
}

export type StreamName = "stdout" | "stderr";

export interface StreamOutput extends OutputBase {
  stream: StreamName;
  text: string;
}

export interface ErrorInfo {
  /** The error's class name, e.g. "TypeError". */
  name: string;
  message: string;
  /** The stack trace as one string, lines joined by "\n". */
  stack?: string;
  extra?: JsonObject;
}

export interface ErrorOutput extends OutputBase {
  error: ErrorInfo;
}

export type Output = DisplayOutput | StreamOutput | ErrorOutput;

/** An empty notebook, e.g. for a zero-byte file the editor just created. */
export function newNotebook(title?: string): Notebook {
  return { metadata: title === undefined ? {} : { title }, cells: [] };
}
