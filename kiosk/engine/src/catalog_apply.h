#pragma once
// CatalogApply: one catalog version, kept as chunks in dataset_chunks, made the catalog the till
// sells from, without ever making the till wait for it (docs/master-data.md).
//
//   1. verify   the chunks, in order, hash to the manifest's sha256 (else refused, nothing staged)
//   2. stage    every record into next_tax_codes / next_items / next_barcodes beside the live
//               tables, in transactions of kRowsPerTransaction records, so a sale's commit
//               waits at most for one of them; a bad item is quarantined, a bad header or tax
//               code refuses the version
//   3. switch   between two sales (SaleBoundary::betweenSales), one short transaction renames the
//               live tables to old_* and the staged ones to the live names, and sets price_version
//   4. retire   old_* emptied in small transactions and dropped; the version's chunks deleted
//
// A crash at any step leaves the live catalog whole: staging and retiring start over, and the
// switch is one transaction. Runs on the applier's thread with its own connection.

#include <atomic>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "kiosk/sale_boundary.h"
#include "sync/dataset.h"

namespace frontdesk::kiosk {

struct CatalogApplyReport {
    std::int64_t version = 0;
    std::int64_t taxCodes = 0;
    std::int64_t items = 0;
    std::int64_t quarantined = 0;
    std::int64_t switchMicros = 0;  // how long the switch held the write lock
};

class CatalogApply {
public:
    static constexpr int kRowsPerTransaction = 200;
    static constexpr std::size_t kMaxLineBytes = 64 * 1024;

    CatalogApply(core::Database& db, const core::Clock& clock, SaleBoundary& boundary, const std::atomic<bool>& stopping)
        : m_db(db), m_clock(clock), m_boundary(boundary), m_stopping(stopping) {}

    // InvalidArgument (the version is refused: quarantined with the reason, its chunks deleted),
    // Cancelled when stopping, or a storage error (tried again later).
    [[nodiscard]] core::Result<CatalogApplyReport> apply(const sync::DatasetManifest& manifest);

    // Empties and drops staging or retired tables a crash left behind.
    [[nodiscard]] core::Status retireLeftovers();

private:
    core::Status stage(const sync::DatasetManifest& manifest, CatalogApplyReport& report);
    core::Status switchIn(const sync::DatasetManifest& manifest, CatalogApplyReport& report);
    core::Status clearTable(const std::string& table);

    core::Database& m_db;
    const core::Clock& m_clock;
    SaleBoundary& m_boundary;
    const std::atomic<bool>& m_stopping;
};

}  // namespace frontdesk::kiosk
