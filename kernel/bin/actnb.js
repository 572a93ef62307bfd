#!/usr/bin/env node
// The actnb command line (kernel/cli/main.ts, compiled into out/).
require("../../out/kernel/cli/main.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
