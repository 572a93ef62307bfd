// The typings a cell sees (the "actnb" package's .d.ts) against the engine that runs it: every
// public callable is declared with real parameters (no `...args: unknown[]`), and the names it is
// declared with are exactly the names its runtime binder accepts. The declarations are read with
// the TypeScript compiler; the binder is probed by calling with an unknown keyword, which it must
// refuse after reading its parameter list (args.ts: lastBinding).
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { torch, nn, F, optim, Tensor } from "../../kernel/index";
import { lastBinding } from "../../kernel/engine/args";

const ROOT = path.resolve(__dirname, "../../..");

interface Declared {
  /** How a cell reaches it: "torch.sum", "F.leaky_relu", "nn.Linear", "Tensor.sum". */
  path: string;
  kind: "function" | "construct" | "method";
  /** Every overload's parameters, `options` expanded into its members. */
  names: Set<string>;
  /** The first overload's positional parameters, in order, with whether each is optional and its type. */
  positional: Array<{ name: string; optional: boolean; type: string }>;
  /** Rest parameters typed unknown[] or any[]: what the issue forbids. */
  untyped: string[];
  /** Whether it (or its first overload) carries a doc comment. */
  documented: boolean;
  /** Bound by Python's rules (the engine's namespaces), so its binder can be probed. */
  bound: boolean;
}

/** The namespaces a cell reaches, and whether their callables bind by PyTorch's rules. */
const NAMESPACES: Record<string, { expression: string; bound: boolean }> = {
  torch: { expression: "torch", bound: true },
  F: { expression: "F", bound: true },
  nn: { expression: "nn", bound: true },
  "nn.init": { expression: "nn.init", bound: true },
  optim: { expression: "optim", bound: true },
  "torch.utils.data": { expression: "torch.utils.data", bound: true },
  plot: { expression: "plot", bound: false },
  "torchvision.datasets": { expression: "torchvision.datasets", bound: false },
  "torchvision.transforms": { expression: "torchvision.transforms", bound: false },
  "torchvision.utils": { expression: "torchvision.utils", bound: false },
  display: { expression: "{ display, displayBundle, html, markdown, svg, png, json, progress }", bound: false },
};

