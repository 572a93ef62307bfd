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
  /** Every overload's positional parameters (the binder is probed once per overload). */
  overloads: Array<Array<{ name: string; optional: boolean; type: string }>>;
  /** Declared abstract (a base class to extend, never constructed itself). */
  abstract: boolean;
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
    // (a namespace's member may be a class: its doc comment is the class's)
    const typeSymbol = checker.getTypeOfSymbolAtLocation(own, source).getSymbol();
    const documented = own.getDocumentationComment(checker).length > 0 || (typeSymbol?.getDocumentationComment(checker).length ?? 0) > 0 || signatures[0].getDocumentationComment(checker).length > 0;
    const decl = own.valueDeclaration ?? own.declarations?.[0];
    const abstract = !!decl && ts.canHaveModifiers(decl) && !!ts.getModifiers(decl)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword);
    const d: Declared = { path: where, kind, names: new Set(), positional: [], overloads: [], untyped: [], documented, bound, abstract };
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
        const param = { name: p.name, optional: !!decl?.questionToken || !!decl?.dotDotDotToken, type: text };
        if (i === 0 && p.name !== "options") d.positional.push(param);
        if (p.name !== "options") (d.overloads[i] ??= []).push(param);
      }
      d.overloads[i] ??= [];
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
  if (/^Tensor\b/.test(type) || type === "Parameter" || type === "TensorOrScalar" || type === "Savable") return torch.ones(2, 2);
  if (/^Scalar\b/.test(type) || type === "unknown") return 1;
  if (/^\(.*\) =>/.test(type)) return () => 0;
  if (/^Uint8Array/.test(type)) return new Uint8Array(0);
  if (/^ArrayLike<number>/.test(type)) return [1];
  if (/^(readonly )?DatasetLike/.test(type)) return new torch.utils.data.TensorDataset(torch.ones(4, 2));
  if (/^readonly DatasetLike<\w+>\[\]/.test(type)) return [new torch.utils.data.TensorDataset(torch.ones(4, 2))];
  if (/^(readonly )?number\[\]|^Dims/.test(type)) return [0];
  if (/^number\b/.test(type)) return 1;
  if (/^boolean\b/.test(type)) return true;
  const literal = /^"([^"]*)"/.exec(type);
  if (literal) return literal[1];
  if (/^string\b/.test(type)) return "cpu";
  if (/^readonly ParamGroup\[\]/.test(type)) return [{ params: [torch.ones(2, { requires_grad: true })] }];
  if (/^readonly \[number, number\]/.test(type)) return [0.9, 0.999];
  if (/Module/.test(type)) return new nn.Linear(2, 2);
  if (/Iterable|Parameter\[\]|Tensor\[\]/.test(type)) return [torch.ones(2, { requires_grad: true })];
  if (/^readonly unknown\[\]/.test(type)) return [torch.ones(2)];
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

/**
 * Callables the probe cannot judge, or known not to follow the rule yet, each with why. A name
 * here that starts to agree fails the test too, so the list only shrinks.
 */
const KNOWN: Record<string, string> = {
  "torch.Tensor": "an internal constructor over storage: tensors come from torch.tensor and the factories",
  "torch.Generator": "takes a seed, where PyTorch's torch.Generator takes a device",
  "nn.Sequential": "an options object cannot be told from PyTorch's OrderedDict of modules, so it is read as one (and refused: not a Module)",
  "nn.ModuleDict": "an options object cannot be told from a dict of modules, so it is read as one (and refused: not a Module)",
  "torch.utils.data.TensorDataset": "refuses anything but tensors with its own message",
  "Tensor.numpy": "refuses every call: there is no NumPy here",
  "Tensor.index": "takes indices only; an object is refused as an index, as x[{...}] is in Python",
  "Tensor.view": "its sizes parser reads an options object as a size (refused: invalid shape dimension)",
  "Tensor.reshape": "its sizes parser reads an options object as a size (refused: invalid shape dimension)",
  "Tensor.permute": "its dims parser reads an options object as a dim (refused)",
  "Tensor.expand": "its sizes parser reads an options object as a size (refused)",
  "Tensor.sum_to_size": "its sizes parser reads an options object as a size (refused)",
  "torch.var": "the probe's arguments select the (dim, unbiased, keepdim) overload, so `correction` (keyword-only) is never reached",
  "torch.std": "the probe's arguments select the (dim, unbiased, keepdim) overload, so `correction` (keyword-only) is never reached",
  "Tensor.var": "the probe's arguments select the (dim, unbiased, keepdim) overload, so `correction` (keyword-only) is never reached",
  "Tensor.std": "the probe's arguments select the (dim, unbiased, keepdim) overload, so `correction` (keyword-only) is never reached",
  "torch.utils.data.Subset": "plain JavaScript parameters: extra arguments are ignored (to bind by an API entry)",
  "torch.utils.data.ConcatDataset": "plain JavaScript parameters: extra arguments are ignored (to bind by an API entry)",
  "torch.utils.data.SequentialSampler": "plain JavaScript parameters: extra arguments are ignored (to bind by an API entry)",
  "torch.utils.data.BatchSampler": "plain JavaScript parameters: extra arguments are ignored (to bind by an API entry)",
  "torch.utils.data.default_collate": "plain JavaScript parameters: extra arguments are ignored (to bind by an API entry)",
  "torch.Device": "plain JavaScript parameters: an options object after the type is ignored (torch.device, the function, binds; the class does not yet)",
};

