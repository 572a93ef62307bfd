// `actnb export <nb> --to html` as a user runs it: one offline page per guide notebook, its
// charts drawn as inline SVG, its saved outputs in it, and clear errors for bad input.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Notebook, Output, parseNotebookBytes, serializeNotebook } from "../../kernel/format";
import { escapeHtml } from "../../kernel/export/html";

const ROOT = path.resolve(__dirname, "../../..");
const BIN = path.join(ROOT, "kernel/bin/actnb.js");
const VEGA_LITE = "application/vnd.vegalite.v5+json";

function actnb(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const outputsOf = (nb: Notebook): Output[] => nb.cells.flatMap((c) => (c.kind === "code" ? c.outputs : []));
const svgs = (html: string) => html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
/** Vega's drawn data marks: shapes (a path with a `d`, or a rect) inside its role-mark groups, not axes or legends. */
const markCount = (svg: string) => (svg.match(/<g class="mark-\w+ role-mark\b[^"]*"[^>]*>(?:(?!<\/g>)[\s\S])*?(<path[^>]* d="M|<rect )/g) ?? []).length;
/** Every address the page would load or link to. */
const addresses = (html: string) => [...html.matchAll(/\s(?:src|href|srcset|xlink:href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);

describe("actnb export --to html", function () {
  this.timeout(120000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-html-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const guide = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".actnb")).sort();
  for (const name of guide) {
    it(`${name}: every saved chart is an inline <svg> with marks, every output is there, nothing remote`, () => {
      const file = path.join(ROOT, "notebooks", name);
      const nb = parseNotebookBytes(fs.readFileSync(file), file);
      const out = path.join(dir, name.replace(/\.actnb$/, ".html"));
      const r = actnb("export", file, "--to", "html", "--out", out);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(r.stderr, "", "no output had a problem");
      const html = fs.readFileSync(out, "utf8");
      const outputs = outputsOf(nb);

      const charts = outputs.filter((o) => "items" in o && VEGA_LITE in o.items).length;
      const drawn = svgs(html);
      assert.strictEqual(drawn.length, charts, "one <svg> per saved chart");
      drawn.forEach((svg, i) => assert.ok(markCount(svg) > 0, `chart ${i + 1} has no drawn marks`));

      for (const o of outputs) {
        if ("stream" in o) for (const line of o.text.split("\n").filter((l) => l.trim())) assert.ok(html.includes(escapeHtml(line)), `stream line missing: ${line}`);
        if ("items" in o && typeof o.items["text/html"] === "string") assert.ok(html.includes(o.items["text/html"]), "an HTML output is missing");
        if ("items" in o && typeof o.items["image/png"] === "string") assert.ok(html.includes(`src="data:image/png;base64,${o.items["image/png"]}"`), "a PNG output is missing");
      }
      for (const c of nb.cells) if (c.kind === "code") assert.ok(html.includes(escapeHtml(c.source)), "a code cell's source is missing");
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
      assert.match(html, /@media \(prefers-color-scheme: dark\)/);
      assert.deepStrictEqual(addresses(html).filter((a) => !a.startsWith("data:") && !a.startsWith("#")), [], "only data: URIs and in-page anchors");
    });
  }

  it("keeps an error's traceback, shows a chart it cannot draw by its text with the reason, and makes remote links and images text", () => {
    const nb: Notebook = {
      metadata: { title: "Problems" },
      cells: [
        { kind: "markdown", language: "markdown", metadata: {}, source: "See [the docs](https://pytorch.org/docs) and ![a plot](http://example.com/p.png); $x_i$ and $y_j$ stay TeX." },
        { kind: "code", language: "typescript", metadata: {}, source: "boom()", outputs: [{ error: { name: "ReferenceError", message: "boom is not defined", stack: "ReferenceError: boom is not defined\n    at cell 2:1" } }] },
        { kind: "code", language: "typescript", metadata: {}, source: "remote", outputs: [{ items: { [VEGA_LITE]: { $schema: "https://vega.github.io/schema/vega-lite/v5.json", data: { url: "https://example.com/data.csv" }, mark: "point" }, "text/plain": "a remote chart" } }] },
      ],
    };
    const file = path.join(dir, "problems.actnb");
    fs.writeFileSync(file, serializeNotebook(nb));
    const r = actnb("export", file, "--to", "html");
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /problems\.actnb: cell 3: chart not drawn: the chart refers to https:\/\/example\.com\/data\.csv; an offline export draws only data inside the chart/);
    const html = fs.readFileSync(path.join(dir, "problems.html"), "utf8");
    assert.ok(html.includes("ReferenceError: boom is not defined\n    at cell 2:1"));
    assert.ok(html.includes("(chart not drawn: the chart refers to https://example.com/data.csv"));
    assert.ok(html.includes("a remote chart"));
    assert.ok(html.includes('<span class="math">x_i</span> and <span class="math">y_j</span>'), "TeX is not read as emphasis");
    assert.ok(html.includes("the docs</span> <span class=\"remote\">(https://pytorch.org/docs)</span>"));
    assert.ok(html.includes("[image: a plot — http://example.com/p.png, not included offline]"));
    assert.deepStrictEqual(addresses(html), []);
  });

  it("refuses an unknown --to, a missing --to, a missing file and an existing output without --force", () => {
    const file = path.join(ROOT, "notebooks", guide[0]);
    const pdf = actnb("export", file, "--to", "pdf");
    assert.strictEqual(pdf.code, 2);
    assert.match(pdf.stderr, /--to must be ipynb, actnb, html or pytorch, not 'pdf'/);
    const none = actnb("export", file);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /actnb export needs --to ipynb, actnb, html or pytorch/);
    const missing = actnb("export", path.join(dir, "nowhere.actnb"), "--to", "html");
    assert.strictEqual(missing.code, 1);
    assert.match(missing.stderr, /nowhere\.actnb: no such file/);
    const badOut = actnb("export", file, "--to", "html", "--out", path.join(dir, "page.htm"));
    assert.strictEqual(badOut.code, 2);
    assert.match(badOut.stderr, /--out must end in \.html/);
    const out = path.join(dir, "exists.html");
    fs.writeFileSync(out, "mine");
    const exists = actnb("export", file, "--to", "html", "--out", out);
    assert.strictEqual(exists.code, 1);
    assert.match(exists.stderr, /exists; add --force to replace it/);
    assert.strictEqual(fs.readFileSync(out, "utf8"), "mine");
  });
});
