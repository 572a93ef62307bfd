// How the launcher (scripts/vscode-test.mjs) was asked to run. It hands these down as JSON in
// ACTNB_VSCODE_TEST: to code-server, whose extension host inherits it (the extension-host suite),
// to @vscode/test-electron's extensionTestsEnv, and to the UI specs it runs in its own process.
// No VS Code or playwright import here: both sides load this file.
import * as fs from "node:fs";
import * as path from "node:path";

/** The repo root (package.json there is the extension manifest); this file compiles to out/test/vscode/. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

export const LAUNCH_ENV = "ACTNB_VSCODE_TEST";

export interface LaunchOptions {
  launcher: "browser" | "electron";
  /** false: workspace trust is on and the folder untrusted (Restricted Mode). */
  trusted: boolean;
  /** e.g. "Default Dark Modern", written to the user settings.json before start. */
  theme?: string;
  /** A packaged build installed with --install-extension instead of the development folder. */
  vsix?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Folders (their contents) or files copied into the workspace. */
  fixtures?: string[];
  /** Where screenshots, logs and result files go. */
  resultsDir: string;
  /** The VS Code version prefix the suites expect, e.g. "1.100.". */
  expectVersion: string;
  /** mocha --grep for both suites. */
  grep?: string;
}

export function defaultFixtures(): string[] {
  return [path.join(REPO_ROOT, "test", "fixtures", "notebooks"), path.join(REPO_ROOT, "test", "vscode", "fixtures", "workspace")].filter((p) =>
    fs.existsSync(p),
  );
}

export function launchOptionsFromEnv(): LaunchOptions {
  const raw = process.env[LAUNCH_ENV];
  const defaults: LaunchOptions = {
    launcher: "browser",
    trusted: true,
    resultsDir: path.join(REPO_ROOT, "test-results", "vscode"),
    expectVersion: "1.100.",
    fixtures: defaultFixtures(),
  };
  return raw ? { ...defaults, ...(JSON.parse(raw) as Partial<LaunchOptions>) } : defaults;
}

/** `${publisher}.${name}` from the root package.json, e.g. "actnb.activation-notebooks". */
export function extensionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`;
}
