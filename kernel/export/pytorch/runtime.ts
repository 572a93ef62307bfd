// The Python helper module an exported PyTorch notebook imports (actnb_pytorch.py): the sources
// in runtime/*.py joined into one file, with the activations' facts written in from actnb's own
// definitions (so labels, titles and defaults have one source of truth).
import * as fs from "fs";
import * as path from "path";
import { ACTIVATIONS } from "../../engine/activations/registry";
import type { ActivationDefinition } from "../../engine/activations/definition";

/** The file name the exported notebook imports the runtime by (`from actnb_pytorch import ...`). */
export const RUNTIME_FILE_NAME = "actnb_pytorch.py";

/**
 * The sources, in the order they are joined: each may use names defined by those before it.
 * A .py file in the folder that is not listed here is an error, so that a new source cannot be
 * left out of the module unnoticed.
 */
export const RUNTIME_SOURCES: readonly string[] = [
  "jsformat.py", "iteration.py", "records.py", "display.py", "activations.py",
  // the plot functions, one file each, then plots.py gathering them into the `plot` namespace
  "plot_format.py", "plot_activation.py", "plot_gradients.py", "plot_loss.py", "plot_dead_units.py", "plot_histogram.py",
  "plot_image.py", "plot_confusion.py", "plot_training.py", "plots.py",
  "diagnostics.py", "datasets.py",
];
/** activations.py reads the facts, so they are written just before it. */
const FACTS_BEFORE = "activations.py";

/**
 * Where the .py sources are: beside this file's compiled JS under out/ (runtime/), or, in the
 * bundles of dist/ and of the npm package, in pytorch_runtime/ beside the bundle (scripts/build.mjs
 * copies them to each).
 */
function sourceDir(): string {
  const candidates = [path.join(__dirname, "runtime"), path.join(__dirname, "pytorch_runtime")];
  const found = candidates.find((d) => fs.existsSync(path.join(d, FACTS_BEFORE)));
  if (!found) throw new Error(`actnb: the PyTorch runtime's Python sources are missing (looked in ${candidates.join(", ")})`);
  return found;
}

/** A JSON-like value as a Python literal (JSON's string escapes are Python's too). */
function pyLiteral(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`runtime: no Python literal for ${v}`);
    return String(v);
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x)}`).join(", ")}}`;
  throw new TypeError(`runtime: no Python literal for a ${typeof v}`);
}

/** The symbol a parameter goes by in labels (α, β, … from its description), as kernel/plots/curves.ts finds it. */
function symbolOf(description: string, name: string): string {
  return description.match(/[α-ω]/)?.[0] ?? name;
}

function facts(def: ActivationDefinition): Record<string, unknown> {
  return {
    name: def.name,
    module: def.module,
    title: def.title,
    params: def.params.map((p) => ({ name: p.name, default: p.default, symbol: symbolOf(p.description, p.name), hidden: p.hidden === true })),
    normalizing: def.params.some((p) => p.type === "dim"),
  };
}

/** ACTIVATION_FACTS: every activation actnb defines, in actnb's order. */
export function activationFactsSource(): string {
  const rows = ACTIVATIONS.map((def) => `    ${pyLiteral(facts(def))},`);
  return ["# activation facts: written by actnb from its activation definitions (kernel/engine/activations/)",
    "ACTIVATION_FACTS = [", ...rows, "]", ""].join("\n");
}

/** Top-level public names a Python source defines (def, class, NAME = / NAME: T =). */
function publicNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/^(?:def|class)\s+([A-Za-z]\w*)|^([A-Za-z]\w*)\s*(?::[^=\n]*)?=(?!=)/gm)) {
    const name = m[1] ?? m[2];
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function sources(dir: string): { file: string; text: string }[] {
  const unlisted = fs.readdirSync(dir).filter((f) => f.endsWith(".py") && !RUNTIME_SOURCES.includes(f));
  if (unlisted.length) throw new Error(`actnb: ${unlisted.join(", ")} in ${dir} not joined into ${RUNTIME_FILE_NAME}: list it in RUNTIME_SOURCES (kernel/export/pytorch/runtime.ts)`);
  const out: { file: string; text: string }[] = [];
  for (const file of RUNTIME_SOURCES) {
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) throw new Error(`actnb: the PyTorch runtime's source ${file} is missing from ${dir}`);
    if (file === FACTS_BEFORE) out.push({ file: "(activation facts)", text: activationFactsSource() });
    out.push({ file, text: fs.readFileSync(p, "utf8") });
  }
  return out;
}

/** The names the joined module exports (its __all__), in the order the sources define them. */
export function runtimeExports(dir: string = sourceDir()): readonly string[] {
  return exportsOf(sources(dir));
}

const exportsOf = (texts: { text: string }[]) => [...new Set(texts.flatMap((s) => publicNames(s.text)))];

/** actnb_pytorch.py: the header, every source in order (from `dir`, by default where the build put them), and __all__. */
export function runtimeSource(dir: string = sourceDir()): string {
  const header = [
    `# ${RUNTIME_FILE_NAME}: written by \`actnb export --to pytorch\`, beside the notebook exported with it.`,
    "# The helpers that notebook imports so it runs under PyTorch as it ran in actnb: the same charts",
    "# (Vega-Lite specs), diagnostics records, displays, actnb's own activations (Swish-β, APL) and",
    "# text formatted as JavaScript formats it. Do not edit: export again to regenerate it.",
    "",
  ].join("\n");
  const texts = sources(dir);
  const body = texts.map((s) => `# ---- ${s.file} ----\n${s.text.trimEnd()}\n`).join("\n");
  const all = `__all__ = [${exportsOf(texts).map((n) => JSON.stringify(n)).join(", ")}]\n`;
  return `${header}\n${body}\n${all}`;
}
