// Notebook → Jupyter notebook (nbformat 4.5). What .ipynb has no place for goes under the reserved
// metadata key "actnb" as a partial .actnb object; what an earlier import kept under .actnb's
// "ipynb" key comes back. fromIpynb(toIpynb(nb)) is nb.
import { JsonPath } from "./errors";
import {
  ACTNB_KEY, copyFields, crossMetadata, defaultCellLanguage, generatedCellId, IPYNB_FORMAT, IPYNB_KEY,
  IpynbCell, IpynbNotebook, IpynbOutput, ipynbLanguage, isEmpty, isObject, isSplitMime, restoreMetadata,
  splitLines, TSLAB_KERNELSPEC, TYPESCRIPT_LANGUAGE_INFO,
} from "./ipynb-common";
import { cloneJson, hasOwn, setOwn } from "./json-util";
import { isJsonMime } from "./mime";
import { Cell, CodeCell, JsonObject, MimeBundle, Notebook, Output } from "./types";

const NOTEBOOK_FIELDS = new Set(["nbformat", "nbformat_minor", "metadata", "cells"]);
const CELL_FIELDS = {
  code: new Set(["id", "cell_type", "metadata", "source", "outputs", "execution_count"]),
  other: new Set(["id", "cell_type", "metadata", "source"]),
};
const CELL_ID = /^[a-zA-Z0-9_-]{1,64}$/;

export function toIpynb(nb: Notebook): IpynbNotebook {
  const leftovers = isObject(nb.metadata.ipynb) ? nb.metadata.ipynb : undefined;
  const stash: JsonObject = {};
  const metadata = crossMetadata(nb.metadata, IPYNB_KEY, ACTNB_KEY, stash, ["metadata"]);
  restoreMetadata(metadata, leftovers, ["metadata", IPYNB_KEY]);
  if (!hasOwn(metadata, "kernelspec")) metadata.kernelspec = cloneJson(TSLAB_KERNELSPEC, []);
  if (!hasOwn(metadata, "language_info")) metadata.language_info = cloneJson(TYPESCRIPT_LANGUAGE_INFO, []);
  copyFields(stash, nb.extra, new Set(), ["extra"]);
  if (!isEmpty(stash)) setOwn(metadata, ACTNB_KEY, stash);

  const language = ipynbLanguage(metadata);
  const ids = cellIds(nb.cells);
  const out: IpynbNotebook = {
    nbformat: IPYNB_FORMAT.nbformat,
    nbformat_minor: IPYNB_FORMAT.nbformat_minor,
    metadata,
    cells: nb.cells.map((cell, i) => cellToIpynb(cell, ids[i], language, ["cells", i])),
  };
  copyFields(out, leftovers, NOTEBOOK_FIELDS, ["metadata", IPYNB_KEY]);
  return out;
}

