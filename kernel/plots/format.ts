// Number rounding and plain-text tables shared by the plot builders.

/** ~6 significant digits for spec data; non-finite numbers become null (JSON has no NaN). */
export function round6(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  if (v === 0) return 0;
  return Number(v.toPrecision(6));
}

/** A number as a table cell: 6 significant digits, exponent form for very small or large values. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(6)));
  const [mantissa, exponent] = v.toExponential(5).split("e");
  return `${mantissa.replace(/\.?0+$/, "")}e${exponent}`;
}

/** A percentage with one decimal, e.g. 0.125 → "12.5%". */
export function pct(v: number): string {
  return `${Number((v * 100).toFixed(1))}%`;
}

/** "A", "A and B", "A, B and C". */
export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/**
 * An aligned plain-text table. The first column is left-aligned (row names), the others are
 * right-aligned (numbers) unless `align` says otherwise.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? "")].length)));
  const side = (c: number) => align?.[c] ?? (c === 0 ? "left" : "right");
  const pad = (s: string, c: number) => {
    const fill = " ".repeat(widths[c] - [...s].length);
    return side(c) === "left" ? s + fill : fill + s;
  };
  const line = (r: readonly string[]) => header.map((_, c) => pad(r[c] ?? "", c)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Evenly spread indices into an array of length n (at most k of them, first and last included). */
export function sampleIndices(n: number, k: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const i = Math.round((j * (n - 1)) / (k - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}
