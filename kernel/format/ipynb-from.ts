// Jupyter notebook (nbformat 4.x) → Notebook. Every field is checked (errors name the .ipynb JSON
// path); what .actnb has no place for is kept under the reserved metadata key "ipynb" as a partial
// .ipynb object, and what toIpynb kept under .ipynb's "actnb" key comes back.
import { Checker } from "./checks";
import { JsonPath, NotebookFormatError } from "./errors";
import {
  ACTNB_KEY, copyFields, crossMetadata, defaultCellLanguage, generatedCellId, IPYNB_KEY, ipynbLanguage,
  isEmpty, restoreMetadata, TSLAB_KERNELSPEC, TYPESCRIPT_LANGUAGE_INFO,
} from "./ipynb-common";
import { cloneJson, hasOwn, isPlainObject, jsonEqual, setOwn, typeName } from "./json-util";
import { KEY_SETS } from "./keys";
import { isJsonMime, isMimeType } from "./mime";
import { FORMAT_VERSION, JsonObject, Notebook } from "./types";
import { validateNotebook } from "./validate";

const check: Checker = new Checker("the .ipynb notebook");

const NOTEBOOK_FIELDS = new Set(["nbformat", "nbformat_minor", "metadata", "cells"]);
const CELL_FIELDS = {
  code: new Set(["id", "cell_type", "metadata", "source", "outputs", "execution_count"]),
  other: new Set(["id", "cell_type", "metadata", "source"]),
};
const OUTPUT_FIELDS: Record<string, ReadonlySet<string>> = {
  execute_result: new Set(["output_type", "data", "metadata", "execution_count"]),
  display_data: new Set(["output_type", "data", "metadata"]),
  stream: new Set(["output_type", "name", "text"]),
  error: new Set(["output_type", "ename", "evalue", "traceback"]),
};
/** Members of a partial .actnb object that are not plain extra fields. */
const STASH_SPECIAL = {
  notebook: new Set([...KEY_SETS.notebook]),
  cell: new Set([...KEY_SETS.cell]),
  output: new Set(["items", "result", "metadata", "stream", "text", "error"]),
};

/** Converts a parsed .ipynb document. Throws NotebookFormatError (with the .ipynb JSON path) when it is not one. */
export function fromIpynb(obj: unknown): Notebook {
  if (!isPlainObject(obj)) {
    return check.fail("not-a-notebook", [], `the file holds ${typeName(obj)}, not a Jupyter notebook (a JSON object with "nbformat": 4)`);
  }
  checkNbformat(obj);
  const ipynbMetadata = hasOwn(obj, "metadata") ? check.object(obj.metadata, ["metadata"]) as JsonObject : {};
  const leftovers: JsonObject = {};
  const metadata = crossMetadata(ipynbMetadata, ACTNB_KEY, IPYNB_KEY, leftovers, ["metadata"]);
  // What toIpynb writes by default is not worth keeping.
  if (jsonEqual(metadata.kernelspec, TSLAB_KERNELSPEC)) delete metadata.kernelspec;
  if (jsonEqual(metadata.language_info, TYPESCRIPT_LANGUAGE_INFO)) delete metadata.language_info;
  const stash = partial(ipynbMetadata, ["metadata"]);
  restoreMetadata(metadata, stash, ["metadata", ACTNB_KEY, "metadata"]);

  const language = ipynbLanguage(ipynbMetadata);
  const cells = check.array(check.required(obj, "cells", [], "the list of cells"), ["cells"])
    .map((c, i) => cellFromIpynb(c, i, language, ["cells", i]));
  copyFields(leftovers, obj as JsonObject, NOTEBOOK_FIELDS, []);
  if (!isEmpty(leftovers)) setOwn(metadata, IPYNB_KEY, leftovers);

  const doc: JsonObject = { actnb: FORMAT_VERSION, metadata, cells };
  copyFields(doc, stash, STASH_SPECIAL.notebook, ["metadata", ACTNB_KEY]);
  try {
    return validateNotebook(doc);
  } catch (e) {
    if (!(e instanceof NotebookFormatError)) throw e;
    throw new NotebookFormatError(e.code, `the notebook converted from .ipynb is not valid: ${e.problem}`, e.pathSegments);
  }
}

