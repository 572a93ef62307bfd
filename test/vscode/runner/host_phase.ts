// Phase 1: the extension-host suite (out/test/vscode/index.js, mocha inside the Extension
// Development Host), in code-server + chromium or in a desktop VS Code; its counts come from the
// tally it writes (RESULTS_FILE).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readTally } from "../../tally";
import { OUTPUT_FILE, RESULTS_FILE } from "../index";
import { LAUNCH_ENV, LaunchOptions, REPO_ROOT } from "../launchOptions";
import { rel, say } from "./log";
import { hostPhaseResult, PhaseResult } from "./results";
import { tailFile } from "./tail";

/** What the extension-host phase needs: the launch options, the suite's entry, how long it may take. */
export interface HostPhaseOptions {
  launch: LaunchOptions;
  /** out/test/vscode/index.js */
  entry: string;
  timeoutMs: number;
}

function finish(opts: HostPhaseOptions, exitCode: number, started: number): PhaseResult {
  const reported = readTally(path.join(opts.launch.resultsDir, RESULTS_FILE));
  return { name: "extension-host", ...hostPhaseResult(exitCode, reported, opts.launch.grep), ms: Date.now() - started };
}

export async function extensionHostBrowser(opts: HostPhaseOptions): Promise<PhaseResult> {
  const h = await import("../browser");
  const started = Date.now();
  say("starting code-server and chromium for the extension-host suite");
  const session = await h.startSession({ ...opts.launch, name: "extension-host", extensionTestsPath: opts.entry, waitForWorkbench: false });
  const tail = tailFile(path.join(opts.launch.resultsDir, OUTPUT_FILE));
  try {
    say(`workbench: ${session.url.replace(/payload=.*/, "payload=…")}`);
    const shotAtStart = (async () => {
      await session.page.locator(".monaco-workbench").first().waitFor({ state: "visible", timeout: 60_000 });
      await session.page.waitForTimeout(3000);
      return session.screenshot("workbench");
    })().catch((e: unknown) => say(`no start screenshot: ${String(e instanceof Error ? e.message : e).split("\n")[0]}`));
    const serverDied = new Promise<string>((resolve) => session.server.process.once("exit", (c, s) => resolve(`code-server exited (${c ?? s})`)));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), opts.timeoutMs)));
    const outcome = await Promise.race([session.automationExit, serverDied, timedOut]);
    clearTimeout(timer);
    tail.stop();
    await shotAtStart;
    const shot = await session.screenshot(typeof outcome === "number" ? "end" : "failure").catch(() => undefined);
    if (shot) say(`screenshot: ${rel(shot)}`);
    if (typeof outcome === "number") return finish(opts, outcome, started);
    const why = outcome === "timeout" ? `the suite did not call codeAutomationExit within ${opts.timeoutMs / 1000}s` : `${outcome}\n${session.server.logTail(30)}`;
    console.error(`vscode-test: extension-host suite: ${why}`);
    const notes = await h.notifications(session.page).catch(() => []);
    if (notes.length) console.error(`notifications:\n  ${notes.join("\n  ")}`);
    return finish(opts, 1, started);
  } finally {
    tail.stop();
    await session.stop();
  }
}

/** Installs the .vsix into a fresh extensions folder; the development path is then a stub that contributes nothing. */
function installVsix(desktop: string, vsix: string, userData: string, extDir: string, tmp: string, cliArgs: (exe: string) => string[]): string {
  const [cli, ...args] = cliArgs(desktop);
  const r = spawnSync(cli, [...args, "--user-data-dir", userData, "--extensions-dir", extDir, "--install-extension", vsix], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status})`);
  const stub = path.join(tmp, "stub-extension");
  fs.mkdirSync(stub);
  fs.writeFileSync(
    path.join(stub, "package.json"),
    JSON.stringify({ name: "actnb-vscode-test-runner", publisher: "actnb-test", version: "0.0.0", engines: { vscode: "^1.100.0" } }),
  );
  return stub;
}

export async function extensionHostElectron(opts: HostPhaseOptions, desktop: string): Promise<PhaseResult> {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = await import("@vscode/test-electron");
  const { userSettings, prepareWorkspace } = await import("../browser/session");
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vscode-electron-"));
  try {
    const userData = path.join(tmp, "user-data");
    const extDir = path.join(tmp, "extensions");
    const workspace = path.join(tmp, "workspace");
    fs.mkdirSync(path.join(userData, "User"), { recursive: true });
    fs.mkdirSync(extDir, { recursive: true });
    fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(userSettings(opts.launch), null, 2));
    prepareWorkspace(workspace, opts.launch.fixtures ?? []);
    const devPath = opts.launch.vsix ? installVsix(desktop, opts.launch.vsix, userData, extDir, tmp, resolveCliArgsFromVSCodeExecutablePath) : REPO_ROOT;
    if (!process.env.DISPLAY) say("warning: no DISPLAY; a desktop VS Code needs one (run under xvfb-run)");
    let exitCode: number;
    try {
      exitCode = await runTests({
        vscodeExecutablePath: desktop,
        extensionDevelopmentPath: devPath,
        extensionTestsPath: opts.entry,
        launchArgs: [workspace, "--user-data-dir", userData, "--extensions-dir", extDir],
        extensionTestsEnv: { [LAUNCH_ENV]: JSON.stringify(opts.launch) },
      });
    } catch (e) {
      exitCode = typeof e === "object" && e !== null && "code" in e && typeof e.code === "number" ? e.code : 1;
      console.error(`vscode-test: ${e instanceof Error ? e.message : String(e)}`);
    }
    say("(the electron launcher takes no screenshots)");
    return finish(opts, exitCode, started);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
