#include "dataset_chunks.h"

#include "kiosk/quarantine.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Status refusedVersion(const sync::DatasetManifest& m, const std::string& why) {
    return core::invalidArgument(m.dataset + " version " + std::to_string(m.version) + " refused: " + why);
}

Result<std::string> DatasetChunks::chunk(std::int64_t index) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT data FROM dataset_chunks WHERE dataset = ? AND version = ? AND idx = ?"));
    stmt->bindAll(m_manifest.dataset, m_manifest.version, index);
    std::string bytes;
    Status found = stmt->firstRow([&](const core::Statement& row) { bytes = row.text(0); },
                                  "chunk " + std::to_string(index) + " is missing");
    stmt->reset();
    FD_TRY(found);
    return bytes;
}

Status DatasetChunks::verify() {
    sync::Sha256 whole;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(m_manifest.chunks.size()); ++i) {
        auto bytes = chunk(i);
        if (!bytes.ok()) {
            if (bytes.status().kind() == core::ErrorKind::NotFound)
                return refusedVersion(m_manifest, bytes.status().message());
            return bytes.status();
        }
        if (Status ok = sync::verifyChunk(m_manifest, i, *bytes); !ok.ok())
            return refusedVersion(m_manifest, ok.message());
        whole.update(*bytes);
    }
    if (whole.hex() != m_manifest.sha256) {
        return refusedVersion(m_manifest, "its chunks together do not match the manifest's SHA-256");
    }
    return {};
}

Status DatasetChunks::forEachLine(std::size_t maxLineBytes, const std::function<Status(std::string_view)>& onLine,
                                  const std::atomic<bool>& stopping) {
    std::string carry;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(m_manifest.chunks.size()); ++i) {
        if (stopping) return Status(core::ErrorKind::Unavailable, "stopping");
        FD_ASSIGN(auto bytes, chunk(i));
        carry += bytes;
        std::size_t start = 0;
        for (std::size_t end; (end = carry.find('\n', start)) != std::string::npos; start = end + 1) {
            FD_TRY(onLine(std::string_view(carry).substr(start, end - start)));
        }
        carry.erase(0, start);
        if (carry.size() > maxLineBytes) {
            return refusedVersion(m_manifest, "a line is longer than " + std::to_string(maxLineBytes) + " bytes");
        }
    }
    if (!carry.empty()) FD_TRY(onLine(carry));
    return {};
}

Status DatasetChunks::remove() {
    FD_ASSIGN(auto* del, m_db.cached("DELETE FROM dataset_chunks WHERE dataset = ? AND version <= ?"));
    return del->bindAll(m_manifest.dataset, m_manifest.version).run();
}

Status DatasetChunks::keepRefusal(const core::Clock& clock, const Status& why) {
    Quarantine quarantine(m_db, clock);
    FD_TRY(quarantine.keep(
        "dataset:" + m_manifest.dataset, "version " + std::to_string(m_manifest.version), why.message(),
        {{"dataset", m_manifest.dataset}, {"version", m_manifest.version}, {"sha256", m_manifest.sha256}}));
    return remove();
}

}  // namespace frontdesk::kiosk
