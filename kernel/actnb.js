// Entry point of the "actnb" package (this folder): the compiled engine lives in ../out.
module.exports = require("../out/kernel/index.js");
