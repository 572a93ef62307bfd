// TypeScript statements as Python statements: declarations, assignments, loops, conditions,
// try/catch, functions, classes (an nn.Module subclass becomes one with __init__ and forward),
// and `torch.no_grad(() => { … })` as `with torch.no_grad():`.
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { Prec, indentLines, operand, py } from "./python";
import { refuse } from "./untranslatable";
import { condition, expr, isAssignmentOperator, isPure, stringOf, unwrap } from "./expressions";
import { isNoGrad } from "./calls";
import { defLines, noteRebinding, returnedExpression } from "./functions";
import { iterableOf, loopParts, mapKey, sortArguments } from "./builtins";
import { importedName } from "./imports";
import { comments } from "./comments";

/** Where `continue` and `return` land while translating a body that is not a Python function. */
interface LoopFrame {
  /** Lines a `continue` must run first (the update of a for loop written as while). */
  beforeContinue: string[];
  /** A forEach body: `return` means go on with the next element. */
  forEachBody?: boolean;
  /** A torch.no_grad(() => { … }) body: a `return` there would leave the wrong function. */
  withBody?: boolean;
}

const frames = new WeakMap<Context, LoopFrame[]>();
const frameStack = (ctx: Context) => { let f = frames.get(ctx); if (!f) frames.set(ctx, (f = [])); return f; };

function withFrame<T>(ctx: Context, frame: LoopFrame, f: () => T): T {
  const stack = frameStack(ctx);
  stack.push(frame);
  try {
    return f();
  } finally {
    stack.pop();
  }
}

/** Statements of a block, each with the functions it hoisted before it. */
export function blockLines(ctx: Context, statements: readonly ts.Statement[]): string[] {
  // a function body starts a fresh frame stack: its returns are its own
  const saved = frames.get(ctx);
  frames.set(ctx, []);
  try {
    return bodyLines(ctx, statements);
  } finally {
    if (saved) frames.set(ctx, saved); else frames.delete(ctx);
  }
}

/** Statements inside a loop or `with` body (same function). */
export function bodyLines(ctx: Context, statements: readonly ts.Statement[], lastIsValue = false): string[] {
  const out: string[] = [];
  let previous: ts.Statement | undefined;
  statements.forEach((s, i) => {
    if (ts.isEmptyStatement(s)) return;
    const lines = statementLines(ctx, s, lastIsValue && i === statements.length - 1);
    if (!lines.length) return;
    const c = comments(ctx.file, s, previous);
    out.push(...c.before, ...lines.slice(0, -1), lines[lines.length - 1] + c.after);
    previous = s;
  });
  return out;
}

/** One statement and what it hoisted. */
export function statementLines(ctx: Context, s: ts.Statement, isLastValue = false): string[] {
  ctx.beginStatement();
  let lines: string[];
  try {
    lines = statement(ctx, s, isLastValue);
  } catch (e) {
    ctx.endStatement();
    throw e;
  }
  return [...ctx.endStatement(), ...lines];
}

function block(ctx: Context, s: ts.Statement): string[] {
  const lines = ts.isBlock(s) ? bodyLines(ctx, s.statements) : statementLines(ctx, s);
  return indentLines(lines.length ? lines : ["pass"]);
}

