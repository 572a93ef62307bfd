// Maps lines of the JavaScript that tslab's converter emits for a cell back to the cell's own
// lines, so stack traces point at what the user wrote. The converter has no source maps, but
// a plain TypeScript transpile of the same cell emits the same statement text with one; lines
// are matched between the two outputs (longest common subsequence), then mapped through it.
import * as ts from "@tslab/typescript-for-tslab";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

export type LineMap = (generatedLine: number) => number | undefined;

function lcsPairs(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length, m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = a[i] === b[j] && a[i] !== "" ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j] && a[i] !== "") { pairs.push([i, j]); i++; j++; }
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Builds the map for one cell: 1-based generated line → 1-based cell line. */
export function buildLineMap(cellSource: string, generated: string): LineMap {
  const plain = ts.transpileModule(cellSource, {
    fileName: "cell.ts",
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, sourceMap: true, removeComments: false },
  });
  const trace = new TraceMap(plain.sourceMapText!);
  const plainLines = plain.outputText.split("\n");
  const genLines = generated.split("\n");
  const norm = (s: string) => s.trim();
  // the converter stores the cell's last expression in a variable; the plain transpile does not
  // and it reads earlier cells' variables through `exports.`
  const normGenerated = (s: string) => norm(s).replace(/^exports\.tsLastExpr = /, "").replace(/\bexports\./g, "");
  const plainToSource = (line: number): number | undefined => {
    // the first mapped column of the line
    const text = plainLines[line - 1] ?? "";
    for (let col = 0; col <= text.length; col++) {
      const pos = originalPositionFor(trace, { line, column: col });
      if (pos.line !== null) return pos.line;
    }
    return undefined;
  };
  const map = new Map<number, number>();
  for (const [g, p] of lcsPairs(genLines.map(normGenerated), plainLines.map(norm))) {
    const src = plainToSource(p + 1);
    if (src !== undefined) map.set(g + 1, src);
  }
  return (generatedLine: number) => {
    // an unmatched line takes the nearest matched line above it (the statement it belongs to)
    for (let l = generatedLine; l >= 1; l--) {
      const s = map.get(l);
      if (s !== undefined) return s;
    }
    return undefined;
  };
}
