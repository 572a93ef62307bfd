// The speed issue's targets, judged from one benchmark run's figures (bench/engine.ts).
import { fmtMs, fmtRatio } from "./harness";

export interface Item {
  key: string;
  label: string;
  kind: string; // fwd:<act> | fwdbwd:<act> | matmul | mlp (shared with torch_bench.py)
  size: number;
  warmup: number;
  reps: number;
  /** Calls timed in a row per turn (see interleaved()). */
  burst: number;
  flops?: number;
}

/** The sides timed in this process, in table order. */
export const SIDES = [
  { key: "engine", name: "engine" },
  { key: "engine1", name: "engine 1 thread" },
  { key: "engineJs", name: "engine JS loops" },
  { key: "tfjsCpu", name: "tfjs-cpu" },
  { key: "tfjsWasm", name: "tfjs-wasm" },
] as const;
export type Side = typeof SIDES[number]["key"];

export interface Outcome {
  item: Item;
  /** Median milliseconds per side, and PyTorch's. */
  times: Partial<Record<Side | "torch", number>>;
  check?: { ok: boolean; text: string };
  error?: string;
}

export interface Target { target: string; measured: string; met?: boolean }

interface Extra {
  copy: { setMs: number; reluMs: number };
  /** Largest memory an activation's forward allocated, per byte of its output. */
  worstAlloc: number;
  /** The engine's heap after 100 and after 500 MLP training steps. */
  heap: { after100: number; after500: number };
  checksOk: boolean;
  torch: boolean;
}

/** met is undefined when a figure is missing (PyTorch absent, an item failed). */
function judge(values: (number | undefined)[], ok: (v: number) => boolean): boolean | undefined {
  if (values.some((v) => v === undefined || !Number.isFinite(v))) return undefined;
  return values.every((v) => ok(v!));
}

function worst(entries: [string, number | undefined][]): string {
  const known = entries.filter((e): e is [string, number] => e[1] !== undefined && Number.isFinite(e[1]));
  if (!known.length) return "–";
  const [label, v] = known.reduce((a, b) => (b[1] > a[1] ? b : a));
  return `worst ${v.toFixed(2)}× (${label})`;
}

export function targetRows(outcomes: Outcome[], extra: Extra): Target[] {
  const find = (key: string) => outcomes.find((o) => o.item.key === key);
  const ratio = (o: Outcome | undefined, peer: Side | "torch") => (o && o.times.engine !== undefined && o.times[peer] ? o.times.engine / o.times[peer]! : undefined);
  const fwd = outcomes.filter((o) => o.item.kind.startsWith("fwd:"));
  const fwdBwd1e6 = outcomes.filter((o) => o.item.kind.startsWith("fwdbwd:") && o.item.size === 1e6);
  const mm = outcomes.filter((o) => o.item.kind === "matmul");
  const mlp = find("mlp-step");
  const rows: Target[] = [];

  const vsWasm = fwd.map((o) => [o.item.label, ratio(o, "tfjsWasm")] as [string, number | undefined]);
  rows.push({ target: "every guide activation forward, 1e6 and 1e7: faster than tfjs-wasm", measured: `engine/tfjs-wasm ${worst(vsWasm)}`, met: judge(vsWasm.map((e) => e[1]), (v) => v < 1) });
  if (extra.torch) {
    const vsTorch = fwd.map((o) => [o.item.label, ratio(o, "torch")] as [string, number | undefined]);
    const over = vsTorch.filter(([, v]) => v !== undefined && v > 1.5).map(([l]) => l);
    rows.push({
      target: "every guide activation forward, 1e6 and 1e7: ≤ 1.5× PyTorch (1 thread)",
      measured: `engine/PyTorch ${worst(vsTorch)}; ${vsTorch.length - over.length} of ${vsTorch.length} within${over.length ? `; over: ${over.join(", ")}` : ""}`,
      met: judge(vsTorch.map((e) => e[1]), (v) => v <= 1.5),
    });
  }
  const { setMs, reluMs } = extra.copy;
  rows.push({ target: "relu forward 1e7: at least half the bandwidth of Float32Array.prototype.set", measured: `relu ${fmtMs(reluMs)} ms vs set ${fmtMs(setMs)} ms: ${(setMs / reluMs).toFixed(2)} of set's bandwidth`, met: reluMs <= 2 * setMs });
  if (extra.torch) {
    const fb = fwdBwd1e6.map((o) => [o.item.label, ratio(o, "torch")] as [string, number | undefined]);
    rows.push({ target: "relu, gelu, silu forward+backward 1e6: ≤ 2× PyTorch", measured: `engine/PyTorch ${fb.map(([l, v]) => `${l.split(" ")[0]} ${v === undefined ? "–" : v.toFixed(2)}×`).join(", ")}`, met: judge(fb.map((e) => e[1]), (v) => v <= 2) });
  }
  const gf = (o: Outcome, side: Side | "torch") => (o.times[side] ? o.item.flops! / (o.times[side]! * 1e6) : undefined);
  rows.push({
    target: "matmul 256, 512, 1024: at least tfjs-wasm's GFLOP/s",
    measured: mm.map((o) => `${o.item.size}: ${gf(o, "engine")?.toFixed(1) ?? "–"} vs ${gf(o, "tfjsWasm")?.toFixed(1) ?? "–"}`).join("; "),
    met: judge(mm.map((o) => ratio(o, "tfjsWasm")), (v) => v <= 1),
  });
  if (extra.torch) {
    rows.push({
      target: "matmul 256, 512, 1024: at least a quarter of PyTorch's GFLOP/s",
      measured: mm.map((o) => `${o.item.size}: ${gf(o, "engine")?.toFixed(1) ?? "–"} vs ${gf(o, "torch")?.toFixed(1) ?? "–"} (${o.times.torch ? ((100 * o.times.torch) / o.times.engine!).toFixed(0) : "–"}%)`).join("; "),
      met: judge(mm.map((o) => ratio(o, "torch")), (v) => v <= 4),
    });
  }
  rows.push({ target: "MLP train step: under 3 ms", measured: `${fmtMs(mlp?.times.engine)} ms`, met: judge([mlp?.times.engine], (v) => v < 3) });
  rows.push({ target: "MLP train step: 5× faster than tfjs-wasm or more", measured: `tfjs-wasm/engine ${fmtRatio(mlp?.times.tfjsWasm, mlp?.times.engine)}`, met: judge([ratio(mlp, "tfjsWasm")], (v) => v <= 0.2) });
  if (extra.torch) rows.push({ target: "MLP train step: within 4× of PyTorch", measured: `engine/PyTorch ${fmtRatio(mlp?.times.engine, mlp?.times.torch)}`, met: judge([ratio(mlp, "torch")], (v) => v <= 4) });
  rows.push({ target: "same numbers as tfjs (cpu and wasm) on every item, checked before timing", measured: extra.checksOk ? "all checks ok" : "a check failed (see below)", met: extra.checksOk });
  rows.push({ target: "an activation's forward allocates its output and nothing more", measured: `at most ${extra.worstAlloc.toFixed(2)} bytes per output byte`, met: extra.worstAlloc <= 1.001 });
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  // (a block or two either way is noise: without reuse the heap would grow by each step's ~1.7 MB)
  rows.push({ target: "a training step's buffers are reused (the heap stops growing)", measured: `heap ${mib(extra.heap.after100)} after 100 MLP steps, ${mib(extra.heap.after500)} after 500`, met: extra.heap.after500 <= extra.heap.after100 * 1.05 });
  return rows;
}
