// Which VS Code can run here: a desktop VS Code through @vscode/test-electron (VSCODE_EXECUTABLE_PATH,
// or a download cached in .vscode-test/), else code-server + chromium through playwright-core.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Launcher } from "./args";
import { UsageError } from "./args";

/** The desktop VS Code to use, if any; throws when VSCODE_EXECUTABLE_PATH names nothing. */
export function findDesktopVSCode(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.VSCODE_EXECUTABLE_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new UsageError(`VSCODE_EXECUTABLE_PATH=${given} does not exist`);
    return given;
  }
  // @vscode/test-electron's cache: .vscode-test/vscode-<platform>-<version>/
  const cache = path.join(root, ".vscode-test");
  const platform = process.platform === "linux" ? `linux-${process.arch === "arm64" ? "arm64" : "x64"}` : null;
  if (!platform || !fs.existsSync(cache)) return undefined;
  const dirs = fs.readdirSync(cache).filter((d) => d.startsWith(`vscode-${platform}-`)).sort().reverse();
  return dirs.map((d) => path.join(cache, d, "code")).find((exe) => fs.existsSync(exe));
}

/** What keeps the browser launcher from running (empty: it can run). */
export async function browserLauncherProblems(root: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    require.resolve("playwright-core");
  } catch {
    return ["playwright-core is not installed (npm ci)"];
  }
  const helpers = await import("../browser");
  if (!helpers.findCodeServer(root)) {
    problems.push(`code-server ${helpers.CODE_SERVER_VERSION} is not installed in ${helpers.cacheRoot()} (run scripts/install-vscode-test-deps.sh)`);
  }
  if (!helpers.findChromium()) problems.push("chromium is not installed (/usr/bin/chromium; run scripts/install-vscode-test-deps.sh)");
  return problems;
}

export type Chosen = { launcher: "electron"; desktop: string } | { launcher: "browser" };

/** The launcher to use for `wanted`; throws UsageError, saying why, when none can run. */
export async function chooseLauncher(root: string, wanted: Launcher, untrusted: boolean): Promise<Chosen> {
  const desktop = wanted === "browser" ? undefined : findDesktopVSCode(root);
  if (wanted === "electron") {
    if (!desktop) throw new UsageError("--launcher electron: no desktop VS Code (set VSCODE_EXECUTABLE_PATH, or cache one in .vscode-test/)");
    if (untrusted) throw new UsageError("--untrusted: @vscode/test-electron always passes --disable-workspace-trust; use --launcher browser");
    return { launcher: "electron", desktop };
  }
  if (wanted === "auto" && desktop && !untrusted) return { launcher: "electron", desktop };
  const problems = await browserLauncherProblems(root);
  if (problems.length === 0) return { launcher: "browser" };
  if (wanted === "browser") throw new UsageError(`--launcher browser cannot run:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  throw new UsageError(
    `no VS Code can run here.\n` +
      `  - desktop VS Code (@vscode/test-electron): ${desktop ? "found, but --untrusted needs the browser launcher" : "none (set VSCODE_EXECUTABLE_PATH, or cache one in .vscode-test/)"}\n` +
      problems.map((p) => `  - browser launcher: ${p}`).join("\n"),
  );
}
