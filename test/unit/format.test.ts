// The .actnb format (docs/actnb-format.md): exact serialization, lossless round trips (unknown
// fields at every level, unicode, every output kind), key order, and one specific error, with its
// JSON path and line:column, for every kind of broken file.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Cell, newNotebook, Notebook, parseNotebook, parseNotebookBytes, serializeNotebook } from "../../kernel/format";
import { expectError, FULL_TEXT, mulberry32, NOTEBOOK_FIXTURES, randomNotebook } from "./format-helpers";


const parseAs = (text: string) => () => parseNotebook(text, "t.actnb");

/** Serializes, parses and serializes again: both texts must match and the notebooks be equal. */
function roundTrip(nb: Notebook): string {
  const text = serializeNotebook(nb);
  const back = parseNotebook(text);
  assert.deepStrictEqual(back, nb);
  assert.strictEqual(serializeNotebook(back), text);
  return text;
}

const SMALL: Notebook = {
  metadata: { title: "Small", kernel: { name: "actnb", version: "0.1.0" } },
  cells: [
    { kind: "markdown", language: "markdown", metadata: {}, source: "# Title\ntext" },
    {
      kind: "code", language: "typescript", metadata: { volatile: true }, source: "1 + 1",
      execution: { order: 3, started: "2025-01-31T12:00:00.000Z", duration_ms: 1.5, success: true },
      outputs: [{ items: { "text/plain": "2", "application/json": { n: 2 } }, result: true }],
    },
  ],
};

const SMALL_TEXT = `{
  "actnb": 1,
  "metadata": {
    "title": "Small",
    "kernel": {
      "name": "actnb",
      "version": "0.1.0"
    }
  },
  "cells": [
    {
      "kind": "markdown",
      "language": "markdown",
      "metadata": {},
      "source": "# Title\\ntext"
    },
    {
      "kind": "code",
      "language": "typescript",
      "metadata": {
        "volatile": true
      },
      "source": "1 + 1",
      "execution": {
        "order": 3,
        "started": "2025-01-31T12:00:00.000Z",
        "duration_ms": 1.5,
        "success": true
      },
      "outputs": [
        {
          "items": {
            "text/plain": "2",
            "application/json": {
              "n": 2
            }
          },
          "result": true
        }
      ]
    }
  ]
}
`;

