// JSON text with the layout of JSON.stringify(value, null, indent), but where the caller decides the
// order of an object's keys (an Ordered object), or has them sorted. Anything that is not JSON
// (NaN, undefined in a list, a function, a Date, …) is an error naming its path, never silently
// changed as JSON.stringify would.
import { formatPath } from "./errors";
import { isPlainObject, typeName } from "./json-util";
import { exactNumberText } from "./exact-number";

/** An object whose members are written in exactly this order (undefined values are skipped). */
export class Ordered {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

export interface WriteOptions {
  /** One level of indentation, e.g. "  ". */
  indent: string;
  /** Write the keys of plain objects sorted (as Jupyter does); Ordered objects are sorted too. */
  sortKeys?: boolean;
}

export function writeJson(value: unknown, options: WriteOptions): string {
  const writer = new Writer(options);
  writer.value(value, "");
  return writer.out.join("");
}

class Writer {
  readonly out: string[] = [];
  private readonly path: (string | number)[] = [];
  constructor(private readonly options: WriteOptions) {}

  value(v: unknown, indent: string): void {
    if (v === null) { this.out.push("null"); return; }
    switch (typeof v) {
      case "string": this.out.push(JSON.stringify(v)); return;
      case "boolean": this.out.push(v ? "true" : "false"); return;
      case "number":
        if (!Number.isFinite(v)) break;
        this.out.push(String(v)); // the same digits as JSON.stringify (-0 is "0")
        return;
      case "object": {
        const exact = exactNumberText(v);
        if (exact !== undefined) { this.out.push(exact); return; }
        if (isJsonTree(v, this.options.sortKeys === true)) {
          // Plain JSON all the way down: JSON.stringify writes the same text, only faster.
          const text = JSON.stringify(v, this.options.sortKeys ? sortingReplacer : undefined, this.options.indent);
          this.out.push(indent === "" ? text : text.replace(/\n/g, "\n" + indent));
          return;
        }
        if (Array.isArray(v)) { this.array(v, indent); return; }
        let keys: string[];
        let values: unknown[];
        if (v instanceof Ordered) {
          const entries = v.entries.filter((e) => e[1] !== undefined);
          keys = entries.map((e) => e[0]);
          values = entries.map((e) => e[1]);
        } else if (isPlainObject(v)) {
          keys = Object.keys(v).filter((k) => v[k] !== undefined);
          values = keys.map((k) => v[k]);
        } else {
          break;
        }
        this.object(keys, values, indent);
        return;
      }
    }
    throw new TypeError(`cannot write ${formatPath(this.path) || "the value"} as JSON: it is ${typeName(v)}`);
  }

  private array(v: unknown[], indent: string): void {
    if (v.length === 0) { this.out.push("[]"); return; }
    const inner = indent + this.options.indent;
    const { out, path } = this;
    out.push("[\n");
    for (let i = 0; i < v.length; i++) {
      out.push(inner);
      path.push(i);
      this.value(v[i], inner);
      path.pop();
      out.push(i + 1 < v.length ? ",\n" : "\n");
    }
    out.push(indent, "]");
  }

  private object(keys: string[], values: unknown[], indent: string): void {
    if (keys.length === 0) { this.out.push("{}"); return; }
    let order = keys.map((_, i) => i);
    if (this.options.sortKeys) order = order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const inner = indent + this.options.indent;
    const { out, path } = this;
    out.push("{\n");
    for (let n = 0; n < order.length; n++) {
      const i = order[n];
      out.push(inner, JSON.stringify(keys[i]), ": ");
      path.push(keys[i]);
      this.value(values[i], inner);
      path.pop();
      out.push(n + 1 < order.length ? ",\n" : "\n");
    }
    out.push(indent, "}");
  }
}

const ARRAY_INDEX = /^(0|[1-9]\d{0,8})$/;

/**
 * True when JSON.stringify would write `v` exactly as this writer does: finite numbers, strings,
 * booleans, null, arrays without holes or undefined, plain objects (undefined members are skipped
 * by both). With sorting, no key may look like an array index: JavaScript would list those first.
 */
function isJsonTree(v: unknown, sorting: boolean): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "string": case "boolean": return true;
    case "number": return Number.isFinite(v);
    case "object":
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (v[i] === undefined || !isJsonTree(v[i], sorting)) return false;
        return true;
      }
      if (!isPlainObject(v) || exactNumberText(v) !== undefined) return false;
      for (const key of Object.keys(v)) {
        if (sorting && ARRAY_INDEX.test(key)) return false;
        if (v[key] !== undefined && !isJsonTree(v[key], sorting)) return false;
      }
      return true;
    default: return false;
  }
}

function sortingReplacer(_key: string, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    Object.defineProperty(sorted, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}
