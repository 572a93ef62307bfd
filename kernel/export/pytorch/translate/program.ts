// One TypeScript program over all of a notebook's code cells, laid end to end in one file, so
// the translator can ask the type checker what each expression is (a number prints as
// JavaScript prints it; an object literal's fields are a dict's keys; a Tensor's are attributes).
// Cells run as one module in the kernel, so one file sees each name as the cells do.
import * as ts from "@tslab/typescript-for-tslab";
import * as path from "path";
import { createKernelRoot } from "../../../executor/root";

export interface CellSpan {
  /** Index of the cell in the notebook. */
  index: number;
  start: number;
  end: number;
}

export interface NotebookProgram {
  file: ts.SourceFile;
  checker: ts.TypeChecker;
  cells: CellSpan[];
  /** The cell (span) holding a position of the file. */
  cellAt(pos: number): CellSpan;
}

const LIBRARY_FILES = new Map<string, ts.SourceFile>();

export function buildProgram(cells: { index: number; source: string }[], notebookDir: string): NotebookProgram {
  const root = createKernelRoot(notebookDir);
  try {
    const fileName = path.join(root.dir, "__notebook__.ts");
    let text = "";
    const spans: CellSpan[] = [];
    for (const c of cells) {
      const start = text.length;
      text += c.source;
      spans.push({ index: c.index, start, end: text.length });
      text += "\n;\n"; // a cell never continues into the next one
    }
    if (!/^\s*import\b/m.test(text)) text += "\nexport {};\n";
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2020,
      lib: ["lib.es2020.d.ts"],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (f, lang, onError, create) => {
      if (f === fileName) return ts.createSourceFile(f, text, lang, true);
      // the typings and TypeScript's lib files do not change while the process runs: parse them once
      const real = ts.sys.realpath?.(f) ?? f;
      let cached = LIBRARY_FILES.get(real);
      if (!cached) {
        cached = getSourceFile(f, lang, onError, create);
        if (cached) LIBRARY_FILES.set(real, cached);
      }
      return cached;
    };
    host.getCurrentDirectory = () => root.dir;
    const program = ts.createProgram([fileName], options, host);
    const file = program.getSourceFile(fileName)!;
    const checker = program.getTypeChecker();
    // without JavaScript's and actnb's typings every expression would be `any` and the Python
    // wrong without a word: an installation that lacks them stops the export here
    const lib = ts.getDefaultLibFilePath(options);
    if (!program.getSourceFile(lib) && !program.getSourceFiles().some((f) => /[\\/]lib\.es5\.d\.ts$/.test(f.fileName))) {
      throw new Error(`actnb: TypeScript's library typings are missing (looked for ${lib}); reinstall actnb`);
    }
    for (const s of file.statements) {
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === "actnb" && !checker.getSymbolAtLocation(s.moduleSpecifier)) {
        throw new Error(`actnb: cannot find actnb's typings from ${notebookDir}; reinstall actnb`);
      }
    }
    // (modules are resolved while the program is made; the kernel root can go once it is)
    const cellAt = (pos: number) => spans.find((s) => pos >= s.start && pos <= s.end) ?? spans[spans.length - 1];
    return { file, checker, cells: spans, cellAt };
  } finally {
    root.dispose();
  }
}
