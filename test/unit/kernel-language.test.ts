// What an editor asks the kernel while the user types (signature help, go-to-definition,
// hover, completion details), over the real kernel process and its converter worker, through
// the typed protocol KernelClient speaks.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient } from "../../kernel/executor/client";
import type { Queries } from "../../kernel/executor/protocol";

const IMPORT = `import { torch, nn, F } from "actnb";\n`;

describe("kernel: language features for editors", function () {
  this.timeout(60000);
  let dir: string;
  let k: KernelClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    k = new KernelClient({ notebookDir: dir });
    await k.ready;
  });
  after(async () => {
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("signature help inside `new nn.Linear(` lists in_features, out_features and bias, each documented, and follows the argument being typed", async () => {
    const code = `${IMPORT}const fc = new nn.Linear(`;
    const help = await k.signatureHelp(code, code.length);
    assert.ok(help, "no signature help");
    assert.ok(help.signatures.length >= 2, `overloads: ${help.signatures.map((s) => s.label).join(" | ")}`);
    const first = help.signatures[help.activeSignature];
    assert.deepStrictEqual(first.parameters.slice(0, 3).map((p) => p.label.replace(/\??:.*/, "")), ["in_features", "out_features", "bias"]);
    for (const p of first.parameters) assert.strictEqual(first.label.slice(...p.offsets), p.label);
    assert.match(first.parameters[0].documentation, /input's last dimension/);
    assert.strictEqual(help.activeParameter, 0);
    const second = `${code}4, `;
    assert.strictEqual((await k.signatureHelp(second, second.length))?.activeParameter, 1);
  });

  it("signature help shows every overload of a function, with the doc comment of a function from a cell above", async () => {
    const above = ["/**\n * Scales a number.\n * @param n the number\n */\nfunction scale(n: number): number;\nfunction scale(n: number, by: number): number;\nfunction scale(n: number, by = 2) { return n * by; }"];
    const help = await k.signatureHelp("scale(1, ", 9, above);
    assert.deepStrictEqual(help?.signatures.map((s) => s.label), ["scale(n: number): number", "scale(n: number, by: number): number"]);
    assert.strictEqual(help?.activeSignature, 1);
    assert.strictEqual(help?.activeParameter, 1);
    assert.strictEqual(help?.signatures[0].documentation, "Scales a number.");
    assert.strictEqual(await k.signatureHelp("scale", 5, above), null, "no call, no help");
  });

  it("go-to-definition leads into the engine's typings (.d.ts), at the declaration; a name of the cell itself stays in the cell", async () => {
    const code = `${IMPORT}new nn.Linear(2, 3)`;
    const found = await k.definition(code, code.indexOf("Linear") + 2);
    assert.ok(found.length > 0, "no definition");
    // as in VS Code's own TypeScript support, `new X(...)` leads to X's constructor
    for (const d of found) {
      assert.ok(d.file && d.file.endsWith(".d.ts"), String(d.file));
      const lines = fs.readFileSync(d.file, "utf8").split("\n");
      assert.match(lines[d.line].slice(d.character), /^constructor\(in_features: number, out_features: number/);
      assert.ok(lines.slice(0, d.line).some((l) => /class Linear\b/.test(l)), `${d.file}:${d.line + 1} is not in class Linear`);
    }
    const own = "const twice = (n: number) => 2 * n;\ntwice(4)";
    assert.deepStrictEqual(await k.definition(own, own.lastIndexOf("twice") + 1), [{ file: null, line: 0, character: 6, endLine: 0, endCharacter: 11 }]);
  });

  it("hover and completion details carry the declaration, the doc text and its tags", async () => {
    const code = `${IMPORT}new nn.Linear(2, 3)`;
    const hover = await k.inspect(code, code.indexOf("Linear") + 2);
    assert.match(hover?.signature ?? "", /in_features: number, out_features: number/);
    assert.match(hover?.documentation ?? "", /fully connected layer/);
    const params = (hover?.tags ?? []).filter((t) => t.name === "param").map((t) => t.text.split(" ")[0]);
    assert.deepStrictEqual(params.slice(0, 3), ["in_features", "out_features", "bias"]);
    assert.ok(hover?.tags.some((t) => t.name === "example" && t.text.includes("new nn.Linear(")));

    const partial = `${IMPORT}const x = torch.zeros(2);\nx.su`;
    const c = await k.complete(partial, partial.length);
    assert.ok(c.candidates.includes("sum"), c.candidates.join(", "));
    assert.strictEqual(c.kinds.length, c.candidates.length);
    assert.strictEqual(c.kinds[c.candidates.indexOf("sum")], "method");
    const details = await k.completionDetails(partial, partial.length, "sum");
    assert.match(details?.signature ?? "", /Tensor\.sum\(dim\?: /);
    assert.match(details?.documentation ?? "", /sum of the elements/);
    assert.ok(details?.tags.some((t) => t.name === "param" && t.text.startsWith("keepdim ")));
  });

  it("a query at a position outside the cell fails with the reason, and the kernel answers the next one", async () => {
    await assert.rejects(k.signatureHelp("f(", 999), /the kernel could not answer: position 999 is outside the cell \(0 to 2\)/);
    assert.ok(await k.signatureHelp("Math.max(", 9));
  });

});

// Compile-time checks of the typed protocol, never run: a reply has its request's type (if the
// client's replies were loosened to `unknown` or `any`, these lines would stop being errors and
// the build would fail on the unused expectations).
export async function repliesAreTypedByRequest(k: KernelClient): Promise<void> {
  const c = await k.complete("Mat", 3);
  // @ts-expect-error: a completion list is no hover
  const hover: Queries["inspect"]["reply"] = c;
  // @ts-expect-error: signature help has no candidates
  (await k.signatureHelp("f(", 2))?.candidates;
  void hover;
}
