#include "headless_fields.h"

#include <vector>

#include "core/bounded_input.h"
#include "kiosk/limits.h"

namespace frontdesk::kiosk::headless {

using core::Result;
using nlohmann::json;

namespace {
std::string quoted(const char* key) {
    return std::string("'") + key + "'";
}
}  // namespace

Result<std::string> text(const json& a, const char* key, bool required) {
    auto it = a.find(key);
    if (it == a.end() || it->is_null()) {
        if (required) return core::invalidArgument(quoted(key) + " is missing");
        return std::string();
    }
    if (!it->is_string()) return core::invalidArgument(quoted(key) + " must be a string");
    return it->get<std::string>();
}

Result<core::Decimal> quantity(const json& a) {
    std::string value = "1";
    if (a.contains("qty")) {
        FD_ASSIGN(value, text(a, "qty"));
    }
    auto written = core::Decimal::decimalsWritten(value);
    if (!written.ok()) return written.status().withContext("qty");
    if (*written > kMaxQuantityDecimals) {
        return core::invalidArgument("qty '" + core::excerpt(value) + "' has more than " +
                                     std::to_string(kMaxQuantityDecimals) + " decimals");
    }
    auto d = core::Decimal::parse(value);
    if (!d.ok()) return d.status().withContext("qty");
    return d;
}

Result<core::Money> money(const json& a, const char* key, const core::Currency& tillCurrency) {
    core::Currency currency = tillCurrency;
    if (a.contains("currency")) {
        FD_ASSIGN(auto code, text(a, "currency"));
        FD_ASSIGN(currency, core::currencyByCode(code));
    }
    FD_ASSIGN(auto value, text(a, key));
    auto m = core::Money::parse(value, currency);
    if (!m.ok()) return m.status().withContext(key);
    return m;
}

core::Status requireTillCurrency(const json& a, const core::Currency& tillCurrency, const char* what) {
    FD_ASSIGN(auto named, text(a, "currency", false));
    if (!named.empty() && named != tillCurrency.codeView()) {
        return core::invalidArgument(std::string(what) + " are in the till's currency " +
                                     std::string(tillCurrency.codeView()) + ", not " + core::excerpt(named, 8));
    }
    return {};
}

Result<std::size_t> lineNumber(const json& a) {
    auto it = a.find("line");
    if (it == a.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1) {
        return core::invalidArgument("'line' must be a line number from 1");
    }
    return static_cast<std::size_t>(it->get<std::int64_t>());
}

namespace {
Result<Credential> credentialFields(const json& a, const char* idKey, const char* pinKey, const char* badgeKey) {
    if (a.contains(badgeKey)) {
        if (a.contains(idKey)) {
            return core::invalidArgument(std::string("give ") + quoted(badgeKey) + " or " + quoted(idKey) +
                                         ", not both");
        }
        FD_ASSIGN(auto badge, text(a, badgeKey));
        return Credential::ofBadge(badge);
    }
    FD_ASSIGN(auto staff, text(a, idKey));
    FD_ASSIGN(auto pin, text(a, pinKey));
    return Credential{staff, pin};
}
}  // namespace

Result<Credential> credential(const json& a) {
    return credentialFields(a, "staff", "pin", "badge");
}

Result<std::optional<Approval>> approval(const json& a) {
    if (!a.contains("approver") && !a.contains("approver_badge")) return std::optional<Approval>();
    FD_ASSIGN(auto approval, credentialFields(a, "approver", "approver_pin", "approver_badge"));
    return std::optional<Approval>(std::move(approval));
}

Result<OneField> exactlyOne(const json& a, std::initializer_list<const char*> keys) {
    std::vector<OneField> given;
    std::string listed;
    std::size_t i = 0;
    for (const char* key : keys) {
        FD_ASSIGN(auto value, text(a, key, false));
        if (!value.empty()) given.push_back({key, std::move(value)});
        listed += std::string(i == 0 ? "" : i + 1 == keys.size() ? " or " : ", ") + quoted(key);
        ++i;
    }
    if (given.size() != 1) return core::invalidArgument("name one of " + listed);
    return std::move(given.front());
}

Result<json> objectList(const json& a, const char* key, const char* what) {
    auto it = a.find(key);
    if (it == a.end()) return json::array();
    if (!it->is_array()) return core::invalidArgument(quoted(key) + " must be a list");
    for (const auto& entry : *it) {
        if (!entry.is_object()) return core::invalidArgument(std::string("each ") + what + " must be an object");
    }
    return *it;
}

}  // namespace frontdesk::kiosk::headless
