#pragma once
// The back office's ingest, running: one consumer on the store's broker, each message's events
// admitted by the ingest ledger and applied by EventEffects in one transaction of the back-office
// database, then acked (docs/backoffice.md). What `frontdesk-backoffice serve` runs.
//
// The database connection is the consumer thread's alone once start() returned; reports open
// connections of their own.

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "sync/consumer.h"
#include "sync/ingest_ledger.h"

namespace frontdesk::backoffice {

class EventEffects;

struct ServiceOptions {
    std::string dbPath;
    sync::ConsumerOptions consumer;  // store, broker, the back office's login
};

class IngestService {
public:
    // Opens (creating) the database; the store must be configured in it.
    static core::Result<std::unique_ptr<IngestService>> open(ServiceOptions options, const core::Clock& clock);
    ~IngestService();  // stops
    IngestService(const IngestService&) = delete;
    IngestService& operator=(const IngestService&) = delete;

    [[nodiscard]] core::Status start();
    void stop();
    [[nodiscard]] sync::ConsumerStatus status() const;
    sync::EventConsumer& consumer() { return *m_consumer; }

private:
    IngestService(ServiceOptions options, std::unique_ptr<core::Database> db, const core::Clock& clock);

    ServiceOptions m_options;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<sync::IngestLedger> m_ledger;
    std::unique_ptr<EventEffects> m_effects;
    std::unique_ptr<sync::EventConsumer> m_consumer;  // declared last: stops first
};

}  // namespace frontdesk::backoffice
