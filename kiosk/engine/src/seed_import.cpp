#include "kiosk/seed_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "catalog_records.h"
#include "catalog_writer.h"
#include "core/bounded_input.h"
#include "kiosk/cart.h"
#include "kiosk/catalog.h"
#include "kiosk/customer_ids.h"
#include "kiosk/json_text.h"
#include "kiosk/quarantine.h"
#include "kiosk/staff.h"
#include "kiosk/terminal_db.h"
#include "record_tables.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;
using nlohmann::json;

json ImportReport::toJson() const {
    return {{"tax_codes", taxCodes},     {"items", items},       {"staff", staff},
            {"members", members},        {"bookings", bookings}, {"blocklist", blocked},
            {"quarantined", quarantined}};
}

namespace {

// An amount in the terminal's currency, as text ("250.00"), in minor units.
Result<std::int64_t> amount(const json& obj, const char* key, const core::Currency& currency, std::int64_t fallback) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return fallback;
    if (!it->is_string()) return core::invalidArgument(std::string("'") + key + "' must be an amount as text");
    auto money = core::Money::parse(it->get<std::string>(), currency);
    if (!money.ok()) return money.status().withContext(key);
    return money->minor();
}

// terminal.receipt: {"name", "address": [lines], "vat_id", "footer"}, every field optional.
Result<StoreHeader> parseHeader(const json& terminal) {
    StoreHeader header;
    auto it = terminal.find("receipt");
    if (it == terminal.end() || it->is_null()) return header;
    if (!it->is_object()) return core::invalidArgument("'terminal.receipt' must be an object");
    const json& r = *it;
    for (const auto& [key, value] : r.items()) {
        if (key != "name" && key != "address" && key != "vat_id" && key != "footer") {
            return core::invalidArgument("'terminal.receipt." + core::excerpt(key) +
                                         "' is not a field (name, address, vat_id, footer)");
        }
    }
    FD_ASSIGN(header.name, textField(r, "name", false));
    FD_ASSIGN(header.vatId, textField(r, "vat_id", false));
    FD_ASSIGN(header.footer, textField(r, "footer", false));
    if (auto a = r.find("address"); a != r.end() && !a->is_null()) {
        if (!a->is_array()) return core::invalidArgument("'terminal.receipt.address' must be a list of lines");
        for (const auto& line : *a) {
            if (!line.is_string()) return core::invalidArgument("'terminal.receipt.address' lines must be strings");
            header.address.push_back(line.get<std::string>());
        }
    }
    auto valid = validateHeader(header);
    if (!valid.ok()) return valid.withContext("terminal");
    return header;
}

Result<TerminalSettings> parseSettings(const json& seed) {
    auto it = seed.find("terminal");
    if (it == seed.end() || !it->is_object()) return core::invalidArgument("'terminal' settings object is missing");
    const json& t = *it;
    TerminalSettings s;
    FD_ASSIGN(s.store, textField(t, "store", true));
    FD_ASSIGN(s.terminal, textField(t, "terminal", true));
    FD_ASSIGN(auto currency, textField(t, "currency", true));
    FD_ASSIGN(s.currency, core::currencyByCode(currency));
    FD_ASSIGN(auto mode, textField(t, "tax_mode", false, "inclusive"));
    FD_ASSIGN(s.pricing.tax.mode, core::parseTaxMode(mode));
    FD_ASSIGN(auto rounding, textField(t, "tax_rounding", false, "per_line"));
    FD_ASSIGN(s.pricing.tax.rounding, core::parseTaxRounding(rounding));
    FD_ASSIGN(auto roundingMode, textField(t, "rounding_mode", false, "half_up"));
    FD_ASSIGN(s.pricing.tax.roundingMode, core::parseRoundingMode(roundingMode));
    FD_ASSIGN(auto maxFailed, integerField(t, "max_failed_logins", 5));
    FD_ASSIGN(auto lockout, integerField(t, "lockout_seconds", 300));
    s.maxFailedLogins = static_cast<int>(std::clamp<std::int64_t>(maxFailed, -1, 1000));
    s.lockoutSeconds = static_cast<int>(std::clamp<std::int64_t>(lockout, -1, 1'000'000));
    FD_ASSIGN(s.pricing.priceVersion, integerField(seed, "price_version", 1));
    if (s.pricing.priceVersion < 0) return core::invalidArgument("'price_version' must be 0 or more");
    s.limits = StoreLimits::defaults(s.currency);
    FD_ASSIGN(s.limits.maxRefundWithoutReceiptMinor,
              amount(t, "max_refund_without_receipt", s.currency, s.limits.maxRefundWithoutReceiptMinor));
    FD_ASSIGN(s.limits.maxPaidOutMinor, amount(t, "max_paid_out", s.currency, s.limits.maxPaidOutMinor));
    FD_ASSIGN(s.header, parseHeader(t));
    return s;
}

