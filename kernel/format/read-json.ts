// Text → JSON value, with the errors a person needs: an empty file, a binary file, truncated JSON
// and syntax errors each get their own message, with line:column and the JSON path they are in.
import { formatPath, JsonPath, NotebookFormatError } from "./errors";
import { exactNumber } from "./exact-number";
import { setOwn } from "./json-util";
import { findSyntaxError, findValueOffset, locationOf } from "./json-scan";

/** "notebook" for .actnb files, "Jupyter notebook" for .ipynb files (used in messages). */
export type DocumentKind = "notebook" | "Jupyter notebook";

export function readJsonText(text: string, fileName: string | undefined, kind: DocumentKind): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") {
    throw new NotebookFormatError("empty", `the file is empty; a ${kind} is a JSON object`).at(undefined, fileName);
  }
  let value: unknown;
  let parsed = false;
  try {
    value = JSON.parse(text);
    parsed = true;
  } catch {
    // Fall through: find out what is wrong, and where.
  }
  // valid JSON may still repeat a key (JSON.parse keeps the last) or nest beyond what can be checked
  const inexact: Array<{ path: JsonPath; token: string }> = [];
  const repeated = parsed ? findSyntaxError(text, inexact) : undefined;
  if (parsed && repeated === undefined) {
    for (const { path, token } of inexact) value = replaceAt(value, path, exactNumber(token));
    return value;
  }
  if (repeated) {
    const inside = repeated.path.length > 0 ? ` (in ${formatPath(repeated.path)})` : "";
    throw new NotebookFormatError("syntax", `JSON syntax error: ${repeated.message}${inside}`, repeated.path).at(locationOf(text, repeated.offset), fileName);
  }
  if (looksBinary(text)) {
    throw new NotebookFormatError("binary", `the file is not text (it holds binary data); a ${kind} is JSON text`).at(undefined, fileName);
  }
  const problem = findSyntaxError(text);
  if (problem === undefined) {
    throw new NotebookFormatError("syntax", `the file is not valid JSON`).at(undefined, fileName);
  }
  const inside = problem.path.length > 0 ? ` (in ${formatPath(problem.path)})` : "";
  const message = problem.truncated
    ? `the JSON is incomplete: ${problem.message}${inside}`
    : `JSON syntax error: ${problem.message}${inside}`;
  throw new NotebookFormatError(problem.truncated ? "truncated" : "syntax", message, problem.path)
    .at(locationOf(text, problem.offset), fileName);
}

/** `root` with the value at `path` replaced. */
function replaceAt(root: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  setOwn(parent, String(path[path.length - 1]), replacement);
  return root;
}

/** Decodes UTF-8 bytes strictly; bytes that are not UTF-8 text give a "binary" error. */
export function decodeUtf8(bytes: Uint8Array, fileName: string | undefined, kind: DocumentKind): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NotebookFormatError("binary", `the file is not UTF-8 text (it holds binary data); a ${kind} is JSON text in UTF-8`).at(undefined, fileName);
  }
}

/** A validation error found in the parsed value, placed at its line:column in the text. */
export function placeError(error: unknown, text: string, fileName: string | undefined): unknown {
  if (!(error instanceof NotebookFormatError)) return error;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const offset = findValueOffset(text, error.pathSegments);
  return error.at(offset === undefined ? undefined : locationOf(text, offset), fileName);
}

/** NUL bytes, or many control characters / U+FFFD (what undecodable bytes become), mean binary. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes("\u0000")) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return odd >= 3 && odd * 50 >= sample.length;
}
