// The VS Code test runner's pure parts (test/vscode/runner/): its command line, the vsce arguments
// it takes from package.json, and how phase and matrix results merge into the one tally format
// (test/tally.ts) that scripts/test-all.mjs reads.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addTallies, failureTally, readTally, Tally, writeTally } from "../tally";
import { parseRunnerArgs, UsageError } from "../vscode/runner/args";
import { CONFIGURATIONS, passedDown, phaseFlags } from "../vscode/runner/matrix";
import { packageScript, vsceArgs } from "../vscode/runner/package_vsix";
import { hostPhaseResult, matrixOutcome, matrixRunResult, PhaseResult, singleOutcome } from "../vscode/runner/results";

const ROOT = path.resolve(__dirname, "../../..");
const RESULTS = "/r/test-results/vscode";
const parse = (...argv: string[]) => parseRunnerArgs(argv, RESULTS, "/cwd");
const tally = (passed: number, failed: number, skipped = 0): Tally => ({
  passed, failed, skipped, failures: Array.from({ length: failed }, (_, i) => ({ title: `t${i}`, error: "e" })),
});
const phase = (t: Tally, exitCode = 0): PhaseResult => ({ name: "ui", tally: t, exitCode, ms: 1 });

describe("VS Code runner: the command line", () => {
  it("runs the matrix by default and with --matrix; one configuration with --single or any configuration flag", () => {
    assert.strictEqual(parse().mode, "matrix");
    assert.strictEqual(parse("--matrix", "--grep", "x").mode, "matrix");
    assert.strictEqual(parse("--grep", "scenario 3", "--ui-only").mode, "matrix");
    for (const flags of [["--single"], ["--untrusted"], ["--theme", "Default Dark Modern"], ["--install-vsix", "a.vsix"], ["--setting", "a=1"], ["--fixture", "f"]]) {
      assert.strictEqual(parse(...flags).mode, "single", flags.join(" "));
    }
    assert.strictEqual(parse("-h").mode, "help");
  });

  it("reads every option, resolving paths against the working folder", () => {
    const a = parse("--single", "--launcher", "browser", "--install-vsix", "d/x.vsix", "--untrusted", "--theme", "T", "--setting", "n=3", "--setting", 'o={"a":[1]}',
      "--setting", "s=plain", "--fixture", "f1", "--fixture", "/abs/f2", "--grep", "scenario [23]", "--no-ui", "--results", "out/r", "--timeout", "90", "--matrix-child");
    assert.deepStrictEqual(a, {
      mode: "single", launcher: "browser", installVsix: "/cwd/d/x.vsix", untrusted: true, theme: "T", settings: { n: 3, o: { a: [1] }, s: "plain" },
      fixtures: ["/cwd/f1", "/abs/f2"], grep: "scenario [23]", noUi: true, uiOnly: false, results: "/cwd/out/r", timeout: "90", timeoutMs: 90_000, matrixChild: true,
    });
    const d = parse();
    assert.deepStrictEqual([d.launcher, d.results, d.timeoutMs, d.settings, d.fixtures, d.grep, d.matrixChild], ["auto", RESULTS, 600_000, {}, [], undefined, false]);
  });

  it("refuses contradictions and bad values, saying which", () => {
    const refuses = (argv: string[], message: RegExp) => assert.throws(() => parse(...argv), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(" "));
    refuses(["--matrix", "--single"], /--matrix and --single exclude each other/);
    refuses(["--matrix", "--untrusted"], /--matrix runs its own configurations/);
    refuses(["--no-ui", "--ui-only"], /--no-ui and --ui-only exclude each other/);
    refuses(["--timeout", "soon"], /--timeout wants seconds, got soon/);
    refuses(["--timeout", "0"], /--timeout wants seconds, got 0/);
    refuses(["--launcher", "desktop"], /--launcher must be auto, electron or browser, not desktop/);
    refuses(["--setting", "=1"], /--setting wants key=JSON, got "=1"/);
    refuses(["--setting", "novalue"], /--setting wants key=JSON/);
    refuses(["--bogus"], /Unknown option '--bogus'/);
    refuses(["--grep"], /--grep/);
  });

  it("hands each matrix child the matrix's timeout, launcher and grep, and limits it to its phases", () => {
    assert.deepStrictEqual(passedDown(parse("--grep", "x", "--launcher", "browser", "--timeout", "30")), ["--timeout", "30", "--launcher", "browser", "--grep", "x"]);
    assert.deepStrictEqual(passedDown(parse()), ["--timeout", "600"]);
    assert.deepStrictEqual([phaseFlags(["host", "ui"]), phaseFlags(["ui"]), phaseFlags(["host"])], [[], ["--ui-only"], ["--no-ui"]]);
    assert.deepStrictEqual(CONFIGURATIONS.map((c) => c.name), ["default", "untrusted", "vsix", "light", "dark"]);
  });
});

