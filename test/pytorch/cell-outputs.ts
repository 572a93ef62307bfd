// What the pytorch suite compares of one code cell's outputs, read the same way from the actnb
// notebook's stored outputs and from the executed Python notebook (both as kernel/format Outputs).
import { JsonValue, Output } from "../../kernel/format";

export const VEGA_LITE = "application/vnd.vegalite.v5+json";

export interface CellOutputs {
  /** Every stdout stream of the cell, joined. */
  stdout: string;
  /** Each text/markdown shown, in order. */
  markdown: string[];
  /** Each Vega-Lite spec shown (as a display or as the last value), in order. */
  charts: JsonValue[];
  /** text/plain of the cell's last value (Jupyter's execute_result), when it has one. */
  result: string[];
  /** Each PNG image's pixel size, "width×height". */
  images: string[];
  /** Each error, as "Name: message". */
  errors: string[];
}

/** The pixel size a PNG's IHDR chunk declares. */
export function pngSize(base64: string): string {
  const png = Buffer.from(base64, "base64");
  if (png.length < 24 || png.toString("latin1", 1, 4) !== "PNG" || png.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`image/png output is not a PNG (it starts ${JSON.stringify(png.toString("latin1", 0, 16))})`);
  }
  return `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`;
}

export function cellOutputs(outputs: Output[]): CellOutputs {
  const c: CellOutputs = { stdout: "", markdown: [], charts: [], result: [], images: [], errors: [] };
  for (const o of outputs) {
    if ("stream" in o) {
      if (o.stream === "stdout") c.stdout += o.text;
    } else if ("error" in o) {
      c.errors.push(`${o.error.name}: ${o.error.message}`);
    } else {
      // only these MIME types are compared: a progress bar (text/html and text/plain, shown
      // with a display_id and updated) is not
      const { items } = o;
      if (typeof items["text/markdown"] === "string") c.markdown.push(items["text/markdown"]);
      if (items[VEGA_LITE] !== undefined) c.charts.push(items[VEGA_LITE]);
      if (typeof items["image/png"] === "string") c.images.push(pngSize(items["image/png"]));
      if (o.result) c.result.push(String(items["text/plain"] ?? ""));
    }
  }
  return c;
}
