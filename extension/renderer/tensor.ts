// The notebook renderer for a tensor's output (application/vnd.actnb.tensor+json): PyTorch's text
// first, as the plain output shows it, and a "Heatmap" button that switches to the colour-scaled
// table (tensor_table.ts) and back. VS Code ranks any extension's MIME type above text/plain, so
// this renderer is what shows a tensor by default and keeps PyTorch's text the first view; "Change
// Presentation" still offers the plain text/plain item. Nothing from the network, no messaging.
import type { ActivationFunction } from "vscode-notebook-renderer";
import { TENSOR_TABLE_CSS, tensorTableHtml } from "./tensor_table";
import type { CellValue, TensorOutput, TensorSlice, TensorView } from "../../kernel/display/tensor_view_types";

const STYLE_ID = "actnb-tensor-style";
const CSS = `
.actnb-tensor-output pre { margin: 0; font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px); color: var(--vscode-editor-foreground); white-space: pre; overflow-x: auto; }
.actnb-tensor-toggle { font: inherit; font-size: 11px; line-height: 16px; padding: 1px 7px; margin: 0 0 4px; cursor: pointer; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, var(--vscode-editor-foreground)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); }
.actnb-tensor-toggle:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.actnb-tensor-problem { color: var(--vscode-errorForeground); }
${TENSOR_TABLE_CSS}`;

const isNumberList = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === "number");
const isCell = (x: unknown): x is CellValue => typeof x === "number" || x === "nan" || x === "inf" || x === "-inf";
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function isSlice(x: unknown): x is TensorSlice {
  return isRecord(x) && typeof x.label === "string" && Array.isArray(x.rows) && x.rows.every((r) => Array.isArray(r) && r.every(isCell));
}

function isView(x: unknown): x is TensorView {
  if (!isRecord(x)) return false;
  const range = x.range;
  return isNumberList(x.shape) && typeof x.dtype === "string" && typeof x.requires_grad === "boolean"
    && (x.grad_fn === null || typeof x.grad_fn === "string") && typeof x.numel === "number"
    && (range === null || (isRecord(range) && typeof range.min === "number" && typeof range.max === "number"))
    && typeof x.rows === "number" && typeof x.cols === "number"
    && Array.isArray(x.slices) && x.slices.every(isSlice) && Array.isArray(x.notes) && x.notes.every((n) => typeof n === "string");
}

/** The output's JSON, checked: a tensor output from another version would otherwise draw garbage. */
export function parseTensorOutput(x: unknown): TensorOutput {
  if (!isRecord(x) || typeof x.text !== "string" || !isView(x.view)) throw new Error("this is not a tensor output this version of Activation Notebooks can draw (expected { text, view })");
  return { text: x.text, view: x.view };
}

function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  document.head.appendChild(style);
}

export const activate: ActivationFunction = () => ({
  renderOutputItem(item, element) {
    ensureStyle();
    element.replaceChildren();
    let output: TensorOutput;
    try {
      output = parseTensorOutput(item.json());
    } catch (e) {
      const problem = document.createElement("div");
      problem.className = "actnb-tensor-problem";
      problem.textContent = `Cannot draw this tensor: ${e instanceof Error ? e.message : String(e)}`;
      element.appendChild(problem);
      return;
    }
    const root = document.createElement("div");
    root.className = "actnb-tensor-output";
    const toggle = document.createElement("button");
    toggle.className = "actnb-tensor-toggle";
    const text = document.createElement("pre");
    text.textContent = output.text;
    const table = document.createElement("div");
    // tensorTableHtml escapes every string it takes from the tensor
    table.innerHTML = tensorTableHtml("tensor", output.view);
    const show = (heatmap: boolean) => {
      text.hidden = heatmap;
      table.hidden = !heatmap;
      toggle.textContent = heatmap ? "Text" : "Heatmap";
      toggle.title = heatmap ? "Show PyTorch's text" : "Show the values as a colour-scaled table";
    };
    toggle.addEventListener("click", () => show(table.hidden));
    show(false);
    root.append(toggle, text, table);
    element.appendChild(root);
  },
});
