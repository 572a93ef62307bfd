// Calls: the PyTorch API (a trailing options object becomes keyword arguments), actnb's own
// helpers, the notebook's functions, and JavaScript's builtins (builtins.ts).
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { Prec, Py, operand, py, snakeCase } from "./python";
import { refuse } from "./untranslatable";
import { expr, isIteratorNext, numberLiteral, unwrap, dictEntries } from "./expressions";
import { builtinCall, builtinNew } from "./builtins";
import { functionValue } from "./functions";
import { indexArguments } from "./indexing";

export function callExpr(ctx: Context, node: ts.CallExpression): Py {
  if (node.questionDotToken) return refuse(node, "an optional call (?.())", "test for undefined with an if first");
  const callee = unwrap(node.expression);
  if (callee.kind === ts.SyntaxKind.SuperKeyword) return py(`super().__init__(${callArguments(ctx, node).join(", ")})`, Prec.Primary);
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return refuse(node, "a dynamic import()", "import from \"actnb\" at the top of the cell");
  // x[Symbol.iterator]() is iter(x)
  if (ts.isElementAccessExpression(callee)) {
    const arg = unwrap(callee.argumentExpression);
    if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === "Symbol" && arg.name.text === "iterator") {
      return py(`iter(${expr(ctx, callee.expression).code})`, Prec.Primary);
    }
  }
  if (isNoGrad(ctx, node)) return noGradValue(ctx, node);
  if (isIteratorNext(ctx, node)) return py(`${ctx.useRuntime("iterator_result")}(${expr(ctx, (callee as ts.PropertyAccessExpression).expression).code})`, Prec.Primary);
  const builtin = builtinCall(ctx, node);
  if (builtin) return builtin;
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === "index" && ctx.types.isLibraryCall(node) && isTensor(ctx, callee.expression)) {
    return py(`${operand(expr(ctx, callee.expression), Prec.Primary)}[${indexArguments(ctx, node)}]`, Prec.Primary);
  }
  return py(`${operand(expr(ctx, callee), Prec.Primary)}(${callArguments(ctx, node).join(", ")})`, Prec.Primary);
}

export function newExpr(ctx: Context, node: ts.NewExpression): Py {
  const builtin = builtinNew(ctx, node);
  if (builtin) return builtin;
  const callee = unwrap(node.expression);
  return py(`${operand(expr(ctx, callee), Prec.Primary)}(${callArguments(ctx, node).join(", ")})`, Prec.Primary);
}

const isTensor = (ctx: Context, node: ts.Expression) => ctx.types.typeOf(node).getSymbol()?.getName() === "Tensor";

/** torch.no_grad(fn): a `with torch.no_grad():` block where a statement holds it (statements.ts). */
export function isNoGrad(ctx: Context, node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "no_grad" && callee.name.text !== "enable_grad") return false;
  const fn = unwrap(node.arguments[0]);
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length === 0 && ctx.types.isLibraryCall(node);
}

/** torch.no_grad(() => e) inside a larger expression: PyTorch's no_grad also decorates a function. */
function noGradValue(ctx: Context, node: ts.CallExpression): Py {
  const callee = unwrap(node.expression) as ts.PropertyAccessExpression;
  const fn = functionValue(ctx, unwrap(node.arguments[0]) as ts.ArrowFunction);
  return py(`${expr(ctx, callee).code}()(${fn.code})()`, Prec.Primary);
}

/** Dataset classes whose root folder torchvision reads in its own layout (datasets.ts in the helper). */
const IDX_DATASETS = new Set(["MNIST", "FashionMNIST", "KMNIST", "EMNIST", "QMNIST"]);
/** Hooks PyTorch calls with more arguments than a JavaScript callback may declare. */
const HOOK_ARITY: Record<string, string[]> = { register_forward_hook: ["module", "args", "output"], register_forward_pre_hook: ["module", "args"], register_full_backward_hook: ["module", "grad_input", "grad_output"] };