function checkNbformat(obj: Record<string, unknown>): void {
  if (!hasOwn(obj, "nbformat")) {
    if (hasOwn(obj, "actnb")) check.fail("not-a-notebook", [], `this is an .actnb notebook (it has "actnb"), not a Jupyter notebook`);
    check.fail("missing", [], `the .ipynb notebook has no "nbformat" (a Jupyter notebook starts { "nbformat": 4, … })`);
  }
  const major = obj.nbformat;
  if (typeof major !== "number" || !Number.isInteger(major)) check.wrongType(major, ["nbformat"], "a whole number (4)");
  if (major > 4) {
    check.fail("newer-version", ["nbformat"], `This .ipynb notebook uses nbformat ${major}, which is newer than this version reads (nbformat 4)`);
  }
  if (major < 4) {
    check.fail("bad-version", ["nbformat"], `This .ipynb notebook uses the old nbformat ${major}; this version reads nbformat 4 (open and save it in a current Jupyter to upgrade it)`);
  }
  if (hasOwn(obj, "nbformat_minor")) {
    const minor = obj.nbformat_minor;
    if (typeof minor !== "number" || !Number.isInteger(minor) || minor < 0) check.wrongType(minor, ["nbformat_minor"], "a whole number, 0 or more");
  }
}

function cellFromIpynb(v: unknown, index: number, notebookLanguage: string, path: JsonPath): JsonObject {
  const c = check.object(v, path, "an object (a cell)");
  const cellType = check.string(check.required(c, "cell_type", path, `"code", "markdown" or "raw"`), [...path, "cell_type"]);
  if (cellType !== "code" && cellType !== "markdown" && cellType !== "raw") {
    check.fail("unknown-kind", [...path, "cell_type"], `${check.subject(path)} has the cell_type ${JSON.stringify(cellType)}, which this version does not know; a Jupyter cell is "code", "markdown" or "raw"`);
  }
  const ipynbMetadata = hasOwn(c, "metadata") ? check.object(c.metadata, [...path, "metadata"]) as JsonObject : {};
  const source = multiline(check.required(c, "source", path, "the cell's text"), [...path, "source"]);
  const leftovers: JsonObject = {};
  const metadata = crossMetadata(ipynbMetadata, ACTNB_KEY, IPYNB_KEY, leftovers, [...path, "metadata"]);
  const stashPath = [...path, "metadata", ACTNB_KEY];
  const stash = partial(ipynbMetadata, [...path, "metadata"]);
  restoreMetadata(metadata, stash, [...stashPath, "metadata"]);
  const language = stash !== undefined && hasOwn(stash, "language")
    ? check.string(stash.language, [...stashPath, "language"])
    : defaultCellLanguage(cellType, ipynbMetadata, notebookLanguage);
  if (hasOwn(c, "id")) {
    const id = check.string(c.id, [...path, "id"]);
    if (id !== generatedCellId(index)) leftovers.id = id;
  }

  const doc: JsonObject = { kind: cellType === "markdown" ? "markdown" : "code", language, metadata, source };
  if (cellType === "code") {
    const count = hasOwn(c, "execution_count") ? executionCount(c.execution_count, [...path, "execution_count"]) : null;
    const stashed = stash !== undefined && hasOwn(stash, "outputs") ? check.object(stash.outputs, [...stashPath, "outputs"]) as JsonObject : undefined;
    const outputs = hasOwn(c, "outputs") ? check.array(c.outputs, [...path, "outputs"]) : [];
    doc.outputs = outputs.map((o, j) => outputFromIpynb(o, count, stashed?.[String(j)], [...path, "outputs", j], [...stashPath, "outputs", String(j)]));
    if (count !== null) {
      const execution: JsonObject = { order: count };
      if (stash !== undefined && hasOwn(stash, "execution")) {
        copyFields(execution, check.object(stash.execution, [...stashPath, "execution"]) as JsonObject, new Set(["order"]), [...stashPath, "execution"]);
      }
      doc.execution = execution;
    }
  } else if (cellType === "raw") {
    doc.outputs = [];
  }
  copyFields(leftovers, c as JsonObject, cellType === "code" ? CELL_FIELDS.code : CELL_FIELDS.other, path);
  if (!isEmpty(leftovers)) setOwn(metadata, IPYNB_KEY, leftovers);
  copyFields(doc, stash, STASH_SPECIAL.cell, stashPath);
  return doc;
}

