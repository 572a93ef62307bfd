// Functions: an arrow with one expression becomes a lambda where Python allows one; anything
// longer becomes a `def` (placed before the statement that uses it: Python closures see the
// same variables, looked up when called, as JavaScript's do).
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { Prec, Py, indentLines, py, snakeCase } from "./python";
import { refuse } from "./untranslatable";
import { expr } from "./expressions";
import { isNoGrad } from "./calls";
import { bindingTarget, blockLines } from "./statements";

export type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration;

/** The expression a function returns, when it is one expression (`x => e` or `{ return e; }`). */
export function returnedExpression(fn: FunctionNode): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body;
  if (body.statements.length === 1 && ts.isReturnStatement(body.statements[0]) && body.statements[0].expression) return body.statements[0].expression;
  return undefined;
}

/** Array methods whose callback becomes a comprehension (destructuring its element in the `for`). */
const COMPREHENDED = new Set(["map", "filter", "flatMap", "some", "every", "find", "from"]);

/** Can it be a Python lambda, or (`comprehension`) a comprehension's expression? */
export function isLambdaable(fn: FunctionNode, comprehension = false): boolean {
  const e = returnedExpression(fn);
  if (!e) return false;
  if (fn.parameters.some((p) => (!comprehension && !ts.isIdentifier(p.name)) || p.dotDotDotToken || p.initializer)) return false;
  let nested = false;
  const visit = (n: ts.Node): void => {
    if (nested) return;
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const call = n.parent;
      const inComprehension = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && COMPREHENDED.has(call.expression.name.text);
      if (!isLambdaable(n, inComprehension)) { nested = true; return; }
    }
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => ts.isMethodDeclaration(p))) { nested = true; return; }
    ts.forEachChild(n, visit);
  };
  visit(e);
  return !nested;
}

/** A function used as a value: a lambda, or the name of a def placed before the statement. */
export function functionValue(ctx: Context, fn: ts.ArrowFunction | ts.FunctionExpression, arity?: number, name?: string): Py {
  if (fn.asteriskToken) return refuse(fn, "a generator function", "build and return an array instead");
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return refuse(fn, "an async function", "PyTorch code here is synchronous: drop async and await");
  if (isLambdaable(fn) && !fn.name) {
    const params = parameterList(ctx, fn, arity).params;
    const body = expr(ctx, returnedExpression(fn)!);
    return py(`lambda${params.length ? " " + params.join(", ") : ""}: ${body.code}`, Prec.Lambda);
  }
  const defName = name ?? (fn.name ? ctx.nameOf(fn.name) : ctx.fresh(callbackName(fn)));
  ctx.hoist(defLines(ctx, defName, fn, arity));
  return py(defName);
}

/**
 * A name for a function the notebook leaves unnamed: the property it is the value of
 * (`forward: () => …`), the element a map() makes (`const jobs = xs.map(…)` → _job), else callback.
 */
function callbackName(fn: ts.Node): string {
  let p = fn.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) p = p.parent;
  if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return snakeCase(p.name.text);
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression)) {
    const method = p.expression.name.text;
    if (/hook$/.test(method)) return "hook";
    let up: ts.Node = p.parent;
    while (ts.isParenthesizedExpression(up) || ts.isAsExpression(up)) up = up.parent;
    if (["map", "flatMap"].includes(method) && ts.isVariableDeclaration(up) && ts.isIdentifier(up.name)) {
      const v = snakeCase(up.name.text);
      return v.length > 3 && v.endsWith("s") && !v.endsWith("ss") ? v.slice(0, -1) : `${v}_item`;
    }
  }
  return "callback";
}

/** `def name(params):` and its body. */
export function defLines(ctx: Context, name: string, fn: FunctionNode, arity?: number, self = false, docComment?: string[]): string[] {
  if (!fn.body) return refuse(fn, "a function without a body", "give it a body");
  const { params, unpack } = parameterList(ctx, fn, arity);
  const scope = { node: fn as ts.Node, globals: new Set<string>(), nonlocals: new Set<string>() };
  ctx.functions.push(scope);
  let body: string[];
  try {
    body = ts.isBlock(fn.body) ? blockLines(ctx, fn.body.statements) : returnLines(ctx, fn.body);
  } finally {
    ctx.functions.pop();
  }
  const declared = [
    ...(scope.globals.size ? [`global ${[...scope.globals].join(", ")}`] : []),
    ...(scope.nonlocals.size ? [`nonlocal ${[...scope.nonlocals].join(", ")}`] : []),
  ];
  const all = [...(docComment ?? []), ...declared, ...unpack, ...body];
  return [`def ${name}(${[...(self ? ["self"] : []), ...params].join(", ")}):`, ...indentLines(all.length ? all : ["pass"])];
}

function returnLines(ctx: Context, e: ts.Expression): string[] {
  ctx.beginStatement();
  const value = expr(ctx, e);
  return [...ctx.endStatement(), `return ${value.code}`];
}

/** Python parameters; destructured ones arrive whole and are unpacked first thing. */
export function parameterList(ctx: Context, fn: FunctionNode, arity?: number): { params: string[]; unpack: string[] } {
  const params: string[] = [];
  const unpack: string[] = [];
  fn.parameters.forEach((p, i) => {
    if (ts.isIdentifier(p.name) && p.name.text === "this") return;
    let name: string;
    if (ts.isIdentifier(p.name)) {
      name = ctx.nameOf(p.name);
    } else {
      name = ctx.fresh(fn.parameters.length > 1 ? `arg${i}` : "item");
      unpack.push(`${bindingTarget(ctx, p.name, p.name)} = ${name}`);
    }
    if (p.dotDotDotToken) params.push(`*${name}`);
    else if (p.initializer) params.push(`${name}=${expr(ctx, p.initializer).code}`);
    else if (p.questionToken) params.push(`${name}=None`);
    else params.push(name);
  });
  // PyTorch may pass more arguments than the JavaScript callback names (a forward hook gets three)
  if (arity !== undefined && params.length < arity && !fn.parameters.some((p) => p.dotDotDotToken)) params.push("*_");
  return { params, unpack };
}

/** Records that a function rebinds a name declared outside it (Python's global / nonlocal). */
export function noteRebinding(ctx: Context, id: ts.Identifier, pythonName: string): void {
  const scope = ctx.functions[ctx.functions.length - 1];
  if (!scope) return;
  const decl = ctx.types.notebookDeclaration(id);
  if (!decl) return;
  if (isInside(decl, scope.node)) return;
  const home = enclosingFunction(ctx, decl);
  if (!home) scope.globals.add(pythonName);
  else scope.nonlocals.add(pythonName);
}

const isInside = (node: ts.Node, ancestor: ts.Node): boolean => {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
};

function enclosingFunction(ctx: Context, node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      // a torch.no_grad(() => { … }) body is a `with` block: not a Python function
      if (isNoGrad(ctx, n.parent)) continue;
      return n;
    }
  }
  return undefined;
}
