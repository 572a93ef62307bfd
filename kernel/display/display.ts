// display(): rich output from code, wherever it runs. In our kernel the kernel installs a sink;
// inside Jupyter's tslab it goes through tslab's display; in plain Node it prints text/plain.
import { MimeBundle, checkBundle, mimeBundleOf } from "./mime";

export interface DisplayOptions {
  /**
   * As in IPython: true (a new id) or an id names the output, and display() then returns a
   * handle whose update() replaces it in place.
   */
  display_id?: string | true;
  /** Replace the output with this display_id instead of adding a new one. */
  update?: boolean;
}

interface SendOptions { display_id?: string; update?: boolean }

export type DisplaySink = (bundle: MimeBundle, options: SendOptions) => void;

const SINK = Symbol.for("actnb.display.sink");
type Global = typeof globalThis & { [SINK]?: DisplaySink };

/** Installed by the kernel process; module copies share it through the global. */
export function setDisplaySink(sink: DisplaySink | undefined): void {
  (globalThis as Global)[SINK] = sink;
}

type JupyterWrite = (msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: { display_id?: string } }, update: boolean) => void;

/**
 * Inside tslab's Jupyter kernel: its display channel. tslab's public `display.raw` sends one MIME
 * type; its jupyter module's writer sends a whole bundle (rich data plus text/plain) with a
 * display id, which is what Jupyter front ends expect, so that is used when it is loaded.
 */
function tslabWriter(): JupyterWrite | undefined {
  if (!(globalThis as { __tslab__?: unknown }).__tslab__) return undefined;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (/tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) {
      const write = (mod?.exports as { lastWriteDisplayData?: JupyterWrite } | undefined)?.lastWriteDisplayData;
      if (typeof write === "function") return write;
    }
  }
  return undefined;
}

// tslab's ZeroMQ socket refuses a send while an earlier one is still in flight, which a fast
// loop of updates can hit: refused messages wait here, in order, and are retried shortly.
const backlog: Array<() => void> = [];
let flushing = false;

function flushBacklog(): void {
  while (backlog.length) {
    try {
      backlog[0]();
    } catch {
      if (!flushing) { flushing = true; setTimeout(() => { flushing = false; flushBacklog(); }, 10); }
      return;
    }
    backlog.shift();
  }
}

function sendToJupyter(write: JupyterWrite, bundle: MimeBundle, options: SendOptions): void {
  const message = () => write({ data: bundle, metadata: {}, transient: { display_id: options.display_id } }, options.update === true);
  if (backlog.length) { backlog.push(message); return; }
  try {
    message();
  } catch {
    backlog.push(message);
    flushBacklog();
  }
}

function send(bundle: MimeBundle, options: SendOptions): void {
  const sink = (globalThis as Global)[SINK];
  if (sink) return sink(bundle, options);
  const jupyter = tslabWriter();
  if (jupyter) return sendToJupyter(jupyter, bundle, options);
  process.stdout.write(`${bundle["text/plain"]}\n`);
}

function show(bundle: MimeBundle, options: DisplayOptions): DisplayHandle | undefined {
  const id = options.display_id === true ? newId() : options.display_id;
  send(bundle, { display_id: id, update: options.update });
  return id === undefined ? undefined : new DisplayHandle(id);
}

/**
 * Shows a value (a tensor, a chart, anything) as a notebook output, like IPython's display():
 * with `{ display_id: true }` it returns a handle for updating the output in place.
 */
export function display(value: unknown): void;
export function display(value: unknown, options: DisplayOptions & { display_id: string | true }): DisplayHandle;
export function display(value: unknown, options?: DisplayOptions): DisplayHandle | undefined;
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle | undefined {
  return show(mimeBundleOf(value), options);
}

/** Shows a hand-built MIME bundle, e.g. { "text/html": "<b>hi</b>", "text/plain": "hi" }. */
export function displayBundle(bundle: Record<string, unknown>): void;
export function displayBundle(bundle: Record<string, unknown>, options: DisplayOptions & { display_id: string | true }): DisplayHandle;
export function displayBundle(bundle: Record<string, unknown>, options?: DisplayOptions): DisplayHandle | undefined;
export function displayBundle(bundle: Record<string, unknown>, options: DisplayOptions = {}): DisplayHandle | undefined {
  return show(checkBundle(bundle), options);
}

/** Shows HTML as the cell's output (its tags stripped for the text fallback). */
export const html = (html: string): void => void displayBundle({ "text/html": html, "text/plain": html.replace(/<[^>]*>/g, "") });
/** Shows Markdown as the cell's output. */
export const markdown = (md: string): void => void displayBundle({ "text/markdown": md, "text/plain": md });
/** Shows an SVG picture, given as its markup, as the cell's output. */
export const svg = (svg: string): void => void displayBundle({ "image/svg+xml": svg, "text/plain": "<svg image>" });
/** Shows a PNG picture, given base64-encoded, as the cell's output. */
export const png = (base64: string): void => void displayBundle({ "image/png": base64, "text/plain": "<png image>" });
/** Shows a value as JSON (a collapsible tree where the front end has one) as the cell's output. */
export const json = (value: unknown): void => void displayBundle({ "application/json": value, "text/plain": JSON.stringify(value, null, 2) });

/** A handle to one output: update() replaces it in place (a progress line, a growing chart). */
export class DisplayHandle {
  constructor(readonly display_id: string) {}
  update(value: unknown): void { send(mimeBundleOf(value), { display_id: this.display_id, update: true }); }
  updateBundle(bundle: Record<string, unknown>): void { send(checkBundle(bundle), { display_id: this.display_id, update: true }); }
}

let counter = 0;
/** Ids count up within a kernel's life, so saved notebooks do not change from run to run. */
function newId(): string {
  counter += 1;
  return `display-${counter}`;
}
