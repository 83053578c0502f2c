#pragma once
// What the terminal's master-data fetcher needs from the terminal, and nothing more (the sync
// module knows no till): which datasets it takes and the versions it runs, where it keeps chunks
// as they arrive, and what applies a version once all of its chunks are kept. The kiosk
// implements it (kiosk::MasterData) over a database connection of its own.
//
// Called from the relay's thread only. Nothing here may take long: applying a version (staging
// 300,000 items) happens on the sink's own thread after complete() returns.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/status.h"
#include "sync/dataset.h"

namespace frontdesk::sync {

class DatasetSink {
public:
    virtual ~DatasetSink() = default;

    // The version of `dataset` the terminal runs (0: none yet), or nullopt for a dataset it does
    // not take (its manifests are ignored).
    [[nodiscard]] virtual core::Result<std::optional<std::int64_t>> runningVersion(const std::string& dataset) = 0;
    // The chunks of this version kept so far: where a fetch resumes after an interruption.
    [[nodiscard]] virtual core::Result<std::set<std::int64_t>> storedChunks(const DatasetManifest& manifest) = 0;
    // Keeps chunk `index` of this version durably (verified against the manifest already), and
    // lets go of whatever it kept of other versions of the dataset.
    [[nodiscard]] virtual core::Status storeChunk(const DatasetManifest& manifest, std::int64_t index,
                                                  std::string_view bytes) = 0;
    // Every chunk of this version is kept: verify the whole and apply it, in the sink's own time.
    // Returns at once; the version shows in runningVersion() once applied.
    [[nodiscard]] virtual core::Status complete(const DatasetManifest& manifest) = 0;
};

}  // namespace frontdesk::sync
