#pragma once
// What the sync integration tests share: the back office (ledger + effects behind a consumer),
// the relay set-up, selling, waiting on a condition, and the exactly-once check.
//
// The part above "GoogleTest-free helpers end" is inline and needs no GoogleTest, so that the
// consumer child (consumer_child.cpp) writes exactly the schema and effects the tests read.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "sync/consumer.h"
#include "sync/delivery.h"
#include "sync/ingest_ledger.h"
#include "sync/relay.h"
#include "testing/mosquitto.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::synctest {

// The back office's database: the ingest ledger's tables and one effect row per applied event.
inline const core::Schema& backOfficeSchema() {
    static const core::Schema schema{0x46444254,
                                     "test back office",
                                     {{1, sync::IngestLedger::schemaSql()},
                                      {2, "CREATE TABLE effects (event_id TEXT NOT NULL, seq INTEGER NOT NULL);"}}};
    return schema;
}

// The effect of one applied event (inside the ledger's savepoint, so it commits with the ledger).
inline core::Status recordEffect(core::Database& db, const sync::Delivery& d) {
    auto insert = db.prepare("INSERT INTO effects (event_id, seq) VALUES (?, ?)");
    if (!insert.ok()) return insert.status();
    return insert->bindAll(d.id, d.seq).run();
}

// ---- GoogleTest-free helpers end; the rest is defined in sync_test_support.cpp ----

// Waits for `done`, checking every few milliseconds, for at most `limit`: the condition is what
// the test is about, the limit only keeps a broken build from hanging CI.
bool eventually(const std::function<bool()>& done, std::chrono::seconds limit = std::chrono::seconds(60));

// The back office's side: the ingest ledger and one effect row per applied event, in a database
// of its own, behind a consumer on the broker (on `port` instead of the broker's when not 0,
// e.g. a TcpProxy's).
class BackOffice {
public:
    explicit BackOffice(const testing::MosquittoBroker& broker, int port = 0);
    ~BackOffice();

    sync::EventConsumer& consumer() { return *m_consumer; }
    // Read on the consumer's thread's database from this one: only after stop(), or through
    // a separate connection. Tests stop the consumer first.
    core::Database& db() { return *m_db; }
    void stop() { m_consumer->stop(); }

    kiosk::testing::TempDir dir;

private:
    core::SystemClock m_clock;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<sync::IngestLedger> m_ledger;
    std::unique_ptr<sync::EventConsumer> m_consumer;
};

// The relay of terminal s1-t1 on t's database, started. `adjust` may change the options (the
// broker's port, to go through a proxy; ackTimeout; keepAlive) before it starts.
// `handlers` go to the relay (master data, configuration).
std::unique_ptr<sync::OutboxRelay> startRelay(kiosk::testing::Terminal& t, const testing::MosquittoBroker& broker,
                                              const core::Clock& clock,
                                              const std::function<void(sync::RelayOptions&)>& adjust = {},
                                              sync::RelayHandlers handlers = {});

// `sales` cash sales of one item; each must commit (a failed GoogleTest assertion otherwise).
void sell(kiosk::testing::Terminal& t, int sales);

std::int64_t lastSeq(core::Database& terminalDb);
std::int64_t lastSeq(kiosk::testing::Terminal& t);
bool drained(core::Database& terminalDb);
bool drained(kiosk::testing::Terminal& t);

// What breaks "every event of the terminal took effect exactly once" between a terminal's outbox
// and a back office's database, one line per violation; "" when it holds:
// the set of (id, seq) in the outbox equals the set of effects, each effect once (count == count
// of distinct ids == outbox rows), seq contiguous 1..last, the ledger's upto for the terminal is
// last, no dead letters, and the outbox is drained (every row acknowledged).
std::string exactlyOnceViolations(core::Database& terminalDb, core::Database& officeDb,
                                  const std::string& terminal = "t1");
// The same on an in-process back office, stopped first.
void expectExactlyOnce(kiosk::testing::Terminal& t, BackOffice& office);

// Opens a back-office database another process writes (a separate connection: WAL lets it read).
std::unique_ptr<core::Database> openBackOfficeDb(const std::string& path);

}  // namespace frontdesk::synctest
