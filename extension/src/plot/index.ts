// The "Plot activation" command (actnb.plotActivation): prompts for activations, parameters, the
// x range and derivatives (or takes them as an argument), then opens a plot panel beside the editor.
//   executeCommand("actnb.plotActivation", { activations: [{ name: "gelu" }, { name: "leaky_relu", params: { negative_slope: 0.2 } }], x: [-4, 4], derivative: true })
// resolves to the panel's PlotPanelInfo (undefined when cancelled or invalid).
import * as vscode from "vscode";
import { checkPlotValues, isPlotArgs, normalizeSettings, PlotSettings } from "./model";
import { NotebookTracker } from "./notebook";
import { PlotPanel, PlotPanelInfo } from "./panel";
import { promptPlotValues } from "./prompts";

export const COMMAND = "actnb.plotActivation";

function readSettings(): PlotSettings {
  const c = vscode.workspace.getConfiguration("actnb.plot");
  return normalizeSettings({ xMin: c.get("xMin"), xMax: c.get("xMax"), points: c.get("points"), showDerivative: c.get("showDerivative") });
}

/** The notebook a toolbar button passes (its context is { notebookEditor: { notebookUri } } or the URI itself). */
function notebookUriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const uri = (arg as { notebookEditor?: { notebookUri?: unknown } } | undefined)?.notebookEditor?.notebookUri;
  return uri instanceof vscode.Uri ? uri : undefined;
}

export function registerPlotActivation(context: vscode.ExtensionContext): void {
  const notebooks = new NotebookTracker();
  const panels = new Set<PlotPanel>();
  context.subscriptions.push(notebooks, { dispose: () => { for (const p of [...panels]) p.dispose(); } });
  // created on the first line logged
  let channel: vscode.OutputChannel | undefined;
  const log = {
    appendLine(line: string) {
      if (!channel) {
        channel = vscode.window.createOutputChannel("Activation Notebooks: plots");
        context.subscriptions.push(channel);
      }
      channel.appendLine(line);
    },
  };

  context.subscriptions.push(vscode.commands.registerCommand(COMMAND, async (arg?: unknown): Promise<PlotPanelInfo | undefined> => {
    const settings = readSettings();
    notebooks.prefer(notebookUriOf(arg));
    let values;
    if (isPlotArgs(arg)) {
      const checked = checkPlotValues(arg, settings);
      if (!checked.ok) {
        void vscode.window.showErrorMessage(`Plot activation: ${checked.message}`);
        return undefined;
      }
      values = checked.value;
    } else {
      values = await promptPlotValues(settings);
      if (!values) return undefined;
    }
    try {
      const panel = PlotPanel.open(context.extensionUri, values, notebooks, (line) => log.appendLine(line));
      panels.add(panel);
      panel.panel.onDidDispose(() => panels.delete(panel));
      return panel.info;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.appendLine(`Plot activation failed: ${e instanceof Error && e.stack ? e.stack : message}`);
      void vscode.window.showErrorMessage(`Plot activation: ${message}`);
      return undefined;
    }
  }));
}
