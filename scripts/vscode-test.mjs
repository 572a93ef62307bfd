#!/usr/bin/env node
// Runs the extension in a real VS Code 1.100 and drives it like a user.
//
//   node scripts/vscode-test.mjs [--launcher auto|electron|browser] [--install-vsix FILE] [--untrusted]
//        [--theme "Default Dark Modern"] [--setting key=JSON]... [--fixture PATH]... [--grep RE]
//        [--no-ui | --ui-only] [--results DIR] [--timeout SECONDS] [--matrix | --single]
//
// Matrix (the default when none of --untrusted, --theme, --install-vsix, --setting, --fixture is
// given): one run per configuration, each a child `--single` run with its own flags, results in
// test-results/vscode/ (default) and test-results/vscode/<name>/ (the others), one total at the end:
//   default    the work tree, trusted           both phases (smoke, sample notebooks, harness, scenarios 2-4)
//   untrusted  --untrusted                      UI specs (scenario 5, Restricted Mode)
//   vsix       --install-vsix <fresh package>   both phases (smoke on the package, scenario 6); packaged with vsce first
//   light      --theme "Default Light Modern"   UI specs (scenario 7)
//   dark       --theme "Default Dark Modern"    UI specs (scenario 7)
// --single (or any configuration flag) runs one configuration: two phases, both against the same
// launch options:
//   1. the extension-host suite (out/test/vscode/index.js: mocha over out/test/vscode/suite/**/*.test.js)
//      in the Extension Development Host;
//   2. the UI specs (out/test/vscode/ui/**/*.test.js), mocha in this process, driving the workbench
//      in chromium through test/vscode/browser/ (browser launcher only).
// Launchers: @vscode/test-electron's runTests when a desktop VS Code is at hand (VSCODE_EXECUTABLE_PATH,
// or a download cached in .vscode-test/), else code-server 4.100.3 + Debian's chromium through
// playwright-core (scripts/install-vscode-test-deps.sh installs both). Neither: exit 2, loudly.
// Build first (npx tsc -p .). Screenshots and logs go to test-results/vscode/.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "out", "test", "vscode");
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const say = (msg) => console.log(`[vscode-test +${secs()}s] ${msg}`);
const rel = (p) => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);

function fail(msg, code = 2) {
  console.error(`\nvscode-test: FAILED: ${msg}`);
  console.log("vscode: 0 passed, 1 failed");
  process.exit(code);
}

let args;
try {
  ({ values: args } = parseArgs({
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
      results: { type: "string", default: path.join(ROOT, "test-results", "vscode") },
      timeout: { type: "string", default: "600" },
      matrix: { type: "boolean", default: false },
      single: { type: "boolean", default: false },
      // internal, for matrix children: keep what other configurations wrote into the results
      // folder, and let a --grep that matches nothing here pass (the matrix checks the total)
      "matrix-child": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }));
} catch (e) {
  fail(e.message);
}
if (args.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 25).map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

// ---- matrix mode: every configuration, each in a child run ------------------------------------
const configGiven = args.untrusted || args.theme !== undefined || args["install-vsix"] !== undefined || args.setting.length > 0 || args.fixture.length > 0;
if (args.matrix && args.single) fail("--matrix and --single exclude each other");
if (args.matrix && configGiven) fail("--matrix runs its own configurations: drop --untrusted/--theme/--install-vsix/--setting/--fixture, or pass them without --matrix");
if (args["no-ui"] && args["ui-only"]) fail("--no-ui and --ui-only exclude each other");
if (args.matrix || (!args.single && !configGiven)) await runMatrix();

