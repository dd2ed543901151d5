// Entry file piscina loads in each script worker thread. Worker threads do not inherit jest's
// transformer, and under jest they have no TypeScript loader at all, so this plain CommonJS file
// loads the TypeScript worker through tsx's scoped require. Under `tsx` (npm run node) the
// worker inherits tsx's loader flags as well; the scoped require works the same there.
"use strict";

const { require: tsxRequire } = require("tsx/cjs/api");

module.exports = tsxRequire("./script-worker.ts", __filename);
