// A Vega-Lite chart as inline SVG, drawn in Node (no browser, no canvas): compiled by Vega-Lite,
// run by a headless Vega view, serialised by Vega's SVG renderer. The chart takes the theme the
// notebook renderer gives it in VS Code (extension/renderer/theme.ts: colours and font are CSS
// variables), so the exported page's stylesheet decides light or dark; nothing is fetched.
import * as vega from "vega";
import { compile, TopLevelSpec } from "vega-lite";
import { isPlainObject, shouldFitWidth, themedSpec } from "../../extension/renderer/theme";

/** The width a chart gets when it would take its output's width in VS Code (a page has none to give). */
const FIT_WIDTH = 560;
const VIEW_KEYS = ["mark", "layer", "facet", "repeat", "concat", "hconcat", "vconcat"];

function isVegaLiteSpec(v: unknown): v is TopLevelSpec {
  return isPlainObject(v) && VIEW_KEYS.some((k) => k in v);
}

/**
 * A loader that loads nothing: data and images must be in the spec itself. Vega logs a failed
 * load and draws on without the data, so what was refused is also noted for chartSvg to report.
 */
function offlineLoader(refused: string[]): vega.Loader {
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    refused.push(uri);
    throw new Error(`the chart refers to ${uri}; an offline export draws only data inside the chart`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

/** The chart as an `<svg>` element's markup. */
export async function chartSvg(spec: unknown): Promise<string> {
  if (!isPlainObject(spec) || !isVegaLiteSpec(spec)) throw new Error("not a Vega-Lite chart: expected an object with a mark, layer, facet, repeat or concat");
  const sized = shouldFitWidth(spec) ? { ...spec, width: FIT_WIDTH } : spec;
  const themed: unknown = themedSpec(sized).spec;
  if (!isVegaLiteSpec(themed)) throw new Error("the themed chart lost its view");
  const refused: string[] = [];
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: "none", loader: offlineLoader(refused), logLevel: vega.None });
  try {
    const svg = await view.toSVG();
    if (refused.length) throw new Error(`the chart refers to ${refused.join(", ")}; an offline export draws only data inside the chart`);
    return svg;
  } finally {
    view.finalize();
  }
}
