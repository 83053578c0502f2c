// Validates documents against the sync protocol's JSON Schemas with ajv, the way the C++
// validator's sync::validateEvent, validateAck and validatePresence do: the reference the C++
// validator is cross-checked against (tests/sync/ajv_agreement_test.cpp), and a way to check a
// payload by hand (docs/protocol.md, "Schemas").
//
//   node tests/sync/ajv/validate.mjs <schema-dir> <document-dir>
//
// Every file of <document-dir> is named <kind>--<name>.json, kind one of
//   event     an event envelope (envelope.schema.json), then its payload by <type>.schema.json
//   ack       an ack (ack.schema.json)
//   presence  a birth or a will (presence.schema.json)
//   manifest  a dataset manifest (manifest.schema.json)
// and gets one line on stdout, in file-name order:
//   {"file": "event--x.json", "kind": "event", "valid": false, "errors": [{"path": "/seq", "message": "..."}]}
// Exit status 0 once every document has a verdict, whatever it is; 2 on a usage error or a
// schema ajv refuses (strict mode: unknown keywords, missing types, ...).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

function fail(message) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.exit(2);
}

const [schemaDir, documentDir] = process.argv.slice(2);
if (!schemaDir || !documentDir) fail("usage: node validate.mjs <schema-dir> <document-dir>");

// strict: true refuses what ajv would otherwise ignore or guess (unknown keywords, type-specific
// keywords without their type, ...); allErrors reports every violation, as the C++ side does.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemas = new Map();
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  if (schema.$id !== file) fail(`${file}: its $id must be its file name, not ${JSON.stringify(schema.$id)}`);
  schemas.set(file, schema);
  ajv.addSchema(schema);
}
const validators = new Map();
for (const id of schemas.keys()) {
  try {
    validators.set(id, ajv.getSchema(id));
  } catch (error) {
    fail(`${id}: ${error.message}`);
  }
}
// The envelope's "type" enum is the list of event types, each with its payload schema.
const eventTypes = schemas.get("envelope.schema.json")?.properties?.type?.enum ?? [];

function check(id, document, prefix = "") {
  const validate = validators.get(id);
  if (validate(document)) return [];
  return validate.errors.map((e) => ({ path: prefix + e.instancePath, message: e.message, keyword: e.keyword }));
}

function checkEvent(envelope) {
  const errors = check("envelope.schema.json", envelope);
  const type = envelope?.type;
  if (typeof envelope !== "object" || envelope === null || typeof type !== "string") return errors;
  if (!eventTypes.includes(type)) return [...errors, { path: "/type", message: `unknown event type '${type}'` }];
  const payload = envelope.payload;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return errors;  // the envelope schema said so
  return [...errors, ...check(`${type}.schema.json`, payload, "/payload")];
}

const byKind = {
  event: checkEvent,
  ack: (document) => check("ack.schema.json", document),
  presence: (document) => check("presence.schema.json", document),
  manifest: (document) => check("manifest.schema.json", document),
};

for (const file of readdirSync(documentDir).filter((f) => f.endsWith(".json")).sort()) {
  const kind = file.split("--")[0];
  if (!file.includes("--") || !(kind in byKind)) fail(`${file}: name it <event|ack|presence|manifest>--<name>.json`);
  let errors;
  try {
    errors = byKind[kind](JSON.parse(readFileSync(join(documentDir, file), "utf8")));
  } catch (error) {
    errors = [{ path: "", message: `not JSON: ${error.message}` }];
  }
  process.stdout.write(JSON.stringify({ file, kind, valid: errors.length === 0, errors }) + "\n");
}
