#include "schema_values.h"

#include <cmath>

#include "core/bounded_input.h"
#include "core/rounding.h"
#include "schema_node.h"

namespace frontdesk::sync::detail {

using nlohmann::json;

namespace {

bool integral(const json& value) {
    if (value.is_number_integer()) return true;  // int64 and uint64
    if (!value.is_number_float()) return false;
    const double d = value.get<double>();
    return std::isfinite(d) && std::trunc(d) == d;
}

core::Int128 wide(const json& integer) {
    if (integer.is_number_unsigned()) return static_cast<core::Int128>(integer.get<std::uint64_t>());
    return static_cast<core::Int128>(integer.get<std::int64_t>());
}

template <typename T>
int order(const T& a, const T& b) {
    return a < b ? -1 : (a > b ? 1 : 0);
}

// An integer against a double without rounding either: compare with the double's integer part,
// then its fraction breaks a tie. Doubles beyond 2^100 are beyond every int64 and uint64.
int compareWithDouble(core::Int128 i, double d) {
    if (d >= 0x1p100) return -1;
    if (d <= -0x1p100) return 1;
    const double whole = std::trunc(d);
    const auto wholeInt = static_cast<core::Int128>(whole);
    if (i != wholeInt) return order(i, wholeInt);
    const double fraction = d - whole;
    return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
}

}  // namespace

unsigned typeBitsOf(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return kTypeNull;
        case json::value_t::boolean:
            return kTypeBoolean;
        case json::value_t::object:
            return kTypeObject;
        case json::value_t::array:
            return kTypeArray;
        case json::value_t::string:
            return kTypeString;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return integral(value) ? (kTypeNumber | kTypeInteger) : kTypeNumber;
        default:
            return 0;  // binary and discarded values are not JSON
    }
}

const char* valueTypeName(const json& value) {
    const unsigned bits = typeBitsOf(value);
    if (bits & kTypeInteger) return "integer";
    return bits == 0 ? "not JSON" : typeName(bits);
}

int compareNumbers(const json& a, const json& b) {
    const bool aFloat = a.is_number_float();
    const bool bFloat = b.is_number_float();
    if (!aFloat && !bFloat) return order(wide(a), wide(b));
    if (aFloat && bFloat) return order(a.get<double>(), b.get<double>());
    return aFloat ? -compareWithDouble(wide(b), a.get<double>()) : compareWithDouble(wide(a), b.get<double>());
}

bool jsonEqual(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return compareNumbers(a, b) == 0;
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!jsonEqual(a[i], b[i])) return false;
        }
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !jsonEqual(it.value(), *other)) return false;
        }
        return true;
    }
    return a == b;
}

std::size_t codePoints(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string describe(const json& value) {
    if (value.is_string()) return "'" + core::excerpt(value.get_ref<const std::string&>()) + "'";
    if (value.is_object()) return "an object";
    if (value.is_array()) {
        return "an array of " + std::to_string(value.size()) + (value.size() == 1 ? " item" : " items");
    }
    return core::excerpt(value.dump(), 40);
}

std::string pointerToken(std::string_view key) {
    std::string token;
    token.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

const char* typeName(unsigned bit) {
    switch (bit) {
        case kTypeNull:
            return "null";
        case kTypeBoolean:
            return "boolean";
        case kTypeObject:
            return "object";
        case kTypeArray:
            return "array";
        case kTypeNumber:
            return "number";
        case kTypeInteger:
            return "integer";
        case kTypeString:
            return "string";
        default:
            return "?";
    }
}

std::string typeNames(unsigned bits) {
    std::string names;
    for (unsigned bit = kTypeNull; bit <= kTypeString; bit <<= 1) {
        if (!(bits & bit)) continue;
        if (!names.empty()) names += " or ";
        names += typeName(bit);
    }
    return names;
}

}  // namespace frontdesk::sync::detail
