// The pytorch suite's comparison rules (test/pytorch/), without Python: which outputs count, how
// charts compare up to float formatting, how differences are named, and how the known-differences
// table accepts exactly what it lists and fails when an entry no longer occurs.
import * as assert from "assert";
import { Output } from "../../kernel/format";
import { encodePng } from "../../kernel/display/png";
import { cellOutputs, pngSize, VEGA_LITE } from "../pytorch/cell-outputs";
import { cellDifferences, OUTPUT_KINDS, textDifferences } from "../pytorch/compare";
import { KnownDifference } from "../pytorch/known-differences";
import { checkTable, driftOf, unexplained } from "../pytorch/unexplained";
import { specDifferences } from "../pytorch/vega-compare";

const png = (w: number, h: number) => encodePng(new Uint8Array(w * h), w, h, 1).toString("base64");
const spec = (values: number[], title = "loss") => ({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", title, data: { values: values.map((y, x) => ({ x, y })) } });

describe("the pytorch suite's comparison of a cell's outputs", () => {
  it("reads stdout, Markdown, charts, the last value, image sizes and errors, and leaves out stderr and progress bars", () => {
    const outputs: Output[] = [
      { stream: "stdout", text: "a\n" },
      { stream: "stderr", text: "warning\n" },
      { items: { "text/html": '<div>epoch <progress value="1" max="2"></progress></div>', "text/plain": "epoch ███" } },
      { items: { "text/markdown": "**m**", "text/plain": "**m**" } },
      { stream: "stdout", text: "b\n" },
      { items: { [VEGA_LITE]: spec([1]), "text/plain": "chart" } },
      { items: { "image/png": png(28, 14), "text/plain": "image" }, result: true },
      { error: { name: "RuntimeError", message: "bad" } },
    ];
    assert.deepStrictEqual(cellOutputs(outputs), {
      stdout: "a\nb\n", markdown: ["**m**"], charts: [spec([1])], result: ["image"], images: ["28×14"], errors: ["RuntimeError: bad"],
    });
  });

  it("reads a PNG's size from its header and refuses what is not a PNG", () => {
    assert.strictEqual(pngSize(png(3, 5)), "3×5");
    assert.throws(() => pngSize(Buffer.from("GIF89a, not a png at all").toString("base64")), /image\/png output is not a PNG/);
  });

  it("compares charts up to float formatting: relative 1e-5 or absolute 1e-6, strings and structure exactly", () => {
    assert.deepStrictEqual(specDifferences(spec([1, 1000, 0]), spec([1 + 9e-6, 1000.009, 9e-7])), []);
    assert.deepStrictEqual(specDifferences(spec([1, 1000, 0]), spec([1 + 2e-5, 1000.02, 2e-6])), [
      "$.data.values[0].y: actnb 1, python 1.00002",
      "$.data.values[1].y: actnb 1000, python 1000.02",
      "$.data.values[2].y: actnb 0, python 0.000002",
    ]);
    assert.deepStrictEqual(specDifferences(spec([1], "loss"), spec([1], "Loss")), ['$.title: actnb "loss", python "Loss"']);
    assert.deepStrictEqual(specDifferences(spec([1, 2]), spec([1])), ["$.data.values: actnb 2 items, python 1"]);
    assert.deepStrictEqual(specDifferences({ a: 1 }, { a: 1, b: null }), ["$.b: actnb absent, python null"]);
    assert.deepStrictEqual(specDifferences({ a: "1" }, { a: 1 }), ['$.a: actnb "1", python 1']);
  });

  it("names each changed stretch of text by its line in actnb's text", () => {
    assert.deepStrictEqual(textDifferences("a\nb\nc\n", "a\nB\nc\n"), ['line 2: actnb "b\\n" | python "B\\n"']);
    assert.deepStrictEqual(textDifferences("a\nb\n", "a\nb\nc\n"), ['line 3: actnb "" | python "c\\n"']);
    assert.deepStrictEqual(textDifferences("a\nb\nc\n", "a\nc\n"), ['line 2: actnb "b\\n" | python ""']);
    assert.deepStrictEqual(textDifferences("same\n", "same\n"), []);
    assert.deepStrictEqual(textDifferences("a\nb\nc\n", "a\n"), ['line 2: actnb "b\\n" | python ""', 'line 3: actnb "c\\n" | python ""']);
    assert.deepStrictEqual(textDifferences("a\nb\n", "a\nX\nY\nZ\n"), ['line 2: actnb "b\\n" | python "X\\n"', 'line 2: actnb "" | python "Y\\n"', 'line 2: actnb "" | python "Z\\n"']);
    assert.deepStrictEqual(textDifferences("a\nb", "a\nb\n"), ['line 2: actnb "b" | python "b\\n"']);
  });

  it("a volatile (timing) cell is only held to raising what actnb raised", () => {
    const actnb = cellOutputs([{ stream: "stdout", text: "3.2 ms\n" }]);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([{ stream: "stdout", text: "0.9 ms\n" }]), true), []);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([{ error: { name: "NameError", message: "x" } }]), true), [{ output: "error", detail: "python raised NameError: x" }]);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([{ stream: "stdout", text: "0.9 ms\n" }]), false), [{ output: "stdout", detail: 'line 1: actnb "3.2 ms\\n" | python "0.9 ms\\n"' }]);
  });

  it("counts charts, Markdown, last values and images per cell, and numbers them when there are several", () => {
    const actnb = cellOutputs([{ items: { [VEGA_LITE]: spec([1]) } }, { items: { [VEGA_LITE]: spec([2]) } }, { items: { "image/png": png(2, 2) } }]);
    const python = cellOutputs([{ items: { [VEGA_LITE]: spec([1]) } }, { items: { [VEGA_LITE]: spec([3]) } }, { items: { "image/png": png(2, 3) } }]);
    assert.deepStrictEqual(cellDifferences(actnb, python, false), [
      { output: "vega-lite", detail: "#2 $.data.values[0].y: actnb 2, python 3" },
      { output: "image/png", detail: "actnb 2×2 pixels, python 2×3" },
    ]);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([]), false).map((d) => d.detail), ["actnb shows 2 charts, python 0", "actnb shows 1 images, python 0"]);
  });

  it("an error in actnb must be the same kind of error in Python", () => {
    const actnb = cellOutputs([{ error: { name: "RuntimeError", message: "a" } }]);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([{ error: { name: "RuntimeError", message: "b" } }]), false), []);
    assert.deepStrictEqual(cellDifferences(actnb, cellOutputs([]), false), [{ output: "error", detail: "actnb raised RuntimeError, python nothing" }]);
  });
});