/** Ids kept from an earlier import stay; other cells get cell-<n>, unique in the notebook. */
function cellIds(cells: Cell[]): string[] {
  const kept = cells.map((c) => {
    const id = isObject(c.metadata.ipynb) ? c.metadata.ipynb.id : undefined;
    return typeof id === "string" && CELL_ID.test(id) ? id : undefined;
  });
  const used = new Set(kept.filter((id) => id !== undefined));
  return kept.map((id, i) => {
    if (id !== undefined) return id;
    let candidate = generatedCellId(i);
    for (let n = 2; used.has(candidate); n++) candidate = `${generatedCellId(i)}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

function cellToIpynb(cell: Cell, id: string, notebookLanguage: string, path: JsonPath): IpynbCell {
  const leftovers = isObject(cell.metadata.ipynb) ? cell.metadata.ipynb : undefined;
  const stash: JsonObject = {};
  const metadata = crossMetadata(cell.metadata, IPYNB_KEY, ACTNB_KEY, stash, [...path, "metadata"]);
  restoreMetadata(metadata, leftovers, [...path, "metadata", IPYNB_KEY]);
  const cellType = cell.kind === "markdown" ? "markdown" : isRawCell(cell) ? "raw" : "code";
  if (cell.language !== defaultCellLanguage(cellType, metadata, notebookLanguage)) stash.language = cell.language;

  const out: IpynbCell = { id, cell_type: cellType, metadata, source: splitLines(cell.source) };
  if (cellType === "code" && cell.kind === "code") {
    const count = cell.execution?.order ?? null;
    out.execution_count = count;
    if (cell.execution) {
      const partial: JsonObject = {};
      for (const key of ["started", "duration_ms", "success"] as const) if (cell.execution[key] !== undefined) partial[key] = cell.execution[key];
      copyFields(partial, cell.execution.extra, new Set(["order"]), [...path, "execution"]);
      if (!isEmpty(partial)) stash.execution = partial;
    }
    const stashed: JsonObject = {};
    out.outputs = cell.outputs.map((o, j) => outputToIpynb(o, count, stashed, j, [...path, "outputs", j]));
    if (!isEmpty(stashed)) stash.outputs = stashed;
  }
  copyFields(stash, cell.extra, new Set(), [...path, "extra"]);
  if (!isEmpty(stash)) setOwn(metadata, ACTNB_KEY, stash);
  copyFields(out, leftovers, cellType === "code" ? CELL_FIELDS.code : CELL_FIELDS.other, [...path, "metadata", IPYNB_KEY]);
  return out;
}

/** A code cell in the language "raw" that never ran is Jupyter's raw cell. */
function isRawCell(cell: CodeCell): boolean {
  return cell.language === "raw" && cell.outputs.length === 0 && cell.execution === undefined;
}

const OUTPUT_FIELDS = {
  execute_result: new Set(["output_type", "data", "metadata", "execution_count"]),
  display_data: new Set(["output_type", "data", "metadata"]),
  stream: new Set(["output_type", "name", "text"]),
  error: new Set(["output_type", "ename", "evalue", "traceback"]),
};

/**
 * One output. Rich outputs keep .actnb-only fields in their own metadata (under "actnb"); stream and
 * error outputs have no metadata in .ipynb, so theirs go to the cell's stash, `stashed[j]`.
 */
function outputToIpynb(o: Output, count: number | null, stashed: JsonObject, j: number, path: JsonPath): IpynbOutput {
  const leftovers = o.metadata !== undefined && isObject(o.metadata.ipynb) ? o.metadata.ipynb : undefined;
  const partial: JsonObject = {};
  let out: IpynbOutput;
  if ("items" in o) {
    const metadata = crossMetadata(o.metadata ?? {}, IPYNB_KEY, ACTNB_KEY, partial, [...path, "metadata"]);
    restoreMetadata(metadata, leftovers, [...path, "metadata", IPYNB_KEY]);
    if (o.result === false) partial.result = false;
    copyFields(partial, o.extra, new Set(), [...path, "extra"]);
    if (!isEmpty(partial)) setOwn(metadata, ACTNB_KEY, partial);
    const data = itemsToData(o.items, [...path, "items"]);
    if (o.result === true) {
      const keptCount = leftovers?.execution_count;
      out = { output_type: "execute_result", execution_count: typeof keptCount === "number" || keptCount === null ? keptCount : count, data, metadata };
    } else {
      out = { output_type: "display_data", data, metadata };
    }
  } else {
    if ("stream" in o) {
      out = { output_type: "stream", name: o.stream, text: splitLines(o.text) };
    } else {
      const fromStack = o.error.stack === undefined ? [] : o.error.stack.split("\n");
      const kept = leftovers?.traceback;
      const keptOk = Array.isArray(kept) && kept.every((l) => typeof l === "string") && kept.join("\n") === fromStack.join("\n");
      out = { output_type: "error", ename: o.error.name, evalue: o.error.message, traceback: keptOk ? (cloneJson(kept, []) as string[]) : fromStack };
      const errorExtra: JsonObject = {};
      copyFields(errorExtra, o.error.extra, new Set(), [...path, "error", "extra"]);
      if (!isEmpty(errorExtra)) partial.error = errorExtra;
    }
    if (o.metadata !== undefined) {
      const metadata = crossMetadata(o.metadata, IPYNB_KEY, undefined, partial, [...path, "metadata"]);
      if (!isEmpty(metadata)) partial.metadata = metadata;
    }
    copyFields(partial, o.extra, new Set(), [...path, "extra"]);
    if (!isEmpty(partial)) setOwn(stashed, String(j), partial);
  }
  copyFields(out, leftovers, OUTPUT_FIELDS[out.output_type as keyof typeof OUTPUT_FIELDS], [...path, "metadata", IPYNB_KEY]);
  return out;
}

/** Text types as lists of lines (as Jupyter writes them); JSON types stay JSON; other strings stay whole. */
function itemsToData(items: MimeBundle, path: JsonPath): JsonObject {
  const data: JsonObject = {};
  for (const mime of Object.keys(items)) {
    const value = items[mime];
    setOwn(data, mime, !isJsonMime(mime) && typeof value === "string" && isSplitMime(mime) ? splitLines(value) : cloneJson(value, [...path, mime]));
  }
  return data;
}
