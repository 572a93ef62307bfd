// The notebook's comments come along: `// why` above a statement becomes `# why`, one at the end
// of a line stays at the end of the line, and a blank line between statements stays.
import * as ts from "@tslab/typescript-for-tslab";

function commentText(text: string): string[] {
  if (text.startsWith("//")) return [`#${text.slice(2).replace(/^(?=\S)/, " ")}`];
  // /* … */ and /** … */: each line, without the stars
  return text
    .replace(/^\/\*\*?/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, "").trimEnd())
    .filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1))
    .map((l) => (l ? `# ${l.trim()}` : "#"));
}

export function comments(file: ts.SourceFile, s: ts.Statement, previous: ts.Statement | undefined): { before: string[]; after: string } {
  const text = file.text;
  const before: string[] = [];
  // a doc comment on a function is its docstring (statements.ts)
  const isDocumented = ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1 && !!s.declarationList.declarations[0].initializer && ts.isArrowFunction(s.declarationList.declarations[0].initializer));
  const leading = ts.getLeadingCommentRanges(text, s.pos) ?? [];
  const gapStart = previous ? previous.end : s.pos;
  const trailingOfPrevious = new Set((previous ? ts.getTrailingCommentRanges(text, previous.end) ?? [] : []).map((c) => c.pos));
  if (previous && /\n[ \t]*\r?\n/.test(text.slice(gapStart, leading.find((c) => !trailingOfPrevious.has(c.pos))?.pos ?? s.getStart()))) before.push("");
  for (const c of leading) {
    if (trailingOfPrevious.has(c.pos)) continue;
    const t = text.slice(c.pos, c.end);
    if (isDocumented && t.startsWith("/**")) continue;
    before.push(...commentText(t));
  }
  const trailing = ts.getTrailingCommentRanges(text, s.end) ?? [];
  const after = trailing.map((c) => commentText(text.slice(c.pos, c.end)).join(" ")).join(" ");
  return { before, after: after ? `  ${after}` : "" };
}
