// The messages between a kernel process and its host (VS Code, the CLI, tests), over Node's IPC
// channel. Every request carries an id; replies and outputs name the request they belong to.
import type { MimeBundle } from "../display/mime";
import type { TensorView } from "../display/tensor_view";
import type { VariableInfo } from "./variables";

export interface CellErrorInfo {
  /** "type" (TypeScript diagnostics, nothing ran), "runtime" (an exception), "interrupted". */
  kind: "type" | "runtime" | "interrupted";
  ename: string;
  evalue: string;
  /** Lines to show, Jupyter-style: the message, then the cell lines or stack frames. */
  traceback: string[];
  /** For type errors: 1-based positions in the cell. */
  diagnostics?: Array<{ line: number; column: number; endLine: number; endColumn: number; message: string; code: number }>;
}

export type HostRequest =
  | { type: "execute"; id: number; code: string }
  // `context`: the sources of the cells above, for checks before anything ran
  | { type: "complete"; id: number; code: string; position: number; context?: string[] }
  | { type: "inspect"; id: number; code: string; position: number; context?: string[] }
  | { type: "diagnose"; id: number; code: string; context?: string[] }
  | { type: "interrupt" }
  // reply: the cells whose timers were still pending after timeoutMs (they are then cancelled)
  | { type: "settle"; id: number; timeoutMs: number }
  // reply: VariablesReply
  | { type: "variables"; id: number }
  // reply: TensorViewReply
  | { type: "tensor_view"; id: number; name: string }
  | { type: "shutdown" };

export type KernelMessage =
  | { type: "ready"; pid: number; startup_ms: number }
  | { type: "stream"; id: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: number; bundle: MimeBundle; display_id?: string; update?: boolean }
  | { type: "result"; id: number; bundle: MimeBundle }
  | { type: "error"; id: number; error: CellErrorInfo }
  | { type: "done"; id: number; success: boolean; execution_count: number; duration_ms: number; interrupted: boolean }
  | { type: "reply"; id: number; value: unknown };

/** Reply to "variables": the cells' top-level variables, in definition order. */
export type VariablesReply = VariableInfo[];
/** Reply to "tensor_view": the view, or why there is none. */
export type TensorViewReply = { view: TensorView } | { error: string };
export type { VariableInfo, TensorView };
