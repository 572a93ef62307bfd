// A TypeScript language service over a cell and the declarations of the cells before it, for
// what tslab's converter does not offer: signature help, go-to-definition and completion
// details. It runs in the converter worker (converter_worker.ts) beside tslab's converter, over
// its own two in-memory files laid out as tslab lays out its own: the declarations
// (`__prev__.d.ts`) and the cell (`__tslab__.ts`), each a module (an `export {};` line first).
//
// tslab's converter keeps its compiler program to itself, so this is a second program over the
// same files; it is built on the first request that needs it (an editor's), so the CLI and
// Jupyter never pay for it.
import * as ts from "@tslab/typescript-for-tslab";
import * as path from "path";
import type { DefinitionInfo, DocTag, SignatureHelpInfo, SignatureParameter, SymbolInfo } from "./language_info";

/** Makes a file a module, as tslab does: what a cell declares stays the cell's. */
const MODULE_PREFIX = "export {};\n";

/** The options tslab compiles cells with, less what only its emit needs. */
function compilerOptions(): ts.CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2020,
    lib: ["lib.es2020.d.ts"],
    experimentalDecorators: true,
    resolveJsonModule: true,
    allowJs: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

const text = (parts: readonly ts.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts ? [...parts] : undefined);
const tagsOf = (tags: readonly ts.JSDocTagInfo[] | undefined): DocTag[] => (tags ?? []).map((t) => ({ name: t.name, text: text(t.text) }));

export interface CellLanguageService {
  signatureHelp(prevDecl: string, src: string, position: number): SignatureHelpInfo | null;
  definition(prevDecl: string, src: string, position: number): DefinitionInfo[];
  completionDetails(prevDecl: string, src: string, position: number, name: string): SymbolInfo | null;
}

/** The language service for cells whose modules resolve from `rootDir` (the kernel's folder). */
export function createCellLanguageService(rootDir: string): CellLanguageService {
  const declFile = path.join(rootDir, "__prev__.d.ts");
  const srcFile = path.join(rootDir, "__tslab__.ts");
  const files = new Map([[declFile, { text: MODULE_PREFIX, version: 0 }], [srcFile, { text: MODULE_PREFIX, version: 0 }]]);
  const options = compilerOptions();
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [declFile, srcFile],
    getScriptVersion: (f) => String(files.get(f)?.version ?? 0),
    getScriptSnapshot: (f) => {
      const text = files.get(f)?.text ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => rootDir,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => files.has(f) || ts.sys.fileExists(f),
    readFile: (f) => files.get(f)?.text ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  const set = (file: string, content: string) => {
    const f = files.get(file)!;
    if (f.text === MODULE_PREFIX + content) return;
    f.text = MODULE_PREFIX + content;
    f.version++;
  };

  /**
   * Lays out the two files and returns the cell's program. As in tslab, a name the cell does not
   * declare is looked up in the earlier cells' declarations: the compiler's name lookup walks
   * from a node to its parents, and the cell's file is given the declarations' file as its parent.
   */
  const prepare = (prevDecl: string, src: string): ts.Program => {
    set(declFile, prevDecl);
    set(srcFile, src);
    const program = service.getProgram()!;
    const cell = program.getSourceFile(srcFile)!;
    Object.assign(cell, { parent: program.getSourceFile(declFile) });
    return program;
  };
  const at = (position: number) => position + MODULE_PREFIX.length;

  return {
    signatureHelp(prevDecl, src, position) {
      prepare(prevDecl, src);
      const help = service.getSignatureHelpItems(srcFile, at(position), undefined);
      if (!help) return null;
      // an overload that only moves parameters into the options object may document none of
      // them: each parameter then shows what another overload says of the parameter of its name
      const paramDocs = new Map<string, string>();
      for (const item of help.items) for (const p of item.parameters) if (!paramDocs.get(p.name)) paramDocs.set(p.name, text(p.documentation));
      const callDoc = help.items.map((item) => text(item.documentation)).find((d) => d !== "") ?? "";
      return {
        activeSignature: help.selectedItemIndex,
        activeParameter: help.argumentIndex,
        signatures: help.items.map((item) => {
          const separator = text(item.separatorDisplayParts);
          let label = text(item.prefixDisplayParts);
          const parameters = item.parameters.map((p, i): SignatureParameter => {
            if (i > 0) label += separator;
            const start = label.length;
            label += text(p.displayParts);
            return { label: label.slice(start), offsets: [start, label.length], documentation: text(p.documentation) || (paramDocs.get(p.name) ?? "") };
          });
          label += text(item.suffixDisplayParts);
          return {
            label,
            documentation: text(item.documentation) || callDoc,
            tags: tagsOf(item.tags),
            parameters,
          };
        }),
      };
    },
    definition(prevDecl, src, position) {
      const program = prepare(prevDecl, src);
      const found = service.getDefinitionAtPosition(srcFile, at(position)) ?? [];
      const located: DefinitionInfo[] = [];
      for (const d of found) {
        // the earlier cells' declarations exist only here, as the converter wrote them: no place to open
        if (d.fileName === declFile) continue;
        const file = program.getSourceFile(d.fileName);
        if (!file) continue;
        const inCell = d.fileName === srcFile;
        const start = file.getLineAndCharacterOfPosition(d.textSpan.start);
        const end = file.getLineAndCharacterOfPosition(d.textSpan.start + d.textSpan.length);
        const lines = inCell ? 1 : 0; // the cell's own file starts with the one-line module prefix
        located.push({ file: inCell ? null : d.fileName, line: start.line - lines, character: start.character, endLine: end.line - lines, endCharacter: end.character });
      }
      return located;
    },
    completionDetails(prevDecl, src, position, name) {
      prepare(prevDecl, src);
      const d = service.getCompletionEntryDetails(srcFile, at(position), name, {}, undefined, {}, undefined);
      if (!d) return null;
      return { signature: text(d.displayParts), documentation: text(d.documentation), tags: tagsOf(d.tags) };
    },
  };
}
