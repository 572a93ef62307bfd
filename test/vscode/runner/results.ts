// How the runner turns what its phases and matrix runs reported into one tally and a verdict
// (pure: unit-tested in test/unit/vscode-runner.test.ts).
import { addTallies, failureTally, Tally } from "../../tally";

/** One phase of a configuration: the extension-host suite, the UI specs, or a harness error. */
export interface PhaseResult {
  name: "extension-host" | "ui" | "harness";
  tally: Tally;
  exitCode: number;
  ms: number;
}

/**
 * The extension-host phase's tally from the suite's exit code and the tally it wrote (none: it
 * never reported, because run() failed before mocha ran or the host died). A suite that ran
 * nothing because --grep matched none of its tests passes (index.js rejects an empty run); any
 * other non-zero exit counts as a failure.
 */
export function hostPhaseResult(exitCode: number, reported: Tally | undefined, grep: string | undefined): { tally: Tally; exitCode: number } {
  if (!reported) return { tally: failureTally(`extension-host suite (exit ${exitCode}) reported no counts`), exitCode };
  if (exitCode !== 0 && grep && reported.passed === 0 && reported.failed === 0) return { tally: reported, exitCode: 0 };
  if (exitCode !== 0 && reported.failed === 0) return { tally: addTallies([reported, failureTally(`extension-host suite exited ${exitCode}`)]), exitCode };
  return { tally: reported, exitCode };
}

/**
 * One configuration's tally and verdict: every phase passed, exited 0, and some test ran (unless
 * `emptyOk`: a matrix child whose tests --grep filtered out; the matrix checks the total).
 */
export function singleOutcome(phases: PhaseResult[], emptyOk: boolean): { tally: Tally; ok: boolean; noTest: boolean } {
  const total = addTallies(phases.map((p) => p.tally));
  const noTest = total.passed + total.failed === 0 && !emptyOk;
  return {
    tally: noTest ? addTallies([total, failureTally("no test ran")]) : total,
    ok: !noTest && total.failed === 0 && phases.every((p) => p.exitCode === 0),
    noTest,
  };
}

/** A matrix run's tally from what its child wrote and how it exited; `note` says what was wrong. */
export function matrixRunResult(name: string, reported: Tally | undefined, exitCode: number): { tally: Tally; note?: string } {
  if (!reported) return { tally: failureTally(`${name}: reported no counts`), note: "reported no counts" };
  if (exitCode !== 0 && reported.failed === 0) return { tally: addTallies([reported, failureTally(`${name}: exit ${exitCode}`)]), note: `exit ${exitCode}` };
  return { tally: reported };
}

/** The matrix's total and verdict: no failure, some test ran, not interrupted. */
export function matrixOutcome(runs: Tally[], aborted: boolean): { tally: Tally; ok: boolean; noTest: boolean } {
  const total = addTallies(runs);
  const ok = total.failed === 0 && total.passed > 0 && !aborted;
  const extra: Tally[] = [];
  if (aborted && total.failed === 0) extra.push(failureTally("interrupted"));
  const noTest = total.passed + total.failed + extra.length === 0;
  if (noTest) extra.push(failureTally("no test ran"));
  return { tally: addTallies([total, ...extra]), ok, noTest };
}
