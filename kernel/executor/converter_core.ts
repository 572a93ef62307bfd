// tslab's converter as the kernel uses it: conversions carry the cell line of each output line
// (linemap.ts), completions only what the editor shows. Runs in the converter worker
// (converter_worker.ts), so the kernel's own bundle carries no TypeScript compiler.
import * as ts from "@tslab/typescript-for-tslab";
import { createConverter } from "tslab/dist/converter";
import { buildLineMap } from "./linemap";
import { cellFunction } from "./cell_function";
import type { ConverterFunctions } from "./converter_proxy";
import type { CellLanguageService } from "./language_service";
import { createCellLanguageService } from "./language_service";
import type { DocTag, SymbolInfo } from "./language_info";

/** The cell line of each line of the converter's output (0 where none). */
function lineTable(source: string, output: string): number[] {
  const map = buildLineMap(source, output);
  const lines = output.split("\n").length;
  return Array.from({ length: lines }, (_, i) => map(i + 1) ?? 0);
}

const joined = (parts: { text: string }[] | undefined) => (parts ?? []).map((p) => p.text).join("");

/** The converter, resolving modules (`actnb`, a notebook's packages) from `rootDir`. */
export function makeCellConverter(rootDir: string): ConverterFunctions {
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
  // built on the first request that needs it: only editors ask
  let service: CellLanguageService | undefined;
  const languageService = () => (service ??= createCellLanguageService(rootDir));
  return {
    convert: (decl, src) => {
      const c = converter.convert(decl, src);
      if (!c.output || c.diagnostics.length) return c;
      return { ...c, ...cellFunction(c.output, c.hasToplevelAwait ?? false, lineTable(src, c.output)) };
    },
    complete: (decl, src, position) => {
      // `original` holds the compiler's whole completion list: only each candidate's kind is kept
      const { start, end, candidates, original } = converter.complete(decl, src, position);
      const kindOf = new Map((original?.entries ?? []).map((e) => [e.name, String(e.kind)]));
      return { start, end, candidates, kinds: candidates.map((c) => kindOf.get(c) ?? "") };
    },
    inspect: (decl, src, position): SymbolInfo | null => {
      const info = converter.inspect(decl, src, position);
      if (!info) return null;
      const tags: DocTag[] = (info.tags ?? []).map((t) => ({ name: t.name, text: joined(t.text) }));
      return { signature: joined(info.displayParts), documentation: joined(info.documentation), tags };
    },
    signatureHelp: (...args) => languageService().signatureHelp(...args),
    definition: (...args) => languageService().definition(...args),
    completionDetails: (...args) => languageService().completionDetails(...args),
    close: () => { converter.close(); return null; },
  };
}
