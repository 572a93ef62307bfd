// TypeScript expressions as Python expressions. Calls (the PyTorch API and JavaScript's
// builtins) are in calls.ts and builtins.ts, functions in functions.ts.
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { Prec, Py, operand, py, pyString } from "./python";
import { refuse } from "./untranslatable";
import { callExpr, newExpr } from "./calls";
import { functionValue } from "./functions";
import { importedName } from "./imports";
import { ValueKind } from "./types";

/** Type wrappers that change nothing at run time. */
export function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
}

/** = and the compound assignments (+=, ??=, …). */
export const isAssignmentOperator = (k: ts.SyntaxKind) => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;

export function expr(ctx: Context, node: ts.Expression): Py {
  node = unwrap(node);
  switch (node.kind) {
    case ts.SyntaxKind.NumericLiteral: return numberLiteral((node as ts.NumericLiteral).getText());
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral: return py(pyString((node as ts.StringLiteral).text, ctx.quote));
    case ts.SyntaxKind.TrueKeyword: return py("True");
    case ts.SyntaxKind.FalseKeyword: return py("False");
    case ts.SyntaxKind.NullKeyword: return py("None");
    case ts.SyntaxKind.ThisKeyword: return py("self");
    case ts.SyntaxKind.Identifier: return identifier(ctx, node as ts.Identifier);
    case ts.SyntaxKind.TemplateExpression: return template(ctx, node as ts.TemplateExpression);
    case ts.SyntaxKind.ArrayLiteralExpression: return arrayLiteral(ctx, node as ts.ArrayLiteralExpression);
    case ts.SyntaxKind.ObjectLiteralExpression: return objectLiteral(ctx, node as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.PropertyAccessExpression: return propertyAccess(ctx, node as ts.PropertyAccessExpression);
    case ts.SyntaxKind.ElementAccessExpression: return elementAccess(ctx, node as ts.ElementAccessExpression);
    case ts.SyntaxKind.CallExpression: return callExpr(ctx, node as ts.CallExpression);
    case ts.SyntaxKind.NewExpression: return newExpr(ctx, node as ts.NewExpression);
    case ts.SyntaxKind.BinaryExpression: return binary(ctx, node as ts.BinaryExpression);
    case ts.SyntaxKind.PrefixUnaryExpression: return prefix(ctx, node as ts.PrefixUnaryExpression);
    case ts.SyntaxKind.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      return py(`${operand(expr(ctx, c.whenTrue), Prec.Or)} if ${operand(condition(ctx, c.condition), Prec.Or)} else ${operand(expr(ctx, c.whenFalse), Prec.Conditional)}`, Prec.Conditional);
    }
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression: return functionValue(ctx, node as ts.ArrowFunction);
    case ts.SyntaxKind.VoidExpression: return expr(ctx, (node as ts.VoidExpression).expression);
    case ts.SyntaxKind.SpreadElement: return py(`*${operand(expr(ctx, (node as ts.SpreadElement).expression), Prec.Primary)}`);
    case ts.SyntaxKind.PostfixUnaryExpression: return refuse(node, "an increment or decrement inside an expression", "write `i += 1` as a statement of its own");
    case ts.SyntaxKind.TypeOfExpression: return refuse(node, "typeof", "test the value itself (`x === undefined`, `x instanceof nn.Linear`)");
    case ts.SyntaxKind.DeleteExpression: return refuse(node, "delete", "build a new object without the key");
    case ts.SyntaxKind.AwaitExpression: return refuse(node, "await", "PyTorch code here is synchronous: call the function directly");
    case ts.SyntaxKind.RegularExpressionLiteral: return refuse(node, "a regular expression", "use string methods (startsWith, includes, split)");
    case ts.SyntaxKind.TaggedTemplateExpression: return refuse(node, "a tagged template", "use a plain template string");
    case ts.SyntaxKind.ClassExpression: return refuse(node, "a class expression", "declare the class with `class Name extends nn.Module { … }`");
    case ts.SyntaxKind.BigIntLiteral: return refuse(node, "a BigInt literal", "use a number");
    case ts.SyntaxKind.YieldExpression: return refuse(node, "yield", "build and return an array instead of a generator");
    case ts.SyntaxKind.SuperKeyword: return py("super()");
    default: return refuse(node, `this expression (${ts.SyntaxKind[node.kind]})`, "rewrite it with the constructs listed in docs/export-pytorch.md");
  }
}

