#pragma once
// The documents the schema tests check (tests/sync): the valid corpus, read from the outboxes of
// real tills driven through every operation that writes an event, and the invalid corpus checked
// in under tests/sync/corpus/invalid/ with its manifest.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/schema.h"

namespace frontdesk::sync::testing {

// Every outbox envelope, in seq order, of two tills (EUR, and CHF for cash rounding) driven through
// sales (pieces, weight, discounts with approvals, overrides, card + cash with change, a sale
// discounted to nothing), refunds with and without a receipt, to card and in cash, voids with and
// without a card reversal and an approver, paid in/out, no sale, shift open/close, punches at
// the time clock, sales and refunds for customers and members, and the reception desk's
// check-ins (admitted and refused) and visitors (one blocked). Built once per process; throws std::runtime_error naming
// the step that failed.
const std::vector<nlohmann::json>& engineEvents();

// The kinds of document, as the ajv script names them in file names ("<kind>--<name>.json").
enum class DocumentKind { Event, Ack, Presence, Manifest };
const char* kindName(DocumentKind kind);
// The C++ validator's verdict on a document of that kind: every violation.
std::vector<SchemaViolation> violationsOf(DocumentKind kind, const nlohmann::json& document);

// One entry of tests/sync/corpus/invalid/README.md: the file and the violation it must cause.
struct InvalidDocument {
    std::string file;  // "event--seq-zero.json"
    DocumentKind kind = DocumentKind::Event;
    std::string path;     // JSON pointer of the expected violation ("" for the root)
    std::string message;  // a part of its message
    nlohmann::json document;
};
// The manifest's entries with their documents; throws std::runtime_error for a file the manifest
// names that is missing or not JSON, for a file that the manifest does not name, or for a file
// name whose kind is unknown.
std::vector<InvalidDocument> invalidCorpus();

}  // namespace frontdesk::sync::testing
