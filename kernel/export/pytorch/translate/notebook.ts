// A notebook's code cells in Python, each cell on its own (markdown stays as it is). The imports
// the whole notebook needs go where the notebook imports actnb (or into a first cell of their own).
import * as ts from "@tslab/typescript-for-tslab";
import type { Notebook } from "../../../format";
import { Context } from "./context";
import { buildProgram } from "./program";
import { bodyLines } from "./statements";
import { importLines } from "./imports";
import { Refusal, UntranslatableError } from "./untranslatable";

export interface TranslatedCell {
  kind: "markdown" | "code" | "raw";
  source: string;
  /** The actnb cell's metadata (title, volatile), kept for the reader and the tests. */
  metadata: Record<string, unknown>;
  /** Its index among the notebook's cells; undefined for the imports cell the translation adds. */
  from?: number;
}

export interface TranslatedNotebook {
  cells: TranslatedCell[];
  /** Names the Python imports from the helper module (empty: no helper needed). */
  runtimeNames: string[];
}

/**
 * `script`: the cells run as one Python program, where a cell's last value is not shown by
 * itself; it is passed to display() (which prints its text outside Jupyter).
 */
export function translateNotebook(nb: Notebook, notebookDir: string, runtimeModule: string, script = false): TranslatedNotebook {
  const isRaw = (c: Notebook["cells"][number]) => c.kind === "code" && c.language === "raw";
  const code = nb.cells.map((c, index) => ({ c, index })).filter(({ c }) => c.kind === "code" && !isRaw(c));
  for (const { c, index } of code) {
    if (!/^(typescript|javascript|ts|js)$/i.test(c.language)) throw new UntranslatableError(index + 1, 1, 1, `a ${c.language} cell`, "only TypeScript and JavaScript cells translate", titleOf(c.metadata));
  }
  const program = buildProgram(code.map(({ c, index }) => ({ index, source: c.source })), notebookDir);
  const ctx = new Context(program.checker, program.file, script);
  const statementsByCell = new Map<number, ts.Statement[]>();
  for (const s of program.file.statements) {
    if (ts.isEmptyStatement(s)) continue;
    const span = program.cellAt(s.getStart());
    if (!statementsByCell.has(span.index)) statementsByCell.set(span.index, []);
    statementsByCell.get(span.index)!.push(s);
  }
  const firstImport = program.file.statements.find((s) => ts.isImportDeclaration(s));
  const importsCell = firstImport ? program.cellAt(firstImport.getStart()).index : undefined;
  const python = new Map<number, string[]>();
  for (const { c, index } of code) {
    try {
      python.set(index, bodyLines(ctx, statementsByCell.get(index) ?? [], true));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const span = program.cells.find((s) => s.index === index)!;
      const pos = Math.max(0, e.node.getStart?.() ?? span.start) - span.start;
      const before = c.source.slice(0, pos);
      const line = before.split("\n").length;
      const column = pos - (before.lastIndexOf("\n") + 1) + 1;
      throw new UntranslatableError(index + 1, line, column, e.construct, e.hint, titleOf(c.metadata));
    }
  }
  const imports = importLines(ctx, runtimeModule);
  const cells: TranslatedCell[] = [];
  if (importsCell === undefined && imports.length) cells.push({ kind: "code", source: imports.join("\n"), metadata: {} });
  nb.cells.forEach((c, index) => {
    const metadata = { ...c.metadata };
    if (c.kind === "markdown" || isRaw(c)) {
      cells.push({ kind: c.kind === "markdown" ? "markdown" : "raw", source: c.source, metadata, from: index });
      return;
    }
    const lines = python.get(index) ?? [];
    const all = index === importsCell ? [...imports, ...(lines.length ? [""] : []), ...dropLeadingBlank(lines)] : dropLeadingBlank(lines);
    cells.push({ kind: "code", source: all.join("\n"), metadata, from: index });
  });
  return { cells, runtimeNames: [...ctx.runtime] };
}

const titleOf = (m: Record<string, unknown> | undefined) => (typeof m?.title === "string" ? m.title : undefined);
const dropLeadingBlank = (lines: string[]) => { let i = 0; while (i < lines.length && lines[i] === "") i++; return lines.slice(i); };
