// Which differences of one notebook the known-differences table does not explain, and which of
// its entries for that notebook no longer occur: both fail the suite.
import * as assert from "assert";
import { Difference, OutputKind } from "./compare";
import { KnownDifference } from "./known-differences";

export interface CellDifferences { cell: string; differences: Difference[] }

const SHOWN = 12;
/** The differences, indented; past SHOWN of them, how many more (a chart can differ at every point). */
const show = (lines: string[]) =>
  [...lines.slice(0, SHOWN), ...(lines.length > SHOWN ? [`... and ${lines.length - SHOWN} more`] : [])].map((l) => `      ${l}`).join("\n");

/** Problems to report for `notebook`; empty when every difference is a known one and every known one occurred. */
export function unexplained(notebook: string, cells: CellDifferences[], table: KnownDifference[]): string[] {
  const problems: string[] = [];
  const used = new Set<KnownDifference>();
  for (const { cell, differences } of cells) {
    const kinds = [...new Set(differences.map((d) => d.output))];
    for (const output of kinds) {
      const found = differences.filter((d) => d.output === output).map((d) => d.detail);
      const known = table.find((k) => k.notebook === notebook && k.cell === cell && k.output === output);
      if (known) used.add(known);
      if (known?.drift !== undefined) {
        const beyond = found.filter((d) => !(driftOf(d) <= known.drift!));
        if (!beyond.length) continue;
        problems.push(`cell "${cell}", ${output} (beyond its known drift of ${known.drift}):\n${show(beyond.map((d) => `${d}  [relative difference ${driftOf(d)}]`))}`);
        continue;
      }
      if (known && JSON.stringify(known.differences) === JSON.stringify(found)) continue;
      problems.push(`cell "${cell}", ${output}${known ? " (differs from its known difference)" : ""}:\n${show(found)}`);
    }
  }
  for (const k of table.filter((e) => e.notebook === notebook && !used.has(e))) {
    problems.push(`cell "${k.cell}", ${k.output}: the known difference no longer occurs, remove it from test/pytorch/known-differences.ts`);
  }
  return problems;
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g;

/**
 * The largest relative difference between the numbers of a difference line's two sides, when the
 * sides are the same text once their numbers (and the spaces aligning them) are taken out;
 * Infinity when they are not.
 */
export function driftOf(detail: string): number {
  const text = /^line \d+: actnb (".*") \| python (".*")$/.exec(detail);
  const chart = /^(\$[^:]*): actnb (-?[\d.e+-]+), python (-?[\d.e+-]+)$/.exec(detail);
  let a: string, b: string;
  if (text) [a, b] = [JSON.parse(text[1]) as string, JSON.parse(text[2]) as string];
  else if (chart) [a, b] = [chart[2], chart[3]];
  else return Infinity;
  const shape = (s: string) => s.replace(NUMBER, "#").replace(/\s+/g, " ").trim();
  if (shape(a) !== shape(b)) return Infinity;
  const xs = (a.match(NUMBER) ?? []).map(Number), ys = (b.match(NUMBER) ?? []).map(Number);
  return Math.max(0, ...xs.map((x, i) => {
    const y = ys[i], d = Math.abs(x - y);
    return d <= 1e-6 ? 0 : d / Math.max(Math.abs(x), Math.abs(y));
  }));
}

/** Every entry names what it accepts and why. */
export function checkTable(table: KnownDifference[], outputs: readonly OutputKind[]): void {
  for (const k of table) {
    const where = `known difference ${k.notebook} / "${k.cell}" / ${k.output}`;
    assert.ok(outputs.includes(k.output), `${where}: unknown output kind`);
    assert.ok((k.differences?.length ?? 0) > 0 !== (k.drift !== undefined), `${where}: lists either its differences or a drift`);
    if (k.drift !== undefined) assert.ok(k.drift > 0 && k.drift <= 1, `${where}: a drift is a relative difference in (0, 1]`);
    assert.ok(k.reason.trim().length > 0, `${where}: gives no reason`);
    assert.strictEqual(table.filter((e) => e.notebook === k.notebook && e.cell === k.cell && e.output === k.output).length, 1, `${where}: listed twice`);
  }
}
