// Builds everything: TypeScript (type-checked, strict) into out/.
import { execFileSync } from "node:child_process";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."]);
