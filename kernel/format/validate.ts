// A parsed JSON value → a Notebook, checking every field docs/actnb-format.md defines. Unknown
// fields are kept (in `extra`, or as metadata keys); every problem is a NotebookFormatError naming
// its JSON path.
import { Checker } from "./checks";
import { JsonPath } from "./errors";
import { collectExtra, hasOwn, isPlainObject, typeName } from "./json-util";
import { DEFAULT_LANGUAGE, KEY_SETS } from "./keys";
import { isJsonMime, isMimeType } from "./mime";
import {
  Cell, CellMetadata, CodeCell, Execution, ErrorInfo, FORMAT_VERSION, KernelInfo, MimeBundle,
  Notebook, NotebookMetadata, Output, OutputMetadata,
} from "./types";

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const check: Checker = new Checker("the notebook");

export function validateNotebook(doc: unknown): Notebook {
  if (!isPlainObject(doc)) {
    return check.fail("not-a-notebook", [], `the file holds ${typeName(doc)}, not a notebook (a JSON object that starts { "actnb": ${FORMAT_VERSION}, … })`);
  }
  checkVersion(doc);
  const metadata = notebookMetadata(check.optional(doc, "metadata"), ["metadata"]);
  const cells = check.array(check.required(doc, "cells", [], "the list of cells"), ["cells"]).map((c, i) => cell(c, ["cells", i]));
  const nb: Notebook = { metadata, cells };
  const extra = collectExtra(doc, KEY_SETS.notebook);
  if (extra) nb.extra = extra;
  return nb;
}

function checkVersion(doc: Record<string, unknown>): void {
  if (!hasOwn(doc, "actnb")) {
    if (hasOwn(doc, "nbformat")) {
      check.fail("not-a-notebook", [], `this is a Jupyter notebook (.ipynb: it has "nbformat"), not an .actnb notebook; import it as .ipynb instead`);
    }
    check.fail("missing", [], `the notebook has no "actnb" format version; an .actnb notebook starts { "actnb": ${FORMAT_VERSION}, … }`);
  }
  const version = doc.actnb;
  if (version === FORMAT_VERSION) return;
  if (typeof version === "number" && Number.isInteger(version) && version > FORMAT_VERSION) {
    check.fail("newer-version", ["actnb"], `This notebook was written by a newer version of Activation Notebooks (format ${version}; this version reads ${FORMAT_VERSION})`);
  }
  check.fail("bad-version", ["actnb"], `"actnb" must be the format version, ${FORMAT_VERSION}, not ${JSON.stringify(version) ?? typeName(version)}`);
}

function notebookMetadata(v: unknown, path: JsonPath): NotebookMetadata {
  if (v === undefined) return {};
  const m = check.object(v, path) as NotebookMetadata;
  if (hasOwn(m, "title")) check.string(m.title, [...path, "title"]);
  if (hasOwn(m, "kernel")) kernel(m.kernel, [...path, "kernel"]);
  if (hasOwn(m, "ipynb")) check.object(m.ipynb, [...path, "ipynb"]);
  return m;
}

function kernel(v: unknown, path: JsonPath): KernelInfo {
  const k = check.object(v, path, `an object ({ "name": …, "version": … })`);
  check.string(check.required(k, "name", path, "the kernel's name"), [...path, "name"]);
  if (hasOwn(k, "version")) check.string(k.version, [...path, "version"]);
  return k as KernelInfo;
}

function cell(v: unknown, path: JsonPath): Cell {
  const c = check.object(v, path, "an object (a cell)");
  const kind = check.string(check.required(c, "kind", path, `every cell needs "kind": "markdown" or "code"`), [...path, "kind"]);
  if (kind !== "markdown" && kind !== "code") {
    check.fail("unknown-kind", [...path, "kind"], `${check.subject(path)} has the kind ${JSON.stringify(kind)}, which this version does not know; a cell's kind is "markdown" or "code"`);
  }
  const language = hasOwn(c, "language") ? check.string(c.language, [...path, "language"]) : DEFAULT_LANGUAGE[kind];
  const metadata = cellMetadata(check.optional(c, "metadata"), [...path, "metadata"]);
  const sourceValue = check.required(c, "source", path, "the cell's text, one string");
  const source = check.string(sourceValue, [...path, "source"], Array.isArray(sourceValue) ? "one string (not a list of lines as in .ipynb)" : "a string");
  const extra = collectExtra(c, KEY_SETS.cell);
  if (kind === "markdown") {
    for (const key of ["outputs", "execution"]) {
      if (hasOwn(c, key)) check.fail("invalid", [...path, key], `${check.subject(path)} is a markdown cell but has ${JSON.stringify(key)}; only code cells have outputs and an execution`);
    }
    return extra ? { kind, language, metadata, source, extra } : { kind, language, metadata, source };
  }
  const outputs = hasOwn(c, "outputs") ? check.array(c.outputs, [...path, "outputs"]).map((o, i) => output(o, [...path, "outputs", i])) : [];
  const result: CodeCell = { kind, language, metadata, source, outputs };
  if (hasOwn(c, "execution")) result.execution = execution(c.execution, [...path, "execution"]);
  if (extra) result.extra = extra;
  return result;
}

