// PLACEHOLDER until the runtime branch merges: the helper module's source.
import * as fs from "fs";
import * as path from "path";

export const RUNTIME_FILE_NAME = "actnb_pytorch.py";

export function runtimeSource(): string {
  const dir = path.join(__dirname, "runtime");
  return fs.readdirSync(dir).filter((f) => f.endsWith(".py")).sort().map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n\n");
}
