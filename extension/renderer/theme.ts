// The chart theme: a Vega-Lite config whose colours and font are VS Code's CSS variables, so a
// chart drawn with the SVG renderer follows the active theme (light, dark, high contrast) and
// restyles on a live theme switch without being drawn again. Pure: no DOM, testable in Node.

/** A JSON object (a spec, a config, or a part of one). */
export type Json = { [key: string]: unknown };

export function isPlainObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `var(--name)`, or `var(--name, fallback)`. */
export const cssVar = (name: string, fallback?: string): string =>
  fallback === undefined ? `var(--${name})` : `var(--${name}, ${fallback})`;

export const FOREGROUND = cssVar("vscode-editor-foreground");
export const BACKGROUND = cssVar("vscode-editor-background");
export const FONT = cssVar("vscode-font-family");
/** Secondary text (subtitles): VS Code's description colour. */
export const MUTED = cssVar("vscode-descriptionForeground");
/** Axis lines and ticks: the high-contrast border where the theme has one (only high-contrast themes define it). */
export const LINE = cssVar("vscode-contrastBorder", MUTED);
/** Grid lines and the view frame: the high-contrast border, else the widget border. */
export const BORDER = cssVar("vscode-contrastBorder", cssVar("vscode-editorWidget-border"));

/**
 * Categorical colours: VS Code's six chart colours (defined by every theme, high contrast
 * included), then four mid-tone colours that read on light and dark backgrounds alike.
 */
export const CATEGORY: readonly string[] = [
  cssVar("vscode-charts-blue", "#1a85ff"),
  cssVar("vscode-charts-orange", "#d18616"),
  cssVar("vscode-charts-green", "#388a34"),
  cssVar("vscode-charts-red", "#e51400"),
  cssVar("vscode-charts-purple", "#8a5cc2"),
  cssVar("vscode-charts-yellow", "#bf8803"),
  "#3a9e9a",
  "#d45d9c",
  "#a0785a",
  "#8c8c8c",
];

export interface ThemeOptions {
  /**
   * The font family. Defaults to `var(--vscode-font-family)`. The browser renderer passes the
   * variable's computed value instead, because Vega measures text on a canvas, which cannot
   * resolve CSS variables (text would be measured in the wrong font and labels would overlap).
   */
  font?: string;
}

/** The theme as a Vega-Lite config. Returns a fresh object each call. */
export function themeConfig(options: ThemeOptions = {}): Json {
  const font = options.font && options.font.trim() ? options.font.trim() : FONT;
  return {
    // The output area shows through; exports put the editor background behind the chart.
    background: "transparent",
    font,
    title: { color: FOREGROUND, subtitleColor: MUTED },
    // Axis, legend and header labels and titles all take these styles.
    style: {
      "guide-label": { fill: FOREGROUND },
      "guide-title": { fill: FOREGROUND },
      "group-title": { fill: FOREGROUND },
      "group-subtitle": { fill: MUTED },
    },
    axis: { domainColor: LINE, tickColor: LINE, gridColor: BORDER, gridOpacity: 0.6 },
    legend: { labelColor: FOREGROUND, titleColor: FOREGROUND },
    header: { labelColor: FOREGROUND, titleColor: FOREGROUND },
    view: { stroke: BORDER },
    mark: { color: CATEGORY[0] },
    text: { color: FOREGROUND },
    rule: { color: FOREGROUND },
    range: { category: [...CATEGORY] },
  };
}

/**
 * Deep merge of two configs: `override` wins. Objects merge key by key; arrays, primitives and
 * null from `override` replace (Vega-Lite uses null to switch a default off). Neither input changes.
 */
export function mergeConfig(base: Json, override: Json | undefined): Json {
  const out: Json = { ...base };
  if (!override) return out;
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfig(current, value) : value;
  }
  return out;
}

/** Composition keywords: a spec with one of these is not a single view. */
const COMPOSITE = ["facet", "repeat", "concat", "hconcat", "vconcat"];
const FACET_CHANNELS = ["row", "column", "facet"];

/**
 * Whether the chart should take the output's width: a single view (a unit or a layer, not
 * faceted or concatenated) that sets no width and no autosize of its own.
 */
