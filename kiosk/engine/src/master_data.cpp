#include "kiosk/master_data.h"

#include "catalog_apply.h"
#include "core/bounded_input.h"
#include "core/log.h"
#include "kiosk/terminal_db.h"
#include "record_apply.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {

constexpr const char* kCatalog = "catalog";

// Chunks and staging rows can always be fetched or staged again: they need no fsync of their own
// (the till's next commit syncs the log they are in), and staging a large catalog wants a large
// page cache (docs/PERFORMANCE.md).
Result<std::unique_ptr<core::Database>> connection(const std::string& path) {
    FD_ASSIGN(auto db, openTerminalDb(path, core::OpenOptions{.integrity = core::IntegrityCheck::None, .create = false}));
    FD_TRY(db->exec("PRAGMA synchronous = NORMAL"));
    FD_TRY(db->exec("PRAGMA cache_size = -65536"));
    return db;
}

}  // namespace

nlohmann::json MasterDataStatus::toJson() const {
    nlohmann::json status = {{"catalog",
                              {{"state", state},
                               {"version", version},
                               {"items", items},
                               {"quarantined", quarantined},
                               {"switch_us", switchMicros},
                               {"error", error}}},
                             {"config", {{"version", configVersion}, {"error", configError}}}};
    for (const auto& [dataset, r] : records) {
        status[dataset] = {{"state", r.state},
                           {"version", r.version},
                           {"records", r.records},
                           {"quarantined", r.quarantined},
                           {"error", r.error}};
    }
    return status;
}

Result<std::unique_ptr<MasterData>> MasterData::open(const std::string& path, const core::Clock& clock,
                                                     SaleBoundary& boundary) {
    FD_ASSIGN(auto inbox, connection(path));
    FD_ASSIGN(auto applier, connection(path));
    return std::unique_ptr<MasterData>(new MasterData(std::move(inbox), std::move(applier), clock, boundary));
}

MasterData::MasterData(std::unique_ptr<core::Database> inbox, std::unique_ptr<core::Database> applier,
                       const core::Clock& clock, SaleBoundary& boundary)
    : m_inbox(std::move(inbox)), m_applier(std::move(applier)), m_clock(clock), m_boundary(boundary) {}

MasterData::~MasterData() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void MasterData::start() {
    if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
}

Result<std::optional<std::int64_t>> MasterData::runningVersion(const std::string& dataset) {
    return runningDatasetVersion(*m_inbox, dataset);
}

std::int64_t MasterData::applyingVersion(const std::string& dataset) const {
    std::lock_guard lock(m_mutex);
    if (dataset == kCatalog) return m_status.state == "applying" ? m_status.version : 0;
    auto it = m_status.records.find(dataset);
    return it != m_status.records.end() && it->second.state == "applying" ? it->second.version : 0;
}

Result<std::set<std::int64_t>> MasterData::storedChunks(const sync::DatasetManifest& m) {
    FD_ASSIGN(auto* stmt, m_inbox->cached("SELECT idx FROM dataset_chunks WHERE dataset = ? AND version = ?"));
    std::set<std::int64_t> stored;
    FD_TRY(stmt->bindAll(m.dataset, m.version).forEachRow([&](const core::Statement& row) { stored.insert(row.int64(0)); }));
    return stored;
}

Status MasterData::storeChunk(const sync::DatasetManifest& m, std::int64_t index, std::string_view bytes) {
    // A version waiting to be applied, or being applied, keeps its chunks until it is done.
    const std::int64_t applying = applyingVersion(m.dataset);
    std::int64_t pending = 0;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_pending.find(m.dataset); it != m_pending.end()) pending = it->second.version;
    }
    FD_ASSIGN(auto tx, core::Transaction::begin(*m_inbox));
    FD_ASSIGN(auto* others,
              m_inbox->cached("DELETE FROM dataset_chunks WHERE dataset = ? AND version NOT IN (?, ?, ?)"));
    FD_TRY(others->bindAll(m.dataset, m.version, applying, pending).run());
    FD_ASSIGN(auto* keep, m_inbox->cached("INSERT OR REPLACE INTO dataset_chunks (dataset, version, idx, data) "
                                          "VALUES (?, ?, ?, ?)"));
    FD_TRY(keep->bindAll(m.dataset, m.version, index).bindBlob(4, bytes).run());
    return tx->commit();
}

Status MasterData::complete(const sync::DatasetManifest& m) {
    {
        std::lock_guard lock(m_mutex);
        auto it = m_pending.find(m.dataset);
        if (it == m_pending.end() || it->second.version < m.version) m_pending[m.dataset] = m;
    }
    m_wake.notify_all();
    return {};
}

Status MasterData::applyNow(const sync::DatasetManifest& m) {
    return m.dataset == kCatalog ? applyCatalog(m) : applyRecords(m);
}

