// Deno's display convention in the actnb kernel: an object with a [Symbol.for("Jupyter.display")]()
// method shows its MIME bundle as a cell's last value and through display(); actnb's own
// displayables implement the same symbol.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient, CellOutput } from "../../kernel/executor/client";
import * as plot from "../../kernel/plots";
import { JUPYTER_DISPLAY } from "../../kernel/display";

type Rich = Extract<CellOutput, { kind: "result" | "display" }>;

async function run(k: KernelClient, code: string): Promise<{ success: boolean; outputs: CellOutput[] }> {
  const outputs: CellOutput[] = [];
  const reply = await k.execute(code, (o) => outputs.push(o));
  return { success: reply.success, outputs };
}
const rich = (outputs: CellOutput[]) => outputs.filter((o): o is Rich => o.kind === "result" || o.kind === "display");
const errorOf = (outputs: CellOutput[]) => outputs.find((o): o is Extract<CellOutput, { kind: "error" }> => o.kind === "error")?.error;

const TABLE = `const table = { rows: [[1, 2]], [Symbol.for("Jupyter.display")]() { return { "text/html": "<table><tr><td>1</td><td>2</td></tr></table>", "application/json": { rows: this.rows } }; } };`;

describe("Symbol.for(\"Jupyter.display\") (Deno's convention)", function () {
  this.timeout(60000);
  let dir: string;
  let k: KernelClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-jdisplay-"));
    k = new KernelClient({ notebookDir: dir });
    await k.ready;
  });
  after(async () => {
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows an object's bundle as a cell's last value, with console.log's text as its fallback", async () => {
    const r = await run(k, `${TABLE}\ntable`);
    assert.strictEqual(r.success, true);
    const [out] = rich(r.outputs);
    assert.strictEqual(out?.kind, "result");
    assert.strictEqual(out.bundle["text/html"], "<table><tr><td>1</td><td>2</td></tr></table>");
    assert.deepStrictEqual(out.bundle["application/json"], { rows: [[1, 2]] });
    assert.match(out.bundle["text/plain"], /rows: \[ \[ 1, 2 \] \]/);
  });

  it("shows it through display(), keeping a text/plain it gives", async () => {
    const r = await run(k, `import { display } from "actnb";\ndisplay({ [Symbol.for("Jupyter.display")]: () => ({ "text/markdown": "**bold**", "text/plain": "bold" }) });`);
    assert.strictEqual(r.success, true);
    const [out] = rich(r.outputs);
    assert.strictEqual(out?.kind, "display");
    assert.deepStrictEqual(out.bundle, { "text/markdown": "**bold**", "text/plain": "bold" });
  });

  for (const [returned, message] of [
    ["42", /must return a MIME bundle .* \(got number\)/],
    ["{}", /returned an empty MIME bundle/],
    [`{ "text/html": 5 }`, /data for text\/html must be a string \(got number\)/],
    [`Promise.resolve({ "text/plain": "late" })`, /returned a Promise/],
  ] as const) {
    it(`refuses a method that returns ${returned}, naming what is wrong`, async () => {
      const r = await run(k, `import { display } from "actnb";\ndisplay({ [Symbol.for("Jupyter.display")]: () => (${returned}) });`);
      assert.strictEqual(r.success, false);
      assert.match(errorOf(r.outputs)?.evalue ?? "", message);
    });
  }

  it("is the symbol actnb's charts, loss curves and images answer to", () => {
    assert.strictEqual(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
    const chart = plot.activationPlot("relu");
    const curve = new plot.LossCurve();
    curve.push(1);
    for (const value of [chart, curve]) {
      const bundle = value[JUPYTER_DISPLAY]();
      assert.strictEqual(typeof bundle["application/vnd.vegalite.v5+json"], "object");
      assert.strictEqual(typeof bundle["text/plain"], "string");
    }
  });

  it("a chart shown as a last value in the kernel is a Vega-Lite output", async () => {
    const r = await run(k, `import { plot } from "actnb";\nplot.activationPlot("gelu")`);
    const [out] = rich(r.outputs);
    assert.strictEqual(out?.kind, "result");
    assert.strictEqual(typeof out.bundle["application/vnd.vegalite.v5+json"], "object");
  });
});
