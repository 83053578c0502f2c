#pragma once
// The chunks of one dataset version, as MasterData keeps them in dataset_chunks, read back on the
// applier's thread: verified against the manifest, split into the body's lines, deleted once the
// version is applied or refused. Shared by every dataset's applier (catalog_apply.h,
// record_apply.h). Private to the engine.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/database.h"
#include "sync/dataset.h"

namespace frontdesk::kiosk {

// InvalidArgument "<dataset> version <n> refused: <why>": the version is refused for good.
[[nodiscard]] core::Status refusedVersion(const sync::DatasetManifest& manifest, const std::string& why);

class DatasetChunks {
public:
    DatasetChunks(core::Database& db, const sync::DatasetManifest& manifest) : m_db(db), m_manifest(manifest) {}

    // Every chunk there, each as the manifest lists it, the whole matching its SHA-256; refused
    // (refusedVersion) otherwise.
    [[nodiscard]] core::Status verify();
    // Each line of the body in order, without its newline (the last line may have none); a line
    // longer than maxLineBytes refuses the version. Stops with Unavailable when `stopping` is set.
    [[nodiscard]] core::Status forEachLine(std::size_t maxLineBytes,
                                           const std::function<core::Status(std::string_view line)>& onLine,
                                           const std::atomic<bool>& stopping);
    // Deletes this version's chunks and those of older versions of the dataset.
    [[nodiscard]] core::Status remove();
    // A refused version: its reason kept in the quarantine (source "dataset:<name>") and its
    // chunks deleted, so it is not fetched into the same refusal again.
    [[nodiscard]] core::Status keepRefusal(const core::Clock& clock, const core::Status& why);

private:
    core::Result<std::string> chunk(std::int64_t index);

    core::Database& m_db;
    const sync::DatasetManifest& m_manifest;
};

}  // namespace frontdesk::kiosk
