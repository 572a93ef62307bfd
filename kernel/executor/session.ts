// Runs notebook cells: TypeScript through tslab's converter (declarations carried from cell to
// cell, type errors before anything runs, top-level await), JavaScript in this process with the
// cell's variables kept between cells. Used inside the kernel process (kernel_main.ts).
import * as vm from "vm";
import * as path from "path";
import { createRequire } from "module";
import type { Diagnostic } from "tslab/dist/converter";
import type { CellConverter } from "./converter_proxy";
import { mimeBundleOf, MimeBundle } from "../display/mime";
import { CellErrorInfo } from "./protocol";

export interface CellSink {
  result(bundle: MimeBundle): void;
  error(error: CellErrorInfo): void;
}

export interface ExecuteOutcome { success: boolean; interrupted: boolean }

const GLOBAL_KEY = "__actnb_kernel__";
const INTERRUPTED = "Script execution was interrupted by `SIGINT`";

/** Cell [n] as Jupyter names it in tracebacks. */
function cellFile(n: number): string { return `cell[${n}]`; }

export class Session {
  private prevDecl = "";
  private executionCount = 0;
  /** Per cell, the cell line of each line of its converted JavaScript (0 where none). */
  private readonly lineMaps = new Map<number, number[]>();
  private readonly exportsTarget: Record<string, unknown> = {};
  private readonly exportsProxy: Record<string, unknown>;
  private rejectPending: ((e: Error) => void) | null = null;

  constructor(private readonly converter: CellConverter, rootDir: string, engine: unknown) {
    // Converted code writes variables with defineProperty (getters for imports); store plain
    // values so later cells may reassign them, as tslab does.
    const target = this.exportsTarget;
    this.exportsProxy = new Proxy(target, {
      defineProperty: (_t, prop, attrs) => {
        if (prop !== "__esModule") target[prop as string] = attrs.get ? attrs.get() : attrs.value;
        return true;
      },
    });
    const baseRequire = createRequire(path.join(rootDir, "cell.js"));
    const cellRequire = (id: string) => (id === "actnb" ? engine : baseRequire(id));
    Object.assign(cellRequire, { resolve: baseRequire.resolve, cache: baseRequire.cache });
    vm.runInThisContext(`(k) => { globalThis.${GLOBAL_KEY} = k; }`)({ exports: this.exportsProxy, require: cellRequire });
  }

  get execution_count(): number { return this.executionCount; }

  /** Cancels an awaiting cell (a busy one is stopped by SIGINT, see kernel_main). */
  interruptAwait(): void {
    this.rejectPending?.(Object.assign(new Error("Interrupted while awaiting"), { name: "KeyboardInterrupt" }));
  }

  async execute(code: string, sink: CellSink): Promise<ExecuteOutcome> {
    const n = ++this.executionCount;
    const converted = this.converter.convert(this.prevDecl, code);
    if (converted.diagnostics.length) {
      sink.error(typeError(code, converted.diagnostics, n));
      return { success: false, interrupted: false };
    }
    if (!converted.output) {
      this.prevDecl = converted.declOutput ?? "";
      return { success: true, interrupted: false };
    }
    this.lineMaps.set(n, converted.lineTable ?? []);
    const wrapped = `(${converted.hasToplevelAwait ? "async " : ""}function (exports, require) { ${converted.output}\n})(${GLOBAL_KEY}.exports, ${GLOBAL_KEY}.require)`;
    try {
      const ret = vm.runInThisContext(wrapped, { filename: cellFile(n), breakOnSigint: true });
      if (converted.hasToplevelAwait) {
        await new Promise((resolve, reject) => {
          this.rejectPending = reject;
          (ret as Promise<unknown>).then(resolve, reject);
        });
      }
    } catch (e) {
      // As in Python notebooks, what the cell defined before it failed stays defined.
      this.prevDecl = converted.declOutput ?? this.prevDecl;
      const interrupted = isInterrupt(e);
      sink.error(interrupted ? interruptError(e) : this.runtimeError(e));
      return { success: false, interrupted };
    } finally {
      this.rejectPending = null;
    }
    this.prevDecl = converted.declOutput ?? "";
    const last = converted.lastExpressionVar;
    if (last && last in this.exportsTarget) {
      const value = this.exportsTarget[last];
      delete this.exportsTarget[last];
      if (value !== undefined && value !== null) sink.result(mimeBundleOf(value));
    }
    return { success: true, interrupted: false };
  }

  private readonly declCache = new Map<string, string>();