/** Packages the current build (dist/) into a fresh .vsix with vsce, as `npm run package` does minus the build. */
function packageVsix(dir) {
  const out = path.join(dir, "activation-notebooks.vsix");
  if (!fs.existsSync(path.join(ROOT, "dist", "extension.js"))) throw new Error("dist/extension.js is missing: run npm run build first");
  const vsce = require.resolve("@vscode/vsce/vsce");
  const r = spawnSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--readme-path", "extension/MARKETPLACE.md", "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 180_000,
  });
  if (r.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-15).join("\n")}`);
  }
  return out;
}

async function runMatrix() {
  const { spawn } = await import("node:child_process");
  const root = path.resolve(args.results);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vscode-matrix-"));
  const wanted = { host: !args["ui-only"], ui: !args["no-ui"] };
  const pass = ["--timeout", args.timeout];
  if (args.launcher !== "auto") pass.push("--launcher", args.launcher);
  if (args.grep) pass.push("--grep", args.grep);
  const configs = [
    { name: "default", flags: [], dir: root, phases: ["host", "ui"] },
    { name: "untrusted", flags: ["--untrusted"], dir: path.join(root, "untrusted"), phases: ["ui"] },
    { name: "vsix", flags: ["--install-vsix", () => packageVsix(tmp)], dir: path.join(root, "vsix"), phases: ["host", "ui"] },
    { name: "light", flags: ["--theme", "Default Light Modern"], dir: path.join(root, "light"), phases: ["ui"] },
    { name: "dark", flags: ["--theme", "Default Dark Modern"], dir: path.join(root, "dark"), phases: ["ui"] },
  ];
  say(`matrix: ${configs.map((c) => c.name).join(", ")}; results in ${rel(root)}`);

  let child;
  let aborted = false;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      aborted = true;
      child?.kill(sig); // the child ends its code-server and chromium, then exits
    });
  }
  const results = [];
  for (const c of configs) {
    if (aborted) break;
    const phases = c.phases.filter((p) => wanted[p]);
    const started = Date.now();
    if (!phases.length) {
      say(`=== ${c.name}: skipped (${c.phases.join(" + ")} only, and ${args["ui-only"] ? "--ui-only" : "--no-ui"} was given)`);
      continue;
    }
    let flags;
    try {
      flags = c.flags.map((f) => (typeof f === "function" ? f() : f));
    } catch (e) {
      console.error(`vscode-test: ${c.name}: ${e.message}`);
      results.push({ name: c.name, passed: 0, failed: 1, skipped: 0, code: 1, ms: Date.now() - started, note: e.message.split("\n")[0] });
      continue;
    }
    const phaseFlags = phases.length === 2 ? [] : phases[0] === "ui" ? ["--ui-only"] : ["--no-ui"];
    const childArgs = [fileURLToPath(import.meta.url), "--single", "--matrix-child", "--results", c.dir, ...flags, ...phaseFlags, ...pass];
    say(`=== ${c.name}: node scripts/vscode-test.mjs ${childArgs.slice(1).map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : rel(a))).join(" ")}`);
    let last = "";
    const code = await new Promise((resolve) => {
      child = spawn(process.execPath, childArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: process.env });
      let partial = "";
      child.stdout.on("data", (d) => {
        const lines = (partial + d.toString("utf8")).split("\n");
        partial = lines.pop();
        for (const l of lines) {
          if (/^vscode: \d+ passed/.test(l)) last = l;
          process.stdout.write(`${l}\n`);
        }
      });
      child.on("close", (code, signal) => {
        if (partial) process.stdout.write(`${partial}\n`);
        resolve(code ?? (signal ? 1 : 0));
      });
    });
    child = undefined;
    const m = /^vscode: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(last);
    const r = m ? { passed: +m[1], failed: +m[2], skipped: +m[3] } : { passed: 0, failed: 1, skipped: 0, note: "reported no counts" };
    if (code !== 0 && r.failed === 0) Object.assign(r, { failed: 1, note: `exit ${code}` });
    results.push({ name: c.name, ...r, code, ms: Date.now() - started });
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  console.log("");
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    say(`matrix ${r.name.padEnd(9)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${(r.ms / 1000).toFixed(1)}s${r.note ? ` (${r.note})` : ""}`);
  }
  if (aborted) {
    console.error("vscode-test: interrupted");
    total.failed += total.failed ? 0 : 1;
  }
  const ran = total.passed + total.failed;
  if (ran === 0) console.error("vscode-test: FAILED: no test ran");
  say(`matrix total ${secs()}s`);
  console.log(`vscode: ${total.passed} passed, ${total.failed + (ran === 0 ? 1 : 0)} failed, ${total.skipped} skipped`);
  process.exit(total.failed === 0 && ran > 0 && !aborted ? 0 : 1);
}

// ---- options handed down to both phases ---------------------------------------------------------
const settings = {};
for (const s of args.setting) {
  const eq = s.indexOf("=");
  if (eq < 1) fail(`--setting wants key=JSON, got ${JSON.stringify(s)}`);
  const raw = s.slice(eq + 1);
  try {
    settings[s.slice(0, eq)] = JSON.parse(raw);
  } catch {
    settings[s.slice(0, eq)] = raw; // a bare string
  }
}
const vsix = args["install-vsix"] ? path.resolve(args["install-vsix"]) : undefined;
if (vsix && !fs.existsSync(vsix)) fail(`--install-vsix: no file ${vsix}`);
const resultsDir = path.resolve(args.results);
const timeoutMs = Number(args.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout wants seconds, got ${args.timeout}`);