/** JavaScript's own methods every object has, not PyTorch's. */
const JS_METHODS = new Set(["toString", "toLocaleString", "valueOf", "toJSON"]);

/** Calls it with its required arguments and `named`; the error it throws, or null if none. */
function call(d: Declared, named: Record<string, unknown>, overload = d.positional): string | null {
  const required = overload.filter((p) => !p.optional).map((p) => sample(p.type));
  const target = runtime(d.path) as (...a: unknown[]) => unknown;
  const args = [...required, named];
  try {
    if (d.kind === "construct") Reflect.construct(target, args);
    else if (d.kind === "method") target.apply(d.path === "Tensor.item" ? torch.ones(1) : torch.ones(2, 2), args);
    else target(...args);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

/**
 * Calls it, once per declared overload, with that overload's required arguments and an unknown
 * keyword; returns the names its binder accepted over all of them, or why it could not tell.
 */
function probe(d: Declared): Set<string> | string {
  if (typeof runtime(d.path) !== "function") return "not a function at run time";
  const accepted = new Set<string>();
  for (const overload of d.overloads) {
    const required = overload.filter((p) => !p.optional).map((p) => sample(p.type));
    if (required.some((v) => v === undefined)) return `no sample value for a required parameter (${overload.map((p) => p.type).join(", ")})`;
    lastBinding.fn = "";
    const error = call(d, { __probe__: 1 }, overload);
    if (error === null) return "accepted an unknown keyword";
    const combination = /received an invalid combination of arguments - got \(.*__probe__=.*\), but expected one of:\n([\s\S]*)/.exec(error);
    if (combination) {
      // PyTorch's refusal for functions with several overloads, listing each: their names are what it takes
      for (const m of combination[1].matchAll(/(\w+)(?:=[^,)]*)?(?=[,)])/g)) if (!/^(Tensor|int|float|bool|Number|Scalar|None|True|False|tuple|of|Tensors|ints)$/.test(m[1])) accepted.add(m[1]);
      if (d.kind === "method") accepted.delete("input"); // (self)
      continue;
    }
    if (!/unexpected keyword argument '__probe__'/.test(error)) return `refused the probe otherwise: ${error.split("\n")[0]}`;
    if (!lastBinding.fn) {
      // refused by a callable of positional parameters only (torch.no_grad(fn)): nothing to compare
      if (overload.every((p) => !p.optional)) { overload.forEach((p) => accepted.add(p.name)); continue; }
      return "refused the keyword without a binder (args.ts bindArgs)";
    }
    for (const n of [...Object.keys(lastBinding.spec), ...Object.keys(lastBinding.keywordOnly ?? {})]) accepted.add(n);
  }
  return accepted;
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
      if (!d.bound || d.abstract || d.untyped.length || (d.kind === "method" && JS_METHODS.has(d.path.slice("Tensor.".length)))) continue; // reported above; not PyTorch's
      const accepted = probe(d);
      if (typeof accepted === "string") { problems.push(`${d.path}: ${accepted}`); continue; }
      // a name the binder lists but the callable refuses before binding (a Tensor method's out=,
      // x.relu_()'s inplace, which it sets itself) is not accepted: check that it is refused
      const refused = (n: string) => new RegExp(`unexpected keyword argument '${n}'`).test(call(d, { [n]: sample("Tensor") }) ?? "");
      const extra = [...accepted].filter((n) => !d.names.has(n) && !refused(n));
      const missing = [...d.names].filter((n) => !accepted.has(n));
      // the binder never sees the parameters taken off before it (the input of F.relu, torch.sum):
      // those must be the first positional ones
      const leading = d.overloads.flatMap((o) => o.slice(0, missing.length).map((p) => p.name));
      if (extra.length) problems.push(`${d.path}: the binder accepts ${extra.join(", ")}, which the typings do not declare`);
      if (missing.some((n) => !leading.includes(n))) problems.push(`${d.path}: declared ${missing.join(", ")}, which the binder does not accept`);
    }
    const unexpected = problems.filter((p) => !(p.slice(0, p.indexOf(":")) in KNOWN));
    assert.deepStrictEqual(unexpected, [], `${unexpected.length} disagreements:\n${unexpected.join("\n")}`);
    const fixed = Object.keys(KNOWN).filter((k) => !problems.some((p) => p.startsWith(`${k}:`)));
    assert.deepStrictEqual(fixed, [], `these now agree: take them off KNOWN in this file:\n${fixed.join("\n")}`);
  });
});
