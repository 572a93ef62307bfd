// Vega-Lite v5 charts computed from the engine's own numbers, each with a plain-text fallback.
export { Chart, MIMEBUNDLE, VEGA_LITE_MIME, VEGA_LITE_SCHEMA } from "./chart";
export type { ChartBundle, VegaLiteSpec } from "./chart";
export { activationPlot } from "./activation";
export type { ActivationPlotOptions } from "./activation";
export { resolveActivation, computeCurve } from "./curves";
export type { ActivationSpec, Curve } from "./curves";
export { gradientTable } from "./gradients";
export type { ElementGrads, GradNormRuns, GradientRows, GradientTableOptions } from "./gradients";
export { lossCurve, LossCurve } from "./loss";
export type { LossSeries, LossCurveOptions } from "./loss";
export { deadUnitsChart } from "./dead_units";
export type { DeadUnitRecord, DeadUnitRuns, DeadUnitsOptions } from "./dead_units";
export { histogram } from "./histogram";
export type { HistogramOptions } from "./histogram";
export { image, Image } from "./image";
export type { ImageOptions } from "./image";
