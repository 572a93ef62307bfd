// The renderer's stylesheet: every colour is a VS Code theme variable, so the toolbar, error
// boxes and tooltips follow the theme (and a live switch) like the chart does.

export const STYLE_ID = "actnb-vega-style";
/** vega-tooltip adds `<theme>-theme` to its element: ours is "actnb". */
export const TOOLTIP_THEME = "actnb";

export const CSS = `
.actnb-vega { position: relative; color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
.actnb-vega-chart { display: block; width: 100%; overflow-x: auto; }
.actnb-vega-chart.fit-x { overflow-x: hidden; }
.actnb-vega-chart svg { display: block; }
.actnb-vega-toolbar { display: flex; justify-content: flex-end; gap: 4px; min-height: 20px; opacity: 0.35; transition: opacity 0.15s; }
.actnb-vega:hover .actnb-vega-toolbar, .actnb-vega:focus-within .actnb-vega-toolbar { opacity: 1; }
.actnb-vega-toolbar button {
  font: inherit; font-size: 11px; line-height: 16px; padding: 1px 7px; cursor: pointer; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, var(--vscode-editor-foreground));
  background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent));
}
.actnb-vega-toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-toolbar-hoverBackground)); }
.actnb-vega-toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.actnb-vega-toolbar button:disabled { opacity: 0.5; cursor: default; }
.actnb-vega-error {
  margin: 2px 0; padding: 6px 10px; white-space: pre-wrap; overflow-wrap: anywhere;
  color: var(--vscode-editor-foreground);
  background: var(--vscode-inputValidation-errorBackground, transparent);
  border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground));
  border-left-width: 3px;
}
.actnb-vega-error .actnb-vega-error-title { font-weight: 600; color: var(--vscode-errorForeground); }
.actnb-vega-error .actnb-vega-error-where { color: var(--vscode-descriptionForeground); }
.actnb-vega-error pre { margin: 4px 0 0; font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px); }
.actnb-vega-note { font-size: 11px; color: var(--vscode-descriptionForeground); white-space: pre-wrap; }
.actnb-vega-note.actnb-vega-warning { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); }
#vg-tooltip-element.${TOOLTIP_THEME}-theme {
  font-family: var(--vscode-font-family); font-size: 12px;
  color: var(--vscode-editorHoverWidget-foreground, var(--vscode-editor-foreground));
  background-color: var(--vscode-editorHoverWidget-background, var(--vscode-editor-background));
  border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-contrastBorder, var(--vscode-editorWidget-border)));
  box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.16));
}
#vg-tooltip-element.${TOOLTIP_THEME}-theme td.key { color: var(--vscode-descriptionForeground); }
#vg-tooltip-element.${TOOLTIP_THEME}-theme h2 { color: var(--vscode-editorHoverWidget-foreground, var(--vscode-editor-foreground)); }
`;
