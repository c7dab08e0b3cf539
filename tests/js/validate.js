#!/usr/bin/env node
// Validates payloads against ticketcore's exported JSON Schemas with ajv, as a web form would.
//
// Reads one JSON document on stdin: {"schemas": [schema, ...], "cases": [[index, payload], ...]}
// and writes one JSON document on stdout: {"ajv": version, "results": [{"valid": bool,
// "errors": [{"path": instancePath, "keyword": keyword, "code": ticketcore code or null}]}]},
// one result per case, in order. All cases go through one process (the parity test calls it once).
"use strict";

const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

// The extension keywords ticketcore puts in its schemas; strict mode refuses unknown keywords.
const VOCABULARY = [
  "x-ticketcore-departments",
  "x-ticketcore-errors",
  "x-ticketcore-labels",
  "x-ticketcore-messages",
];

function makeAjv() {
  // strict: the schema must pass ajv's strictest checks, so that frontends may keep them on.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  ajv.addVocabulary(VOCABULARY);
  return ajv;
}

function codeOf(error) {
  const codes = error.parentSchema && error.parentSchema["x-ticketcore-errors"];
  return (codes && codes[error.keyword]) || null;
}

function main() {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  // One instance per schema: schemas of different rule sets may share an $id.
  const validators = input.schemas.map((schema) => makeAjv().compile(schema));
  const results = input.cases.map(([index, payload]) => {
    const validate = validators[index];
    const valid = validate(payload);
    const errors = (validate.errors || []).map((e) => ({
      path: e.instancePath,
      keyword: e.keyword,
      code: codeOf(e),
    }));
    return { valid, errors };
  });
  const version = require("ajv/package.json").version;
  process.stdout.write(JSON.stringify({ ajv: version, results }));
}

main();