const entry = path.join(OUT, "index.js");
const browserHelpers = path.join(OUT, "browser", "index.js");
if (!fs.existsSync(entry) || !fs.existsSync(browserHelpers)) {
  fail(`${path.relative(ROOT, entry)} is not built: run \`npx tsc -p .\` (npm run build) first`);
}
const { defaultFixtures, LAUNCH_ENV } = require(path.join(OUT, "launchOptions.js"));
const fixtures = args.fixture.length ? args.fixture.map((f) => path.resolve(f)) : defaultFixtures();
for (const f of fixtures) if (!fs.existsSync(f)) fail(`--fixture: no such path ${f}`);

// ---- which launcher can run --------------------------------------------------------------------
function findDesktopVSCode() {
  const env = process.env.VSCODE_EXECUTABLE_PATH;
  if (env) {
    if (!fs.existsSync(env)) fail(`VSCODE_EXECUTABLE_PATH=${env} does not exist`);
    return env;
  }
  // @vscode/test-electron's cache: .vscode-test/vscode-<platform>-<version>/
  const cache = path.join(ROOT, ".vscode-test");
  const platform = process.platform === "linux" ? `linux-${process.arch === "arm64" ? "arm64" : "x64"}` : null;
  if (!platform || !fs.existsSync(cache)) return undefined;
  const dirs = fs
    .readdirSync(cache)
    .filter((d) => d.startsWith(`vscode-${platform}-`))
    .sort()
    .reverse();
  for (const d of dirs) {
    const exe = path.join(cache, d, "code");
    if (fs.existsSync(exe)) return exe;
  }
  return undefined;
}

function browserLauncherProblems() {
  const problems = [];
  const helpers = require(browserHelpers);
  if (!helpers.findCodeServer(ROOT)) {
    problems.push(`code-server ${helpers.CODE_SERVER_VERSION} is not installed in ${helpers.cacheRoot()} (run scripts/install-vscode-test-deps.sh)`);
  }
  if (!helpers.findChromium()) problems.push("chromium is not installed (/usr/bin/chromium; run scripts/install-vscode-test-deps.sh)");
  try {
    require.resolve("playwright-core");
  } catch {
    problems.push("playwright-core is not installed (npm ci)");
  }
  return problems;
}

