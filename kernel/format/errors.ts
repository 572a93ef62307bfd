// The one error type of the format code: what is wrong, where (JSON path, and line:column when
// the text is known), and a code that callers and tests can switch on.

/** A path into a JSON document: object keys and array indices, outermost first. */
export type JsonPath = ReadonlyArray<string | number>;

export type FormatErrorCode =
  | "empty"            // the file holds nothing (or only whitespace)
  | "binary"           // the file is not text
  | "syntax"           // the JSON is malformed
  | "truncated"        // the JSON ends before it is complete
  | "not-a-notebook"   // valid JSON, but not a notebook of the expected kind
  | "newer-version"    // written by a newer version of the format
  | "bad-version"      // the version field holds something that is no version
  | "missing"          // a required field is absent
  | "type"             // a field holds the wrong JSON type
  | "unknown-kind"     // a cell (or .ipynb output) kind this version does not know
  | "invalid";         // a value of the right type that is still not allowed

export interface TextLocation {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (as editors count them). */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export class NotebookFormatError extends Error {
  override name = "NotebookFormatError";
  /** The JSON path of the problem, as text: "cells[3].outputs[0].items" ("" for the top level). */
  readonly path: string;

  constructor(
    readonly code: FormatErrorCode,
    /** The problem alone, without file name or line:column. */
    readonly problem: string,
    readonly pathSegments: JsonPath = [],
    readonly location?: TextLocation,
    readonly fileName?: string,
  ) {
    super(formatMessage(problem, location, fileName));
    this.path = formatPath(pathSegments);
  }

  /** The same error, placed in a file (and at a line:column when known). */
  at(location: TextLocation | undefined, fileName: string | undefined): NotebookFormatError {
    return new NotebookFormatError(this.code, this.problem, this.pathSegments, location, fileName);
  }
}

function formatMessage(problem: string, location?: TextLocation, fileName?: string): string {
  const where = location ? `${location.line}:${location.column}` : "";
  if (fileName !== undefined) return `${fileName}${where ? ":" + where : ""}: ${problem}`;
  return where ? `line ${location!.line}, column ${location!.column}: ${problem}` : problem;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `cells[3].outputs[0].items["text/plain"]`: keys that are not identifiers are quoted. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
