// What translating a notebook keeps track of: names, the imports the Python needs, the runtime
// helpers it calls, and the statements an expression must place before the one it is in.
import * as ts from "@tslab/typescript-for-tslab";
import { Types } from "./types";
import { PYTHON_KEYWORDS, RESERVED_NAMES, snakeCase } from "./python";

/** A Python function being written: the outer names it rebinds need `global` or `nonlocal`. */
export interface FunctionScope {
  node: ts.Node;
  globals: Set<string>;
  nonlocals: Set<string>;
}

export class Context {
  readonly types: Types;
  /** `import x` lines the Python needs (math, time, json, functools, sys). */
  readonly modules = new Set<string>();
  /** `from module import name` lines, by module, in first-use order. */
  readonly fromImports = new Map<string, Set<string>>();
  /** Names of actnb_pytorch the Python calls. */
  readonly runtime = new Set<string>();
  /** Statements to emit before the statement being translated (hoisted functions). */
  private readonly hoisted: string[][] = [];
  readonly functions: FunctionScope[] = [];
  /** Quote for string literals: inside an f-string's expressions, the other one. */
  quote: '"' | "'" = '"';
  private readonly pythonNames = new Map<ts.Symbol, string>();
  /** Python names in use, with the TypeScript name each stands for (two TS names must not meet in one). */
  private readonly taken = new Map<string, string>();

  constructor(readonly checker: ts.TypeChecker, readonly file: ts.SourceFile, readonly script = false) {
    this.types = new Types(checker, file);
  }

  useModule(name: string): void {
    this.modules.add(name);
  }

  useRuntime(name: string): string {
    this.runtime.add(name);
    return name;
  }

  useFrom(module: string, name: string): void {
    if (!this.fromImports.has(module)) this.fromImports.set(module, new Set());
    this.fromImports.get(module)!.add(name);
  }

  /** The Python name of a notebook identifier: snake_case, clear of keywords and builtins. */
  nameOf(id: ts.Identifier): string {
    const symbol = this.types.symbolOf(id);
    const decl = symbol?.getDeclarations()?.[0];
    if (!symbol || !decl || decl.getSourceFile() !== this.file) return this.safe(id.text);
    let name = this.pythonNames.get(symbol);
    if (name === undefined) {
      const isClass = ts.isClassDeclaration(decl);
      const wanted = this.safe(isClass ? id.text : snakeCase(id.text));
      const holder = this.taken.get(wanted);
      name = holder !== undefined && holder !== id.text ? this.safe(id.text) : wanted;
      this.pythonNames.set(symbol, name);
      this.taken.set(name, id.text);
    }
    return name;
  }

  safe(name: string): string {
    return PYTHON_KEYWORDS.has(name) || RESERVED_NAMES.has(name) ? `${name}_` : name;
  }

  /** A fresh name for a hoisted function or a temporary. */
  fresh(base: string): string {
    let name = `_${base}`;
    for (let n = 2; this.taken.has(name); n++) name = `_${base}_${n}`;
    this.taken.set(name, name);
    return name;
  }

  beginStatement(): void {
    this.hoisted.push([]);
  }

  endStatement(): string[] {
    return this.hoisted.pop() ?? [];
  }

  /** Places lines (a def) before the statement being translated. */
  hoist(lines: string[]): void {
    if (!this.hoisted.length) throw new Error("hoist outside a statement");
    this.hoisted[this.hoisted.length - 1].push(...lines);
  }

  /** Runs `f` with string literals in `quote`. */
  withQuote<T>(quote: '"' | "'", f: () => T): T {
    const before = this.quote;
    this.quote = quote;
    try {
      return f();
    } finally {
      this.quote = before;
    }
  }
}