/** A number literal as written (Python reads 1_000, 0.5, 1e-3 the same); `.5` needs its 0. */
export function numberLiteral(text: string): Py {
  let t = text;
  if (t.startsWith(".")) t = `0${t}`;
  if (/^\d[\d_]*\.$/.test(t)) t += "0";
  if (/^0[0-7]+$/.test(t)) t = `0o${t.slice(1)}`;
  return py(t);
}

function identifier(ctx: Context, id: ts.Identifier): Py {
  switch (id.text) {
    case "undefined": return py("None");
    case "Infinity": ctx.useModule("math"); return py("math.inf", Prec.Primary);
    case "NaN": ctx.useModule("math"); return py("math.nan", Prec.Primary);
  }
  const imported = importedName(ctx, id);
  if (imported !== undefined) return py(imported, Prec.Primary);
  if (!ctx.types.notebookDeclaration(id) && ctx.types.symbolOf(id)) {
    return refuse(id, `JavaScript's global \`${id.text}\``, "the translation knows Math, console, JSON, Object, Array, Number, String and performance.now(); compute the value with those or with torch");
  }
  return py(ctx.nameOf(id));
}

/** A condition: objects and arrays are always true in JavaScript, but an empty list is false in Python. */
export function condition(ctx: Context, node: ts.Expression): Py {
  const inner = unwrap(node);
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
    const kind = ctx.types.kindOf(inner.operand);
    if (isObjectKind(kind)) return py(`${operand(expr(ctx, inner.operand), Prec.Compare + 1)} is None`, Prec.Compare);
    return py(`not ${operand(condition(ctx, inner.operand), Prec.Not)}`, Prec.Not);
  }
  const kind = ctx.types.kindOf(inner);
  if (isObjectKind(kind) && !ts.isBinaryExpression(inner)) return py(`${operand(expr(ctx, inner), Prec.Compare + 1)} is not None`, Prec.Compare);
  return expr(ctx, inner);
}

const isObjectKind = (k: ValueKind) => k === "array" || k === "record" || k === "map" || k === "library" || k === "function";

/** `String(v)` in Python: numbers and booleans the JavaScript way, tensors and modules as PyTorch prints them. */
export function stringOf(ctx: Context, node: ts.Expression): Py {
  const kind = ctx.types.kindOf(node);
  const e = expr(ctx, node);
  if (kind === "string") return e;
  if (kind === "number" && ctx.types.isInteger(node)) return py(`${e.code}`, e.prec);
  if (kind === "number" || kind === "boolean" || kind === "nullish" || kind === "array" || kind === "unknown") return py(`${ctx.useRuntime("js_str")}(${e.code})`, Prec.Primary);
  if (kind === "record" || kind === "map") return refuse(node, "an object turned into text", "JavaScript prints it as [object Object]; print its fields, or JSON.stringify(it)");
  return py(`str(${e.code})`, Prec.Primary);
}