/** The arguments of a call, a trailing options object of a library function as keywords. */
export function callArguments(ctx: Context, node: ts.CallExpression | ts.NewExpression): string[] {
  const args = [...(node.arguments ?? [])];
  const library = ctx.types.isLibraryCall(node);
  const params = library ? ctx.types.parameterNames(node) : [];
  const calleeName = calleeText(node);
  let keywords: string[] = [];
  const last = args.length ? unwrap(args[args.length - 1]) : undefined;
  if (library && last && ts.isObjectLiteralExpression(last) && isOptionsParameter(ctx, node, args.length - 1, params)) {
    args.pop();
    keywords = dictEntries(ctx, last, (k) => `\u0000${snakeCase(k)}`, (key, value) => (INT_PARAMETERS.has(key) ? wholeNumber(ctx, value) : undefined)).map((entry) => {
      if (entry.startsWith("**")) return entry;
      if (!entry.startsWith("\u0000")) return refuse(last, "a computed key in an options object", "write each option by its name");
      return entry.slice(1).replace(/^([A-Za-z_0-9]+): /, "$1=");
    });
  }
  const positional = args.map((a, i) => {
    const u = unwrap(a);
    if (library && (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) && HOOK_ARITY[calleeName]) return functionValue(ctx, u, HOOK_ARITY[calleeName].length).code;
    if (library && i === 0 && IDX_DATASETS.has(calleeName)) return `${ctx.useRuntime("torchvision_root")}(${expr(ctx, a).code})`;
    if (library && i === 0 && (calleeName === "tensor" || calleeName === "as_tensor") && !keywords.some((k) => k.startsWith("dtype="))) return floatData(ctx, a);
    if (library && i === 1 && calleeName === "full" && !keywords.some((k) => k.startsWith("dtype="))) return floatData(ctx, a);
    const param = params[Math.min(i, params.length - 1)];
    if (library && param && INT_PARAMETERS.has(param)) return wholeNumber(ctx, a);
    return expr(ctx, a).code;
  });
  return [...positional, ...keywords];
}

/** PyTorch's parameters that take ints (sizes, dims, counts), which a Python float is refused as. */
const INT_PARAMETERS = new Set(["size", "sizes", "shape", "dim", "dims", "start", "length", "steps", "in_features", "out_features", "num_features", "normalized_shape", "kernel_size", "stride", "padding", "chunks", "split_size_or_sections", "n", "k", "batch_size", "num_samples", "lengths", "nrow", "num_classes", "diagonal", "repeats", "low", "high", "in_channels", "out_channels", "groups", "dilation", "output_size", "num_hinges"]);

/**
 * A number PyTorch wants as an int. JavaScript's `n / 2` is 150 where Python's is 150.0, which a
 * size refuses; int() is added where a quotient reaches such a parameter (an array of them too).
 */
function wholeNumber(ctx: Context, node: ts.Expression): string {
  const u = unwrap(node);
  if (ts.isArrayLiteralExpression(u)) return `[${u.elements.map((e) => wholeNumber(ctx, e)).join(", ")}]`;
  const code = expr(ctx, u).code;
  return hasQuotient(ctx, u, new Set()) ? `int(${code})` : code;
}

function hasQuotient(ctx: Context, node: ts.Node, seen: Set<ts.Node>): boolean {
  if (seen.has(node)) return false;
  seen.add(node);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.SlashToken) return true;
  if (ts.isIdentifier(node)) {
    const decl = ctx.types.notebookDeclaration(node);
    return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && hasQuotient(ctx, decl.initializer, seen);
  }
  if (ts.isCallExpression(node) || ts.isFunctionLike(node)) return false;
  return !!ts.forEachChild(node, (c) => hasQuotient(ctx, c, seen) || undefined);
}

function calleeText(node: ts.CallExpression | ts.NewExpression): string {
  const callee = unwrap(node.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return "";
}

/** Is argument `i` the options object of the resolved overload (its parameter is `options`)? */
function isOptionsParameter(ctx: Context, node: ts.CallExpression | ts.NewExpression, i: number, params: string[]): boolean {
  if (params[i] === "options" || params[i] === "kwargs") return true;
  const sig = ctx.checker.getResolvedSignature(node);
  const param = sig?.getParameters()[i];
  const decl = param?.getDeclarations()?.[0];
  if (decl && ts.isParameter(decl) && decl.type) return /Options\b/.test(decl.type.getText());
  return false;
}

/**
 * torch.tensor's data: JavaScript has one number type and actnb makes float32 of it, where
 * Python would make int64 of `1`; literals are written as floats, anything else gets the dtype.
 */
function floatData(ctx: Context, node: ts.Expression): string {
  const u = unwrap(node);
  const allLiterals = (n: ts.Expression): boolean => {
    const e = unwrap(n);
    if (ts.isNumericLiteral(e)) return true;
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(unwrap(e.operand));
    if (ts.isArrayLiteralExpression(e)) return e.elements.every(allLiterals);
    return false;
  };
  if (allLiterals(u)) {
    const write = (n: ts.Expression): string => {
      const e = unwrap(n);
      if (ts.isArrayLiteralExpression(e)) return `[${e.elements.map(write).join(", ")}]`;
      const negative = ts.isPrefixUnaryExpression(e);
      const lit = numberLiteral((negative ? (e as ts.PrefixUnaryExpression).operand : e).getText()).code;
      const asFloat = /^[\d_]+$/.test(lit) ? `${lit}.0` : lit;
      return negative ? `-${asFloat}` : asFloat;
    };
    return write(u);
  }
  const kind = ctx.types.kindOf(u);
  const data = expr(ctx, u).code;
  // a quotient is a Python float already
  const isQuotient = ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.SlashToken;
  if (kind === "number" && !isQuotient || kind === "array") return `${data}, dtype=torch.float32`;
  return data;
}

