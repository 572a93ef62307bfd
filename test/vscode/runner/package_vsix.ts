// Packages the current build (dist/) into a .vsix for the matrix's "vsix" configuration, with the
// very vsce arguments of package.json's "package" script (minus its build step and with another
// --out), so the tests install what `npm run package` makes.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The vsce arguments in an npm script such as "npm run build && vsce package --no-dependencies
 * --out dist/x.vsix", with --out's value replaced by `out`. Throws when the script has no vsce
 * step, no --out, or quoting this split on spaces could not honour.
 */
export function vsceArgs(script: string, out: string): string[] {
  const step = script.split("&&").map((s) => s.trim()).find((s) => /^vsce(\s|$)/.test(s));
  if (!step) throw new Error(`package.json's "package" script has no vsce step: ${JSON.stringify(script)}`);
  if (/["'`$\\]/.test(step)) throw new Error(`package.json's "package" script quotes or expands its vsce arguments, which the test runner does not parse: ${JSON.stringify(step)}`);
  const args = step.split(/\s+/).slice(1);
  const at = args.indexOf("--out");
  if (at < 0 || at === args.length - 1) throw new Error(`package.json's "package" script gives vsce no --out FILE: ${JSON.stringify(step)}`);
  return [...args.slice(0, at + 1), out, ...args.slice(at + 2)];
}

/** The "package" script of `root`/package.json. */
export function packageScript(root: string): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const script =
    typeof manifest === "object" && manifest !== null && "scripts" in manifest && typeof manifest.scripts === "object" && manifest.scripts !== null && "package" in manifest.scripts
      ? manifest.scripts.package
      : undefined;
  if (typeof script !== "string") throw new Error(`${path.join(root, "package.json")} has no "package" script`);
  return script;
}

/** Packages `root`'s build into `dir`/activation-notebooks.vsix with vsce; returns its path. */
export function packageVsix(root: string, dir: string): string {
  const out = path.join(dir, "activation-notebooks.vsix");
  if (!fs.existsSync(path.join(root, "dist", "extension.js"))) throw new Error("dist/extension.js is missing: run npm run build first");
  const vsce = require.resolve("@vscode/vsce/vsce", { paths: [root] });
  const r = spawnSync(process.execPath, [vsce, ...vsceArgs(packageScript(root), out)], { cwd: root, encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-15).join("\n")}`);
  }
  return out;
}
