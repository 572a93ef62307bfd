// Readable errors for outputs that cannot be drawn: invalid JSON (with line, column and the line
// itself), specs that are not Vega-Lite, invalid marks, field types and expressions (with the
// path of the part at fault), and anything Vega-Lite or Vega throws. Pure: no DOM.

import { parseExpression } from "vega";
import { isPlainObject, Json } from "./theme";
import { findSyntaxError, locationOf } from "../../kernel/format/json-scan";

export interface RenderProblem {
  /** One line: what kind of problem. */
  title: string;
  /** What is wrong, in a sentence or two. */
  message: string;
  /** Which part of the spec (`layer[1].mark`), or where in the text (`line 3, column 7`). */
  where?: string;
  /** Extra lines: the offending JSON line with a caret, or a hint. */
  detail?: string;
}

export function formatProblem(p: RenderProblem): string {
  const lines = [p.title, p.message];
  if (p.where) lines.push(`At: ${p.where}`);
  if (p.detail) lines.push(p.detail);
  return lines.join("\n");
}

// ---- JSON ----

/**
 * Offset and reason of the first syntax error in a JSON text, or undefined when it is valid:
 * the notebook format's scanner (kernel/format/json-scan.ts), the one JSON checker of the product.
 */
export function jsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  const problem = findSyntaxError(text);
  return problem && { offset: problem.offset, reason: problem.message };
}

/** 1-based line and column of an offset, and that line with a caret under the column. */
export function locate(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const { line, column } = locationOf(text, offset);
  const start = offset - column + 1;
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  let lineText = text.slice(start, end).replace(/\r$/, "");
  let col = offset - start;
  // keep long lines (minified JSON) readable: a window around the column
  if (lineText.length > 100) {
    const from = Math.max(0, col - 50);
    lineText = (from > 0 ? "..." : "") + lineText.slice(from, from + 100) + (from + 100 < lineText.length ? "..." : "");
    col = col - from + (from > 0 ? 3 : 0);
  }
  return { line, column, excerpt: `${lineText}\n${" ".repeat(Math.max(0, col))}^` };
}

export type Parsed = { ok: true; spec: Json } | { ok: false; problem: RenderProblem };

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : `a ${typeof v}`);

/**
 * The output item's text as a spec object. A spec stored as a JSON string holding JSON (as some
 * kernels write it) is unwrapped once.
 */
