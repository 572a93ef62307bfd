// A cell's last value under tslab (Jupyter's TypeScript kernel). tslab 1.0.22 shows it by passing
// it to console.log (tslab/dist/executor.js) and looks for nothing else: no display symbol, no
// toJSON. So actnb's displayables print their text through util.inspect.custom, and there, when
// the caller is tslab's executor printing the cell's value (not a console.log in the cell, not an
// element of a logged array), they display their MIME bundle instead, as our kernel does with a
// last value: a chart comes out as a Vega-Lite chart in Jupyter too.
import type { InspectOptions } from "util";
import { display } from "./display";

const TSLAB_EXECUTOR = /[\\/]tslab[\\/]dist[\\/]executor\.js$/;

/** The file of the first frame after Node's own (util.inspect, console.log): who is printing. */
function printingCaller(): string | undefined {
  let sites: NodeJS.CallSite[] = [];
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.stackTraceLimit = 40;
  Error.prepareStackTrace = (_error, callSites) => { sites = callSites; return ""; };
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  void holder.stack; // the stack is formatted (and `sites` filled) when first read
  Error.prepareStackTrace = prepareStackTrace;
  Error.stackTraceLimit = stackTraceLimit;
  const files = sites.map((s) => s.getFileName() ?? "");
  const firstInternal = files.findIndex((f) => f.startsWith("node:"));
  if (firstInternal < 0) return undefined;
  return files.slice(firstInternal).find((f) => !f.startsWith("node:"));
}

/** console.log writes what it formatted plus "\n": with nothing formatted, that line is dropped. */
function dropNextNewline(stream: NodeJS.WriteStream): void {
  const write = stream.write;
  const restore = () => { if (stream.write === once) stream.write = write; };
  const once = (...args: unknown[]): boolean => {
    restore();
    return args[0] === "\n" ? true : Reflect.apply(write, stream, args);
  };
  stream.write = once;
  // console.log writes synchronously; should it not write at all, nothing stays replaced
  queueMicrotask(restore);
}

/**
 * What util.inspect shows for a displayable: its text, except when tslab prints it as a cell's
 * value; then it is displayed (rich, with the same text as fallback) and prints nothing.
 */
export function inspectDisplayable(value: object, text: string, depth: number | null, options: InspectOptions | undefined): string {
  const topLevel = options !== undefined && depth === options.depth;
  if (!topLevel || !("__tslab__" in globalThis)) return text;
  const caller = printingCaller();
  if (caller === undefined || !TSLAB_EXECUTOR.test(caller)) return text;
  display(value);
  dropNextNewline(process.stdout);
  return "";
}
