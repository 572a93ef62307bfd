// The value every plot builder returns: a Vega-Lite v5 spec plus a plain-text fallback. The
// notebook kernel shows anything with a [Symbol.for("Jupyter.display")]() method as rich output.
import type { InspectOptions } from "util";
import { MIMEBUNDLE } from "../display/mime";
import { inspectDisplayable } from "../display/tslab_value";

/** The Vega-Lite v5 schema id: a name only, never fetched. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
/** The display protocol: Deno's Symbol.for("Jupyter.display") (display/mime.ts). */
export { MIMEBUNDLE };

/** A Vega-Lite v5 top-level spec as plain JSON. */
export interface VegaLiteSpec {
  $schema: string;
  [key: string]: unknown;
}

export interface ChartBundle {
  "application/vnd.vegalite.v5+json": VegaLiteSpec;
  "text/plain": string;
}

/**
 * A Vega-Lite chart: what every plot.* function returns. As a cell's last value (or through
 * display) it draws in VS Code and Jupyter; where charts cannot draw, its text summary shows.
 *
 * @example
 * ```ts
 * const chart = plot.activationPlot("gelu");
 * chart.spec.$schema   // the Vega-Lite specification, ready for any Vega-Lite renderer
 * ```
 */
export class Chart {
  constructor(readonly spec: VegaLiteSpec, readonly text: string) {}

  /** The Jupyter MIME bundle: the spec for renderers, the text for everything else. */
  mimeBundle(): ChartBundle {
    return { [VEGA_LITE_MIME]: this.spec, "text/plain": this.text };
  }

  [MIMEBUNDLE](): ChartBundle { return this.mimeBundle(); }

  /** JSON.stringify(chart) gives the spec. */
  toJSON(): VegaLiteSpec { return this.spec; }

  toString(): string { return this.text; }
  /**
   * console.log(chart) and util.inspect print the text fallback, as a notebook's text view does;
   * as a cell's last value under tslab, the chart is displayed (display/tslab_value.ts).
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions): string { return inspectDisplayable(this, this.text, depth, options); }
}

/** Builds the top-level spec with the schema first and a title object. */
export function topLevel(title: string, subtitle: string | undefined, rest: Record<string, unknown>): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : { text: title },
    ...rest,
  };
}