describe("the known-differences table", () => {
  const loss = { output: "stdout" as const, detail: 'line 3: actnb "loss 0.5271\\n" | python "loss 0.5272\\n"' };
  const entry: KnownDifference = { notebook: "10-cnn", cell: "Train", output: "stdout", differences: [loss.detail], reason: "float32 conv sums in another order" };

  it("accepts exactly the differences an entry lists, for that notebook, cell and output", () => {
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Train", differences: [loss] }], [entry]), []);
  });

  it("reports any other difference, and an entry whose differences changed", () => {
    const other = { output: "stdout" as const, detail: 'line 4: actnb "acc 90%\\n" | python "acc 91%\\n"' };
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Train", differences: [loss, other] }], [entry]), [
      `cell "Train", stdout (differs from its known difference):\n      ${loss.detail}\n      ${other.detail}`,
    ]);
    assert.deepStrictEqual(unexplained("09-mlp", [{ cell: "Train", differences: [loss] }], [entry]), [`cell "Train", stdout:\n      ${loss.detail}`]);
  });

  it("shows the first 12 differences of an output and how many more there are", () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ output: "vega-lite" as const, detail: `$.data.values[${i}].y: actnb 1, python 2` }));
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Curve", differences: many }], []), [
      `cell "Curve", vega-lite:\n${many.slice(0, 12).map((d) => `      ${d.detail}\n`).join("")}      ... and 2 more`,
    ]);
  });

  it("measures a drift: the same text with its numbers taken out, and their largest relative difference", () => {
    assert.strictEqual(driftOf('line 4: actnb "  final loss 0.074, accuracy 98%\\n" | python "  final loss 0.089, accuracy 98%\\n"'), (0.089 - 0.074) / 0.089);
    assert.strictEqual(driftOf("$.data.values[3].loss: actnb 2.5, python 2"), 0.2);
    // the columns' alignment may move; another word may not
    assert.strictEqual(driftOf('line 2: actnb "act2   9.4%   6.3%" | python "act2   9.4%  10.3%"'), (10.3 - 6.3) / 10.3);
    assert.strictEqual(driftOf('line 2: actnb "min at epoch 5" | python "max at epoch 5"'), Infinity);
    assert.strictEqual(driftOf("$.data.values: actnb 3 items, python 4"), Infinity);
  });

  it("accepts a training run's differences within its entry's drift, and names those beyond it", () => {
    const drifting = { notebook: "10-cnn", cell: "Train", output: "stdout" as const, drift: 0.2, reason: "training drifts" };
    const within = { output: "stdout" as const, detail: 'line 1: actnb "loss 0.50" | python "loss 0.45"' };
    const beyond = { output: "stdout" as const, detail: 'line 2: actnb "loss 0.50" | python "loss 0.30"' };
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Train", differences: [within] }], [drifting]), []);
    const problems = unexplained("10-cnn", [{ cell: "Train", differences: [within, beyond] }], [drifting]);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /beyond its known drift of 0\.2[\s\S]*line 2: actnb "loss 0\.50" \| python "loss 0\.30"  \[relative difference 0\.4\]/);
    assert.doesNotMatch(problems[0], /line 1/);
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Train", differences: [] }], [drifting]), [
      'cell "Train", stdout: the known difference no longer occurs, remove it from test/pytorch/known-differences.ts',
    ]);
  });

  it("fails when an entry's difference no longer occurs, so the table only shrinks", () => {
    assert.deepStrictEqual(unexplained("10-cnn", [{ cell: "Train", differences: [] }], [entry]), [
      'cell "Train", stdout: the known difference no longer occurs, remove it from test/pytorch/known-differences.ts',
    ]);
  });

  it("refuses entries without differences or a reason, of an unknown output, or listed twice", () => {
    assert.doesNotThrow(() => checkTable([entry], OUTPUT_KINDS));
    assert.throws(() => checkTable([{ ...entry, differences: [] }], OUTPUT_KINDS), /lists either its differences or a drift/);
    assert.throws(() => checkTable([{ ...entry, drift: 0.1 }], OUTPUT_KINDS), /lists either its differences or a drift/);
    assert.throws(() => checkTable([{ ...entry, differences: undefined, drift: 2 }], OUTPUT_KINDS), /a drift is a relative difference in \(0, 1\]/);
    assert.throws(() => checkTable([{ ...entry, reason: " " }], OUTPUT_KINDS), /gives no reason/);
    assert.throws(() => checkTable([{ ...entry, output: "stderr" as never }], OUTPUT_KINDS), /unknown output kind/);
    assert.throws(() => checkTable([entry, entry], OUTPUT_KINDS), /listed twice/);
  });
});
