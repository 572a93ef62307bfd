// Which of TypeScript's lib.*.d.ts files the kernel's converter can use. tslab compiles cells for
// Node (lib es2022 on Node 18+, which pulls in es5..es2022 and the decorators through
// `/// <reference lib>`); tracing its file reads while the guide's notebooks run, complete and
// hover shows no other lib is ever opened. The browser and Windows Script Host libraries (dom*,
// webworker*, scripthost: 1.1 MB, most of the libs' size) describe globals a Node kernel does not
// have, so they are left out, with every lib that references them (es6, es20xx.full): those
// could not load without them. The newer ES libraries stay (24 KB): a package a cell imports may
// reference them from its typings.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const HOST_LIB = /^lib\.(dom|webworker|scripthost)(\..*)?\.d\.ts$/;
const REFERENCE = /^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm;

/** The lib.*.d.ts names in `dir` to ship: all but the host libraries and what references them. */
export function nodeLibs(dir) {
  const libs = readdirSync(dir).filter((f) => /^lib\..*\.d\.ts$/.test(f));
  const refs = new Map(libs.map((f) => [f, [...readFileSync(join(dir, f), "utf8").matchAll(REFERENCE)].map((m) => `lib.${m[1].toLowerCase()}.d.ts`)]));
  const dropped = new Map();
  const drops = (f) => {
    if (!dropped.has(f)) {
      dropped.set(f, false); // a reference cycle does not drop by itself
      dropped.set(f, HOST_LIB.test(f) || (refs.get(f) ?? []).some(drops));
    }
    return dropped.get(f);
  };
  return libs.filter((f) => !drops(f));
}