describe("actnb format: writing", () => {
  it("writes a small notebook exactly (golden text)", () => {
    assert.strictEqual(serializeNotebook(SMALL), SMALL_TEXT);
  });

  it("reads the golden text back to the same notebook", () => {
    assert.deepStrictEqual(parseNotebook(SMALL_TEXT), SMALL);
  });

  it("writes an empty notebook", () => {
    const text = roundTrip(newNotebook());
    assert.strictEqual(text, `{\n  "actnb": 1,\n  "metadata": {},\n  "cells": []\n}\n`);
    assert.strictEqual(roundTrip(newNotebook("T")), `{\n  "actnb": 1,\n  "metadata": {\n    "title": "T"\n  },\n  "cells": []\n}\n`);
  });

  it("writes known keys in the documented order, whatever order the notebook was built in", () => {
    const cell = { outputs: [], source: "x", metadata: { zz: 1, volatile: true, title: "t" }, language: "typescript", kind: "code" } as Cell;
    const nb = { cells: [cell], metadata: { other: 1, kernel: { version: "1", name: "k" }, title: "T" } } as Notebook;
    const text = serializeNotebook(nb);
    const keys = [...text.matchAll(/^ *"([^"]+)":/gm)].map((m) => m[1]);
    assert.deepStrictEqual(keys, [
      "actnb", "metadata", "title", "kernel", "name", "version", "other",
      "cells", "kind", "language", "metadata", "title", "volatile", "zz", "source", "outputs",
    ]);
  });

  it("keeps the source as one string and ends with exactly one newline", () => {
    const nb: Notebook = { metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source: "a\nb\n\n", outputs: [] }] };
    const text = serializeNotebook(nb);
    assert.ok(text.includes(`"source": "a\\nb\\n\\n"`));
    assert.ok(text.endsWith("}\n") && !text.endsWith("\n\n"));
  });

  it("fills defaults on read and always writes them (metadata, language, outputs)", () => {
    const nb = parseNotebook(`{"actnb":1,"cells":[{"kind":"markdown","source":"m"},{"kind":"code","source":"c"}]}`);
    assert.deepStrictEqual(nb, {
      metadata: {},
      cells: [
        { kind: "markdown", language: "markdown", metadata: {}, source: "m" },
        { kind: "code", language: "typescript", metadata: {}, source: "c", outputs: [] },
      ],
    });
    roundTrip(nb);
  });

  it("omits empty output metadata and absent optional fields", () => {
    const nb: Notebook = { metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source: "", outputs: [{ stream: "stdout", text: "", metadata: {} }, { error: { name: "E", message: "m" } }] }] };
    const text = serializeNotebook(nb);
    assert.ok(!text.includes(`"metadata": {}\n        }`), text);
    assert.ok(!text.includes("stack") && !text.includes("execution") && !text.includes("result"));
  });

  it("refuses to write what it could not read back", () => {
    const base = (outputs: unknown[]): Notebook => ({ metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source: "", outputs: outputs as never }] });
    expectError(() => serializeNotebook(base([{ items: { "application/json": { x: NaN } } }])), { code: "type", message: /cells\[0\]\.outputs\[0\]\.items\["application\/json"\]\.x as JSON: it is the number NaN/ });
    expectError(() => serializeNotebook(base([{ items: { "text/plain": 3 } }])), { code: "type", path: `cells[0].outputs[0].items["text/plain"]` });
    expectError(() => serializeNotebook(base([{ stream: "stdlog", text: "" }])), { code: "invalid", path: "cells[0].outputs[0].stream" });
    expectError(() => serializeNotebook(base([{ text: "" }])), { code: "invalid", message: /cells\[0\]\.outputs\[0\] has none of "items", "stream" and "error"/ });
    expectError(() => serializeNotebook(base([{ items: {}, extra: { items: 1 } }])), { code: "invalid", message: /"items" in "extra", but that is a known field/ });
    expectError(() => serializeNotebook({ metadata: {}, cells: [{ kind: "raw", language: "x", metadata: {}, source: "" } as unknown as Cell] }), { code: "unknown-kind", path: "cells[0].kind" });
    expectError(() => serializeNotebook({ metadata: { when: new Date(0) as never }, cells: [] }), { code: "type", message: /metadata\.when as JSON: it is a Date object/ });
    expectError(() => serializeNotebook(base([{ items: { "application/json": [1, undefined] } }])), { code: "type", message: /\[1\] as JSON: it is undefined/ });
  });
});

