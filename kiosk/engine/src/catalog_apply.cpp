#include "catalog_apply.h"

#include <chrono>
#include <map>
#include <thread>

#include "catalog_records.h"
#include "catalog_writer.h"
#include "core/bounded_input.h"
#include "dataset_chunks.h"
#include "kiosk/quarantine.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// After each of its transactions the applier leaves the write lock free for a moment longer than
// a waiting connection's retry interval (core::Database tries every millisecond), so a sale's
// commit that came in meanwhile goes next instead of waiting behind the whole import.
void letAWaitingCommitIn() { std::this_thread::sleep_for(std::chrono::milliseconds(2)); }

bool stopsTheApply(const Status& status) {
    return status.kind() == core::ErrorKind::DiskFull || status.kind() == core::ErrorKind::ReadOnly ||
           status.kind() == core::ErrorKind::Busy || status.kind() == core::ErrorKind::Unavailable ||
           status.kind() == core::ErrorKind::Corrupt || status.kind() == core::ErrorKind::Internal;
}

// The staging in progress: one open transaction at a time, committed every few hundred records.
class Stager {
public:
    Stager(core::Database& db, const core::Clock& clock, const sync::DatasetManifest& m, const core::Currency& currency)
        : m_db(db),
          m_manifest(m),
          m_currency(currency),
          m_writer(db, CatalogTables::staging()),
          m_quarantine(db, clock),
          m_source("dataset:catalog:" + std::to_string(m.version)),
          m_checks("catalog version " + std::to_string(m.version)) {}

    Status line(std::string_view text, CatalogApplyReport& report);
    Status finish() {
        if (!m_header) return refusedVersion(m_manifest, "it has no header line");
        return commit();
    }

private:
    Status header(const json& j);
    Status taxCode(const json& j, CatalogApplyReport& report);
    Status item(const json& j, CatalogApplyReport& report);
    Status quarantine(const std::string& key, const json& raw, const std::string& why, CatalogApplyReport& report) {
        ++report.quarantined;
        return m_quarantine.keep(m_source, key, why, raw);
    }
    Status inTransaction() {
        if (m_tx) return {};
        FD_ASSIGN(m_tx, core::Transaction::begin(m_db));
        return {};
    }
    Status counted() {
        if (++m_inTx < CatalogApply::kRowsPerTransaction) return {};
        return commit();
    }
    Status commit() {
        if (!m_tx) return {};
        Status done = m_tx->commit();
        m_tx.reset();
        m_inTx = 0;
        letAWaitingCommitIn();
        return done;
    }

    core::Database& m_db;
    const sync::DatasetManifest& m_manifest;
    const core::Currency& m_currency;
    CatalogWriter m_writer;
    Quarantine m_quarantine;
    std::string m_source;
    ItemChecks m_checks;
    std::map<std::string, TaxCode> m_taxCodes;
    std::unique_ptr<core::Transaction> m_tx;
    int m_inTx = 0;
    bool m_header = false;
    std::int64_t m_line = 0;
};

Status Stager::line(std::string_view text, CatalogApplyReport& report) {
    ++m_line;
    if (text.empty()) return {};
    const std::string where = "line " + std::to_string(m_line);
    if (Status bounded = core::checkJsonBounds(text, CatalogApply::kMaxLineBytes, 8, where); !bounded.ok()) {
        if (!m_header) return refusedVersion(m_manifest, bounded.message());
        FD_TRY(inTransaction());
        FD_TRY(quarantine(where, json(), bounded.message(), report));
        return counted();
    }
    const json j = json::parse(text, nullptr, false);
    const std::string kind = j.is_object() && j.contains("kind") && j["kind"].is_string() ? j["kind"].get<std::string>() : "";
    if (!m_header) {
        if (kind != "catalog")
            return refusedVersion(m_manifest, "line 1 must be the header {\"kind\": \"catalog\", ...}");
        return header(j);
    }
    FD_TRY(inTransaction());
    if (kind == "tax_code") {
        FD_TRY(taxCode(j, report));
    } else if (kind == "item") {
        FD_TRY(item(j, report));
    } else {
        const std::string why = j.is_discarded() ? where + " is not valid JSON"
                                                 : where + ": unknown kind '" + core::excerpt(kind) + "'";
        FD_TRY(quarantine(where, j.is_discarded() ? json() : j, why, report));
    }
    return counted();
}

Status Stager::header(const json& j) {
    auto version = integerField(j, "version", 0);
    if (!version.ok() || *version != m_manifest.version) {
        return refusedVersion(m_manifest, "its header names version " +
                                              (version.ok() ? std::to_string(*version) : "?") + ", not the manifest's");
    }
    auto currency = textField(j, "currency", true);
    if (!currency.ok()) return refusedVersion(m_manifest, "header: " + currency.status().message());
    if (*currency != m_currency.codeView()) {
        return refusedVersion(m_manifest, "its prices are in " + core::excerpt(*currency) +
                                              ", this terminal sells in " + std::string(m_currency.codeView()));
    }
    m_header = true;
    return {};
}

// A broken tax code would misprice every item using it: the version is refused, as a seed is.
Status Stager::taxCode(const json& j, CatalogApplyReport& report) {
    auto tax = parseTaxCode(j);
    if (!tax.ok()) return refusedVersion(m_manifest, "tax code '" + keyOf(j, "code") + "': " + tax.status().message());
    if (!m_taxCodes.emplace(tax->code, *tax).second) {
        return refusedVersion(m_manifest, "tax code '" + tax->code + "' appears twice");
    }
    FD_TRY(m_writer.upsertTaxCode(*tax));
    ++report.taxCodes;
    return {};
}