// A terminal that has recorded events keeps its identity and currency: its event stream and
// every amount in it depend on them. Tax rules change only between shifts.
Status checkSettingsChange(core::Database& db, const TerminalSettings& next) {
    auto current = loadSettings(db);
    if (!current.ok()) return {};  // not provisioned yet
    FD_ASSIGN(auto* events, db.cached("SELECT count(*) FROM outbox"));
    FD_ASSIGN(bool row, events->step());
    const bool recorded = row && events->int64(0) > 0;
    events->reset();
    if (recorded &&
        (current->store != next.store || current->terminal != next.terminal || !(current->currency == next.currency))) {
        return core::failedPrecondition("this terminal has recorded events as " + current->store + "/" +
                                        current->terminal + " in " + std::string(current->currency.codeView()) +
                                        ": its store, terminal id and currency cannot change");
    }
    FD_ASSIGN(auto* open, db.cached("SELECT count(*) FROM shifts WHERE closed_at IS NULL"));
    FD_ASSIGN(bool openRow, open->step());
    const bool shiftOpen = openRow && open->int64(0) > 0;
    open->reset();
    if (shiftOpen && (current->pricing.tax.mode != next.pricing.tax.mode ||
                      current->pricing.tax.rounding != next.pricing.tax.rounding ||
                      current->pricing.tax.roundingMode != next.pricing.tax.roundingMode)) {
        return core::failedPrecondition("tax mode and rounding change only between shifts: close the shift first");
    }
    return {};
}

Status appearsTwice(const char* what, const std::string& key) {
    return core::invalidArgument(std::string(what) + " '" + key +
                                 "' appears twice in this seed: the first entry was applied");
}

}  // namespace

namespace {

// One seed import in progress: its transaction's writers, its report, and the quarantine.
class SeedImport {
public:
    SeedImport(core::Database& db, const core::Clock& clock, const TerminalSettings& settings,
               core::HashStrength strength)
        : m_db(db),
          m_clock(clock),
          m_settings(settings),
          m_strength(strength),
          m_catalog(db),
          m_writer(db),
          m_staff(db, clock, settings),
          m_quarantine(db, clock) {}

    Status taxCodes(const json& list);
    Status items(const json& list);
    Status staff(const json& list);
    // members, bookings, blocklist: the table's contents become the valid entries.
    Status records(const char* dataset, const json& list, int& count);
    ImportReport report;

private:
    Status quarantine(const char* kind, const json& raw, const std::string& key, const Status& why);
    // ids and badges seen: each badge opens one member's account.
    Status staffEntry(const json& j, std::set<std::string>& ids, std::set<std::string>& badges);