describe("actnb format: lossless round trips", () => {
  it("reads and writes back a file with every field, every output kind and unknown fields at every level", () => {
    const nb = parseNotebook(FULL_TEXT);
    assert.strictEqual(serializeNotebook(nb), FULL_TEXT);
    assert.deepStrictEqual(nb.extra, { future: { x: 1 }, another: "last" });
    const code = nb.cells[1];
    assert.ok(code.kind === "code");
    assert.deepStrictEqual(code.extra, { codeFuture: { z: 1 } });
    assert.deepStrictEqual(code.execution?.extra, { cpu_ms: 3 });
    assert.deepStrictEqual(code.outputs[1].extra, { streamFuture: {} });
    assert.deepStrictEqual(code.outputs[2].extra, { displayFuture: 1 });
    const error = code.outputs[5];
    assert.ok("error" in error);
    assert.deepStrictEqual(error.error.extra, { code: "ERR_X" });
    assert.deepStrictEqual(error.extra, { errorFuture: [1] });
    assert.deepStrictEqual(nb.cells[0].extra, { cellFuture: "kept" });
    assert.strictEqual(nb.metadata.kernel?.build, "dev");
  });

  it("moves unknown fields after the known ones, keeping their own order", () => {
    const text = `{"zz":1,"cells":[{"b":2,"source":"s","a":1,"kind":"markdown"}],"actnb":1,"aa":2}`;
    const written = serializeNotebook(parseNotebook(text));
    const keys = [...written.matchAll(/^ *"([^"]+)":/gm)].map((m) => m[1]);
    assert.deepStrictEqual(keys, ["actnb", "metadata", "cells", "kind", "language", "metadata", "source", "b", "a", "zz", "aa"]);
    assert.strictEqual(serializeNotebook(parseNotebook(written)), written);
  });

  it("keeps unicode exactly: non-ASCII as itself, control characters and lone surrogates escaped", () => {
    const source = "σ(x) = 1/(1+e⁻ˣ) — 日本語 👩🏽‍🔬 é (e\u0301) عربي\u2028line\ttab\u0000nul\u001b[31m\r\n\ud800";
    const nb: Notebook = { metadata: { title: "Ünïcödé 📈" }, cells: [{ kind: "code", language: "typescript", metadata: { "ключ": "значение" }, source, outputs: [{ stream: "stdout", text: source }, { items: { "application/json": { [source]: source } } }] }] };
    const text = roundTrip(nb);
    assert.ok(text.includes("σ(x) = 1/(1+e⁻ˣ) — 日本語 👩🏽‍🔬"));
    assert.ok(text.includes("\\u0000nul\\u001b[31m\\r\\n\\ud800"));
    assert.ok(text.includes("\u2028"));
  });

  it("keeps keys that JavaScript treats specially (__proto__, constructor, numeric keys)", () => {
    const text = `{
  "actnb": 1,
  "metadata": {
    "0": "zero",
    "__proto__": {
      "polluted": true
    },
    "constructor": "c",
    "hasOwnProperty": 1
  },
  "cells": [],
  "__proto__": [
    1
  ],
  "toString": "s"
}
`;
    const nb = parseNotebook(text);
    assert.strictEqual(serializeNotebook(nb), text);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.deepStrictEqual(Object.keys(nb.extra!), ["__proto__", "toString"]);
  });

  it("reads and writes back random notebooks (seeded)", () => {
    const random = mulberry32(20250131);
    for (let n = 0; n < 150; n++) {
      const nb = randomNotebook(random);
      roundTrip(nb);
    }
  });

  it("reads the example notebook under test/fixtures/notebooks and writes it back unchanged", () => {
    const text = fs.readFileSync(path.join(NOTEBOOK_FIXTURES, "relu.actnb"), "utf8");
    const nb = parseNotebook(text, "relu.actnb");
    assert.strictEqual(serializeNotebook(nb), text);
    assert.strictEqual(nb.metadata.title, "ReLU, a first look");
    assert.deepStrictEqual(nb.cells.map((c) => c.kind), ["markdown", "code", "code"]);
    const [, relu, timing] = nb.cells;
    assert.ok(relu.kind === "code" && timing.kind === "code");
    assert.deepStrictEqual(relu.outputs, [{ stream: "stdout", text: "tensor([0., 0., 2.])\n" }]);
    assert.strictEqual(timing.metadata.volatile, true);
  });

  it("reads bytes: UTF-8 with or without a byte-order mark", () => {
    const bytes = Buffer.from(SMALL_TEXT, "utf8");
    assert.deepStrictEqual(parseNotebookBytes(bytes), SMALL);
    assert.deepStrictEqual(parseNotebookBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])), SMALL);
    assert.deepStrictEqual(parseNotebook("\ufeff" + SMALL_TEXT), SMALL);
  });
});