Status Stager::item(const json& j, CatalogApplyReport& report) {
    const TaxCodeLookup lookup = [this](const std::string& code) -> Result<TaxCode> {
        auto it = m_taxCodes.find(code);
        if (it == m_taxCodes.end()) return Status(core::ErrorKind::NotFound, "unknown tax code " + core::excerpt(code));
        return it->second;
    };
    auto parsed = parseItem(j, m_currency, lookup);
    Status applied = parsed.status();
    if (applied.ok()) applied = m_checks.check(*parsed);
    if (applied.ok()) applied = m_writer.upsertItem(parsed->item, parsed->barcodes);
    if (stopsTheApply(applied)) return applied;
    if (!applied.ok()) return quarantine(keyOf(j, "sku"), j, applied.message(), report);
    m_checks.accept(*parsed);
    ++report.items;
    return {};
}

}  // namespace

Status CatalogApply::clearTable(const std::string& table) {
    FD_ASSIGN(auto* exists, m_db.cached("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"));
    std::int64_t found = 0;
    FD_TRY(exists->bind(1, table).firstRow([&](const core::Statement& row) { found = row.int64(0); }, "no row"));
    if (!found) return {};
    // Small transactions, so that a sale's commit never waits long behind the cleanup.
    const std::string batch = "DELETE FROM " + table + " WHERE rowid IN (SELECT rowid FROM " + table + " LIMIT 1000)";
    while (true) {
        if (m_stopping) return Status(core::ErrorKind::Unavailable, "stopping");
        FD_ASSIGN(auto* del, m_db.cached(batch));
        FD_TRY(del->run());
        if (m_db.changes() == 0) break;
        letAWaitingCommitIn();
    }
    return m_db.exec("DROP TABLE " + table);
}

Status CatalogApply::retireLeftovers() {
    // Barcodes first, then items, then tax codes: each references the one after it.
    for (const auto& set : {CatalogTables::staging(), CatalogTables::retired()}) {
        FD_TRY(clearTable(set.barcodes));
        FD_TRY(clearTable(set.items));
        FD_TRY(clearTable(set.taxCodes));
    }
    return {};
}

Status CatalogApply::stage(const sync::DatasetManifest& m, CatalogApplyReport& report) {
    FD_ASSIGN(auto settings, loadSettings(m_db));
    FD_TRY(m_db.exec(CatalogTables::staging().createSql("v" + std::to_string(m.version))));
    Stager stager(m_db, m_clock, m, settings.currency);
    FD_TRY(DatasetChunks(m_db, m).forEachLine(
        kMaxLineBytes, [&](std::string_view line) { return stager.line(line, report); }, m_stopping));
    return stager.finish();
}

Status CatalogApply::switchIn(const sync::DatasetManifest& m, CatalogApplyReport& report) {
    const auto live = CatalogTables::live();
    const auto next = CatalogTables::staging();
    const auto old = CatalogTables::retired();
    const std::string sql = "ALTER TABLE " + live.taxCodes + " RENAME TO " + old.taxCodes + ";" +
                            "ALTER TABLE " + live.items + " RENAME TO " + old.items + ";" +
                            "ALTER TABLE " + live.barcodes + " RENAME TO " + old.barcodes + ";" +
                            "ALTER TABLE " + next.taxCodes + " RENAME TO " + live.taxCodes + ";" +
                            "ALTER TABLE " + next.items + " RENAME TO " + live.items + ";" +
                            "ALTER TABLE " + next.barcodes + " RENAME TO " + live.barcodes + ";";
    // Staging used a large page cache; SQLite drops all of it at the next transaction after the
    // till's commits, which would lengthen the switch by milliseconds. Let it go beforehand.
    FD_TRY(m_db.exec("PRAGMA cache_size = -2000; PRAGMA shrink_memory;"));
    while (true) {
        if (m_stopping) return Status(core::ErrorKind::Unavailable, "stopping");
        Status done = m_boundary.betweenSales([&]() -> Status {
            const auto began = std::chrono::steady_clock::now();
            FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
            // Renaming rewrites the references between the three tables with them (SQLite 3.26
            // and later), so old_* refer to old_* and the new live tables to each other.
            FD_TRY(m_db.exec(sql));
            FD_ASSIGN(auto* version, m_db.cached("UPDATE settings SET value = ? WHERE key = 'price_version'"));
            FD_TRY(version->bind(1, std::to_string(m.version)).run());
            FD_TRY(tx->commit());
            report.switchMicros =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - began).count();
            return {};
        }, std::chrono::milliseconds(200));
        // Busy: a sale stayed open (the new prices wait for its end; the till never waits for
        // them); look again, unless stopping.
        if (done.kind() != core::ErrorKind::Busy) return done;
    }
}

Result<CatalogApplyReport> CatalogApply::apply(const sync::DatasetManifest& m) {
    CatalogApplyReport report;
    report.version = m.version;
    FD_ASSIGN(auto running, currentPriceVersion(m_db));
    if (m.version <= running) return report;  // applied already (a restart after the switch)
    DatasetChunks chunks(m_db, m);
    Status outcome = chunks.verify();
    if (outcome.ok()) outcome = retireLeftovers();
    if (outcome.ok()) outcome = stage(m, report);
    if (outcome.kind() == core::ErrorKind::InvalidArgument) {
        // Refused for good: keep why, and nothing of it.
        FD_TRY(chunks.keepRefusal(m_clock, outcome));
        FD_TRY(retireLeftovers());
        return outcome;
    }
    FD_TRY(outcome);
    FD_TRY(switchIn(m, report));
    FD_TRY(retireLeftovers());
    FD_TRY(chunks.remove());
    return report;
}

}  // namespace frontdesk::kiosk
