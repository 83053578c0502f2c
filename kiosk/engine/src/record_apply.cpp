#include "record_apply.h"

#include <vector>

#include "catalog_records.h"
#include "core/bounded_input.h"
#include "dataset_chunks.h"
#include "kiosk/quarantine.h"
#include "kiosk/terminal_db.h"
#include "record_tables.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// A version's body as it is read: the header first, then the records, each taken by the table or
// put aside with why.
class RecordReader {
public:
    RecordReader(const sync::DatasetManifest& m, const std::string& store, RecordTable& table)
        : m_manifest(m), m_store(store), m_table(table) {}

    struct PutAside {
        std::string key, reason;
        json raw;
    };
    const std::vector<PutAside>& putAside() const { return m_putAside; }

    Status line(std::string_view text) {
        ++m_line;
        if (text.empty()) return {};
        const std::string where = "line " + std::to_string(m_line);
        if (Status bounded = core::checkJsonBounds(text, RecordApply::kMaxLineBytes, 8, where); !bounded.ok()) {
            if (!m_header) return refusedVersion(m_manifest, bounded.message());
            m_putAside.push_back({where, bounded.message(), json()});
            return {};
        }
        const json j = json::parse(text, nullptr, false);
        const std::string kind =
            j.is_object() && j.contains("kind") && j["kind"].is_string() ? j["kind"].get<std::string>() : "";
        if (!m_header) return header(j, kind);
        if (j.is_discarded()) {
            m_putAside.push_back({where, where + " is not valid JSON", json()});
        } else if (kind != m_table.recordKind()) {
            m_putAside.push_back({where, where + ": unknown kind '" + core::excerpt(kind) + "'", j});
        } else if (Status taken = m_table.take(j); !taken.ok()) {
            m_putAside.push_back(
                {m_table.keyOf(j), m_manifest.dataset + " record '" + m_table.keyOf(j) + "': " + taken.message(), j});
        }
        return {};
    }

    Status finish() const {
        if (!m_header) return refusedVersion(m_manifest, "it has no header line");
        return {};
    }

private:
    Status header(const json& j, const std::string& kind) {
        if (kind != m_manifest.dataset) {
            return refusedVersion(m_manifest,
                                  "line 1 must be the header {\"kind\": \"" + m_manifest.dataset + "\", ...}");
        }
        auto version = integerField(j, "version", 0);
        if (!version.ok() || *version != m_manifest.version) {
            return refusedVersion(
                m_manifest,
                "its header names version " + (version.ok() ? std::to_string(*version) : "?") + ", not the manifest's");
        }
        auto store = textField(j, "store", true);
        if (!store.ok()) return refusedVersion(m_manifest, "header: " + store.status().message());
        if (*store != m_store) {
            return refusedVersion(m_manifest,
                                  "it is for store " + core::excerpt(*store) + ", this terminal is in " + m_store);
        }
        m_header = true;
        return {};
    }

    const sync::DatasetManifest& m_manifest;
    const std::string& m_store;
    RecordTable& m_table;
    std::vector<PutAside> m_putAside;
    bool m_header = false;
    std::int64_t m_line = 0;
};

}  // namespace

Result<RecordApplyReport> RecordApply::apply(const sync::DatasetManifest& m) {
    RecordApplyReport report;
    report.version = m.version;
    FD_ASSIGN(auto running, runningDatasetVersion(m_db, m.dataset));
    if (!running)
        return core::invalidArgument("dataset " + core::excerpt(m.dataset) + " is not one this terminal takes");
    if (m.version <= *running) return report;  // applied already
    FD_ASSIGN(auto settings, loadSettings(m_db));
    auto table = recordTable(m.dataset, m_db, m_clock, settings);
    if (!table) return core::invalidArgument("dataset " + core::excerpt(m.dataset) + " is not a table of records");

    DatasetChunks chunks(m_db, m);
    RecordReader reader(m, settings.store, *table);
    Status outcome = chunks.verify();
    if (outcome.ok()) {
        outcome = chunks.forEachLine(
            kMaxLineBytes, [&](std::string_view line) { return reader.line(line); }, m_stopping);
    }
    if (outcome.ok()) outcome = reader.finish();
    if (outcome.ok()) {
        outcome = [&]() -> Status {
            FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
            Quarantine quarantine(m_db, m_clock);
            const std::string source = "dataset:" + m.dataset + ":" + std::to_string(m.version);
            for (const auto& aside : reader.putAside()) {
                FD_TRY(quarantine.keep(source, aside.key, aside.reason, aside.raw, table->quarantineKind()));
            }
            if (Status replaced = table->replace(); !replaced.ok()) {
                return replaced.kind() == core::ErrorKind::InvalidArgument ? refusedVersion(m, replaced.message())
                                                                           : replaced;
            }
            FD_TRY(setRunningDatasetVersion(m_db, m.dataset, m.version));
            return tx->commit();
        }();
    }
    if (outcome.kind() == core::ErrorKind::InvalidArgument) {
        FD_TRY(chunks.keepRefusal(m_clock, outcome));
        return outcome;
    }
    FD_TRY(outcome);
    FD_TRY(chunks.remove());
    report.records = table->taken();
    report.quarantined = static_cast<std::int64_t>(reader.putAside().size());
    return report;
}

}  // namespace frontdesk::kiosk
