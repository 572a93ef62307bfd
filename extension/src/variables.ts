// The "Activation Kernel Variables" view: the top-level variables of the active notebook's kernel
// (name, type, shape, dtype, requires_grad, a preview), asked again after each cell of that
// notebook ran and emptied when its kernel stops or restarts. A tensor opens as a heatmap table.
// VS Code 1.100 has no stable notebook-variables API for other kernels, hence a tree view.
import * as vscode from "vscode";
import type { VariableInfo } from "../../kernel/executor/protocol";
import { KernelManager } from "./kernels";
import { openTensorPanel } from "./tensor_panel";

export const VARIABLES_VIEW = "actnb.variables";
export const OPEN_TENSOR_COMMAND = "actnb.openTensorVariable";

/** What the row says after the name: "Tensor [2, 3] float32 requires_grad", "Linear (8 parameters)". */
export function describe(v: VariableInfo): string {
  switch (v.kind) {
    case "tensor": return `Tensor [${v.shape.join(", ")}] ${v.dtype.replace(/^torch\./, "")}${v.requires_grad ? " requires_grad" : ""}`;
    case "module": return `${v.type} (${v.parameters.toLocaleString("en")} parameters)`;
    case "function": return v.preview;
    case "value": return `${v.type}: ${v.preview}`;
  }
}

function tooltip(v: VariableInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${v.name}**: ${v.type}\n\n`);
  if (v.kind === "tensor") md.appendMarkdown(`shape \`[${v.shape.join(", ")}]\` · \`${v.dtype}\` · requires_grad ${v.requires_grad}${v.grad_fn ? ` · grad_fn \`${v.grad_fn}\`` : ""}\n\n`);
  md.appendCodeblock(v.preview, "text");
  return md;
}

export class VariablesProvider implements vscode.TreeDataProvider<VariableInfo>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private notebook: vscode.NotebookDocument | undefined;
  /** The view this provider feeds, for its message line. */
  view: vscode.TreeView<VariableInfo> | undefined;

  constructor(private readonly kernels: KernelManager) {
    this.notebook = vscode.window.activeNotebookEditor?.notebook;
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveNotebookEditor((e) => { this.notebook = e?.notebook ?? this.notebook; this.refresh(); }),
      // a cell's execution summary changes when it ran
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.notebook === this.notebook && e.cellChanges.some((c) => c.executionSummary)) this.refresh();
      }),
      vscode.workspace.onDidCloseNotebookDocument((nb) => { if (nb === this.notebook) { this.notebook = undefined; this.refresh(); } }),
      kernels.onDidChangeKernels(() => this.refresh()),
    );
  }

  refresh(): void { this.changed.fire(); }

  getTreeItem(v: VariableInfo): vscode.TreeItem {
    const item = new vscode.TreeItem(v.name, vscode.TreeItemCollapsibleState.None);
    item.description = describe(v);
    item.tooltip = tooltip(v);
    item.contextValue = v.kind;
    item.iconPath = new vscode.ThemeIcon(v.kind === "tensor" ? "symbol-array" : v.kind === "module" ? "symbol-class" : v.kind === "function" ? "symbol-method" : "symbol-variable");
    if (v.kind === "tensor" && this.notebook) item.command = { command: OPEN_TENSOR_COMMAND, title: "Open as heatmap", arguments: [this.notebook.uri, v.name] };
    return item;
  }

  /** The variables of the notebook's kernel; none (with a message saying why) when it has none. */
  async getChildren(parent?: VariableInfo): Promise<VariableInfo[]> {
    if (parent) return [];
    const nb = this.notebook;
    const kernel = nb && this.kernels.peek(nb);
    if (!nb || !kernel) {
      this.setMessage(nb ? "No Activation Kernel is running for this notebook: run a cell." : "Open a notebook on the Activation Kernel.");
      return [];
    }
    try {
      const vars = await kernel.variables();
      this.setMessage(vars.length ? undefined : "No variables yet: the cells run so far defined none.");
      return vars;
    } catch (e) {
      this.setMessage(`The kernel did not answer: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

export function registerVariablesView(context: vscode.ExtensionContext, kernels: KernelManager): VariablesProvider {
  const provider = new VariablesProvider(kernels);
  provider.view = vscode.window.createTreeView(VARIABLES_VIEW, { treeDataProvider: provider });
  context.subscriptions.push(
    provider, provider.view,
    vscode.commands.registerCommand(OPEN_TENSOR_COMMAND, async (notebook: vscode.Uri, name: string) => {
      const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === notebook.toString());
      const kernel = nb && kernels.peek(nb);
      if (!kernel) return void vscode.window.showErrorMessage(`Cannot show ${name}: the notebook's kernel is not running any more.`);
      return openTensorPanel(kernel, name);
    }),
  );
  return provider;
}
