// Process bookkeeping for the VS Code test harness: whatever we start (code-server and its children,
// chromium) is ended on every path out — normal end, failure, Ctrl+C, SIGTERM, uncaught error.
import { ChildProcess } from "node:child_process";
import * as fs from "node:fs";

/** Every pid that descends from `root` (read from /proc; Linux only), root excluded. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid ... — comm may hold spaces and parentheses: split after the last ')'
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(e));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const p = todo.pop()!;
    for (const c of children.get(p) ?? []) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* gone already */
  }
}

/**
 * Ends a process started with `detached: true` (so it leads its own process group), its group and
 * every descendant that left the group: SIGTERM, up to `graceMs`, then SIGKILL.
 */
export async function killTree(child: ChildProcess | number, graceMs = 3000): Promise<void> {
  const pid = typeof child === "number" ? child : child.pid;
  if (!pid) return;
  const pids = [pid, ...descendants(pid)];
  signal(-pid, "SIGTERM");
  for (const p of pids) signal(p, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  const left = [pid, ...descendants(pid), ...pids].filter(alive);
  signal(-pid, "SIGKILL");
  for (const p of left) signal(p, "SIGKILL");
}

/** Synchronous last resort for process 'exit': SIGKILL the group and every descendant. */
export function killTreeSync(pid: number | undefined): void {
  if (!pid) return;
  const pids = [pid, ...descendants(pid)];
  signal(-pid, "SIGKILL");
  for (const p of pids) signal(p, "SIGKILL");
}
/** SIGKILL every descendant of `pid` (not `pid` itself). */
killTreeSync.descendantsOf = (pid: number): void => {
  for (const p of descendants(pid)) signal(p, "SIGKILL");
};

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();
const syncCleanups = new Set<() => void>();
let hooked = false;

/**
 * Registers an async cleanup run on SIGINT/SIGTERM/SIGHUP and uncaught errors, plus a synchronous
 * one run at process 'exit' whatever happened. Returns an unregister function.
 */
export function onTeardown(cleanup: Cleanup, syncCleanup?: () => void): () => void {
  hookProcess();
  cleanups.add(cleanup);
  if (syncCleanup) syncCleanups.add(syncCleanup);
  return () => {
    cleanups.delete(cleanup);
    if (syncCleanup) syncCleanups.delete(syncCleanup);
  };
}

export async function runTeardowns(): Promise<void> {
  const list = [...cleanups].reverse();
  cleanups.clear();
  for (const c of list) {
    try {
      await c();
    } catch (e) {
      console.error("teardown:", e);
    }
  }
}

function hookProcess(): void {
  if (hooked) return;
  hooked = true;
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`\nvscode-test: ${sig}, stopping code-server and chromium`);
    void runTeardowns().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);
  process.on("exit", () => {
    for (const c of syncCleanups) {
      try {
        c();
      } catch {
        /* best effort */
      }
    }
    // whatever this process started and is still running (chromium, code-server's children)
    killTreeSync.descendantsOf(process.pid);
  });
}