export function shouldFitWidth(spec: Json): boolean {
  if (spec.width !== undefined || spec.autosize !== undefined) return false;
  if (COMPOSITE.some((k) => k in spec)) return false;
  if (!("mark" in spec) && !("layer" in spec)) return false;
  const enc = spec.encoding;
  if (isPlainObject(enc) && FACET_CHANNELS.some((k) => k in enc)) return false;
  const cfg = spec.config;
  if (isPlainObject(cfg) && cfg.autosize !== undefined) return false;
  return true;
}

export interface Themed {
  /** A copy of the spec with the theme config merged under its own config. */
  spec: Json;
  /** True when the chart's width follows its container (ours or the spec's own `width: "container"`). */
  fitWidth: boolean;
  /** True when the spec chose its own background (top-level or in config). */
  userBackground: boolean;
}

/**
 * Applies the theme to a Vega-Lite spec: the spec's own `config` wins over the theme, key by key;
 * a spec with its own background (top-level or in config) keeps Vega's default colours. A single view without a
 * width gets `width: "container"` with `autosize: fit-x`, so it fills the output and resizes with it.
 */
export function themedSpec(spec: Json, options: ThemeOptions = {}): Themed {
  const own = isPlainObject(spec.config) ? spec.config : undefined;
  const userBackground = spec.background !== undefined || (own !== undefined && own.background !== undefined);
  // A spec that paints its own background chose its own colours: theme text on it could vanish
  // (light text on a cream background in a dark theme), so it keeps Vega's defaults, our font only.
  const base = userBackground ? { font: (themeConfig(options) as { font: string }).font } : themeConfig(options);
  const out: Json = { ...spec, config: mergeConfig(base, own) };
  let fitWidth = spec.width === "container";
  if (shouldFitWidth(spec)) {
    out.width = "container";
    out.autosize = { type: "fit-x", contains: "padding" };
    fitWidth = true;
  }
  return { spec: out, fitWidth, userBackground };
}

/**
 * Colours used when a CSS variable cannot be read (an export outside a themed document):
 * VS Code's Light Modern values.
 */
export const LIGHT_DEFAULTS: Readonly<Record<string, string>> = {
  "--vscode-editor-foreground": "#3b3b3b",
  "--vscode-editor-background": "#ffffff",
  "--vscode-font-family": "system-ui, -apple-system, 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif",
  "--vscode-descriptionForeground": "#717171",
  "--vscode-editorWidget-border": "#c8c8c8",
};

const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*((?:[^()]|\((?:[^()]|\([^()]*\))*\))*))?\)/g;

/**
 * Replaces every `var(--name[, fallback])` in a string with the variable's value from `lookup`,
 * else the fallback, else LIGHT_DEFAULTS, else "" (nested fallbacks resolve too).
 */
export function resolveCssVarsInString(s: string, lookup: (name: string) => string | undefined): string {
  let out = s;
  for (let i = 0; i < 8 && out.includes("var("); i++) {
    const next = out.replace(VAR, (_m, name: string, fallback: string | undefined) => {
      const v = lookup(name)?.trim();
      if (v) return v;
      if (fallback !== undefined) return fallback.trim();
      return LIGHT_DEFAULTS[name] ?? "";
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** resolveCssVarsInString over every string in a JSON value; returns a copy. */
export function resolveCssVars<T>(value: T, lookup: (name: string) => string | undefined): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.includes("var(") ? resolveCssVarsInString(v, lookup) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) {
      const o: Json = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x);
      return o;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * The compiled Vega spec made ready for an image file: the theme's transparent background
 * becomes the editor background (unless the spec chose its own), and every CSS variable is
 * replaced by its current value, so the file looks as the chart does on screen.
 */
export function exportSpec<T extends Json>(vgSpec: T, userBackground: boolean, lookup: (name: string) => string | undefined): T {
  const withBg = userBackground ? vgSpec : { ...vgSpec, background: BACKGROUND };
  return resolveCssVars(withBg, lookup);
}

/** A file name for exports from the chart's title ("chart" when it has none). */
export function exportFileName(spec: Json, ext: string): string {
  let title: unknown = spec.title;
  if (isPlainObject(title)) title = title.text;
  if (Array.isArray(title)) title = title.join(" ");
  const base = typeof title === "string"
    ? title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60)
    : "";
  return `${base || "chart"}.${ext}`;
}
