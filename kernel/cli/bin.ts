#!/usr/bin/env node
// The `actnb` executable: kernel/bin/actnb.js runs it from out/, and the npm package's `bin` is
// this file bundled (scripts/build.mjs).
import { main } from "./main";

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
