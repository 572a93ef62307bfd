// A symbol's declaration and doc comment as hovers, completion details and signature help show
// them: the doc text, then its tags the way VS Code's own TypeScript support shows them
// (`@param` with the parameter's name in code, `@example` as a TypeScript code block).
import * as vscode from "vscode";
import type { DocTag } from "../../kernel/executor/language_info";

function tagMarkdown(tag: DocTag): string {
  if (tag.name === "example") {
    // an example that brings its own fences (or a caption) is Markdown already
    return tag.text.includes("```") ? `*@example*\n\n${tag.text}` : `*@example*\n\n\`\`\`typescript\n${tag.text}\n\`\`\``;
  }
  if (tag.name === "param" || tag.name === "arg" || tag.name === "argument") {
    const [, name, rest] = /^(\S+)\s*([\s\S]*)$/.exec(tag.text) ?? [];
    return name ? `*@${tag.name}* \`${name}\`${rest ? ` — ${rest}` : ""}` : `*@${tag.name}*`;
  }
  return `*@${tag.name}*${tag.text ? ` — ${tag.text}` : ""}`;
}

/** The doc comment (text and tags) as Markdown. */
export function docMarkdown(documentation: string, tags: DocTag[]): vscode.MarkdownString {
  const parts = [documentation, ...tags.map(tagMarkdown)].filter((p) => p.trim() !== "");
  return new vscode.MarkdownString(parts.join("\n\n"));
}

/** The declaration as a TypeScript code block, then its doc comment. */
export function symbolMarkdown(signature: string, documentation: string, tags: DocTag[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString().appendCodeblock(signature, "typescript");
  const doc = docMarkdown(documentation, tags).value;
  if (doc) md.appendMarkdown(`\n\n${doc}`);
  return md;
}
