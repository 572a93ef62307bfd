// `import { torch, nn, F } from "actnb"` as a notebook cell or a Node program writes it: the
// package resolves from the repository root, its types check under strict TypeScript, and it runs.
import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");

const SNIPPET = `
import { torch, nn, F } from "actnb";
const x = torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true });
class Net extends nn.Module {
  fc = new nn.Linear(4, 1);
  override forward(t: typeof x) { return F.gelu(this.fc(t), { approximate: "tanh" }); }
}
const out: number[][] = new Net()(x).tolist();
export const shape = [out.length, out[0].length];
`;

describe('the "actnb" package', () => {
  it("type-checks a strict TypeScript program that imports it", function () {
    this.timeout(60000);
    const file = path.join(ROOT, "__actnb_import_check__.ts");
    const options: ts.CompilerOptions = { strict: true, noEmit: true, noImplicitOverride: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], skipLibCheck: true };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile;
    host.readFile = (f) => (path.resolve(f) === file ? SNIPPET : readFile(f));
    host.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(host.fileExists);
    const program = ts.createProgram([file], options, host);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    assert.deepStrictEqual(diagnostics, []);
  });

  it("runs from Node by its package name", () => {
    const actnb = require(require.resolve("actnb", { paths: [ROOT] }));
    assert.strictEqual(String(actnb.F.relu(actnb.torch.tensor([[-1.0, 0.0, 2.0, -3.0]]))), "tensor([[0., 0., 2., 0.]])");
  });
});
