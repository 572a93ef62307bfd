// actnb's version for `actnb --version`. The npm package's bundled CLI has it written in at build
// time (scripts/build.mjs defines ACTNB_PACKAGE_VERSION); compiled into out/, the CLI reads
// kernel/package.json, the one place the version is kept.
import * as fs from "fs";
import * as path from "path";

declare const ACTNB_PACKAGE_VERSION: string | undefined;

export function actnbVersion(): string {
  if (typeof ACTNB_PACKAGE_VERSION === "string") return ACTNB_PACKAGE_VERSION;
  const pkg: { version?: unknown } = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../kernel/package.json"), "utf8"));
  if (typeof pkg.version !== "string") throw new Error("kernel/package.json has no version");
  return pkg.version;
}
