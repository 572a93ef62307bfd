// Shared by the .actnb format tests (format.test.ts, format-ipynb.test.ts; format-json.test.ts
// uses mulberry32): where the notebook fixtures are, the format-error assertion, the full sample
// notebook, and seeded random notebooks for the round-trip tests. Not a test file itself.
import * as assert from "assert";
import * as path from "path";
import { Cell, CodeCell, FormatErrorCode, JsonObject, JsonValue, Notebook, NotebookFormatError } from "../../kernel/format";

/** test/fixtures/notebooks (the compiled tests run from out/test/unit). */
export const NOTEBOOK_FIXTURES = path.resolve(__dirname, "../../..", "test/fixtures/notebooks");

/** What expectError checks: the code always; path, line, column and message where given. */
export interface ExpectedFormatError { code: FormatErrorCode; path?: string; line?: number; column?: number; message?: string | RegExp }

/** fn must throw a NotebookFormatError matching expected; returns it. */
export function expectError(fn: () => unknown, expected: ExpectedFormatError): NotebookFormatError {
  let error: unknown;
  try { fn(); } catch (e) { error = e; }
  assert.ok(error instanceof NotebookFormatError, `expected a NotebookFormatError, got ${error === undefined ? "no error" : String(error)}`);
  assert.strictEqual(error.code, expected.code, error.message);
  if (expected.path !== undefined) assert.strictEqual(error.path, expected.path, error.message);
  if (expected.line !== undefined) assert.strictEqual(error.location?.line, expected.line, error.message);
  if (expected.column !== undefined) assert.strictEqual(error.location?.column, expected.column, error.message);
  if (typeof expected.message === "string") assert.strictEqual(error.message, expected.message);
  else if (expected.message) assert.match(error.message, expected.message);
  return error;
}

/** One cell of each kind, every output kind, every optional field, and unknown fields everywhere. */
export const FULL_TEXT = `{
  "actnb": 1,
  "metadata": {
    "title": "Everything",
    "kernel": {
      "name": "actnb",
      "version": "0.1.0",
      "build": "dev"
    },
    "ipynb": {
      "future_top_level": 4
    },
    "author": "Ada",
    "zeta": [
      1,
      {
        "b": true,
        "a": null
      }
    ]
  },
  "cells": [
    {
      "kind": "markdown",
      "language": "markdown",
      "metadata": {
        "title": "Intro",
        "collapsed": false
      },
      "source": "",
      "cellFuture": "kept"
    },
    {
      "kind": "code",
      "language": "typescript",
      "metadata": {
        "title": "Plot",
        "collapsed": true,
        "volatile": false,
        "ipynb": {
          "id": "abc"
        },
        "tags": [
          "plot"
        ]
      },
      "source": "console.log(1);\\nconsole.error(2);\\n",
      "execution": {
        "order": 0,
        "started": "2025-01-31T12:00:00+01:00",
        "duration_ms": 0,
        "success": false,
        "cpu_ms": 3
      },
      "outputs": [
        {
          "stream": "stdout",
          "text": "1\\n",
          "metadata": {
            "seq": 1
          }
        },
        {
          "stream": "stderr",
          "text": "2\\n",
          "streamFuture": {}
        },
        {
          "items": {
            "application/vnd.vegalite.v5+json": {
              "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
              "data": {
                "values": [
                  {
                    "x": -1.5,
                    "y": 0
                  }
                ]
              },
              "mark": "line"
            },
            "application/json": [
              1,
              "two",
              null,
              false
            ],
            "text/html": "<b>plot</b>",
            "image/png": "iVBORw0KGgo=",
            "text/plain": "<chart>"
          },
          "metadata": {
            "ipynb": {
              "execution_count": 7
            },
            "isolated": true
          },
          "displayFuture": 1
        },
        {
          "items": {
            "text/plain": "42"
          },
          "result": true
        },
        {
          "items": {},
          "result": false
        },
        {
          "error": {
            "name": "TypeError",
            "message": "x is not a function",
            "stack": "TypeError: x is not a function\\n    at cell:1:1",
            "code": "ERR_X"
          },
          "metadata": {
            "note": "n"
          },
          "errorFuture": [
            1
          ]
        },
        {
          "error": {
            "name": "Error",
            "message": ""
          }
        }
      ],
      "codeFuture": {
        "z": 1
      }
    },
    {
      "kind": "code",
      "language": "javascript",
      "metadata": {},
      "source": "",
      "outputs": []
    }
  ],
  "future": {
    "x": 1
  },
  "another": "last"
}
`;

