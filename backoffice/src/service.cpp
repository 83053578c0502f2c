#include "backoffice/service.h"

#include "backoffice/backoffice_db.h"
#include "backoffice/effects.h"
#include "backoffice/reception.h"
#include "core/log.h"
#include "sync/dataset.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;

Result<std::unique_ptr<IngestService>> IngestService::open(ServiceOptions options, const core::Clock& clock) {
    FD_ASSIGN(auto db, openBackOfficeDb(options.dbPath, true));
    FD_TRY(loadStore(*db, options.consumer.store).status());
    return std::unique_ptr<IngestService>(new IngestService(std::move(options), std::move(db), clock));
}

IngestService::IngestService(ServiceOptions options, std::unique_ptr<core::Database> db, const core::Clock& clock)
    : m_options(std::move(options)),
      m_clock(clock),
      m_db(std::move(db)),
      m_ledger(std::make_unique<sync::IngestLedger>(*m_db, clock)),
      m_effects(std::make_unique<EventEffects>(*m_db)) {
    m_consumer = std::make_unique<sync::EventConsumer>(
        m_options.consumer, [this](const sync::TerminalAddress& from, const std::vector<sync::Delivery>& deliveries) {
            return m_ledger->ingest(from, deliveries, [this](const sync::Delivery& d) { return m_effects->apply(d); });
        });
}

IngestService::~IngestService() { stop(); }

Status IngestService::start() {
    core::log::info("backoffice", "ingesting", {{"store", m_options.consumer.store}, {"db", m_options.dbPath}});
    FD_TRY(m_consumer->start());
    m_publisher = std::thread([this] { publishDatasets(); });
    return {};
}

void IngestService::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_publisher.joinable()) m_publisher.join();
    if (m_consumer) m_consumer->stop();
}

namespace {

// A version of a dataset as cut for the terminals: the newest (version 0) or a given one. The
// catalog keeps its versions in catalog_versions, the others in dataset_versions.
Result<std::optional<sync::DatasetVersion>> storedVersion(core::Database& db, const std::string& dataset,
                                                          const std::string& store, std::int64_t version) {
    FD_ASSIGN(auto* stmt, dataset == "catalog"
                              ? db.cached("SELECT version, body FROM catalog_versions WHERE ?1 <> '' AND store = ?2"
                                          " AND (?3 = 0 OR version = ?3) ORDER BY version DESC LIMIT 1")
                              : db.cached("SELECT version, body FROM dataset_versions WHERE dataset = ?1 AND store = ?2"
                                          " AND (?3 = 0 OR version = ?3) ORDER BY version DESC LIMIT 1"));
    std::optional<std::pair<std::int64_t, std::string>> row;
    FD_TRY(stmt->bindAll(dataset, store, version).forEachRow([&](const core::Statement& r) { row.emplace(r.int64(0), r.text(1)); }));
    if (!row) return std::optional<sync::DatasetVersion>();
    FD_ASSIGN(auto made, sync::makeDatasetVersion(dataset, row->first, row->second));
    return std::optional<sync::DatasetVersion>(std::move(made));
}

}  // namespace

// Looks for new dataset versions every second (an import or a staff change may be another
// process: the CLI) and publishes each newest version; the version before it is withdrawn once
// the new manifest is out.
void IngestService::publishDatasets() {
    auto db = openBackOfficeDb(m_options.dbPath, false);
    if (!db.ok()) return core::log::error("backoffice", "cannot publish datasets", {{"reason", db.status().message()}});
    const std::string& store = m_options.consumer.store;
    struct Published {
        std::int64_t version = 0;
        std::optional<sync::DatasetManifest> manifest;
    };
    std::array<Published, kDatasets.size()> published{};
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        if (auto cut = Reception(**db, m_clock).cutDatasets(store, kReceptionCutInterval); !cut.ok()) {
            core::log::error("backoffice", "reception datasets not cut", {{"reason", cut.status().message()}});
        }
        for (std::size_t i = 0; i < kDatasets.size(); ++i) {
            const std::string dataset = kDatasets[i];
            auto latest = storedVersion(**db, dataset, store, 0);
            if (!latest.ok()) {
                core::log::error("backoffice", "dataset version not published",
                                 {{"dataset", dataset}, {"reason", latest.status().message()}});
                continue;
            }
            if (!*latest || (*latest)->manifest.version <= published[i].version) continue;
            const sync::DatasetVersion& version = **latest;
            for (auto& message : sync::publishMessages(store, version)) m_consumer->publish(std::move(message));
            // After a restart, the version before it (its chunks are still on the broker).
            // (Version 0 would ask storedVersion for the newest: the one just published.)
            if (!published[i].manifest && version.manifest.version > 1) {
                auto before = storedVersion(**db, dataset, store, version.manifest.version - 1);
                if (before.ok() && *before) published[i].manifest = (*before)->manifest;
            }
            if (published[i].manifest) {
                for (auto& message : sync::withdrawMessages(store, *published[i].manifest)) m_consumer->publish(std::move(message));
            }
            published[i] = {version.manifest.version, version.manifest};
            core::log::info("backoffice", "dataset published",
                            {{"store", store}, {"dataset", dataset}, {"version", std::to_string(version.manifest.version)},
                             {"chunks", std::to_string(version.chunks.size())}});
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::seconds(1), [&] { return m_stopping; });
    }
}

sync::ConsumerStatus IngestService::status() const { return m_consumer->status(); }

}  // namespace frontdesk::backoffice
