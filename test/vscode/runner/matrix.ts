// Matrix mode (the default): every configuration in turn, each a child `--single` run of this
// runner with its own flags and results folder, then one total. Each child writes its tally to a
// file of its own (ACTNB_TALLY_FILE); nothing is parsed from its output.
import { spawn, ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { countsText, failureTally, readTally, TALLY_ENV, Tally } from "../../tally";
import { REPO_ROOT } from "../launchOptions";
import { RunnerArgs } from "./args";
import { rel, say, secs } from "./log";
import { matrixOutcome, matrixRunResult } from "./results";
import { packageVsix } from "./package_vsix";

type Phase = "host" | "ui";

interface Configuration {
  name: string;
  /** Its flags; a function is called when the configuration's turn comes (packaging takes a while). */
  flags: (tmp: string) => string[];
  /** Its results folder, under the matrix's. */
  dir: (root: string) => string;
  phases: Phase[];
}

export const CONFIGURATIONS: Configuration[] = [
  { name: "default", flags: () => [], dir: (root) => root, phases: ["host", "ui"] },
  { name: "untrusted", flags: () => ["--untrusted"], dir: (root) => path.join(root, "untrusted"), phases: ["ui"] },
  { name: "vsix", flags: (tmp) => ["--install-vsix", packageVsix(REPO_ROOT, tmp)], dir: (root) => path.join(root, "vsix"), phases: ["host", "ui"] },
  { name: "light", flags: () => ["--theme", "Default Light Modern"], dir: (root) => path.join(root, "light"), phases: ["ui"] },
  { name: "dark", flags: () => ["--theme", "Default Dark Modern"], dir: (root) => path.join(root, "dark"), phases: ["ui"] },
];

/** The flags every child gets from the matrix's own command line. */
export function passedDown(args: RunnerArgs): string[] {
  const pass = ["--timeout", args.timeout];
  if (args.launcher !== "auto") pass.push("--launcher", args.launcher);
  if (args.grep) pass.push("--grep", args.grep);
  return pass;
}

/** The flag that limits a child to the phases it is run for (none: both). */
export function phaseFlags(phases: Phase[]): string[] {
  return phases.length === 2 ? [] : phases[0] === "ui" ? ["--ui-only"] : ["--no-ui"];
}

interface RunResult {
  name: string;
  tally: Tally;
  code: number;
  ms: number;
  note?: string;
}

/** What a child wrote; a file that is not a tally is reported and counts as no report. */
function childTally(file: string): Tally | undefined {
  try {
    return readTally(file);
  } catch (e) {
    console.error(`vscode-test: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Runs the matrix; `launcherScript` is the entry each child runs (scripts/vscode-test.mjs). */
export async function runMatrix(args: RunnerArgs, launcherScript: string): Promise<{ tally: Tally; ok: boolean }> {
  const root = args.results;
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vscode-matrix-"));
  const wanted: Record<Phase, boolean> = { host: !args.uiOnly, ui: !args.noUi };
  say(`matrix: ${CONFIGURATIONS.map((c) => c.name).join(", ")}; results in ${rel(root)}`);

  let child: ChildProcess | undefined;
  let aborted = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      aborted = true;
      child?.kill(sig); // the child ends its code-server and chromium, then exits
    });
  }
  const results: RunResult[] = [];
  try {
    for (const c of CONFIGURATIONS) {
      if (aborted) break;
      const phases = c.phases.filter((p) => wanted[p]);
      const started = Date.now();
      if (!phases.length) {
        say(`=== ${c.name}: skipped (${c.phases.join(" + ")} only, and ${args.uiOnly ? "--ui-only" : "--no-ui"} was given)`);
        continue;
      }
      let flags: string[];
      try {
        flags = c.flags(tmp);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        console.error(`vscode-test: ${c.name}: ${message}`);
        results.push({ name: c.name, tally: failureTally(`${c.name}: could not start`, message), code: 1, ms: Date.now() - started, note: message.split("\n")[0] });
        continue;
      }
      const childArgs = ["--single", "--matrix-child", "--results", c.dir(root), ...flags, ...phaseFlags(phases), ...passedDown(args)];
      say(`=== ${c.name}: node scripts/vscode-test.mjs ${childArgs.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : rel(a))).join(" ")}`);
      const tallyFile = path.join(tmp, `${c.name}.tally.json`);
      const code = await new Promise<number>((resolve) => {
        child = spawn(process.execPath, [launcherScript, ...childArgs], { cwd: REPO_ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, [TALLY_ENV]: tallyFile } });
        child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      });
      child = undefined;
      results.push({ name: c.name, ...matrixRunResult(c.name, childTally(tallyFile), code), code, ms: Date.now() - started });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log("");
  for (const r of results) {
    say(`matrix ${r.name.padEnd(9)} ${countsText(r.tally)} in ${(r.ms / 1000).toFixed(1)}s${r.note ? ` (${r.note})` : ""}`);
  }
  const outcome = matrixOutcome(results.map((r) => r.tally), aborted);
  if (aborted) console.error("vscode-test: interrupted");
  if (outcome.noTest) console.error("vscode-test: FAILED: no test ran");
  say(`matrix total ${secs()}s`);
  console.log(`vscode: ${countsText(outcome.tally)}`);
  return outcome;
}
