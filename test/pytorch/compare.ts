// One code cell's outputs in actnb against the same cell's in the exported PyTorch notebook: what
// differs, per output kind, each difference one line naming where (a line number, a chart's JSON
// path) and both sides, so that a report and the known-differences table say the same thing.
import { diffLines } from "diff";
import { CellOutputs } from "./cell-outputs";
import { specDifferences } from "./vega-compare";

export const OUTPUT_KINDS = ["stdout", "text/markdown", "vega-lite", "text/plain", "image/png", "error"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface Difference { output: OutputKind; detail: string }

/** The lines of a text, each with its "\n" (a missing final newline is a difference too). */
const linesOf = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** Line by line differences of two texts, "line N: actnb "…" | python "…"", N counting actnb's
 * lines; a line only one side has shows "" for the other. */
export function textDifferences(actnb: string, python: string): string[] {
  const out: string[] = [];
  let line = 1;
  const parts = diffLines(actnb, python);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) { line += linesOf(p.value).length; continue; }
    const removed = p.removed ? linesOf(p.value) : [];
    const added = p.added ? linesOf(p.value) : parts[i + 1]?.added ? linesOf(parts[++i].value) : [];
    for (let j = 0; j < Math.max(removed.length, added.length); j++) {
      out.push(`line ${line + Math.min(j, Math.max(removed.length - 1, 0))}: actnb ${JSON.stringify(removed[j] ?? "")} | python ${JSON.stringify(added[j] ?? "")}`);
    }
    line += removed.length;
  }
  return out;
}

function listDifferences<T>(actnb: T[], python: T[], what: string, each: (a: T, b: T) => string[]): string[] {
  if (actnb.length !== python.length) return [`actnb shows ${actnb.length} ${what}, python ${python.length}`];
  return actnb.flatMap((a, i) => each(a, python[i]).map((d) => (actnb.length > 1 ? `#${i + 1} ${d}` : d)));
}

function errorDifferences(actnb: string[], python: string[]): string[] {
  if (!actnb.length) return python.map((e) => `python raised ${e}`);
  const names = (es: string[]) => es.map((e) => e.split(":")[0]).join(", ");
  return names(actnb) === names(python) ? [] : [`actnb raised ${names(actnb)}, python ${names(python) || "nothing"}`];
}

/** Everything that differs; a volatile cell (timings) is only required to fail as actnb's did. */
export function cellDifferences(actnb: CellOutputs, python: CellOutputs, volatile: boolean): Difference[] {
  const tag = (output: OutputKind, details: string[]) => details.map((detail) => ({ output, detail }));
  const errors = tag("error", errorDifferences(actnb.errors, python.errors));
  if (volatile) return errors;
  return [
    ...tag("stdout", textDifferences(actnb.stdout, python.stdout)),
    ...tag("text/markdown", listDifferences(actnb.markdown, python.markdown, "markdown outputs", textDifferences)),
    ...tag("vega-lite", listDifferences(actnb.charts, python.charts, "charts", (a, b) => specDifferences(a, b))),
    ...tag("text/plain", listDifferences(actnb.result, python.result, "last values", textDifferences)),
    ...tag("image/png", listDifferences(actnb.images, python.images, "images", (a, b) => (a === b ? [] : [`actnb ${a} pixels, python ${b}`]))),
    ...errors,
  ];
}
