#include "backoffice/service.h"

#include "backoffice/backoffice_db.h"
#include "backoffice/effects.h"
#include "core/log.h"

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
    return m_consumer->start();
}

void IngestService::stop() {
    if (m_consumer) m_consumer->stop();
}

sync::ConsumerStatus IngestService::status() const { return m_consumer->status(); }

}  // namespace frontdesk::backoffice
