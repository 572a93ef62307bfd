// A notebook exported to PyTorch as a user does it (`actnb export --to pytorch`), then executed
// by Debian's Jupyter on its python3 kernel (PyTorch 1.13 from Debian), as nbconvert runs it.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Notebook, parseIpynbBytes, parseNotebookBytes } from "../../kernel/format";

export const ROOT = path.resolve(__dirname, "../../..");
export const PYTHON = "/usr/bin/python3";
export const ACTNB = path.join(ROOT, "kernel/bin/actnb.js");

export function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** The notebook's stored outputs: an .actnb as it is, a Jupyter notebook (tslab's) as actnb reads it. */
export function readNotebook(file: string): Notebook {
  const bytes = fs.readFileSync(file);
  return file.endsWith(".ipynb") ? parseIpynbBytes(bytes, file) : parseNotebookBytes(bytes, file);
}

/** `actnb export <nb> --to pytorch`: the .ipynb (or with --script the .py) at `out`, and beside it the
 * runtime module (actnb_pytorch.py) when the Python uses it. */
export function exportToPytorch(notebook: string, out: string, script = false): void {
  const r = sh(process.execPath, [ACTNB, "export", notebook, "--to", "pytorch", "--out", out, ...(script ? ["--script"] : [])], ROOT);
  assert.strictEqual(r.code, 0, `actnb export ${path.basename(notebook)} --to pytorch failed:\n${r.out}`);
  assert.ok(fs.existsSync(out), `actnb export wrote no ${out}`);
}

/** Runs every cell of `ipynb` in Jupyter's python3 kernel (in the notebook's folder, so the runtime
 * imports); errors stay in the cells' outputs, so each cell is compared on its own. */
export function executeNotebook(ipynb: string): Notebook {
  const dir = path.dirname(ipynb);
  const executed = path.basename(ipynb).replace(/\.ipynb$/, ".executed.ipynb");
  const r = sh(PYTHON, ["-m", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
    "--ExecutePreprocessor.timeout=1800", "--ExecutePreprocessor.kernel_name=python3", "--output", executed, ipynb], dir,
  { JUPYTER_RUNTIME_DIR: path.join(dir, ".jupyter-runtime") });
  assert.strictEqual(r.code, 0, `nbconvert could not execute ${path.basename(ipynb)}:\n${r.out}`);
  return parseIpynbBytes(fs.readFileSync(path.join(dir, executed)), executed);
}
