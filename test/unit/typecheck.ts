// Type-checks a snippet that imports "actnb" as a user's program or a notebook cell does: strict
// TypeScript against the published typings (out/**/*.d.ts), not the engine's sources.
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");

export interface TypeChecked {
  program: ts.Program;
  source: ts.SourceFile;
  /** Each diagnostic as "line N: message" (none for a program that checks). */
  errors: string[];
}

/** Compiles `snippet` as the file `name` at the repository root (where "actnb" resolves). */
export function typeCheck(snippet: string, name: string, extra: ts.CompilerOptions = {}): TypeChecked {
  const file = path.join(ROOT, name);
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], skipLibCheck: true, ...extra };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile;
  host.readFile = (f) => (path.resolve(f) === file ? snippet : readFile(f));
  host.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(host.fileExists);
  const program = ts.createProgram([file], options, host);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
  return { program, source: program.getSourceFile(file)!, errors };
}
