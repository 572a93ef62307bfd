// tslab's TypeScript converter in a worker thread of its own (started by converter_proxy.ts).
// The compiler and the notebook's program take some 85 MB of JavaScript heap; kept out of the
// heap where cells run, the full garbage collections that return dead tensors' memory (see
// engine/storage/gc.ts) mark a few MB instead: a few milliseconds instead of forty, every time a
// training loop needs one.
//
// Requests arrive on a MessagePort; each reply is posted back and announced by bumping a shared
// counter, which the kernel's main thread waits on (it reads the reply synchronously).
import { workerData, MessagePort } from "worker_threads";
import { makeCellConverter } from "./converter_core";
import type { CellConverter, ConverterReply, ConverterRequest } from "./converter_proxy";

const { port, signal, rootDir } = workerData as { port: MessagePort; signal: SharedArrayBuffer; rootDir: string };
const replies = new Int32Array(signal);

function reply(message: ConverterReply): void {
  port.postMessage(message);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
}

let converter: Omit<CellConverter, "restart">;
try {
  converter = makeCellConverter(rootDir);
  reply({ value: "ready" });
} catch (e) {
  reply({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
}

port.on("message", (req: ConverterRequest) => {
  try {
    switch (req.method) {
      case "convert": return reply({ value: converter.convert(...(req.args as [string, string])) });
      case "complete": return reply({ value: converter.complete(...(req.args as [string, string, number])) });
      case "inspect": return reply({ value: converter.inspect(...(req.args as [string, string, number])) });
      case "close": converter.close(); return reply({ value: null });
      case "ping": return reply({ value: null });
    }
  } catch (e) {
    reply({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
