// Notebook → .actnb text: known keys in a fixed order (keys.ts), unknown ones after them in their
// original order, 2-space indentation, a trailing newline. What it writes, parseNotebook reads back
// to the same notebook, and serializing that again gives the same text.
import { NotebookFormatError } from "./errors";
import { hasOwn, isPlainObject } from "./json-util";
import { KEY_SETS, KEYS } from "./keys";
import { Cell, ErrorInfo, Execution, FORMAT_VERSION, JsonObject, Notebook, Output } from "./types";
import { validateNotebook } from "./validate";
import { Ordered, writeJson } from "./write-json";

type Entries = [string, unknown][];

/** The notebook as .actnb text. Throws NotebookFormatError if it is not a valid notebook. */
export function serializeNotebook(nb: Notebook): string {
  let text: string;
  try {
    text = writeJson(notebookDoc(nb), { indent: "  " }) + "\n";
  } catch (e) {
    if (e instanceof TypeError) throw new NotebookFormatError("type", `cannot save the notebook: ${e.message}`);
    throw e;
  }
  // Whatever we write must read back: check it with the reader's own rules.
  try {
    validateNotebook(JSON.parse(text));
  } catch (e) {
    if (e instanceof NotebookFormatError) throw new NotebookFormatError(e.code, `cannot save the notebook: ${e.problem}`, e.pathSegments);
    throw e;
  }
  return text;
}

function notebookDoc(nb: Notebook): Ordered {
  return withExtra([
    ["actnb", FORMAT_VERSION],
    ["metadata", metadataDoc(nb.metadata, KEYS.notebookMetadata)],
    ["cells", nb.cells.map(cellDoc)],
  ], nb.extra, KEY_SETS.notebook, "the notebook");
}

function cellDoc(cell: Cell, index: number): Ordered {
  const entries: Entries = [
    ["kind", cell.kind],
    ["language", cell.language],
    ["metadata", metadataDoc(cell.metadata, KEYS.cellMetadata)],
    ["source", cell.source],
  ];
  if (cell.kind === "code") {
    entries.push(["execution", cell.execution && executionDoc(cell.execution, index)]);
    entries.push(["outputs", cell.outputs.map((o, j) => outputDoc(o, `cells[${index}].outputs[${j}]`))]);
  }
  return withExtra(entries, cell.extra, KEY_SETS.cell, `cells[${index}]`);
}

function executionDoc(e: Execution, index: number): Ordered {
  return withExtra([
    ["order", e.order],
    ["started", e.started],
    ["duration_ms", e.duration_ms],
    ["success", e.success],
  ], e.extra, KEY_SETS.execution, `cells[${index}].execution`);
}

function outputDoc(o: Output, where: string): Ordered {
  const metadata = o.metadata !== undefined && hasDefinedKeys(o.metadata) ? metadataDoc(o.metadata, KEYS.outputMetadata) : undefined;
  if ("items" in o) return withExtra([["items", o.items], ["result", o.result], ["metadata", metadata]], o.extra, KEY_SETS.display, where);
  if ("stream" in o) return withExtra([["stream", o.stream], ["text", o.text], ["metadata", metadata]], o.extra, KEY_SETS.stream, where);
  if ("error" in o) return withExtra([["error", errorDoc(o.error, where)], ["metadata", metadata]], o.extra, KEY_SETS.error, where);
  throw new NotebookFormatError("invalid", `cannot save the notebook: ${where} has none of "items", "stream" and "error"`);
}

function errorDoc(e: ErrorInfo, where: string): Ordered {
  return withExtra([["name", e.name], ["message", e.message], ["stack", e.stack]], e.extra, KEY_SETS.errorInfo, `${where}.error`);
}

/** Known keys first (in `known` order), then the others in their own order. */
function metadataDoc(m: Record<string, unknown> | undefined, known: readonly string[]): unknown {
  if (!isPlainObject(m)) return m; // not an object: the check in serializeNotebook reports it
  const entries: Entries = [];
  for (const key of known) {
    if (!hasOwn(m, key)) continue;
    entries.push([key, key === "kernel" && isPlainObject(m.kernel) ? metadataDoc(m.kernel, KEYS.kernel) : m[key]]);
  }
  const knownSet = new Set(known);
  for (const key of Object.keys(m)) if (!knownSet.has(key)) entries.push([key, m[key]]);
  return new Ordered(entries);
}

function withExtra(entries: Entries, extra: JsonObject | undefined, known: ReadonlySet<string>, where: string): Ordered {
  if (extra !== undefined) {
    for (const key of Object.keys(extra)) {
      if (known.has(key)) {
        throw new NotebookFormatError("invalid", `cannot save the notebook: ${where} has ${JSON.stringify(key)} in "extra", but that is a known field`);
      }
      entries.push([key, extra[key]]);
    }
  }
  return new Ordered(entries);
}

function hasDefinedKeys(o: object): boolean {
  return Object.values(o).some((v) => v !== undefined);
}