let launcher = args.launcher;
const desktop = launcher === "browser" ? undefined : findDesktopVSCode();
if (launcher === "auto") {
  if (desktop && !args.untrusted) launcher = "electron";
  else {
    const problems = browserLauncherProblems();
    if (problems.length) {
      fail(
        `no VS Code can run here.\n` +
          `  - desktop VS Code (@vscode/test-electron): ${desktop ? "found, but --untrusted needs the browser launcher" : "none (set VSCODE_EXECUTABLE_PATH, or cache one in .vscode-test/)"}\n` +
          problems.map((p) => `  - browser launcher: ${p}`).join("\n"),
      );
    }
    launcher = "browser";
  }
} else if (launcher === "electron") {
  if (!desktop) fail("--launcher electron: no desktop VS Code (set VSCODE_EXECUTABLE_PATH, or cache one in .vscode-test/)");
  if (args.untrusted) fail("--untrusted: @vscode/test-electron always passes --disable-workspace-trust; use --launcher browser");
} else if (launcher === "browser") {
  const problems = browserLauncherProblems();
  if (problems.length) fail(`--launcher browser cannot run:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
} else {
  fail(`--launcher must be auto, electron or browser, not ${launcher}`);
}

const launch = {
  launcher,
  trusted: !args.untrusted,
  theme: args.theme,
  vsix,
  settings,
  fixtures,
  resultsDir,
  expectVersion: process.env.ACTNB_EXPECT_VSCODE ?? "1.100.",
  grep: args.grep,
};
process.env[LAUNCH_ENV] = JSON.stringify(launch);

if (!args["matrix-child"]) fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
say(
  `launcher: ${launcher}${launcher === "electron" ? ` (${desktop})` : " (code-server + chromium via playwright-core)"}; ` +
    `${launch.trusted ? "trusted" : "UNTRUSTED"} workspace; extension from ${vsix ? rel(vsix) : "the work tree (extensionDevelopmentPath)"}` +
    `${args.theme ? `; theme ${args.theme}` : ""}; results in ${rel(resultsDir)}`,
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const phases = [];
const RESULTS_FILE = "extension-host-results.json"; // written by out/test/vscode/index.js
const OUTPUT_FILE = "extension-host-output.log"; // ditto: mocha's report, which we echo live

/** Echoes what gets appended to `file` (created later, maybe) until stop(), which flushes the rest. */
function tailFile(file, prefix = "  | ") {
  let pos = 0;
  let partial = "";
  const poll = () => {
    let fd;
    try {
      fd = fs.openSync(file, "r");
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size < pos) pos = 0; // rewritten
      if (size === pos) return;
      const buf = Buffer.alloc(size - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      pos = size;
      const lines = (partial + buf.toString("utf8")).split("\n");
      partial = lines.pop();
      for (const l of lines) process.stdout.write(`${prefix}${l}\n`);
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(poll, 200);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      poll();
      if (partial) process.stdout.write(`${prefix}${partial}\n`);
    },
  };
}

function countsFromResults(exitCode, lines) {
  const file = path.join(resultsDir, RESULTS_FILE);
  if (fs.existsSync(file)) {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: r.passed, failed: r.failed, skipped: r.skipped, failures: r.tests.filter((t) => t.state === "failed"), reported: true };
  }
  const m = [...lines].reverse().map((l) => /extension-host: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(l)).find(Boolean);
  if (m) return { passed: +m[1], failed: +m[2], skipped: +m[3], failures: [] };
  // the suite never reported: run() failed before mocha ran, or the host died
  return { passed: 0, failed: 1, skipped: 0, failures: [{ title: `extension-host suite (exit ${exitCode}) reported no counts`, error: "" }] };
}

/** The suite ran and reported, found nothing to run (index.js rejects that), and --grep explains why. */
function grepMatchedNothing(exitCode, counts) {
  return exitCode !== 0 && !!args.grep && counts.reported && counts.passed === 0 && counts.failed === 0;
}

// ---- phase 1: the extension-host suite ----------------------------------------------------------
async function extensionHostBrowser() {
  const h = require(browserHelpers);
  const started = Date.now();
  say("starting code-server and chromium for the extension-host suite");
  const session = await h.startSession({
    ...launch,
    name: "extension-host",
    extensionTestsPath: entry,
    waitForWorkbench: false,
  });
  const tail = tailFile(path.join(resultsDir, OUTPUT_FILE));
  let exitCode;
  try {
    say(`workbench: ${session.url.replace(/payload=.*/, "payload=…")}`);
    const shotAtStart = (async () => {
      await session.page.locator(".monaco-workbench").first().waitFor({ state: "visible", timeout: 60_000 });
      await session.page.waitForTimeout(3000);
      return session.screenshot("workbench");
    })().catch((e) => say(`no start screenshot: ${e.message.split("\n")[0]}`));
    const serverDied = new Promise((resolve) => session.server.process.once("exit", (c, s) => resolve(`code-server exited (${c ?? s})`)));
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const outcome = await Promise.race([session.automationExit, serverDied, timedOut]);
    clearTimeout(timer);
    tail.stop();
    await shotAtStart;
    const shot = await session.screenshot(typeof outcome === "number" ? "end" : "failure").catch(() => undefined);
    if (shot) say(`screenshot: ${rel(shot)}`);
    if (typeof outcome !== "number") {
      exitCode = 1;
      const why =
        outcome === "timeout"
          ? `the suite did not call codeAutomationExit within ${timeoutMs / 1000}s`
          : `${outcome}\n${session.server.logTail(30)}`;
      console.error(`vscode-test: extension-host suite: ${why}`);
      const notes = await h.notifications(session.page).catch(() => []);
      if (notes.length) console.error(`notifications:\n  ${notes.join("\n  ")}`);
    } else {
      exitCode = outcome;
    }
    const counts = countsFromResults(exitCode, session.consoleLines);
    if (grepMatchedNothing(exitCode, counts)) exitCode = 0;
    if (exitCode !== 0 && counts.failed === 0) {
      counts.failed = 1;
      counts.failures.push({ title: `extension-host suite exited ${exitCode}`, error: "" });
    }
    return { ...counts, exitCode, ms: Date.now() - started };
  } finally {
    tail.stop();
    await session.stop();
  }
}

async function extensionHostElectron() {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = require("@vscode/test-electron");
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vscode-electron-"));
  try {
    const userData = path.join(tmp, "user-data");
    const extDir = path.join(tmp, "extensions");
    const workspace = path.join(tmp, "workspace");
    fs.mkdirSync(path.join(userData, "User"), { recursive: true });
    fs.mkdirSync(extDir, { recursive: true });
    const { userSettings, prepareWorkspace } = require(browserHelpers);
    fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(userSettings(launch), null, 2));
    prepareWorkspace(workspace, fixtures);
    let devPath = ROOT;
    if (vsix) {
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(desktop);
      const r = spawnSync(cli, [...cliArgs, "--user-data-dir", userData, "--extensions-dir", extDir, "--install-extension", vsix], {
        stdio: "inherit",
      });
      if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status})`);
      devPath = path.join(tmp, "stub-extension");
      fs.mkdirSync(devPath);
      fs.writeFileSync(
        path.join(devPath, "package.json"),
        JSON.stringify({ name: "actnb-vscode-test-runner", publisher: "actnb-test", version: "0.0.0", engines: { vscode: "^1.100.0" } }),
      );
    }
    if (!process.env.DISPLAY) say("warning: no DISPLAY; a desktop VS Code needs one (run under xvfb-run)");
    const lines = [];
    const tee = (stream) => ({
      write(d) {
        lines.push(...String(d).split("\n"));
        return stream.write(d);
      },
    });
    let exitCode;
    try {
      exitCode = await runTests({
        vscodeExecutablePath: desktop,
        extensionDevelopmentPath: devPath,
        extensionTestsPath: entry,
        launchArgs: [workspace, "--user-data-dir", userData, "--extensions-dir", extDir],
        extensionTestsEnv: { [LAUNCH_ENV]: JSON.stringify(launch) },
        stdout: tee(process.stdout),
        stderr: tee(process.stderr),
      });
    } catch (e) {
      exitCode = typeof e.code === "number" ? e.code : 1;
      console.error(`vscode-test: ${e.message}`);
    }
    say("(the electron launcher takes no screenshots)");
    const counts = countsFromResults(exitCode, lines);
    if (grepMatchedNothing(exitCode, counts)) exitCode = 0;
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
    return { ...counts, exitCode, ms: Date.now() - started };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- phase 2: UI specs (mocha here, playwright driving the workbench) ---------------------------
