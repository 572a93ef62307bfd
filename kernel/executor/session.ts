// Runs notebook cells: TypeScript through tslab's converter (declarations carried from cell to
// cell, type errors before anything runs, top-level await), JavaScript in this process with the
// cell's variables kept between cells. Used inside the kernel process (kernel_main.ts).
import * as vm from "vm";
import * as path from "path";
import { createRequire } from "module";
import type { Diagnostic } from "tslab/dist/converter";
import type { CellConversion, CellConverter } from "./converter_proxy";
import { CellTask, cancelTask, plainThen, runCellBody } from "./cell_tasks";
import { isInterrupt, runInFrame } from "./frames";
import { mimeBundleOf, MimeBundle } from "../display/mime";
import { CellErrorInfo, TensorViewReply } from "./protocol";
import type { CompletionList, DefinitionInfo, SignatureHelpInfo, SymbolInfo } from "./language_info";
import { describeVariables, VariableInfo } from "./variables";
import { tensorView } from "../display/tensor_view";
import { Tensor } from "../engine/tensor";

export interface CellSink {
  result(bundle: MimeBundle): void;
  error(error: CellErrorInfo): void;
}

export interface ExecuteOutcome { success: boolean; interrupted: boolean }


/** Cell [n] as Jupyter names it in tracebacks. */
function cellFile(n: number): string { return `cell[${n}]`; }

export class Session {
  private prevDecl = "";
  private executionCount = 0;
  /** Per cell, the cell line of each line of its converted JavaScript (0 where none). */
  private readonly lineMaps = new Map<number, number[]>();
  private readonly exportsTarget: Record<string, unknown> = {};
  private readonly exportsProxy: Record<string, unknown>;
  /** Names bound by imports (the converter defines them as getters): not the cells' variables. */
  private readonly imported = new Set<string>();
  private readonly cellRequire: (id: string) => unknown;
  private runningTask: CellTask | null = null;

  constructor(private readonly converter: CellConverter, rootDir: string, engine: unknown) {
    // Converted code writes variables with defineProperty (getters for imports); store plain
    // values so later cells may reassign them, as tslab does.
    const target = this.exportsTarget;
    const imported = this.imported;
    this.exportsProxy = new Proxy(target, {
      defineProperty: (_t, prop, attrs) => {
        if (prop === "__esModule") return true;
        if (attrs.get) imported.add(prop as string);
        else imported.delete(prop as string);
        target[prop as string] = attrs.get ? attrs.get() : attrs.value;
        return true;
      },
    });
    const baseRequire = createRequire(path.join(rootDir, "cell.js"));
    const cellRequire = (id: string) => (id === "actnb" ? engine : baseRequire(id));
    Object.assign(cellRequire, { resolve: baseRequire.resolve, cache: baseRequire.cache });
    this.cellRequire = cellRequire;
  }

  get execution_count(): number { return this.executionCount; }

  /** The cell running now, if any. */
  get running(): CellTask | null { return this.runningTask; }

  /** Stops the running cell where it is (awaiting, or between two of its callbacks). */
  interrupt(): void {
    if (this.runningTask) cancelTask(this.runningTask);
  }

