#pragma once
// Reading the fields of one headless action. Each reader returns the value or an
// invalid_argument that names the field; nothing throws.

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/money.h"
#include "kiosk/staff.h"

namespace frontdesk::kiosk::headless {

// A string field; missing (or null) is an error when required, "" otherwise.
[[nodiscard]] core::Result<std::string> text(const nlohmann::json& a, const char* key, bool required = true);
// The "qty" field: a decimal string ("1.5") with at most kMaxQuantityDecimals decimals as
// written ("1.0000" is refused, not read as 1); 1 when absent.
[[nodiscard]] core::Result<core::Decimal> quantity(const nlohmann::json& a);
// Amounts are decimal strings in major units ("20.00"), as a cashier types them, in the till's
// currency unless the action names another ("currency": "USD"), which the engine then refuses:
// foreign cash is not converted.
[[nodiscard]] core::Result<core::Money> money(const nlohmann::json& a, const char* key,
                                              const core::Currency& tillCurrency);
// For actions whose amounts are always the till's: a "currency" field naming another is refused
// (`what` says which amounts, e.g. "discounts").
[[nodiscard]] core::Status requireTillCurrency(const nlohmann::json& a, const core::Currency& tillCurrency,
                                               const char* what);
// A receipt or cart line number, from 1.
[[nodiscard]] core::Result<std::size_t> lineNumber(const nlohmann::json& a);
// "approver" and "approver_pin", or "approver_badge", when the action carries an approval.
[[nodiscard]] core::Result<std::optional<Approval>> approval(const nlohmann::json& a);
// A member proving who they are: "staff" and "pin", or "badge".
[[nodiscard]] core::Result<Credential> credential(const nlohmann::json& a);
// Exactly one of these string fields, given and not empty: which, and its value. Otherwise
// invalid_argument "name one of 'a', 'b' or 'c'".
struct OneField {
    std::string key, value;
};
[[nodiscard]] core::Result<OneField> exactlyOne(const nlohmann::json& a, std::initializer_list<const char*> keys);
// A list field: absent reads as empty; anything but a list of objects is an error.
[[nodiscard]] core::Result<nlohmann::json> objectList(const nlohmann::json& a, const char* key, const char* what);

}  // namespace frontdesk::kiosk::headless