function statement(ctx: Context, s: ts.Statement, isLastValue: boolean): string[] {
  switch (s.kind) {
    case ts.SyntaxKind.ImportDeclaration: return importDeclaration(ctx, s as ts.ImportDeclaration);
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration: return [];
    case ts.SyntaxKind.VariableStatement: {
      const v = s as ts.VariableStatement;
      if (v.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return [];
      if (v.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return refuse(s, "export", "a notebook cell exports nothing: drop the export");
      return v.declarationList.declarations.flatMap((d) => declaration(ctx, d));
    }
    case ts.SyntaxKind.FunctionDeclaration: {
      const f = s as ts.FunctionDeclaration;
      if (!f.body) return [];
      if (f.asteriskToken) return refuse(s, "a generator function", "build and return an array instead");
      if (f.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return refuse(s, "an async function", "PyTorch code here is synchronous: drop async and await");
      return defLines(ctx, ctx.nameOf(f.name!), f, undefined, false, docstring(ctx, s));
    }
    case ts.SyntaxKind.ClassDeclaration: return classLines(ctx, s as ts.ClassDeclaration);
    case ts.SyntaxKind.ExpressionStatement: return expressionStatement(ctx, (s as ts.ExpressionStatement).expression, isLastValue);
    case ts.SyntaxKind.IfStatement: return ifLines(ctx, s as ts.IfStatement);
    case ts.SyntaxKind.ForOfStatement: return forOf(ctx, s as ts.ForOfStatement);
    case ts.SyntaxKind.ForStatement: return forLines(ctx, s as ts.ForStatement);
    case ts.SyntaxKind.ForInStatement: {
      const f = s as ts.ForInStatement;
      const kind = ctx.types.kindOf(f.expression);
      if (kind !== "record" && kind !== "map") return refuse(s, `for…in over a ${kind}`, "for…in gives an array's indices as strings; use for…of, or Object.keys");
      return [`for ${loopTarget(ctx, f.initializer)} in ${expr(ctx, f.expression).code}:`, ...withFrame(ctx, { beforeContinue: [] }, () => block(ctx, f.statement))];
    }
    case ts.SyntaxKind.WhileStatement: {
      const w = s as ts.WhileStatement;
      return [`while ${condition(ctx, w.expression).code}:`, ...withFrame(ctx, { beforeContinue: [] }, () => block(ctx, w.statement))];
    }
    case ts.SyntaxKind.DoStatement: {
      const d = s as ts.DoStatement;
      if (containsContinue(d.statement)) return refuse(s, "continue inside do…while", "use a while loop");
      return ["while True:", ...withFrame(ctx, { beforeContinue: [] }, () => block(ctx, d.statement)), `    if not ${operand(condition(ctx, d.expression), Prec.Not)}:`, "        break"];
    }
    case ts.SyntaxKind.BreakStatement:
      if ((s as ts.BreakStatement).label) return refuse(s, "a labelled break", "move the loops into a function and return");
      if (frameStack(ctx).at(-1)?.withBody) return refuse(s, "break inside torch.no_grad(() => { … })", "put the loop inside the no_grad body");
      return ["break"];
    case ts.SyntaxKind.ContinueStatement: {
      if ((s as ts.ContinueStatement).label) return refuse(s, "a labelled continue", "move the loops into a function and return");
      const frame = frameStack(ctx).at(-1);
      return [...(frame?.beforeContinue ?? []), "continue"];
    }
    case ts.SyntaxKind.ReturnStatement: return returnLines(ctx, s as ts.ReturnStatement);
    case ts.SyntaxKind.ThrowStatement: {
      const e = unwrap((s as ts.ThrowStatement).expression);
      return [`raise ${expr(ctx, e).code}`];
    }
    case ts.SyntaxKind.TryStatement: return tryLines(ctx, s as ts.TryStatement);
    case ts.SyntaxKind.Block: return bodyLines(ctx, (s as ts.Block).statements);
    case ts.SyntaxKind.EmptyStatement: return [];
    case ts.SyntaxKind.SwitchStatement: return refuse(s, "a switch statement", "write it as if / else if / else");
    case ts.SyntaxKind.LabeledStatement: return refuse(s, "a labelled statement", "move the loops into a function and return");
    case ts.SyntaxKind.EnumDeclaration: return refuse(s, "an enum", "use a union of string literals: type Init = \"he\" | \"xavier\"");
    case ts.SyntaxKind.ModuleDeclaration: return refuse(s, "a namespace", "declare its members at the top level of the cell");
    case ts.SyntaxKind.DebuggerStatement: return refuse(s, "debugger", "remove it");
    case ts.SyntaxKind.WithStatement: return refuse(s, "with", "name the object's members explicitly");
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExportAssignment: return refuse(s, "export", "a notebook cell exports nothing: drop the export");
    case ts.SyntaxKind.ImportEqualsDeclaration: return refuse(s, "import … = require(…)", "import from \"actnb\"");
  }
  return refuse(s, `this statement (${ts.SyntaxKind[s.kind]})`, "rewrite it with the constructs listed in docs/export-pytorch.md");
}

function importDeclaration(ctx: Context, d: ts.ImportDeclaration): string[] {
  const from = (d.moduleSpecifier as ts.StringLiteral).text;
  if (from !== "actnb") return refuse(d, `an import from "${from}"`, "an exported notebook can use what actnb offers (torch, nn, F, optim, torchvision, plot, …); compute the rest with those");
  const clause = d.importClause;
  if (clause?.name || (clause?.namedBindings && !ts.isNamedImports(clause.namedBindings))) return refuse(d, "a default or namespace import of actnb", "import names: import { torch, nn, F } from \"actnb\"");
  // the imports the whole notebook needs are written once, at the first cell that imports (notebook.ts)
  return [];
}

function docstring(ctx: Context, s: ts.Statement): string[] {
  void ctx;
  const doc = (s as { jsDoc?: ts.JSDoc[] }).jsDoc?.[0];
  const text = doc && typeof doc.comment === "string" ? doc.comment : undefined;
  if (!text) return [];
  const body = text.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"');
  return body.includes("\n") ? ['"""', ...body.split("\n"), '"""'] : [`"""${body}"""`];
}

/** The Python target of a binding: a name, or a tuple for [a, b]. */
export function bindingTarget(ctx: Context, name: ts.BindingName, source: ts.Node, element = false): string {
  if (ts.isIdentifier(name)) return ctx.nameOf(name);
  if (ts.isObjectBindingPattern(name)) return refuse(name, "destructuring an object in this place", "take the object whole and read its fields inside (const { a } = o works as a declaration)");
  const length = element ? ctx.types.elementTupleLength(source) : ctx.types.tupleLength(source);
  const parts = name.elements.map((e) => {
    if (ts.isOmittedExpression(e)) return "_";
    if (e.dotDotDotToken) return `*${bindingTarget(ctx, e.name, e)}`;
    if (e.initializer) return refuse(e, "a default value in destructuring", "test for undefined after taking the value");
    return bindingTarget(ctx, e.name, e);
  });
  // JavaScript ignores the elements a pattern does not name; Python must be told
  // (an array of unknown length: one name takes the first element, as in JavaScript)
  if (!name.elements.some((e) => !ts.isOmittedExpression(e) && e.dotDotDotToken) && (length === undefined ? parts.length === 1 : length > parts.length)) parts.push("*_");
  return parts.length === 1 ? `${parts[0]},` : parts.join(", ");
}

function loopTarget(ctx: Context, init: ts.ForInitializer): string {
  if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return refuse(init, "a loop variable that is not declared in the loop", "declare it: for (const x of xs)");
  return bindingTarget(ctx, init.declarations[0].name, (init.parent as ts.ForOfStatement | ts.ForInStatement).expression, true);
}

function declaration(ctx: Context, d: ts.VariableDeclaration): string[] {
  const init = d.initializer ? unwrap(d.initializer) : undefined;
  if (ts.isIdentifier(d.name)) {
    const name = ctx.nameOf(d.name);
    if (!init) return [`${name} = None`];
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return defLines(ctx, name, init, undefined, false, docstring(ctx, d.parent.parent as ts.Statement));
    if (isNoGrad(ctx, init)) {
      const fn = unwrap(init.arguments[0]) as ts.ArrowFunction;
      const e = returnedExpression(fn);
      if (e) return [`with ${noGradContext(ctx, init)}:`, `    ${name} = ${expr(ctx, e).code}`];
    }
    return [`${name} = ${expr(ctx, init).code}`];
  }
  if (!init) return refuse(d, "a destructuring declaration without a value", "give it one");
  if (ts.isObjectBindingPattern(d.name)) {
    const module = importedName(ctx, init);
    const names = d.name.elements.map((e) => {
      if (e.dotDotDotToken || e.initializer || !ts.isIdentifier(e.name)) return refuse(e, "this object destructuring", "take plain names: const { a, b } = o");
      const key = e.propertyName ? e.propertyName.getText() : e.name.text;
      return { key, name: ctx.nameOf(e.name) };
    });
    if (module !== undefined) {
      // const { datasets, transforms } = torchvision: Python imports them
      return [`from ${module} import ${names.map((n) => (n.key === n.name ? n.name : `${n.key} as ${n.name}`)).join(", ")}`];
    }
    const kind = ctx.types.kindOf(init);
    const source = isPure(init) ? expr(ctx, init).code : undefined;
    const lines: string[] = [];
    let obj = source;
    if (obj === undefined) {
      obj = ctx.fresh("value");
      lines.push(`${obj} = ${expr(ctx, init).code}`);
    }
    const base = operand(py(obj), Prec.Primary);
    for (const n of names) lines.push(`${n.name} = ${kind === "record" || kind === "map" ? `${base}["${n.key}"]` : `${base}.${n.key}`}`);
    return lines;
  }
  return [`${bindingTarget(ctx, d.name, init)} = ${expr(ctx, init).code}`];
}

function noGradContext(ctx: Context, call: ts.CallExpression): string {
  return `${expr(ctx, unwrap(call.expression)).code}()`;
}

function expressionStatement(ctx: Context, e: ts.Expression, isLastValue: boolean): string[] {
  e = unwrap(e);
  if (ts.isVoidExpression(e)) e = unwrap(e.expression);
  if (isNoGrad(ctx, e)) {
    const fn = unwrap(e.arguments[0]) as ts.ArrowFunction;
    if (ts.isBlock(fn.body)) {
      const body = withFrame(ctx, { beforeContinue: [], withBody: true }, () => bodyLines(ctx, (fn.body as ts.Block).statements));
      return [`with ${noGradContext(ctx, e)}:`, ...indentLines(body.length ? body : ["pass"])];
    }
    return [`with ${noGradContext(ctx, e)}:`, ...indentLines(expressionStatement(ctx, fn.body as ts.Expression, false))];
  }
  if (ts.isBinaryExpression(e) && isAssignmentOperator(e.operatorToken.kind)) return assignment(ctx, e);
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) {
    const target = assignTarget(ctx, e.operand);
    return [`${target} ${e.operator === ts.SyntaxKind.PlusPlusToken ? "+=" : "-="} 1`];
  }
  if (ts.isCallExpression(e)) {
    const statementForm = callStatement(ctx, e);
    if (statementForm) return statementForm;
  }
  const value = expr(ctx, e).code;
  // in a script nothing shows a cell's last value by itself
  if (isLastValue && ctx.script && !(ctx.types.typeOf(e).flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined))) {
    ctx.useFrom("", "from IPython.display import display");
    return [`display(${value})`];
  }
  return [value];
}

/** Calls that are statements in Python: push, forEach, sort, Map.set. */
function callStatement(ctx: Context, call: ts.CallExpression): string[] | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const target = unwrap(callee.expression);
  const kind = ctx.types.kindOf(target);
  const args = call.arguments;
  if (kind === "array" && method === "push") {
    const list = pushTarget(ctx, target);
    if (args.length === 1 && ts.isSpreadElement(args[0])) return [`${list}.extend(${expr(ctx, args[0].expression).code})`];
    // xs.push(torch.no_grad(() => v)): the append runs inside the with-block (appending records nothing)
    const arg = args.length === 1 ? unwrap(args[0]) : undefined;
    if (arg && isNoGrad(ctx, arg) && returnedExpression(unwrap(arg.arguments[0]) as ts.ArrowFunction)) {
      return [`with ${noGradContext(ctx, arg)}:`, `    ${list}.append(${expr(ctx, returnedExpression(unwrap(arg.arguments[0]) as ts.ArrowFunction)!).code})`];
    }
    if (args.length === 1) return [`${list}.append(${expr(ctx, args[0]).code})`];
    return [`${list}.extend([${args.map((a) => expr(ctx, a).code).join(", ")}])`];
  }
  if (kind === "array" && method === "forEach") {
    const fn = unwrap(args[0]);
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length <= 2) {
      const [p0, p1] = fn.parameters;
      const item = p0 ? bindingTarget(ctx, p0.name, target, true) : "_";
      const iterable = iterableOf(ctx, target);
      const head = p1 && ts.isIdentifier(p1.name) ? `for ${ctx.nameOf(p1.name)}, ${item.includes(",") ? `(${item})` : item} in enumerate(${iterable}):` : `for ${item} in ${iterable}:`;
      const fnBody = fn.body;
      const body = withFrame(ctx, { beforeContinue: [], forEachBody: true }, () => (ts.isBlock(fnBody) ? bodyLines(ctx, fnBody.statements) : expressionStatement(ctx, fnBody, false)));
      return [head, ...indentLines(body.length ? body : ["pass"])];
    }
    const l = loopParts(ctx, target, args[0]);
    return [`${l.clause}:`, `    ${l.value.code}`];
  }
  if (kind === "array" && method === "sort") return [`${expr(ctx, target).code}.sort(${sortArguments(ctx, call).join(", ")})`];
  if (kind === "array" && method === "reverse") return [`${expr(ctx, target).code}.reverse()`];
  if (kind === "map" && method === "set") {
    return [`${expr(ctx, target).code}[${mapKey(ctx, target, args[0])}] = ${expr(ctx, args[1]).code}`];
  }
  return undefined;
}