function outputFromIpynb(v: unknown, cellCount: number | null, stashed: unknown, path: JsonPath, stashPath: JsonPath): JsonObject {
  const o = check.object(v, path, "an object (an output)");
  const type = check.string(check.required(o, "output_type", path, `"execute_result", "display_data", "stream" or "error"`), [...path, "output_type"]);
  const known = OUTPUT_FIELDS[type];
  if (known === undefined) {
    check.fail("unknown-kind", [...path, "output_type"], `${check.subject(path)} has the output_type ${JSON.stringify(type)}, which this version does not know; Jupyter outputs are "execute_result", "display_data", "stream" and "error"`);
  }
  const leftovers: JsonObject = {};
  let out: JsonObject;
  let stash: JsonObject | undefined;
  let metadata: JsonObject;
  if (type === "execute_result" || type === "display_data") {
    const ipynbMetadata = hasOwn(o, "metadata") ? check.object(o.metadata, [...path, "metadata"]) as JsonObject : {};
    metadata = crossMetadata(ipynbMetadata, ACTNB_KEY, IPYNB_KEY, leftovers, [...path, "metadata"]);
    stash = partial(ipynbMetadata, [...path, "metadata"]);
    out = { items: dataToItems(check.required(o, "data", path, "the MIME bundle"), [...path, "data"]) };
    if (type === "execute_result") {
      out.result = true;
      if (hasOwn(o, "execution_count")) {
        const count = executionCount(o.execution_count, [...path, "execution_count"]);
        if (count !== cellCount) leftovers.execution_count = count;
      }
    } else if (stash?.result === false) {
      out.result = false;
    }
  } else {
    metadata = {};
    stash = stashed === undefined ? undefined : check.object(stashed, stashPath) as JsonObject;
    if (type === "stream") {
      const name = check.string(check.required(o, "name", path, `"stdout" or "stderr"`), [...path, "name"]);
      if (name !== "stdout" && name !== "stderr") {
        check.fail("invalid", [...path, "name"], `${check.subject([...path, "name"])} is ${JSON.stringify(name)}; this version knows the streams "stdout" and "stderr"`);
      }
      out = { stream: name, text: multiline(check.required(o, "text", path, "the stream's text"), [...path, "text"]) };
    } else {
      out = { error: errorFromIpynb(o, path, leftovers, stash, stashPath) };
    }
  }
  restoreMetadata(metadata, stash, [...stashPath, "metadata"]);
  copyFields(leftovers, o as JsonObject, known, path);
  if (!isEmpty(leftovers)) setOwn(metadata, IPYNB_KEY, leftovers);
  if (!isEmpty(metadata)) out.metadata = metadata;
  copyFields(out, stash, STASH_SPECIAL.output, stashPath);
  return out;
}

function errorFromIpynb(o: Record<string, unknown>, path: JsonPath, leftovers: JsonObject, stash: JsonObject | undefined, stashPath: JsonPath): JsonObject {
  const name = check.string(check.required(o, "ename", path, `the error's name, e.g. "TypeError"`), [...path, "ename"]);
  const message = check.string(check.required(o, "evalue", path, "the error's message"), [...path, "evalue"]);
  const traceback = hasOwn(o, "traceback")
    ? check.array(o.traceback, [...path, "traceback"], "a list of strings").map((line, k) => check.string(line, [...path, "traceback", k]))
    : [];
  const error: JsonObject = { name, message };
  if (traceback.length > 0) {
    const stack = traceback.join("\n");
    error.stack = stack;
    if (!jsonEqual(stack.split("\n"), traceback)) leftovers.traceback = traceback.slice();
  }
  if (stash !== undefined && hasOwn(stash, "error")) {
    copyFields(error, check.object(stash.error, [...stashPath, "error"]) as JsonObject, KEY_SETS.errorInfo, [...stashPath, "error"]);
  }
  return error;
}

function dataToItems(v: unknown, path: JsonPath): JsonObject {
  const data = check.object(v, path, `an object of MIME type → data`);
  const items: JsonObject = {};
  for (const mime of Object.keys(data)) {
    if (!isMimeType(mime)) {
      check.fail("invalid", [...path, mime], `${check.subject(path)} has the key ${JSON.stringify(mime)}, which is not a MIME type (type/subtype, e.g. "text/plain")`);
    }
    setOwn(items, mime, isJsonMime(mime) ? cloneJson(data[mime], [...path, mime]) : multiline(data[mime], [...path, mime]));
  }
  return items;
}

/** A string, or a list of strings joined with "" (how Jupyter writes multi-line text). */
function multiline(v: unknown, path: JsonPath): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((line) => typeof line === "string")) return v.join("");
  return check.wrongType(v, path, "a string or a list of strings");
}

function executionCount(v: unknown, path: JsonPath): number | null {
  if (v === null || (typeof v === "number" && Number.isInteger(v) && v >= 0)) return v;
  return check.wrongType(v, path, "a whole number, 0 or more, or null");
}

/** The partial .actnb object toIpynb kept under metadata.actnb, if any. */
function partial(ipynbMetadata: JsonObject, metadataPath: JsonPath): JsonObject | undefined {
  if (!hasOwn(ipynbMetadata, ACTNB_KEY)) return undefined;
  const stash = check.object(ipynbMetadata[ACTNB_KEY], [...metadataPath, ACTNB_KEY]) as JsonObject;
  if (hasOwn(stash, "metadata")) check.object(stash.metadata, [...metadataPath, ACTNB_KEY, "metadata"]);
  return stash;
}
