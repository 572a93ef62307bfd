// Phase 2: the UI specs (out/test/vscode/ui/**/*.test.js), mocha in this process, each spec
// driving the workbench in chromium through test/vscode/browser/ (browser launcher only).
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { emptyTally } from "../../tally";
import { PhaseResult } from "./results";

/** Every *.test.js under `dir`, sorted: a new spec file is picked up without being listed anywhere. */
export function uiSpecFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? uiSpecFiles(path.join(dir, e.name)) : e.name.endsWith(".test.js") ? [path.join(dir, e.name)] : []))
    .sort();
}

export async function runUiSpecs(files: string[], grep: string | undefined): Promise<PhaseResult> {
  const started = Date.now();
  const mocha = new Mocha({ ui: "bdd", timeout: 180_000, reporter: "spec", grep, color: process.stdout.isTTY });
  for (const f of files) mocha.addFile(f);
  const tally = emptyTally();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on("pass", () => tally.passed++);
    runner.on("fail", (t, err: unknown) => {
      tally.failed++;
      tally.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.message : String(err) });
    });
    runner.on("pending", () => tally.skipped++);
  });
  return { name: "ui", tally, exitCode: tally.failed ? 1 : 0, ms: Date.now() - started };
}
