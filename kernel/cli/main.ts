// The `actnb` command: run notebooks headless, check their stored outputs, convert formats.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { Notebook, NotebookFormatError, parseIpynbBytes, parseNotebookBytes, serializeNotebook, stringifyIpynb, toIpynb } from "../format";
import { runNotebook } from "../runner/run";
import { compareOutputs } from "../runner/compare";
import { outputText } from "../runner/outputs";
import { saveFileAtomically, saveTarget, SaveError, reasonOf } from "../files/save";
import { KERNEL_MAIN } from "../executor/client";
import { actnbVersion } from "./version";
import { notebookHtml } from "../export/html";
import { chartSvg } from "../export/chart_svg";
import { exportPytorch, UntranslatableError } from "../export/pytorch";

const USAGE = `Usage:
  actnb run <notebook.actnb|notebook.ipynb> [--out <path>] [--check] [--quiet] [--memory-limit <MB>] [--wait-for-timers <s>]
      Runs every cell in a fresh kernel, in order, and prints each cell's text output.
      --out <path>   write the executed notebook (.actnb or .ipynb, by extension)
      --check        compare the outputs with those stored in the notebook; report differences
                     (timings never count; cells marked "volatile" are compared by shape)
      --quiet        print nothing but errors and differences
      --memory-limit <MB>  the kernel's heap limit (default 4096, as in VS Code); a cell that
                     needs more ends the kernel with "ran out of memory"
      --wait-for-timers <s>  at the end, how long to wait for timers cells left pending
                     (default 10); those still pending then are cancelled, with a note
      Exits 1 when a cell fails (naming the cell) or --check finds differences. A cell also
      fails when a timer or a promise it left behind raises after it finished.

  actnb export <input.actnb|input.ipynb> --to ipynb|actnb|html|pytorch [--out <path>] [--force] [--script]
      Converts between formats (default output: beside the input, with the new extension).
      --to html writes one self-contained page to read without VS Code, offline: markdown,
      code, outputs as saved, charts drawn as inline SVG, light or dark as the system is.
      --to pytorch translates every TypeScript cell to Python for real PyTorch and writes a
      Python 3 notebook (<name>.pytorch.ipynb), or with --script a plain <name>.py, and beside
      it actnb_pytorch.py (plots, formatting) when the Python uses it. A construct it cannot
      translate stops it, naming the cell, line and construct; nothing is written then.
      An existing output is replaced only with --force, and never when it is the input.

  Notebooks are saved atomically: a save that fails leaves the file on disk as it was.

  actnb --help | --version
`;

class UsageError extends Error {}

/** The kernel's heap limit when none is given: the VS Code setting's default (actnb.kernel.memoryLimitMb). */
const DEFAULT_MEMORY_LIMIT_MB = 4096;

function readNotebook(file: string): Notebook {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw Object.assign(e as Error, { path: (e as NodeJS.ErrnoException).path ?? file });
  }
  if (file.endsWith(".ipynb")) return parseIpynbBytes(bytes, file);
  if (file.endsWith(".actnb")) return parseNotebookBytes(bytes, file);
  throw new UsageError(`${file}: expected a .actnb or .ipynb file`);
}

function writeNotebook(nb: Notebook, file: string): void {
  const text = file.endsWith(".ipynb") ? stringifyIpynb(toIpynb(nb)) : serializeNotebook(nb);
  saveFileAtomically(file, text);
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, check: { type: "boolean" }, quiet: { type: "boolean" }, "memory-limit": { type: "string" }, "wait-for-timers": { type: "string" } } });
  const memoryLimitMb = Number(values["memory-limit"] ?? DEFAULT_MEMORY_LIMIT_MB);
  if (!Number.isInteger(memoryLimitMb) || memoryLimitMb < 64) throw new UsageError("--memory-limit takes a whole number of MB, 64 or more");
  const settleSeconds = Number(values["wait-for-timers"] ?? 10);
  if (!Number.isFinite(settleSeconds) || settleSeconds < 0) throw new UsageError("--wait-for-timers takes a number of seconds, 0 or more");
  if (positionals.length !== 1) throw new UsageError("actnb run takes one notebook");
  // the npm package carries the engine and this CLI, not the kernel process (nor its TypeScript)
  if (!fs.existsSync(KERNEL_MAIN)) {
    process.stderr.write("actnb: this copy of actnb has no notebook kernel, so it cannot run notebooks: run them in Jupyter (tslab) or VS Code (the Activation Notebooks extension); export works here\n");
    return 1;
  }
  const file = path.resolve(positionals[0]);
  const stored = readNotebook(file);
  // a notebook in another language (a Python .ipynb) is not run as TypeScript
  const foreign = stored.cells.find((c) => c.kind === "code" && !/^(typescript|javascript|ts|js)$/i.test(c.language));
  if (foreign) {
    process.stderr.write(`actnb: ${path.basename(file)} has ${foreign.language} cells; the Activation Kernel runs TypeScript and JavaScript\n`);
    return 1;
  }
  const log = (s: string) => { if (!values.quiet) process.stdout.write(s); };
  const progress = process.stderr.isTTY && !values.quiet;
  const clearProgress = () => { if (progress) process.stderr.write("\r\x1b[2K"); };
  const result = await runNotebook(stored, {
    notebookDir: path.dirname(file),
    memoryLimitMb,
    settleMs: settleSeconds * 1000,
    onCell: (_i, n, total) => { if (progress) process.stderr.write(`[${n}/${total}] running…`); },
    // print streams as they come; rich outputs once the cell is done (after any in-place updates)
    onOutput: (_i, _outputs, out) => { if (out.kind === "stream") { clearProgress(); (out.name === "stderr" ? process.stderr : process.stdout).write(values.quiet && out.name === "stdout" ? "" : out.text); } },
    onLateOutput: (i, outputs, out) => {
      clearProgress();
      const o = outputs[outputs.length - 1];
      const error = out.kind === "error" || (out.kind === "stream" && out.name === "stderr");
      const text = `[cell ${i + 1}, after it finished] ${out.kind === "stream" ? out.text : o ? outputText(o) : ""}`;
      if (error) process.stderr.write(text);
      else log(text);
    },
    onCellDone: (_i, cell) => {
      clearProgress();
      for (const o of cell.outputs) if (!("stream" in o)) ("error" in o ? process.stderr.write(outputText(o)) : log(outputText(o)));
    },
  });
  if (values.out) writeNotebook(result.notebook, path.resolve(values.out));
  if (result.failedCell !== undefined) {
    process.stderr.write(`\nactnb: cell ${result.failedCell + 1} failed: ${result.failure}\n`);
    return 1;
  }
  if (values.check) {
    const diffs = compareOutputs(stored, result.notebook);
    if (diffs.length) {
      for (const d of diffs) process.stderr.write(`\n${d.summary}\n${d.diff}\n`);
      process.stderr.write(`\nactnb: ${diffs.length} cell${diffs.length === 1 ? "" : "s"} of ${path.basename(file)} did not reproduce\n`);
      return 1;
    }
    process.stderr.write(`actnb: ${path.basename(file)}: every output reproduced\n`);
  }
  return 0;
}

