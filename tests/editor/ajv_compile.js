// Compile every JSON Schema given on the command line with ajv in strict mode (draft 2020-12),
// formats checked by ajv-formats; the editor-only keywords the schemas use are declared, not ignored.
// Prints one line per schema: "ok <file>" or "error <file>: <message>"; exit 1 if any failed.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [keywords, ...files] = process.argv.slice(2);
let failed = false;
for (const file of files) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, keywords: keywords.split(",") });
  addFormats(ajv);
  try {
    ajv.compile(JSON.parse(fs.readFileSync(file, "utf8")));
    console.log(`ok ${file}`);
  } catch (err) {
    failed = true;
    console.log(`error ${file}: ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
