// JavaScript's builtins in Python: console, Math, JSON, Object, Array, Number, performance, and
// the methods of arrays, strings, numbers and Maps. Array methods with a callback become
// comprehensions. Text is formatted by actnb_pytorch's js_* helpers wherever Python's own
// formatting would print other characters (3.0 for 3, 1e-05 for 1e-5, 12 for 12.5.toFixed(0)).
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { Prec, Py, operand, py, pyString } from "./python";
import { refuse } from "./untranslatable";
import { expr, stringOf, unwrap, condition } from "./expressions";
import { functionValue, isLambdaable, returnedExpression } from "./functions";
import { bindingTarget } from "./statements";
import { ValueKind } from "./types";

const isGlobal = (ctx: Context, node: ts.Expression, name: string): boolean => {
  const u = unwrap(node);
  return ts.isIdentifier(u) && u.text === name && !ctx.types.notebookDeclaration(u);
};

const call = (name: string, args: string[]) => py(`${name}(${args.join(", ")})`, Prec.Primary);

/** A builtin's translation, or undefined when the call is not to a JavaScript builtin. */
export function builtinCall(ctx: Context, node: ts.CallExpression): Py | undefined {
  const callee = unwrap(node.expression);
  const args = node.arguments;
  if (ts.isIdentifier(callee) && !ctx.types.notebookDeclaration(callee)) {
    switch (callee.text) {
      case "String": return args.length ? stringOf(ctx, args[0]) : py('""');
      case "Number": return numberOf(ctx, args[0]);
      case "Boolean": return call("bool", [condition(ctx, args[0]).code]);
      case "parseFloat": return call("float", [expr(ctx, args[0]).code]);
      case "parseInt": return call("int", [expr(ctx, args[0]).code]);
      case "isNaN": ctx.useModule("math"); return call("math.isnan", [expr(ctx, args[0]).code]);
      case "isFinite": ctx.useModule("math"); return call("math.isfinite", [expr(ctx, args[0]).code]);
    }
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const target = callee.expression;
  for (const [global, translate] of GLOBAL_OBJECTS) if (isGlobal(ctx, target, global)) return translate(ctx, method, node);
  let kind = ctx.types.kindOf(target);
  // an `any` (an item() the checker could not see through) is known by the method called on it
  if (kind === "unknown") kind = NUMBER_METHODS.has(method) ? "number" : ARRAY_METHODS.has(method) ? "array" : kind;
  if (kind === "array" || isFillPattern(ctx, node)) return arrayMethod(ctx, node, method, target);
  if (kind === "string") return stringMethod(ctx, node, method, target);
  if (kind === "number") return numberMethod(ctx, node, method, target);
  if (kind === "map") return mapMethod(ctx, node, method, target);
  return undefined;
}

export function builtinNew(ctx: Context, node: ts.NewExpression): Py | undefined {
  const callee = unwrap(node.expression);
  const args = node.arguments ?? [];
  if (isGlobal(ctx, callee, "Map")) {
    if (!args.length) return py("{}");
    return dictFromPairs(ctx, args[0], objectKeyed(ctx.types.kindOf(node) === "map" ? ctx.types.mapKeyKind(node) : "unknown"));
  }
  if (isGlobal(ctx, callee, "Error") || isGlobal(ctx, callee, "RangeError") || isGlobal(ctx, callee, "TypeError")) return call("RuntimeError", args.map((a) => expr(ctx, a).code));
  if (isGlobal(ctx, callee, "Array")) return refuse(node, "new Array(n) without .fill(v)", "write new Array(n).fill(v), or build the array with Array.from");
  if (ts.isIdentifier(callee) && !ctx.types.notebookDeclaration(callee) && !ctx.types.isLibraryCall(node)) {
    return refuse(node, `new ${callee.text}`, "the translation knows Map and Error among JavaScript's classes");
  }
  return undefined;
}

const NUMBER_METHODS = new Set(["toFixed", "toExponential", "toLocaleString", "toPrecision"]);
const ARRAY_METHODS = new Set(["map", "filter", "flatMap", "forEach", "reduce", "join", "some", "every", "find", "findIndex"]);

const objectKeyed = (k: ValueKind) => k === "record" || k === "library" || k === "array";

/** Python dicts hash their keys; an object key is its identity, as in a JavaScript Map. */
export function mapKey(ctx: Context, mapNode: ts.Expression, key: ts.Expression): string {
  const k = expr(ctx, key).code;
  return objectKeyed(ctx.types.mapKeyKind(mapNode)) ? `id(${k})` : k;
}

function numberOf(ctx: Context, node: ts.Expression): Py {
  const kind = ctx.types.kindOf(node);
  if (kind === "number") return expr(ctx, node);
  if (kind === "string" || kind === "unknown") return call("float", [expr(ctx, node).code]);
  if (kind === "boolean") return call("int", [expr(ctx, node).code]);
  return refuse(node, `Number() of a ${kind}`, "convert a number or a string");
}

type GlobalTranslator = (ctx: Context, method: string, node: ts.CallExpression) => Py;

const GLOBAL_OBJECTS: [string, GlobalTranslator][] = [
  ["console", consoleCall],
  ["Math", mathCall],
  ["JSON", (ctx, method, node) => {
    if (method !== "stringify" || node.arguments.length !== 1) return refuse(node, `JSON.${method}${node.arguments.length > 1 ? " with more than one argument" : ""}`, "JSON.stringify(value) is translated; format other text with template strings");
    ctx.useModule("json");
    const q = ctx.quote;
    return call("json.dumps", [expr(ctx, node.arguments[0]).code, `separators=(${q},${q}, ${q}:${q})`, "ensure_ascii=False"]);
  }],
  ["Object", objectCall],
  ["Array", arrayStatic],
  ["Number", (ctx, method, node) => {
    const a = expr(ctx, node.arguments[0]).code;
    ctx.useModule("math");
    if (method === "isInteger") return py(`float(${a}).is_integer()`, Prec.Primary);
    if (method === "isFinite") return call("math.isfinite", [a]);
    if (method === "isNaN") return call("math.isnan", [a]);
    return refuse(node, `Number.${method}`, "use Number.isInteger, isFinite or isNaN");
  }],
  ["performance", (ctx, method, node) => {
    if (method !== "now") return refuse(node, `performance.${method}`, "performance.now() is translated");
    ctx.useModule("time");
    return py("time.perf_counter() * 1000", Prec.Mul);
  }],
  ["Date", (ctx, method, node) => {
    if (method !== "now") return refuse(node, `Date.${method}`, "Date.now() is translated");
    ctx.useModule("time");
    return py("time.time() * 1000", Prec.Mul);
  }],
];

function consoleCall(ctx: Context, method: string, node: ts.CallExpression): Py {
  const args = node.arguments;
  if (method === "table") {
    if (args.length !== 1) return refuse(node, "console.table with a column list", "pass the rows only");
    return call(ctx.useRuntime("console_table"), [expr(ctx, args[0]).code]);
  }
  if (method === "log" || method === "info" || method === "error" || method === "warn" || method === "debug") {
    const parts = args.map((a) => {
      // console.log(String(t)) is print(t): print calls str() itself
      const u = unwrap(a);
      if (ts.isCallExpression(u) && isGlobal(ctx, u.expression, "String") && u.arguments.length === 1 && ["library"].includes(ctx.types.kindOf(u.arguments[0]))) return expr(ctx, u.arguments[0]).code;
      const kind = ctx.types.kindOf(a);
      if (kind === "string") return expr(ctx, a).code;
      if (kind === "number" && ctx.types.isInteger(unwrap(a))) return expr(ctx, a).code;
      if (kind === "number" || kind === "boolean" || kind === "nullish" || kind === "unknown") return `${ctx.useRuntime("js_str")}(${expr(ctx, a).code})`;
      if (kind === "library") return expr(ctx, a).code;
      return refuse(a, `console.${method} of a ${kind}`, "Node prints it with util.inspect; print String(x) or JSON.stringify(x) instead");
    });
    if (method === "error" || method === "warn") {
      ctx.useModule("sys");
      parts.push("file=sys.stderr");
    }
    return call("print", parts);
  }
  return refuse(node, `console.${method}`, "use console.log or console.table");
}

const MATH_FUNCTIONS = new Set(["sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "trunc", "hypot"]);

function mathCall(ctx: Context, method: string, node: ts.CallExpression): Py {
  const args = node.arguments;
  if (method === "min" || method === "max") {
    if (args.length === 1 && ts.isSpreadElement(args[0])) return call(method, [expr(ctx, args[0].expression).code]);
    if (args.length < 2 || args.some((a) => ts.isSpreadElement(a))) return refuse(node, `Math.${method} of fewer than two numbers or of a spread among others`, `write Math.${method}(...xs) or Math.${method}(a, b)`);
    return call(method, args.map((a) => expr(ctx, a).code));
  }
  if (method === "abs") return call("abs", [expr(ctx, args[0]).code]);
  if (method === "pow") return py(`${operand(expr(ctx, args[0]), Prec.Power + 1)} ** ${operand(expr(ctx, args[1]), Prec.Unary)}`, Prec.Power);
  ctx.useModule("math");
  // Math.round rounds halves up; Python's round() rounds them to even
  if (method === "round") return call("math.floor", [`${operand(expr(ctx, args[0]), Prec.Add)} + 0.5`]);
  if (MATH_FUNCTIONS.has(method)) return call(`math.${method}`, args.map((a) => expr(ctx, a).code));
  if (method === "random") return refuse(node, "Math.random()", "it is not seeded: draw with torch.rand(1).item() after torch.manual_seed");
  return refuse(node, `Math.${method}`, "use torch or another Math function");
}

/** What a loop over an array-like expression iterates: dict items for Object.entries, keys for Object.keys. */
export function iterableOf(ctx: Context, node: ts.Expression): string {
  const u = unwrap(node);
  if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(unwrap(u.expression))) {
    const callee = unwrap(u.expression) as ts.PropertyAccessExpression;
    if (isGlobal(ctx, callee.expression, "Object") && u.arguments.length === 1) {
      const o = operand(expr(ctx, u.arguments[0]), Prec.Primary);
      if (callee.name.text === "entries") return `${o}.items()`;
      if (callee.name.text === "keys") return o;
      if (callee.name.text === "values") return `${o}.values()`;
    }
  }
  const kind = ctx.types.kindOf(u);
  if (kind === "map") {
    if (objectKeyed(ctx.types.mapKeyKind(u))) return refuse(node, "a loop over a Map keyed by objects", "loop over the objects and look each up with get()");
    return `${operand(expr(ctx, u), Prec.Primary)}.items()`;
  }
  return expr(ctx, u).code;
}

function objectCall(ctx: Context, method: string, node: ts.CallExpression): Py {
  const a = node.arguments[0];
  switch (method) {
    case "entries": return call("list", [`${operand(expr(ctx, a), Prec.Primary)}.items()`]);
    case "keys": return call("list", [expr(ctx, a).code]);
    case "values": return call("list", [`${operand(expr(ctx, a), Prec.Primary)}.values()`]);
    case "fromEntries": return dictFromPairs(ctx, a, false);
  }
  return refuse(node, `Object.${method}`, "use Object.entries, keys, values or fromEntries, or spread: { ...a, ...b }");
}

/** A dict from [key, value] pairs: a dict comprehension when the pairs come from a map(). */
function dictFromPairs(ctx: Context, pairs: ts.Expression, byIdentity: boolean): Py {
  const u = unwrap(pairs);
  if (ts.isCallExpression(u)) {
    const callee = unwrap(u.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "map" && u.arguments.length === 1 && ctx.types.kindOf(callee.expression) === "array") {
      const fn = unwrap(u.arguments[0]);
      const pair = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && isLambdaable(fn, true) ? unwrap(returnedExpression(fn)!) : undefined;
      if (pair && ts.isArrayLiteralExpression(pair) && pair.elements.length === 2) {
        const l = loopParts(ctx, callee.expression, fn as ts.ArrowFunction);
        const key = expr(ctx, pair.elements[0]).code;
        return py(`{${byIdentity ? `id(${key})` : key}: ${expr(ctx, pair.elements[1]).code} ${l.clause}}`);
      }
    }
  }
  if (byIdentity) return py(`{id(k): v for k, v in ${expr(ctx, pairs).code}}`);
  return call("dict", [expr(ctx, pairs).code]);
}

function arrayStatic(ctx: Context, method: string, node: ts.CallExpression): Py {
  const [source, fn] = node.arguments;
  if (method === "isArray") return call("isinstance", [expr(ctx, source).code, "list"]);
  if (method !== "from") return refuse(node, `Array.${method}`, "use Array.from or an array literal");
  const u = unwrap(source);
  const length = ts.isObjectLiteralExpression(u) && u.properties.length === 1 && ts.isPropertyAssignment(u.properties[0]) && u.properties[0].name.getText() === "length" ? u.properties[0].initializer : undefined;
  const range = length ? call("range", [expr(ctx, length).code]).code : undefined;
  if (!fn) return call("list", [range ?? expr(ctx, source).code]);
  const f = unwrap(fn);
  if (!ts.isArrowFunction(f) && !ts.isFunctionExpression(f)) return refuse(fn, "Array.from with a function value", "write the function inline: Array.from(xs, (x) => …)");
  if (range) {
    // Array.from({ length: n }, (_, i) => …): only the index is defined
    const indexParam = f.parameters[1];
    const index = indexParam && ts.isIdentifier(indexParam.name) ? ctx.nameOf(indexParam.name) : "_";
    const body = returnedExpression(f);
    if (body && isLambdaable(f, true) && ts.isIdentifier(unwrap(body)) && indexParam && unwrap(body).getText() === indexParam.name.getText()) return call("list", [range]);
    const value = body && isLambdaable(f, true) ? expr(ctx, body).code : `${functionValue(ctx, f).code}(None, ${index})`;
    return py(`[${value} for ${index} in ${range}]`);
  }
  const l = loopParts(ctx, source, f);
  return py(`[${l.value.code} ${l.clause}]`);
}

interface LoopParts {
  /** `for x in xs` or `for i, x in enumerate(xs)`. */
  clause: string;
  /** The callback's result for one element. */
  value: Py;
  /** The element itself, as the loop names it. */
  item: string;
  index?: string;
}

/** A callback over an array's elements as a comprehension's `for` clause and its value. */
export function loopParts(ctx: Context, array: ts.Expression, callback: ts.Expression): LoopParts {
  const iterable = iterableOf(ctx, array);
  const fn = unwrap(callback);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length > 2) return refuse(fn.parameters[2], "a callback that takes the array itself", "refer to the array by its name");
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && isLambdaable(fn, true)) {
    const [p0, p1] = fn.parameters;
    const item = p0 ? bindingTarget(ctx, p0.name, array, true) : "_";
    const index = p1 && ts.isIdentifier(p1.name) ? ctx.nameOf(p1.name) : undefined;
    const value = expr(ctx, returnedExpression(fn)!);
    return { clause: index ? `for ${index}, ${wrapTuple(item)} in enumerate(${iterable})` : `for ${item} in ${iterable}`, value, item, index };
  }
  const f = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? functionValue(ctx, fn) : expr(ctx, fn);
  const takesIndex = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.parameters.length > 1 : (ctx.types.typeOf(fn).getCallSignatures()[0]?.getParameters().length ?? 1) > 1;
  const item = ctx.fresh("item");
  const fnCode = operand(f, Prec.Primary);
  if (takesIndex) {
    const index = ctx.fresh("i");
    return { clause: `for ${index}, ${item} in enumerate(${iterable})`, value: py(`${fnCode}(${item}, ${index})`, Prec.Primary), item, index };
  }
  return { clause: `for ${item} in ${iterable}`, value: py(`${fnCode}(${item})`, Prec.Primary), item };
}

