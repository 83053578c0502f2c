#pragma once
// The back office, running against the store's broker (docs/backoffice.md); what
// `frontdesk-backoffice serve` runs:
// - ingest: one consumer, each message's events admitted by the ingest ledger and applied by
//   EventEffects in one transaction of the back-office database, then acked;
// - catalog: the newest catalog version published to the terminals (retained chunks and
//   manifest), at start and whenever an import makes a new one; the previous version's chunks
//   taken off the broker.
//
// The database connection is the consumer thread's alone once start() returned; the publisher
// and reports open connections of their own.

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

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
    // The datasets the back office publishes to the store's terminals, each as its newest version.
    static constexpr std::array<const char*, 5> kDatasets{"catalog", "staff", "members", "bookings", "blocklist"};
    // A reception dataset changed (a member, a booking, a check-in) is cut again at most this often.
    static constexpr std::chrono::seconds kReceptionCutInterval{10};

private:
    IngestService(ServiceOptions options, std::unique_ptr<core::Database> db, const core::Clock& clock);
    void publishDatasets();

    ServiceOptions m_options;
    const core::Clock& m_clock;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<sync::IngestLedger> m_ledger;
    std::unique_ptr<EventEffects> m_effects;
    std::unique_ptr<sync::EventConsumer> m_consumer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;  // guarded by m_mutex
    std::thread m_publisher;
};

}  // namespace frontdesk::backoffice
