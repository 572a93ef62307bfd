// Mocha's reporter for `npm test` (.mocharc.json, scripts/test-all.mjs): test/tally-reporter.ts,
// as compiled into out/ by the build (which every suite needs anyway).
"use strict";
module.exports = require("../out/test/tally-reporter.js");
