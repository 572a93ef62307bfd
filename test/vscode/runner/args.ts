// The VS Code test runner's command line (scripts/vscode-test.mjs), parsed and checked without
// touching anything: which mode (the matrix of configurations, or one configuration) and the
// options handed down to both phases.
import * as path from "node:path";
import { parseArgs } from "node:util";

export const USAGE = `Runs the extension in a real VS Code 1.100 and drives it like a user.

  node scripts/vscode-test.mjs [--launcher auto|electron|browser] [--install-vsix FILE] [--untrusted]
       [--theme "Default Dark Modern"] [--setting key=JSON]... [--fixture PATH]... [--grep RE]
       [--no-ui | --ui-only] [--results DIR] [--timeout SECONDS] [--matrix | --single]

Matrix (the default when none of --untrusted, --theme, --install-vsix, --setting, --fixture is
given): one run per configuration, each a child --single run with its own flags, results in
test-results/vscode/ (default) and test-results/vscode/<name>/ (the others), one total at the end:
  default    the work tree, trusted           both phases (smoke, sample notebooks, harness, scenarios 2-4)
  untrusted  --untrusted                      UI specs (scenario 5, Restricted Mode)
  vsix       --install-vsix <fresh package>   both phases (smoke on the package, scenario 6); packaged with vsce first
  light      --theme "Default Light Modern"   UI specs (scenario 7)
  dark       --theme "Default Dark Modern"    UI specs (scenario 7)
--single (or any configuration flag) runs one configuration: two phases, both against the same
launch options:
  1. the extension-host suite (out/test/vscode/index.js: mocha over out/test/vscode/suite/**/*.test.js)
     in the Extension Development Host;
  2. the UI specs (out/test/vscode/ui/**/*.test.js), mocha in this process, driving the workbench
     in chromium through test/vscode/browser/ (browser launcher only).
Launchers: @vscode/test-electron's runTests when a desktop VS Code is at hand (VSCODE_EXECUTABLE_PATH,
or a download cached in .vscode-test/), else code-server 4.100.3 + Debian's chromium through
playwright-core (scripts/install-vscode-test-deps.sh installs both). Neither: exit 2, loudly.
Build first (npm run build). Screenshots and logs go to test-results/vscode/; the closing counts also
go, as JSON, to the file ACTNB_TALLY_FILE names.`;

export type Launcher = "auto" | "electron" | "browser";
const LAUNCHERS: readonly Launcher[] = ["auto", "electron", "browser"];

export interface RunnerArgs {
  mode: "matrix" | "single" | "help";
  launcher: Launcher;
  /** Absolute path of the .vsix to install instead of the work tree. */
  installVsix?: string;
  untrusted: boolean;
  theme?: string;
  /** --setting key=JSON, parsed (a value that is not JSON is kept as a string). */
  settings: Record<string, unknown>;
  /** Absolute paths; empty: the default fixtures. */
  fixtures: string[];
  grep?: string;
  noUi: boolean;
  uiOnly: boolean;
  /** Absolute path of the results folder. */
  results: string;
  /** --timeout, as given (seconds): handed down to matrix children as is. */
  timeout: string;
  timeoutMs: number;
  /**
   * Internal, for matrix children: keep what other configurations wrote into the results folder,
   * and let a --grep that matches nothing here pass (the matrix checks the total).
   */
  matrixChild: boolean;
}

/** A command line the runner refuses; the message says why. */
export class UsageError extends Error {}

function parseSetting(s: string): [string, unknown] {
  const eq = s.indexOf("=");
  if (eq < 1) throw new UsageError(`--setting wants key=JSON, got ${JSON.stringify(s)}`);
  const raw = s.slice(eq + 1);
  try {
    return [s.slice(0, eq), JSON.parse(raw)];
  } catch {
    return [s.slice(0, eq), raw]; // a bare string
  }
}

/** node:util's parseArgs over the runner's options (inline, so the values' types follow them). */
function rawArgs(argv: string[], defaultResults: string) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      launcher: { type: "string", default: "auto" },
      "install-vsix": { type: "string" },
      untrusted: { type: "boolean", default: false },
      theme: { type: "string" },
      setting: { type: "string", multiple: true, default: [] },
      fixture: { type: "string", multiple: true, default: [] },
      grep: { type: "string" },
      "no-ui": { type: "boolean", default: false },
      "ui-only": { type: "boolean", default: false },
      results: { type: "string", default: defaultResults },
      timeout: { type: "string", default: "600" },
      matrix: { type: "boolean", default: false },
      single: { type: "boolean", default: false },
      "matrix-child": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}

/** Parses the runner's arguments (relative paths against `cwd`); throws UsageError. */
export function parseRunnerArgs(argv: string[], defaultResults: string, cwd = process.cwd()): RunnerArgs {
  let values: ReturnType<typeof rawArgs>;
  try {
    values = rawArgs(argv, defaultResults);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const launcher = LAUNCHERS.find((l) => l === values.launcher);
  if (!launcher) throw new UsageError(`--launcher must be auto, electron or browser, not ${values.launcher}`);
  const configGiven =
    values.untrusted || values.theme !== undefined || values["install-vsix"] !== undefined || values.setting.length > 0 || values.fixture.length > 0;
  if (values.matrix && values.single) throw new UsageError("--matrix and --single exclude each other");
  if (values.matrix && configGiven) {
    throw new UsageError("--matrix runs its own configurations: drop --untrusted/--theme/--install-vsix/--setting/--fixture, or pass them without --matrix");
  }
  if (values["no-ui"] && values["ui-only"]) throw new UsageError("--no-ui and --ui-only exclude each other");
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) throw new UsageError(`--timeout wants seconds, got ${values.timeout}`);
  return {
    mode: values.help ? "help" : values.matrix || (!values.single && !configGiven) ? "matrix" : "single",
    launcher,
    installVsix: values["install-vsix"] === undefined ? undefined : path.resolve(cwd, values["install-vsix"]),
    untrusted: values.untrusted,
    theme: values.theme,
    settings: Object.fromEntries(values.setting.map(parseSetting)),
    fixtures: values.fixture.map((f) => path.resolve(cwd, f)),
    grep: values.grep,
    noUi: values["no-ui"],
    uiOnly: values["ui-only"],
    results: path.resolve(cwd, values.results),
    timeout: values.timeout,
    timeoutMs,
    matrixChild: values["matrix-child"],
  };
}
