// One VS Code session in the browser: a prepared workspace, code-server on 127.0.0.1, chromium on
// the workbench URL (with the development extension and, optionally, an extension-host test suite
// passed through the URL's `payload`), and a stop() that ends all of it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { onTeardown } from "./processes";
import { CodeServer, findCodeServer, startCodeServer } from "./codeServer";
import { answerTrustPrompt, screenshot as takeScreenshot, waitForWorkbench } from "./workbench";
import { defaultFixtures, LAUNCH_ENV, LaunchOptions, launchOptionsFromEnv, REPO_ROOT } from "../launchOptions";

export { defaultFixtures, LAUNCH_ENV, launchOptionsFromEnv, REPO_ROOT };
export type { LaunchOptions };

export function userSettings(opts: Pick<LaunchOptions, "theme" | "settings" | "trusted">): Record<string, unknown> {
  return {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "chat.commandCenter.enabled": false,
    "window.commandCenter": false,
    ...(opts.theme ? { "workbench.colorTheme": opts.theme } : {}),
    ...(opts.settings ?? {}),
  };
}

/** Copies each fixture (a folder's contents, or a file) into a fresh workspace folder. */
export function prepareWorkspace(dir: string, fixtures: string[]): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fixtures) {
    const st = fs.statSync(f);
    if (st.isDirectory()) fs.cpSync(f, dir, { recursive: true });
    else fs.copyFileSync(f, path.join(dir, path.basename(f)));
  }
  return dir;
}

/** A stand-in development extension, so a test suite runs while the extension under test comes from a .vsix. */
function stubDevelopmentExtension(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      { name: "actnb-vscode-test-runner", publisher: "actnb-test", version: "0.0.0", engines: { vscode: "^1.100.0" } },
      null,
      2,
    ),
  );
  return dir;
}

export interface SessionOptions extends Partial<LaunchOptions> {
  /** Names screenshots and logs. */
  name: string;
  /** Compiled extension-host suite entry (exports run()); omit for a UI-only session. */
  extensionTestsPath?: string;
  /** Default: the repo root, or a stub when `vsix` is set. null: no development extension. */
  extensionDevelopmentPath?: string | null;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Wait for the workbench to settle before returning (default true). */
  waitForWorkbench?: boolean;
  /**
   * With an untrusted workspace, how to answer the startup trust dialog once the workbench is up:
   * "decline" (default: stay in Restricted Mode, dialog gone), "accept", or "leave" it open.
   */
  trustPrompt?: "decline" | "accept" | "leave";
  /** Let the page reach hosts other than 127.0.0.1 (default false: such requests are aborted and logged). */
  allowNetwork?: boolean;
  viewport?: { width: number; height: number };
}