function template(ctx: Context, node: ts.TemplateExpression): Py {
  // inside the braces string literals take the other quote: Python 3.11's f-strings cannot nest the same one
  let code = "";
  const literal = (s: string) => pyString(s, '"').slice(1, -1).replace(/\{/g, "{{").replace(/\}/g, "}}");
  code += literal(node.head.text);
  for (const span of node.templateSpans) {
    // f-strings format a tensor or module with str() themselves
    const inner = ctx.withQuote("'", () => (ctx.types.kindOf(span.expression) === "library" ? expr(ctx, span.expression) : stringOf(ctx, span.expression))).code;
    if (/["\\#]/.test(inner) || /\n/.test(inner)) {
      return refuse(span.expression, "a template substitution that needs quotes or backslashes inside an f-string", "compute the value into a variable first and put the variable in the template");
    }
    code += `{${inner.startsWith("{") ? ` ${inner}` : inner}}`;
    code += literal(span.literal.text);
  }
  return py(`f"${code}"`);
}

function arrayLiteral(ctx: Context, node: ts.ArrayLiteralExpression): Py {
  // [...xs] copies into a list
  if (node.elements.length === 1 && ts.isSpreadElement(node.elements[0])) return py(`list(${expr(ctx, node.elements[0].expression).code})`, Prec.Primary);
  const items = node.elements.map((e) => {
    if (ts.isOmittedExpression(e)) return refuse(e, "an array with a hole", "write undefined in the empty place");
    return expr(ctx, e).code;
  });
  return py(`[${items.join(", ")}]`);
}

export function dictEntries(ctx: Context, node: ts.ObjectLiteralExpression, keyOf: (name: string) => string, valueOf?: (key: string, value: ts.Expression) => string | undefined): string[] {
  return node.properties.map((p) => {
    if (ts.isPropertyAssignment(p)) return `${propertyKey(ctx, p.name, keyOf)}: ${(valueOf && ts.isIdentifier(p.name) ? valueOf(p.name.text, p.initializer) : undefined) ?? expr(ctx, p.initializer).code}`;
    if (ts.isShorthandPropertyAssignment(p)) return `${keyOf(p.name.text)}: ${expr(ctx, p.name).code}`;
    if (ts.isSpreadAssignment(p)) return `**${operand(expr(ctx, p.expression), Prec.Primary)}`;
    return refuse(p, "a method or accessor in an object literal", "give the property an arrow function: `name: (x) => …`");
  });
}

function propertyKey(ctx: Context, name: ts.PropertyName, keyOf: (name: string) => string): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return keyOf(name.text);
  if (ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return expr(ctx, name.expression).code;
  return refuse(name, "this property name", "use a plain name or a string");
}

function objectLiteral(ctx: Context, node: ts.ObjectLiteralExpression): Py {
  const entries = dictEntries(ctx, node, (k) => pyString(k, ctx.quote));
  return py(`{${entries.join(", ")}}`);
}

const MATH_CONSTANTS: Record<string, string> = { PI: "math.pi", E: "math.e", SQRT2: "math.sqrt(2)", SQRT1_2: "math.sqrt(0.5)", LN2: "math.log(2)", LN10: "math.log(10)", LOG2E: "1 / math.log(2)", LOG10E: "1 / math.log(10)" };

function propertyAccess(ctx: Context, node: ts.PropertyAccessExpression): Py {
  if (node.questionDotToken) return refuse(node, "optional chaining (?.)", "test for undefined with an if first");
  if (ts.isPrivateIdentifier(node.name)) return refuse(node, "a private field (#name)", "use a plain field name");
  const name = node.name.text;
  const target = unwrap(node.expression);
  if (ts.isIdentifier(target) && target.text === "Math" && !ctx.types.notebookDeclaration(target)) {
    const constant = MATH_CONSTANTS[name];
    if (!constant) return refuse(node, `Math.${name}`, "use a Math function or constant the translation knows (PI, E, SQRT2, …)");
    ctx.useModule("math");
    return py(constant, /\s/.test(constant) ? Prec.Mul : Prec.Primary);
  }
  if (ts.isIdentifier(target) && target.text === "Number" && !ctx.types.notebookDeclaration(target)) {
    if (name === "POSITIVE_INFINITY") { ctx.useModule("math"); return py("math.inf", Prec.Primary); }
    if (name === "NEGATIVE_INFINITY") { ctx.useModule("math"); return py("-math.inf", Prec.Unary); }
    if (name === "EPSILON") { ctx.useModule("sys"); return py("sys.float_info.epsilon", Prec.Primary); }
    return refuse(node, `Number.${name}`, "use math.inf or a literal");
  }
  // .value of an iterator's next(): Python's next() gives the value itself
  if (name === "value" && ts.isCallExpression(target) && isIteratorNext(ctx, target)) {
    const it = target.expression as ts.PropertyAccessExpression;
    return py(`next(${expr(ctx, it.expression).code})`, Prec.Primary);
  }
  const imported = importedName(ctx, node);
  if (imported !== undefined) return py(imported, Prec.Primary);
  const kind = ctx.types.kindOf(target);
  const object = expr(ctx, target);
  if (name === "length" && (kind === "array" || kind === "string" || kind === "library" || kind === "unknown")) return py(`len(${object.code})`, Prec.Primary);
  if (name === "size" && kind === "map") return py(`len(${object.code})`, Prec.Primary);
  if (name === "message" && isErrorType(ctx, target)) return py(`str(${object.code})`, Prec.Primary);
  if (kind === "record" || kind === "map") return py(`${operand(object, Prec.Primary)}[${pyString(name, ctx.quote)}]`, Prec.Primary);
  if (kind === "array" || kind === "string" || kind === "number") return refuse(node, `the property ${name} of a ${kind}`, "the translation knows length and the methods listed in docs/export-pytorch.md");
  return py(`${operand(object, Prec.Primary)}.${name}`, Prec.Primary);
}

function isErrorType(ctx: Context, node: ts.Expression): boolean {
  const t = ctx.types.typeOf(node);
  return t.getSymbol()?.getName() === "Error" || (t.flags & ts.TypeFlags.Unknown) !== 0 || (t.flags & ts.TypeFlags.Any) !== 0;
}

export function isIteratorNext(ctx: Context, call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === "next" && call.arguments.length === 0 && ctx.types.kindOf(callee.expression) === "iterator";
}

function elementAccess(ctx: Context, node: ts.ElementAccessExpression): Py {
  if (node.questionDotToken) return refuse(node, "optional chaining (?.[])", "test for undefined with an if first");
  const arg = unwrap(node.argumentExpression);
  if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === "Symbol") {
    return refuse(node, `Symbol.${arg.name.text} outside a call`, "call it at once: `x[Symbol.iterator]()` becomes iter(x)");
  }
  const object = expr(ctx, node.expression);
  return py(`${operand(object, Prec.Primary)}[${expr(ctx, node.argumentExpression).code}]`, Prec.Primary);
}

