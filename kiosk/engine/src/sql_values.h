#pragma once
// Binding the engine's values to SQL (private to the engine): "" means "none", stored as NULL.

#include <optional>
#include <string>

namespace frontdesk::kiosk {

inline std::optional<std::string> nullIfEmpty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace frontdesk::kiosk
