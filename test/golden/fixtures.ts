// Loads golden fixtures written by test/golden/gen_*.py (PyTorch 1.13 is the oracle).
// JSON cannot hold non-finite numbers, so the generators write them as the strings
// "nan", "inf" and "-inf"; decode() turns them back into numbers, recursively.
import * as fs from "fs";
import * as path from "path";
import * as assert from "assert";

const FIXTURE_DIR = path.resolve(__dirname, "../../../test/golden/fixtures");

export function decode(value: unknown): any {
  if (value === "nan") return NaN;
  if (value === "inf") return Infinity;
  if (value === "-inf") return -Infinity;
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

export function loadFixture(name: string): any {
  const file = path.join(FIXTURE_DIR, name.endsWith(".json") ? name : `${name}.json`);
  return decode(JSON.parse(fs.readFileSync(file, "utf8")));
}

function flatten(v: unknown): number[] {
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (typeof v === "boolean") return [v ? 1 : 0];
  return [v as number];
}

/** Elementwise |a-b| <= atol + rtol*|b|, with nan matching nan and infinities matching exactly. */
export function assertClose(actual: unknown, expected: unknown, what: string, rtol = 1e-6, atol = 1e-6): void {
  const a = flatten(actual);
  const e = flatten(expected);
  assert.strictEqual(a.length, e.length, `${what}: ${a.length} values, expected ${e.length}`);
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = e[i];
    if (Number.isNaN(y)) { assert.ok(Number.isNaN(x), `${what}[${i}]: got ${x}, expected nan`); continue; }
    if (!Number.isFinite(y)) { assert.strictEqual(x, y, `${what}[${i}]: got ${x}, expected ${y}`); continue; }
    const tol = atol + rtol * Math.abs(y);
    assert.ok(Math.abs(x - y) <= tol, `${what}[${i}]: got ${x}, expected ${y} (tolerance ${tol})`);
  }
}