  async execute(code: string, sink: CellSink, requestId = 0): Promise<ExecuteOutcome> {
    const n = ++this.executionCount;
    let converted: CellConversion;
    try {
      // the conversion of a long cell can take seconds: an interrupt stops the wait for it
      converted = runInFrame(() => this.converter.convert(this.prevDecl, code));
    } catch (e) {
      if (!isInterrupt(e)) throw e;
      this.converter.restart();
      sink.error(interruptError("converting"));
      return { success: false, interrupted: true };
    }
    if (converted.diagnostics.length) {
      sink.error(typeError(code, converted.diagnostics, n));
      return { success: false, interrupted: false };
    }
    if (!converted.code) {
      this.prevDecl = converted.declOutput ?? "";
      return { success: true, interrupted: false };
    }
    this.lineMaps.set(n, converted.lineTable ?? []);
    const task = new CellTask(n, requestId);
    this.runningTask = task;
    const cellCode = converted.code;
    try {
      const ret = runCellBody(task, () => {
        const cell = vm.runInThisContext(cellCode, { filename: cellFile(n) }) as (exports: unknown, require: unknown) => unknown;
        return cell(this.exportsProxy, this.cellRequire);
      });
      if (converted.hasToplevelAwait) {
        await new Promise((resolve, reject) => {
          task.onCancel = () => reject(Object.assign(new Error("cancelled"), { name: "KeyboardInterrupt" }));
          if (task.cancelled) task.onCancel();
          plainThen.call(ret as Promise<unknown>, resolve, reject);
        });
      }
    } catch (e) {
      // As in Python notebooks, what the cell defined before it failed stays defined.
      this.prevDecl = converted.declOutput ?? this.prevDecl;
      const interrupted = task.cancelled;
      sink.error(interrupted ? interruptError(task.stoppedWhileRunning ? "running" : "awaiting") : this.runtimeError(e));
      return { success: false, interrupted };
    } finally {
      task.onCancel = null;
      task.finished = true;
      this.runningTask = null;
    }
    this.prevDecl = converted.declOutput ?? "";
    const last = converted.lastExpressionVar;
    if (last && last in this.exportsTarget) {
      const value = this.exportsTarget[last];
      delete this.exportsTarget[last];
      if (value !== undefined && value !== null) sink.result(mimeBundleOf(value));
    }
    // an error from one of its callbacks while it ran was shown already; the cell failed
    return { success: task.lateErrors === 0, interrupted: false };
  }

  /** The top-level variables the cells defined (imports left out), in definition order. */
  variables(): VariableInfo[] {
    return describeVariables(Object.entries(this.exportsTarget).filter(([name]) => !this.imported.has(name)));
  }

  /** The table/heatmap view of the tensor variable `name`. */
  tensorView(name: string): TensorViewReply {
    if (!(name in this.exportsTarget) || this.imported.has(name)) return { error: `there is no variable named ${JSON.stringify(name)} (was the kernel restarted, or the cell that defined it not run?)` };
    const value = this.exportsTarget[name];
    if (!(value instanceof Tensor)) return { error: `${name} is not a tensor (it is ${value === null ? "null" : typeof value})` };
    return { view: tensorView(value) };
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

  complete(code: string, position: number, context?: string[]): CompletionList {
    return this.converter.complete(this.declarationsFor(context), code, inCell(code, position));
  }

  inspect(code: string, position: number, context?: string[]): SymbolInfo | null {
    return this.converter.inspect(this.declarationsFor(context), code, inCell(code, position));
  }

  signatureHelp(code: string, position: number, context?: string[]): SignatureHelpInfo | null {
    return this.converter.signatureHelp(this.declarationsFor(context), code, inCell(code, position));
  }

  definition(code: string, position: number, context?: string[]): DefinitionInfo[] {
    return this.converter.definition(this.declarationsFor(context), code, inCell(code, position));
  }

  completionDetails(code: string, position: number, name: string, context?: string[]): SymbolInfo | null {
    return this.converter.completionDetails(this.declarationsFor(context), code, inCell(code, position), name);
  }

  /** An exception's traceback with frames in cells shown as cell lines. */
  runtimeError(e: unknown): CellErrorInfo {
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
        // no cell line: the async helpers a cell with `await` gets (cell_function.ts)
        if (line === undefined && map?.length) continue;
        const fn = /^\s+at (?:async )?([^\s(]+) \(/.exec(frame)?.[1];
        const where = `Cell [${m[1]}], line ${line ?? "?"}`;
        shown.push(fn && !fn.startsWith("eval") && fn !== "Object.<anonymous>" ? `    at ${fn} (${where})` : `    at ${where}`);
      } else if (/node:internal|executor\/|runInThisContext|actnb-frame|at (Generator\.\w+|new Promise) \(<anonymous>\)/.test(frame)) {
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

/** A position in `code` (an editor's cursor), refused when it is not one. */
function inCell(code: string, position: number): number {
  if (!Number.isInteger(position) || position < 0 || position > code.length) throw new RangeError(`position ${position} is outside the cell (0 to ${code.length})`);
  return position;
}

/** What the user reads when a cell was stopped, by where it was. */
function interruptError(where: "converting" | "running" | "awaiting"): CellErrorInfo {
  const evalue = where === "converting" ? "the cell was stopped while it was being checked and converted, before it ran; the kernel and its variables are kept"
    : where === "awaiting" ? "the cell was cancelled while awaiting; its timers and pending steps will not run; the kernel and its variables are kept"
    : "the cell was stopped; its timers and pending steps will not run; the kernel and its variables are kept";
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
