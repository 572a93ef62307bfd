// What an expression is, as far as the translation cares: the type checker's answer reduced to
// the few kinds whose Python differs (numbers print the JavaScript way, arrays are lists, object
// literals are dicts, library objects keep their attributes).
import * as ts from "@tslab/typescript-for-tslab";

export type ValueKind =
  | "number" | "string" | "boolean" | "nullish"
  | "array"       // Array, ReadonlyArray, tuples
  | "map"         // Map
  | "iterator"    // Iterator / IterableIterator / Generator
  | "function"
  | "record"      // an object type written in the notebook: object literals, interfaces, Record<…>
  | "library"     // a class or interface from actnb (Tensor, modules, datasets, records it returns)
  | "unknown";

const isLibFile = (f: ts.SourceFile) => /[\\/]typescript[^\\/]*[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(f.fileName) || /[\\/]lib\.[a-z0-9.]*\.d\.ts$/.test(f.fileName);

export class Types {
  /** Identifiers whose initializer is being looked at (a guard against `let a = b, b = a` loops). */
  private readonly following = new Set<ts.Node>();

  constructor(private readonly checker: ts.TypeChecker, private readonly notebook: ts.SourceFile) {}

  typeOf(node: ts.Node): ts.Type {
    return this.checker.getTypeAtLocation(node);
  }

  kindOf(node: ts.Node): ValueKind {
    const kind = this.kindOfType(this.typeOf(node));
    if (kind !== "unknown") return kind;
    // a cast says what an `any` is (`x.tolist() as number[][]`)
    for (let p = node.parent; p && (ts.isAsExpression(p) || ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p)); p = p.parent) {
      if (!ts.isParenthesizedExpression(p)) {
        const cast = this.kindOfType(this.typeOf(p));
        if (cast !== "unknown") return cast;
      }
    }
    // Tensor.item() and tolist() are typed `any`: a number, an array; and what an `any`'s number methods give is text
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === "item" && !node.arguments.length) return "number";
      if (method === "tolist" && !node.arguments.length) return "array";
      if (["toFixed", "toExponential", "toLocaleString", "toPrecision", "join"].includes(method)) return "string";
    }
    // a variable of type any is what it was first given (`let output = relu(x)`)
    if (ts.isIdentifier(node) && !this.following.has(node)) {
      const decl = this.symbolOf(node)?.getDeclarations()?.[0];
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === this.notebook) {
        this.following.add(node);
        try { return this.kindOf(decl.initializer); } finally { this.following.delete(node); }
      }
    }
    // calling a module (typed `(...input: any[]) => any`) gives its forward's tensor
    if (ts.isCallExpression(node) && this.isLibraryCall(node) && this.typeOf(node.expression).getSymbol() && ["Module", "Sequential"].some((m) => this.extendsClass(this.typeOf(node.expression), m))) return "library";
    return kind;
  }

  kindOfType(type: ts.Type): ValueKind {
    const checker = this.checker;
    if (type.isUnion()) {
      const kinds = new Set(type.types.map((t) => this.kindOfType(t)).filter((k) => k !== "nullish"));
      if (kinds.size === 1) return [...kinds][0];
      if (kinds.size === 0) return "nullish";
      return "unknown";
    }
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Never)) return "unknown";
    if (f & (ts.TypeFlags.NumberLike)) return "number";
    if (f & ts.TypeFlags.StringLike) return "string";
    if (f & ts.TypeFlags.BooleanLike) return "boolean";
    if (f & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return "nullish";
    if (checker.isArrayType(type) || checker.isTupleType(type)) return "array";
    if (type.getCallSignatures().length && !type.getProperties().length) return "function";
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const name = symbol?.getName();
    const decl = symbol?.getDeclarations()?.[0];
    const file = decl?.getSourceFile();
    if (file && isLibFile(file)) {
      if (name === "Map" || name === "ReadonlyMap") return "map";
      if (name === "Array" || name === "ReadonlyArray") return "array";
      if (/Iterator$|^Generator$/.test(name ?? "")) return "iterator";
      if (name === "String") return "string";
      if (name === "Number") return "number";
      return "unknown";
    }
    if (type.getCallSignatures().length && !file) return "function";
    // an interface of plain data that actnb declares (plot.DeadUnitRecord) holds dicts: the notebook
    // writes them as object literals, and actnb_pytorch's records read as dicts too
    if (file && file !== this.notebook && symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral) && !(symbol.flags & ts.SymbolFlags.Class)
      && type.getProperties().every((p) => !(p.flags & ts.SymbolFlags.Method) && !this.checker.getTypeOfSymbol(p).getCallSignatures().length) && !type.getCallSignatures().length) return "record";
    if (!file || file === this.notebook) {
      // a class the notebook declares is a Python class with attributes
      if (decl && ts.isClassLike(decl)) return "library";
      if (type.getCallSignatures().length) return "function";
      return "record";
    }
    return "library";
  }

  /**
   * Known to hold a whole number, which Python prints as JavaScript does (`256`): an integer
   * literal type (`const N = 256`), an array's length, a tensor's size, a sum of those.
   */
  isInteger(node: ts.Node): boolean {
    const t = this.typeOf(node);
    if (t.isNumberLiteral()) return Number.isInteger(t.value);
    if (ts.isParenthesizedExpression(node)) return this.isInteger(node.expression);
    if (ts.isPropertyAccessExpression(node) && (node.name.text === "length" || node.name.text === "ndim")) return true;
    if (ts.isElementAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "shape") return true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 0 && ["numel", "dim"].includes(node.expression.name.text)) return true;
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(node.operatorToken.kind)) return this.isInteger(node.left) && this.isInteger(node.right);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "Math") {
      return ["floor", "ceil", "round", "trunc"].includes(node.expression.name.text);
    }
    if (ts.isIdentifier(node)) {
      const decl = this.symbolOf(node)?.getDeclarations()?.[0];
      // the index a callback of map, forEach, … or Array.from is given
      if (decl && ts.isParameter(decl) && (ts.isArrowFunction(decl.parent) || ts.isFunctionExpression(decl.parent)) && decl.parent.parameters.indexOf(decl) === 1) {
        const call = decl.parent.parent;
        if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ["map", "forEach", "flatMap", "filter", "some", "every", "find", "findIndex", "from"].includes(call.expression.name.text)) return true;
      }
      // for (let i = 0; …; i++)
      if (decl && ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && ts.isForStatement(decl.parent.parent) && decl.initializer && this.isInteger(decl.initializer)) {
        const inc = decl.parent.parent.incrementor;
        if (inc && (ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc))) return true;
      }
      // a const initialised with a whole number
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return this.isInteger(decl.initializer);
    }
    return ts.isNumericLiteral(node) && Number.isInteger(Number(node.text.replace(/_/g, "")));
  }

  /** True when the call's target is declared by actnb (not the notebook, not JavaScript's lib). */
  isLibraryCall(call: ts.CallExpression | ts.NewExpression): boolean {
    const decl = this.checker.getResolvedSignature(call)?.getDeclaration();
    const file = decl?.getSourceFile();
    return !!file && file !== this.notebook && !isLibFile(file);
  }

  /** The parameter names of the call's resolved signature, in order. */
  parameterNames(call: ts.CallExpression | ts.NewExpression): string[] {
    const sig = this.checker.getResolvedSignature(call);
    return sig ? sig.getParameters().map((p) => p.getName()) : [];
  }

  /** The declaration the identifier refers to, if the notebook declares it. */
  notebookDeclaration(id: ts.Identifier): ts.Declaration | undefined {
    const symbol = this.symbolOf(id);
    const decl = symbol?.getDeclarations()?.[0];
    return decl && decl.getSourceFile() === this.notebook ? decl : undefined;
  }

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    // in { epoch }, the name is the variable's, not the new object's property
    if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) return this.checker.getShorthandAssignmentValueSymbol(node.parent);
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** Does the type (a class instance) derive from the named class? */
  extendsClass(type: ts.Type, name: string): boolean {
    const seen = new Set<ts.Type>();
    const visit = (t: ts.Type): boolean => {
      if (seen.has(t)) return false;
      seen.add(t);
      if (t.getSymbol()?.getName() === name) return true;
      return (t.isClassOrInterface() ? this.checker.getBaseTypes(t) : (t.getSymbol() ? this.checker.getBaseTypes(this.checker.getDeclaredTypeOfSymbol(t.getSymbol()!) as ts.InterfaceType) : [])).some(visit);
    };
    try { return visit(type); } catch { return false; }
  }

  /** The length of a tuple type (undefined for arrays of unknown length). */
  tupleLength(node: ts.Node): number | undefined {
    const t = this.typeOf(node);
    if (!this.checker.isTupleType(t)) return undefined;
    return (t as ts.TupleTypeReference).target.fixedLength;
  }

  /** The tuple length of an array's elements (for loops that destructure them). */
  elementTupleLength(node: ts.Node): number | undefined {
    const t = this.typeOf(node);
    let element: ts.Type | undefined;
    if (this.checker.isArrayType(t)) element = this.checker.getTypeArguments(t as ts.TypeReference)[0];
    else if (this.checker.isTupleType(t)) {
      const members = this.checker.getTypeArguments(t as ts.TypeReference);
      const lengths = new Set(members.map((m) => (this.checker.isTupleType(m) ? (m as ts.TupleTypeReference).target.fixedLength : -1)));
      return lengths.size === 1 && !lengths.has(-1) ? [...lengths][0] : undefined;
    }
    if (element?.isUnion()) {
      const lengths = new Set(element.types.map((m) => (this.checker.isTupleType(m) ? (m as ts.TupleTypeReference).target.fixedLength : -1)));
      return lengths.size === 1 && !lengths.has(-1) ? [...lengths][0] : undefined;
    }
    return element && this.checker.isTupleType(element) ? (element as ts.TupleTypeReference).target.fixedLength : undefined;
  }

  /** The element kind of an array-typed expression. */
  elementKind(node: ts.Node): ValueKind {
    const t = this.typeOf(node);
    const args = this.checker.isArrayType(t) ? this.checker.getTypeArguments(t as ts.TypeReference) : undefined;
    return args?.length ? this.kindOfType(args[0]) : "unknown";
  }

  /** For a Map-typed expression, the kind of its keys. */
  mapKeyKind(node: ts.Node): ValueKind {
    const t = this.typeOf(node) as ts.TypeReference;
    const args = this.checker.getTypeArguments(t);
    return args?.length ? this.kindOfType(args[0]) : "unknown";
  }
}
