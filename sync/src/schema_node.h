#pragma once
// A compiled schema (private to the sync module): one SchemaNode per schema object or boolean
// schema, its keyword values checked and its "$ref" resolved to another node. Nodes live in the
// SchemaSet's store and point at each other; they never change after load.

#include <cstddef>
#include <map>
#include <optional>
// GCC 12 warns inside libstdc++'s regex compiler under -fsanitize=address, a false positive
// (gcc.gnu.org PR 105616) about the library's code, not ours. Clang has no such warning.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace frontdesk::sync::detail {

// JSON Schema's primitive types, as a bit set ("integer" is a subset of "number").
enum TypeBit : unsigned {
    kTypeNull = 1u << 0,
    kTypeBoolean = 1u << 1,
    kTypeObject = 1u << 2,
    kTypeArray = 1u << 3,
    kTypeNumber = 1u << 4,
    kTypeInteger = 1u << 5,
    kTypeString = 1u << 6,
};

struct SchemaPattern {
    std::string source;
    std::regex regex;  // compiled once at load: evaluation only searches
};

struct SchemaNode {
    std::string location;        // "<id>#<pointer>", for load errors
    std::optional<bool> always;  // a boolean schema: true accepts anything, false nothing
    unsigned types = 0;          // 0: no "type" keyword
    std::map<std::string, const SchemaNode*, std::less<>> properties;
    std::vector<std::string> required;
    const SchemaNode* additionalProperties = nullptr;  // nullptr: any
    const SchemaNode* items = nullptr;                 // nullptr: any
    std::optional<std::size_t> minItems, maxItems, minLength, maxLength;
    std::optional<nlohmann::json> minimum, maximum;  // numbers
    std::optional<nlohmann::json> enumValues;        // an array
    std::optional<nlohmann::json> constValue;
    std::optional<SchemaPattern> pattern;
    std::vector<const SchemaNode*> allOf, anyOf, oneOf;
    std::string refText;              // "$ref" as written
    const SchemaNode* ref = nullptr;  // what it resolves to
};

// The JSON Schema name of a type bit ("integer"), and of a set of them ("string or null").
const char* typeName(unsigned bit);
std::string typeNames(unsigned bits);

}  // namespace frontdesk::sync::detail
