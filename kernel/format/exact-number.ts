// Numbers a JavaScript number cannot hold: an integer beyond 2^53 that would change
// (12345678901234567890 reads as 12345678901234567000) and a value beyond the double range that
// would become Infinity (1e400, which JSON cannot even write). Jupyter (Python) keeps such
// integers exactly, so the notebook may well hold them. They are read as a tagged object,
// { "$actnb:number": "<the text>" }, and written back as the same text: a round trip keeps them,
// through VS Code's metadata too (a plain object survives its copies, a class would not).
import { isPlainObject } from "./json-util";

export const EXACT_NUMBER_TAG = "$actnb:number";

export type ExactNumber = { [EXACT_NUMBER_TAG]: string };

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** True when `token` (a JSON number) reads as a double that writes back as the same number. */
export function readsExactly(token: string): boolean {
  const n = Number(token);
  if (!Number.isFinite(n)) return false;
  if (/^-?\d+$/.test(token)) return Number.isSafeInteger(n) || BigInt(token) === BigInt(n);
  // a non-zero value too small for a double reads as 0
  return n !== 0 || !/[1-9]/.test(token.replace(/[eE].*$/, ""));
}

export function exactNumber(token: string): ExactNumber {
  return { [EXACT_NUMBER_TAG]: token };
}

/** The number text of a tagged value, or undefined when `v` is not one. */
export function exactNumberText(v: unknown): string | undefined {
  if (!isPlainObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== EXACT_NUMBER_TAG) return undefined;
  const text = v[EXACT_NUMBER_TAG];
  return typeof text === "string" && JSON_NUMBER.test(text) ? text : undefined;
}