/** The public callables of the namespaces a cell imports, as the compiler sees their typings. */
function declaredCallables(): Declared[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-typed-"));
  const file = path.join(dir, "probe.ts");
  const from = path.join(ROOT, "out/kernel/index").replace(/\\/g, "/");
  fs.writeFileSync(file, `import { torch, F, nn, optim, Tensor, plot, torchvision, display, displayBundle, html, markdown, svg, png, json, progress } from "${from}";
export const namespaces = { ${Object.entries(NAMESPACES).map(([k, v]) => `"${k}": ${v.expression}`).join(", ")} };
export declare const tensor: Tensor;
`);
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.NodeJs, types: ["node"], typeRoots: [path.join(ROOT, "node_modules/@types")], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
  const typeOf = (s: ts.Symbol) => checker.getTypeOfSymbolAtLocation(s, source);
  const found: Declared[] = [];

  const describe = (where: string, kind: Declared["kind"], signatures: readonly ts.Signature[], symbol: ts.Symbol, bound: boolean): void => {
    if (!signatures.length) return;
    const own = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const documented = own.getDocumentationComment(checker).length > 0 || signatures[0].getDocumentationComment(checker).length > 0;
    const d: Declared = { path: where, kind, names: new Set(), positional: [], untyped: [], documented, bound };
    signatures.forEach((sig, i) => {
      for (const p of sig.parameters) {
        const decl = p.valueDeclaration as ts.ParameterDeclaration | undefined;
        const t = typeOf(p);
        const text = checker.typeToString(t);
        if (decl?.dotDotDotToken && /^(unknown|any)\[\]$/.test(text)) d.untyped.push(`${p.name}: ${text}`);
        if (p.name === "options") {
          for (const m of checker.getPropertiesOfType(checker.getNonNullableType(t))) d.names.add(m.name);
        } else if (!(decl?.dotDotDotToken && p.name === "args")) {
          d.names.add(p.name);
        }
        if (i === 0 && p.name !== "options") d.positional.push({ name: p.name, optional: !!decl?.questionToken || !!decl?.dotDotDotToken, type: text });
      }
    });
    found.push(d);
  };

  for (const s of exported) {
    if (s.name === "namespaces") {
      for (const ns of checker.getPropertiesOfType(typeOf(s))) {
        for (const member of checker.getPropertiesOfType(typeOf(ns))) {
          if (member.name.startsWith("_")) continue;
          const t = typeOf(member);
          const bound = NAMESPACES[ns.name].bound;
          describe(`${ns.name}.${member.name}`, "function", t.getCallSignatures(), member, bound);
          describe(`${ns.name}.${member.name}`, "construct", t.getConstructSignatures(), member, bound);
        }
      }
    } else if (s.name === "tensor") {
      for (const m of checker.getPropertiesOfType(typeOf(s))) {
        if (m.name.startsWith("_") || !(m.flags & ts.SymbolFlags.Method)) continue;
        describe(`Tensor.${m.name}`, "method", typeOf(m).getCallSignatures(), m, true);
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return found;
}

/** A value of a declared parameter type, enough for the call to reach its binder. */
function sample(type: string): unknown {
  if (/^Tensor\b/.test(type) || type === "Parameter" || type === "TensorOrScalar") return torch.ones(2, 2);
  if (/^(readonly )?number\[\]|^Dims/.test(type)) return [0];
  if (/^number\b/.test(type)) return 1;
  if (/^boolean\b/.test(type)) return true;
  const literal = /^"([^"]*)"/.exec(type);
  if (literal) return literal[1];
  if (/^string\b/.test(type)) return "x";
  if (/Module/.test(type)) return new nn.Linear(2, 2);
  if (/Iterable|Parameter\[\]|Tensor\[\]/.test(type)) return [torch.ones(2, { requires_grad: true })];
  return undefined;
}

/** The runtime object a declared path names. */
function runtime(where: string): unknown {
  const [ns, name] = [where.slice(0, where.lastIndexOf(".")), where.slice(where.lastIndexOf(".") + 1)];
  const roots: Record<string, unknown> = { torch, F, nn, "nn.init": nn.init, optim, "torch.utils.data": torch.utils.data, Tensor: Tensor.prototype };
  return (roots[ns] as Record<string, unknown>)[name];
}

/** The callables PyTorch itself declares as taking any arguments, which they ignore. */
const TAKES_ANYTHING: Record<string, string> = {
  "nn.Identity": "torch.nn.Identity(*args, **kwargs) accepts anything and ignores it, so code can swap it in for another layer",
};

/** JavaScript's own methods every object has, not PyTorch's. */
const JS_METHODS = new Set(["toString", "toLocaleString", "valueOf", "toJSON"]);

/** Calls it with its required arguments and `named`; the error it throws, or null if none. */
function call(d: Declared, named: Record<string, unknown>): string | null {
  const required = d.positional.filter((p) => !p.optional).map((p) => sample(p.type));
  const target = runtime(d.path) as (...a: unknown[]) => unknown;
  const args = [...required, named];
  try {
    if (d.kind === "construct") Reflect.construct(target, args);
    else if (d.kind === "method") target.apply(torch.ones(2, 2), args);
    else target(...args);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

/** Calls it with its required arguments and an unknown keyword; returns what the binder accepted, or why not. */
function probe(d: Declared): Set<string> | string {
  const required = d.positional.filter((p) => !p.optional).map((p) => sample(p.type));
  if (required.some((v) => v === undefined)) return `no sample value for a required parameter (${d.positional.map((p) => p.type).join(", ")})`;
  const target = runtime(d.path) as (...a: unknown[]) => unknown;
  if (typeof target !== "function") return "not a function at run time";
  lastBinding.fn = "";
  const args = [...required, { __probe__: 1 }];
  try {
    if (d.kind === "construct") Reflect.construct(target, args);
    else if (d.kind === "method") target.apply(torch.ones(2, 2), args);
    else target(...args);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!/unexpected keyword argument '__probe__'/.test(message)) return `refused the probe otherwise: ${message.split("\n")[0]}`;
    if (!lastBinding.fn) return "refused the keyword without a binder (args.ts bindArgs)";
    return new Set([...Object.keys(lastBinding.spec), ...Object.keys(lastBinding.keywordOnly ?? {})]);
  }
  return "accepted an unknown keyword";
}

describe("the typed API: declarations equal the runtime binders", function () {
  this.timeout(120000);
  let declared: Declared[] = [];
  before(() => { declared = declaredCallables(); });

  it("finds the public callables (torch, F, nn, nn.init, optim, torch.utils.data, Tensor methods)", () => {
    const paths = new Set(declared.map((d) => d.path));
    for (const p of ["torch.sum", "F.leaky_relu", "nn.Linear", "Tensor.sum", "Tensor.relu", "nn.LeakyReLU", "plot.activationPlot", "display.display", "torchvision.transforms.Normalize"]) assert.ok(paths.has(p), `${p} not found among ${paths.size}`);
  });

  it("declares no public callable with an untyped rest parameter (...args: unknown[])", () => {
    const bad = declared.filter((d) => d.untyped.length && !(d.path in TAKES_ANYTHING)).map((d) => `${d.path} (${d.untyped.join(", ")})`);
    assert.deepStrictEqual(bad, [], `${bad.length} callables are declared with untyped rest parameters:\n${bad.join("\n")}`);
  });

  it("documents every public callable (hover, completion details and signature help show it)", () => {
    const bad = declared.filter((d) => !d.documented && !(d.kind === "method" && JS_METHODS.has(d.path.slice("Tensor.".length)))).map((d) => d.path);
    assert.deepStrictEqual(bad, [], `${bad.length} callables have no doc comment:\n${bad.join("\n")}`);
  });

  it("declares each callable with exactly the parameter names its binder accepts", () => {
    const problems: string[] = [];
    for (const d of declared) {
      if (!d.bound || d.untyped.length || (d.kind === "method" && JS_METHODS.has(d.path.slice("Tensor.".length)))) continue; // reported above; not PyTorch's
      const accepted = probe(d);
      if (typeof accepted === "string") { problems.push(`${d.path}: ${accepted}`); continue; }
      // a name the binder lists but the callable refuses before binding (a Tensor method's out=,
      // x.relu_()'s inplace, which it sets itself) is not accepted: check that it is refused
      const refused = (n: string) => new RegExp(`unexpected keyword argument '${n}'`).test(call(d, { [n]: sample("Tensor") }) ?? "");
      const extra = [...accepted].filter((n) => !d.names.has(n) && !refused(n));
      const missing = [...d.names].filter((n) => !accepted.has(n));
      // the binder never sees the parameters taken off before it (the input of F.relu, torch.sum):
      // those must be the first positional ones
      const leading = d.positional.slice(0, missing.length).map((p) => p.name);
      if (extra.length) problems.push(`${d.path}: the binder accepts ${extra.join(", ")}, which the typings do not declare`);
      if (missing.some((n) => !leading.includes(n))) problems.push(`${d.path}: declared ${missing.join(", ")}, which the binder does not accept`);
    }
    assert.deepStrictEqual(problems, [], `${problems.length} disagreements:\n${problems.join("\n")}`);
  });
});
