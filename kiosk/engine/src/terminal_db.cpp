#include "kiosk/terminal_db.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "kiosk/limits.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<std::unique_ptr<core::Database>> openTerminalDb(const std::string& path, const core::OpenOptions& options) {
    return core::Database::open(path, terminalSchema(), options);
}

Result<std::unique_ptr<core::Database>> provisionTerminalDb(const std::string& path,
                                                            const std::function<Status(core::Database&)>& provision) {
    std::error_code ignored;
    const bool existed = std::filesystem::symlink_status(path, ignored).type() != std::filesystem::file_type::not_found;
    auto db = openTerminalDb(path);
    Status status = db.ok() ? provision(**db) : db.status();
    if (status.ok()) return db;
    if (db.ok()) db->reset();  // closed before its files go
    if (existed) return status;
    if (Status removed = core::removeDatabaseFiles(path); !removed.ok()) {
        return Status(status.kind(), status.message() + "; " + removed.message());
    }
    return status;
}

StoreLimits StoreLimits::defaults(const core::Currency& currency) {
    std::int64_t major = 1;
    for (int i = 0; i < currency.exponent; ++i) major *= 10;
    return {100 * major, 200 * major};
}

Status validateTerminalId(const std::string& what, const std::string& id) {
    if (id.empty() || id.size() > 11)
        return core::invalidArgument(what + " id must be 1 to 11 characters: '" + id + "'");
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return core::invalidArgument(what + " id may hold only a-z, 0-9 and '-': '" + id + "'");
        }
    }
    return {};
}

namespace {

// The settings rows as read, with typed getters that name the missing or malformed key.
class SettingsRows {
public:
    static Result<SettingsRows> read(core::Database& db) {
        FD_ASSIGN(auto* stmt, db.cached("SELECT key, value FROM settings"));
        SettingsRows rows;
        FD_TRY(stmt->forEachRow([&](const core::Statement& row) { rows.m_values[row.text(0)] = row.text(1); }));
        if (rows.m_values.empty()) {
            return core::failedPrecondition("terminal is not provisioned: load a seed or terminal configuration first");
        }
        return rows;
    }
    Result<std::string> get(const char* key) const {
        auto it = m_values.find(key);
        if (it == m_values.end())
            return Status(core::ErrorKind::Corrupt, std::string("setting '") + key + "' is missing");
        return it->second;
    }
    Result<std::int64_t> getInt(const char* key) const {
        FD_ASSIGN(auto text, get(key));
        FD_ASSIGN(auto d, core::Decimal::parse(text));
        if (!d.isInteger())
            return Status(core::ErrorKind::Corrupt, std::string("setting '") + key + "' is not an integer");
        return d.units();
    }
    // Text settings added after the first terminals were provisioned: "" when absent.
    std::string getOr(const char* key) const {
        auto it = m_values.find(key);
        return it == m_values.end() ? std::string() : it->second;
    }
    // For settings added after the first terminals were provisioned.
    Result<std::int64_t> getInt(const char* key, std::int64_t fallback) const {
        return m_values.contains(key) ? getInt(key) : Result<std::int64_t>(fallback);
    }
    Result<Pricing> pricing() const {
        Pricing p;
        FD_ASSIGN(auto mode, get("tax_mode"));
        FD_ASSIGN(p.tax.mode, core::parseTaxMode(mode));
        FD_ASSIGN(auto rounding, get("tax_rounding"));
        FD_ASSIGN(p.tax.rounding, core::parseTaxRounding(rounding));
        FD_ASSIGN(auto roundingMode, get("rounding_mode"));
        FD_ASSIGN(p.tax.roundingMode, core::parseRoundingMode(roundingMode));
        FD_ASSIGN(p.priceVersion, getInt("price_version"));
        return p;
    }

private:
    std::map<std::string, std::string> m_values;
};

}  // namespace

Result<Pricing> loadPricing(core::Database& db) {
    FD_ASSIGN(auto rows, SettingsRows::read(db));
    return rows.pricing();
}