Status MasterData::applyRecords(const sync::DatasetManifest& m) {
    // Handed over again (after a reconnect, say) once it was applied: nothing to do.
    FD_ASSIGN(auto running, runningDatasetVersion(*m_applier, m.dataset));
    if (running && m.version <= *running) return {};
    {
        std::lock_guard lock(m_mutex);
        m_status.records[m.dataset] = {"applying", m.version, 0, 0, {}};
    }
    core::log::info("kiosk.master_data", "applying", {{"dataset", m.dataset}, {"version", std::to_string(m.version)}});
    auto report = RecordApply(*m_applier, m_clock, m_stopping).apply(m);
    if (report.ok()) {
        core::log::info("kiosk.master_data", "applied",
                        {{"dataset", m.dataset},
                         {"version", std::to_string(m.version)},
                         {"records", std::to_string(report->records)},
                         {"quarantined", std::to_string(report->quarantined)}});
    } else {
        core::log::error(
            "kiosk.master_data", "not applied",
            {{"dataset", m.dataset}, {"version", std::to_string(m.version)}, {"reason", report.status().message()}});
    }
    std::lock_guard lock(m_mutex);
    RecordDatasetStatus& status = m_status.records[m.dataset];
    if (report.ok()) {
        status = {"applied", m.version, report->records, report->quarantined, {}};
    } else {
        status.state = report.status().kind() == core::ErrorKind::InvalidArgument ? "refused" : "failed";
        status.error = report.status().message();
    }
    return report.status();
}

Status MasterData::applyCatalog(const sync::DatasetManifest& m) {
    // Handed over again (after a reconnect, say) once it was applied: nothing to do.
    FD_ASSIGN(auto running, currentPriceVersion(*m_applier));
    if (m.version <= running) return {};
    {
        std::lock_guard lock(m_mutex);
        m_status.state = "applying";
        m_status.version = m.version;
        m_status.items = m_status.quarantined = m_status.switchMicros = 0;
        m_status.error.clear();
    }
    core::log::info("kiosk.master_data", "applying", {{"dataset", m.dataset}, {"version", std::to_string(m.version)}});
    CatalogApply apply(*m_applier, m_clock, m_boundary, m_stopping);
    auto report = apply.apply(m);
    if (report.ok()) {
        core::log::info("kiosk.master_data", "applied",
                        {{"dataset", m.dataset}, {"version", std::to_string(m.version)}, {"items", std::to_string(report->items)},
                         {"quarantined", std::to_string(report->quarantined)},
                         {"switch_us", std::to_string(report->switchMicros)}});
    } else {
        core::log::error("kiosk.master_data", "not applied",
                         {{"dataset", m.dataset}, {"version", std::to_string(m.version)}, {"reason", report.status().message()}});
    }
    std::lock_guard lock(m_mutex);
    if (report.ok()) {
        m_status.state = "applied";
        m_status.items = report->items;
        m_status.quarantined = report->quarantined;
        m_status.switchMicros = report->switchMicros;
    } else {
        m_status.state = report.status().kind() == core::ErrorKind::InvalidArgument ? "refused" : "failed";
        m_status.error = report.status().message();
    }
    return report.status();
}

Status MasterData::storeConfig(std::string_view payload) {
    const auto refuse = [&](const std::string& why) {
        core::log::warn("kiosk.master_data", "terminal configuration refused", {{"reason", why}});
        std::lock_guard lock(m_mutex);
        m_status.configError = "terminal configuration refused: " + why;
        return core::invalidArgument(m_status.configError);
    };
    if (Status bounded = core::checkJsonBounds(payload, kMaxConfigBytes, 16, "terminal configuration"); !bounded.ok()) {
        return refuse(bounded.message());
    }
    const auto config = nlohmann::json::parse(payload, nullptr, false);
    if (!config.is_object()) return refuse("it is not a JSON object");
    auto version = config.find("version");
    if (version == config.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1) {
        return refuse("'version' must be an integer of 1 or more");
    }
    FD_ASSIGN(auto kept, this->config());
    if (kept && kept->value("version", std::int64_t{0}) >= version->get<std::int64_t>()) return {};
    FD_ASSIGN(auto* store, m_inbox->cached("INSERT INTO settings (key, value) VALUES ('terminal_config', ?) "
                                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    FD_TRY(store->bind(1, config.dump()).run());
    core::log::info("kiosk.master_data", "terminal configuration kept", {{"version", std::to_string(version->get<std::int64_t>())}});
    std::lock_guard lock(m_mutex);
    m_status.configVersion = version->get<std::int64_t>();
    m_status.configError.clear();
    return {};
}

Result<std::optional<nlohmann::json>> MasterData::config() {
    FD_ASSIGN(auto* stmt, m_inbox->cached("SELECT value FROM settings WHERE key = 'terminal_config'"));
    std::optional<nlohmann::json> kept;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) { kept = nlohmann::json::parse(row.text(0), nullptr, false); }));
    return kept;
}

MasterDataStatus MasterData::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void MasterData::run() {
    while (true) {
        sync::DatasetManifest next;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_pending.empty(); });
            if (m_stopping) return;
            next = m_pending.begin()->second;
            m_pending.erase(m_pending.begin());
        }
        Status applied = applyNow(next);
        // A storage problem (the disk full, the file locked too long): try again a little later,
        // unless a newer version of the dataset arrived meanwhile.
        const bool retry = !applied.ok() && applied.kind() != core::ErrorKind::InvalidArgument;
        std::unique_lock lock(m_mutex);
        const auto newer = [&] { return m_stopping.load() || m_pending.count(next.dataset) > 0; };
        if (retry && !newer()) {
            if (m_wake.wait_for(lock, std::chrono::seconds(5), newer)) {
                if (m_stopping) return;
                continue;
            }
            m_pending[next.dataset] = next;
        }
    }
}

}  // namespace frontdesk::kiosk
