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
import type { ConverterCalls, ConverterHandlers, ConverterMethod, ConverterReply, ConverterRequest } from "./converter_proxy";

const { port, signal, rootDir }: { port: MessagePort; signal: SharedArrayBuffer; rootDir: string } = workerData;
const replies = new Int32Array(signal);

function reply<M extends ConverterMethod>(message: ConverterReply<M>): void {
  port.postMessage(message);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
}

const errorText = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));

let converter: ConverterHandlers;
try {
  converter = { ...makeCellConverter(rootDir), ping: () => null };
  reply<"ping">({ value: null });
} catch (e) {
  reply({ error: errorText(e) });
}

/** Calls the method a request names with its arguments: the result's type is the method's. */
function answer<M extends ConverterMethod>(req: ConverterRequest<M>): ConverterCalls[M]["result"] {
  const method: ConverterHandlers[M] = converter[req.method];
  return method(...req.args);
}

port.on("message", (req: ConverterRequest) => {
  try {
    reply({ value: answer(req) });
  } catch (e) {
    reply({ error: errorText(e) });
  }
});
