#pragma once
// Reading an event payload's members. The schema has vouched for the payload's shape before any
// effect runs; these read it without throwing all the same: a missing or mistyped member reads
// as empty, and the checks that follow refuse it.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace frontdesk::backoffice::fields {

inline std::string text(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::int64_t amount(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

inline const nlohmann::json& object(const nlohmann::json& j, const char* key) {
    static const nlohmann::json empty = nlohmann::json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}

inline const nlohmann::json& list(const nlohmann::json& j, const char* key) {
    static const nlohmann::json empty = nlohmann::json::array();
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

}  // namespace frontdesk::backoffice::fields
