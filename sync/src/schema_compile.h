#pragma once
// Turns schema documents into SchemaNodes (private to the sync module): every keyword checked
// against the supported subset and its value checked for shape, every "$ref" resolved, and
// "$ref" cycles that never descend into the document refused (they would never end).

#include <deque>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "schema_node.h"

namespace frontdesk::sync::detail {

inline constexpr const char* kDraft202012 = "https://json-schema.org/draft/2020-12/schema";

struct CompiledSchemas {
    std::deque<SchemaNode> nodes;  // a deque: nodes point at each other, so they never move
    // Every schema object by "<id>#<json pointer>" ("<id>#" is a document's root).
    std::map<std::string, const SchemaNode*, std::less<>> locations;
    std::vector<std::string> ids;
};

// InvalidArgument naming "<id>#<pointer>" and what is wrong for anything outside the subset.
core::Status compileDocuments(const std::vector<nlohmann::json>& documents, CompiledSchemas& out);

}  // namespace frontdesk::sync::detail
