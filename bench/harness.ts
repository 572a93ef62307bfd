// Timing, checking and table helpers for the engine benchmark (bench/engine.ts).
import { performance } from "perf_hooks";


/** Collects garbage (when node runs with --expose-gc) and lets finalisers run, outside the timings. */
export async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  await new Promise((resolve) => setImmediate(resolve));
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

let peakRss = 0;
export function sampleRss(): void {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
}
export function peakRssBytes(): number { sampleRss(); return peakRss; }

export interface Runner {
  /** Untimed set-up before every timed run (switching tfjs's backend, the engine's threads). */
  before?(): void;
  /** Runs the work once and returns whatever must be released after the timing (or nothing). */
  run(): unknown;
  /** Releases what run() returned (tfjs tensors); not timed. */
  release?(result: unknown): void;
}

/**
 * Times the given sides on the same work, interleaved: every repetition gives each side a turn,
 * in an order rotating between repetitions, after `warmup` untimed repetitions. A turn with
 * `burst` > 1 makes one untimed call and then times `burst` calls in a row, as PyTorch's side
 * times calls in a loop: the sample is then a call that follows a call of the same work (its
 * data in cache, as in a training loop), not one that follows another system's run. Returns the
 * median milliseconds of each side over all timed calls.
 */
export async function interleaved<S extends string>(sides: Record<S, Runner>, warmup: number, reps: number, onSample?: () => void, burst = 1): Promise<Record<S, number>> {
  const names = Object.keys(sides) as S[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<S, number[]>;
  for (let r = 0; r < warmup + reps; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const side of order) {
      await settle();
      const runner = sides[side];
      runner.before?.();
      const calls = burst > 1 ? burst + 1 : 1;
      for (let c = 0; c < calls; c++) {
        const t0 = performance.now();
        const result = runner.run();
        const t1 = performance.now();
        sampleRss();
        onSample?.();
        runner.release?.(result);
        if (r >= warmup && (burst <= 1 || c > 0)) times[side].push(t1 - t0);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])])) as Record<S, number>;
}

export interface Check { ok: boolean; maxAbs: number; scale: number; rel: number; text: string }

/**
 * Compares two arrays elementwise: max |a - b| against tol · max(1, max |b|). With tol 0 the
 * arrays must be equal. Lengths must match; NaN anywhere fails.
 */
export function compare(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): Check {
  if (a.length !== b.length) {
    return { ok: false, maxAbs: NaN, scale: NaN, rel: NaN, text: `length ${a.length} vs ${b.length}` };
  }
  let maxAbs = 0, maxRef = 0, nan = false;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (Number.isNaN(d)) nan = true;
    if (d > maxAbs) maxAbs = d;
    const r = Math.abs(b[i]);
    if (r > maxRef) maxRef = r;
  }
  const scale = Math.max(1, maxRef);
  const rel = maxAbs / scale;
  const ok = !nan && rel <= tol;
  const text = `max|diff| ${maxAbs.toExponential(2)} (÷ max(1, max|peer|) = ${rel.toExponential(2)}, tolerance ${tol === 0 ? "exact" : tol.toExponential(0)})${nan ? ", NaN found" : ""}`;
  return { ok, maxAbs, scale, rel, text };
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function fmtRatio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "–";
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

export function fmtBytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** A GitHub-flavoured markdown table, padded so it also reads well in a terminal. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