const wrapTuple = (target: string) => (target.includes(",") ? `(${target})` : target);

/** `new Array(n).fill(v)` and `Array(n).fill(v)`. */
function isFillPattern(ctx: Context, node: ts.CallExpression): boolean {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "fill") return false;
  const target = unwrap(callee.expression);
  return (ts.isNewExpression(target) || ts.isCallExpression(target)) && isGlobal(ctx, target.expression, "Array");
}

function arrayMethod(ctx: Context, node: ts.CallExpression, method: string, target: ts.Expression): Py {
  const args = node.arguments;
  const arr = () => operand(expr(ctx, target), Prec.Primary);
  if (isFillPattern(ctx, node)) {
    const made = unwrap(target) as ts.NewExpression | ts.CallExpression;
    const n = made.arguments?.[0];
    if (!n || made.arguments!.length !== 1 || args.length !== 1) return refuse(node, "Array(…) with other than one length", "write new Array(n).fill(v)");
    const v = unwrap(args[0]);
    if (ts.isArrayLiteralExpression(v) || ts.isObjectLiteralExpression(v)) return refuse(v, "fill() with an array or object", "every element would be the same object; use Array.from({ length: n }, () => [])");
    return py(`[${expr(ctx, v).code}] * ${operand(expr(ctx, n), Prec.Mul + 1)}`, Prec.Mul);
  }
  switch (method) {
    case "map": {
      const l = loopParts(ctx, target, args[0]);
      return py(`[${l.value.code} ${l.clause}]`);
    }
    case "filter": {
      const l = filterParts(ctx, target, args[0]);
      return py(`[${l.item} ${l.clause} if ${l.cond}]`);
    }
    case "flatMap": {
      const l = loopParts(ctx, target, args[0]);
      const y = ctx.fresh("y");
      return py(`[${y} ${l.clause} for ${y} in ${l.value.code}]`);
    }
    case "some":
    case "every": {
      const l = filterParts(ctx, target, args[0]);
      return call(method === "some" ? "any" : "all", [`${l.cond} ${l.clause}`]);
    }
    case "find": {
      const l = filterParts(ctx, target, args[0]);
      return call("next", [`(${l.item} ${l.clause} if ${l.cond})`, "None"]);
    }
    case "findIndex": {
      const fn = unwrap(args[0]);
      if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length > 1) return refuse(args[0], "findIndex with this callback", "pass an arrow function of the element");
      const i = ctx.fresh("i");
      const l = filterParts(ctx, target, args[0]);
      return call("next", [`(${i} for ${i}, ${wrapTuple(l.item)} in enumerate(${iterableOf(ctx, target)}) if ${l.cond})`, "-1"]);
    }
    case "reduce": return reduce(ctx, node, target);
    case "join": {
      const sep = args.length ? expr(ctx, args[0]).code : pyString(",", ctx.quote);
      const kind = ctx.types.elementKind(target);
      if (kind === "string") return call(`${operand(py(sep), Prec.Primary)}.join`, [expr(ctx, target).code]);
      const x = ctx.fresh("x");
      return call(`${operand(py(sep), Prec.Primary)}.join`, [`${ctx.useRuntime("js_str")}(${x}) for ${x} in ${expr(ctx, target).code}`]);
    }
    case "slice": {
      const [a, b] = args.map((x) => expr(ctx, x).code);
      return py(`${arr()}[${a ?? ""}:${b ?? ""}]`, Prec.Primary);
    }
    case "sort": {
      // xs.slice().sort(…) is sorted(xs); a sort that changes xs in place is a statement (statements.ts)
      const inner = unwrap(target);
      if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(unwrap(inner.expression)) && (unwrap(inner.expression) as ts.PropertyAccessExpression).name.text === "slice" && inner.arguments.length === 0) {
        return call("sorted", [expr(ctx, (unwrap(inner.expression) as ts.PropertyAccessExpression).expression).code, ...sortArguments(ctx, node)]);
      }
      return refuse(node, "sort() inside an expression", "sort a copy: xs.slice().sort((a, b) => a - b), or sort as a statement of its own");
    }
    case "includes": return py(`${operand(expr(ctx, args[0]), Prec.Compare + 1)} in ${operand(expr(ctx, target), Prec.Compare + 1)}`, Prec.Compare);
    case "concat": return py([expr(ctx, target), ...args.map((a) => expr(ctx, a))].map((e, i) => operand(e, i ? Prec.Add + 1 : Prec.Add)).join(" + "), Prec.Add);
    case "at": return py(`${arr()}[${expr(ctx, args[0]).code}]`, Prec.Primary);
    case "push": return refuse(node, "push() inside an expression", "push as a statement of its own: Python's append returns nothing");
    case "forEach": return refuse(node, "forEach() inside an expression", "write it as a statement of its own");
  }
  return refuse(node, `the array method ${method}()`, "use map, filter, flatMap, reduce, find, findIndex, some, every, join, slice, includes, concat, push, sort, forEach or a for loop");
}

