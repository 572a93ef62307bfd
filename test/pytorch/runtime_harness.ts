// What the runtime's tests share: actnb_pytorch.py written to a temp folder, a Python (with
// PyTorch) run against it, and the comparison of actnb's values with the runtime's "up to float
// formatting" (the design's convention: same structure, strings equal, numbers within rel 1e-5 or
// abs 1e-6).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RUNTIME_FILE_NAME, runtimeSource } from "../../kernel/export/pytorch/runtime";

export const PYTHON = "/usr/bin/python3";

/** A temp folder holding actnb_pytorch.py, made once per test process. */
let folder: string | undefined;
export function runtimeFolder(): string {
  if (!folder) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pyrt-"));
    fs.writeFileSync(path.join(folder, RUNTIME_FILE_NAME), runtimeSource());
  }
  return folder;
}

/**
 * Runs a Python script beside the runtime (its cwd, so `from actnb_pytorch import ...` works) and
 * returns what it printed as JSON on its last line.
 */
export function runPython(script: string, env: Record<string, string> = {}): any {
  const cwd = runtimeFolder();
  const out = execFileSync(PYTHON, ["-c", script], { cwd, env: { ...process.env, ...env, PYTHONDONTWRITEBYTECODE: "1" }, encoding: "utf8", maxBuffer: 1 << 28 });
  const lines = out.trimEnd().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/** JSON round trip: what a spec is once written (undefined fields gone). */
export const plain = <T>(v: T): any => JSON.parse(JSON.stringify(v));

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi;

function closeNumbers(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-6 || Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Two texts equal, or (when `tolerant`) equal up to the numbers written in them (float32 kernels
 * of PyTorch and actnb may differ in the last bits, and so in a 6th digit), with runs of spaces
 * and of a table's rule (the alignment those digits move) counted as one.
 */
function sameText(a: string, b: string, tolerant: boolean): boolean {
  if (a === b) return true;
  if (!tolerant) return false;
  const squash = (s: string) => s.replace(/ +/g, " ").replace(/─+/g, "─");
  const [sa, sb] = [squash(a), squash(b)];
  if (sa.replace(NUMBER, "#") !== sb.replace(NUMBER, "#")) return false;
  const na = sa.match(NUMBER) ?? [], nb = sb.match(NUMBER) ?? [];
  return na.length === nb.length && na.every((x, i) => closeNumbers(Number(x), Number(nb[i])));
}

/** The first difference between actnb's value and the runtime's, as a path and both values; null when they agree. */
export function difference(ts: unknown, py: unknown, tolerantText = true, at = "$"): string | null {
  if (typeof ts === "number" && typeof py === "number") return closeNumbers(ts, py) ? null : `${at}: actnb ${ts}, python ${py}`;
  if (typeof ts === "string" && typeof py === "string") {
    return sameText(ts, py, tolerantText) ? null : `${at}: actnb ${JSON.stringify(ts)}\n  python ${JSON.stringify(py)}`;
  }
  if (Array.isArray(ts) && Array.isArray(py)) {
    if (ts.length !== py.length) return `${at}: actnb has ${ts.length} items, python ${py.length}`;
    for (let i = 0; i < ts.length; i++) {
      const d = difference(ts[i], py[i], tolerantText, `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (ts && py && typeof ts === "object" && typeof py === "object" && !Array.isArray(ts) && !Array.isArray(py)) {
    const kt = Object.keys(ts), kp = Object.keys(py);
    if (kt.join() !== kp.join()) return `${at}: actnb keys ${kt.join(",")}, python ${kp.join(",")}`;
    for (const k of kt) {
      const d = difference((ts as Record<string, unknown>)[k], (py as Record<string, unknown>)[k], tolerantText, `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return ts === py ? null : `${at}: actnb ${JSON.stringify(ts)}, python ${JSON.stringify(py)}`;
}