describe("VS Code runner: packaging with package.json's vsce arguments", () => {
  it("takes the package script's vsce step with another --out", () => {
    assert.deepStrictEqual(vsceArgs("npm run build && vsce package --no-dependencies --out dist/a.vsix --readme-path R.md", "/tmp/x.vsix"),
      ["package", "--no-dependencies", "--out", "/tmp/x.vsix", "--readme-path", "R.md"]);
    const real = vsceArgs(packageScript(ROOT), "/tmp/x.vsix");
    const script = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.package as string;
    assert.strictEqual(real.join(" "), script.slice(script.indexOf("vsce ") + 5).replace(/--out \S+/, "--out /tmp/x.vsix"));
  });

  it("refuses a script it cannot follow", () => {
    assert.throws(() => vsceArgs("npm run build", "o"), /has no vsce step/);
    assert.throws(() => vsceArgs("vsce package", "o"), /gives vsce no --out FILE/);
    assert.throws(() => vsceArgs("vsce package --out", "o"), /gives vsce no --out FILE/);
    assert.throws(() => vsceArgs('vsce package --readme-path "a b.md" --out x', "o"), /quotes or expands/);
  });
});

describe("VS Code runner: one tally from phases and matrix runs", () => {
  it("the extension-host phase: its own tally, a silent suite, a --grep that matched nothing, a bad exit", () => {
    assert.deepStrictEqual(hostPhaseResult(0, tally(5, 0, 1), undefined), { tally: tally(5, 0, 1), exitCode: 0 });
    assert.deepStrictEqual(hostPhaseResult(1, tally(4, 1), undefined), { tally: tally(4, 1), exitCode: 1 });
    assert.deepStrictEqual(hostPhaseResult(3, undefined, "x"), { tally: failureTally("extension-host suite (exit 3) reported no counts"), exitCode: 3 });
    assert.deepStrictEqual(hostPhaseResult(1, tally(0, 0), "nothing-matches"), { tally: tally(0, 0), exitCode: 0 });
    assert.deepStrictEqual(hostPhaseResult(1, tally(0, 0), undefined), { tally: failureTally("extension-host suite exited 1"), exitCode: 1 });
    assert.deepStrictEqual(hostPhaseResult(1, tally(2, 0), "x").tally, addTallies([tally(2, 0), failureTally("extension-host suite exited 1")]));
  });

  it("one configuration: sums its phases; fails on a failure, a bad exit, or no test at all (unless a matrix child's --grep emptied it)", () => {
    assert.deepStrictEqual(singleOutcome([phase(tally(3, 0, 1)), phase(tally(2, 0))], false), { tally: tally(5, 0, 1), ok: true, noTest: false });
    assert.strictEqual(singleOutcome([phase(tally(3, 1))], false).ok, false);
    assert.strictEqual(singleOutcome([phase(tally(3, 0), 1)], false).ok, false);
    assert.deepStrictEqual(singleOutcome([phase(tally(0, 0, 2))], false), { tally: addTallies([tally(0, 0, 2), failureTally("no test ran")]), ok: false, noTest: true });
    assert.deepStrictEqual(singleOutcome([], true), { tally: tally(0, 0), ok: true, noTest: false });
  });

  it("a matrix run: its child's tally, or a failure when it wrote none or exited badly without one", () => {
    assert.deepStrictEqual(matrixRunResult("light", tally(4, 0), 0), { tally: tally(4, 0) });
    assert.deepStrictEqual(matrixRunResult("light", undefined, 0), { tally: failureTally("light: reported no counts"), note: "reported no counts" });
    assert.deepStrictEqual(matrixRunResult("vsix", tally(4, 0), 2), { tally: addTallies([tally(4, 0), failureTally("vsix: exit 2")]), note: "exit 2" });
    assert.deepStrictEqual(matrixRunResult("vsix", tally(3, 1), 1), { tally: tally(3, 1) });
  });

  it("the matrix: sums the runs; an interruption or an empty total fails", () => {
    assert.deepStrictEqual(matrixOutcome([tally(10, 0, 1), tally(0, 0), tally(3, 0)], false), { tally: tally(13, 0, 1), ok: true, noTest: false });
    assert.strictEqual(matrixOutcome([tally(10, 0), tally(1, 2)], false).tally.failed, 2);
    assert.deepStrictEqual(matrixOutcome([tally(10, 0)], true), { tally: addTallies([tally(10, 0), failureTally("interrupted")]), ok: false, noTest: false });
    assert.deepStrictEqual(matrixOutcome([tally(1, 1)], true).tally.failed, 1);
    assert.deepStrictEqual(matrixOutcome([tally(0, 0, 3)], false), { tally: addTallies([tally(0, 0, 3), failureTally("no test ran")]), ok: false, noTest: true });
  });

  it("tally files: written and read back; none is undefined; anything else is refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-tally-"));
    try {
      const file = path.join(dir, "sub", "t.json");
      assert.strictEqual(readTally(file), undefined);
      writeTally(file, tally(2, 1, 3));
      assert.deepStrictEqual(readTally(file), tally(2, 1, 3));
      fs.writeFileSync(file, JSON.stringify({ passed: 2, failed: "1", skipped: 0, failures: [] }));
      assert.throws(() => readTally(file), /is not a test tally/);
      fs.writeFileSync(file, JSON.stringify({ passed: 2, failed: 1, skipped: 0, failures: [{ title: "x" }] }));
      assert.throws(() => readTally(file), /is not a test tally/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
