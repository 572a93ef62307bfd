// "Insert as cell": the TypeScript a notebook cell runs to draw the same chart as the panel, with
// the panel's current values, e.g.
//   import { plot } from "actnb";
//   plot.activationPlot([{ name: "gelu" }, { name: "leaky_relu", params: { negative_slope: 0.2 } }], { x: [-4, 4], derivative: true })
// Pure: no vscode.
import { formatNumber } from "./model";
import type { ParamValue, PlotActivation, PlotValues } from "./protocol";

/** activationPlot's default grid size: the code leaves `points` out when it is this. */
export const DEFAULT_POINTS = 401;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function literal(v: ParamValue): string {
  return typeof v === "number" ? formatNumber(v) : typeof v === "string" ? JSON.stringify(v) : String(v);
}

const key = (k: string) => (IDENTIFIER.test(k) ? k : JSON.stringify(k));

/** `{ name: "leaky_relu", params: { negative_slope: 0.2 } }` */
export function activationLiteral(a: PlotActivation): string {
  const params = Object.entries(a.params ?? {});
  const p = params.length ? `, params: { ${params.map(([k, v]) => `${key(k)}: ${literal(v)}`).join(", ")} }` : "";
  return `{ name: ${JSON.stringify(a.name)}${p} }`;
}

/** The options object: x always, derivative always, points when it is not the default. */
export function optionsLiteral(values: PlotValues): string {
  const parts = [`x: [${formatNumber(values.x[0])}, ${formatNumber(values.x[1])}]`];
  if (values.points !== DEFAULT_POINTS) parts.push(`points: ${values.points}`);
  parts.push(`derivative: ${values.derivative}`);
  return `{ ${parts.join(", ")} }`;
}

/** The cell's source: the import, then one expression whose value the notebook shows as the chart. */
export function cellCode(values: PlotValues): string {
  return `import { plot } from "actnb";\nplot.activationPlot([${values.activations.map(activationLiteral).join(", ")}], ${optionsLiteral(values)})`;
}