// ---------------------------------------------------------------------------------------------
// Random notebooks for the round-trip tests.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["", "a", "x y", "σ", "日本", "👩🏽‍🔬", "\n", "\t\"\\", "\u0000", "\u2028", "__proto__", "constructor", "0", "12", "-1", "1.5", "metadata", "kind", "items"];

export function randomNotebook(random: () => number): Notebook {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const str = (): string => Array.from({ length: Math.floor(random() * 4) }, () => pick(WORDS)).join(pick(["", " ", "\n"]));
  const json = (depth: number): unknown => {
    const r = random();
    if (depth > 2 || r < 0.4) return pick([null, true, false, 0, -1, 1.5, 1e21, 3.14159, -0.001, str(), str()]);
    if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => json(depth + 1));
    return object(depth + 1);
  };
  const object = (depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    // Keys that look like array indices come first in a JavaScript object, so they are left out of
    // random objects here (docs: a file we wrote has them first already).
    for (let i = Math.floor(random() * 4); i > 0; i--) {
      const key = pick(WORDS.filter((w) => !/^(0|[1-9]\d*)$/.test(w))) + (chance(0.5) ? String(i) : "");
      Object.defineProperty(o, key, { value: json(depth), enumerable: true, writable: true, configurable: true });
    }
    return o;
  };
  const extra = () => {
    if (!chance(0.3)) return undefined;
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(random() * 3) + 1; i > 0; i--) o[`future_${pick(["a", "b", "c"])}${i}`] = json(1);
    return o as never;
  };
  const withExtra = <T extends object>(o: T): T => { const e = extra(); return e ? { ...o, extra: e } : o; };
  const metadata = (): JsonObject => {
    const m = object(1) as JsonObject;
    for (const key of ["title", "collapsed", "volatile", "ipynb", "kernel"]) delete m[key];
    if (chance(0.3)) m.title = str();
    if (chance(0.3)) m.volatile = chance(0.5);
    // Conversion leftovers: .ipynb fields unknown to both formats (known ones have a meaning there).
    if (chance(0.2)) m.ipynb = { [`future_${pick(["x", "y"])}`]: json(1) as JsonValue };
    return m;
  };
  const output = () => {
    const r = random();
    let o: Record<string, unknown>;
    if (r < 0.4) {
      const items: Record<string, unknown> = {};
      for (const mime of ["text/plain", "application/json", "application/vnd.vegalite.v5+json", "text/html", "image/png"]) {
        if (chance(0.5)) items[mime] = mime.endsWith("json") ? json(0) : str();
      }
      o = { items };
      if (chance(0.3)) o.result = chance(0.8);
    } else if (r < 0.7) {
      o = { stream: pick(["stdout", "stderr"]), text: str() };
    } else {
      const error: Record<string, unknown> = { name: pick(["Error", "TypeError"]), message: str() };
      if (chance(0.7)) error.stack = str();
      o = { error: withExtra(error) };
    }
    if (chance(0.3)) {
      const m = metadata();
      for (const key of ["title", "volatile"]) delete m[key];
      if (Object.keys(m).length > 0) o.metadata = m;
    }
    return withExtra(o);
  };
  const cells: Cell[] = Array.from({ length: Math.floor(random() * 5) }, (): Cell => {
    if (chance(0.3)) return withExtra<Cell>({ kind: "markdown", language: "markdown", metadata: metadata(), source: str() });
    const cell: CodeCell = { kind: "code", language: pick(["typescript", "javascript"]), metadata: metadata(), source: str(), outputs: Array.from({ length: Math.floor(random() * 4) }, output) as never };
    if (chance(0.6)) cell.execution = withExtra({ order: Math.floor(random() * 50), started: "2025-01-31T12:00:00.000Z", duration_ms: random() * 100, success: chance(0.8) });
    return withExtra(cell);
  });
  const nbMetadata = metadata();
  if (chance(0.5)) nbMetadata.kernel = { name: "actnb", version: "0.1.0" };
  return withExtra<Notebook>({ metadata: nbMetadata, cells });
}