/** The sort key arguments for a comparator: (a, b) => a - b ascends, b - a descends. */
export function sortArguments(ctx: Context, call: ts.CallExpression): string[] {
  const comparator = call.arguments[0];
  if (!comparator) return refuse(call, "sort() without a comparator", "JavaScript sorts as text; pass (a, b) => a - b");
  const fn = unwrap(comparator);
  const body = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? returnedExpression(fn) : undefined;
  if (body && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length === 2) {
    const b = unwrap(body);
    const [p, q] = fn.parameters.map((x) => x.name.getText());
    if (ts.isBinaryExpression(b) && b.operatorToken.kind === ts.SyntaxKind.MinusToken) {
      const l = unwrap(b.left).getText(), r = unwrap(b.right).getText();
      if (l === p && r === q) return [];
      if (l === q && r === p) return ["reverse=True"];
    }
  }
  ctx.useModule("functools");
  return [`key=functools.cmp_to_key(${expr(ctx, comparator).code})`];
}

/** A filter callback as a comprehension condition over the elements themselves. */
function filterParts(ctx: Context, target: ts.Expression, callback: ts.Expression): { clause: string; item: string; cond: string } {
  const fn = unwrap(callback);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length === 1 && ts.isIdentifier(fn.parameters[0].name) && isLambdaable(fn)) {
    const item = ctx.nameOf(fn.parameters[0].name);
    return { clause: `for ${item} in ${iterableOf(ctx, target)}`, item, cond: operand(condition(ctx, returnedExpression(fn)!), Prec.Or) };
  }
  const l = loopParts(ctx, target, callback);
  if (l.item.includes(",")) return refuse(callback, "a filter whose callback destructures its element", "name the element and read its parts inside");
  return { clause: l.clause, item: l.item, cond: operand(l.value, Prec.Or) };
}