function cellMetadata(v: unknown, path: JsonPath): CellMetadata {
  if (v === undefined) return {};
  const m = check.object(v, path) as CellMetadata;
  if (hasOwn(m, "title")) check.string(m.title, [...path, "title"]);
  if (hasOwn(m, "collapsed")) check.boolean(m.collapsed, [...path, "collapsed"]);
  if (hasOwn(m, "volatile")) check.boolean(m.volatile, [...path, "volatile"]);
  if (hasOwn(m, "ipynb")) check.object(m.ipynb, [...path, "ipynb"]);
  return m;
}

function execution(v: unknown, path: JsonPath): Execution {
  const e = check.object(v, path, `an object ({ "order": …, "started": …, "duration_ms": …, "success": … })`);
  const order = check.required(e, "order", path, "the execution counter");
  if (typeof order !== "number" || !Number.isInteger(order) || order < 0) check.wrongType(order, [...path, "order"], "a whole number, 0 or more");
  const result: Execution = { order };
  if (hasOwn(e, "started")) {
    const started = check.string(e.started, [...path, "started"], "an ISO 8601 time");
    if (!ISO_8601.test(started) || Number.isNaN(Date.parse(started))) {
      check.fail("invalid", [...path, "started"], `${check.subject([...path, "started"])} must be an ISO 8601 time such as "2025-01-31T12:00:00.000Z", not ${JSON.stringify(started)}`);
    }
    result.started = started;
  }
  if (hasOwn(e, "duration_ms")) {
    const d = e.duration_ms;
    if (typeof d !== "number" || d < 0) check.wrongType(d, [...path, "duration_ms"], "a number of milliseconds, 0 or more");
    result.duration_ms = d;
  }
  if (hasOwn(e, "success")) result.success = check.boolean(e.success, [...path, "success"]);
  const extra = collectExtra(e, KEY_SETS.execution);
  if (extra) result.extra = extra;
  return result;
}

const SHAPES = ["items", "stream", "error"] as const;

function output(v: unknown, path: JsonPath): Output {
  const o = check.object(v, path, "an object (an output)");
  const shapes = SHAPES.filter((k) => hasOwn(o, k));
  if (shapes.length === 0) {
    check.fail("invalid", path, `${check.subject(path)} is not an output: an output has "items" (rich data), "stream" (stdout or stderr text) or "error"`);
  }
  if (shapes.length > 1) {
    check.fail("invalid", path, `${check.subject(path)} has both ${JSON.stringify(shapes[0])} and ${JSON.stringify(shapes[1])}; an output is exactly one of rich data ("items"), a stream or an error`);
  }
  const metadata = hasOwn(o, "metadata") ? outputMetadata(o.metadata, [...path, "metadata"]) : undefined;
  let out: Output;
  if (shapes[0] === "items") {
    out = { items: items(o.items, [...path, "items"]) };
    if (hasOwn(o, "result")) out.result = check.boolean(o.result, [...path, "result"]);
  } else if (shapes[0] === "stream") {
    const stream = check.string(o.stream, [...path, "stream"], `"stdout" or "stderr"`);
    if (stream !== "stdout" && stream !== "stderr") {
      check.fail("invalid", [...path, "stream"], `${check.subject([...path, "stream"])} must be "stdout" or "stderr", not ${JSON.stringify(stream)}`);
    }
    const text = check.string(check.required(o, "text", path, "the text written to the stream"), [...path, "text"], "one string");
    out = { stream, text };
  } else {
    out = { error: errorInfo(o.error, [...path, "error"]) };
  }
  if (metadata !== undefined) out.metadata = metadata;
  const known = "items" in out ? KEY_SETS.display : "stream" in out ? KEY_SETS.stream : KEY_SETS.error;
  const extra = collectExtra(o, known);
  if (extra) out.extra = extra;
  return out;
}

function items(v: unknown, path: JsonPath): MimeBundle {
  const bundle = check.object(v, path, `an object of MIME type → data (e.g. { "text/plain": "…" })`);
  for (const mime of Object.keys(bundle)) {
    if (!isMimeType(mime)) {
      check.fail("invalid", [...path, mime], `${check.subject(path)} has the key ${JSON.stringify(mime)}, which is not a MIME type (type/subtype, e.g. "text/plain")`);
    }
    if (!isJsonMime(mime) && typeof bundle[mime] !== "string") {
      check.wrongType(bundle[mime], [...path, mime], `a string (${mime} is not a JSON MIME type; only application/json and types ending in +json hold JSON values)`);
    }
  }
  return bundle as MimeBundle;
}

function errorInfo(v: unknown, path: JsonPath): ErrorInfo {
  const e = check.object(v, path, `an object ({ "name": …, "message": …, "stack": … })`);
  const name = check.string(check.required(e, "name", path, `the error's class name, e.g. "TypeError"`), [...path, "name"]);
  const message = check.string(check.required(e, "message", path, "the error's message"), [...path, "message"]);
  const info: ErrorInfo = { name, message };
  if (hasOwn(e, "stack")) info.stack = check.string(e.stack, [...path, "stack"], "one string");
  const extra = collectExtra(e, KEY_SETS.errorInfo);
  if (extra) info.extra = extra;
  return info;
}

function outputMetadata(v: unknown, path: JsonPath): OutputMetadata {
  const m = check.object(v, path) as OutputMetadata;
  if (hasOwn(m, "ipynb")) check.object(m.ipynb, [...path, "ipynb"]);
  return m;
}
