// .actnb ↔ .ipynb (docs/actnb-format.md, "Conversion"): the exact nbformat 4.5 we write, a notebook
// Jupyter wrote read correctly and written back byte for byte, lossless round trips both ways
// (leftovers under the reserved "ipynb" / "actnb" metadata keys), and the errors of parseIpynb.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
  FormatErrorCode, fromIpynb, IpynbNotebook, Notebook, parseIpynb, parseIpynbBytes,
  parseNotebook, serializeNotebook, stringifyIpynb, toIpynb,
} from "../../kernel/format";
import { expectError, FULL_TEXT, mulberry32, NOTEBOOK_FIXTURES, randomNotebook } from "./format-helpers";

const JUPYTER_FIXTURE = path.join(NOTEBOOK_FIXTURES, "relu-tslab.ipynb");

const TSLAB_KERNELSPEC = { name: "tslab", display_name: "TypeScript", language: "typescript" };
const TSLAB_LANGUAGE_INFO = {
  codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
  file_extension: ".ts", mimetype: "text/typescript", name: "typescript", version: "3.7.2",
};

/** actnb → ipynb → actnb must give the same notebook; → ipynb again the same ipynb (as objects and as text). */
function assertStable(nb: Notebook): void {
  const ipynb = toIpynb(nb);
  const back = fromIpynb(ipynb);
  assert.strictEqual(serializeNotebook(back), serializeNotebook(nb));
  assert.deepStrictEqual(toIpynb(back), ipynb);
  const text = stringifyIpynb(ipynb);
  const viaText = parseIpynb(text);
  assert.deepStrictEqual(viaText, nb); // key order aside (Jupyter's files sort keys), the same notebook
  assert.strictEqual(stringifyIpynb(toIpynb(viaText)), text);
}

const SMALL: Notebook = {
  metadata: { title: "Small" },
  cells: [
    { kind: "markdown", language: "markdown", metadata: {}, source: "# Title\ntext\n" },
    {
      kind: "code", language: "typescript", metadata: { volatile: true }, source: "console.log(1)\nplot()",
      execution: { order: 3, started: "2025-01-31T12:00:00.000Z", duration_ms: 1.5, success: false },
      outputs: [
        { stream: "stdout", text: "1\n" },
        { items: { "application/vnd.vegalite.v5+json": { mark: "line", data: { values: [{ x: 1 }] } }, "text/plain": "<chart>\nline 2" } },
        { items: { "text/plain": "42" }, result: true },
        { error: { name: "TypeError", message: "x is not a function", stack: "TypeError: x is not a function\n    at cell:2:1" } },
      ],
    },
    { kind: "code", language: "typescript", metadata: {}, source: "", outputs: [] },
  ],
};