function reduce(ctx: Context, node: ts.CallExpression, target: ts.Expression): Py {
  const [fnNode, init] = node.arguments;
  const fn = unwrap(fnNode);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length === 2 && isLambdaable(fn) && ts.isIdentifier(fn.parameters[0].name)) {
    const acc = fn.parameters[0].name.text;
    const body = unwrap(returnedExpression(fn)!);
    const usesAcc = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === acc) || !!ts.forEachChild(n, (c) => usesAcc(c) || undefined);
    // acc + f(x) and acc * f(x), with acc not otherwise used: Python's sum and math.prod add and multiply in the same order
    if (ts.isBinaryExpression(body) && init && ts.isIdentifier(unwrap(body.left)) && unwrap(body.left).getText() === acc && !usesAcc(body.right)) {
      const op = body.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.AsteriskToken) {
        const p1 = fn.parameters[1];
        const item = bindingTarget(ctx, p1.name, target, true);
        const term = expr(ctx, body.right).code;
        const iterable = iterableOf(ctx, target);
        const gen = term === item ? iterable : `(${term} for ${item} in ${iterable})`;
        const start = expr(ctx, init).code;
        if (op === ts.SyntaxKind.PlusToken) return call("sum", start === "0" && gen.startsWith("(") ? [gen.slice(1, -1)] : start === "0" ? [gen] : [gen, start]);
        ctx.useModule("math");
        return call("math.prod", start === "1" ? [gen] : [gen, `start=${start}`]);
      }
    }
  }
  ctx.useModule("functools");
  return call("functools.reduce", [ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? functionValue(ctx, fn).code : expr(ctx, fn).code, expr(ctx, target).code, ...(init ? [expr(ctx, init).code] : [])]);
}

