// `import { torch, nn, F } from "actnb"` as a notebook cell or a Node program writes it: the
// package resolves from the repository root, its types check under strict TypeScript, and it runs.
import * as assert from "assert";
import * as path from "path";
import { typeCheck } from "./typecheck";

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
    assert.deepStrictEqual(typeCheck(SNIPPET, "__actnb_import_check__.ts", { noImplicitOverride: true }).errors, []);
  });

  it("runs from Node by its package name", () => {
    const actnb = require(require.resolve("actnb", { paths: [ROOT] }));
    assert.strictEqual(String(actnb.F.relu(actnb.torch.tensor([[-1.0, 0.0, 2.0, -3.0]]))), "tensor([[0., 0., 2., 0.]])");
  });
});
