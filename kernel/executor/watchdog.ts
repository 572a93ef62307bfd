// Keeps a kernel from outliving its host. The host (VS Code, the CLI, a test) may die without a
// word (kill -9): the kernel is then reparented, and if a cell is busy in a loop its own event
// loop never hears that the IPC channel closed. A worker thread, which runs whatever the main
// thread does, polls the parent's pid; when the parent is gone it removes the kernel's temporary
// folder and ends the process.
import { Worker } from "worker_threads";

const WATCH = `
const { workerData } = require("worker_threads");
const fs = require("fs");
const timer = setInterval(() => {
  if (process.ppid === workerData.parent) return;
  clearInterval(timer);
  try { fs.rmSync(workerData.tempDir, { recursive: true, force: true }); } catch {}
  process.kill(process.pid, "SIGKILL");
}, workerData.everyMs);
`;

/** Starts watching; the worker does not keep the process alive. */
export function watchParent(tempDir: string, everyMs = 250): void {
  const worker = new Worker(WATCH, { eval: true, workerData: { parent: process.ppid, tempDir, everyMs } });
  worker.unref();
}