describe("actnb format: errors name the problem and where it is", () => {
  it("an empty file", () => {
    expectError(parseAs(""), { code: "empty", message: "t.actnb: the file is empty; a notebook is a JSON object" });
    expectError(parseAs(" \n\t\n"), { code: "empty" });
  });

  it("binary garbage", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectError(parseAs(png.toString("latin1")), { code: "binary", message: "t.actnb: the file is not text (it holds binary data); a notebook is JSON text" });
    expectError(() => parseNotebookBytes(png, "t.actnb"), { code: "binary", message: /not UTF-8 text/ });
    const random = mulberry32(7);
    const noise = Buffer.from(Array.from({ length: 256 }, () => Math.floor(random() * 256)));
    expectError(parseAs(noise.toString("latin1")), { code: "binary" });
    expectError(parseAs("\u0001\u0002\u0003\u0004garbage\u0005"), { code: "binary" });
  });

  it("truncated JSON: every cut of a valid file is reported as incomplete, at the end of the text", () => {
    for (let cut = 1; cut < SMALL_TEXT.length - 1; cut++) {
      const text = SMALL_TEXT.slice(0, cut);
      if (text.trim() === "") continue;
      const lines = text.split("\n");
      expectError(parseAs(text), { code: "truncated", line: lines.length, column: lines[lines.length - 1].length + 1 });
    }
  });

  it("truncated JSON: says what was left open, and where it started", () => {
    expectError(parseAs(`{\n  "actnb": 1,\n  "cells": [\n    {\n      "kind": "code",\n      "source": "con`), {
      code: "truncated", path: "cells[0].source", line: 6, column: 21,
      message: `t.actnb:6:21: the JSON is incomplete: the file ends inside the string that starts at line 6, column 17 (was the file cut short?) (in cells[0].source)`,
    });
    expectError(parseAs(`{"actnb": 1, "cells": [`), { code: "truncated", message: /ends inside the array that starts at line 1, column 23/ });
    expectError(parseAs(`{"actnb": tr`), { code: "truncated", message: /ends inside 'true'/ });
    expectError(parseAs(`{"actnb": 1`), { code: "truncated", message: /ends inside the object that starts at line 1, column 1/ });
  });

  it("JSON syntax errors, with line:column", () => {
    const cases: [string, number, number, RegExp][] = [
      [`{\n  "actnb": 1,\n  "cells": [],\n}`, 4, 1, /a comma before '}' \(JSON allows no trailing comma\)/],
      [`{\n  "actnb": 1\n  "cells": []\n}`, 3, 3, /expected ',' or '}' after the value of "actnb", found '"'/],
      [`{'actnb': 1}`, 1, 2, /property names must be in double quotes/],
      [`{"actnb": 1, // one\n"cells": []}`, 1, 14, /JSON has no comments/],
      [`{"actnb": 1, "cells": [{"kind": "code", "source": "a\nb"}]}`, 1, 53, /a line break inside a string/],
      [`{"actnb": 1, "cells": [], "x": "\\q"}`, 1, 33, /invalid escape \\q/],
      [`{"actnb": 01}`, 1, 12, /no leading zeros/],
      [`{"actnb": NaN}`, 1, 11, /expected a value, found 'NaN'/],
      [`{"actnb": 1, "cells": []} x`, 1, 27, /unexpected 'x' after the end of the JSON value/],
      [`{"actnb": 1, "cells": [1,]}`, 1, 26, /a comma before ']'/],
      [`{"actnb": 1 "cells": []}`, 1, 13, /expected ',' or '}'/],
      [`{"actnb": 1, "cells": [{"kind" "code"}]}`, 1, 32, /expected ':' after the property name "kind"/],
      [`{"actnb": 1, "x": "\\u12G4"}`, 1, 24, /four hexadecimal digits/],
      [`{"actnb": 1, "x": "a\u0007"}`, 1, 21, /a control character \(U\+0007\) inside a string/],
      [`{"actnb": -}`, 1, 12, /invalid number: expected a digit/],
    ];
    for (const [text, line, column, message] of cases) {
      const e = expectError(parseAs(text), { code: "syntax", line, column, message });
      assert.ok(e.message.startsWith(`t.actnb:${line}:${column}: JSON syntax error: `), e.message);
    }
  });

  it("without a file name the message starts with the line and column", () => {
    expectError(() => parseNotebook(`{"actnb": 1,}`), { code: "syntax", message: /^line 1, column 13: JSON syntax error/ });
  });

  it("a newer format version", () => {
    expectError(parseAs(`{\n  "actnb": 2,\n  "cells": []\n}\n`), {
      code: "newer-version", path: "actnb", line: 2, column: 12,
      message: "t.actnb:2:12: This notebook was written by a newer version of Activation Notebooks (format 2; this version reads 1)",
    });
    // The version is checked before anything else: a format-3 file may look nothing like format 1.
    expectError(parseAs(`{"actnb": 3, "pages": {}}`), { code: "newer-version", message: /format 3; this version reads 1/ });
  });

  it("a version that is no version", () => {
    expectError(parseAs(`{"actnb": "1", "cells": []}`), { code: "bad-version", path: "actnb", message: /"actnb" must be the format version, 1, not "1"/ });
    expectError(parseAs(`{"actnb": 0, "cells": []}`), { code: "bad-version" });
    expectError(parseAs(`{"actnb": 1.5, "cells": []}`), { code: "bad-version" });
    expectError(parseAs(`{"cells": []}`), { code: "missing", path: "", message: /the notebook has no "actnb" format version/ });
  });

  it("JSON that is not a notebook", () => {
    expectError(parseAs(`[1, 2]`), { code: "not-a-notebook", message: /the file holds an array, not a notebook/ });
    expectError(parseAs(`"hello"`), { code: "not-a-notebook", message: /holds a string/ });
    expectError(parseAs(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}`), { code: "not-a-notebook", message: /this is a Jupyter notebook \(.ipynb/ });
  });

  it("missing fields", () => {
    expectError(parseAs(`{"actnb": 1}`), { code: "missing", path: "", line: 1, column: 1, message: `t.actnb:1:1: the notebook has no "cells" (the list of cells)` });
    expectError(parseAs(`{\n  "actnb": 1,\n  "cells": [\n    {"source": "x"}\n  ]\n}`), {
      code: "missing", path: "cells[0]", line: 4, column: 5,
      message: `t.actnb:4:5: cells[0] has no "kind" (every cell needs "kind": "markdown" or "code")`,
    });
    expectError(parseAs(`{"actnb": 1, "cells": [{"kind": "code"}]}`), { code: "missing", path: "cells[0]", message: /cells\[0\] has no "source"/ });
    expectError(parseAs(`{"actnb": 1, "cells": [{"kind": "code", "source": "", "outputs": [{"stream": "stdout"}]}]}`), { code: "missing", path: "cells[0].outputs[0]", message: /has no "text"/ });
    expectError(parseAs(`{"actnb": 1, "cells": [{"kind": "code", "source": "", "outputs": [{"error": {"name": "E"}}]}]}`), { code: "missing", path: "cells[0].outputs[0].error", message: /has no "message"/ });
    expectError(parseAs(`{"actnb": 1, "cells": [{"kind": "code", "source": "", "execution": {"success": true}}]}`), { code: "missing", path: "cells[0].execution", message: /has no "order"/ });
    expectError(parseAs(`{"actnb": 1, "metadata": {"kernel": {"version": "1"}}, "cells": []}`), { code: "missing", path: "metadata.kernel", message: /has no "name"/ });
  });

  it("an unknown cell kind", () => {
    expectError(parseAs(`{\n  "actnb": 1,\n  "cells": [\n    {"kind": "markdown", "source": ""},\n    {"kind": "raw", "source": ""}\n  ]\n}`), {
      code: "unknown-kind", path: "cells[1].kind", line: 5, column: 14,
      message: `t.actnb:5:14: cells[1] has the kind "raw", which this version does not know; a cell's kind is "markdown" or "code"`,
    });
  });

  it("wrong types, each naming the JSON path", () => {
    const cell = (fields: string) => `{"actnb": 1, "cells": [{"kind": "code", "source": "", ${fields}}]}`;
    const cases: [string, string, RegExp][] = [
      [`{"actnb": 1, "cells": {}}`, "cells", /^t\.actnb:1:23: cells must be a list \(JSON array\), not an object$/],
      [`{"actnb": 1, "metadata": [], "cells": []}`, "metadata", /metadata must be an object, not an array/],
      [`{"actnb": 1, "metadata": {"title": 7}, "cells": []}`, "metadata.title", /metadata\.title must be a string, not 7/],
      [`{"actnb": 1, "cells": ["code"]}`, "cells[0]", /cells\[0\] must be an object \(a cell\), not the string "code"/],
      [`{"actnb": 1, "cells": [{"kind": 1, "source": ""}]}`, "cells[0].kind", /must be a string, not 1/],
      [`{"actnb": 1, "cells": [{"kind": "code", "source": ["a\\n", "b"]}]}`, "cells[0].source", /cells\[0\]\.source must be one string \(not a list of lines as in \.ipynb\), not an array/],
      [cell(`"language": null`), "cells[0].language", /must be a string, not null/],
      [cell(`"metadata": {"collapsed": "yes"}`), "cells[0].metadata.collapsed", /must be true or false, not the string "yes"/],
      [cell(`"metadata": {"volatile": 1}`), "cells[0].metadata.volatile", /must be true or false, not 1/],
      [cell(`"metadata": {"ipynb": "x"}`), "cells[0].metadata.ipynb", /must be an object/],
      [cell(`"outputs": {}`), "cells[0].outputs", /must be a list/],
      [cell(`"outputs": [7]`), "cells[0].outputs[0]", /must be an object \(an output\), not 7/],
      [cell(`"outputs": [{"items": {"text/plain": 3}}]`), `cells[0].outputs[0].items["text/plain"]`, /must be a string \(text\/plain is not a JSON MIME type; only application\/json and types ending in \+json hold JSON values\), not 3/],
      [cell(`"outputs": [{"items": {"image/png": {"b64": ""}}}]`), `cells[0].outputs[0].items["image/png"]`, /must be a string/],
      [cell(`"outputs": [{"items": []}]`), "cells[0].outputs[0].items", /must be an object of MIME type → data/],
      [cell(`"outputs": [{"items": {}, "result": "yes"}]`), "cells[0].outputs[0].result", /true or false/],
      [cell(`"outputs": [{"items": {}, "metadata": 1}]`), "cells[0].outputs[0].metadata", /must be an object/],
      [cell(`"outputs": [{"stream": "stdout", "text": ["a"]}]`), "cells[0].outputs[0].text", /must be one string/],
      [cell(`"outputs": [{"error": "boom"}]`), "cells[0].outputs[0].error", /must be an object \(\{ "name": …, "message": …, "stack": … \}\)/],
      [cell(`"outputs": [{"error": {"name": "E", "message": "m", "stack": ["a"]}}]`), "cells[0].outputs[0].error.stack", /must be one string/],
      [cell(`"execution": {"order": -1}`), "cells[0].execution.order", /must be a whole number, 0 or more, not -1/],
      [cell(`"execution": {"order": 1.5}`), "cells[0].execution.order", /not 1\.5/],
      [cell(`"execution": {"order": 1, "duration_ms": "5"}`), "cells[0].execution.duration_ms", /must be a number of milliseconds/],
      [cell(`"execution": {"order": 1, "success": "ok"}`), "cells[0].execution.success", /true or false/],
      [cell(`"execution": 3`), "cells[0].execution", /must be an object/],
    ];
    for (const [text, at, message] of cases) expectError(parseAs(text), { code: "type", path: at, message });
  });

  it("values of the right type that are not allowed", () => {
    const cell = (fields: string) => `{"actnb": 1, "cells": [{"kind": "code", "source": "", ${fields}}]}`;
    const cases: [string, string, RegExp][] = [
      [cell(`"outputs": [{"stream": "stdlog", "text": ""}]`), "cells[0].outputs[0].stream", /must be "stdout" or "stderr", not "stdlog"/],
      [cell(`"outputs": [{"items": {"plain": "x"}}]`), `cells[0].outputs[0].items.plain`, /has the key "plain", which is not a MIME type/],
      [cell(`"outputs": [{"text": "x"}]`), "cells[0].outputs[0]", /is not an output: an output has "items" \(rich data\), "stream" \(stdout or stderr text\) or "error"/],
      [cell(`"outputs": [{"items": {}, "stream": "stdout", "text": ""}]`), "cells[0].outputs[0]", /has both "items" and "stream"/],
      [cell(`"execution": {"order": 1, "started": "yesterday"}`), "cells[0].execution.started", /must be an ISO 8601 time such as "2025-01-31T12:00:00.000Z", not "yesterday"/],
      [cell(`"execution": {"order": 1, "started": "2025-13-45T12:00:00Z"}`), "cells[0].execution.started", /ISO 8601/],
      [`{"actnb": 1, "cells": [{"kind": "markdown", "source": "", "outputs": []}]}`, "cells[0].outputs", /cells\[0\] is a markdown cell but has "outputs"; only code cells have outputs and an execution/],
      [`{"actnb": 1, "cells": [{"kind": "markdown", "source": "", "execution": {"order": 1}}]}`, "cells[0].execution", /markdown cell but has "execution"/],
    ];
    for (const [text, at, message] of cases) expectError(parseAs(text), { code: "invalid", path: at, message });
  });

  it("places a deep validation error at its line and column", () => {
    const text = SMALL_TEXT.replace(`"text/plain": "2"`, `"text/plain": ["2"]`);
    expectError(parseAs(text), { code: "type", path: `cells[1].outputs[0].items["text/plain"]`, line: 33, column: 27 });
  });
});

describe("actnb format: keys given twice and absurd nesting", () => {
  it("a key given twice is an error at its second place (JSON.parse would drop the first silently)", () => {
    const text = '{\n "actnb": 1,\n "metadata": {},\n "cells": [],\n "metadata": {"x": 1}\n}\n';
    assert.throws(() => parseNotebook(text, "twice.actnb"), (e: Error) => {
      assert.match(e.message, /^twice\.actnb:5:2: JSON syntax error: the key "metadata" appears twice in this object/);
      return true;
    });
  });
  it("nesting too deep to check is an error with its place, not a stack overflow", () => {
    const deep = `{"actnb": 1, "metadata": {"x": ${"[".repeat(200000)}${"]".repeat(200000)}}, "cells": []}`;
    assert.throws(() => parseNotebook(deep, "deep.actnb"), (e: Error) => {
      assert.match(e.message, /^deep\.actnb:1:\d+: .*nested too deeply/);
      assert.strictEqual(e.name, "NotebookFormatError");
      return true;
    });
  });
});