export function parseSpecText(text: string): Parsed {
  if (text.trim() === "") {
    return { ok: false, problem: { title: "Empty chart output", message: "The output holds no Vega-Lite spec (its text is empty)." } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const err = jsonSyntaxError(text);
    const native = e instanceof Error ? e.message : String(e);
    if (!err) return { ok: false, problem: { title: "Invalid JSON in the chart output", message: native } };
    const at = locate(text, err.offset);
    return {
      ok: false,
      problem: {
        title: "Invalid JSON in the chart output",
        message: `The Vega-Lite spec is not valid JSON: ${err.reason}.`,
        where: `line ${at.line}, column ${at.column}`,
        detail: at.excerpt,
      },
    };
  }
  if (typeof value === "string" && /^\s*[{[]/.test(value)) return parseSpecText(value);
  if (!isPlainObject(value)) {
    return { ok: false, problem: { title: "Invalid Vega-Lite spec", message: `A Vega-Lite spec is a JSON object; this output holds ${kindOf(value)}.` } };
  }
  return { ok: true, spec: value };
}

// ---- the spec ----

export const MARKS = ["arc", "area", "bar", "image", "line", "point", "rect", "rule", "text", "tick", "trail", "circle", "square", "geoshape", "boxplot", "errorbar", "errorband"];
export const FIELD_TYPES = ["quantitative", "ordinal", "temporal", "nominal", "geojson"];
const VIEW_KEYS = ["mark", "layer", "facet", "hconcat", "vconcat", "concat", "repeat"];
const VEGA_KEYS = ["marks", "signals", "scales", "axes", "projections"];

/** Whether the object is a (full) Vega spec rather than Vega-Lite. */
export function looksLikeVega(spec: Json): boolean {
  if (typeof spec.$schema === "string") return /\/schema\/vega\//.test(spec.$schema);
  return !VIEW_KEYS.some((k) => k in spec) && VEGA_KEYS.some((k) => k in spec);
}

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** Keys that hold Vega expressions (as strings) in a Vega-Lite spec. */
function isExpressionKey(key: string, parentKey: string): boolean {
  if (key === "calculate" || key === "expr" || key === "test") return true;
  if (key === "filter" && parentKey === "transform") return true;
  return /^[a-z]+Expr$/.test(key); // labelExpr and friends
}

/**
 * Structural checks Vega-Lite itself reports badly (an unknown mark type crashes it with
 * "Cannot read properties of undefined"): returns the first problem, with the path of the part.
 */
export function checkVegaLite(spec: Json): RenderProblem | undefined {
  if (looksLikeVega(spec)) {
    return {
      title: "Invalid Vega-Lite spec",
      message: "This output is a Vega spec (it has marks/signals or a Vega $schema), but it is labelled as Vega-Lite; this renderer draws Vega-Lite only.",
    };
  }
  if (!VIEW_KEYS.some((k) => k in spec)) {
    return {
      title: "Invalid Vega-Lite spec",
      message: `The spec has none of ${list(VIEW_KEYS)}, so it describes no chart.`,
      where: "the top level",
    };
  }
  const problem = (message: string, where: string): RenderProblem => ({ title: "Invalid Vega-Lite spec", message, where });

  const checkView = (v: unknown, path: string): RenderProblem | undefined => {
    if (!isPlainObject(v)) return problem(`Expected a view (an object) but found ${kindOf(v)}.`, path || "the top level");
    const at = (k: string) => (path ? `${path}.${k}` : k);
    if ("mark" in v) {
      const m = v.mark;
      const type = isPlainObject(m) ? m.type : m;
      if (typeof type !== "string") return problem(`The mark must be a mark type name or an object with "type"; found ${kindOf(type)}.`, at(isPlainObject(m) ? "mark.type" : "mark"));
      if (!MARKS.includes(type)) return problem(`Unknown mark type "${type}". Known marks: ${MARKS.join(", ")}.`, at(isPlainObject(m) ? "mark.type" : "mark"));
    }
    const enc = v.encoding;
    if (enc !== undefined) {
      if (!isPlainObject(enc)) return problem(`"encoding" must be an object; found ${kindOf(enc)}.`, at("encoding"));
      for (const [channel, def] of Object.entries(enc)) {
        const defs = Array.isArray(def) ? def : [def];
        for (let i = 0; i < defs.length; i++) {
          const d = defs[i];
          const p = at(`encoding.${channel}${Array.isArray(def) ? `[${i}]` : ""}`);
          if (isPlainObject(d) && d.type !== undefined && !FIELD_TYPES.includes(d.type as string)) {
            return problem(`Unknown field type ${JSON.stringify(d.type)}. Field types: ${FIELD_TYPES.join(", ")}.`, `${p}.type`);
          }
        }
      }
    }
    if (v.data !== undefined && v.data !== null && !isPlainObject(v.data)) return problem(`"data" must be an object such as {"values": [...]}; found ${kindOf(v.data)}.`, at("data"));
    for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
      if (key in v) {
        const children = v[key];
        if (!Array.isArray(children)) return problem(`"${key}" must be an array of views; found ${kindOf(children)}.`, at(key));
        for (let i = 0; i < children.length; i++) {
          const r = checkView(children[i], at(`${key}[${i}]`));
          if (r) return r;
        }
      }
    }
    if ("spec" in v) return checkView(v.spec, at("spec"));
    return undefined;
  };

  const structural = checkView(spec, "");
  if (structural) return structural;

  // expressions: Vega-Lite passes them through and Vega rejects them later with no location
  let found: RenderProblem | undefined;
  const walk = (v: unknown, path: string, parentKey: string): void => {
    if (found) return;
    if (Array.isArray(v)) { v.forEach((x, i) => walk(x, `${path}[${i}]`, parentKey)); return; }
    if (!isPlainObject(v)) return;
    for (const [key, x] of Object.entries(v)) {
      if (found) return;
      if (key === "values" || key === "usermeta" || key === "datum") continue;
      const p = path ? `${path}.${key}` : key;
      if (typeof x === "string" && isExpressionKey(key, parentKey)) {
        try {
          parseExpression(x);
        } catch (e) {
          found = { title: "Invalid Vega-Lite spec", message: `The expression ${JSON.stringify(x)} does not parse: ${e instanceof Error ? e.message : String(e)}.`, where: p };
          return;
        }
      } else walk(x, p, key);
    }
  };
  walk(spec, "", "");
  return found;
}

/** An error thrown while compiling or drawing, as a problem to show. */
export function describeError(err: unknown, stage: "compile" | "draw"): RenderProblem {
  let message = err instanceof Error ? err.message : typeof err === "string" ? err : (() => { try { return JSON.stringify(err); } catch { return String(err); } })();
  // Vega-Lite quotes the whole spec in some messages: keep them short.
  message = message.replace(/\{[\s\S]{200,}\}/, (m) => `${m.slice(0, 120)}...}`);
  if (message.length > 600) message = `${message.slice(0, 597)}...`;
  const title = stage === "compile" ? "Invalid Vega-Lite spec" : "The chart could not be drawn";
  const hint = /Cannot read propert|undefined|is not a function/.test(message)
    ? "Vega-Lite could not make sense of part of the spec; check mark types, channel names and field definitions."
    : undefined;
  return { title, message: /[.!?]$/.test(message) ? message : `${message}.`, ...(hint ? { detail: hint } : {}) };
}
