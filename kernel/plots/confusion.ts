// confusionMatrix: how often each true class was predicted as each class, counted here from
// predictions and targets (tensors of class indices, or logits whose argmax is taken), drawn as
// a heatmap with the counts (or row fractions) written in the cells.
import { Tensor } from "../engine/tensor";
import { Chart, topLevel } from "./chart";
import { pct, textTable } from "./format";

export interface ConfusionOptions {
  /** Class names, by index (default "0", "1", ...). */
  classes?: readonly string[];
  /** "true": each row as fractions of its true class (recall on the diagonal); default counts. */
  normalize?: "true" | null;
  title?: string;
  subtitle?: string;
  /** Cell size in pixels (default 34). */
  cell?: number;
}

function classIndices(name: string, v: Tensor | readonly number[]): number[] {
  if (v instanceof Tensor) return (v.dim() === 2 ? v.argmax(1) : v).detach().tolist() as number[];
  if (Array.isArray(v)) return v as number[];
  throw new TypeError(`confusionMatrix: ${name} must be a tensor (class indices, or logits [N, classes]) or an array of class indices`);
}

/**
 * A confusion matrix as a heatmap: how often each true class (rows) was predicted as each class
 * (columns), as counts or, with `normalize: "true"`, as fractions of each row.
 *
 * @param predicted The predicted classes: indices, or logits [N, classes] (their argmax is taken).
 * @param target The true class indices, as many as `predicted`.
 * @param options Class names, normalization, titles and cell size.
 * @example
 * ```ts
 * plot.confusionMatrix(model(images), labels, { classes: ["T-shirt", "Trouser", "Pullover"] })
 * ```
 */
export function confusionMatrix(predicted: Tensor | readonly number[], target: Tensor | readonly number[], options: ConfusionOptions = {}): Chart {
  const pred = classIndices("predicted", predicted);
  const truth = classIndices("target", target);
  if (pred.length !== truth.length) throw new RangeError(`confusionMatrix: ${pred.length} predictions for ${truth.length} targets`);
  const k = Math.max(options.classes?.length ?? 0, ...pred.map((p) => p + 1), ...truth.map((t) => t + 1));
  for (const v of [...pred, ...truth]) if (!Number.isInteger(v) || v < 0) throw new RangeError(`confusionMatrix: class indices must be whole numbers ≥ 0, got ${v}`);
  const names = Array.from({ length: k }, (_, i) => options.classes?.[i] ?? String(i));
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  pred.forEach((p, i) => counts[truth[i]][p]++);
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const normalized = options.normalize === "true";
  const data = counts.flatMap((row, t) => row.map((c, p) => ({
    actual: names[t], predicted: names[p], count: c, fraction: rowTotals[t] ? c / rowTotals[t] : 0,
  })));
  const correct = counts.reduce((s, row, i) => s + row[i], 0);
  const accuracy = pred.length ? correct / pred.length : 0;
  const title = options.title ?? "Confusion matrix";
  const value = normalized ? "fraction" : "count";
  const size = (options.cell ?? 34) * k;
  const spec = topLevel(title, options.subtitle ?? `accuracy ${pct(accuracy)} (${correct} of ${pred.length})`, {
    width: size, height: size,
    data: { values: data },
    encoding: {
      x: { field: "predicted", type: "nominal", title: "predicted", sort: names, axis: { labelAngle: -40 } },
      y: { field: "actual", type: "nominal", title: "actual", sort: names },
    },
    layer: [
      { mark: { type: "rect", tooltip: true }, encoding: {
        color: { field: value, type: "quantitative", title: normalized ? "fraction of row" : "count", scale: { scheme: "blues" } },
        tooltip: [{ field: "actual", type: "nominal" }, { field: "predicted", type: "nominal" }, { field: "count", type: "quantitative" }, { field: "fraction", type: "quantitative", format: ".1%", title: "fraction of row" }],
      } },
      { mark: { type: "text", fontSize: 10 }, encoding: { text: { field: value, type: "quantitative", format: normalized ? ".0%" : "d" } } },
    ],
  });
  const header = ["actual \\ predicted", ...names];
  const body = counts.map((row, t) => [names[t], ...row.map((c) => (normalized ? pct(rowTotals[t] ? c / rowTotals[t] : 0) : String(c)))]);
  return new Chart(spec, [title, `accuracy ${pct(accuracy)} (${correct} of ${pred.length})`, "", textTable(header, body)].join("\n"));
}
