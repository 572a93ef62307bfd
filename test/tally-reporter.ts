// Mocha's spec output, closed by one plain line CI can read ("N passed, N failed, N skipped"), and
// the same counts as a tally (test/tally.ts) for whoever started mocha with ACTNB_TALLY_FILE set.
// Mocha loads it through test/summary-reporter.js (.mocharc.json, scripts/test-all.mjs).
import Mocha from "mocha";
import { countsText, reportTally, Tally } from "./tally";

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class TallyReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: Tally["failures"] = [];
    runner.on(EVENT_TEST_FAIL, (test, err: unknown) => failures.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) }));
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      const tally: Tally = { passed: s?.passes ?? 0, failed: s?.failures ?? failures.length, skipped: s?.pending ?? 0, failures };
      process.stdout.write(`\n${countsText(tally)}\n`);
      reportTally(tally);
    });
  }
}

export = TallyReporter;
