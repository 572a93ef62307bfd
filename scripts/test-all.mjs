// `npm test`: every suite, one after another, then one closing line with the totals:
// unit and golden tests (mocha), the guide in Jupyter (mocha), the guide exported to PyTorch and
// run in Jupyter's python3 kernel (mocha), and the extension in a real VS Code (code-server, or desktop VS Code where reachable). A suite that cannot run fails.
// Each suite writes its counts as a tally (test/tally.ts) to the file ACTNB_TALLY_FILE names.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const suites = [
  { name: "unit", cmd: "npx", args: ["mocha"] },
  { name: "guide", cmd: "npx", args: ["mocha", "--no-config", "--reporter", "./test/summary-reporter.js", "--timeout", "300000", "--exit", "out/test/guide/**/*.test.js"] },
  { name: "jupyter", cmd: "npx", args: ["mocha", "--no-config", "--reporter", "./test/summary-reporter.js", "--timeout", "600000", "--exit", "out/test/jupyter/**/*.test.js"] },
  { name: "pytorch", cmd: "npx", args: ["mocha", "--no-config", "--reporter", "./test/summary-reporter.js", "--timeout", "1800000", "--exit", "out/test/pytorch/**/*.test.js"] },
  { name: "vscode", cmd: "node", args: ["scripts/vscode-test.mjs"] },
];
const only = process.argv.slice(2);

const tallyModule = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "out", "test", "tally.js");
if (!fs.existsSync(tallyModule)) {
  console.error(`test-all: ${path.relative(process.cwd(), tallyModule)} is not built: run \`npm run build\` first`);
  console.log("0 passed, 1 failed, 0 skipped");
  process.exit(1);
}
const { readTally, TALLY_ENV } = createRequire(import.meta.url)(tallyModule);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-all-"));

function run({ cmd, args }, tallyFile) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, [TALLY_ENV]: tallyFile } });
    child.on("close", (code) => resolve(code));
  });
}

/** The suite's tally, or undefined when it wrote none (or not a tally, which is said). */
function tallyOf(file) {
  try {
    return readTally(file);
  } catch (e) {
    console.error(`test-all: ${e.message}`);
    return undefined;
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
let broken = [];
const started = Date.now();
for (const suite of suites.filter((s) => !only.length || only.includes(s.name))) {
  const t0 = Date.now();
  console.log(`\n=== ${suite.name} tests ===`);
  const tallyFile = path.join(tmp, `${suite.name}.json`);
  const code = await run(suite, tallyFile);
  const t = tallyOf(tallyFile);
  if (t) { total.passed += t.passed; total.failed += t.failed; total.skipped += t.skipped; }
  if (code !== 0 || !t) broken.push(`${suite.name}${t ? "" : " (reported no counts)"}`);
  console.log(`=== ${suite.name}: ${t ? `${t.passed} passed, ${t.failed} failed` : "no result"} in ${((Date.now() - t0) / 1000).toFixed(0)} s ===`);
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\nall suites in ${((Date.now() - started) / 1000).toFixed(0)} s${broken.length ? `; failing: ${broken.join(", ")}` : ""}`);
console.log(`${total.passed} passed, ${total.failed + (broken.length && !total.failed ? broken.length : 0)} failed, ${total.skipped} skipped`);
process.exit(broken.length ? 1 : 0);
