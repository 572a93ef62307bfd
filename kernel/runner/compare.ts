// `actnb run --check`: do fresh outputs match the stored ones? Timings and display ids never
// count; cells marked volatile (their outputs are measurements of time) are compared by shape:
// numbers are masked, everything else must match.
import { diffLines } from "diff";
import type { Cell, JsonValue, Notebook, Output } from "../format";

const NUMBER = /-?\d+(\.\d+)?(e[-+]?\d+)?/gi;

function maskJson(v: JsonValue | undefined): JsonValue | undefined {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return v.replace(NUMBER, "#");
  if (Array.isArray(v)) return v.map((e) => maskJson(e) as JsonValue);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, maskJson(e)]));
  return v;
}

/** What of an output is compared, as stable text. */
function comparable(o: Output, volatile: boolean): string {
  let view: JsonValue;
  if ("stream" in o) view = { stream: o.stream, text: o.text };
  else if ("error" in o) view = { error: o.error.name, message: o.error.message };
  else view = { items: o.items as JsonValue, result: o.result ?? false };
  if (volatile) view = maskJson(view) as JsonValue;
  return JSON.stringify(view, null, 1);
}

export interface CellDifference { cell: number; summary: string; diff: string }

function describe(cell: Cell, index: number): string {
  const first = cell.source.split("\n").find((l) => l.trim()) ?? "";
  return `cell ${index + 1}${cell.metadata.title ? ` "${cell.metadata.title}"` : ""} (${first.trim().slice(0, 60)})`;
}

/** Differences between stored and fresh outputs, cell by cell; empty when they agree. */
export function compareOutputs(stored: Notebook, fresh: Notebook): CellDifference[] {
  const diffs: CellDifference[] = [];
  stored.cells.forEach((cell, i) => {
    if (cell.kind !== "code") return;
    const now = fresh.cells[i];
    if (!now || now.kind !== "code") return;
    const volatile = cell.metadata.volatile === true;
    const a = cell.outputs.map((o) => comparable(o, volatile)).join("\n");
    const b = now.outputs.map((o) => comparable(o, volatile)).join("\n");
    if (a === b) return;
    const diff = diffLines(a ? `${a}\n` : "", b ? `${b}\n` : "")
      .flatMap((part) => part.value.replace(/\n$/, "").split("\n").map((l) => `${part.added ? "+" : part.removed ? "-" : " "} ${l}`))
      .join("\n");
    diffs.push({ cell: i, summary: `${describe(cell, i)}: outputs differ${volatile ? " in shape" : ""} (- stored, + now)`, diff });
  });
  return diffs;
}
