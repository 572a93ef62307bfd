// The VS Code test runner (entry: scripts/vscode-test.mjs, which loads this compiled file): parses
// the command line, runs the matrix or one configuration, prints the closing
// "vscode: N passed, N failed, N skipped" and writes the same tally to ACTNB_TALLY_FILE.
import * as path from "node:path";
import { countsText, failureTally, reportTally } from "../../tally";
import { REPO_ROOT } from "../launchOptions";
import { parseRunnerArgs, USAGE, UsageError } from "./args";
import { runMatrix } from "./matrix";
import { runSingle } from "./single";

/** Runs the tests as `argv` asks; resolves with the process's exit code. `launcherScript` is the entry matrix children run. */
export async function main(argv: string[], launcherScript: string): Promise<number> {
  try {
    const args = parseRunnerArgs(argv, path.join(REPO_ROOT, "test-results", "vscode"));
    if (args.mode === "help") {
      console.log(USAGE);
      return 0;
    }
    const { tally, ok } = args.mode === "matrix" ? await runMatrix(args, launcherScript) : await runSingle(args);
    reportTally(tally);
    return ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // the command line, or the machine, cannot run the tests: exit 2, with the counts CI reads
    const tally = failureTally("vscode-test could not start", e.message);
    console.error(`\nvscode-test: FAILED: ${e.message}`);
    console.log(`vscode: ${countsText(tally)}`);
    reportTally(tally);
    return 2;
  }
}
