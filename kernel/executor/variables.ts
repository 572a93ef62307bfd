// What the Variables view lists: the top-level variables the cells defined, each described in a
// few words (type, shape, dtype, a one-line preview) without copying its data.
import { plainText } from "../display/mime";
import { Tensor } from "../engine/tensor";
import { Module } from "../engine/nn/module";

export type VariableInfo =
  | { kind: "tensor"; name: string; type: "Tensor"; shape: number[]; dtype: string; requires_grad: boolean; grad_fn: string | null; preview: string }
  | { kind: "module"; name: string; type: string; parameters: number; preview: string }
  | { kind: "function"; name: string; type: "function"; preview: string }
  | { kind: "value"; name: string; type: string; preview: string };

/** How long a preview may be, in characters. */
export const PREVIEW_CHARS = 80;

/** One line, cut with an ellipsis: a preview, not the value. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "object") return (value as object).constructor?.name ?? "Object";
  return typeof value;
}

/** A function's source up to its body: "function scale(t, by)", "(a, b) => …". */
function signature(source: string): string {
  const arrow = /^(async\s*)?(\([^)]*\)|[\w$]+)\s*=>/.exec(source);
  if (arrow) return `${arrow[0]} …`;
  return source.split("{")[0].trim();
}

export function describeVariable(name: string, value: unknown): VariableInfo {
  if (value instanceof Tensor) {
    return {
      kind: "tensor", name, type: "Tensor", shape: value.shape.slice(), dtype: String(value.dtype),
      requires_grad: value.requires_grad, grad_fn: value.grad_fn?.name() ?? null, preview: oneLine(plainText(value)),
    };
  }
  if (value instanceof Module) {
    let parameters = 0;
    for (const p of value.parameters()) parameters += p.numel();
    return { kind: "module", name, type: value.constructor.name, parameters, preview: oneLine(plainText(value)) };
  }
  if (typeof value === "function") {
    return { kind: "function", name, type: "function", preview: oneLine(signature(Function.prototype.toString.call(value))) };
  }
  return { kind: "value", name, type: typeName(value), preview: oneLine(typeof value === "string" ? JSON.stringify(value) : plainText(value)) };
}

/** The variables in definition order. */
export function describeVariables(variables: Iterable<[string, unknown]>): VariableInfo[] {
  return [...variables].map(([name, value]) => describeVariable(name, value));
}
