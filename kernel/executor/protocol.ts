// The messages between a kernel process and its host (VS Code, the CLI, tests), over Node's IPC
// channel. Every request carries an id; replies and outputs name the request they belong to.
import type { MimeBundle } from "../display/mime";
import type { CompletionList, DefinitionInfo, SignatureHelpInfo, SymbolInfo } from "./language_info";
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

/** A position in a cell; `context`: the sources of the cells above, for checks before anything ran. */
interface CellPosition { code: string; position: number; context?: string[] }

/**
 * The requests the kernel answers with a `reply`: each one's fields (besides `type` and `id`)
 * and the type of its reply's value. A new request is one more entry here.
 */
export interface Queries {
  complete: { request: CellPosition; reply: CompletionList };
  /** The symbol under the cursor (hover). */
  inspect: { request: CellPosition; reply: SymbolInfo | null };
  /** The overloads of the call being typed, and which argument is at the cursor. */
  signatureHelp: { request: CellPosition; reply: SignatureHelpInfo | null };
  definition: { request: CellPosition; reply: DefinitionInfo[] };
  /** The details of the completion candidate `name` that `complete` offered at `position`. */
  completionDetails: { request: CellPosition & { name: string }; reply: SymbolInfo | null };
  diagnose: { request: { code: string; context?: string[] }; reply: NonNullable<CellErrorInfo["diagnostics"]> };
  /** The cells whose timers were still pending after timeoutMs (they are then cancelled). */
  settle: { request: { timeoutMs: number }; reply: Array<{ cell: number; requestId: number; timers: number }> };
  /** The cells' top-level variables (asked after a cell, answered once it ended: queries run in order). */
  variables: { request: Record<string, never>; reply: VariablesReply };
  /** The table/heatmap view of the tensor variable `name`. */
  tensor_view: { request: { name: string }; reply: TensorViewReply };
}
export type QueryType = keyof Queries;
/**
 * A request of type K, its fields in `args`. (One generic shape rather than a union of one
 * shape per type: the client's request<K> and the kernel's answer<K> then type-check as
 * generics, so each side's values are checked against `Queries` at compile time.)
 */
export interface QueryRequest<K extends QueryType = QueryType> { type: K; id: number; args: Queries[K]["request"] }
/** The answer to a request of type K: it names the request's type, so the host can check it. */
export interface QueryReply<K extends QueryType = QueryType> { type: "reply"; id: number; request: K; value: Queries[K]["reply"] }

export type HostRequest =
  | { type: "execute"; id: number; code: string }
  | QueryRequest
  | { type: "interrupt" }
  | { type: "shutdown" };

export type KernelMessage =
  | { type: "ready"; pid: number; startup_ms: number }
  | { type: "stream"; id: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: number; bundle: MimeBundle; display_id?: string; update?: boolean }
  | { type: "result"; id: number; bundle: MimeBundle }
  | { type: "error"; id: number; error: CellErrorInfo }
  | { type: "done"; id: number; success: boolean; execution_count: number; duration_ms: number; interrupted: boolean }
  | QueryReply
  /** A query the kernel could not answer (the host's request fails with `message`). */
  | { type: "queryFailed"; id: number; message: string };

/** Whether `reply` answers a request of type `type` (each reply names its request's type). */
export function isReplyTo<K extends QueryType>(reply: QueryReply, type: K): reply is QueryReply<K> {
  return reply.request === type;
}

/** Reply to "variables": the cells' top-level variables, in definition order. */
export type VariablesReply = VariableInfo[];
/** Reply to "tensor_view": the view, or why there is none. */
export type TensorViewReply = { view: TensorView } | { error: string };
export type { VariableInfo, TensorView };
