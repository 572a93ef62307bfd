// Kernel outputs as notebook outputs: streams merge as Jupyter merges them, display updates
// replace the output they name, errors keep their traceback.
import type { CellOutput } from "../executor/client";
import type { JsonValue, Output } from "../format";

/** Appends one kernel output to a cell's outputs. */
export function appendOutput(outputs: Output[], out: CellOutput): void {
  switch (out.kind) {
    case "stream": {
      const last = outputs[outputs.length - 1];
      if (last && "stream" in last && last.stream === out.name) last.text += out.text;
      else outputs.push({ stream: out.name, text: out.text });
      return;
    }
    case "display": {
      const items = out.bundle as Record<string, JsonValue>;
      if (out.update) {
        const at = outputs.findIndex((o) => "items" in o && o.metadata?.display_id === out.display_id);
        if (at >= 0) outputs[at] = { ...outputs[at], items } as Output;
        return;
      }
      outputs.push(out.display_id ? { items, metadata: { display_id: out.display_id } } : { items });
      return;
    }
    case "result":
      outputs.push({ items: out.bundle as Record<string, JsonValue>, result: true });
      return;
    case "error":
      outputs.push({ error: { name: out.error.ename, message: out.error.evalue, stack: out.error.traceback.join("\n") } });
  }
}

/** The text a terminal shows for an output. */
export function outputText(o: Output): string {
  if ("stream" in o) return o.text;
  if ("error" in o) return `${o.error.stack ?? `${o.error.name}: ${o.error.message}`}\n`;
  const plain = o.items["text/plain"];
  return typeof plain === "string" ? `${plain}\n` : "";
}
