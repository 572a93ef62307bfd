// The reductions', views', indexing's and matrix products' API entries (kernel/engine/api/tables:
// reduce, shape, indexing, linalg) as a user meets them: the published typings accept PyTorch's
// calls and refuse others, and the engine binds the same names, order and overloads at run time.
import * as assert from "assert";
import { torch, Tensor } from "../../kernel/index";
import { typeCheck } from "./typecheck";

const x = () => torch.tensor([[1.0, 5.0, 2.0], [4.0, 0.0, 3.0]]);
const long = (v: number[]) => torch.tensor(v, { dtype: torch.int64 });
/** A call the typings do not offer (a required parameter by name) or refuse (on purpose, to see the engine's error). */
const call = <R = Tensor>(f: unknown, ...args: unknown[]): R => (f as (...a: unknown[]) => R)(...args);

describe("typings of reductions, views, indexing and matrix products", () => {
  // each @ts-expect-error line must be refused by the typings; every other line must check
  const SNIPPET = `
import { torch, Tensor } from "actnb";
const x = torch.ones(2, 3), y = torch.ones(3, 2), o = torch.empty(0), i = torch.zeros(2, 1, { dtype: torch.int64 });
const { values, indices } = x.max(1);
const [v, k] = torch.min(x, 0, { keepdim: true, out: [o, o] });
export const tensors: Tensor[] = [values, indices, v, k, x.max(), torch.max(x, x), x.min(), x.var(0, false), x.var(0, { correction: 0 }), x.var(true),
  torch.std(x, [0, 1], true, true), x.norm(), torch.norm(x, "fro", [0, 1]), x.norm(Infinity), x.prod(1), x.amax([0, 1]), x.argmin({ keepdim: true }), x.all(), x.any(0),
  x.count_nonzero([0, 1]), x.sum_to_size(1, 3), x.sum_to_size([1, 3]), x.view(3, 2), x.view([-1]), x.view_as(y), x.reshape(6), torch.reshape(x, [6]), x.reshape_as(y),
  x.transpose(0, 1), x.t(), torch.permute(x, [1, 0]), x.permute(1, 0), x.unsqueeze(0), torch.squeeze(x), x.squeeze(0), x.flatten(), torch.flatten(x, 0, 1),
  x.narrow(1, 0, 2), x.select(0, -1), x.expand(2, 2, 3), x.expand_as(x), x.contiguous(), x.clone(), torch.cat([x, x], 1, { out: o }), torch.concat([x]),
  torch.stack([x, x], { dim: 1 }), x.gather(1, i), torch.index_select(x, 0, indices, { out: o }), x.where(x.gt(0), 0), x.matmul(y), torch.mm(x, y, { out: o }),
  x.mv(torch.ones(3)), torch.dot(torch.ones(2), torch.ones(2)), torch.bmm(x.unsqueeze(0), y.unsqueeze(0)), x.index(0, ":"), x.index([null, "...", indices])];
export const pieces: Tensor[][] = [x.chunk(2), torch.chunk(x, 2, 1), x.split(1), x.split([1, 2], 1), torch.split(x, [1, 2], { dim: 1 })];
export const resized: typeof x = x.resize_(3, 2);
// @ts-expect-error: along a dim, max gives values and indices, not a tensor
export const notATensor: Tensor = x.max(1);
// @ts-expect-error: keepdim without a dim is none of max's overloads
torch.max(x, { keepdim: true });
// @ts-expect-error: out= along a dim is [values, indices]
torch.max(x, 1, { out: o });
// @ts-expect-error: unbiased and correction belong to different overloads of var
torch.var(x, 0, true, { correction: 1 });
// @ts-expect-error: the Tensor methods take no out=
x.sum(0, { out: o });
// @ts-expect-error: the Tensor methods take no out=
x.mm(y, { out: o });
// @ts-expect-error: out= is keyword-only
torch.matmul(x, y, o);
// @ts-expect-error: torch.reshape takes the shape as one array
torch.reshape(x, 3, 2);
// @ts-expect-error: transpose needs both dims
x.transpose(0);
// @ts-expect-error: sizes are numbers
x.view("3", 2);
// @ts-expect-error: Tensor.split names its size split_size (torch.split: split_size_or_sections)
x.split({ split_size_or_sections: 1 });
// @ts-expect-error: torch.cat takes a list of tensors
torch.cat(x, x);
// @ts-expect-error: gather needs the index
x.gather(1);
// @ts-expect-error: count_nonzero has no keepdim
torch.count_nonzero(x, 0, true);
// @ts-expect-error: the condition comes first, then the other values
x.where(0);
// @ts-expect-error: an index is a number, a slice string, null or a tensor
x.index(true);
`;

  it("accept PyTorch's calls with their result types, and refuse the others", function () {
    this.timeout(60000);
    assert.deepStrictEqual(typeCheck(SNIPPET, "__actnb_tensor_api_typings__.ts").errors, []);
  });

  it("declare no unknown parameters for these callables", function () {
    this.timeout(60000);
    const names = ["var", "std", "norm", "prod", "max", "min", "amax", "amin", "argmax", "argmin", "all", "any", "count_nonzero", "sum_to_size", "view", "view_as", "reshape",
      "reshape_as", "transpose", "t", "permute", "unsqueeze", "squeeze", "flatten", "narrow", "select", "chunk", "split", "expand", "expand_as", "contiguous", "clone",
      "resize_", "index", "gather", "index_select", "where", "matmul", "mm", "mv", "dot", "bmm"];
    const torchNames = ["cat", "concat", "stack", ...names.filter((n) => !["sum_to_size", "view", "view_as", "reshape_as", "expand", "expand_as", "contiguous", "resize_", "index", "where"].includes(n))];
    const snippet = `import { torch, Tensor } from "actnb";\ndeclare const x: Tensor;\n${names.map((n) => `export const m_${n} = x.${n};`).join("\n")}\n${torchNames.map((n) => `export const f_${n} = torch.${n};`).join("\n")}\n`;
    const { program, source, errors } = typeCheck(snippet, "__actnb_tensor_api_unknown__.ts");
    assert.deepStrictEqual(errors, []);
    const checker = program.getTypeChecker();
    const withUnknown = source.statements.filter((s) => /^export const/.test(s.getText(source))).flatMap((s) => {
      const decl = (s as import("typescript").VariableStatement).declarationList.declarations[0];
      const text = checker.getTypeAtLocation(decl).getCallSignatures().map((sig) => checker.signatureToString(sig)).join("\n");
      return /\bunknown\b|\bany\b/.test(text) || !text ? [decl.name.getText(source)] : [];
    });
    assert.deepStrictEqual(withUnknown, []);
  });
});

