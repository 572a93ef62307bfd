// `npm run guide`: opens the activation guide in a real VS Code. Desktop VS Code (`code` on
// PATH) gets this repository as a development extension; otherwise the browser VS Code of
// code-server (installed by scripts/setup.sh) serves it on 127.0.0.1 with the packaged .vsix.
// The guide's notebooks are copied into a folder of yours (edits stay yours).
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(import.meta.url);
const workspace = path.resolve(process.env.ACTNB_GUIDE_DIR ?? path.join(os.homedir(), "activation-guide"));

fs.mkdirSync(workspace, { recursive: true });
const notebooks = fs.readdirSync(path.join(root, "notebooks")).filter((f) => f.endsWith(".actnb")).sort();
for (const f of notebooks) {
  const to = path.join(workspace, f);
  if (!fs.existsSync(to)) fs.copyFileSync(path.join(root, "notebooks", f), to);
}
const first = notebooks[0] ? path.join(workspace, notebooks[0]) : undefined;
console.log(`The guide's notebooks are in ${workspace}`);

const desktop = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" }).stdout.trim();
if (desktop && !process.env.ACTNB_GUIDE_BROWSER) {
  console.log(`Opening them in VS Code (${desktop}) with this repository's extension…`);
  spawnSync(desktop, ["--new-window", `--extensionDevelopmentPath=${root}`, workspace, ...(first ? [first] : [])], { stdio: "inherit" });
  process.exit(0);
}

const { findCodeServer, startCodeServer } = require(path.join(root, "out/test/vscode/browser/codeServer.js"));
const entry = findCodeServer(root);
if (!entry) {
  console.error("Neither desktop VS Code (`code`) nor code-server is installed. Run `bash scripts/setup.sh` first.");
  process.exit(1);
}
const vsix = path.join(root, "dist/activation-notebooks.vsix");
const stateDir = path.join(os.homedir(), ".cache", "actnb-guide");
const server = await startCodeServer({
  entry, stateDir, trusted: true,
  userSettings: { "workbench.startupEditor": "none", "security.workspace.trust.enabled": false },
  installExtensions: [vsix],
  logFile: path.join(stateDir, "code-server.log"),
});
const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nVS Code (code-server) is serving the guide at:\n\n    ${url}\n\nOpen it in a browser on this machine; press Ctrl+C here to stop.`);
const browser = spawnSync("sh", ["-c", "command -v xdg-open"], { encoding: "utf8" }).stdout.trim();
if (browser && process.env.DISPLAY) spawn(browser, [url], { stdio: "ignore", detached: true }).unref();
const stop = async () => { await server.stop(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
