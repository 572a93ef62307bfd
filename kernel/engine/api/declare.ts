// Writes a signature (signature.ts) as TypeScript overloads with doc comments, for the published
// typings: PyTorch's positional order, and a trailing options object naming the parameters not
// given positionally (F.leaky_relu(x, 0.2), F.leaky_relu(x, { negative_slope: 0.2 }),
// nn.Conv2d(1, 8, 3, { padding: 1 })), each parameter documented with its default.
import { Signature, SignatureParam } from "./signature";

/** A torch function's signature as its Tensor method's: without the input (self) and out=. */
export function asMethod(sig: Signature): Signature {
  return { params: sig.params.slice(1).filter((p) => p.name !== "out"), returns: sig.returns };
}

export interface ApiDoc {
  /** One sentence: what it computes or is. */
  summary: string;
  /** For activations: the formula in Unicode, readable in a hover. */
  formula?: string;
  /** What each parameter is (by name); the default is added from the signature. */
  params: Readonly<Record<string, string>>;
  /** A few lines of TypeScript, with what they print as comments. */
  example: string;
  /** PyTorch's name for it: torch.nn.functional.leaky_relu, torch.Tensor.sum, torch.nn.Linear. */
  pytorch: string;
  /**
   * How many leading parameters can only be given positionally (those the implementation takes
   * off before binding the rest by name: F.conv2d's input). The required ones after them may be
   * named too, as Python allows: new nn.MaxPool2d({ kernel_size: 2 }). Without it, every required
   * parameter is positional only.
   */
  positional?: number;
}

/** How the overloads are written: `name(...)` (a method), `(...)` (a call signature), `new (...)`, `export function name(...)`. */
export type OverloadForm = { kind: "method"; name: string } | { kind: "call" } | { kind: "construct" } | { kind: "constructor" } | { kind: "function"; name: string };

const shown = (v: unknown): string => (v === null ? "`null` (Python's None)" : `\`${typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v)}\``);
const described = (doc: ApiDoc, p: SignatureParam, where: string): string => {
  const text = doc.params[p.name];
  if (text === undefined) throw new Error(`${where}: parameter '${p.name}' has no description`);
  return p.optional ? `${text} Default: ${shown(p.value)}.` : text;
};

/**
 * The options object with the given parameters, each optional unless required: documented
 * member by member (`{ /** doc *\/ a?: T; ... }`), or on one line where the callable's first
 * overload has documented them already.
 */
function optionsType(params: readonly SignatureParam[], doc: ApiDoc, where: string, indent: string, documented: boolean): string {
  const member = (p: SignatureParam) => `${p.name}${p.optional ? "?" : ""}: ${p.type};`;
  if (!documented) return `{ ${params.map(member).join(" ")} }`;
  return `{\n${params.map((p) => `${indent}  /** ${described(doc, p, where)} */\n${indent}  ${member(p)}`).join("\n")}\n${indent}}`;
}

/**
 * How much an overload's comment says: all of it (the callable's first overload: hovers show
 * it), its parameters (each further signature's first form), or one line (the forms that only
 * move parameters into the options object, which signature help lists after the full one).
 */
type Detail = "full" | "params" | "line";

/** What a callable is: its summary, its formula (activations) and PyTorch's name for it. */
function headLines(doc: Pick<ApiDoc, "summary" | "formula" | "pytorch">): string[] {
  const lines = [doc.summary];
  if (doc.formula) lines.push("", ...doc.formula.split("\n").map((l) => `    ${l}`));
  // (as text: after a @see tag, TypeScript reads the first word as a symbol's name)
  lines.push("", `PyTorch: \`${doc.pytorch}\``);
  return lines;
}

const block = (lines: readonly string[], indent: string) => `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */`;

/** The doc comment of a declaration that holds overloads (F.gelu's const, torch.sum's property): what it is, not its parameters. */
export function headComment(doc: Pick<ApiDoc, "summary" | "formula" | "pytorch">, indent = ""): string {
  return block(headLines(doc), indent);
}