Result<std::int64_t> currentPriceVersion(core::Database& db) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT value FROM settings WHERE key = 'price_version'"));
    std::string text;
    FD_TRY(stmt->firstRow([&](const core::Statement& row) { text = row.text(0); },
                          "terminal is not provisioned: no price version"));
    FD_ASSIGN(auto version, core::Decimal::parse(text));
    if (!version.isInteger()) return Status(core::ErrorKind::Corrupt, "setting 'price_version' is not an integer");
    return version.units();
}

Result<std::optional<std::int64_t>> runningDatasetVersion(core::Database& db, std::string_view dataset) {
    if (std::find(kTakenDatasets.begin(), kTakenDatasets.end(), dataset) == kTakenDatasets.end()) {
        return std::optional<std::int64_t>();
    }
    if (dataset == "catalog") {
        FD_ASSIGN(auto version, currentPriceVersion(db));
        return std::optional<std::int64_t>(version);
    }
    FD_ASSIGN(auto* stmt, db.cached("SELECT coalesce(max(version), 0) FROM dataset_versions WHERE dataset = ?"));
    std::int64_t version = 0;
    FD_TRY(stmt->bind(1, dataset).firstRow([&](const core::Statement& row) { version = row.int64(0); }, "no row"));
    return std::optional<std::int64_t>(version);
}

Result<std::map<std::string, std::int64_t>> runningDatasetVersions(core::Database& db) {
    std::map<std::string, std::int64_t> versions;
    for (auto dataset : kTakenDatasets) {
        FD_ASSIGN(auto version, runningDatasetVersion(db, dataset));
        versions.emplace(dataset, version.value_or(0));
    }
    return versions;
}

Status setRunningDatasetVersion(core::Database& db, const std::string& dataset, std::int64_t version) {
    FD_ASSIGN(auto* stmt, db.cached("INSERT INTO dataset_versions (dataset, version) VALUES (?, ?)"
                                    " ON CONFLICT(dataset) DO UPDATE SET version = excluded.version"));
    return stmt->bindAll(dataset, version).run();
}

Result<std::optional<std::string>> configuredMode(core::Database& db) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT value FROM settings WHERE key = 'terminal_config'"));
    std::optional<std::string> mode;
    Status invalid;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        const auto config = nlohmann::json::parse(row.text(0), nullptr, false);
        const auto it = config.is_object() ? config.find("mode") : config.end();
        if (it == config.end()) return;
        const std::string named = it->is_string() ? it->get<std::string>() : it->dump();
        if (named == "cashier" || named == "reception" || named == "self-service") {
            mode = named;
        } else {
            invalid = core::invalidArgument("the terminal configuration's mode '" + core::excerpt(named) +
                                            "' is not cashier, reception or self-service");
        }
    }));
    FD_TRY(invalid);
    return mode;
}

Result<TerminalSettings> loadSettings(core::Database& db) {
    FD_ASSIGN(auto rows, SettingsRows::read(db));
    TerminalSettings s;
    FD_ASSIGN(s.store, rows.get("store"));
    FD_ASSIGN(s.terminal, rows.get("terminal"));
    FD_ASSIGN(auto currency, rows.get("currency"));
    FD_ASSIGN(s.currency, core::currencyByCode(currency));
    FD_ASSIGN(s.pricing, rows.pricing());
    FD_ASSIGN(auto maxFailed, rows.getInt("max_failed_logins"));
    FD_ASSIGN(auto lockout, rows.getInt("lockout_seconds"));
    s.maxFailedLogins = static_cast<int>(maxFailed);
    s.lockoutSeconds = static_cast<int>(lockout);
    const StoreLimits defaults = StoreLimits::defaults(s.currency);
    FD_ASSIGN(s.limits.maxRefundWithoutReceiptMinor,
              rows.getInt("max_refund_without_receipt_minor", defaults.maxRefundWithoutReceiptMinor));
    FD_ASSIGN(s.limits.maxPaidOutMinor, rows.getInt("max_paid_out_minor", defaults.maxPaidOutMinor));
    s.header.name = rows.getOr("receipt_name");
    s.header.vatId = rows.getOr("receipt_vat_id");
    s.header.footer = rows.getOr("receipt_footer");
    const std::string address = rows.getOr("receipt_address");
    for (std::size_t at = 0; at < address.size();) {
        const std::size_t end = std::min(address.find('\n', at), address.size());
        s.header.address.push_back(address.substr(at, end - at));
        at = end + 1;
    }
    return s;
}

