// Activation Notebooks in VS Code: the .actnb serializer, the kernel controller, the commands
// and the Plot activation panel. Everything that computes lives in kernel/.
import * as vscode from "vscode";
import { ActnbSerializer, NOTEBOOK_TYPE } from "./serializer";
import { KernelManager } from "./kernels";
import { ActnbController } from "./controller";
import { registerCommands } from "./commands";
import { registerLanguageFeatures } from "./language";
import { registerPlotActivation } from "./plot";
import { SaveGuard } from "./save_guard";
import { KernelSelection } from "./selection";
import { registerExportHtml } from "./export_html";
import { registerExportPytorch } from "./export_pytorch";
import { registerVariablesView, VariablesProvider } from "./variables";

export function activate(context: vscode.ExtensionContext): { kernels: KernelManager; saveGuard: SaveGuard; variables: VariablesProvider } {
  const log = vscode.window.createOutputChannel("Activation Notebooks");
  const kernels = new KernelManager(log);
  const selection = new KernelSelection();
  const controller = new ActnbController(kernels, selection);
  const saveGuard = new SaveGuard(context.globalStorageUri.fsPath, log);
  context.subscriptions.push(
    log, kernels, selection, controller, saveGuard,
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new ActnbSerializer(), { transientOutputs: false }),
    vscode.workspace.onDidOpenNotebookDocument((nb) => controller.prefer(nb)),
    vscode.workspace.onDidCloseNotebookDocument((nb) => void kernels.shutdown(nb)),
  );
  registerCommands(context, kernels, selection);
  registerLanguageFeatures(context, kernels, selection);
  registerPlotActivation(context);
  registerExportHtml(context);
  registerExportPytorch(context);
  const variables = registerVariablesView(context, kernels);
  log.appendLine("Activation Notebooks is ready.");
  return { kernels, saveGuard, variables };
}

export function deactivate(): void {}
