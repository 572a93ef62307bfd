// From an output item's text to a themed Vega spec ready to draw, or to a problem to show:
// parse, check, refuse network URLs, apply the theme, compile with Vega-Lite (collecting its
// warnings). No DOM: runs the same in the renderer and in Node tests.

import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { checkVegaLite, describeError, parseSpecText, RenderProblem } from "./errors";
import { findExternalUrls, networkMessage } from "./network";
import { exportFileName, isPlainObject, Json, themedSpec, ThemeOptions } from "./theme";

export const VEGA_LITE_MIMES = ["application/vnd.vegalite.v5+json", "application/vnd.vegalite.v4+json"] as const;

export interface Prepared {
  ok: true;
  /** The compiled, themed Vega spec. */
  vgSpec: Json;
  /** The themed Vega-Lite spec it was compiled from. */
  vlSpec: Json;
  /** The chart's width follows its container: update it when the output resizes. */
  fitWidth: boolean;
  /** The spec chose its own background. */
  userBackground: boolean;
  /** Vega-Lite's warnings (dropped channels, ignored properties...). */
  warnings: string[];
  /** A file name stem for exports, from the title. */
  fileName: (ext: string) => string;
}

export type Preparation = Prepared | { ok: false; problem: RenderProblem };

const fail = (problem: RenderProblem): Preparation => ({ ok: false, problem });

/** A Vega logger that keeps Vega-Lite's messages instead of printing them. */
function collectingLogger(warnings: string[]) {
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  let lvl = 2;
  const logger = {
    level(l?: number) { if (l === undefined) return lvl; lvl = l; return logger; },
    error(...a: unknown[]) { warnings.push(text(a)); return logger; },
    warn(...a: unknown[]) { warnings.push(text(a)); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}

/** Takes the output's text (or an already parsed spec) to a themed Vega spec or a problem. */
export function prepare(input: string | unknown, options: ThemeOptions = {}): Preparation {
  const parsed = typeof input === "string"
    ? parseSpecText(input)
    : isPlainObject(input) ? { ok: true as const, spec: input } : parseSpecText(JSON.stringify(input) ?? "");
  if (!parsed.ok) return parsed;
  const spec = parsed.spec;

  const invalid = checkVegaLite(spec);
  if (invalid) return fail(invalid);

  const urls = findExternalUrls(spec);
  if (urls.length > 0) {
    return fail({ title: "Network access blocked", message: networkMessage(urls), where: urls[0].path });
  }

  const themed = themedSpec(spec, options);
  const warnings: string[] = [];
  let vgSpec: Json;
  try {
    vgSpec = compile(themed.spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings) as never }).spec as unknown as Json;
  } catch (e) {
    return fail(describeError(e, "compile"));
  }

  // vega-embed would read usermeta.embedOptions and let it override ours (renderer, loader,
  // ast...): the spec does not get to change how it is drawn.
  if (isPlainObject(vgSpec.usermeta) && "embedOptions" in vgSpec.usermeta) {
    const { embedOptions: _dropped, ...rest } = vgSpec.usermeta;
    vgSpec = { ...vgSpec, usermeta: rest };
  }

  return {
    ok: true,
    vgSpec,
    vlSpec: themed.spec,
    fitWidth: themed.fitWidth,
    userBackground: themed.userBackground,
    warnings,
    fileName: (ext) => exportFileName(spec, ext),
  };
}