const BINARY: Partial<Record<ts.SyntaxKind, [string, Prec]>> = {
  [ts.SyntaxKind.AsteriskToken]: ["*", Prec.Mul],
  [ts.SyntaxKind.SlashToken]: ["/", Prec.Mul],
  [ts.SyntaxKind.PercentToken]: ["%", Prec.Mul],
  [ts.SyntaxKind.MinusToken]: ["-", Prec.Add],
  [ts.SyntaxKind.AsteriskAsteriskToken]: ["**", Prec.Power],
  [ts.SyntaxKind.LessThanToken]: ["<", Prec.Compare],
  [ts.SyntaxKind.LessThanEqualsToken]: ["<=", Prec.Compare],
  [ts.SyntaxKind.GreaterThanToken]: [">", Prec.Compare],
  [ts.SyntaxKind.GreaterThanEqualsToken]: [">=", Prec.Compare],
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: ["==", Prec.Compare],
  [ts.SyntaxKind.EqualsEqualsToken]: ["==", Prec.Compare],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: ["!=", Prec.Compare],
  [ts.SyntaxKind.ExclamationEqualsToken]: ["!=", Prec.Compare],
  [ts.SyntaxKind.AmpersandAmpersandToken]: ["and", Prec.And],
  [ts.SyntaxKind.BarBarToken]: ["or", Prec.Or],
  [ts.SyntaxKind.LessThanLessThanToken]: ["<<", Prec.Shift],
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: [">>", Prec.Shift],
  [ts.SyntaxKind.AmpersandToken]: ["&", Prec.BitAnd],
  [ts.SyntaxKind.BarToken]: ["|", Prec.BitOr],
  [ts.SyntaxKind.CaretToken]: ["^", Prec.BitXor],
};

const isNullish = (n: ts.Expression) => { const u = unwrap(n); return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === "undefined"); };

