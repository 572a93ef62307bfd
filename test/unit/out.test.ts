// out= as hot loops need it: with an out tensor of the result's shape and dtype, contiguous, the
// op writes straight into out's memory and allocates nothing, with the SIMD kernels and with the
// JS loops; where it cannot (out strided, of another dtype, or sharing memory with an input of a
// product), its temporary is returned at once. And the typings show the out option.
// (PyTorch's semantics, values and errors: test/golden/out.test.ts.)
import * as assert from "assert";
import * as ts from "typescript";
import { torch, F, memoryStats } from "../../kernel/index";
import { storageCount } from "../../kernel/engine/storage/storage";
import { setWasmEnabled } from "../../kernel/engine/wasm/index";
import { typeCheck } from "./typecheck";

type Tensor = ReturnType<typeof torch.tensor>;

const n = 1 << 14;
const x = torch.randn(n), y = torch.randn(n), c = x.gt(0), half = torch.tensor(0.5);
const a = torch.randn(64, 64), b = torch.randn(64, 64), batch = torch.randn(4, 16, 16);

/** Calls with an out of the result's shape and dtype (float32 [n] unless `out` says otherwise). */
const CALLS: Array<[string, (o: Tensor) => Tensor, () => Tensor]> = [
  ["torch.sigmoid", (o) => torch.sigmoid(x, { out: o }), () => torch.empty(n)],
  ["torch.tanh", (o) => torch.tanh(x, { out: o }), () => torch.empty(n)],
  ["torch.threshold", (o) => torch.threshold(x, 0.1, 2, { out: o }), () => torch.empty(n)],
  ["torch.heaviside", (o) => torch.heaviside(x, half, { out: o }), () => torch.empty(n)],
  ["F.gelu", (o) => F.gelu(x, { out: o }), () => torch.empty(n)],
  ["F.softplus", (o) => F.softplus(x, { beta: 2, out: o }), () => torch.empty(n)],
  ["F.logsigmoid", (o) => F.logsigmoid(x, { out: o }), () => torch.empty(n)],
  ["torch.add", (o) => torch.add(x, y, { out: o }), () => torch.empty(n)],
  ["torch.add alpha", (o) => torch.add(x, y, { alpha: 0.5, out: o }), () => torch.empty(n)],
  ["torch.add scalar", (o) => torch.add(x, 2, { out: o }), () => torch.empty(n)],
  ["torch.sub", (o) => torch.sub(x, y, { out: o }), () => torch.empty(n)],
  ["torch.mul", (o) => torch.mul(x, y, { out: o }), () => torch.empty(n)],
  ["torch.mul scalar", (o) => torch.mul(x, 3, { out: o }), () => torch.empty(n)],
  ["torch.div", (o) => torch.div(x, y, { out: o }), () => torch.empty(n)],
  ["torch.div scalar", (o) => torch.div(x, 7, { out: o }), () => torch.empty(n)],
  ["torch.div floor", (o) => torch.div(x, y, { rounding_mode: "floor", out: o }), () => torch.empty(n)],
  ["torch.neg", (o) => torch.neg(x, { out: o }), () => torch.empty(n)],
  ["torch.reciprocal", (o) => torch.reciprocal(x, { out: o }), () => torch.empty(n)],
  ["torch.pow square", (o) => torch.pow(x, 2, { out: o }), () => torch.empty(n)],
  ["torch.pow", (o) => torch.pow(x, y, { out: o }), () => torch.empty(n)],
  ["torch.exp", (o) => torch.exp(x, { out: o }), () => torch.empty(n)],
  ["torch.abs", (o) => torch.abs(x, { out: o }), () => torch.empty(n)],
  ["torch.clamp", (o) => torch.clamp(x, -1, 1, { out: o }), () => torch.empty(n)],
  ["torch.maximum", (o) => torch.maximum(x, y, { out: o }), () => torch.empty(n)],
  ["torch.where", (o) => torch.where(c, x, y, { out: o }), () => torch.empty(n)],
  ["torch.gt", (o) => torch.gt(x, y, { out: o }), () => torch.empty(n, { dtype: torch.bool })],
  ["torch.logical_not", (o) => torch.logical_not(c, { out: o }), () => torch.empty(n, { dtype: torch.bool })],
  ["torch.mm", (o) => torch.mm(a, b, { out: o }), () => torch.empty(64, 64)],
  ["torch.matmul", (o) => torch.matmul(a, b.t(), { out: o }), () => torch.empty(64, 64)],
  ["torch.dot", (o) => torch.dot(x, y, { out: o }), () => torch.empty([])],
  ["torch.bmm", (o) => torch.bmm(batch, batch, { out: o }), () => torch.empty(4, 16, 16)],
  ["F.linear", (o) => F.linear(a, b, a.index(0), { out: o }), () => torch.empty(64, 64)],
];

