// A tensor variable opened from the Variables view: a webview panel with its colour-scaled table
// (extension/renderer/tensor_table.ts). Static HTML under a CSP that allows no script and nothing
// from the network; the theme's colours come in through CSS variables.
import * as vscode from "vscode";
import type { KernelClient } from "../../kernel/executor/client";
import { TENSOR_TABLE_CSS, tensorTableHtml } from "../renderer/tensor_table";

export const TENSOR_VIEW_TYPE = "actnb.tensorView";

function page(cspSource: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'">
<title>${title.replace(/</g, "&lt;")}</title>
<style>body { padding: 8px 16px; background: var(--vscode-editor-background); }${TENSOR_TABLE_CSS}</style>
</head><body>${body}</body></html>`;
}

/** Asks the kernel for the tensor `name` and shows it; a clear message when there is none. */
export async function openTensorPanel(kernel: KernelClient, name: string): Promise<vscode.WebviewPanel | undefined> {
  const reply = await kernel.tensorView(name);
  if ("error" in reply) {
    void vscode.window.showErrorMessage(`Cannot show ${name}: ${reply.error}`);
    return undefined;
  }
  const title = `${name} [${reply.view.shape.join(", ")}]`;
  const panel = vscode.window.createWebviewPanel(TENSOR_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
  panel.webview.html = page(panel.webview.cspSource, title, tensorTableHtml(name, reply.view));
  return panel;
}
