// x.index(1, ":", "::2") is Python's x[1, :, ::2]: actnb spells Python's slices as strings.
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { refuse } from "./untranslatable";
import { expr, unwrap } from "./expressions";

const SLICE = /^\s*(-?\d*)\s*:\s*(-?\d*)\s*(?::\s*(-?\d*)\s*)?$/;

function sliceText(m: RegExpExecArray): string {
  const [, start, stop, step] = m;
  return step === undefined || step === "" ? `${start}:${stop}${step === "" ? ":" : ""}` : `${start}:${stop}:${step}`;
}

/** One index: a number or tensor as is, "…" strings as slices, null as None. */
function oneIndex(ctx: Context, node: ts.Expression): string[] {
  const e = unwrap(node);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    if (e.text.trim() === "...") return ["..."];
    const m = SLICE.exec(e.text);
    if (!m) return refuse(e, `the index "${e.text}"`, "use a number, a slice such as \"1:3\" or \"::2\", \"...\", null or a tensor");
    return [sliceText(m).replace(/^:$/, ":")];
  }
  if (ts.isTemplateExpression(e)) {
    // `${a}:${b}`: each substitution is one bound of the slice
    const pieces: string[] = [e.head.text];
    const values: string[] = [];
    for (const span of e.templateSpans) {
      values.push(expr(ctx, span.expression).code);
      pieces.push(span.literal.text);
    }
    let out = "";
    pieces.forEach((p, i) => {
      if (!/^[\s:]*$/.test(p)) refuse(e, "a template index with text between its values", "write the slice as `${start}:${stop}`");
      out += p.replace(/\s/g, "");
      if (i < values.length) out += values[i];
    });
    if (!out.includes(":")) return refuse(e, "a template index without a colon", "index with the number itself");
    return [out];
  }
  if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((x) => oneIndex(ctx, x));
  if (e.kind === ts.SyntaxKind.NullKeyword) return ["None"];
  const kind = ctx.types.kindOf(e);
  if (kind === "string") return refuse(e, "an index string computed at run time", "write the slice literally, or as `${start}:${stop}`");
  return [expr(ctx, e).code];
}

export function indexArguments(ctx: Context, call: ts.CallExpression): string {
  const parts = call.arguments.flatMap((a) => oneIndex(ctx, a));
  return parts.length ? parts.join(", ") : "()";
}
