#pragma once
// The engine's UTF-8 strings and amounts as the screens' QStrings.

#include <QString>
#include <cstdint>
#include <string>

#include "core/money.h"

namespace frontdesk::kiosk::app {

inline QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// Minor units shown as the currency writes them, without its code: "1.99".
inline QString amountText(std::int64_t minor, const core::Currency& currency) {
    return text(core::Money(minor, currency).displayAmount());
}

}  // namespace frontdesk::kiosk::app
