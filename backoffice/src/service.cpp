#include "backoffice/service.h"

#include "backoffice/backoffice_db.h"
#include "backoffice/catalog.h"
#include "backoffice/effects.h"
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
    m_publisher = std::thread([this] { publishCatalogs(); });
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

Result<sync::DatasetVersion> catalogVersion(const CatalogVersion& v) {
    return sync::makeDatasetVersion("catalog", v.version, v.body);
}

// The manifest of the version before `version`, as it was published (its chunks are still on the
// broker after a restart of the back office), if there is one.
std::optional<sync::DatasetManifest> publishedBefore(core::Database& db, const std::string& store, std::int64_t version) {
    auto stmt = db.cached("SELECT body FROM catalog_versions WHERE store = ? AND version = ?");
    if (!stmt.ok()) return std::nullopt;
    std::optional<sync::DatasetManifest> manifest;
    (void)(*stmt)->bindAll(store, version - 1).forEachRow([&](const core::Statement& row) {
        auto old = catalogVersion({store, version - 1, row.text(0)});
        if (old.ok()) manifest = old->manifest;
    });
    return manifest;
}

}  // namespace

// Looks for a new catalog version every second (an import is another process: `catalog import`).
void IngestService::publishCatalogs() {
    auto db = openBackOfficeDb(m_options.dbPath, false);
    if (!db.ok()) return core::log::error("backoffice", "cannot publish catalogs", {{"reason", db.status().message()}});
    const std::string& store = m_options.consumer.store;
    std::optional<sync::DatasetManifest> previous;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        auto latest = latestCatalog(**db, store);
        if (!latest.ok()) {
            core::log::warn("backoffice", "reading the catalog", {{"reason", latest.status().message()}});
        } else if (*latest && (*latest)->version > m_publishedCatalog) {
            auto version = catalogVersion(**latest);
            if (!version.ok()) {
                core::log::error("backoffice", "catalog version not published", {{"reason", version.status().message()}});
            } else {
                for (auto& message : sync::publishMessages(store, *version)) m_consumer->publish(std::move(message));
                // The version before it is done with once the new manifest is out.
                if (!previous) previous = publishedBefore(**db, store, (*latest)->version);
                if (previous) {
                    for (auto& message : sync::withdrawMessages(store, *previous)) m_consumer->publish(std::move(message));
                }
                previous = version->manifest;
                m_publishedCatalog = (*latest)->version;
                core::log::info("backoffice", "catalog published",
                                {{"store", store}, {"version", std::to_string((*latest)->version)},
                                 {"chunks", std::to_string(version->chunks.size())}});
            }
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::seconds(1), [&] { return m_stopping; });
    }
}

sync::ConsumerStatus IngestService::status() const { return m_consumer->status(); }

}  // namespace frontdesk::backoffice
