// Echoes a growing file line by line (the extension-host suite's report, which code-server's
// workbench does not forward to the console).
import * as fs from "node:fs";

/** Echoes what gets appended to `file` (created later, maybe) until stop(), which flushes the rest. */
export function tailFile(file: string, prefix = "  | "): { stop(): void } {
  let pos = 0;
  let partial = "";
  const poll = () => {
    let fd: number;
    try {
      fd = fs.openSync(file, "r");
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size < pos) pos = 0; // rewritten
      if (size === pos) return;
      const buf = Buffer.alloc(size - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      pos = size;
      const lines = (partial + buf.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const l of lines) process.stdout.write(`${prefix}${l}\n`);
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(poll, 200);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      poll();
      if (partial) process.stdout.write(`${prefix}${partial}\n`);
    },
  };
}
