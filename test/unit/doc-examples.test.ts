// The examples in the typings' doc comments run, and print what they say: an example line
// `expr  // text` claims that String(expr) is `text` (continued on following `//` lines for
// results that span lines). Examples come from the activation definitions and the API tables.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as actnb from "../../kernel/index";

const { ACTIVATIONS } = actnb;
/** What an example may name: the names a cell imports from "actnb", and require (for Node's fs, as a cell may). */
const SCOPE = { require, torch: actnb.torch, nn: actnb.nn, F: actnb.F, optim: actnb.optim, torchvision: actnb.torchvision, plot: actnb.plot, display: actnb.display };

const TABLES = path.resolve(__dirname, "../../kernel/engine/api/tables");

/** Every documented example, with where it comes from. */
function examples(): Array<{ where: string; example: string }> {
  const found = ACTIVATIONS.map((d) => ({ where: `activation ${d.name}`, example: d.example }));
  for (const f of fs.readdirSync(TABLES).filter((n) => n.endsWith(".js"))) {
    const module = require(path.join(TABLES, f)) as Record<string, Record<string, { example: string }>>;
    for (const [exported, table] of Object.entries(module)) {
      for (const [name, entry] of Object.entries(table)) found.push({ where: `${f.replace(/\.js$/, "")}: ${exported}.${name}`, example: entry.example });
    }
  }
  return found;
}

/** The example as a program: each claimed line becomes a check of what it prints. */
function program(example: string): { source: string; claims: string[] } {
  const lines = example.split("\n");
  const out: string[] = [];
  const claims: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(.*?\S)\s+\/\/ (.*)$/.exec(lines[i]);
    if (!m || /^\s*(const|let)\s/.test(m[1]) || m[1].trim().startsWith("//")) { out.push(lines[i]); continue; }
    let text = m[2];
    while (i + 1 < lines.length && /^\s+\/\/ /.test(lines[i + 1])) text += `\n${lines[++i].replace(/^\s+\/\/ /, "")}`;
    out.push(`__check(${claims.length}, () => (${m[1].replace(/;$/, "")}));`);
    claims.push(text);
  }
  return { source: out.join("\n"), claims };
}

describe("the typings' examples print what their comments say", () => {
  for (const { where, example } of examples()) {
    it(where, () => {
      const { source, claims } = program(example);
      assert.ok(claims.length > 0, `${where}: the example claims no result (write \`expr  // what it prints\`)`);
      const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
      const printed: string[] = [];
      new Function(...Object.keys(SCOPE), "__check", js)(...Object.values(SCOPE), (i: number, f: () => unknown) => { printed[i] = String(f()); });
      claims.forEach((claim, i) => assert.strictEqual(printed[i], claim, `${where}, claim ${i + 1}`));
    });
  }
});