    core::Database& m_db;
    const core::Clock& m_clock;
    const TerminalSettings& m_settings;
    core::HashStrength m_strength;
    Catalog m_catalog;
    CatalogWriter m_writer;
    StaffDirectory m_staff;
    Quarantine m_quarantine;
};

// Storage failures stop the import; anything else about one entry only quarantines it.
bool stopsTheImport(const Status& status) {
    return status.kind() == core::ErrorKind::DiskFull || status.kind() == core::ErrorKind::ReadOnly;
}

Status SeedImport::quarantine(const char* kind, const json& raw, const std::string& key, const Status& why) {
    report.quarantined.push_back(std::string(kind) + " '" + key + "': " + why.message());
    const auto what = std::string_view(kind) == "staff" ? Quarantine::Kind::StaffEntry : Quarantine::Kind::Entry;
    return m_quarantine.keep(std::string("seed:") + kind, key, why.message(), raw, what);
}

Status SeedImport::taxCodes(const json& list) {
    if (!list.is_array()) return core::invalidArgument("'tax_codes' must be a list");
    std::set<std::string> seen;
    for (const auto& j : list) {
        auto tax = parseTaxCode(j);
        // A broken tax code would misprice every item using it: refuse the whole seed. A code
        // given twice is broken too: which of its rates is meant cannot be known.
        if (!tax.ok()) return tax.status().withContext("tax code '" + keyOf(j, "code") + "'");
        if (!seen.insert(tax->code).second) {
            return core::invalidArgument("tax code '" + tax->code + "' appears twice in this seed");
        }
        FD_TRY(m_writer.upsertTaxCode(*tax));
        ++report.taxCodes;
    }
    return {};
}

Status SeedImport::items(const json& list) {
    if (!list.is_array()) return core::invalidArgument("'items' must be a list");
    ItemChecks checks("seed");
    const TaxCodeLookup taxCode = [this](const std::string& code) { return m_catalog.taxCode(code); };
    for (const auto& j : list) {
        auto parsed = parseItem(j, m_settings.currency, taxCode);
        Status applied = parsed.status();
        if (applied.ok()) applied = checks.check(*parsed);
        if (applied.ok()) applied = m_writer.upsertItem(parsed->item, parsed->barcodes);
        if (applied.ok()) checks.accept(*parsed);
        if (stopsTheImport(applied)) return applied;
        if (!applied.ok()) {
            FD_TRY(quarantine("item", j, keyOf(j, "sku"), applied));
            continue;
        }
        ++report.items;
    }
    return {};
}

Status SeedImport::staffEntry(const json& j, std::set<std::string>& ids, std::set<std::string>& badges) {
    if (!j.is_object()) return core::invalidArgument("a staff entry must be an object");
    StaffMember member;
    FD_ASSIGN(member.id, textField(j, "id", true));
    if (!ids.insert(member.id).second) return appearsTwice("staff id", core::excerpt(member.id));
    FD_ASSIGN(member.name, textField(j, "name", true));
    FD_ASSIGN(auto role, textField(j, "role", true));
    FD_ASSIGN(member.role, parseRole(role));
    // The badge as read (digested here, never stored) or already as its digest.
    FD_ASSIGN(auto badge, textField(j, "badge", false));
    FD_ASSIGN(auto digest, textField(j, "badge_sha256", false));
    if (!badge.empty() && !digest.empty()) return core::invalidArgument("give 'badge' or 'badge_sha256', not both");
    if (!badge.empty()) digest = core::badgeDigest(badge);
    if (!digest.empty() && !isBadgeDigest(digest)) {
        return core::invalidArgument("'badge_sha256' must be 64 lower-case hex digits");
    }
    if (!digest.empty() && !badges.insert(digest).second) {
        return core::invalidArgument("its badge is an earlier staff entry's in this seed, which keeps it");
    }
    FD_ASSIGN(auto hash, textField(j, "pin_hash", false));
    if (!hash.empty()) return m_staff.upsertHashed(member, hash, digest);
    FD_ASSIGN(auto pin, textField(j, "pin", true));
    return m_staff.upsert(member, pin, m_strength, digest);
}

Status SeedImport::staff(const json& list) {
    if (!list.is_array()) return core::invalidArgument("'staff' must be a list");
    std::set<std::string> ids, badges;
    for (const auto& j : list) {
        Status applied = staffEntry(j, ids, badges);
        if (stopsTheImport(applied)) return applied;
        if (!applied.ok()) {
            FD_TRY(quarantine("staff", j, keyOf(j, "id"), applied));
            continue;
        }
        ++report.staff;
    }
    return {};
}

Status SeedImport::records(const char* dataset, const json& list, int& count) {
    if (!list.is_array()) return core::invalidArgument(std::string("'") + dataset + "' must be a list");
    auto table = recordTable(dataset, m_db, m_clock, m_settings);
    for (const auto& j : list) {
        Status taken = j.is_object() ? table->take(j) : core::invalidArgument("an entry must be an object");
        if (!taken.ok()) FD_TRY(quarantine(table->recordKind(), j, table->keyOf(j), taken));
    }
    FD_TRY(table->replace());
    count = static_cast<int>(table->taken());
    return {};
}

}  // namespace

Result<ImportReport> importSeed(core::Database& db, const core::Clock& clock, const json& seed,
                                core::HashStrength strength) {
    if (!seed.is_object()) return core::invalidArgument("seed must be a JSON object");
    FD_ASSIGN(auto settings, parseSettings(seed));
    // A large catalog is one long transaction: with SQLite's default 2 MB page cache it spills to
    // disk and the import (holding the write lock) takes about three times as long. Widen the
    // cache for the import only.
    FD_TRY(db.exec("PRAGMA cache_size = -65536"));
    struct CacheRestore {
        core::Database& db;
        ~CacheRestore() { (void)db.exec("PRAGMA cache_size = -2000"); }
    } restore{db};
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_TRY(checkSettingsChange(db, settings));
    FD_TRY(saveSettings(db, settings));
    SeedImport import(db, clock, settings, strength);
    if (auto it = seed.find("tax_codes"); it != seed.end()) FD_TRY(import.taxCodes(*it));
    if (auto it = seed.find("items"); it != seed.end()) FD_TRY(import.items(*it));
    if (auto it = seed.find("staff"); it != seed.end()) FD_TRY(import.staff(*it));
    if (auto it = seed.find("members"); it != seed.end()) FD_TRY(import.records("members", *it, import.report.members));
    if (auto it = seed.find("bookings"); it != seed.end())
        FD_TRY(import.records("bookings", *it, import.report.bookings));
    if (auto it = seed.find("blocklist"); it != seed.end())
        FD_TRY(import.records("blocklist", *it, import.report.blocked));
    FD_TRY(tx->commit());
    return import.report;
}

Result<ImportReport> importSeedFile(core::Database& db, const core::Clock& clock, const std::string& path,
                                    core::HashStrength strength) {
    FD_ASSIGN(auto text, core::readFileBounded(path, kMaxSeedBytes, "seed file"));
    FD_TRY(core::checkJsonBounds(text, kMaxSeedBytes, kMaxSeedDepth, "seed file " + path));
    json seed = json::parse(text, nullptr, false);
    if (seed.is_discarded()) return core::invalidArgument("seed file " + path + " is not valid JSON");
    auto report = importSeed(db, clock, seed, strength);
    if (!report.ok()) return report.status().withContext("seed file " + path);
    return report;
}

}  // namespace frontdesk::kiosk