describe("binding by the entries at run time", () => {
  it("var and std pick PyTorch's overload: (dim, unbiased, keepdim), (dim, *, correction) or (input, unbiased)", () => {
    const t = torch.tensor([1.0, 2.0, 4.0]);
    assert.strictEqual(torch.var(t, false).item(), torch.var(t, 0, { correction: 0 }).item());
    assert.strictEqual(t.std(0, false).item(), t.std({ dim: 0, correction: 0 }).item());
    assert.notStrictEqual(torch.var(t, true).item(), torch.var(t, false).item());
    assert.throws(() => call(torch.var, t, 0, true, false, { correction: 1 }), /var\(\) takes from 1 to 2 positional arguments but 4 were given/);
    assert.throws(() => call(torch.var, t, true, 0), /var\(\) takes 2 positional arguments but 3 were given/);
  });

  it("max and min: all elements, against another tensor, or along a dim; keepdim without a dim is PyTorch's invalid combination", () => {
    const a = x();
    assert.strictEqual(a.max().item(), 5);
    assert.deepStrictEqual(torch.min(a, torch.full([2, 3], 2.0)).tolist(), [[1, 2, 2], [2, 0, 2]]);
    const { values, indices } = torch.max(a, 1, { keepdim: true });
    assert.deepStrictEqual([values.tolist(), indices.tolist()], [[[5], [4]], [[1], [0]]]);
    assert.throws(() => call(torch.max, a, { keepdim: true }),
      (e: Error) => e instanceof TypeError && e.message.startsWith("max() received an invalid combination of arguments - got (Tensor, keepdim=bool), but expected one of:\n * (Tensor input)\n"));
  });

  it("takes PyTorch's keyword names, and refuses others by name", () => {
    const a = x(), v = torch.ones(3), m = torch.ones(3, 2);
    assert.deepStrictEqual(call(torch.mv, a, { vec: v }).tolist(), [8, 7]);
    assert.deepStrictEqual(call(a.mm.bind(a), { mat2: m }).tolist(), [[8, 8], [7, 7]]);
    assert.strictEqual(call(v.dot.bind(v), { tensor: v }).item(), 3);
    assert.deepStrictEqual(call<Tensor[]>(torch.split, a, { split_size_or_sections: 2, dim: 1 }).map((p) => p.shape), [[2, 2], [2, 1]]);
    assert.deepStrictEqual(call<Tensor[]>(a.split.bind(a), { split_size: 2, dim: 1 }).map((p) => p.shape), [[2, 2], [2, 1]]);
    assert.throws(() => call(a.split.bind(a), { split_size_or_sections: 2 }), /split\(\) got an unexpected keyword argument 'split_size_or_sections'/);
    assert.deepStrictEqual(call(a.transpose.bind(a), { dim0: 0, dim1: 1 }).shape, [3, 2]);
    assert.deepStrictEqual(call(torch.narrow, a, 1, { start: 1, length: 2 }).tolist(), [[5, 2], [0, 3]]);
    assert.deepStrictEqual(call(a.view_as.bind(a), { other: m.t() }).shape, [2, 3]);
    assert.deepStrictEqual(call(a.where.bind(a), { condition: a.gt(2), other: -1 }).tolist(), [[-1, 5, -1], [4, -1, 3]]);
    assert.deepStrictEqual(torch.count_nonzero(a, { dim: [0, 1] }).item(), 5);
  });

  it("the Tensor methods refuse out=, and the functions a first argument that is no tensor", () => {
    const a = x(), o = torch.empty(0);
    assert.throws(() => call(a.gather.bind(a), 1, long([0]).view(1, 1).expand(2, 1), { out: o }), /gather\(\) got an unexpected keyword argument 'out'/);
    assert.throws(() => call(a.amax.bind(a), 0, { out: o }), /amax\(\) got an unexpected keyword argument 'out'/);
    assert.throws(() => call(torch.transpose, [1, 2], 0, 1), /transpose\(\): argument 'input' \(position 1\) must be Tensor, not list/);
    assert.throws(() => call(torch.split, [1, 2], 1), /split\(\): argument 'tensor' \(position 1\) must be Tensor, not list/);
  });

  it("x.index takes the indices one by one or as one array", () => {
    const a = x();
    assert.deepStrictEqual(a.index([":", "1:"]).tolist(), a.index(":", "1:").tolist());
    assert.deepStrictEqual(a.index([null, 1]).shape, [1, 3]);
    assert.throws(() => call(a.index.bind(a), [[0]]), /only integers, slices/);
  });

  it("x.resize_ takes the sizes one by one or as one array, and memory_format only by name", () => {
    assert.deepStrictEqual(torch.zeros(4).resize_(2, 2).shape, [2, 2]);
    assert.deepStrictEqual(torch.zeros(4).resize_([1, 4], { memory_format: null }).shape, [1, 4]);
    assert.throws(() => call(torch.zeros(4).resize_.bind(torch.zeros(4)), 4, { memory_formt: null }), /resize_\(\) got an unexpected keyword argument 'memory_formt'/);
  });
});