/** (track[name] ??= []).push(v): Python's setdefault. */
function pushTarget(ctx: Context, target: ts.Expression): string {
  if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken) {
    const left = unwrap(target.left);
    if (ts.isElementAccessExpression(left)) return `${operand(expr(ctx, left.expression), Prec.Primary)}.setdefault(${expr(ctx, left.argumentExpression).code}, ${expr(ctx, target.right).code})`;
    return refuse(target, "??= on this target", "write an if that sets it first");
  }
  return operand(expr(ctx, target), Prec.Primary);
}

/** The left side of an assignment; a rebinding inside a function is declared global or nonlocal. */
function assignTarget(ctx: Context, node: ts.Expression): string {
  const u = unwrap(node);
  if (ts.isIdentifier(u)) {
    const name = expr(ctx, u).code;
    noteRebinding(ctx, u, name);
    return name;
  }
  if (ts.isArrayLiteralExpression(u)) return u.elements.map((e) => assignTarget(ctx, e)).join(", ");
  if (ts.isPropertyAccessExpression(u) || ts.isElementAccessExpression(u)) {
    if (ts.isPropertyAccessExpression(u) && ctx.types.kindOf(u.expression) === "array") return refuse(u, "setting an array's property", "arrays are Python lists: set their elements");
    return expr(ctx, u).code;
  }
  return refuse(u, "this assignment target", "assign to a variable, a property or an element");
}