const EXPORT_FORMATS = ["ipynb", "actnb", "html", "pytorch"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
const isExportFormat = (v: string | undefined): v is ExportFormat => EXPORT_FORMATS.some((f) => f === v);

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: "string" }, out: { type: "string" }, force: { type: "boolean" }, script: { type: "boolean" } } });
  if (positionals.length !== 1) throw new UsageError("actnb export takes one input notebook");
  const to = values.to;
  if (!isExportFormat(to)) throw new UsageError(to === undefined ? "actnb export needs --to ipynb, actnb, html or pytorch" : `--to must be ipynb, actnb, html or pytorch, not '${to}'`);
  if (values.script && to !== "pytorch") throw new UsageError("--script goes with --to pytorch");
  const input = path.resolve(positionals[0]);
  const extension = to === "pytorch" ? (values.script ? "py" : "ipynb") : to;
  const defaultOut = input.replace(/\.(actnb|ipynb)$/, "") + (to === "pytorch" && !values.script ? ".pytorch.ipynb" : `.${extension}`);
  const out = path.resolve(values.out ?? defaultOut);
  if (!out.endsWith(`.${extension}`)) throw new UsageError(`--out must end in .${extension}`);
  // (through a symbolic link too)
  if (out === input || saveTarget(out) === saveTarget(input)) throw new UsageError("the output would overwrite the input");
  const nb = readNotebook(input);
  if (fs.existsSync(out) && !values.force) {
    process.stderr.write(`actnb: ${path.relative(process.cwd(), out) || out} exists; add --force to replace it\n`);
    return 1;
  }
  if (to === "pytorch") return writePytorch(nb, input, out, !!values.script, !!values.force);
  if (to === "html") {
    const page = await notebookHtml(nb, path.basename(input), chartSvg);
    for (const p of page.problems) process.stderr.write(`actnb: ${path.basename(input)}: ${p}\n`);
    saveFileAtomically(out, page.html);
  } else {
    writeNotebook(nb, out);
  }
  process.stdout.write(`${path.relative(process.cwd(), out) || out}\n`);
  return 0;
}

/** The Python notebook (or script) and, beside it, the helper module it imports; nothing when a cell does not translate. */
function writePytorch(nb: Notebook, input: string, out: string, script: boolean, force: boolean): number {
  let result;
  try {
    result = exportPytorch(nb, { notebookDir: path.dirname(input), sourceName: path.basename(input), script });
  } catch (e) {
    if (!(e instanceof UntranslatableError)) throw e;
    process.stderr.write(`actnb: ${path.basename(input)}: ${e.message}\nactnb: nothing was written (the supported subset: docs/export-pytorch.md)\n`);
    return 1;
  }
  const helper = result.helper && path.join(path.dirname(out), result.helper.fileName);
  if (helper && fs.existsSync(helper) && !force && fs.readFileSync(helper, "utf8") !== result.helper!.text) {
    process.stderr.write(`actnb: ${path.relative(process.cwd(), helper) || helper} exists and differs; add --force to replace it\n`);
    return 1;
  }
  if (helper) saveFileAtomically(helper, result.helper!.text);
  saveFileAtomically(out, result.text);
  process.stdout.write(`${path.relative(process.cwd(), out) || out}\n`);
  if (helper) process.stdout.write(`${path.relative(process.cwd(), helper) || helper}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === "--version") {
      process.stdout.write(`${actnbVersion()}\n`);
      return 0;
    }
    if (command === "run") return await run(rest);
    if (command === "export") return await exportCommand(rest);
    throw new UsageError(`unknown command '${command}'`);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`actnb: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof NotebookFormatError) {
      process.stderr.write(`actnb: ${e.message}\n`);
      return 1;
    }
    if (e instanceof SaveError) {
      process.stderr.write(`actnb: ${e.message}\n`);
      return 1;
    }
    // a file that cannot be read: one line, not a stack
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") {
      process.stderr.write(`actnb: ${err.path}: no such file\n`);
      return 1;
    }
    if (err.code && err.syscall) {
      process.stderr.write(`actnb: ${err.path ?? ""}${err.path ? ": " : ""}${reasonOf(err)}\n`);
      return 1;
    }
    throw e;
  }
}
