// A real till, a real Mosquitto and a real consumer committing to SQLite: every event the till
// commits arrives, takes effect once, is acked, and the outbox drains, across broker crashes,
// pauses and relay restarts.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "kiosk/outbox_source.h"
#include "sync/consumer.h"
#include "sync/ingest_ledger.h"
#include "sync/relay.h"
#include "sync/broker_setup.h"
#include "testing/child_process.h"
#include "testing/mosquitto.h"
#include "testing/terminal.h"

namespace frontdesk {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using kiosk::testing::Terminal;
using testing::MosquittoBroker;

// Waits for `done`, checking every few milliseconds, for at most `limit`: the condition is what
// the test is about, the limit only keeps a broken build from hanging CI.
bool eventually(const std::function<bool()>& done, std::chrono::seconds limit = std::chrono::seconds(60)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// The back office's side: the ingest ledger and one effect row per applied event, in a database
// of its own, behind a consumer on the broker.
class BackOffice {
public:
    explicit BackOffice(const MosquittoBroker& broker) {
        static const core::Schema schema{0x46444254, "test back office",
                                         {{1, sync::IngestLedger::schemaSql()},
                                          {2, "CREATE TABLE effects (event_id TEXT NOT NULL, seq INTEGER NOT NULL);"}}};
        auto db = core::Database::open(dir.file("backoffice.db"), schema);
        if (!db.ok()) throw std::runtime_error(db.status().toString());
        m_db = std::move(db).value();
        m_ledger = std::make_unique<sync::IngestLedger>(*m_db, m_clock);
        const auto login = broker.credentials("backoffice");
        sync::ConsumerOptions options{broker.store(), {login.host, login.port}, login.username, login.password};
        options.reconnectMin = std::chrono::milliseconds(20);
        options.reconnectMax = std::chrono::milliseconds(200);
        m_consumer = std::make_unique<sync::EventConsumer>(
            options, [this](const sync::TerminalAddress& from, const std::vector<sync::Delivery>& deliveries) {
                return m_ledger->ingest(from, deliveries, [this](const sync::Delivery& d) {
                    auto insert = m_db->prepare("INSERT INTO effects (event_id, seq) VALUES (?, ?)");
                    if (!insert.ok()) return insert.status();
                    return insert->bindAll(d.id, d.seq).run();
                });
            });
        if (core::Status started = m_consumer->start(); !started.ok()) throw std::runtime_error(started.toString());
    }
    ~BackOffice() { m_consumer->stop(); }

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

std::unique_ptr<sync::OutboxRelay> startRelay(Terminal& t, const MosquittoBroker& broker, const core::Clock& clock) {
    auto source = kiosk::OutboxSource::open(t.db->path(), clock);
    if (!source.ok()) throw std::runtime_error(source.status().toString());
    const auto login = broker.credentials("t1");
    sync::RelayOptions options;
    options.address = {"s1", "t1"};
    options.broker = {login.host, login.port};
    options.username = login.username;
    options.password = login.password;
    options.softwareVersion = "test";
    options.pollInterval = std::chrono::milliseconds(10);
    options.reconnectMin = std::chrono::milliseconds(20);
    options.reconnectMax = std::chrono::milliseconds(200);
    options.ackTimeout = std::chrono::milliseconds(2000);
    auto relay = std::make_unique<sync::OutboxRelay>(options, std::move(source).value(), clock);
    if (core::Status started = relay->start(); !started.ok()) throw std::runtime_error(started.toString());
    return relay;
}

void sell(Terminal& t, int sales) {
    for (int i = 0; i < sales; ++i) {
        ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
        ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
        auto sale = t.checkout().complete();
        ASSERT_TRUE(sale.ok()) << sale.status().toString();
    }
}

std::int64_t lastSeq(Terminal& t) { return queryInt(*t.db, "SELECT coalesce(max(seq), 0) FROM outbox"); }

bool drained(Terminal& t) {
    return queryInt(*t.db, "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 0;
}

// Every event of the terminal took effect exactly once, and the back office agrees on upto.
void expectExactlyOnce(Terminal& t, BackOffice& office) {
    office.stop();
    const auto last = lastSeq(t);
    EXPECT_EQ(queryInt(office.db(), "SELECT count(*) FROM effects"), last);
    EXPECT_EQ(queryInt(office.db(), "SELECT count(DISTINCT event_id) FROM effects"), last);
    EXPECT_EQ(queryInt(office.db(), "SELECT coalesce(max(seq), 0) FROM effects"), last);
    EXPECT_EQ(queryInt(office.db(), "SELECT upto FROM ingest_terminals WHERE terminal = 't1'"), last);
    EXPECT_EQ(queryInt(office.db(), "SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter'"), 0);
    EXPECT_TRUE(drained(t));
}

// A broker, a till with an open shift, a back office consuming, and the relay between them.
class SyncEndToEnd : public ::testing::Test {
protected:
    SyncEndToEnd() { t.startShift(); }
    void startRelayNow() { relay = startRelay(t, broker, clock); }

    MosquittoBroker broker;
    Terminal t;
    BackOffice office{broker};
    core::SystemClock clock;
    std::unique_ptr<sync::OutboxRelay> relay;
};

TEST_F(SyncEndToEnd, EveryCommittedEventArrivesOnceIsAckedAndTheOutboxDrains) {
    sell(t, 30);
    startRelayNow();
    sell(t, 20);  // while the relay runs
    ASSERT_TRUE(eventually([&] { return drained(t); })) << relay->status().lastError << "\n" << broker.logTail();
    auto status = relay->status();
    EXPECT_TRUE(status.online);
    EXPECT_EQ(status.acknowledgedUpTo, lastSeq(t));
    EXPECT_EQ(status.outboxDepth, 0);
    relay->stop();
    expectExactlyOnce(t, office);
}

TEST_F(SyncEndToEnd, TheTillSellsWhileTheBrokerIsDownAndEverythingArrivesAfter) {
    startRelayNow();
    sell(t, 5);
    ASSERT_TRUE(eventually([&] { return relay->status().online; })) << relay->status().lastError;
    broker.kill();
    sell(t, 15);  // every sale commits with no broker at all
    EXPECT_EQ(lastSeq(t), 21);
    broker.restart();
    ASSERT_TRUE(eventually([&] { return drained(t); })) << relay->status().lastError << "\n" << broker.logTail();
    EXPECT_GE(relay->status().connects, 2);
    relay->stop();
    expectExactlyOnce(t, office);
}

TEST_F(SyncEndToEnd, APausedBrokerAndARestartedRelayLoseNothingAndApplyNothingTwice) {
    startRelayNow();
    sell(t, 10);
    broker.pause();
    sell(t, 10);
    broker.resume();
    relay->stop();  // the relay process goes away mid-stream and comes back
    relay.reset();
    sell(t, 5);
    startRelayNow();
    ASSERT_TRUE(eventually([&] { return drained(t); })) << relay->status().lastError << "\n" << broker.logTail();
    relay->stop();
    expectExactlyOnce(t, office);
}

TEST_F(SyncEndToEnd, PresenceShowsTheBirthAndTheGoodbye) {
    startRelayNow();
    ASSERT_TRUE(eventually([&] {
        auto terminals = office.consumer().status().terminals;
        return terminals.count("t1") && terminals.at("t1").online;
    }));
    const auto birth = office.consumer().status().terminals.at("t1");
    EXPECT_GE(birth.bdseq, 1);
    EXPECT_EQ(birth.birth["version"], "test");
    EXPECT_EQ(birth.birth["datasets"]["catalog"], queryInt(*t.db, "SELECT value FROM settings WHERE key = 'price_version'"));
    relay->stop();
    ASSERT_TRUE(eventually([&] { return !office.consumer().status().terminals.at("t1").online; }));
    EXPECT_EQ(office.consumer().status().terminals.at("t1").bdseq, birth.bdseq);
}

// ---- the till binary: `frontdesk-kiosk --headless --credentials ...` ----

struct KioskRun {
    testing::CommandResult result;
    std::vector<nlohmann::json> answers;
};

// Provisions a terminal from the standard seed and plays `lines` through the real binary.
KioskRun runKiosk(const kiosk::testing::TempDir& dir, const std::vector<nlohmann::json>& lines,
                  std::vector<std::string> extra) {
    std::ofstream(dir.file("seed.json")) << kiosk::testing::standardSeed().dump();
    std::ofstream script(dir.file("script.jsonl"));
    for (const auto& line : lines) script << line.dump() << "\n";
    script.close();
    std::vector<std::string> argv = {FRONTDESK_KIOSK_BIN, "--headless", "--db", dir.file("t.db"), "--seed",
                                     dir.file("seed.json"), "--script", dir.file("script.jsonl")};
    argv.insert(argv.end(), extra.begin(), extra.end());
    KioskRun run{testing::runCommand(argv, std::chrono::seconds(90)), {}};
    std::istringstream out(run.result.output);
    for (std::string line; std::getline(out, line);) {
        auto parsed = nlohmann::json::parse(line, nullptr, false);
        if (!parsed.is_discarded()) run.answers.push_back(parsed);
    }
    return run;
}

TEST(KioskSync, AHeadlessTillSyncsThroughTheBrokerWithItsOwnCredentials) {
    MosquittoBroker broker;
    BackOffice office(broker);
    kiosk::testing::TempDir dir;
    const auto credentials = (broker.dir() / sync::kBrokerCredentialsFile).string();
    auto run = runKiosk(dir,
                        {{{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}},
                         {{"action", "shift.open"}, {"float", "100.00"}},
                         {{"action", "scan"}, {"code", kApple}},
                         {{"action", "tender"}, {"method", "cash"}, {"amount", "5.00"}},
                         {{"action", "complete"}},
                         {{"action", "sync.status"}, {"wait_ms", 30000}}},
                        {"--credentials", credentials, "--broker", "127.0.0.1:" + std::to_string(broker.port())});
    ASSERT_EQ(run.result.exitCode, 0) << run.result.output;
    ASSERT_FALSE(run.answers.empty());
    const auto& status = run.answers.back();
    EXPECT_EQ(status["action"], "sync.status");
    EXPECT_EQ(status["drained"], true) << status.dump();
    EXPECT_EQ(status["sync"]["acknowledged_upto"], 2) << status.dump();
    EXPECT_EQ(status["sync"]["outbox_depth"], 0);
    EXPECT_EQ(status["sync"]["online"], true);
    office.stop();
    EXPECT_EQ(queryInt(office.db(), "SELECT count(*) FROM effects"), 2);
}

TEST(KioskSync, AnotherTerminalsCredentialsAreRefusedAtStart) {
    MosquittoBroker broker;
    kiosk::testing::TempDir dir;
    const auto credentials = (broker.dir() / sync::kBrokerCredentialsFile).string();
    auto run = runKiosk(dir, {}, {"--credentials", credentials, "--terminal-user", "t2"});
    EXPECT_EQ(run.result.exitCode, 1) << run.result.output;
    EXPECT_NE(run.result.output.find("the credentials are for s1-t2, this terminal is s1-t1"), std::string::npos)
        << run.result.output;
}

TEST(KioskSync, WithoutSyncTheStatusActionSaysHowToTurnItOn) {
    kiosk::testing::TempDir dir;
    auto run = runKiosk(dir, {{{"action", "sync.status"}}}, {});
    ASSERT_EQ(run.answers.size(), 2u) << run.result.output;  // the seed import, then the action
    EXPECT_EQ(run.answers[1]["error"], "failed_precondition");
    EXPECT_NE(run.answers[1]["message"].get<std::string>().find("--credentials"), std::string::npos);
}

}  // namespace
}  // namespace frontdesk