const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+=", [ts.SyntaxKind.MinusEqualsToken]: "-=", [ts.SyntaxKind.AsteriskEqualsToken]: "*=",
  [ts.SyntaxKind.SlashEqualsToken]: "/=", [ts.SyntaxKind.PercentEqualsToken]: "%=", [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**=",
};

function assignment(ctx: Context, e: ts.BinaryExpression): string[] {
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.EqualsToken) {
    const right = expr(ctx, e.right).code;
    return [`${assignTarget(ctx, e.left)} = ${right}`];
  }
  if (op === ts.SyntaxKind.QuestionQuestionEqualsToken) {
    const target = assignTarget(ctx, e.left);
    return [`if ${target} is None:`, `    ${target} = ${expr(ctx, e.right).code}`];
  }
  const symbol = COMPOUND[op];
  if (!symbol) return refuse(e.operatorToken, `the assignment ${e.operatorToken.getText()}`, "write it out: x = x … y");
  if (op === ts.SyntaxKind.PlusEqualsToken && ctx.types.kindOf(e.left) === "string") return [`${assignTarget(ctx, e.left)} += ${stringOf(ctx, e.right).code}`];
  return [`${assignTarget(ctx, e.left)} ${symbol} ${expr(ctx, e.right).code}`];
}

function ifLines(ctx: Context, s: ts.IfStatement): string[] {
  const lines = [`if ${condition(ctx, s.expression).code}:`, ...block(ctx, s.thenStatement)];
  let other = s.elseStatement;
  while (other) {
    if (ts.isIfStatement(other)) {
      lines.push(`elif ${condition(ctx, other.expression).code}:`, ...block(ctx, other.thenStatement));
      other = other.elseStatement;
    } else {
      lines.push("else:", ...block(ctx, other));
      other = undefined;
    }
  }
  return lines;
}

