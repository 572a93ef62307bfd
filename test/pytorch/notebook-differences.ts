// A whole notebook against its PyTorch export: the code cells taken one for one, each cell's
// differences under its title.
import * as assert from "assert";
import { CodeCell, Notebook } from "../../kernel/format";
import { cellOutputs } from "./cell-outputs";
import { cellDifferences } from "./compare";
import { KnownDifference } from "./known-differences";
import { CellDifferences, unexplained } from "./unexplained";

export const codeCells = (nb: Notebook) => nb.cells.filter((c): c is CodeCell => c.kind === "code");
const cellTitle = (c: CodeCell, i: number) => c.metadata.title ?? `code cell ${i + 1}`;

export function notebookDifferences(ours: Notebook, python: Notebook): CellDifferences[] {
  const a = codeCells(ours), b = codeCells(python);
  assert.strictEqual(b.length, a.length, `the exported notebook has ${b.length} code cells, the source ${a.length}: the comparison takes them one for one`);
  return a.map((cell, i) => ({
    cell: cellTitle(cell, i),
    differences: cellDifferences(cellOutputs(cell.outputs), cellOutputs(b[i].outputs), cell.metadata.volatile === true),
  }));
}

/** What fails the suite for one notebook: its differences the table does not explain, and the
 * table's entries for it that no longer occur. `name` is the file name without its extension. */
export function notebookProblems(name: string, ours: Notebook, python: Notebook, table: KnownDifference[]): string[] {
  return unexplained(name, notebookDifferences(ours, python), table);
}
