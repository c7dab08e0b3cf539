// Check a ticket in the browser, before it is sent, with the rules the server applies.
//
// ticketcore exports its wire format as a JSON Schema (schema.json) in which each constraint
// names the ticketcore problem code it stands for, in the extension keyword
// "x-ticketcore-errors" ({"maxLength": "too_long", ...}). ajv reports which keyword failed;
// the code picks the sentence from the same message catalogs the server uses
// (messages.<locale>.json), so the browser and the server say the same thing.
//
// This module has no imports: the page passes in the Ajv class, so the same code runs in the
// browser (ajv from a CDN) and in the example's test (ajv from npm, under Node).

// The extension keywords ticketcore puts in its schemas; ajv's strict mode must know them.
export const VOCABULARY = [
  "x-ticketcore-departments",
  "x-ticketcore-errors",
  "x-ticketcore-labels",
  "x-ticketcore-messages",
];

// Compile the schema once; return a function from a draft to its problems ([] when valid).
// The catalog is the one of *locale* ("en" or "pt-BR").
export function makeValidator(Ajv, addFormats, schema, catalog, locale) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  ajv.addVocabulary(VOCABULARY);
  const validate = ajv.compile(schema);
  return (draft) =>
    validate(draft) ? [] : problemsOf(validate.errors, { schema, catalog, locale });
}

// Turn ajv's errors into ticketcore problems: {path, loc, code, message}, one per path and code.
export function problemsOf(errors, { schema, catalog, locale }) {
  const problems = new Map();
  for (const error of errors) {
    const code = ((error.parentSchema || {})["x-ticketcore-errors"] || {})[error.keyword];
    if (!code) continue; // a structural keyword (if, allOf, ...): its parts report the problem
    const loc = locOf(error);
    const path = renderPath(loc);
    if (problems.has(`${path} ${code}`)) continue;
    // A custom field may have its own message, for every code but these two.
    const own = (ownMessages(schema, error.schemaPath) || {})[locale];
    const generic = code === "required" || code === "wrong_type";
    const template = own && !generic ? own : catalog[`problem.${code}`];
    const message = fill(template, paramsOf(error, loc, catalog));
    problems.set(`${path} ${code}`, { path, loc, code, message });
  }
  return [...problems.values()];
}

// The custom field's own messages, on the schema of the field: above the keyword that failed.
function ownMessages(schema, schemaPath) {
  let node = schema;
  let found = node["x-ticketcore-messages"];
  for (const key of schemaPath.split("/").slice(1, -1)) {
    node = node && node[key.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (node && node["x-ticketcore-messages"]) found = node["x-ticketcore-messages"];
  }
  return found;
}

// The path of the offending value, as ticketcore's Problem.path: ["requester", "email"].
function locOf(error) {
  const loc = error.instancePath
    .split("/")
    .slice(1)
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((key) => (/^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key));
  if (error.keyword === "required") loc.push(error.params.missingProperty);
  if (error.keyword === "additionalProperties") loc.push(error.params.additionalProperty);
  return loc;
}

// "$.attachments[0].filename", as ticketcore's render_path writes it.
export function renderPath(loc) {
  return loc
    .map((key) => {
      if (typeof key === "number") return `[${key}]`;
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .reduce((path, part) => path + part, "$");
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
}

function typeName(name, catalog) {
  return catalog[`type.${name}`] || name;
}

// The catalog's placeholders ({field}, {max}, {actual}, ...) from what ajv reports.
function paramsOf(error, loc, catalog) {
  const names = loc.filter((key) => typeof key === "string");
  const last = names[names.length - 1];
  const value = error.data;
  const params = {
    field: last === undefined ? catalog["field.$root"] : catalog[`field.${last}`] || `"${last}"`,
    value: typeof value === "string" ? value : JSON.stringify(value),
    actual_type: typeName(typeOf(value), catalog),
  };
  if (typeof value === "string") params.actual = [...value].length; // code points, as Python
  if (Array.isArray(value)) params.actual = value.length;
  if (typeof value === "number") params.actual = value;
  if ("limit" in error.params) {
    params[/^(max|exclusiveMax)/.test(error.keyword) ? "max" : "min"] = error.params.limit;
  }
  if (error.params.allowedValues) {
    params.choices = error.params.allowedValues.join(", ");
    params.allowed = params.choices;
    params.supported = params.choices;
  }
  if (error.keyword === "const") params.supported = JSON.stringify(error.params.allowedValue);
  if (error.params.type) {
    const types = [].concat(error.params.type).filter((type) => type !== "null");
    params.expected_type = types.map((type) => typeName(type, catalog)).join(" / ");
  }
  if (error.keyword === "not" && typeof value === "string") {
    // A refused character: the first control character or lone surrogate, counted in code points.
    const control = /[\p{Cc}\p{Cs}]/u;
    const refused = (c) => control.test(c) && !"\t\n\r".includes(c);
    const index = [...value].findIndex(refused);
    params.position = index < 0 ? "?" : index;
  }
  return params;
}

// Replace each {name}, as ticketcore does. A value the schema cannot tell (the choices a
// pattern stands for) is left out: "(…{name}…)" goes entirely, a bare {name} becomes "…".
export function fill(template, values) {
  const known = (name) => name in values;
  return template
    .replace(/ ?\([^()]*\{([a-z_]+)\}[^()]*\)/g, (whole, name) => (known(name) ? whole : ""))
    .replace(/\{([a-z_]+)\}/g, (whole, name) => (known(name) ? String(values[name]) : "…"));
}

// The form's fields as a wire-format draft: text trimmed and NFC-normalized, empty fields left
// out, the requester's two fields as one object.
export function draftOf(fields) {
  const draft = {};
  for (const [name, raw] of Object.entries(fields)) {
    const value = typeof raw === "string" ? raw.trim().normalize("NFC") : raw;
    if (value === "" || value === null || value === undefined) continue;
    if (name.startsWith("requester_")) {
      draft.requester = draft.requester || { name: "", email: "" };
      draft.requester[name.slice("requester_".length)] = value;
    } else {
      draft[name] = value;
    }
  }
  return draft;
}
