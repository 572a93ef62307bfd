// The network rule: renderers load nothing from outside. A static scan finds every URL a spec
// would load (data, lookups, images) before anything is drawn, and the loader given to Vega
// rejects every request, so whatever the scan misses still makes no request. Pure: no DOM.

import { isPlainObject } from "./theme";

export type UrlKind = "data" | "image" | "config";

export interface ExternalUrl {
  /** Where in the spec, e.g. `layer[1].data.url`. */
  path: string;
  /** The URL, or a description of where it comes from (`(URLs from field "src")`). */
  url: string;
  kind: UrlKind;
}

/** Keys whose contents are never fetched: inline data, constants, free-form metadata, link targets. */
const SKIP = new Set(["values", "datum", "usermeta", "description", "href", "$schema"]);

function describeDynamic(v: Record<string, unknown>): string | undefined {
  if (typeof v.field === "string") return `(URLs from field "${v.field}")`;
  if (typeof v.signal === "string") return `(URLs from signal "${v.signal}")`;
  if (typeof v.expr === "string") return `(URLs from expression "${v.expr}")`;
  if (v.condition !== undefined) return "(URLs chosen by a condition)";
  return undefined;
}

/** Every URL a Vega-Lite (or Vega) spec asks to load, in document order. */
export function findExternalUrls(spec: unknown): ExternalUrl[] {
  const found: ExternalUrl[] = [];
  const walk = (v: unknown, path: string, parentKey: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, parentKey));
      return;
    }
    if (!isPlainObject(v)) return;
    for (const [key, x] of Object.entries(v)) {
      const p = path ? `${path}.${key}` : key;
      if (key === "url") {
        const kind: UrlKind = parentKey === "data" ? "data" : "image";
        if (typeof x === "string") found.push({ path: p, url: x, kind });
        else if (isPlainObject(x)) {
          if (typeof x.value === "string") found.push({ path: `${p}.value`, url: x.value, kind });
          else {
            const d = describeDynamic(x);
            if (d) found.push({ path: p, url: d, kind });
          }
        }
        continue;
      }
      if (key === "usermeta") {
        // vega-embed reads usermeta.embedOptions.config and .patch through the loader when they are strings.
        const eo = isPlainObject(x) ? x.embedOptions : undefined;
        if (isPlainObject(eo)) {
          for (const k of ["config", "patch"]) {
            if (typeof eo[k] === "string") found.push({ path: `${p}.embedOptions.${k}`, url: eo[k] as string, kind: "config" });
          }
        }
        continue;
      }
      if (SKIP.has(key)) continue;
      walk(x, p, key);
    }
  };
  walk(spec, "", "");
  return found;
}

export const NETWORK_RULE = "Activation Notebooks renderers load nothing from outside.";

function quote(url: string): string {
  const u = url.length > 120 ? `${url.slice(0, 117)}...` : url;
  return u.startsWith("(") ? u : `"${u}"`;
}

/** The message shown in place of a chart that asks for the network. */
export function networkMessage(urls: readonly ExternalUrl[]): string {
  if (urls.length === 0) return "";
  const first = urls[0];
  const what = first.kind === "image" ? "an image" : first.kind === "config" ? "its options" : "data";
  const more = urls.length > 1 ? ` (and ${urls.length - 1} more: ${urls.slice(1, 4).map((u) => u.path).join(", ")}${urls.length > 4 ? ", ..." : ""})` : "";
  const fix = first.kind === "image"
    ? "Put the data inline (data.values); image marks cannot show pictures from URLs here."
    : first.kind === "config"
      ? "Put the data inline (data.values) and the options in the spec itself."
      : "Put the data inline (data.values).";
  return `This chart asks to load ${what} ${quote(first.url)} (at ${first.path})${more} from the network; ${NETWORK_RULE} ${fix}`;
}

/** The error every request through the blocking loader fails with. */
export class BlockedUrlError extends Error {
  constructor(readonly url: string, readonly context: string) {
    super(networkMessage([{ path: context ? `the ${context} request made while drawing` : "a request made while drawing", url, kind: context === "image" ? "image" : "data" }]));
    this.name = "BlockedUrlError";
  }
}

export interface LoaderLike {
  load(uri: string, options?: unknown): Promise<string>;
  sanitize(uri: string, options?: unknown): Promise<{ href: string }>;
  http(uri: string, options?: unknown): Promise<string>;
  file(filename: string): Promise<string>;
}

function contextOf(options: unknown): string {
  return isPlainObject(options) && typeof options.context === "string" ? options.context : "";
}

/**
 * A Vega loader that rejects every URL: `load`, `sanitize` (which Vega calls before loading an
 * image or following a link), `http` and `file` all fail with a BlockedUrlError and never touch
 * fetch, XMLHttpRequest or the file system. `onBlocked` hears of each attempt.
 */
export function blockingLoader(onBlocked?: (url: string, context: string) => void): LoaderLike {
  const block = (uri: string, context: string): Promise<never> => {
    const url = String(uri);
    try { onBlocked?.(url, context); } catch { /* a listener's failure must not let the request through */ }
    return Promise.reject(new BlockedUrlError(url, context));
  };
  return {
    // Vega's own loads say "dataflow"
    load: (uri, options) => block(uri, contextOf(options) === "dataflow" ? "data" : contextOf(options) || "data"),
    sanitize: (uri, options) => block(uri, contextOf(options)),
    http: (uri) => block(uri, "http"),
    file: (filename) => block(filename, "file"),
  };
}
