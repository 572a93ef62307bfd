// An activation's LaTeX definition as short plain text for a quick pick's description line:
// "\mathrm{ReLU}(x) = \max(0, x)" → "max(0, x)". Covers the LaTeX the definitions use (names,
// Greek letters, \frac, \sqrt, powers, indices, sums, cases, spacing); anything unknown keeps its
// name without the backslash. Pure: no vscode.

const SYMBOLS: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", lambda: "λ", mu: "μ", sigma: "σ",
  tau: "τ", theta: "θ", phi: "φ", Phi: "Φ", pi: "π", omega: "ω",
  le: "≤", leq: "≤", ge: "≥", geq: "≥", approx: "≈", ne: "≠", neq: "≠", cdot: "·", times: "×", infty: "∞",
  in: "∈", to: "→",
};
/** Function names written \max, \log... */
const NAMES = new Set(["max", "min", "log", "exp", "tanh", "sinh", "cosh", "sin", "cos", "erf", "sgn"]);
/** Sizing and grouping commands that only wrap the next delimiter. */
const SIZERS = new Set(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"]);
/** Spacing commands. */
const SPACES = new Set([",", ";", ":", "!", " ", "quad", "qquad"]);

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean { return this.i >= this.s.length; }
  peek(): string { return this.s[this.i] ?? ""; }
  skipSpaces(): void { while (this.peek() === " ") this.i++; }
}

/**
 * Whether a plain string is one factor that needs no parentheses as a numerator, a denominator or
 * an exponent: no spaces and no operators outside parentheses ("x", "√2", "e^(x_i)", "max(0, x)").
 */
function atomic(s: string): boolean {
  if (s === "" || s.startsWith("-")) return false;
  let depth = 0;
  for (const c of s) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && /[\s+\-/*·,=<>≤≥]/u.test(c)) return false;
  }
  return depth === 0;
}

const wrap = (s: string) => (atomic(s) ? s : `(${s})`);

function readCommand(r: Reader): string {
  r.i++; // backslash
  const c = r.peek();
  if (!/[A-Za-z]/.test(c)) { r.i++; return c; }
  const start = r.i;
  while (/[A-Za-z]/.test(r.peek())) r.i++;
  return r.s.slice(start, r.i);
}

/** The next argument: a {group} or a single token. */
function readArgument(r: Reader): string {
  r.skipSpaces();
  if (r.peek() === "{") {
    r.i++;
    const out = readUntil(r, "}");
    r.i++;
    return out;
  }
  if (r.peek() === "\\") return convertCommand(r, readCommand(r)) ?? "";
  const c = r.peek();
  r.i++;
  return c;
}

/** Text up to an environment's end: rows split by \\ and columns by &. */
function readCases(r: Reader): string {
  const body: string[] = [];
  let depth = 0;
  const start = r.i;
  while (!r.done) {
    if (r.s.startsWith("\\begin{", r.i)) depth++;
    if (r.s.startsWith("\\end{", r.i)) {
      if (depth === 0) break;
      depth--;
    }
    r.i++;
  }
  body.push(r.s.slice(start, r.i));
  if (!r.done) { readCommand(r); readArgument(r); }
  const rows = body[0].split("\\\\").map((row) => row.split("&").map((cell) => latexToPlainExpression(cell)));
  return `{${rows.map(([value, condition]) => (condition ? `${value} if ${condition}` : value)).join("; ")}}`;
}

/** A command's plain text; frac returns a marker handled by the caller for adjacency. */
function convertCommand(r: Reader, name: string): string | undefined {
  if (SPACES.has(name)) return " ";
  if (name in SYMBOLS) return SYMBOLS[name];
  if (NAMES.has(name)) return name;
  if (SIZERS.has(name)) return "";
  switch (name) {
    case "mathrm": case "operatorname": case "mathit": case "mathbf": case "text": case "textrm": case "mathsf":
      return readArgument(r);
    case "frac": case "dfrac": case "tfrac": {
      const num = latexToPlainExpression(readArgument(r));
      const den = latexToPlainExpression(readArgument(r));
      return `\u0000${wrap(num)}/${wrap(den)}\u0001`;
    }
    case "sqrt": return `√${wrap(latexToPlainExpression(readArgument(r)))}`;
    case "sum": return "Σ";
    case "prod": return "Π";
    case "begin": readArgument(r); return readCases(r);
    case "end": readArgument(r); return "";
    case "{": return "{";
    case "}": return "}";
    case "|": return "‖";
    default: return name;
  }
}

function readUntil(r: Reader, stop: string): string {
  let out = "";
  let depth = 0;
  while (!r.done) {
    const c = r.peek();
    if (c === stop && depth === 0) break;
    if (c === "{") { depth++; r.i++; out += "{"; continue; }
    if (c === "}") { depth--; r.i++; out += "}"; continue; }
    out += r.s[r.i++];
  }
  return out;
}

/** Converts LaTeX math to plain text (without splitting at "="). */
export function latexToPlainExpression(latex: string): string {
  const r = new Reader(latex);
  let out = "";
  while (!r.done) {
    const c = r.peek();
    if (c === "\\") {
      const name = readCommand(r);
      const text = convertCommand(r, name) ?? "";
      // a name directly followed by a letter needs a space (\alpha x → "α x", \log x)
      if (/^[\p{L}]+$/u.test(text) && /[\p{L}]/u.test(r.peek())) out += `${text} `;
      else out += text;
      continue;
    }
    if (c === "^" || c === "_") {
      r.i++;
      const arg = latexToPlainExpression(readArgument(r));
      out += c === "^" ? `^${arg.includes("_") ? `(${arg})` : wrap(arg)}` : `_${wrap(arg)}`;
      continue;
    }
    if (c === "{" || c === "}") { r.i++; continue; }
    out += c;
    r.i++;
  }
  return tidy(out);
}

/** Parenthesises a fraction that touches other factors (erf\frac{x}{2}, \frac{x}{2}(1 + ...)). */
function placeFractions(s: string): string {
  return s.replace(/(\S?)(\s*)\u0000([^\u0000\u0001]*)\u0001(\s*)(\S?)/gu, (_m, before: string, sp1: string, frac: string, sp2: string, after: string) => {
    const touchesBefore = before !== "" && /[\p{L}\p{N})]/u.test(before);
    const touchesAfter = after !== "" && /[\p{L}\p{N}(√Σ]/u.test(after);
    const body = touchesBefore || touchesAfter ? `(${frac})` : frac;
    return `${before}${sp1}${body}${sp2}${after}`;
  });
}

function tidy(s: string): string {
  let out = s;
  for (let i = 0; i < 4 && out.includes("\u0000"); i++) out = placeFractions(out);
  return out
    .replace(/[\u0000\u0001]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\( /g, "(")
    .replace(/ \)/g, ")")
    .replace(/ ,/g, ",")
    // function application: "log (…)" → "log(…)"
    .replace(new RegExp(`\\b(${[...NAMES].join("|")}) \\(`, "g"), "$1(")
    .trim();
}

/**
 * The right-hand side of an activation's definition as plain text: everything after the first
 * top-level "=" (the left side only repeats the name), e.g. "max(0, x)", "x Φ(x) = (x/2)(1 + erf(x/√2))".
 */
export function plainFormula(latex: string): string {
  const eq = topLevelEquals(latex);
  return latexToPlainExpression(eq < 0 ? latex : latex.slice(eq + 1));
}

function topLevelEquals(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "=" && depth === 0) return i;
  }
  return -1;
}
