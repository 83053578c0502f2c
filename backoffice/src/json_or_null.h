#pragma once
// Values that may be absent, as JSON: the value, or null.

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "backoffice/reports.h"

namespace frontdesk::backoffice {

template <typename T>
nlohmann::json orNull(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}

// A quantity in thousandths that may be absent, as its decimal text ("1.5") or null.
inline nlohmann::json quantityOrNull(const std::optional<std::int64_t>& milli) {
    return milli ? nlohmann::json(quantityText(*milli)) : nlohmann::json();
}

}  // namespace frontdesk::backoffice
