// Debian's chromium driven by playwright-core (never `npx playwright install`: no browser downloads here).
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, Browser } from "playwright-core";
import { onTeardown } from "./processes";

export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ].filter((c): c is string => !!c);
  return candidates.find((c) => fs.existsSync(c));
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * Launches headless chromium. `stateDir` (a temp folder) takes what chromium would otherwise write
 * under the home folder (~/.config/chromium/Crash Reports, caches).
 */
export async function launchChromium(stateDir?: string, executablePath = findChromium()): Promise<Browser> {
  if (!executablePath) {
    throw new Error("no chromium found (CHROMIUM_PATH, /usr/bin/chromium): run scripts/install-vscode-test-deps.sh");
  }
  // Signals are ours to handle (processes.ts): it closes the browser and code-server alike, and at
  // 'exit' kills every process this one started, chromium included.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: stateDir
      ? { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, "config"), XDG_CACHE_HOME: path.join(stateDir, "cache") }
      : process.env,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed = false;
  browser.on("disconnected", () => (closed = true));
  const unregister = onTeardown(async () => {
    if (!closed) await browser.close().catch(() => undefined);
  });
  browser.on("disconnected", unregister);
  return browser;
}