function forOf(ctx: Context, s: ts.ForOfStatement): string[] {
  if (s.awaitModifier) return refuse(s, "for await", "PyTorch code here is synchronous");
  const init = s.initializer;
  if (ts.isVariableDeclarationList(init) && init.declarations.length === 1 && ts.isObjectBindingPattern(init.declarations[0].name)) {
    return refuse(init, "destructuring an object in a for…of", "name the element and read its fields inside the loop");
  }
  const target = ts.isVariableDeclarationList(init) ? loopTarget(ctx, init) : assignTarget(ctx, init as ts.Expression);
  return [`for ${target.endsWith(",") ? target.slice(0, -1) : target} in ${iterableOf(ctx, s.expression)}:`, ...withFrame(ctx, { beforeContinue: [] }, () => block(ctx, s.statement))];
}

/** for (let i = a; i < b; i += k): range() when the loop is that simple, else a while loop. */
function forLines(ctx: Context, s: ts.ForStatement): string[] {
  const range = simpleRange(ctx, s);
  if (range) return [`for ${range.name} in ${range.range}:`, ...withFrame(ctx, { beforeContinue: [] }, () => block(ctx, s.statement))];
  const lines: string[] = [];
  if (s.initializer) {
    if (ts.isVariableDeclarationList(s.initializer)) lines.push(...s.initializer.declarations.flatMap((d) => declaration(ctx, d)));
    else lines.push(...expressionStatement(ctx, s.initializer, false));
  }
  const update = s.incrementor ? expressionStatement(ctx, s.incrementor, false) : [];
  const cond = s.condition ? condition(ctx, s.condition).code : "True";
  const body = withFrame(ctx, { beforeContinue: update }, () => block(ctx, s.statement));
  return [...lines, `while ${cond}:`, ...body, ...indentLines(update)];
}