describe("ipynb: writing nbformat 4.5", () => {
  it("writes the notebook Jupyter expects", () => {
    assert.deepStrictEqual(toIpynb(SMALL), {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { title: "Small", kernelspec: TSLAB_KERNELSPEC, language_info: TSLAB_LANGUAGE_INFO },
      cells: [
        { id: "cell-1", cell_type: "markdown", metadata: {}, source: ["# Title\n", "text\n"] },
        {
          id: "cell-2", cell_type: "code", execution_count: 3, source: ["console.log(1)\n", "plot()"],
          metadata: { volatile: true, actnb: { execution: { started: "2025-01-31T12:00:00.000Z", duration_ms: 1.5, success: false } } },
          outputs: [
            { output_type: "stream", name: "stdout", text: ["1\n"] },
            { output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": { mark: "line", data: { values: [{ x: 1 }] } }, "text/plain": ["<chart>\n", "line 2"] } },
            { output_type: "execute_result", execution_count: 3, metadata: {}, data: { "text/plain": ["42"] } },
            { output_type: "error", ename: "TypeError", evalue: "x is not a function", traceback: ["TypeError: x is not a function", "    at cell:2:1"] },
          ],
        },
        { id: "cell-3", cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: [] },
      ],
    });
  });

  it("keeps +json values as JSON (never strings), splits text types into lines, leaves base64 whole", () => {
    const nb: Notebook = { metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source: "", outputs: [{ items: {
      "application/json": [1, { a: "b" }], "application/vnd.vegalite.v5+json": { mark: "bar" }, "application/geo+json": "a string is JSON too",
      "text/html": "<p>\n</p>", "image/svg+xml": "<svg>\n</svg>", "application/javascript": "a;\nb;", "image/png": "iVBORw0K\nGgo=",
    } }] }] };
    const data = toIpynb(nb).cells[0].outputs![0].data!;
    assert.deepStrictEqual(data, {
      "application/json": [1, { a: "b" }], "application/vnd.vegalite.v5+json": { mark: "bar" }, "application/geo+json": "a string is JSON too",
      "text/html": ["<p>\n", "</p>"], "image/svg+xml": ["<svg>\n", "</svg>"], "application/javascript": ["a;\n", "b;"], "image/png": "iVBORw0K\nGgo=",
    });
    assertStable(nb);
  });

  it("writes text as Jupyter does: keys sorted, 1-space indent, non-ASCII as itself, a trailing newline", () => {
    const text = stringifyIpynb(toIpynb({ metadata: { title: "σ" }, cells: [] }));
    assert.strictEqual(text, `{
 "cells": [],
 "metadata": {
  "kernelspec": {
   "display_name": "TypeScript",
   "language": "typescript",
   "name": "tslab"
  },
  "language_info": {
   "codemirror_mode": {
    "mode": "typescript",
    "name": "javascript",
    "typescript": true
   },
   "file_extension": ".ts",
   "mimetype": "text/typescript",
   "name": "typescript",
   "version": "3.7.2"
  },
  "title": "σ"
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`);
  });

  it("gives cells unique ids: kept from an import, else cell-<n>", () => {
    const cell = (id?: string) => ({ kind: "markdown" as const, language: "markdown", metadata: id === undefined ? {} : { ipynb: { id } }, source: "" });
    const ids = toIpynb({ metadata: {}, cells: [cell(), cell("cell-1"), cell("bad id!"), cell("x")] }).cells.map((c) => c.id);
    assert.deepStrictEqual(ids, ["cell-1-2", "cell-1", "cell-3", "x"]);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it("keeps what .ipynb has no place for under metadata.actnb", () => {
    const nb = parseNotebook(FULL_TEXT);
    const ipynb = toIpynb(nb);
    assert.deepStrictEqual(ipynb.metadata.actnb, { future: { x: 1 }, another: "last" });
    assert.strictEqual(ipynb.future_top_level, 4);
    const [markdown, code, js] = ipynb.cells;
    assert.deepStrictEqual(markdown.metadata, { title: "Intro", collapsed: false, actnb: { cellFuture: "kept" } });
    assert.strictEqual(code.id, "abc");
    assert.strictEqual(code.execution_count, 0);
    assert.deepStrictEqual(code.metadata.actnb, {
      execution: { started: "2025-01-31T12:00:00+01:00", duration_ms: 0, success: false, cpu_ms: 3 },
      outputs: {
        0: { metadata: { seq: 1 } },
        1: { streamFuture: {} },
        5: { metadata: { note: "n" }, error: { code: "ERR_X" }, errorFuture: [1] },
      },
      codeFuture: { z: 1 },
    });
    assert.deepStrictEqual(code.outputs![2].metadata, { isolated: true, actnb: { displayFuture: 1 } });
    assert.strictEqual(code.outputs![2].execution_count, 7);
    assert.deepStrictEqual(code.outputs![4].metadata, { actnb: { result: false } });
    assert.deepStrictEqual(js.metadata, { actnb: { language: "javascript" } });
    assertStable(nb);
  });

  it("keeps metadata entries named like the reserved keys", () => {
    const nb: Notebook = {
      metadata: { actnb: "user value", title: "t" },
      cells: [{ kind: "code", language: "typescript", metadata: { actnb: [1] }, source: "", outputs: [{ items: {}, metadata: { actnb: { x: 1 } } }, { stream: "stdout", text: "", metadata: { actnb: 2 } }] }],
    };
    const ipynb = toIpynb(nb);
    assert.deepStrictEqual(ipynb.metadata.actnb, { metadata: { actnb: "user value" } });
    assertStable(nb);
    const fromJupyter: IpynbNotebook = { nbformat: 4, nbformat_minor: 5, metadata: { ipynb: "theirs" }, cells: [{ id: "a", cell_type: "markdown", metadata: { ipynb: { deep: true } }, source: "" }] };
    const imported = fromIpynb(fromJupyter);
    assert.deepStrictEqual(imported.metadata, { ipynb: { metadata: { ipynb: "theirs" } } });
    assert.deepStrictEqual(toIpynb(imported).metadata.ipynb, "theirs");
    assert.deepStrictEqual(toIpynb(imported).cells[0].metadata, { ipynb: { deep: true } });
  });

  it("writes cells in other languages, and raw cells", () => {
    const nb: Notebook = { metadata: {}, cells: [
      { kind: "code", language: "javascript", metadata: {}, source: "1", outputs: [] },
      { kind: "code", language: "python", metadata: { vscode: { languageId: "python" } }, source: "1", outputs: [] },
      { kind: "code", language: "raw", metadata: { format: "text/html" }, source: "<b>raw</b>", outputs: [] },
      { kind: "code", language: "raw", metadata: {}, source: "ran", outputs: [{ stream: "stdout", text: "?" }] },
      { kind: "markdown", language: "latex", metadata: {}, source: "$x$" },
    ] };
    const cells = toIpynb(nb).cells;
    assert.deepStrictEqual(cells.map((c) => c.cell_type), ["code", "code", "raw", "code", "markdown"]);
    assert.deepStrictEqual(cells.map((c) => c.metadata.actnb), [{ language: "javascript" }, undefined, undefined, { language: "raw" }, { language: "latex" }]);
    assert.ok(!("outputs" in cells[2]) && !("execution_count" in cells[2]));
    assertStable(nb);
  });

  it("round-trips the empty notebook and random notebooks (seeded)", () => {
    assertStable({ metadata: {}, cells: [] });
    const random = mulberry32(424242);
    for (let n = 0; n < 150; n++) assertStable(randomNotebook(random));
  });
});

describe("ipynb: reading a notebook Jupyter wrote", () => {
  const text = fs.readFileSync(JUPYTER_FIXTURE, "utf8");

  it("reads every cell and output", () => {
    const nb = parseIpynb(text, "relu-tslab.ipynb");
    assert.deepStrictEqual(nb.metadata, {}); // tslab's kernelspec and language_info are the defaults
    assert.deepStrictEqual(nb.cells.map((c) => [c.kind, c.language]), [
      ["markdown", "markdown"], ["code", "typescript"], ["code", "typescript"], ["code", "typescript"],
      ["code", "typescript"], ["code", "raw"], ["code", "typescript"],
    ]);
    const [intro, log, sigmoid, plot, failing, raw, empty] = nb.cells;
    assert.strictEqual(intro.source, "# ReLU and friends\n\nActivation functions in **tslab**: ReLU(x) = max(0, x), σ(x) = 1 / (1 + e⁻ˣ).\n\nPlots are Vega-Lite specs — shown by JupyterLab's built-in renderer 📈.");
    assert.deepStrictEqual(intro.metadata, { ipynb: { id: "8f3b2c1a" } });
    assert.ok(log.kind === "code" && sigmoid.kind === "code" && plot.kind === "code" && failing.kind === "code" && raw.kind === "code" && empty.kind === "code");

    assert.strictEqual(log.source, `import * as tslab from "tslab";\n\nconst xs = [-2, -1, 0, 1, 2];\nconst relu = (x: number) => Math.max(0, x);\nconsole.log(xs.map(relu));`);
    assert.deepStrictEqual(log.execution, { order: 1 });
    assert.deepStrictEqual(log.outputs, [{ stream: "stdout", text: "[ 0, 0, 0, 1, 2 ]\n" }]);

    assert.deepStrictEqual(sigmoid.metadata, { tags: ["sigmoid"], ipynb: { id: "b72c0e55" } });
    assert.strictEqual(sigmoid.outputs.length, 1);
    const value = sigmoid.outputs[0];
    assert.ok("items" in value);
    assert.strictEqual(value.result, true);
    assert.strictEqual(value.items["text/plain"], "[\n  \u001b[33m0.11920292202211755\u001b[39m,\n  \u001b[33m0.2689414213699951\u001b[39m,\n  \u001b[33m0.5\u001b[39m,\n  \u001b[33m0.7310585786300049\u001b[39m,\n  \u001b[33m0.8807970779778823\u001b[39m\n]");
    assert.strictEqual(value.metadata, undefined);

    assert.deepStrictEqual(plot.metadata, { collapsed: false, jupyter: { source_hidden: false }, ipynb: { id: "4e0f7d21" } });
    const chart = plot.outputs[0];
    assert.ok("items" in chart);
    assert.strictEqual(chart.result, undefined);
    assert.deepStrictEqual(Object.keys(chart.items), ["application/vnd.vegalite.v5+json", "text/plain"]);
    const spec = chart.items["application/vnd.vegalite.v5+json"] as { mark: unknown; data: { values: unknown[] }; width: number };
    assert.deepStrictEqual(spec.mark, { point: true, type: "line" });
    assert.deepStrictEqual(spec.data.values, [{ x: -2, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }]);
    assert.strictEqual(spec.width, 300);
    assert.strictEqual(chart.items["text/plain"], "<VegaLite 5 chart: line, 5 points>");

    assert.deepStrictEqual(failing.execution, { order: 4 });
    assert.deepStrictEqual(failing.outputs, [
      { stream: "stderr", text: "(node:4242) Warning: relu.apply is deprecated\n" },
      { error: {
        name: "TypeError", message: "relu.apply(...).toFixed is not a function",
        stack: "\u001b[31mTypeError: relu.apply(...).toFixed is not a function\u001b[39m\n    at evalmachine.<anonymous>:2:24\n    at Script.runInThisContext (node:vm:129:12)",
      } },
    ]);

    assert.deepStrictEqual(raw, { kind: "code", language: "raw", metadata: { format: "text/restructuredtext", ipynb: { id: "0a7e5d3c" } }, source: "Raw cells are passed through untouched.", outputs: [] });
    assert.deepStrictEqual(empty, { kind: "code", language: "typescript", metadata: { ipynb: { id: "f2b8c6d4" } }, source: "", outputs: [] });
  });

  it("writes it back byte for byte, through .actnb text", () => {
    const nb = parseIpynb(text);
    assert.strictEqual(stringifyIpynb(toIpynb(nb)), text);
    const actnb = serializeNotebook(nb);
    assert.strictEqual(stringifyIpynb(toIpynb(parseNotebook(actnb))), text);
    assert.strictEqual(serializeNotebook(parseIpynb(stringifyIpynb(toIpynb(parseNotebook(actnb))))), actnb);
  });

  it("reads it from bytes too", () => {
    assert.deepStrictEqual(parseIpynbBytes(fs.readFileSync(JUPYTER_FIXTURE)), parseIpynb(text));
  });
});

describe("ipynb: reading other Jupyter notebooks", () => {
  it("keeps what .actnb has no place for under metadata.ipynb, and gives it back", () => {
    const original: IpynbNotebook = {
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python", version: "3.11.4" }, authors: [{ name: "Ada" }] },
      cells: [
        { id: "md", cell_type: "markdown", metadata: {}, source: ["![x](attachment:x.png)"], attachments: { "x.png": { "image/png": "iVBORw0KGgo=" } } },
        {
          id: "py", cell_type: "code", execution_count: 5, metadata: { scrolled: "auto" }, source: ["1/0"], futureCellField: 1,
          outputs: [
            { output_type: "execute_result", execution_count: 4, metadata: { "image/png": { width: 100 } }, data: { "text/plain": ["1"] } },
            { output_type: "display_data", metadata: {}, data: { "image/png": "iVBORw0KGgo=\n" }, transient_future: true },
            { output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero", traceback: [
              "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
              "\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)\nCell \u001b[0;32mIn[5], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[38;5;241m1\u001b[39m\u001b[38;5;241m/\u001b[39m\u001b[38;5;241m0\u001b[39m\n",
              "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero",
            ] },
          ],
        },
      ],
      signature_future: "x",
    };
    const nb = fromIpynb(original);
    assert.deepStrictEqual(nb.metadata, { kernelspec: original.metadata.kernelspec, language_info: original.metadata.language_info, authors: [{ name: "Ada" }], ipynb: { signature_future: "x" } });
    const [md, code] = nb.cells;
    assert.deepStrictEqual(md.metadata, { ipynb: { id: "md", attachments: { "x.png": { "image/png": "iVBORw0KGgo=" } } } });
    assert.ok(code.kind === "code");
    assert.strictEqual(code.language, "python");
    assert.deepStrictEqual(code.metadata, { scrolled: "auto", ipynb: { id: "py", futureCellField: 1 } });
    assert.deepStrictEqual(code.outputs[0], { items: { "text/plain": "1" }, result: true, metadata: { "image/png": { width: 100 }, ipynb: { execution_count: 4 } } });
    assert.deepStrictEqual(code.outputs[1], { items: { "image/png": "iVBORw0KGgo=\n" }, metadata: { ipynb: { transient_future: true } } });
    const error = code.outputs[2];
    assert.ok("error" in error);
    assert.strictEqual(error.error.stack, (original.cells[1].outputs![2].traceback as string[]).join("\n"));
    assert.deepStrictEqual(error.metadata?.ipynb?.traceback, original.cells[1].outputs![2].traceback);
    assert.deepStrictEqual(toIpynb(nb), original);
    assertStable(nb);
  });

  it("reads nbformat 4.0 files: no cell ids, strings instead of line lists", () => {
    const old = { nbformat: 4, nbformat_minor: 0, metadata: {}, cells: [
      { cell_type: "code", execution_count: 1, metadata: {}, source: "a\nb", outputs: [{ output_type: "stream", name: "stdout", text: "x\ny" }, { output_type: "execute_result", execution_count: 1, metadata: {}, data: { "text/plain": "3" } }] },
      { cell_type: "markdown", metadata: {}, source: "m" },
    ] };
    const nb = fromIpynb(old);
    assert.deepStrictEqual(nb.cells, [
      { kind: "code", language: "typescript", metadata: {}, source: "a\nb", execution: { order: 1 }, outputs: [{ stream: "stdout", text: "x\ny" }, { items: { "text/plain": "3" }, result: true }] },
      { kind: "markdown", language: "markdown", metadata: {}, source: "m" },
    ]);
    const written = toIpynb(nb);
    assert.deepStrictEqual(written.cells.map((c) => [c.id, c.source]), [["cell-1", ["a\n", "b"]], ["cell-2", ["m"]]]);
    assert.deepStrictEqual(written.cells[0].outputs![0].text, ["x\n", "y"]);
    assertStable(nb);
  });

  it("takes a cell's language from VS Code's metadata.vscode.languageId", () => {
    const nb = fromIpynb({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ id: "a", cell_type: "code", execution_count: null, metadata: { vscode: { languageId: "javascript" } }, source: [], outputs: [] }] });
    assert.strictEqual(nb.cells[0].language, "javascript");
    assert.deepStrictEqual(nb.cells[0].metadata, { vscode: { languageId: "javascript" }, ipynb: { id: "a" } });
  });

  it("copies, never shares, the objects it was given", () => {
    const spec = { mark: "line" };
    const obj = { nbformat: 4, nbformat_minor: 5, metadata: { extra: { a: 1 } }, cells: [{ id: "x", cell_type: "code", execution_count: 1, metadata: {}, source: "", outputs: [{ output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": spec } }] }] };
    const nb = fromIpynb(obj);
    const output = nb.cells[0].kind === "code" ? nb.cells[0].outputs[0] : undefined;
    assert.ok(output && "items" in output);
    assert.notStrictEqual(output.items["application/vnd.vegalite.v5+json"], spec);
    assert.notStrictEqual(nb.metadata.extra, obj.metadata.extra);
    const back = toIpynb(nb);
    assert.notStrictEqual(back.cells[0].outputs![0].data!["application/vnd.vegalite.v5+json"], output.items["application/vnd.vegalite.v5+json"]);
  });
});

describe("ipynb: errors", () => {
  const parse = (text: string) => () => parseIpynb(text, "t.ipynb");
  const withCells = (cells: string) => `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": ${cells}}`;

  it("empty, binary, truncated and malformed files", () => {
    expectError(parse(""), { code: "empty", message: "t.ipynb: the file is empty; a Jupyter notebook is a JSON object" });
    expectError(parse("\u0000\u0001PK\u0003\u0004"), { code: "binary", message: /not text/ });
    expectError(() => parseIpynbBytes(Buffer.from([0xff, 0xfe, 0x41]), "t.ipynb"), { code: "binary" });
    expectError(parse(`{\n "cells": [\n  {\n   "cell_type": "code",\n`), { code: "truncated", line: 5, column: 1, message: /ends inside the object that starts at line 3, column 3/ });
    expectError(parse(`{"nbformat": 4,, "cells": []}`), { code: "syntax", line: 1, column: 16 });
  });

  it("versions", () => {
    expectError(parse(`{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}`), {
      code: "bad-version", path: "nbformat", line: 1, column: 14,
      message: "t.ipynb:1:14: This .ipynb notebook uses the old nbformat 3; this version reads nbformat 4 (open and save it in a current Jupyter to upgrade it)",
    });
    expectError(parse(`{"nbformat": 5, "cells": []}`), { code: "newer-version", message: /uses nbformat 5, which is newer than this version reads \(nbformat 4\)/ });
    expectError(parse(`{"nbformat": "4", "cells": []}`), { code: "type", path: "nbformat" });
    expectError(parse(`{"nbformat": 4, "nbformat_minor": -1, "cells": []}`), { code: "type", path: "nbformat_minor" });
    expectError(parse(`{"cells": []}`), { code: "missing", message: /has no "nbformat"/ });
    expectError(parse(`{"actnb": 1, "cells": []}`), { code: "not-a-notebook", message: /this is an .actnb notebook/ });
    expectError(parse(`[]`), { code: "not-a-notebook", message: /holds an array, not a Jupyter notebook/ });
    assert.doesNotThrow(() => parseIpynb(withCells("[]")));
  });

  it("cells and outputs .actnb cannot hold", () => {
    expectError(parse(withCells(`[\n {"cell_type": "markdown", "metadata": {}, "source": ""},\n {"cell_type": "heading", "metadata": {}, "source": ""}\n]`)), {
      code: "unknown-kind", path: "cells[1].cell_type", line: 3, column: 16,
      message: `t.ipynb:3:16: cells[1] has the cell_type "heading", which this version does not know; a Jupyter cell is "code", "markdown" or "raw"`,
    });
    const code = (outputs: string) => withCells(`[{"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "", "outputs": ${outputs}}]`);
    expectError(parse(code(`[{"output_type": "update_display_data", "data": {}}]`)), { code: "unknown-kind", path: "cells[0].outputs[0].output_type", message: /has the output_type "update_display_data", which this version does not know/ });
    expectError(parse(code(`[{"output_type": "stream", "name": "stdlog", "text": ""}]`)), { code: "invalid", path: "cells[0].outputs[0].name", message: /is "stdlog"; this version knows the streams "stdout" and "stderr"/ });
  });

  it("missing fields and wrong types, with .ipynb paths", () => {
    const code = (outputs: string, fields = "") => withCells(`[{"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ""${fields}, "outputs": ${outputs}}]`);
    const cases: [string, FormatErrorCode, string, RegExp][] = [
      [`{"nbformat": 4, "metadata": {}}`, "missing", "", /the .ipynb notebook has no "cells"/],
      [withCells(`[{"metadata": {}, "source": ""}]`), "missing", "cells[0]", /cells\[0\] has no "cell_type"/],
      [withCells(`[{"cell_type": "code", "metadata": {}}]`), "missing", "cells[0]", /has no "source"/],
      [withCells(`[{"cell_type": "code", "metadata": {}, "source": 5}]`), "type", "cells[0].source", /must be a string or a list of strings, not 5/],
      [withCells(`[{"cell_type": "code", "metadata": {}, "source": ["a", 1]}]`), "type", "cells[0].source", /a string or a list of strings, not an array/],
      [withCells(`[{"cell_type": "code", "metadata": [], "source": ""}]`), "type", "cells[0].metadata", /must be an object/],
      [withCells(`[{"cell_type": "code", "id": 7, "metadata": {}, "source": ""}]`), "type", "cells[0].id", /must be a string/],
      [code("[]").replace(`"execution_count": 1`, `"execution_count": "1"`), "type", "cells[0].execution_count", /a whole number, 0 or more, or null/],
      [code(`{}`), "type", "cells[0].outputs", /must be a list/],
      [code(`[{"data": {}}]`), "missing", "cells[0].outputs[0]", /has no "output_type"/],
      [code(`[{"output_type": "display_data", "metadata": {}}]`), "missing", "cells[0].outputs[0]", /has no "data"/],
      [code(`[{"output_type": "display_data", "metadata": {}, "data": {"text/plain": 3}}]`), "type", `cells[0].outputs[0].data["text/plain"]`, /must be a string or a list of strings, not 3/],
      [code(`[{"output_type": "display_data", "metadata": {}, "data": {"plain": "x"}}]`), "invalid", "cells[0].outputs[0].data.plain", /not a MIME type/],
      [code(`[{"output_type": "stream", "name": "stdout"}]`), "missing", "cells[0].outputs[0]", /has no "text"/],
      [code(`[{"output_type": "error", "ename": "E"}]`), "missing", "cells[0].outputs[0]", /has no "evalue"/],
      [code(`[{"output_type": "error", "ename": "E", "evalue": "v", "traceback": "t"}]`), "type", "cells[0].outputs[0].traceback", /must be a list of strings/],
      [code(`[{"output_type": "error", "ename": "E", "evalue": "v", "traceback": [1]}]`), "type", "cells[0].outputs[0].traceback[0]", /must be a string/],
      [code(`[]`, `, "metadata": {"actnb": {"language": 3}}`).replace(`"execution_count": 1, "metadata": {}, `, `"execution_count": 1, `), "type", "cells[0].metadata.actnb.language", /must be a string/],
    ];
    for (const [text, errorCode, at, message] of cases) expectError(parse(text), { code: errorCode, path: at, message });
  });

  it("places an error deep in the file at its line and column", () => {
    const text = fs.readFileSync(JUPYTER_FIXTURE, "utf8").replace(`"name": "stdout"`, `"name": "stdnull"`);
    const line = text.split("\n").findIndex((l) => l.includes("stdnull")) + 1;
    expectError(parse(text), { code: "invalid", path: "cells[1].outputs[0].name", line, column: 14 });
  });
});

describe("numbers and key order through files (what is kept exactly, and what .ipynb sorts)", () => {
  const text = (metadata: string, data: string) => `{
  "actnb": 1,
  "metadata": ${metadata},
  "cells": [
    { "kind": "code", "language": "typescript", "metadata": {}, "source": "1", "outputs": [ { "items": ${data}, "result": true } ] }
  ]
}`;
  const BIG = `{ "seed": 12345678901234567890, "huge": 1e400, "tiny": -2e-400, "safe": 9007199254740992, "float": 0.1 }`;

  it("keeps integers beyond 2^53 and numbers beyond the double range exactly, in .actnb, .ipynb and a copy of the metadata", () => {
    const nb = parseNotebook(text(BIG, `{ "text/plain": "1" }`));
    const saved = serializeNotebook(nb);
    for (const literal of ["12345678901234567890", "1e400", "-2e-400", "9007199254740992", "0.1"]) {
      assert.match(saved, new RegExp(`: ${literal.replace(/[.+]/g, "\\$&")},?\\n`), literal);
    }
    assert.strictEqual(nb.metadata.safe, 9007199254740992, "a number a double holds stays a number");
    assert.deepStrictEqual(nb.metadata.seed, { "$actnb:number": "12345678901234567890" });
    assert.strictEqual(serializeNotebook(parseNotebook(saved)), saved);
    const ipynbText = stringifyIpynb(toIpynb(nb));
    assert.match(ipynbText, /"seed": 12345678901234567890,/);
    assert.match(ipynbText, /"huge": 1e400,/);
    assert.deepStrictEqual(parseIpynb(ipynbText), nb); // (keys come back sorted, see below)
    // VS Code copies metadata (structured clone / JSON): the tagged form survives it
    const copied = JSON.parse(JSON.stringify(nb)) as Notebook;
    assert.strictEqual(serializeNotebook(copied), saved);
  });

  it("writes a look-alike object that does not hold a number's text as the object it is", () => {
    const nb = parseNotebook(text(`{ "a": { "$actnb:number": "twelve" }, "b": { "$actnb:number": "1", "more": 2 } }`, `{ "text/plain": "1" }`));
    const saved = serializeNotebook(nb);
    assert.match(saved, /"\$actnb:number": "twelve"/);
    assert.match(saved, /"more": 2/);
  });

  it("keeps the order of keys inside output data in .actnb; .ipynb sorts them as Jupyter does, every value kept", () => {
    const nb = parseNotebook(text("{}", `{ "text/plain": "1", "application/json": { "z": 1, "a": { "y": 2, "b": 3 } } }`));
    const saved = serializeNotebook(nb);
    assert.ok(saved.indexOf('"z": 1') < saved.indexOf('"a": {'), "the .actnb order was not kept");
    const ipynbText = stringifyIpynb(toIpynb(nb));
    assert.ok(ipynbText.indexOf('"a": {') < ipynbText.indexOf('"z": 1'), ".ipynb keys are sorted");
    assert.ok(ipynbText.indexOf('"b": 3') < ipynbText.indexOf('"y": 2'));
    const back = parseIpynb(ipynbText);
    assert.deepStrictEqual(back, nb);
    assert.notStrictEqual(serializeNotebook(back), saved, "as documented, the order inside data comes back sorted");
  });
});
