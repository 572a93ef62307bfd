// One configuration (--single, or any configuration flag): the launch options handed down to both
// phases, the extension-host suite, then the UI specs; prints each phase's counts and the closing
// "vscode: N passed, N failed, N skipped".
import * as fs from "node:fs";
import * as path from "node:path";
import { countsText, failureTally, Tally } from "../../tally";
import { defaultFixtures, LAUNCH_ENV, LaunchOptions, REPO_ROOT } from "../launchOptions";
import { RunnerArgs, UsageError } from "./args";
import { extensionHostBrowser, extensionHostElectron } from "./host_phase";
import { chooseLauncher } from "./launcher";
import { rel, say, secs } from "./log";
import { PhaseResult, singleOutcome } from "./results";
import { runUiSpecs, uiSpecFiles } from "./ui_phase";

/** out/test/vscode: the compiled suites and this runner. */
const OUT = path.resolve(__dirname, "..");

export async function runSingle(args: RunnerArgs): Promise<{ tally: Tally; ok: boolean }> {
  if (args.installVsix && !fs.existsSync(args.installVsix)) throw new UsageError(`--install-vsix: no file ${args.installVsix}`);
  const entry = path.join(OUT, "index.js");
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(OUT, "browser", "index.js"))) {
    throw new UsageError(`${rel(entry)} is not built: run \`npx tsc -p .\` (npm run build) first`);
  }
  const fixtures = args.fixtures.length ? args.fixtures : defaultFixtures();
  for (const f of fixtures) if (!fs.existsSync(f)) throw new UsageError(`--fixture: no such path ${f}`);
  const chosen = await chooseLauncher(REPO_ROOT, args.launcher, args.untrusted);

  const launch: LaunchOptions = {
    launcher: chosen.launcher,
    trusted: !args.untrusted,
    theme: args.theme,
    vsix: args.installVsix,
    settings: args.settings,
    fixtures,
    resultsDir: args.results,
    expectVersion: process.env.ACTNB_EXPECT_VSCODE ?? "1.100.",
    grep: args.grep,
  };
  process.env[LAUNCH_ENV] = JSON.stringify(launch);
  if (!args.matrixChild) fs.rmSync(args.results, { recursive: true, force: true });
  fs.mkdirSync(args.results, { recursive: true });
  say(
    `launcher: ${chosen.launcher}${chosen.launcher === "electron" ? ` (${chosen.desktop})` : " (code-server + chromium via playwright-core)"}; ` +
      `${launch.trusted ? "trusted" : "UNTRUSTED"} workspace; extension from ${args.installVsix ? rel(args.installVsix) : "the work tree (extensionDevelopmentPath)"}` +
      `${args.theme ? `; theme ${args.theme}` : ""}; results in ${rel(args.results)}`,
  );

  const phases: PhaseResult[] = [];
  const teardown = chosen.launcher === "browser" ? (await import("../browser")).runTeardowns : async () => undefined;
  try {
    if (!args.uiOnly) {
      say("phase 1: extension-host suite");
      const host = { launch, entry, timeoutMs: args.timeoutMs };
      phases.push(chosen.launcher === "electron" ? await extensionHostElectron(host, chosen.desktop) : await extensionHostBrowser(host));
    }
    if (!args.noUi) {
      const files = uiSpecFiles(path.join(OUT, "ui"));
      if (chosen.launcher !== "browser") say(`phase 2: ${files.length} UI spec file(s) skipped: they need the browser launcher`);
      else if (files.length === 0) say("phase 2: no UI specs (out/test/vscode/ui/**/*.test.js)");
      else {
        say(`phase 2: UI specs (${files.length} file(s))`);
        phases.push(await runUiSpecs(files, args.grep));
      }
    }
  } catch (e) {
    console.error(`vscode-test: ${e instanceof Error ? e.stack : String(e)}`);
    phases.push({ name: "harness", tally: failureTally("harness error", e instanceof Error ? e.message : String(e)), exitCode: 1, ms: 0 });
  } finally {
    await teardown();
  }

  console.log("");
  for (const p of phases) {
    say(`${p.name}: ${countsText(p.tally)} in ${(p.ms / 1000).toFixed(1)}s (exit ${p.exitCode})`);
    for (const f of p.tally.failures) console.log(`    ✗ ${f.title}${f.error ? `: ${f.error.split("\n")[0]}` : ""}`);
  }
  const shots = fs.existsSync(args.results) ? fs.readdirSync(args.results).filter((f) => f.endsWith(".png")) : [];
  say(`${shots.length} screenshot(s) in ${rel(args.results)}; total ${secs()}s`);
  // a matrix child may run nothing (its specs filtered out by --grep); the matrix checks the total
  const outcome = singleOutcome(phases, args.matrixChild && !!args.grep);
  if (outcome.noTest) console.error("vscode-test: FAILED: no test ran");
  console.log(`vscode: ${countsText(outcome.tally)}`);
  return outcome;
}