function simpleRange(ctx: Context, s: ts.ForStatement): { name: string; range: string } | undefined {
  const init = s.initializer;
  if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return undefined;
  const d = init.declarations[0];
  if (!ts.isIdentifier(d.name) || !d.initializer) return undefined;
  const v = d.name.text;
  const c = s.condition && unwrap(s.condition);
  if (!c || !ts.isBinaryExpression(c) || !ts.isIdentifier(unwrap(c.left)) || unwrap(c.left).getText() !== v) return undefined;
  const op = c.operatorToken.kind;
  const inc = s.incrementor && unwrap(s.incrementor);
  let step: string | undefined;
  if (inc && (ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && unwrap(inc.operand).getText() === v) {
    step = inc.operator === ts.SyntaxKind.PlusPlusToken ? "1" : inc.operator === ts.SyntaxKind.MinusMinusToken ? "-1" : undefined;
  } else if (inc && ts.isBinaryExpression(inc) && unwrap(inc.left).getText() === v && ts.isNumericLiteral(unwrap(inc.right)) || inc && ts.isBinaryExpression(inc) && unwrap(inc.left).getText() === v && ts.isIdentifier(unwrap(inc.right)) && !assigns(s.statement, unwrap(inc.right).getText())) {
    const b = inc as ts.BinaryExpression;
    if (b.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) step = expr(ctx, b.right).code;
  }
  if (!step || assigns(s.statement, v)) return undefined;
  const up = !step.startsWith("-");
  if (up && op !== ts.SyntaxKind.LessThanToken && op !== ts.SyntaxKind.LessThanEqualsToken) return undefined;
  if (!up && op !== ts.SyntaxKind.GreaterThanToken && op !== ts.SyntaxKind.GreaterThanEqualsToken) return undefined;
  const start = expr(ctx, d.initializer).code;
  let stop = expr(ctx, c.right);
  if (op === ts.SyntaxKind.LessThanEqualsToken) stop = py(`${operand(stop, Prec.Add)} + 1`, Prec.Add);
  if (op === ts.SyntaxKind.GreaterThanEqualsToken) stop = py(`${operand(stop, Prec.Add)} - 1`, Prec.Add);
  const args = step === "1" ? (start === "0" ? [stop.code] : [start, stop.code]) : [start, stop.code, step];
  return { name: ctx.nameOf(d.name), range: `range(${args.join(", ")})` };
}

/** Does the statement assign the variable (so a range() would not be the same loop)? */
function assigns(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind) && unwrap(n.left).getText() === name) found = true;
    else if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) && unwrap(n.operand).getText() === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function containsContinue(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isIterationStatement(n, false)) return;
    if (ts.isContinueStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

function returnLines(ctx: Context, s: ts.ReturnStatement): string[] {
  const frame = frameStack(ctx).find((f) => f.withBody || f.forEachBody);
  if (frame?.withBody) return refuse(s, "return inside torch.no_grad(() => { … })", "return torch.no_grad(() => value) from the function instead, or set a variable inside and return it after");
  if (frame?.forEachBody) {
    if (s.expression) return refuse(s, "return with a value inside forEach", "forEach ignores it: use map, or a for…of loop");
    return ["continue"];
  }
  if (!s.expression) return ["return"];
  const value = unwrap(s.expression);
  if (isNoGrad(ctx, value)) {
    const fn = unwrap(value.arguments[0]) as ts.ArrowFunction;
    const e = returnedExpression(fn);
    if (e) return [`with ${noGradContext(ctx, value)}:`, `    return ${expr(ctx, e).code}`];
  }
  return [`return ${expr(ctx, value).code}`];
}

function tryLines(ctx: Context, s: ts.TryStatement): string[] {
  const lines = ["try:", ...block(ctx, s.tryBlock)];
  if (s.catchClause) {
    const v = s.catchClause.variableDeclaration;
    if (v && !ts.isIdentifier(v.name)) return refuse(v, "destructuring a caught error", "catch (e) and read e.message");
    lines.push(v ? `except Exception as ${ctx.nameOf(v.name as ts.Identifier)}:` : "except Exception:", ...block(ctx, s.catchClause.block));
  }
  if (s.finallyBlock) lines.push("finally:", ...block(ctx, s.finallyBlock));
  return lines;
}

/** A class: fields with values are set in __init__, after super().__init__() as in JavaScript. */
function classLines(ctx: Context, c: ts.ClassDeclaration): string[] {
  if (!c.name) return refuse(c, "an anonymous class", "name it");
  if (ts.getDecorators?.(c)?.length) return refuse(c, "a decorator", "remove it");
  const heritage = c.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const base = heritage ? expr(ctx, heritage.expression).code : undefined;
  const fields: string[] = [];
  let ctor: ts.ConstructorDeclaration | undefined;
  const methods: string[][] = [];
  for (const m of c.members) {
    if (ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return refuse(m, "a static member", "make it a variable or function outside the class");
    if (m.name && ts.isPrivateIdentifier(m.name)) return refuse(m, "a private field (#name)", "use a plain field name");
    if (ts.isPropertyDeclaration(m)) {
      if (!m.initializer) continue;
      ctx.beginStatement();
      const value = expr(ctx, m.initializer).code;
      fields.push(...ctx.endStatement(), `self.${m.name.getText()} = ${value}`);
    } else if (ts.isConstructorDeclaration(m)) {
      if (m.parameters.some((p) => p.modifiers?.length)) return refuse(m, "a constructor parameter property", "declare the field and assign it in the constructor");
      ctor = m;
    } else if (ts.isMethodDeclaration(m)) {
      if (m.asteriskToken || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.AsyncKeyword)) return refuse(m, "a generator or async method", "write a plain method");
      methods.push(defLines(ctx, m.name.getText(), m, undefined, true, docstring(ctx, m as unknown as ts.Statement)));
    } else if (ts.isGetAccessor(m) || ts.isSetAccessor(m)) {
      return refuse(m, "a getter or setter", "write a method: value() instead of get value()");
    } else if (!ts.isSemicolonClassElement(m) && !ts.isIndexSignatureDeclaration(m)) {
      return refuse(m, "this class member", "use fields, a constructor and methods");
    }
  }
  let init: string[];
  if (ctor) {
    init = defLines(ctx, "__init__", ctor, undefined, true);
    // the field initialisers run right after super(…)
    const superAt = init.findIndex((l) => /^\s{4}super\(\)\.__init__\(/.test(l));
    if (fields.length) init.splice(superAt >= 0 ? superAt + 1 : 1, 0, ...indentLines(fields));
  } else if (fields.length || base) {
    init = ["def __init__(self):", ...indentLines([...(base ? ["super().__init__()"] : []), ...fields])];
  } else {
    init = [];
  }
  const body = [init, ...methods].filter((m) => m.length);
  const lines = [`class ${ctx.nameOf(c.name)}${base ? `(${base})` : ""}:`];
  body.forEach((m, i) => lines.push(...(i ? [""] : []), ...indentLines(m)));
  if (!body.length) lines.push("    pass");
  return lines;
}
