#pragma once
// JSON Schema validation of the sync protocol's documents (docs/protocol.md, "Schemas").
//
// SchemaSet holds schema documents (draft 2020-12) compiled once, addressed by their "$id" (a
// file name such as "envelope.schema.json", or "<id>#/json/pointer" for a subschema), and checks
// a document against one of them, returning every violation as a JSON pointer into the document
// and what is wrong there ("/seq: 0 is less than the minimum 1").
//
// It implements a fixed keyword subset, exactly the one the protocol's schemas use:
//   $schema $id $ref $defs type properties required additionalProperties items minItems
//   maxItems enum const pattern minLength maxLength minimum maximum allOf anyOf oneOf
//   description title
// and refuses at load any other keyword, any "$ref" that does not resolve and any pattern it
// could evaluate differently from ECMAScript, so that this validator and ajv (which the tests
// run on the same schemas) can never silently disagree. Semantics follow the specification:
//   - "integer" accepts a number with no fractional part, also when written 1.0 (as ajv does);
//     numbers compare exactly, whatever their JSON spelling.
//   - minLength and maxLength count Unicode code points, not bytes.
//   - "pattern" is an unanchored ECMAScript search; patterns are limited to constructs that
//     match only ASCII (no '.', no negated class, no \s \S \D \W \u \x \p, no lookbehind), so
//     that a byte-wise engine and a code-point-wise one agree, and each needs a sibling
//     "maxLength" of at most kMaxPatternLength, so no long string reaches the regex engine.
//
// A SchemaSet is immutable after load and safe to use from any number of threads. No exception
// leaves this interface.

#include <cstddef>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace frontdesk::sync {

struct SchemaViolation {
    std::string path;     // JSON pointer into the document; "" is the whole document
    std::string message;  // what is wrong there
    // "/payload/lines/0/qty: '1.' does not match ^(0|...)$"; the whole document reads "(root)".
    std::string toString() const;
    bool operator==(const SchemaViolation&) const = default;
};

inline constexpr std::size_t kAllViolations = std::numeric_limits<std::size_t>::max();
// The longest "maxLength" a schema with a "pattern" may allow.
inline constexpr std::size_t kMaxPatternLength = 1024;

class SchemaSet {
public:
    // Compiles the documents together, so that "$ref"s between them resolve. Each needs a "$id"
    // at its root, unique in the set. InvalidArgument naming the schema location and the keyword
    // for an unsupported keyword, a malformed keyword value, an unresolvable "$ref" or a "$ref"
    // cycle that never descends into the document.
    [[nodiscard]] static core::Result<SchemaSet> load(const std::vector<nlohmann::json>& documents);

    SchemaSet(SchemaSet&&) noexcept;
    SchemaSet& operator=(SchemaSet&&) noexcept;
    ~SchemaSet();

    // "<id>" or "<id>#/json/pointer" (a subschema, e.g. "common.schema.json#/$defs/uuid").
    bool contains(std::string_view schema) const;
    // The documents' "$id"s, sorted.
    std::vector<std::string> ids() const;

    // The first `limit` violations of `document` against `schema` (an object's members in key
    // order, an array's items in order); empty when it is valid. An unknown schema is a programming error, reported
    // as a violation at the root.
    [[nodiscard]] std::vector<SchemaViolation> violations(std::string_view schema, const nlohmann::json& document,
                                                          std::size_t limit = kAllViolations) const;
    // InvalidArgument listing the first violations ("<what>: /seq: ...; /payload: ..."), or ok.
    [[nodiscard]] core::Status validate(std::string_view schema, const nlohmann::json& document,
                                        std::string_view what) const;

private:
    struct Impl;
    explicit SchemaSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// ---- the protocol's schemas (sync/schema/*.schema.json, compiled into the binary) ----

struct SchemaText {
    std::string_view name;  // the file name, which is also the document's "$id"
    std::string_view text;
};
// The schema files as they were at build time, sorted by name.
[[nodiscard]] std::span<const SchemaText> protocolSchemaTexts();

// Every protocol schema, loaded on first use. The texts are ours and tested: a defect in them
// stops the program with its reason rather than letting unchecked documents through.
[[nodiscard]] const SchemaSet& protocolSchemas();
// The event types with a payload schema: the envelope schema's "type" enum, in its order.
[[nodiscard]] const std::vector<std::string>& protocolEventTypes();

// An event envelope, then its payload by the schema named after its type ("<type>.schema.json"),
// with payload paths under "/payload". An unknown type is a violation at "/type" naming it.
[[nodiscard]] std::vector<SchemaViolation> eventViolations(const nlohmann::json& envelope,
                                                           std::size_t limit = kAllViolations);
[[nodiscard]] core::Status validateEvent(const nlohmann::json& envelope);
[[nodiscard]] core::Status validateAck(const nlohmann::json& ack);
// A birth or a will.
[[nodiscard]] core::Status validatePresence(const nlohmann::json& presence);
[[nodiscard]] core::Status validateManifest(const nlohmann::json& manifest);

}  // namespace frontdesk::sync
