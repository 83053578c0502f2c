#pragma once
// MasterData: the terminal's end of master data from the back office (docs/master-data.md).
//
// As the sync relay's DatasetSink it keeps each verified chunk of a new version in the terminal
// database (dataset_chunks) as it arrives, on a connection of its own, so a transfer resumes
// where it stopped, also after a restart. Once every chunk is there, its own thread applies the
// version (CatalogApply: verify the whole, stage beside the live tables in small transactions,
// switch between two sales in one short transaction, retire the old tables), so the till keeps
// selling throughout and a sale always finishes with the prices it began with.
//
// Datasets taken (kTakenDatasets): "catalog" (tax codes, items, barcodes; its version is the
// price_version every sale records), and the small ones that each replace a table whole in one
// transaction (RecordApply): "members", "bookings", "blocklist" (the reception desk's) and
// "staff". Manifests of any other dataset are ignored. Each dataset has at most one version
// waiting to be applied (the newest); the applier takes them one at a time.
//
// Threads: the DatasetSink methods from the relay's thread; status() from any; applyNow() from
// one thread that is not the applier's (tests and benchmarks apply synchronously with it).

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "kiosk/sale_boundary.h"
#include "sync/dataset_sink.h"

namespace frontdesk::kiosk {

// The last apply of a dataset that replaces a table (members, bookings, blocklist, staff).
struct RecordDatasetStatus {
    std::string state = "idle";    // idle, applying, applied, refused, failed
    std::int64_t version = 0;      // of the last apply begun
    std::int64_t records = 0;      // applied in it
    std::int64_t quarantined = 0;  // records of it kept back, with their reasons
    std::string error;             // why it was refused or failed
};

struct MasterDataStatus {
    // The catalog's last apply.
    std::string state = "idle";        // idle, applying, applied, refused, failed
    std::int64_t version = 0;          // of the last apply begun
    std::int64_t items = 0;            // applied in it
    std::int64_t quarantined = 0;      // entries of it kept back, with their reasons
    std::int64_t switchMicros = 0;     // how long its switch held the write lock
    std::string error;                 // why it was refused or failed
    std::int64_t configVersion = 0;    // of the terminal configuration kept (0: none)
    std::string configError;           // why the last configuration received was refused
    std::map<std::string, RecordDatasetStatus> records;  // by dataset, once one arrived

    // {"catalog": {...}, "config": {...}, and per record dataset {"state", "version", "records",
    // "quarantined", "error"}}
    nlohmann::json toJson() const;
};

class MasterData final : public sync::DatasetSink {
public:
    // Opens two connections of its own on the provisioned terminal database at path.
    static core::Result<std::unique_ptr<MasterData>> open(const std::string& path, const core::Clock& clock,
                                                          SaleBoundary& boundary);
    ~MasterData() override;  // stops the applier (an apply in progress stops at its next step)
    MasterData(const MasterData&) = delete;
    MasterData& operator=(const MasterData&) = delete;

    // Starts the applier thread; complete() only queues until then.
    void start();

    core::Result<std::optional<std::int64_t>> runningVersion(const std::string& dataset) override;
    core::Result<std::set<std::int64_t>> storedChunks(const sync::DatasetManifest& manifest) override;
    core::Status storeChunk(const sync::DatasetManifest& manifest, std::int64_t index, std::string_view bytes) override;
    core::Status complete(const sync::DatasetManifest& manifest) override;

    // The terminal's configuration as the back office publishes it (retained on its config
    // topic): a JSON object with an integer "version" of 1 or more, at most kMaxConfigBytes. Kept
    // in the terminal database (settings 'terminal_config') when newer than the one kept, for the
    // parts of the kiosk that act on it (devices, mode); older or repeated ones are ignored, and a
    // malformed one is refused with its reason in status(). The relay's thread.
    static constexpr std::size_t kMaxConfigBytes = 256 * 1024;
    [[nodiscard]] core::Status storeConfig(std::string_view payload);
    // The configuration kept, or nullopt.
    [[nodiscard]] core::Result<std::optional<nlohmann::json>> config();

    // Applies a version whose chunks are all stored, on the calling thread.
    [[nodiscard]] core::Status applyNow(const sync::DatasetManifest& manifest);
    [[nodiscard]] MasterDataStatus status() const;

private:
    MasterData(std::unique_ptr<core::Database> inbox, std::unique_ptr<core::Database> applier, const core::Clock& clock,
               SaleBoundary& boundary);
    void run();
    core::Status applyCatalog(const sync::DatasetManifest& manifest);
    core::Status applyRecords(const sync::DatasetManifest& manifest);
    // The version of this dataset being applied now, or 0. Takes the mutex.
    std::int64_t applyingVersion(const std::string& dataset) const;

    std::unique_ptr<core::Database> m_inbox;    // the relay's thread
    std::unique_ptr<core::Database> m_applier;  // the applier's thread (or applyNow's caller)
    const core::Clock& m_clock;
    SaleBoundary& m_boundary;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::string, sync::DatasetManifest> m_pending;  // per dataset, the newest complete version not yet applied
    MasterDataStatus m_status;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

}  // namespace frontdesk::kiosk