namespace {

// Printable text of one line: no control characters (a newline would add a line to the receipt).
Status headerLine(const std::string& field, const std::string& text) {
    if (text.size() > StoreHeader::kMaxLineBytes) {
        return core::invalidArgument("receipt." + field + " is longer than " +
                                     std::to_string(StoreHeader::kMaxLineBytes) + " bytes");
    }
    for (const unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) return core::invalidArgument("receipt." + field + " has a control character");
    }
    return {};
}

}  // namespace

Status validateHeader(const StoreHeader& header) {
    FD_TRY(headerLine("name", header.name));
    FD_TRY(headerLine("vat_id", header.vatId));
    FD_TRY(headerLine("footer", header.footer));
    if (header.address.size() > StoreHeader::kMaxAddressLines) {
        return core::invalidArgument("receipt.address has more than " + std::to_string(StoreHeader::kMaxAddressLines) +
                                     " lines");
    }
    for (std::size_t i = 0; i < header.address.size(); ++i) {
        FD_TRY(headerLine("address[" + std::to_string(i) + "]", header.address[i]));
    }
    return {};
}

Status saveSettings(core::Database& db, const TerminalSettings& s) {
    FD_TRY(validateTerminalId("store", s.store));
    FD_TRY(validateTerminalId("terminal", s.terminal));
    if (s.maxFailedLogins < 1 || s.maxFailedLogins > 20)
        return core::invalidArgument("max_failed_logins must be 1..20");
    if (s.lockoutSeconds < 1 || s.lockoutSeconds > 86400)
        return core::invalidArgument("lockout_seconds must be 1..86400");
    for (const auto& [name, minor] : {std::pair{"max_refund_without_receipt", s.limits.maxRefundWithoutReceiptMinor},
                                      std::pair{"max_paid_out", s.limits.maxPaidOutMinor}}) {
        if (minor < 1 || minor > kMaxAmountMinor) {
            return core::invalidArgument(std::string(name) + " must be above 0 and at most " +
                                         core::Money(kMaxAmountMinor, s.currency).toString());
        }
    }
    FD_TRY(validateHeader(s.header));
    std::string address;
    for (const auto& line : s.header.address) address += (address.empty() ? "" : "\n") + line;
    const std::pair<const char*, std::string> rows[] = {
        {"receipt_name", s.header.name},
        {"receipt_address", address},
        {"receipt_vat_id", s.header.vatId},
        {"receipt_footer", s.header.footer},
        {"store", s.store},
        {"terminal", s.terminal},
        {"currency", std::string(s.currency.codeView())},
        {"tax_mode", std::string(core::taxModeName(s.pricing.tax.mode))},
        {"tax_rounding", std::string(core::taxRoundingName(s.pricing.tax.rounding))},
        {"rounding_mode", std::string(core::roundingModeName(s.pricing.tax.roundingMode))},
        {"price_version", std::to_string(s.pricing.priceVersion)},
        {"max_failed_logins", std::to_string(s.maxFailedLogins)},
        {"lockout_seconds", std::to_string(s.lockoutSeconds)},
        {"max_refund_without_receipt_minor", std::to_string(s.limits.maxRefundWithoutReceiptMinor)},
        {"max_paid_out_minor", std::to_string(s.limits.maxPaidOutMinor)},
    };
    for (const auto& [key, value] : rows) {
        FD_ASSIGN(auto* stmt, db.cached("INSERT INTO settings (key, value) VALUES (?, ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        FD_TRY(stmt->bindAll(key, value).run());
    }
    return {};
}

}  // namespace frontdesk::kiosk
