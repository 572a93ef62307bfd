// Turns the converter's JavaScript for a cell into the source of the function the kernel calls
// with the cell's `exports` and `require`, and keeps the table from its lines to the cell's.
//
// A cell that uses `async` or `await` has its async functions rewritten as generators driven by
// promise reactions (TypeScript's own ES2016 transform). The code after an `await` then resumes
// through `.then`, which the kernel wraps (cell_tasks.ts): it runs where an interrupt can stop it,
// as the cell it belongs to, and never again once that cell was cancelled. A native `await`
// would resume inside V8, out of the kernel's reach.
import * as ts from "@tslab/typescript-for-tslab";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

export interface CellFunction {
  /** A script whose value is `function (exports, require)`, async when the cell awaits at top level. */
  code: string;
  /** The cell line of each line of `code` (0 where none). */
  lineTable: number[];
}

const USES_ASYNC = /\b(async|await)\b/;

export function cellFunction(output: string, hasToplevelAwait: boolean, lineTable: number[]): CellFunction {
  // the wrapper shares the output's first line, so output line i is wrapper line i
  const wrapper = `(${hasToplevelAwait ? "async " : ""}function (exports, require) { ${output}\n})`;
  if (!hasToplevelAwait && !USES_ASYNC.test(output)) return { code: wrapper, lineTable };
  const source = `var __actnb_cell__ = ${wrapper};`;
  const down = ts.transpileModule(source, {
    fileName: "cell.js",
    compilerOptions: {
      target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.None, sourceMap: true,
      useDefineForClassFields: true, removeComments: false, newLine: ts.NewLineKind.LineFeed,
    },
  });
  const text = down.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, "");
  // helpers (__awaiter, ...) stay local to the cell instead of becoming globals
  const code = `(function () {\n${text}\nreturn __actnb_cell__;\n})()`;
  const trace = new TraceMap(down.sourceMapText!);
  const textLines = text.split("\n");
  const table = code.split("\n").map((_, i) => {
    const line = i; // code line i + 1 is text line i (one line of prefix)
    const content = textLines[line - 1];
    if (content === undefined) return 0;
    for (let col = 0; col <= content.length; col++) {
      const pos = originalPositionFor(trace, { line, column: col });
      if (pos.line !== null) return lineTable[pos.line - 1] ?? 0;
    }
    return 0;
  });
  // an unmapped line belongs to the statement above it
  for (let i = 1; i < table.length; i++) if (!table[i]) table[i] = table[i - 1];
  return { code, lineTable: table };
}
