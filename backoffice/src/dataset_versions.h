#pragma once
// The versions of the datasets other than the catalog (staff, members, bookings, blocklist), as
// cut for the terminals and kept in dataset_versions: one header line, then one JSON line per
// record (docs/master-data.md, docs/backoffice.md).

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/database.h"

namespace frontdesk::backoffice {

// Builds a dataset body: the header {"kind": dataset, "version", "store"}, then the records.
class DatasetBody {
public:
    DatasetBody(const std::string& dataset, std::int64_t version, const std::string& store)
        : m_body(nlohmann::json{{"kind", dataset}, {"version", version}, {"store", store}}.dump() + "\n") {}
    void add(const nlohmann::json& record) {
        m_body += record.dump() + "\n";
        ++m_records;
    }
    const std::string& text() const { return m_body; }
    std::int64_t records() const { return m_records; }

private:
    std::string m_body;
    std::int64_t m_records = 0;
};

// The next version of the store's dataset (1 for the first).
inline core::Result<std::int64_t> nextDatasetVersion(core::Database& db, const std::string& dataset, const std::string& store) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT coalesce(max(version), 0) + 1 FROM dataset_versions WHERE dataset = ? AND store = ?"));
    std::int64_t next = 1;
    FD_TRY(stmt->bindAll(dataset, store).forEachRow([&](const core::Statement& r) { next = r.int64(0); }));
    return next;
}

inline core::Status saveDatasetVersion(core::Database& db, const std::string& dataset, const std::string& store,
                                       std::int64_t version, const std::string& now, const DatasetBody& body) {
    FD_ASSIGN(auto* insert, db.cached("INSERT INTO dataset_versions (dataset, store, version, created_at, records, body)"
                                      " VALUES (?, ?, ?, ?, ?, ?)"));
    return insert->bindAll(dataset, store, version, now, body.records()).bindBlob(6, body.text()).run();
}

}  // namespace frontdesk::backoffice
