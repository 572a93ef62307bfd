// The folder the kernel resolves modules from. TypeScript and require() must both find "actnb"
// (with its types), @types/node, and the packages installed in the notebook's folder; a private
// folder of symlinks gives all three without touching the user's folder.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** A package for cells' imports: the typings shipped beside the bundled kernel, else node_modules. */
function packageDir(name: string): string | undefined {
  const shipped = path.join(__dirname, "types", name);
  if (fs.existsSync(path.join(shipped, "package.json"))) return shipped;
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function linkInto(nodeModules: string, name: string, target: string): void {
  const at = path.join(nodeModules, name);
  if (fs.existsSync(at)) return;
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, "dir");
}

/** Packages in <dir>/node_modules and its ancestors', nearest first (as Node would find them). */
function userPackages(dir: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const nm = path.join(d, "node_modules");
    if (fs.existsSync(nm)) {
      for (const entry of fs.readdirSync(nm)) {
        if (entry.startsWith(".")) continue;
        const names = entry.startsWith("@") ? fs.readdirSync(path.join(nm, entry)).map((s) => `${entry}/${s}`) : [entry];
        for (const name of names) if (!seen.has(name)) { seen.add(name); found.push([name, path.join(nm, name)]); }
      }
    }
    if (path.dirname(d) === d) break;
  }
  return found;
}

export interface KernelRoot { dir: string; dispose(): void }

const PREFIX = "actnb-kernel-";

/** Folders from versions that did not name the kernel's pid, which are removed once this old. */
const LEGACY_MAX_AGE_MS = 24 * 3600 * 1000;

/**
 * Removes the folders of kernels that died without cleaning up: their process no longer exists,
 * or (folders named without a pid, by earlier versions) they were last changed over a day ago.
 */
export function sweepStaleRoots(now = Date.now()): void {
  let entries: string[];
  try { entries = fs.readdirSync(os.tmpdir()); } catch { return; }
  for (const name of entries) {
    if (!name.startsWith(PREFIX)) continue;
    const at = path.join(os.tmpdir(), name);
    const pid = /^actnb-kernel-(\d+)-/.exec(name);
    try {
      if (pid ? alive(Number(pid[1])) : now - fs.statSync(at).mtimeMs < LEGACY_MAX_AGE_MS) continue;
      fs.rmSync(at, { recursive: true, force: true });
    } catch { /* another sweeper, or not ours */ }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, but not ours to signal
  }
}

/** Creates the root for a notebook in `notebookDir`; "actnb" is always this engine. */
export function createKernelRoot(notebookDir: string): KernelRoot {
  sweepStaleRoots();
  // the kernel's pid in the name: a folder whose kernel is gone is known to be stale
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  const nm = path.join(dir, "node_modules");
  fs.mkdirSync(nm);
  const actnb = packageDir("actnb");
  if (!actnb) throw new Error("cannot find the actnb package (run `npm ci` in the repository)");
  linkInto(nm, "actnb", actnb);
  const typesNode = packageDir("@types/node");
  if (typesNode) linkInto(nm, "@types/node", typesNode);
  for (const [name, target] of userPackages(notebookDir)) linkInto(nm, name, target);
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
