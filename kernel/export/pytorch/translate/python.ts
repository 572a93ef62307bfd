// Python source text: expressions carry their precedence so parentheses appear only where
// Python needs them; names avoid Python's keywords and the builtins the translation calls.

/** Python's operator precedence, loosest first (the language reference's table). */
export const enum Prec {
  Lambda = 1,
  Conditional,
  Or,
  And,
  Not,
  Compare,
  BitOr,
  BitXor,
  BitAnd,
  Shift,
  Add,
  Mul,
  Unary,
  Power,
  Primary,
  Atom,
}

export interface Py {
  code: string;
  prec: Prec;
}

export const py = (code: string, prec: Prec = Prec.Atom): Py => ({ code, prec });

/** `e` as an operand that binds at least as tightly as `min`. */
export const operand = (e: Py, min: Prec): string => (e.prec < min ? `(${e.code})` : e.code);

/** A Python string literal for `s`, in `quote`s. */
export function pyString(s: string, quote: '"' | "'" = '"'): string {
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

export const PYTHON_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield", "match", "case", "print", "exec",
]);

/** Builtins and modules the translation itself calls: a user's name must not hide them. */
export const RESERVED_NAMES = new Set([
  "abs", "all", "any", "dict", "enumerate", "float", "functools", "id", "int", "isinstance", "iter", "json", "len", "list", "math",
  "max", "min", "next", "range", "reversed", "round", "self", "sorted", "str", "sum", "super", "sys", "time", "tuple", "zip", "object",
  "Exception", "RuntimeError", "ValueError", "TypeError",
  "torch", "nn", "F", "optim", "torchvision", "display",
  // actnb_pytorch's own (plot, markdown, … are the same names as actnb's, so they stay free)
  "js_str", "to_fixed", "to_exponential", "to_locale_string", "console_table", "js_log", "display_bundle", "torchvision_root", "iterator_result", "Record",
]);

/** camelCase → snake_case for a variable or function name (PascalCase and ALL_CAPS stay). */
export function snakeCase(name: string): string {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name) || !/[A-Z]/.test(name)) return name;
  return name.replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a}_${b.toLowerCase()}`).replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

export const indentLines = (lines: readonly string[], by = "    "): string[] => lines.map((l) => (l === "" ? "" : by + l));