describe("out= writes straight into out", () => {
  for (const wasm of [true, false]) {
    describe(wasm ? "with the SIMD kernels" : "with the JS loops", () => {
      let was = true;
      before(() => { was = setWasmEnabled(wasm); });
      after(() => { setWasmEnabled(was); });

      for (const [name, call, out] of CALLS) {
        it(`${name}: the same values as without out=, and no tensor allocated`, () => {
          const o = out();
          const expected = call(torch.empty(0, { dtype: o.dtype })).tolist(); // (resized first, then the same)
          const before = storageCount();
          const r = call(o);
          assert.strictEqual(storageCount(), before, "storages made by the call");
          assert.strictEqual(r, o);
          assert.deepStrictEqual(o.tolist(), expected);
        });
      }

      it("out as an input of an elementwise op: written in place, nothing allocated", () => {
        const t = x.clone(), u = y.clone();
        const expected = torch.add(t, u, { alpha: 3 }).tolist();
        const before = storageCount();
        torch.add(t, u, { alpha: 3, out: u });
        assert.strictEqual(storageCount(), before);
        assert.deepStrictEqual(u.tolist(), expected);
      });
    });
  }

  it("where it cannot, the temporary's memory comes back at once", () => {
    const cases: Array<[string, Tensor, (o: Tensor) => unknown]> = [
      ["a strided out", torch.empty(64, 64).t(), (o) => torch.sigmoid(a, { out: o })],
      ["an out of another dtype", torch.empty(n, { dtype: torch.float64 }), (o) => torch.add(x, y, { out: o })],
      ["a product into one of its operands", a.clone(), (o) => torch.mm(o, b, { out: o })],
    ];
    torch.mm(a, b); // (the SIMD product's scratch space is made on first use)
    for (const [what, o, call] of cases) {
      const { liveBytes: live, collections } = memoryStats(), made = storageCount();
      call(o);
      assert.strictEqual(storageCount(), made + 1, `${what}: one temporary`);
      // (a collection the allocation ran meanwhile may have returned other memory too)
      const after = memoryStats();
      if (after.collections === collections) assert.strictEqual(after.liveBytes, live, `${what}: its memory returned`);
      else assert.ok(after.liveBytes <= live, `${what}: its memory returned`);
    }
  });

  it("a product into one of its operands gives the product (not what PyTorch's kernel leaves there)", () => {
    const m = a.clone();
    const expected = a.mm(b).tolist();
    torch.mm(m, b, { out: m });
    assert.deepStrictEqual(m.tolist(), expected);
  });
});

describe("the typings show out=", () => {
  const SNIPPET = `
import { torch, F } from "actnb";
export const withOut = { exp: torch.exp, add: torch.add, div: torch.div, clamp: torch.clamp, eq: torch.eq, where: torch.where, matmul: torch.matmul,
  mm: torch.mm, maximum: torch.maximum, sigmoid: torch.sigmoid, softmax: torch.softmax, gelu: F.gelu, logsigmoid: F.logsigmoid, true_divide: torch.true_divide,
  sum: torch.sum, mean: torch.mean, var: torch.var, amax: torch.amax, argmax: torch.argmax, all: torch.all, max: torch.max, cat: torch.cat, stack: torch.stack,
  gather: torch.gather, index_select: torch.index_select, zeros: torch.zeros, full: torch.full, arange: torch.arange, linspace: torch.linspace, rand: torch.rand, randperm: torch.randperm };
export const without = { sigmoid: F.sigmoid, relu: torch.relu, isnan: torch.isnan };
`;

  it("the functions that take it name `out` (a Tensor or null) in their options; the others do not", function () {
    this.timeout(60000);
    const { program, source, errors } = typeCheck(SNIPPET, "__actnb_out_typings__.ts");
    assert.deepStrictEqual(errors, []);
    const checker = program.getTypeChecker();
    /** For each property of the exported object: the type of `out` in an options parameter of one of its call signatures, if any. */
    const outTypes = (name: string): Record<string, string | null> => {
      const decl = source.statements.filter(ts.isVariableStatement).flatMap((s) => s.declarationList.declarations).find((d) => d.name.getText(source) === name)!;
      const type = checker.getTypeAtLocation(decl);
      return Object.fromEntries(type.getProperties().map((p) => {
        const fn = checker.getTypeOfSymbolAtLocation(p, decl);
        let found: string | null = null;
        for (const sig of fn.getCallSignatures()) {
          for (const param of sig.getParameters()) {
            const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(param, decl));
            const candidates = t.isUnion() ? t.types : [t];
            for (const candidate of candidates) {
              // an options object, or the last element of a rest tuple
              const args = checker.isTupleType(candidate) ? checker.getTypeArguments(candidate as ts.TypeReference) : [candidate];
              for (const arg of args) {
                const out = arg.getProperty("out");
                if (out) found = checker.typeToString(checker.getTypeOfSymbolAtLocation(out, decl));
              }
            }
          }
        }
        return [p.name, found];
      }));
    };
    for (const [fn, type] of Object.entries(outTypes("withOut"))) assert.ok(type && /Tensor/.test(type) && /null/.test(type), `${fn}: out is ${type}`);
    for (const [fn, type] of Object.entries(outTypes("without"))) assert.strictEqual(type, null, `${fn} should not show out`);
  });
});