  /**
   * The declarations a cell sees. Without `context`, those of the cells run so far; with it (the
   * sources of the cells above, in order), those the notebook declares top to bottom, so the
   * editor can check a cell before anything ran. Cells with errors contribute nothing.
   */
  private declarationsFor(context?: string[]): string {
    if (!context) return this.prevDecl;
    let decl = "";
    for (const src of context) {
      const key = `${decl}\u0000${src}`;
      let next = this.declCache.get(key);
      if (next === undefined) {
        const c = this.converter.convert(decl, src);
        next = c.diagnostics.length ? decl : c.declOutput ?? decl;
        if (this.declCache.size > 2000) this.declCache.clear();
        this.declCache.set(key, next);
      }
      decl = next;
    }
    return decl;
  }

  /** Type-checks a cell without running it. */
  diagnose(code: string, context?: string[]): NonNullable<CellErrorInfo["diagnostics"]> {
    const converted = this.converter.convert(this.declarationsFor(context), code);
    return converted.diagnostics.map(toPosition);
  }

  complete(code: string, position: number, context?: string[]): { start: number; end: number; candidates: string[] } {
    const c = this.converter.complete(this.declarationsFor(context), code, position);
    return { start: c.start, end: c.end, candidates: c.candidates };
  }

  inspect(code: string, position: number, context?: string[]): string | undefined {
    const info = this.converter.inspect(this.declarationsFor(context), code, position);
    if (!info) return undefined;
    const text = (info.displayParts ?? []).map((p: { text: string }) => p.text).join("");
    const doc = (info.documentation ?? []).map((p: { text: string }) => p.text).join("");
    return doc ? `${text}\n\n${doc}` : text;
  }

  /** An exception's traceback with frames in cells shown as cell lines. */
  private runtimeError(e: unknown): CellErrorInfo {
    const err = e instanceof Error ? e : new Error(String(e));
    const ename = err.name || "Error";
    const evalue = err.message;
    const frames = (err.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
    const shown: string[] = [];
    for (const frame of frames) {
      const m = /cell\[(\d+)\]:(\d+):(\d+)/.exec(frame);
      if (m) {
        const map = this.lineMaps.get(Number(m[1]));
        const line = map?.[Number(m[2]) - 1] || undefined;
        const fn = /^\s+at (?:async )?([^\s(]+) \(/.exec(frame)?.[1];
        const where = `Cell [${m[1]}], line ${line ?? "?"}`;
        shown.push(fn && !fn.startsWith("eval") && fn !== "Object.<anonymous>" ? `    at ${fn} (${where})` : `    at ${where}`);
      } else if (/node:internal|executor\/session|runInThisContext/.test(frame)) {
        continue;
      } else {
        shown.push(frame);
      }
    }
    // frames below the first cell frame belong to the kernel, not to the user; the cell's
    // wrapper function shows up as a second frame on the same line
    const lastCell = shown.map((f) => f.includes("Cell [")).lastIndexOf(true);
    const trimmed = (lastCell >= 0 ? shown.slice(0, lastCell + 1) : shown).filter((f, i, all) => i === 0 || f !== all[i - 1]);
    return { kind: "runtime", ename, evalue, traceback: [`${ename}: ${evalue}`, ...trimmed] };
  }
}

function isInterrupt(e: unknown): boolean {
  return e instanceof Error && (e.message === INTERRUPTED || e.name === "KeyboardInterrupt");
}

function interruptError(e: unknown): CellErrorInfo {
  const awaiting = e instanceof Error && e.name === "KeyboardInterrupt";
  const evalue = awaiting
    ? "the cell was cancelled while awaiting; the kernel and its variables are kept"
    : "the cell was stopped; the kernel and its variables are kept";
  return { kind: "interrupted", ename: "KeyboardInterrupt", evalue, traceback: [`KeyboardInterrupt: ${evalue}`] };
}

function toPosition(d: Diagnostic) {
  return { line: d.start.line + 1, column: d.start.character + 1, endLine: d.end.line + 1, endColumn: d.end.character + 1, message: d.messageText, code: d.code };
}

/** Type errors as the user sees them: position, message, the offending line and a caret. */
function typeError(code: string, diagnostics: Diagnostic[], n: number): CellErrorInfo {
  const lines = code.split("\n");
  const positions = diagnostics.map(toPosition);
  const traceback: string[] = [];
  for (const d of positions) {
    traceback.push(`Cell [${n}], line ${d.line}, column ${d.column}: error TS${d.code}: ${d.message}`);
    const text = lines[d.line - 1] ?? "";
    const gutter = `${d.line} | `;
    const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, text.length - d.column + 1);
    traceback.push(`${gutter}${text}`, `${" ".repeat(gutter.length + d.column - 1)}${"^".repeat(width)}`);
  }
  const first = positions[0];
  return {
    kind: "type",
    ename: "TypeError",
    evalue: `${first.message} (line ${first.line}, column ${first.column})${positions.length > 1 ? ` and ${positions.length - 1} more` : ""}`,
    traceback,
    diagnostics: positions,
  };
}
