// Rich outputs as Jupyter sees them: a MIME bundle maps MIME types to data. "+json" types hold
// JSON values (never strings), text types hold strings, and every bundle has text/plain.
import * as util from "util";

export type MimeBundle = Record<string, unknown> & { "text/plain": string };

/**
 * Anything that knows its own rich form (charts, images, a user's table) implements Deno's
 * Jupyter convention: a method under Symbol.for("Jupyter.display") that returns a MIME bundle.
 * actnb's displayables implement it, so Deno shows them, and actnb shows objects written for Deno.
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");
/** The same symbol under the name actnb's modules use. */
export { JUPYTER_DISPLAY as MIMEBUNDLE };
export interface HasMimeBundle { [JUPYTER_DISPLAY](): Record<string, unknown> }

export function hasMimeBundle(v: unknown): v is HasMimeBundle {
  return v !== null && (typeof v === "object" || typeof v === "function") && typeof (v as Record<symbol, unknown>)[JUPYTER_DISPLAY] === "function";
}

/**
 * Plain text exactly as console.log shows a value (tslab shows a cell's value that way in
 * Jupyter, so both kernels agree); tensors and modules print as PyTorch prints them.
 */
export function plainText(v: unknown): string {
  return util.format("%s", typeof v === "string" ? v : util.inspect(v));
}

/**
 * Extra MIME types a host asked its kernel for (VS Code: a tensor's heatmap view), added to the
 * bundles of the values it knows. Installed by the kernel process; module copies share it.
 */
export type BundleExtras = (value: unknown, text: string) => Record<string, unknown> | undefined;
const EXTRAS = Symbol.for("actnb.display.extras");
type Global = typeof globalThis & { [EXTRAS]?: BundleExtras };

export function setBundleExtras(extras: BundleExtras | undefined): void {
  (globalThis as Global)[EXTRAS] = extras;
}

/** The MIME bundle for a cell's value or for display(value). */
export function mimeBundleOf(v: unknown): MimeBundle {
  if (!hasMimeBundle(v)) {
    const text = plainText(v);
    return { ...(globalThis as Global)[EXTRAS]?.(v, text), "text/plain": text };
  }
  const bundle: unknown = v[JUPYTER_DISPLAY]();
  if (bundle instanceof Promise) throw new TypeError(`[Symbol.for("Jupyter.display")]() returned a Promise; actnb shows only a bundle returned synchronously`);
  if (bundle === null || typeof bundle !== "object" || Array.isArray(bundle)) {
    throw new TypeError(`[Symbol.for("Jupyter.display")]() must return a MIME bundle such as { "text/html": "<b>hi</b>" } (got ${bundle === null ? "null" : Array.isArray(bundle) ? "an array" : typeof bundle})`);
  }
  const entries = Object.entries(bundle);
  if (entries.length === 0) throw new TypeError(`[Symbol.for("Jupyter.display")]() returned an empty MIME bundle`);
  const checked = checkBundle(Object.fromEntries(entries));
  // without a text of its own, the text is the value as console.log shows it
  if (!entries.some(([mime, data]) => mime === "text/plain" && typeof data === "string")) checked["text/plain"] = plainText(v);
  return checked;
}

/** Checks a bundle a user built by hand: JSON types must hold JSON, text types strings. */
export function checkBundle(bundle: Record<string, unknown>): MimeBundle {
  const out: Record<string, unknown> = {};
  for (const [mime, data] of Object.entries(bundle)) {
    if (/[+/]json$/.test(mime)) {
      out[mime] = typeof data === "string" ? JSON.parse(data) : JSON.parse(JSON.stringify(data));
    } else if (typeof data !== "string") {
      throw new TypeError(`display: data for ${mime} must be a string (got ${typeof data})`);
    } else {
      out[mime] = data;
    }
  }
  if (typeof out["text/plain"] !== "string") {
    const first = Object.keys(out)[0];
    out["text/plain"] = first ? `<${first}>` : "";
  }
  return out as MimeBundle;
}
