// The one result format of every test suite `npm test` runs: how many tests passed, failed and
// were skipped, and which failed. A suite writes it as JSON to the file named by ACTNB_TALLY_FILE
// (the mocha reporter, the VS Code runner and each of its matrix runs, the extension-host suite);
// whoever started it reads that file instead of parsing the suite's printed summary.
import * as fs from "node:fs";
import * as path from "node:path";

export interface Failure {
  title: string;
  /** The error's first line(s); "" when there is nothing more than the title. */
  error: string;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: Failure[];
}

/** The environment variable naming the file a suite writes its tally to. */
export const TALLY_ENV = "ACTNB_TALLY_FILE";

export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, failures: [] };
}

/** A tally of one failure that is not a test (a harness error, a run that reported nothing). */
export function failureTally(title: string, error = ""): Tally {
  return { passed: 0, failed: 1, skipped: 0, failures: [{ title, error }] };
}

export function addTallies(tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.passed += t.passed;
    sum.failed += t.failed;
    sum.skipped += t.skipped;
    sum.failures.push(...t.failures);
  }
  return sum;
}

/** "N passed, N failed, N skipped": the closing line of every suite (CI reads the last one). */
export function countsText(t: Pick<Tally, "passed" | "failed" | "skipped">): string {
  return `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

function isFailure(v: unknown): v is Failure {
  return typeof v === "object" && v !== null && "title" in v && typeof v.title === "string" && "error" in v && typeof v.error === "string";
}

export function isTally(v: unknown): v is Tally {
  return (
    typeof v === "object" && v !== null &&
    "passed" in v && isCount(v.passed) && "failed" in v && isCount(v.failed) && "skipped" in v && isCount(v.skipped) &&
    "failures" in v && Array.isArray(v.failures) && v.failures.every(isFailure)
  );
}

export function writeTally(file: string, tally: Tally): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(tally, null, 2)}\n`);
}

/** The tally in `file`; undefined when there is none; throws when the file is not a tally. */
export function readTally(file: string): Tally | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const value: unknown = JSON.parse(text);
  if (!isTally(value)) throw new Error(`${file} is not a test tally ({ passed, failed, skipped, failures: [{ title, error }] }): ${text.slice(0, 200)}`);
  return value;
}

/** Writes the tally where ACTNB_TALLY_FILE says, when it says. */
export function reportTally(tally: Tally, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[TALLY_ENV];
  if (file) writeTally(file, tally);
}
