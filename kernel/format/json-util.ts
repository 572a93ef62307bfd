// Small helpers for JSON values held as plain JavaScript objects.
import { JsonPath, formatPath, NotebookFormatError } from "./errors";
import { JsonObject, JsonValue } from "./types";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** obj[key] = value, also for keys like "__proto__" (which plain assignment would not store). */
export function setOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own members of `obj` whose keys are not in `known`, in order; undefined when there are none. */
export function collectExtra(obj: Record<string, unknown>, known: ReadonlySet<string>): JsonObject | undefined {
  let extra: JsonObject | undefined;
  for (const key of Object.keys(obj)) {
    if (known.has(key) || obj[key] === undefined) continue;
    extra ??= {};
    setOwn(extra, key, obj[key]);
  }
  return extra;
}

/** "a string", "an array", "null", … for messages. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "string": return "a string";
    case "number": return Number.isFinite(v) ? "a number" : `the number ${v}`;
    case "boolean": return `${v}`;
    case "object": return isPlainObject(v) ? "an object" : `a ${(v as object).constructor?.name ?? "non-plain"} object`;
    case "undefined": return "undefined";
    default: return `a ${typeof v}`;
  }
}

/** A deep copy of a JSON value; throws a NotebookFormatError naming the path of anything that is not JSON. */
export function cloneJson(v: unknown, path: JsonPath): JsonValue {
  return clone(v, path.slice());
}

function clone(v: unknown, path: (string | number)[]): JsonValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v;
  } else if (Array.isArray(v)) {
    const out: JsonValue[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      out[i] = clone(v[i], path);
      path.pop();
    }
    return out;
  } else if (isPlainObject(v)) {
    const out: JsonObject = {};
    for (const key of Object.keys(v)) {
      if (v[key] === undefined) continue;
      path.push(key);
      setOwn(out, key, clone(v[key], path));
      path.pop();
    }
    return out;
  }
  throw new NotebookFormatError("type", `${formatPath(path) || "the value"} is not a JSON value (it is ${typeName(v)})`, path.slice());
}

/** A deep copy of a JSON object. */
export function cloneObject(v: Record<string, unknown>, path: JsonPath): JsonObject {
  return cloneJson(v, path) as JsonObject;
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const other = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === other.length && keys.every((k) => hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}