function comment(doc: ApiDoc, documented: readonly SignatureParam[], options: readonly SignatureParam[] | null, where: string, indent: string, detail: Detail): string {
  const names = (ps: readonly SignatureParam[]) => ps.map((p) => `\`${p.name}\``).join(", ");
  const named = options ? `PyTorch's keyword arguments, by name: ${names(options)}.` : "";
  if (detail === "line") return `${indent}/** ${doc.summary}${options ? ` Positionally: ${names(documented) || "nothing"}; by name: ${names(options)}.` : ""} */`;
  const lines = detail === "full" ? headLines(doc) : [doc.summary];
  lines.push("");
  for (const p of documented) lines.push(`@param ${p.name} ${described(doc, p, where)}`);
  if (options) lines.push(`@param options ${named}`);
  if (detail === "full") lines.push("@example", "```ts", ...doc.example.split("\n"), "```");
  return block(lines, indent);
}

function head(form: OverloadForm): string {
  switch (form.kind) {
    case "method": return form.name;
    case "call": return "";
    case "construct": return "new ";
    case "constructor": return "constructor";
    case "function": return `export function ${form.name}`;
  }
}

/**
 * Every overload of `signatures` in `form`, each with its doc comment. `leading` counts the
 * parameters before the ones a method or constructor would see (none for functions).
 */
export function declareOverloads(form: OverloadForm, signatures: readonly Signature[], doc: ApiDoc, where: string, indent = ""): string {
  const out: string[] = [];
  const returns = (sig: Signature) => (form.kind === "constructor" ? "" : `: ${sig.returns}`);
  let detail: Detail = "full";
  const write = (sig: Signature, params: readonly SignatureParam[], list: string[], options: readonly SignatureParam[] | null) => {
    out.push(comment(doc, params, options, where, indent, detail));
    out.push(`${indent}${head(form)}(${list.join(", ")})${returns(sig)};`);
    detail = "line";
  };
  const arg = (p: SignatureParam, optional: boolean) => `${p.name}${optional ? "?" : ""}: ${p.type}`;
  signatures.forEach((sig, i) => {
    if (i > 0) detail = "params";
    const positional = sig.params.filter((p) => !p.keywordOnly);
    const keywordOnly = sig.params.filter((p) => p.keywordOnly);
    const kwRequired = keywordOnly.some((p) => !p.optional);
    // (read when the overload is written: documented member by member in the first one only)
    const options = (params: readonly SignatureParam[]) => optionsType(params, doc, where, indent, detail !== "line");
    const opts = (params: readonly SignatureParam[], required: boolean) => `options${required ? "" : "?"}: ${options(params)}`;
    const variadic = positional.findIndex((p) => p.variadic);
    if (variadic >= 0) {
      // Python's *size: the sizes one by one, or as one array (then the rest may follow)
      const before = positional.slice(0, variadic), v = positional[variadic], after = positional.slice(variadic + 1);
      const named = [...after, ...keywordOnly];
      if (!kwRequired) write(sig, [...before, v], [...before.map((p) => arg(p, false)), `...${v.name}: ${v.type}[]`], null);
      if (named.length) write(sig, [...before, v], [...before.map((p) => arg(p, false)), `...args: [...${v.name}: ${v.type}[], options: ${options(named)}]`], named);
      write(sig, [...before, v, ...after], [...before.map((p) => arg(p, false)), `${v.name}: ${v.type}[]`, ...after.map((p) => arg(p, true)), ...(keywordOnly.length ? [opts(keywordOnly, kwRequired)] : [])], keywordOnly.length ? keywordOnly : null);
      return;
    }
    // everything positionally (keyword-only ones still by name; when one of those is required,
    // its options object is too, and so every positional one before it: the shorter forms follow)
    write(sig, positional, [...positional.map((p) => arg(p, p.optional && !kwRequired)), ...(keywordOnly.length ? [opts(keywordOnly, kwRequired)] : [])], keywordOnly.length ? keywordOnly : null);
    // the first k positionally, the rest by name (the options object required if it holds a required one)
    const required = positional.filter((p) => !p.optional).length;
    for (let k = Math.min(doc.positional ?? required, required); k < positional.length; k++) {
      const named = [...positional.slice(k), ...keywordOnly];
      write(sig, positional.slice(0, k), [...positional.slice(0, k).map((p) => arg(p, false)), opts(named, named.some((p) => !p.optional))], named);
    }
  });
  return out.join("\n");
}
