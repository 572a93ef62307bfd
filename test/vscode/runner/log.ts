// The runner's progress lines: "[vscode-test +12.3s] message", and paths shown relative to the repo.
import * as path from "node:path";
import { REPO_ROOT } from "../launchOptions";

const t0 = Date.now();

/** Seconds since the runner started, e.g. "12.3". */
export const secs = (): string => ((Date.now() - t0) / 1000).toFixed(1);

export function say(msg: string): void {
  console.log(`[vscode-test +${secs()}s] ${msg}`);
}

/** `p` relative to the repo root when it is inside it. */
export function rel(p: string): string {
  return p.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, p) : p;
}
