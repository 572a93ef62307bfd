// code-server (= VS Code 1.100.3 served to a browser) for tests: found in the cache that
// scripts/install-vscode-test-deps.sh fills, started on 127.0.0.1 with a free port and all of its
// state in a temp folder, and stopped with everything it started.
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { killTree, killTreeSync, onTeardown } from "./processes";

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? "4.100.3";

/** The cache root used by scripts/install-vscode-test-deps.sh. */
export function cacheRoot(): string {
  return process.env.ACTNB_VSCODE_CACHE ?? path.join(os.homedir(), ".cache", "actnb-vscode");
}

/**
 * code-server's `out/node/entry.js`, or undefined when it is not installed. Looks at
 * CODE_SERVER_ENTRY, then the install script's cache, then `<repo>/.vscode-test/`.
 */
export function findCodeServer(repoRoot?: string): string | undefined {
  const candidates: string[] = [];
  if (process.env.CODE_SERVER_ENTRY) candidates.push(process.env.CODE_SERVER_ENTRY);
  const rel = path.join("node_modules", "code-server", "out", "node", "entry.js");
  candidates.push(path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`, rel));
  if (repoRoot) candidates.push(path.join(repoRoot, ".vscode-test", `code-server-${CODE_SERVER_VERSION}`, rel));
  return candidates.find((c) => fs.existsSync(c));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function httpGet(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** The environment for code-server and so for its extension host: ours, less VS Code's own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("VSCODE_") || k === "ELECTRON_RUN_AS_NODE" || k === "NODE_OPTIONS") continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface CodeServerOptions {
  /** code-server's entry.js (see findCodeServer). */
  entry: string;
  /** Temp folder for all of code-server's state (user data, extensions, XDG folders). */
  stateDir: string;
  /** false: workspace trust stays on (Restricted Mode scenarios). Default true. */
  trusted?: boolean;
  /** Written to the user settings.json before start (a theme set there applies at start). */
  userSettings?: Record<string, unknown>;
  /** .vsix files installed with --install-extension before start. */
  installExtensions?: string[];
  /** Extra environment for code-server, which its extension host inherits. */
  env?: Record<string, string>;
  /** code-server's stdout/stderr go here. */
  logFile: string;
  /** How long to wait for /healthz. Default 60 s. */
  startTimeoutMs?: number;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The authority VS Code's remote URIs use: 127.0.0.1:PORT */
  authority: string;
  userDataDir: string;
  extensionsDir: string;
  process: ChildProcess;
  /** vscode-remote:// URI for a path on this machine (for the workbench payload). */
  remoteUri(p: string): string;
  /** The last lines code-server printed (for error messages). */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const dirs = {
    userData: path.join(opts.stateDir, "user-data"),
    extensions: path.join(opts.stateDir, "extensions"),
    config: path.join(opts.stateDir, "xdg-config"),
    data: path.join(opts.stateDir, "xdg-data"),
    cache: path.join(opts.stateDir, "xdg-cache"),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, "User", "settings.json"),
    JSON.stringify(opts.userSettings ?? {}, null, 2),
  );
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile, { flags: "a" });
  let tail: string[] = [];
  const record = (chunk: Buffer | string) => {
    log.write(chunk);
    tail.push(...chunk.toString().split("\n").filter((l) => l.trim()));
    if (tail.length > 200) tail = tail.slice(-200);
  };

  const env = cleanEnv({
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    ...(opts.env ?? {}),
  });
  const common = [
    "--user-data-dir", dirs.userData,
    "--extensions-dir", dirs.extensions,
    "--disable-telemetry",
    "--disable-update-check",
  ];

  for (const vsix of opts.installExtensions ?? []) {
    record(`\n$ code-server --install-extension ${vsix}\n`);
    try {
      const out = execFileSync(process.execPath, [opts.entry, ...common, "--install-extension", path.resolve(vsix)], {
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 120_000,
      });
      record(out);
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      record(`${err.stdout ?? ""}${err.stderr ?? ""}`);
      log.end();
      throw new Error(`code-server --install-extension ${vsix} failed: ${err.message}\n${err.stdout ?? ""}${err.stderr ?? ""}`);
    }
  }

  const port = await freePort();
  const args = [
    opts.entry,
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    ...common,
    "--disable-getting-started-override",
    "--ignore-last-opened",
  ];
  if (opts.trusted !== false) args.push("--disable-workspace-trust");
  record(`\n$ node ${args.join(" ")}\n`);
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  let exited: string | undefined;
  child.on("exit", (code, sig) => {
    exited = `code-server exited (${code ?? sig})`;
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killTree(child);
    unregister();
    log.end();
  };
  const unregister = onTeardown(stop, () => killTreeSync(child.pid));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${exited} before it served ${origin}. Last lines:\n${tail.slice(-30).join("\n")}`);
    }
    if ((await httpGet(`${origin}/healthz`, 2000)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz in time. Last lines:\n${tail.slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    port,
    origin,
    authority: `127.0.0.1:${port}`,
    userDataDir: dirs.userData,
    extensionsDir: dirs.extensions,
    process: child,
    remoteUri: (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    logTail: (n = 30) => tail.slice(-n).join("\n"),
    stop,
  };
}
