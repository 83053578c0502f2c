#pragma once
// Checking a document against a compiled schema (private to the sync module).

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema_node.h"
#include "sync/schema.h"

namespace frontdesk::sync::detail {

// Appends the violations of `value` (found at JSON pointer `path`) against `node` to `out`, until
// `out` holds `limit`.
void evaluate(const SchemaNode& node, const nlohmann::json& value, const std::string& path,
              std::vector<SchemaViolation>& out, std::size_t limit);

}  // namespace frontdesk::sync::detail