function uiSpecFiles(dir = path.join(OUT, "ui")) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? uiSpecFiles(path.join(dir, e.name)) : e.name.endsWith(".test.js") ? [path.join(dir, e.name)] : []))
    .sort();
}

async function uiSpecs(files) {
  const Mocha = require("mocha");
  const started = Date.now();
  const mocha = new Mocha({ ui: "bdd", timeout: 180_000, reporter: "spec", grep: args.grep, color: process.stdout.isTTY });
  for (const f of files) mocha.addFile(f);
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on("pass", () => counts.passed++);
    runner.on("fail", (t, err) => {
      counts.failed++;
      counts.failures.push({ title: t.fullTitle(), error: err?.message ?? String(err) });
    });
    runner.on("pending", () => counts.skipped++);
  });
  return { ...counts, exitCode: counts.failed ? 1 : 0, ms: Date.now() - started };
}

// ---- run ----------------------------------------------------------------------------------------
let teardown = async () => {};
try {
  teardown = require(browserHelpers).runTeardowns;
} catch {
  /* electron-only machine without playwright-core: nothing of ours to tear down */
}
try {
  if (!args["ui-only"]) {
    say("phase 1: extension-host suite");
    const r = launcher === "electron" ? await extensionHostElectron() : await extensionHostBrowser();
    phases.push(["extension-host", r]);
  }
  if (!args["no-ui"]) {
    const files = uiSpecFiles();
    if (launcher !== "browser") say(`phase 2: ${files.length} UI spec file(s) skipped: they need the browser launcher`);
    else if (files.length === 0) say("phase 2: no UI specs (out/test/vscode/ui/**/*.test.js)");
    else {
      say(`phase 2: UI specs (${files.length} file(s))`);
      phases.push(["ui", await uiSpecs(files)]);
    }
  }
} catch (e) {
  console.error(`vscode-test: ${e.stack ?? e}`);
  phases.push(["harness", { passed: 0, failed: 1, skipped: 0, failures: [{ title: "harness error", error: String(e.message ?? e) }], exitCode: 1, ms: 0 }]);
} finally {
  await teardown();
}

console.log("");
for (const [name, r] of phases) {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  say(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${(r.ms / 1000).toFixed(1)}s (exit ${r.exitCode})`);
  for (const f of r.failures ?? []) console.log(`    ✗ ${f.title}${f.error ? `: ${String(f.error).split("\n")[0]}` : ""}`);
}
const shots = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir).filter((f) => f.endsWith(".png")) : [];
say(`${shots.length} screenshot(s) in ${rel(resultsDir)}; total ${secs()}s`);
const ran = totals.passed + totals.failed;
// a matrix child may run nothing (its specs filtered out by --grep); the matrix checks the total
const emptyOk = args["matrix-child"] && !!args.grep;
const ok = (ran > 0 || emptyOk) && totals.failed === 0 && phases.every(([, r]) => r.exitCode === 0);
if (ran === 0 && !emptyOk) console.error("vscode-test: FAILED: no test ran");
console.log(`vscode: ${totals.passed} passed, ${totals.failed + (ran === 0 && !emptyOk ? 1 : 0)} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
