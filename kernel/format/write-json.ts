// JSON text with the layout of JSON.stringify(value, null, indent), but where the caller decides the
// order of an object's keys (an Ordered object), or has them sorted. Anything that is not JSON
// (NaN, undefined in a list, a function, a Date, …) is an error naming its path, never silently
// changed as JSON.stringify would.
import { formatPath } from "./errors";
import { isPlainObject, typeName } from "./json-util";

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
  const out: string[] = [];
  write(value, "", [], options, out);
  return out.join("");
}

function write(v: unknown, indent: string, path: (string | number)[], options: WriteOptions, out: string[]): void {
  if (v === null) { out.push("null"); return; }
  switch (typeof v) {
    case "string": out.push(JSON.stringify(v)); return;
    case "boolean": out.push(v ? "true" : "false"); return;
    case "number":
      if (!Number.isFinite(v)) break;
      out.push(JSON.stringify(v));
      return;
    case "object": {
      let entries: ReadonlyArray<readonly [string, unknown]>;
      if (Array.isArray(v)) {
        if (v.length === 0) { out.push("[]"); return; }
        const inner = indent + options.indent;
        out.push("[\n");
        for (let i = 0; i < v.length; i++) {
          out.push(inner);
          path.push(i);
          write(v[i], inner, path, options, out);
          path.pop();
          out.push(i + 1 < v.length ? ",\n" : "\n");
        }
        out.push(indent, "]");
        return;
      }
      if (v instanceof Ordered) entries = v.entries;
      else if (isPlainObject(v)) entries = Object.keys(v).map((k) => [k, v[k]] as const);
      else break;
      entries = entries.filter((e) => e[1] !== undefined);
      if (options.sortKeys) entries = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (entries.length === 0) { out.push("{}"); return; }
      const inner = indent + options.indent;
      out.push("{\n");
      entries.forEach(([key, value], i) => {
        out.push(inner, JSON.stringify(key), ": ");
        path.push(key);
        write(value, inner, path, options, out);
        path.pop();
        out.push(i + 1 < entries.length ? ",\n" : "\n");
      });
      out.push(indent, "}");
      return;
    }
  }
  throw new TypeError(`cannot write ${formatPath(path) || "the value"} as JSON: it is ${typeName(v)}`);
}
