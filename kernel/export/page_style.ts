// The exported page's stylesheet. Charts are drawn with the notebook renderer's theme, whose
// colours are VS Code's CSS variables (extension/renderer/theme.ts), so defining those variables
// here, once for light and once for dark (prefers-color-scheme), themes page and charts alike.
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --vscode-editor-foreground: #1f1f1f;
  --vscode-editor-background: #ffffff;
  --vscode-descriptionForeground: #616161;
  --vscode-editorWidget-border: #c8c8c8;
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, "Droid Sans", sans-serif;
  --vscode-charts-blue: #1a85ff;
  --vscode-charts-orange: #d18616;
  --vscode-charts-green: #388a34;
  --vscode-charts-red: #e51400;
  --vscode-charts-purple: #8a5cc2;
  --vscode-charts-yellow: #bf8803;
  --code-background: #f5f5f5;
  --error: #c72e0f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --vscode-editor-foreground: #cccccc;
    --vscode-editor-background: #1f1f1f;
    --vscode-descriptionForeground: #9d9d9d;
    --vscode-editorWidget-border: #454545;
    --vscode-charts-blue: #3794ff;
    --vscode-charts-orange: #d18616;
    --vscode-charts-green: #89d185;
    --vscode-charts-red: #f14c4c;
    --vscode-charts-purple: #b180d7;
    --vscode-charts-yellow: #cca700;
    --code-background: #2b2b2b;
    --error: #f48771;
  }
}
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; background: var(--vscode-editor-background);
  color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); line-height: 1.5; }
pre, code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
.cell { margin: 1.2rem 0; }
.source { background: var(--code-background); border-left: 3px solid var(--vscode-charts-blue); padding: 0.6rem 0.8rem; border-radius: 4px; }
.count { color: var(--vscode-descriptionForeground); font-size: 0.8em; }
.output { margin: 0.5rem 0 0 0.9rem; overflow-x: auto; }
.output.error pre, .output.stderr pre { color: var(--error); }
.output img { max-width: 100%; image-rendering: pixelated; }
.output svg { max-width: 100%; height: auto; }
.output table { border-collapse: collapse; }
.output td, .output th { border: 1px solid var(--vscode-editorWidget-border); padding: 0.2rem 0.5rem; }
.markdown code, .output .markdown code { background: var(--code-background); padding: 0.1em 0.3em; border-radius: 3px; }
.markdown pre { background: var(--code-background); padding: 0.6rem 0.8rem; border-radius: 4px; }
.markdown pre code { background: none; padding: 0; }
.math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", serif; font-style: italic; }
.math.display { display: block; text-align: center; margin: 0.6rem 0; }
.remote { color: var(--vscode-descriptionForeground); }
`;
