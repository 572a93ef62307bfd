// Vega-Lite specs "up to float formatting" (pytorch-export design): the same JSON structure and
// strings, numbers equal within a relative 1e-5 or an absolute 1e-6, since PyTorch's float32
// kernels and actnb's may differ in the last bits.
import { JsonValue } from "../../kernel/format";

const REL = 1e-5, ABS = 1e-6;

export function closeEnough(a: number, b: number): boolean {
  if (Object.is(a, b)) return true;
  const d = Math.abs(a - b);
  return d <= ABS || d <= REL * Math.max(Math.abs(a), Math.abs(b));
}

const kind = (v: JsonValue | undefined) => (v === undefined ? "absent" : v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const show = (v: JsonValue | undefined) => (v === undefined ? "absent" : JSON.stringify(v).slice(0, 80));

/** Where two specs differ beyond float formatting, as "path: actnb X, python Y" (empty when equal). */
export function specDifferences(actnb: JsonValue | undefined, python: JsonValue | undefined, path = "$"): string[] {
  const differ = () => [`${path}: actnb ${show(actnb)}, python ${show(python)}`];
  if (kind(actnb) !== kind(python)) return differ();
  if (typeof actnb === "number") return closeEnough(actnb, python as number) ? [] : differ();
  if (Array.isArray(actnb)) {
    const p = python as JsonValue[];
    if (actnb.length !== p.length) return [`${path}: actnb ${actnb.length} items, python ${p.length}`];
    return actnb.flatMap((v, i) => specDifferences(v, p[i], `${path}[${i}]`));
  }
  if (actnb !== null && typeof actnb === "object") {
    const p = python as { [k: string]: JsonValue | undefined };
    const keys = [...new Set([...Object.keys(actnb), ...Object.keys(p)])];
    return keys.flatMap((k) => specDifferences(actnb[k], p[k], `${path}.${k}`));
  }
  return actnb === python ? [] : differ();
}
