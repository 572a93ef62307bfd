// `actnb export --to pytorch`: a notebook as a Python notebook (or script) that runs on real
// PyTorch, with the helper module (actnb_pytorch.py) its plots and formatting need.
import type { Notebook } from "../../format";
import { translateNotebook } from "./translate/notebook";
import { pythonNotebookJson, pythonScript } from "./ipynb";
import { RUNTIME_FILE_NAME, runtimeSource } from "./runtime";

export { UntranslatableError } from "./translate/untranslatable";

export interface PytorchExport {
  /** The .ipynb JSON, or the .py text with `script`. */
  text: string;
  /** The helper module to write beside it, when the Python imports it. */
  helper?: { fileName: string; text: string };
}

/**
 * Translates every code cell; throws UntranslatableError (cell, line, column, construct, hint)
 * at the first construct outside the supported subset, before anything is written.
 */
export function exportPytorch(nb: Notebook, options: { notebookDir: string; sourceName: string; script?: boolean }): PytorchExport {
  const moduleName = RUNTIME_FILE_NAME.replace(/\.py$/, "");
  const translated = translateNotebook(nb, options.notebookDir, moduleName, options.script);
  const title = typeof nb.metadata.title === "string" ? nb.metadata.title : undefined;
  const text = options.script ? pythonScript(translated, title, options.sourceName) : pythonNotebookJson(translated, title);
  return { text, helper: translated.runtimeNames.length ? { fileName: RUNTIME_FILE_NAME, text: runtimeSource() } : undefined };
}
