// The panel's chart, computed in the extension host by the engine: exactly what the generated
// cell computes (kernel/plots activationPlot; derivatives by autograd). Pure: no vscode.
import { activationPlot } from "../../../kernel/plots";
import type { PlotValues } from "./protocol";

export interface ComputedPlot {
  /** The Vega-Lite v5 spec, without a fixed width (the panel fills its width). */
  spec: Record<string, unknown>;
  /** The chart's title, e.g. "GELU and Leaky ReLU (α = 0.2) and their derivatives". */
  chartTitle: string;
  /** The chart's plain-text form. */
  text: string;
}

export function computePlot(values: PlotValues): ComputedPlot {
  const chart = activationPlot(values.activations, { x: values.x, points: values.points, derivative: values.derivative });
  const { width: _width, ...spec } = chart.spec;
  const title = spec.title as { text?: unknown } | string | undefined;
  const chartTitle = typeof title === "string" ? title : typeof title?.text === "string" ? title.text : "";
  return { spec, chartTitle, text: chart.text };
}