function stringMethod(ctx: Context, node: ts.CallExpression, method: string, target: ts.Expression): Py {
  const s = () => operand(expr(ctx, target), Prec.Primary);
  const a = node.arguments.map((x) => expr(ctx, x).code);
  switch (method) {
    case "padEnd": return call(`${s()}.ljust`, a);
    case "padStart": return call(`${s()}.rjust`, a);
    case "startsWith": return call(`${s()}.startswith`, a);
    case "endsWith": return call(`${s()}.endswith`, a);
    case "toUpperCase": return call(`${s()}.upper`, []);
    case "toLowerCase": return call(`${s()}.lower`, []);
    case "trim": return call(`${s()}.strip`, []);
    case "trimEnd": return call(`${s()}.rstrip`, []);
    case "trimStart": return call(`${s()}.lstrip`, []);
    case "split": return a[0] === '""' || a[0] === "''" ? call("list", [expr(ctx, target).code]) : call(`${s()}.split`, a);
    case "includes": return py(`${a[0]} in ${s()}`, Prec.Compare);
    case "repeat": return py(`${s()} * ${a[0]}`, Prec.Mul);
    case "slice": return py(`${s()}[${a[0] ?? ""}:${a[1] ?? ""}]`, Prec.Primary);
    case "charAt": return py(`${s()}[${a[0]}]`, Prec.Primary);
    case "replaceAll": return call(`${s()}.replace`, a);
    case "replace": {
      if (!ts.isStringLiteralLike(unwrap(node.arguments[0]))) return refuse(node.arguments[0], "replace() with a pattern", "replace a plain string");
      return call(`${s()}.replace`, [...a, "1"]);
    }
    case "toString": return expr(ctx, target);
  }
  return refuse(node, `the string method ${method}()`, "use padStart, padEnd, startsWith, endsWith, includes, slice, split, replace, repeat, trim or the case methods");
}

