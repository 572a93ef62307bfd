// Type checks for validators, each failing with a NotebookFormatError that names the JSON path.
import { FormatErrorCode, formatPath, JsonPath, NotebookFormatError } from "./errors";
import { hasOwn, isPlainObject, typeName } from "./json-util";

export class Checker {
  /** `root` names the top level in messages, e.g. "the notebook". */
  constructor(readonly root: string) {}

  /** The path as text, or the root's name. */
  subject(path: JsonPath): string {
    return path.length === 0 ? this.root : formatPath(path);
  }

  fail(code: FormatErrorCode, path: JsonPath, problem: string): never {
    throw new NotebookFormatError(code, problem, path.slice());
  }

  wrongType(v: unknown, path: JsonPath, expected: string): never {
    return this.fail("type", path, `${this.subject(path)} must be ${expected}, not ${describeValue(v)}`);
  }

  object(v: unknown, path: JsonPath, expected = "an object"): Record<string, unknown> {
    return isPlainObject(v) ? v : this.wrongType(v, path, expected);
  }

  array(v: unknown, path: JsonPath, expected = "a list (JSON array)"): unknown[] {
    return Array.isArray(v) ? v : this.wrongType(v, path, expected);
  }

  string(v: unknown, path: JsonPath, expected = "a string"): string {
    return typeof v === "string" ? v : this.wrongType(v, path, expected);
  }

  boolean(v: unknown, path: JsonPath): boolean {
    return typeof v === "boolean" ? v : this.wrongType(v, path, "true or false");
  }

  /** A required member; absent gives a "missing" error: `cells[3] has no "kind" (hint)`. */
  required(obj: Record<string, unknown>, key: string, path: JsonPath, hint?: string): unknown {
    if (!hasOwn(obj, key)) this.fail("missing", path, `${this.subject(path)} has no ${JSON.stringify(key)}${hint ? ` (${hint})` : ""}`);
    return obj[key];
  }

  /** An optional member (own properties only), or undefined. */
  optional(obj: Record<string, unknown>, key: string): unknown {
    return hasOwn(obj, key) ? obj[key] : undefined;
  }
}

/** For messages: small values as themselves, others by their type. */
export function describeValue(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return typeName(v);
}
