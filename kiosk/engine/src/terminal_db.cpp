#include "kiosk/terminal_db.h"

#include <map>

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<std::unique_ptr<core::Database>> openTerminalDb(const std::string& path, const core::OpenOptions& options) {
    return core::Database::open(path, terminalSchema(), options);
}

Status validateTerminalId(const std::string& what, const std::string& id) {
    if (id.empty() || id.size() > 11) return core::invalidArgument(what + " id must be 1 to 11 characters: '" + id + "'");
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return core::invalidArgument(what + " id may hold only a-z, 0-9 and '-': '" + id + "'");
        }
    }
    return {};
}

Result<TerminalSettings> loadSettings(core::Database& db) {
    FD_ASSIGN(auto stmt, db.prepare("SELECT key, value FROM settings"));
    std::map<std::string, std::string> values;
    for (;;) {
        FD_ASSIGN(bool row, stmt.step());
        if (!row) break;
        values[stmt.text(0)] = stmt.text(1);
    }
    if (values.empty()) {
        return core::failedPrecondition("terminal is not provisioned: load a seed or terminal configuration first");
    }
    auto get = [&](const char* key) -> Result<std::string> {
        auto it = values.find(key);
        if (it == values.end()) return Status(core::ErrorKind::Corrupt, std::string("setting '") + key + "' is missing");
        return it->second;
    };
    auto getInt = [&](const char* key) -> Result<std::int64_t> {
        FD_ASSIGN(auto text, get(key));
        FD_ASSIGN(auto d, core::Decimal::parse(text));
        if (!d.isInteger()) return Status(core::ErrorKind::Corrupt, std::string("setting '") + key + "' is not an integer");
        return d.units();
    };
    TerminalSettings s;
    FD_ASSIGN(s.store, get("store"));
    FD_ASSIGN(s.terminal, get("terminal"));
    FD_ASSIGN(auto currency, get("currency"));
    FD_ASSIGN(s.currency, core::currencyByCode(currency));
    FD_ASSIGN(auto mode, get("tax_mode"));
    FD_ASSIGN(s.tax.mode, core::parseTaxMode(mode));
    FD_ASSIGN(auto rounding, get("tax_rounding"));
    FD_ASSIGN(s.tax.rounding, core::parseTaxRounding(rounding));
    FD_ASSIGN(auto roundingMode, get("rounding_mode"));
    FD_ASSIGN(s.tax.roundingMode, core::parseRoundingMode(roundingMode));
    FD_ASSIGN(s.priceVersion, getInt("price_version"));
    FD_ASSIGN(auto maxFailed, getInt("max_failed_logins"));
    FD_ASSIGN(auto lockout, getInt("lockout_seconds"));
    s.maxFailedLogins = static_cast<int>(maxFailed);
    s.lockoutSeconds = static_cast<int>(lockout);
    return s;
}

Status saveSettings(core::Database& db, const TerminalSettings& s) {
    FD_TRY(validateTerminalId("store", s.store));
    FD_TRY(validateTerminalId("terminal", s.terminal));
    if (s.maxFailedLogins < 1 || s.maxFailedLogins > 20) return core::invalidArgument("max_failed_logins must be 1..20");
    if (s.lockoutSeconds < 1 || s.lockoutSeconds > 86400) return core::invalidArgument("lockout_seconds must be 1..86400");
    const std::pair<const char*, std::string> rows[] = {
        {"store", s.store},
        {"terminal", s.terminal},
        {"currency", std::string(s.currency.codeView())},
        {"tax_mode", std::string(core::taxModeName(s.tax.mode))},
        {"tax_rounding", std::string(core::taxRoundingName(s.tax.rounding))},
        {"rounding_mode", std::string(core::roundingModeName(s.tax.roundingMode))},
        {"price_version", std::to_string(s.priceVersion)},
        {"max_failed_logins", std::to_string(s.maxFailedLogins)},
        {"lockout_seconds", std::to_string(s.lockoutSeconds)},
    };
    for (const auto& [key, value] : rows) {
        FD_ASSIGN(auto* stmt, db.cached("INSERT INTO settings (key, value) VALUES (?, ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        FD_TRY(stmt->bindAll(key, value).run());
    }
    return {};
}

}  // namespace frontdesk::kiosk
