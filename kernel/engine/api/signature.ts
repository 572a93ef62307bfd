// PyTorch signatures written once, as text in TypeScript's syntax with Python's defaults and its
// `*` (what follows may only be named): "(input: Tensor, dim: number = 0, *, out: Tensor | null = null): Tensor".
// The same parsed text gives the runtime binder its parameter names and defaults (args.ts) and
// the published typings their overloads and doc comments (declare.ts, from the generators).

export interface SignatureParam {
  name: string;
  /** The parameter's TypeScript type, as written. */
  type: string;
  /** Whether it has a default (then `value` is it); without one it is required. */
  optional: boolean;
  value?: unknown;
  /** After `*`: only by name, in the trailing options object. */
  keywordOnly: boolean;
  /** Python's `*size`: any number of these positionally, or one array. */
  variadic: boolean;
}

export interface Signature {
  params: SignatureParam[];
  returns: string;
}

/** Splits at the commas that are not inside brackets, braces, parentheses, angle brackets or quotes. */
export function splitTopLevel(text: string, separator = ","): string[] {
  const parts: string[] = [];
  let depth = 0, quote = "", start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote && text[i - 1] !== "\\") quote = ""; continue; }
    if (c === '"' || c === "'") quote = c;
    else if ("([{<".includes(c)) depth++;
    else if (")]}".includes(c) || (c === ">" && text[i - 1] !== "=")) depth--;
    else if (c === separator && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** A default as written: JSON, or Infinity / -Infinity. */
function literal(text: string, where: string): unknown {
  if (text === "Infinity") return Infinity;
  if (text === "-Infinity") return -Infinity;
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError(`${where}: the default ${text} is not a literal (JSON, Infinity or -Infinity)`);
  }
}

/** Parses "(a: T, b: U = 1, *, c: V = null): R"; `where` names it in errors. */
export function parseSignature(text: string, where: string): Signature {
  const m = /^\((.*)\)\s*:\s*(.+)$/s.exec(text.trim());
  if (!m) throw new SyntaxError(`${where}: a signature is "(params): returns", not ${JSON.stringify(text)}`);
  const params: SignatureParam[] = [];
  let keywordOnly = false;
  for (const part of splitTopLevel(m[1])) {
    if (part === "*") { keywordOnly = true; continue; }
    const p = /^(\.\.\.)?(\w+)\s*:\s*(.+)$/s.exec(part);
    if (!p) throw new SyntaxError(`${where}: cannot read the parameter ${JSON.stringify(part)}`);
    const [typeText, ...rest] = splitTopLevel(p[3], "=");
    const hasDefault = rest.length > 0;
    const param: SignatureParam = { name: p[2], type: typeText, optional: hasDefault, keywordOnly, variadic: p[1] !== undefined };
    if (hasDefault) param.value = literal(rest.join("=").trim(), `${where}, ${p[2]}`);
    if (params.some((q) => q.name === param.name)) throw new SyntaxError(`${where}: two parameters are named ${param.name}`);
    params.push(param);
  }
  const positional = params.filter((q) => !q.keywordOnly);
  const firstOptional = positional.findIndex((q) => q.optional);
  if (firstOptional >= 0 && positional.slice(firstOptional).some((q) => !q.optional && !q.variadic)) {
    throw new SyntaxError(`${where}: a required parameter follows one with a default`);
  }
  return { params, returns: m[2].trim() };
}

/**
 * The binder's view (bindArgs in args.ts): each positional-or-keyword parameter after the
 * leading ones, with its default (undefined: required), and the keyword-only ones.
 */
export function bindingSpec(sig: Signature, leading: number): { spec: Record<string, unknown>; keywordOnly: Record<string, unknown> } {
  const spec: Record<string, unknown> = {}, keywordOnly: Record<string, unknown> = {};
  sig.params.forEach((p, i) => {
    if (i < leading) return;
    (p.keywordOnly ? keywordOnly : spec)[p.name] = p.optional ? p.value : undefined;
  });
  return { spec, keywordOnly };
}