function numberMethod(ctx: Context, node: ts.CallExpression, method: string, target: ts.Expression): Py {
  const x = expr(ctx, target).code;
  const a = node.arguments.map((y) => expr(ctx, y).code);
  switch (method) {
    case "toFixed": return call(ctx.useRuntime("to_fixed"), [x, a[0] ?? "0"]);
    case "toExponential":
      if (!a.length) return refuse(node, "toExponential() without a digit count", "give the number of digits: x.toExponential(3)");
      return call(ctx.useRuntime("to_exponential"), [x, a[0]]);
    case "toString":
      if (a.length) return refuse(node, "toString with a radix", "format the number with toFixed or String(x)");
      return call(ctx.useRuntime("js_str"), [x]);
    case "toLocaleString": return call(ctx.useRuntime("to_locale_string"), [x]);
  }
  return refuse(node, `the number method ${method}()`, "use toFixed, toExponential, toLocaleString or String(x)");
}

function mapMethod(ctx: Context, node: ts.CallExpression, method: string, target: ts.Expression): Py {
  const m = operand(expr(ctx, target), Prec.Primary);
  const [k] = node.arguments;
  switch (method) {
    case "get": return py(`${m}[${mapKey(ctx, target, k)}]`, Prec.Primary);
    case "has": return py(`${mapKey(ctx, target, k)} in ${m}`, Prec.Compare);
    case "set": return refuse(node, "set() inside an expression", "set as a statement of its own");
  }
  if (objectKeyed(ctx.types.mapKeyKind(target))) return refuse(node, `${method}() of a Map keyed by objects`, "keep the objects in an array beside the Map");
  if (method === "keys") return call("list", [m]);
  if (method === "values") return call("list", [`${m}.values()`]);
  if (method === "entries") return call("list", [`${m}.items()`]);
  return refuse(node, `the Map method ${method}()`, "use get, set, has, keys, values or entries");
}
