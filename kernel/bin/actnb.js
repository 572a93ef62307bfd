#!/usr/bin/env node
// The actnb command line (kernel/cli/bin.ts, compiled into out/).
require("../../out/kernel/cli/bin.js");
