#pragma once
// JSON to text for everything the till writes or prints. Invalid UTF-8 (a byte-cut message, a
// stray byte in a scanned code) becomes U+FFFD instead of throwing: output must never take the
// till down.

#include <string>

#include <nlohmann/json.hpp>

namespace frontdesk::kiosk {

inline std::string jsonText(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace frontdesk::kiosk
