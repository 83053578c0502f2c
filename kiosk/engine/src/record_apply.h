#pragma once
// RecordApply: one version of a dataset that replaces a table whole (members, bookings,
// blocklist, staff; record_tables.h), kept as chunks in dataset_chunks, made the table's contents
// (docs/master-data.md, "Reception and staff").
//
//   1. verify   the chunks, in order, hash to the manifest's sha256 (else refused)
//   2. read     line 1 is the header {"kind": <dataset>, "version": <the manifest's>, "store":
//               <this terminal's>} (else refused); every other line one record of the table's
//               kind, checked as it is read; a bad one is quarantined with its reason
//   3. replace  in one transaction: the quarantined records, the table's new contents and the
//               dataset's version in dataset_versions
//   4. retire   the version's chunks deleted
//
// These datasets are small (a store's members, two weeks of bookings): they are read whole and
// written in one short transaction, with no staging beside the live table. A crash before the
// commit leaves the table as it was and the chunks to apply again. Runs on the applier's thread
// with its own connection.

#include <atomic>
#include <cstdint>

#include "core/clock.h"
#include "core/database.h"
#include "sync/dataset.h"

namespace frontdesk::kiosk {

struct RecordApplyReport {
    std::int64_t version = 0;
    std::int64_t records = 0;      // applied
    std::int64_t quarantined = 0;  // kept back, with their reasons
};

class RecordApply {
public:
    static constexpr std::size_t kMaxLineBytes = 64 * 1024;

    RecordApply(core::Database& db, const core::Clock& clock, const std::atomic<bool>& stopping)
        : m_db(db), m_clock(clock), m_stopping(stopping) {}

    // InvalidArgument when the version is refused (quarantined with the reason, its chunks
    // deleted, the table as it was), or a storage error (tried again later). A version not newer
    // than the one applied does nothing.
    [[nodiscard]] core::Result<RecordApplyReport> apply(const sync::DatasetManifest& manifest);

private:
    core::Database& m_db;
    const core::Clock& m_clock;
    const std::atomic<bool>& m_stopping;
};

}  // namespace frontdesk::kiosk