export interface Session {
  server: CodeServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  workspace: string;
  tmp: string;
  resultsDir: string;
  url: string;
  /** Lines the page logged (the extension host's console is forwarded there). */
  consoleLines: string[];
  /** Resolves with the suite's exit code once the workbench calls window.codeAutomationExit. */
  automationExit: Promise<number>;
  screenshot(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Strips the %c styling the workbench puts on forwarded extension-host console lines. */
export function cleanConsoleText(msg: ConsoleMessage): string {
  const text = msg.text();
  if (!text.includes("%c")) return text;
  return text
    .replace(/%c/g, "")
    .replace(/\b(color|font-weight|font-size|background(-color)?)\s*:\s*[^;\s]+;?/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export async function startSession(opts: SessionOptions): Promise<Session> {
  const base = launchOptionsFromEnv();
  const o = { ...base, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as SessionOptions & LaunchOptions;
  const entry = findCodeServer(REPO_ROOT);
  if (!entry) throw new Error("code-server is not installed: run scripts/install-vscode-test-deps.sh");
  const resultsDir = o.resultsDir;
  fs.mkdirSync(resultsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `actnb-vscode-${o.name.replace(/[^\w-]+/g, "-")}-`));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  // registered first, so it runs last on Ctrl+C, after code-server and chromium are gone
  const unregisterTmp = onTeardown(removeTmp, removeTmp);
  const workspace = prepareWorkspace(path.join(tmp, "workspace"), o.fixtures ?? defaultFixtures());

  let devPath: string | undefined;
  if (o.extensionDevelopmentPath === null) devPath = undefined;
  else if (o.extensionDevelopmentPath) devPath = o.extensionDevelopmentPath;
  else if (o.vsix) devPath = o.extensionTestsPath ? stubDevelopmentExtension(path.join(tmp, "stub-extension")) : undefined;
  else devPath = REPO_ROOT;

  const launch: LaunchOptions = {
    launcher: "browser",
    trusted: o.trusted !== false,
    theme: o.theme,
    vsix: o.vsix,
    settings: o.settings,
    fixtures: o.fixtures,
    resultsDir,
    expectVersion: o.expectVersion ?? "1.100.",
    grep: o.grep,
  };
  const logBase = path.join(resultsDir, o.name.replace(/[^\w.-]+/g, "-"));
  const server = await startCodeServer({
    entry,
    stateDir: path.join(tmp, "code-server"),
    trusted: launch.trusted,
    userSettings: userSettings(launch),
    installExtensions: o.vsix ? [o.vsix] : [],
    env: {
      [LAUNCH_ENV]: JSON.stringify(launch),
      // No extension gallery: code-server's default (open-vsx) is replaced by a closed loopback
      // port, so its queries fail at once without leaving the machine.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/vscode/gallery", itemUrl: "http://127.0.0.1:9/vscode/item" }),
      ...(opts.env ?? {}),
    },
    logFile: `${logBase}.code-server.log`,
  }).catch((e: unknown) => {
    removeTmp();
    unregisterTmp();
    throw e;
  });

  let browser: Browser | undefined;
  try {
    browser = await launchChromium(path.join(tmp, "chromium"));
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1440, height: 900 } });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    const consoleLog = fs.createWriteStream(`${logBase}.console.log`);
    page.on("console", (msg) => {
      const text = cleanConsoleText(msg);
      consoleLines.push(text);
      consoleLog.write(`[${msg.type()}] ${text}\n`);
    });
    if (!opts.allowNetwork) {
      // Offline by design: only code-server on loopback (webviews included) is reachable.
      await context.route(
        (url) => (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") && !isLoopback(url.hostname),
        (route) => {
          consoleLog.write(`[blocked] ${route.request().method()} ${route.request().url()}\n`);
          return route.abort("blockedbyclient");
        },
      );
    }
    page.on("pageerror", (err) => consoleLog.write(`[pageerror] ${err.stack ?? err.message}\n`));

    let resolveExit!: (code: number) => void;
    const automationExit = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction("codeAutomationExit", (code: number) => {
      resolveExit(Number(code));
    });

    const payload: [string, string][] = [["skipWelcome", "true"]];
    if (devPath) payload.push(["extensionDevelopmentPath", server.remoteUri(devPath)]);
    if (o.extensionTestsPath) payload.push(["extensionTestsPath", server.remoteUri(o.extensionTestsPath)]);
    const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });

    let stopped = false;
    const session: Session = {
      server,
      browser,
      context,
      page,
      workspace,
      tmp,
      resultsDir,
      url,
      consoleLines,
      automationExit,
      screenshot: (name) => takeScreenshot(page, resultsDir, `${o.name}-${name}`),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await browser!.close().catch(() => undefined);
        await server.stop();
        consoleLog.end();
        removeTmp();
        unregisterTmp();
      },
    };
    if (opts.waitForWorkbench !== false) {
      try {
        await waitForWorkbench(page);
        const answer = opts.trustPrompt ?? "decline";
        if (!launch.trusted && answer !== "leave") {
          if (!(await answerTrustPrompt(page, answer))) throw new Error("untrusted workspace, but no trust dialog appeared");
        }
      } catch (e) {
        await session.screenshot("startup-failure").catch(() => undefined);
        throw e;
      }
    }
    return session;
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    removeTmp();
    unregisterTmp();
    throw e;
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
