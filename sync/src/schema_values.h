#pragma once
// How the validator reads JSON values (private to the sync module): JSON Schema's view of types,
// numbers and equality, which differs from nlohmann's in three places. A number's type comes from
// its value, not its spelling (1.0 is an integer); numbers compare exactly across nlohmann's
// int64, uint64 and double representations; string lengths are code points.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace frontdesk::sync::detail {

// The type bits (schema_node.h) a value satisfies: an integer-valued number is both "number" and
// "integer".
unsigned typeBitsOf(const nlohmann::json& value);
// "string", "integer", "number", "object", "array", "boolean", "null".
const char* valueTypeName(const nlohmann::json& value);

// -1, 0 or 1 as a < b, a == b, a > b, exactly, for two numbers of any representation.
int compareNumbers(const nlohmann::json& a, const nlohmann::json& b);
// JSON Schema equality (enum, const): numbers by value, objects regardless of member order.
bool jsonEqual(const nlohmann::json& a, const nlohmann::json& b);

// Unicode code points of UTF-8 text (continuation bytes are not counted).
std::size_t codePoints(std::string_view text);

// A value for a message: "'1.'" (quoted, cut short), "12.5", "true", "null", "an object",
// "an array of 3 items".
std::string describe(const nlohmann::json& value);
// One JSON pointer reference token: '~' and '/' escaped as ~0 and ~1.
std::string pointerToken(std::string_view key);

}  // namespace frontdesk::sync::detail
