// The JSON helpers under the format: the writer (JSON.stringify's layout, chosen or sorted key
// order, errors for what is not JSON) and the scanner that locates syntax errors and values.
import * as assert from "assert";
import { findSyntaxError, findValueOffset, locationOf } from "../../kernel/format/json-scan";
import { Ordered, writeJson } from "../../kernel/format/write-json";
import { mulberry32 } from "./format-helpers";

function randomJson(random: () => number, depth = 0): unknown {
  const r = random();
  if (depth > 3 || r < 0.45) return [null, true, false, 0, -0, 1.5, -2e-7, 1e21, 123456789, "", "a\"b\\c\n\u0000\u2028σ👩🏽‍🔬", "\ud800"][Math.floor(random() * 12)];
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) o[["a", "b", "0", "17", "__proto__x", "ü", ""][Math.floor(random() * 7)]] = randomJson(random, depth + 1);
  return o;
}

describe("format JSON: writing", () => {
  it("writes what JSON.stringify(value, null, indent) writes, for any JSON value", () => {
    const random = mulberry32(99);
    for (let n = 0; n < 300; n++) {
      const v = randomJson(random);
      assert.strictEqual(writeJson(v, { indent: "  " }), JSON.stringify(v, null, 2));
      assert.strictEqual(writeJson(v, { indent: " " }), JSON.stringify(v, null, 1));
      // Inside an Ordered object the same value is written the same way, one level deeper.
      assert.strictEqual(writeJson(new Ordered([["k", v]]), { indent: "  " }), JSON.stringify({ k: v }, null, 2));
    }
  });

  it("writes Ordered objects in their own order, skipping undefined members", () => {
    assert.strictEqual(writeJson(new Ordered([["b", 1], ["skip", undefined], ["a", { y: 1, x: 2 }]]), { indent: "  " }), `{\n  "b": 1,\n  "a": {\n    "y": 1,\n    "x": 2\n  }\n}`);
  });

  it("sorts keys as Jupyter (Python) does: by character, also keys that look like numbers", () => {
    const v = { b: 1, "10": { z: 1, a: 2 }, "2": 3, a: [{ d: 1, c: 2 }] };
    assert.strictEqual(writeJson(v, { indent: " ", sortKeys: true }), `{\n "10": {\n  "a": 2,\n  "z": 1\n },\n "2": 3,\n "a": [\n  {\n   "c": 2,\n   "d": 1\n  }\n ],\n "b": 1\n}`);
    assert.strictEqual(writeJson(new Ordered([["b", { y: 1, x: 2 }], ["a", 1]]), { indent: " ", sortKeys: true }), `{\n "a": 1,\n "b": {\n  "x": 2,\n  "y": 1\n }\n}`);
  });

  it("refuses what is not JSON, naming where it is", () => {
    const cases: [unknown, RegExp][] = [
      [{ a: [1, NaN] }, /a\[1\] as JSON: it is the number NaN/],
      [{ a: Infinity }, /a as JSON: it is the number Infinity/],
      [[undefined], /\[0\] as JSON: it is undefined/],
      [{ f: () => 1 }, /f as JSON: it is a function/],
      [{ d: new Map() }, /d as JSON: it is a Map object/],
      [{ n: 1n }, /n as JSON: it is a bigint/],
      [new Ordered([["x", { "a b": Symbol("s") }]]), /x\["a b"\] as JSON: it is a symbol/],
    ];
    for (const [v, message] of cases) assert.throws(() => writeJson(v, { indent: "  " }), (e: unknown) => e instanceof TypeError && message.test(e.message));
  });
});

describe("format JSON: locating problems in text", () => {
  it("finds no error in valid JSON", () => {
    const random = mulberry32(5);
    for (let n = 0; n < 100; n++) assert.strictEqual(findSyntaxError(JSON.stringify(randomJson(random), null, n % 3)), undefined);
    assert.strictEqual(findSyntaxError(` \t\r\n{"a": [1, -0.5e+3, true, false, null, "\\u00e9\\n"]}\r\n`), undefined);
  });

  it("agrees with JSON.parse about what is valid", () => {
    const texts = [`{}`, `[]`, `1`, `-`, `01`, `1.`, `.5`, `1e`, `1e+`, `"\\x"`, `"\t"`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `tru`, `nul`, `true false`, `"\\u12"`, `[1 2]`, `{"a":1}}`, `\u00a0{}`, `{}\u00a0`];
    for (const text of texts) {
      let valid = true;
      try { JSON.parse(text); } catch { valid = false; }
      assert.strictEqual(findSyntaxError(text) === undefined, valid, text);
    }
  });

  it("counts lines as editors do (LF, CRLF, CR) and columns from 1", () => {
    assert.deepStrictEqual(locationOf("ab\ncd", 4), { line: 2, column: 2, offset: 4 });
    assert.deepStrictEqual(locationOf("ab\r\ncd", 5), { line: 2, column: 2, offset: 5 });
    assert.deepStrictEqual(locationOf("a\rb\r\n\nc", 6), { line: 4, column: 1, offset: 6 });
    const problem = findSyntaxError(`{\r\n  "a": 1,\r\n  "b": 2,\r\n}`);
    assert.ok(problem);
    assert.deepStrictEqual(locationOf(`{\r\n  "a": 1,\r\n  "b": 2,\r\n}`, problem.offset), { line: 4, column: 1, offset: 25 });
  });

  it("finds where the value at a JSON path starts, or its nearest enclosing value", () => {
    const text = `{"a": [10, {"b": "x", "c": {"d": null}}], "e\\"f": 2}`;
    assert.strictEqual(findValueOffset(text, []), 0);
    assert.strictEqual(text.slice(findValueOffset(text, ["a"])!).slice(0, 3), "[10");
    assert.strictEqual(text.slice(findValueOffset(text, ["a", 1, "c", "d"])!).slice(0, 4), "null");
    assert.strictEqual(text.slice(findValueOffset(text, ["e\"f"])!).slice(0, 1), "2");
    assert.strictEqual(text.slice(findValueOffset(text, ["a", 1, "missing"])!).slice(0, 5), `{"b":`);
    assert.strictEqual(findValueOffset(text, ["nope", 3]), 0);
  });

  it("reports the JSON path it was reading", () => {
    assert.deepStrictEqual(findSyntaxError(`{"cells": [{"outputs": [{"text": "a\nb"}]}]}`)?.path, ["cells", 0, "outputs", 0, "text"]);
  });

  it("does not overflow on deeply nested text", () => {
    const deep = "[".repeat(100000);
    const problem = findSyntaxError(deep);
    assert.ok(problem);
  });
});
