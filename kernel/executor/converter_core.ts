// tslab's converter as the kernel uses it: conversions carry the cell line of each output line
// (linemap.ts), completions only what the editor shows. Runs in the converter worker
// (converter_worker.ts), so the kernel's own bundle carries no TypeScript compiler.
import * as ts from "@tslab/typescript-for-tslab";
import { createConverter } from "tslab/dist/converter";
import { buildLineMap } from "./linemap";
import { cellFunction } from "./cell_function";
import type { CellConverter } from "./converter_proxy";

/** The cell line of each line of the converter's output (0 where none). */
function lineTable(source: string, output: string): number[] {
  const map = buildLineMap(source, output);
  const lines = output.split("\n").length;
  return Array.from({ length: lines }, (_, i) => map(i + 1) ?? 0);
}

/** The converter, resolving modules (`actnb`, a notebook's packages) from `rootDir`. */
export function makeCellConverter(rootDir: string): Omit<CellConverter, "restart"> {
  // tslab takes the folder from the compiler's view of the working directory, which in a
  // worker is the whole process's: give it the kernel's folder without changing the process's
  const getCurrentDirectory = ts.sys.getCurrentDirectory;
  ts.sys.getCurrentDirectory = () => rootDir;
  let converter: ReturnType<typeof createConverter>;
  try {
    converter = createConverter();
  } finally {
    ts.sys.getCurrentDirectory = getCurrentDirectory;
  }
  return {
    convert: (decl, src) => {
      const c = converter.convert(decl, src);
      if (!c.output || c.diagnostics.length) return c;
      return { ...c, ...cellFunction(c.output, c.hasToplevelAwait ?? false, lineTable(src, c.output)) };
    },
    complete: (decl, src, position) => {
      // `original` holds the compiler's whole completion list: not needed, and big to copy
      const { start, end, candidates } = converter.complete(decl, src, position);
      return { start, end, candidates };
    },
    inspect: (decl, src, position) => converter.inspect(decl, src, position) ?? null,
    close: () => converter.close(),
  };
}
