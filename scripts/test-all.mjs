// `npm test`: every suite, one after another, then one closing line with the totals:
// unit and golden tests (mocha), the guide in Jupyter (mocha), and the extension in a real
// VS Code (code-server, or desktop VS Code where reachable). A suite that cannot run fails.
import { spawn } from "node:child_process";

const suites = [
  { name: "unit", cmd: "npx", args: ["mocha"] },
  { name: "guide", cmd: "npx", args: ["mocha", "--no-config", "--reporter", "./test/summary-reporter.js", "--timeout", "300000", "--exit", "out/test/guide/**/*.test.js"] },
  { name: "jupyter", cmd: "npx", args: ["mocha", "--no-config", "--reporter", "./test/summary-reporter.js", "--timeout", "600000", "--exit", "out/test/jupyter/**/*.test.js"] },
  { name: "vscode", cmd: "node", args: ["scripts/vscode-test.mjs"] },
];
const only = process.argv.slice(2);
const SUMMARY = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

function run({ cmd, args }) {
  return new Promise((resolve) => {
    let last = "";
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (d) => {
      process.stdout.write(d);
      for (const line of String(d).split("\n")) if (SUMMARY.test(line)) last = line;
    });
    child.on("close", (code) => resolve({ code, last }));
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
let broken = [];
const started = Date.now();
for (const suite of suites.filter((s) => !only.length || only.includes(s.name))) {
  const t0 = Date.now();
  console.log(`\n=== ${suite.name} tests ===`);
  const { code, last } = await run(suite);
  const m = SUMMARY.exec(last);
  if (m) { total.passed += +m[1]; total.failed += +m[2]; total.skipped += +(m[3] ?? 0); }
  if (code !== 0 || !m) broken.push(`${suite.name}${m ? "" : " (reported no counts)"}`);
  console.log(`=== ${suite.name}: ${m ? `${m[1]} passed, ${m[2]} failed` : "no result"} in ${((Date.now() - t0) / 1000).toFixed(0)} s ===`);
}
console.log(`\nall suites in ${((Date.now() - started) / 1000).toFixed(0)} s${broken.length ? `; failing: ${broken.join(", ")}` : ""}`);
console.log(`${total.passed} passed, ${total.failed + (broken.length && !total.failed ? broken.length : 0)} failed, ${total.skipped} skipped`);
process.exit(broken.length ? 1 : 0);
