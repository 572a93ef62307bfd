#!/usr/bin/env node
// Runs the extension in a real VS Code 1.100 and drives it like a user: the launcher of the typed
// runner in test/vscode/runner/ (compiled into out/ by npm run build). `--help` lists the options;
// test/vscode/README.md explains the configurations and phases.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const main = path.resolve(path.dirname(self), "..", "out", "test", "vscode", "runner", "main.js");
if (!fs.existsSync(main)) {
  console.error(`\nvscode-test: FAILED: ${path.relative(process.cwd(), main)} is not built: run \`npm run build\` first`);
  console.log("vscode: 0 passed, 1 failed, 0 skipped");
  process.exit(2);
}
// exit as the runner says even if a spec left a handle open (mocha runs without --exit here)
process.exit(await createRequire(import.meta.url)(main).main(process.argv.slice(2), self));
