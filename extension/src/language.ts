// Language support in cells from the kernel's TypeScript view of the notebook: completions with
// their declarations and docs, hovers, signature help while typing a call, go-to-definition
// (into the engine's typings) and type-error squiggles before running. The view is the cells
// above, top to bottom, so a cell can be checked before anything ran. Only notebooks on the
// Activation Kernel get them (selection.ts): .actnb, and .ipynb while it is selected there.
import * as vscode from "vscode";
import type { Queries } from "../../kernel/executor/protocol";
import { KernelManager } from "./kernels";
import { KernelSelection } from "./selection";
import { NOTEBOOK_TYPE } from "./serializer";
import { docMarkdown, symbolMarkdown } from "./symbol_markdown";

const SELECTOR: vscode.DocumentSelector = [
  { notebookType: NOTEBOOK_TYPE, language: "typescript" },
  { notebookType: "jupyter-notebook", language: "typescript" },
];

/** The compiler's kinds of completion (ts.ScriptElementKind) as the editor's. */
const KINDS: Record<string, vscode.CompletionItemKind> = {
  function: vscode.CompletionItemKind.Function, "local function": vscode.CompletionItemKind.Function,
  method: vscode.CompletionItemKind.Method, constructor: vscode.CompletionItemKind.Constructor,
  class: vscode.CompletionItemKind.Class, "local class": vscode.CompletionItemKind.Class,
  interface: vscode.CompletionItemKind.Interface, type: vscode.CompletionItemKind.TypeParameter,
  enum: vscode.CompletionItemKind.Enum, "enum member": vscode.CompletionItemKind.EnumMember,
  module: vscode.CompletionItemKind.Module, alias: vscode.CompletionItemKind.Reference,
  property: vscode.CompletionItemKind.Property, getter: vscode.CompletionItemKind.Property, setter: vscode.CompletionItemKind.Property,
  const: vscode.CompletionItemKind.Constant, keyword: vscode.CompletionItemKind.Keyword,
};

interface CellQuery { nb: vscode.NotebookDocument; code: string; offset: number; context: string[] }

/** A completion whose declaration and docs are fetched when the editor shows it (resolve). */
class KernelCompletionItem extends vscode.CompletionItem {
  constructor(name: string, kind: string, readonly query: CellQuery) {
    super(name, KINDS[kind] ?? vscode.CompletionItemKind.Variable);
  }
}

function locate(doc: vscode.TextDocument): { nb: vscode.NotebookDocument; context: string[] } | undefined {
  for (const nb of vscode.workspace.notebookDocuments) {
    const cells = nb.getCells();
    const at = cells.findIndex((c) => c.document === doc);
    if (at < 0) continue;
    const context = cells.slice(0, at).filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === "typescript").map((c) => c.document.getText());
    return { nb, context };
  }
  return undefined;
}

/**
 * The kernel's type errors as squiggles. The converter reports each line of a compiler message
 * as an error of its own, all on the same range ("No overload matches this call.", then what
 * each overload objected to); one squiggle per range carries them together, as tsc prints them.
 */
function squiggles(found: Queries["diagnose"]["reply"]): vscode.Diagnostic[] {
  const byRange = new Map<string, vscode.Diagnostic>();
  for (const d of found) {
    const key = [d.line, d.column, d.endLine, d.endColumn].join(":");
    const same = byRange.get(key);
    if (same) { same.message += `\n${d.message}`; continue; }
    const range = new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
    byRange.set(key, Object.assign(new vscode.Diagnostic(range, d.message, vscode.DiagnosticSeverity.Error), { source: "ts", code: d.code }));
  }
  return [...byRange.values()];
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, kernels: KernelManager, selection: KernelSelection): void {
  const diagnostics = vscode.languages.createDiagnosticCollection("actnb");
  const usable = (nb: vscode.NotebookDocument) => vscode.workspace.isTrusted && selection.runsOnActivationKernel(nb);
  /** The cell at `position` with the cells above it, when its notebook is on the Activation Kernel. */
  const query = (doc: vscode.TextDocument, position: vscode.Position): CellQuery | undefined => {
    const where = locate(doc);
    if (!where || !usable(where.nb)) return undefined;
    return { nb: where.nb, code: doc.getText(), offset: doc.offsetAt(position), context: where.context };
  };

  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      async provideCompletionItems(doc, position) {
        const q = query(doc, position);
        if (!q) return undefined;
        const c = await kernels.get(q.nb).complete(q.code, q.offset, q.context);
        const range = new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end));
        return c.candidates.map((name, i) => Object.assign(new KernelCompletionItem(name, c.kinds[i], q), { range }));
      },
      // one request per candidate the editor shows, not one per candidate offered (hundreds)
      async resolveCompletionItem(item) {
        if (!(item instanceof KernelCompletionItem)) return item;
        const { nb, code, offset, context } = item.query;
        const details = await kernels.get(nb).completionDetails(code, offset, item.label.toString(), context);
        if (!details) return item;
        item.detail = details.signature;
        item.documentation = docMarkdown(details.documentation, details.tags);
        return item;
      },
    }, "."),
    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(doc, position) {
        const q = query(doc, position);
        if (!q) return undefined;
        const info = await kernels.get(q.nb).inspect(q.code, q.offset, q.context);
        return info ? new vscode.Hover(symbolMarkdown(info.signature, info.documentation, info.tags)) : undefined;
      },
    }),
    vscode.languages.registerSignatureHelpProvider(SELECTOR, {
      async provideSignatureHelp(doc, position) {
        const q = query(doc, position);
        if (!q) return undefined;
        const found = await kernels.get(q.nb).signatureHelp(q.code, q.offset, q.context);
        if (!found) return undefined;
        const help = new vscode.SignatureHelp();
        help.signatures = found.signatures.map((s) => {
          const info = new vscode.SignatureInformation(s.label, docMarkdown(s.documentation, s.tags));
          info.parameters = s.parameters.map((p) => new vscode.ParameterInformation(p.offsets, p.documentation ? new vscode.MarkdownString(p.documentation) : undefined));
          return info;
        });
        help.activeSignature = found.activeSignature;
        help.activeParameter = found.activeParameter;
        return help;
      },
    }, { triggerCharacters: ["(", ","], retriggerCharacters: [")"] }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(doc, position) {
        const q = query(doc, position);
        if (!q) return undefined;
        const found = await kernels.get(q.nb).definition(q.code, q.offset, q.context);
        return found.map((d) => new vscode.Location(d.file === null ? doc.uri : vscode.Uri.file(d.file), new vscode.Range(d.line, d.character, d.endLine, d.endCharacter)));
      },
    }),
  );

  const timers = new Map<string, NodeJS.Timeout>();
  const check = (doc: vscode.TextDocument) => {
    const where = locate(doc);
    if (!where || doc.languageId !== "typescript") return;
    if (!usable(where.nb)) {
      diagnostics.delete(doc.uri); // e.g. the notebook moved to another kernel
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(async () => {
      try {
        const found = await kernels.get(where.nb).diagnose(doc.getText(), where.context);
        if (!usable(where.nb)) return;
        diagnostics.set(doc.uri, squiggles(found));
      } catch {
        // the kernel went away (restart, shutdown): the next edit checks again
      }
    }, 400));
  };
  const checkAll = (nb: vscode.NotebookDocument) => nb.getCells().forEach((c) => check(c.document));
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidOpenNotebookDocument(checkAll),
    selection.onDidChange(checkAll),
    vscode.workspace.onDidCloseNotebookDocument((nb) => nb.getCells().forEach((c) => diagnostics.delete(c.document.uri))),
  );
}
