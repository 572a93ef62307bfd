// The extension-host suite's entry, as @vscode/test-electron (and VS Code's browser workbench, via the
// URL payload's extensionTestsPath) expect it: run() resolves when every test passed and rejects
// otherwise. Runs mocha inside the extension host over out/test/vscode/suite/**/*.test.js.
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import Mocha from "mocha";
import { launchOptionsFromEnv } from "./launchOptions";
import { emptyTally, writeTally } from "../tally";

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith(".test.js")) out.push(p);
  }
  return out.sort();
}

/** Where run() writes its tally (test/tally.ts) for the runner. */
export const RESULTS_FILE = "extension-host-results.json";
/**
 * Where run() copies mocha's report as it goes: code-server's workbench does not forward the
 * extension host's console.log, so the launcher tails this file instead.
 */
export const OUTPUT_FILE = "extension-host-output.log";

export function run(): Promise<void> {
  const opts = launchOptionsFromEnv();
  const files = testFiles(path.join(__dirname, "suite"));
  if (files.length === 0) {
    return Promise.reject(new Error(`no test files under ${path.join(__dirname, "suite")}: build first (npx tsc -p .)`));
  }
  // Mocha's Spec reporter writes through console.log, which the workbench forwards (browser) and
  // VS Code prints on its stdout (desktop).
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec", grep: opts.grep });
  for (const f of files) mocha.addFile(f);

  // Mocha's reporters print through Base.consoleLog: copy each line into OUTPUT_FILE as well.
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  let output: number | undefined;
  try {
    fs.mkdirSync(opts.resultsDir, { recursive: true });
    output = fs.openSync(path.join(opts.resultsDir, OUTPUT_FILE), "w");
  } catch (e) {
    console.error(`could not open ${OUTPUT_FILE}: ${String(e)}`);
  }
  const log = (...args: unknown[]) => {
    originalLog(...args);
    if (output !== undefined) fs.writeSync(output, `${format(...args)}\n`);
  };
  Base.consoleLog = log;
  const finish = () => {
    Base.consoleLog = originalLog;
    if (output !== undefined) fs.closeSync(output);
    output = undefined;
  };

  const result = emptyTally();
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        log(`extension-host: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
        finish();
        try {
          writeTally(path.join(opts.resultsDir, RESULTS_FILE), result);
        } catch (e) {
          console.error(`could not write ${RESULTS_FILE}: ${String(e)}`);
        }
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else if (result.passed === 0) reject(new Error("no extension-host test ran"));
        else resolve();
      });
    } catch (e) {
      log(`mocha could not run: ${(e as Error)?.stack ?? String(e)}`);
      finish();
      reject(e);
      return;
    }
    runner.on("pass", () => result.passed++);
    runner.on("fail", (t, err: unknown) => {
      result.failed++;
      result.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.stack ?? err.message : String(err) });
    });
    runner.on("pending", () => result.skipped++);
  });
}