function binary(ctx: Context, node: ts.BinaryExpression): Py {
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.PlusToken) return plus(ctx, node);
  if (op === ts.SyntaxKind.InstanceOfKeyword) return py(`isinstance(${expr(ctx, node.left).code}, ${expr(ctx, node.right).code})`, Prec.Primary);
  if (op === ts.SyntaxKind.QuestionQuestionToken) {
    const left = unwrap(node.left);
    if (!isPure(left)) return refuse(node, "?? after an expression with calls", "store the left side in a variable first");
    const l = expr(ctx, left);
    return py(`${operand(l, Prec.Or)} if ${operand(l, Prec.Compare + 1)} is not None else ${operand(expr(ctx, node.right), Prec.Conditional)}`, Prec.Conditional);
  }
  const isEquality = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (isEquality && (isNullish(node.right) || isNullish(node.left))) {
    const other = isNullish(node.right) ? node.left : node.right;
    const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    return py(`${operand(expr(ctx, other), Prec.Compare + 1)} is ${negated ? "not " : ""}None`, Prec.Compare);
  }
  // === between objects is identity (a dict's == compares contents, a tensor's compares elements)
  if (isEquality && isObjectKind(ctx.types.kindOf(node.left)) && isObjectKind(ctx.types.kindOf(node.right))) {
    const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    return py(`${operand(expr(ctx, node.left), Prec.Compare + 1)} is ${negated ? "not " : ""}${operand(expr(ctx, node.right), Prec.Compare + 1)}`, Prec.Compare);
  }
  if (isAssignmentOperator(op) || op === ts.SyntaxKind.CommaToken) {
    return refuse(node, op === ts.SyntaxKind.CommaToken ? "the comma operator" : "an assignment inside an expression", "make it a statement of its own");
  }
  const entry = BINARY[op];
  if (!entry) return refuse(node.operatorToken, `the operator ${node.operatorToken.getText()}`, "use arithmetic, comparisons, &&, || and ?? (or write it out)");
  const [symbol, prec] = entry;
  if ((op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken)) {
    return py(`${operand(condition(ctx, node.left), prec)} ${symbol} ${operand(condition(ctx, node.right), prec + 1)}`, prec);
  }
  const left = expr(ctx, node.left), right = expr(ctx, node.right);
  // Python chains comparisons (a < b < c); a comparison operand is parenthesised
  const leftMin = prec === Prec.Compare ? Prec.Compare + 1 : prec === Prec.Power ? Prec.Power + 1 : prec;
  const rightMin = prec === Prec.Power ? Prec.Unary : prec + 1;
  return py(`${operand(left, leftMin)} ${symbol} ${operand(right, rightMin)}`, prec);
}

/** Identifiers and property/element chains without calls: safe to evaluate twice. */
export function isPure(node: ts.Expression): boolean {
  node = unwrap(node);
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword || ts.isLiteralExpression(node)) return true;
  if (ts.isPropertyAccessExpression(node)) return isPure(node.expression);
  if (ts.isElementAccessExpression(node)) return isPure(node.expression) && isPure(node.argumentExpression);
  return false;
}

function plus(ctx: Context, node: ts.BinaryExpression): Py {
  const lk = ctx.types.kindOf(node.left), rk = ctx.types.kindOf(node.right);
  if (lk === "string" || rk === "string") {
    const l = stringOf(ctx, node.left), r = stringOf(ctx, node.right);
    return py(`${operand(l, Prec.Add)} + ${operand(r, Prec.Add + 1)}`, Prec.Add);
  }
  if (lk !== "number" && lk !== "unknown" || rk !== "number" && rk !== "unknown") {
    return refuse(node, `+ between a ${lk} and a ${rk}`, "JavaScript turns them into text; use String(…) on each side, or concat for arrays");
  }
  return py(`${operand(expr(ctx, node.left), Prec.Add)} + ${operand(expr(ctx, node.right), Prec.Add + 1)}`, Prec.Add);
}

function prefix(ctx: Context, node: ts.PrefixUnaryExpression): Py {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken: return condition(ctx, node);
    case ts.SyntaxKind.MinusToken: {
      const inner = unwrap(node.operand);
      if (ts.isNumericLiteral(inner)) return py(`-${numberLiteral(inner.getText()).code}`, Prec.Unary);
      return py(`-${operand(expr(ctx, node.operand), Prec.Unary)}`, Prec.Unary);
    }
    case ts.SyntaxKind.TildeToken: return py(`~${operand(expr(ctx, node.operand), Prec.Unary)}`, Prec.Unary);
    case ts.SyntaxKind.PlusToken: return refuse(node, "unary +", "use Number(x)");
    default: return refuse(node, "an increment or decrement inside an expression", "write `i += 1` as a statement of its own");
  }
}
