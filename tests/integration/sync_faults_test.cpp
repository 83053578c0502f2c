// Faults on the sync path: terminal outbox -> relay -> Mosquitto -> consumer committing to SQLite
// -> ack. A TcpProxy between a client and the broker cuts, stalls or throttles the link; the back
// office and the till run as processes of their own to be killed at the worst moment; and a
// randomized checker mixes every fault. After healing, always the same guarantee: every event the
// terminal committed took effect exactly once, seq contiguous, the ledger's upto at the last seq,
// no dead letters, and the outbox drained.
//
// No sleep is a synchronisation: tests wait on conditions, with generous limits that only keep a
// broken build from hanging CI. The randomized checker's short random pauses are its randomness.
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sync/broker_setup.h"
#include "sync_test_support.h"
#include "testing/child_process.h"
#include "testing/mosquitto.h"
#include "testing/tcp_proxy.h"
#include "testing/terminal.h"

namespace frontdesk {
namespace {

using namespace std::chrono_literals;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using kiosk::testing::TempDir;
using kiosk::testing::Terminal;
using synctest::BackOffice;
using synctest::drained;
using synctest::eventually;
using synctest::exactlyOnceViolations;
using synctest::expectExactlyOnce;
using synctest::lastSeq;
using synctest::sell;
using testing::ChildProcess;
using testing::MosquittoBroker;
using testing::TcpProxy;

// The highest seq the terminal has marked synced: what the back office's acks told it.
std::int64_t ackedUpTo(core::Database& terminalDb) {
    return queryInt(terminalDb, "SELECT coalesce(max(seq), 0) FROM outbox WHERE synced_at IS NOT NULL");
}

// A relay that notices faults fast: a lost ack is sent again after 500 ms, a silent link is found
// dead by keep-alive within a few seconds. `port` is the broker's or a proxy's.
std::unique_ptr<sync::OutboxRelay> startFastRelay(Terminal& t, const MosquittoBroker& broker, const core::Clock& clock,
                                                  int port) {
    return synctest::startRelay(t, broker, clock, [port](sync::RelayOptions& options) {
        options.broker.port = port;
        options.ackTimeout = 500ms;
        options.keepAlive = 1s;
    });
}

std::string tail(const std::filesystem::path& file, std::size_t bytes = 3000) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

// The back office as a process of its own (sync_consumer_child), on `port` (the broker's or a
// proxy's), committing to one database file across its restarts. Killed with the object.
class ConsumerProcess {
public:
    ConsumerProcess(const MosquittoBroker& broker, int port, const TempDir& dir)
        : m_broker(broker), m_port(port), m_db(dir.file("backoffice.db")), m_log(dir.file("consumer.log")) {}

    // Kills a running one first. dieAfterCommits > 0: it SIGKILLs itself right after that many
    // commits, before their ack.
    void start(int dieAfterCommits = 0) {
        m_child.reset();
        const auto login = m_broker.credentials("backoffice");
        std::vector<std::string> argv = {FRONTDESK_CONSUMER_CHILD_BIN, "--host", "127.0.0.1", "--port"};
        argv.insert(argv.end(), {std::to_string(m_port), "--username", login.username, "--password", login.password});
        argv.insert(argv.end(), {"--store", m_broker.store(), "--db", m_db});
        if (dieAfterCommits > 0) {
            argv.insert(argv.end(), {"--die-after-commits", std::to_string(dieAfterCommits)});
        }
        m_child = std::make_unique<ChildProcess>(argv, m_log);
    }
    bool running() { return m_child && m_child->running(); }
    std::optional<int> exitCode() const { return m_child ? m_child->exitCode() : std::nullopt; }
    void kill() {
        if (m_child) m_child->kill();
    }
    // A connection of this process to the database the child writes.
    std::unique_ptr<core::Database> openDb() const { return synctest::openBackOfficeDb(m_db); }
    std::string logTail() const { return "--- consumer log ---\n" + tail(m_log); }
    // How many deliveries the child's committed ingests held, duplicates included, over all its
    // runs (from its "commit N: D deliveries, upto U" log lines).
    std::int64_t deliveriesCommitted() const {
        std::ifstream in(m_log);
        std::int64_t total = 0;
        for (std::string line; std::getline(in, line);) {
            long n = 0;
            long count = 0;
            long long upto = 0;
            if (std::sscanf(line.c_str(), "commit %ld: %ld deliveries, upto %lld", &n, &count, &upto) == 3)
                total += count;
        }
        return total;
    }

private:
    const MosquittoBroker& m_broker;
    int m_port;
    std::string m_db;
    std::string m_log;
    std::unique_ptr<ChildProcess> m_child;
};

// ---- a. network partitions between the relay and the broker ----

class SyncFaultsPartition : public ::testing::Test {
protected:
    SyncFaultsPartition() { t.startShift(); }
    void startRelayThroughProxy() { relay = startFastRelay(t, broker, clock, proxy.port()); }
    std::string diagnostics() {
        return "relay: " + (relay ? relay->status().lastError : "not started") +
               "\noffice: " + office.consumer().status().lastError + "\n" + broker.logTail();
    }
    // The link works: what the till has sold so far is acknowledged.
    void syncedBeforeTheFault() {
        ASSERT_TRUE(eventually([&] { return office.consumer().status().online; })) << diagnostics();
        startRelayThroughProxy();
        ASSERT_NO_FATAL_FAILURE(sell(t, 5));
        ASSERT_TRUE(eventually([&] { return drained(t); })) << diagnostics();
    }

    MosquittoBroker broker;
    TcpProxy proxy{broker.port()};
    Terminal t;
    BackOffice office{broker};
    core::SystemClock clock;
    std::unique_ptr<sync::OutboxRelay> relay;
};

TEST_F(SyncFaultsPartition, ACutLinkLosesNothingAndAppliesNothingTwice) {
    ASSERT_NO_FATAL_FAILURE(syncedBeforeTheFault());
    proxy.drop();  // every connection reset, and every new one
    ASSERT_TRUE(eventually([&] { return !relay->status().online; })) << diagnostics();
    const auto refused = proxy.stats().reset;
    ASSERT_NO_FATAL_FAILURE(sell(t, 15));  // every sale commits with the link cut
    EXPECT_EQ(lastSeq(t), 21);
    // The relay keeps trying, and is refused.
    ASSERT_TRUE(eventually([&] { return proxy.stats().reset > refused; })) << diagnostics();
    EXPECT_FALSE(drained(t));  // nothing can be acknowledged through a cut
    proxy.pass();
    ASSERT_TRUE(eventually([&] { return drained(t); })) << diagnostics();
    EXPECT_GE(relay->status().connects, 2);
    relay->stop();
    expectExactlyOnce(t, office);
}

TEST_F(SyncFaultsPartition, ASilentPartitionLosesNothingAndAppliesNothingTwice) {
    ASSERT_NO_FATAL_FAILURE(syncedBeforeTheFault());
    proxy.stall();  // connections stay open, nothing moves either way
    const auto before = relay->status();
    ASSERT_NO_FATAL_FAILURE(sell(t, 15));
    // The relay publishes into the silence, hears no ack and sends again; keep-alive then finds
    // the connection dead.
    ASSERT_TRUE(eventually([&] { return relay->status().resends > before.resends; })) << diagnostics();
    ASSERT_TRUE(eventually([&] { return !relay->status().online; })) << diagnostics();
    ASSERT_NO_FATAL_FAILURE(sell(t, 5));
    EXPECT_FALSE(drained(t));
    proxy.pass();  // what the proxy held back is delivered late, the reconnect goes through
    ASSERT_TRUE(eventually([&] { return drained(t); })) << diagnostics();
    EXPECT_GE(relay->status().connects, 2);
    relay->stop();
    expectExactlyOnce(t, office);
}

TEST_F(SyncFaultsPartition, AThrottledLinkLosesNothingAndAppliesNothingTwice) {
    ASSERT_NO_FATAL_FAILURE(sell(t, 30));  // a backlog: the first message is a large batch
    // About 30 KB/s each way: the batch (some 20 KB) takes longer than the ack timeout, so the
    // relay sends it again while the first copy is still on its way; yet shorter than keep-alive.
    proxy.slow(600, 20ms);
    ASSERT_TRUE(eventually([&] { return office.consumer().status().online; })) << diagnostics();
    startRelayThroughProxy();
    ASSERT_TRUE(eventually([&] { return relay->status().online; })) << diagnostics();
    ASSERT_NO_FATAL_FAILURE(sell(t, 10));  // while it crawls
    ASSERT_TRUE(eventually([&] { return drained(t); }, 120s)) << diagnostics();
    relay->stop();
    expectExactlyOnce(t, office);
}

// ---- b. the back office killed between its commit and its ack ----

TEST(SyncFaultsConsumerCrash, ABackOfficeKilledBetweenCommitAndAckAppliesEveryEventOnce) {
    MosquittoBroker broker;
    Terminal t;
    t.startShift();
    ASSERT_NO_FATAL_FAILURE(sell(t, 10));
    TempDir dir;
    ConsumerProcess office(broker, broker.port(), dir);
    office.start(1);  // dies right after its first commit, before that commit's ack
    core::SystemClock clock;
    auto relay = startFastRelay(t, broker, clock, broker.port());
    ASSERT_TRUE(eventually([&] { return !office.running(); })) << office.logTail();
    EXPECT_EQ(office.exitCode(), 128 + SIGKILL) << office.logTail();
    {
        // The window is real: the back office holds events whose ack the terminal never got.
        auto db = office.openDb();
        EXPECT_GT(queryInt(*db, "SELECT coalesce(max(upto), 0) FROM ingest_terminals"), ackedUpTo(*t.db));
        EXPECT_EQ(ackedUpTo(*t.db), 0);
    }
    // No ack comes, so the relay sends the committed events again: the restarted back office
    // meets them as duplicates (the broker kept them for its session).
    const auto resends = relay->status().resends;
    ASSERT_TRUE(eventually([&] { return relay->status().resends > resends; })) << relay->status().lastError;
    ASSERT_NO_FATAL_FAILURE(sell(t, 5));  // the till sells on while the back office is down
    office.start();                       // restarted on the same database
    ASSERT_TRUE(eventually([&] { return drained(t); })) << relay->status().lastError << "\n" << office.logTail();
    relay->stop();
    office.kill();
    // The ledger was handed more events than there are: the duplicates were there to be refused.
    EXPECT_GT(office.deliveriesCommitted(), lastSeq(t)) << office.logTail();
    auto db = office.openDb();
    EXPECT_EQ(exactlyOnceViolations(*t.db, *db), "") << office.logTail();
}

// ---- c. the till's process killed with events in flight ----

// frontdesk-kiosk --headless reading its actions from a FIFO, so that the test decides when each
// one runs and can kill the process between any two.
class KioskProcess {
public:
    KioskProcess(const TempDir& dir, const std::string& db, const std::string& credentials, int brokerPort)
        : m_fifo(dir.file("actions.fifo")), m_log(dir.file("kiosk.log")) {
        ::unlink(m_fifo.c_str());
        if (::mkfifo(m_fifo.c_str(), 0600) != 0) throw std::runtime_error("mkfifo " + m_fifo);
        m_child = std::make_unique<ChildProcess>(
            std::vector<std::string>{FRONTDESK_KIOSK_BIN, "--headless", "--db", db, "--script", m_fifo, "--credentials",
                                     credentials, "--broker", "127.0.0.1:" + std::to_string(brokerPort)},
            m_log);
        // Opening the write end without blocking fails (ENXIO) until the till has opened the
        // read end, which it does once its database and relay are up.
        const bool opened = eventually([&] {
            m_fd = ::open(m_fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            return m_fd >= 0 || !m_child->running();
        });
        if (!opened || m_fd < 0) throw std::runtime_error("the till did not open its script:\n" + logTail());
        ::fcntl(m_fd, F_SETFL, 0);  // blocking writes from here on
    }
    ~KioskProcess() {
        if (m_fd >= 0) ::close(m_fd);
    }

    void send(const nlohmann::json& action) {
        const std::string line = action.dump() + "\n";
        if (::write(m_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            throw std::runtime_error("writing to the till's script failed:\n" + logTail());
        }
    }
    void sell() {
        send({{"action", "scan"}, {"code", kApple}});
        send({{"action", "tender"}, {"method", "cash"}, {"amount", "5.00"}});
        send({{"action", "complete"}});
    }
    int kill() { return m_child->kill(); }
    std::string logTail() const { return "--- till log ---\n" + tail(m_log); }

private:
    std::string m_fifo;
    std::string m_log;
    std::unique_ptr<ChildProcess> m_child;
    int m_fd = -1;
};

TEST(SyncFaultsKioskCrash, ATillKilledWithEventsInFlightSendsThemOnceAfterItsRestart) {
    MosquittoBroker broker;
    TcpProxy tillLink(broker.port());
    TcpProxy officeLink(broker.port());
    BackOffice office(broker, officeLink.port());
    TempDir dir;
    core::SystemClock clock;
    const std::string dbPath = dir.file("terminal.db");
    auto db = kiosk::testing::provisionTerminal(dbPath, clock, kiosk::testing::standardSeed());
    const auto credentials = (broker.dir() / sync::kBrokerCredentialsFile).string();

    // Subscribed before the till publishes (else the first events wait for the till's ack timeout).
    ASSERT_TRUE(eventually([&] { return office.consumer().status().online; }));
    auto till = std::make_unique<KioskProcess>(dir, dbPath, credentials, tillLink.port());
    till->send({{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}});
    till->send({{"action", "shift.open"}, {"float", "100.00"}});
    for (int i = 0; i < 10; ++i) till->sell();
    ASSERT_TRUE(eventually([&] { return lastSeq(*db) == 11 && drained(*db); })) << till->logTail();

    // From here the back office hears nothing, so nothing the till publishes can be acked: it all
    // stays in flight. And it leaves the till slowly, so that the kill lands mid-stream.
    officeLink.stall();
    tillLink.slow(512, 20ms);
    const auto sentBefore = tillLink.stats().bytesUpstream;
    for (int i = 0; i < 20; ++i) till->sell();
    ASSERT_TRUE(eventually([&] { return lastSeq(*db) == 31; })) << till->logTail();
    const auto firstEnvelope = kiosk::testing::envelope(*db, 12).dump().size();
    ASSERT_TRUE(eventually([&] {
        return tillLink.stats().bytesUpstream >= sentBefore + static_cast<std::int64_t>(firstEnvelope);
    })) << till->logTail();
    EXPECT_EQ(till->kill(), 128 + SIGKILL);
    till.reset();
    EXPECT_EQ(ackedUpTo(*db), 11);  // the 20 new events were in flight, none acknowledged

    // What the dead till's connection still held goes nowhere (as with a crashed host), so the
    // events that had not crossed yet must come from the outbox. Then healed, and the till
    // started again on the same database: it resumes from its outbox.
    tillLink.drop();
    tillLink.pass();
    officeLink.pass();
    std::ofstream(dir.file("restart.jsonl"))
        << nlohmann::json{{"action", "sync.status"}, {"wait_ms", 60000}}.dump() << "\n";
    auto restarted =
        testing::runCommand({FRONTDESK_KIOSK_BIN, "--headless", "--db", dbPath, "--script", dir.file("restart.jsonl"),
                             "--credentials", credentials, "--broker", "127.0.0.1:" + std::to_string(tillLink.port())},
                            90s);
    ASSERT_EQ(restarted.exitCode, 0) << restarted.output;
    bool saidDrained = false;  // the answer to sync.status, among the log lines
    std::istringstream lines(restarted.output);
    for (std::string line; std::getline(lines, line);) {
        const auto answer = nlohmann::json::parse(line, nullptr, false);
        if (answer.is_object() && answer.value("action", "") == "sync.status")
            saidDrained = answer.value("drained", false);
    }
    EXPECT_TRUE(saidDrained) << restarted.output;
    office.stop();
    EXPECT_EQ(exactlyOnceViolations(*db, office.db()), "");
}

// ---- d. a randomized checker: every fault, in random order ----

std::uint64_t envNumber(const char* name, std::uint64_t otherwise) {
    const char* text = std::getenv(name);
    return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : otherwise;
}

// One round: a fresh broker, till and back office, a random schedule of faults while the till
// sells, then everything healed and the guarantee checked. The schedule it ran is in `log`.
void runRound(std::uint64_t seed, std::string& log) {
    std::mt19937_64 random(seed);
    auto between = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    auto pause = [&](int maxMs) { std::this_thread::sleep_for(std::chrono::milliseconds(between(0, maxMs))); };
    // Mostly short, now and then longer than the relay's keep-alive (1 s; a dead link is found
    // within about two), so that faults both heal unnoticed and get noticed.
    auto faultTime = [&] { pause(between(0, 3) == 0 ? 2500 : 300); };

    MosquittoBroker broker;
    TcpProxy relayLink(broker.port());
    TcpProxy officeLink(broker.port());
    Terminal t;
    t.startShift();
    TempDir dir;
    ConsumerProcess office(broker, officeLink.port(), dir);
    office.start();
    core::SystemClock clock;
    auto relay = startFastRelay(t, broker, clock, relayLink.port());

    auto sellSome = [&](int most) {
        const int sales = between(0, most);
        log += " sell" + std::to_string(sales);
        sell(t, sales);
    };
    const int steps = between(6, 14);
    for (int step = 0; step < steps && !::testing::Test::HasFatalFailure(); ++step) {
        switch (between(0, 9)) {
            case 0:
            case 1:
                sellSome(8);
                break;
            case 2:  // a broker crash: what it had not saved is gone
                log += " | broker-kill";
                broker.kill();
                sellSome(5);
                faultTime();
                broker.restart();
                break;
            case 3:  // a hung broker, connections open
                log += " | broker-stop";
                broker.pause();
                sellSome(5);
                faultTime();
                broker.resume();
                break;
            case 4:
                log += " | relay-restart";
                relay->stop();
                relay.reset();
                sellSome(5);
                relay = startFastRelay(t, broker, clock, relayLink.port());
                break;
            case 5:
            case 6: {
                const bool relaySide = between(0, 1) == 0;
                TcpProxy& link = relaySide ? relayLink : officeLink;
                log += relaySide ? " | relay-link " : " | office-link ";
                switch (between(0, 3)) {
                    case 0:
                        log += "drop";
                        link.drop();
                        break;
                    case 1:
                        log += "stall";
                        link.stall();
                        break;
                    case 2: {
                        const int bytes = between(256, 4096);
                        const int period = between(5, 50);
                        log += "slow " + std::to_string(bytes) + "/" + std::to_string(period) + "ms";
                        link.slow(static_cast<std::size_t>(bytes), std::chrono::milliseconds(period));
                        break;
                    }
                    default:
                        log += "pass";
                        link.pass();
                        break;
                }
                break;
            }
            case 7: {  // the back office killed now, and maybe again right after some commit
                const int dieAfter = between(0, 3);
                log +=
                    " | office-kill, restart " + (dieAfter > 0 ? "dying after " + std::to_string(dieAfter) : "plain");
                office.kill();
                office.start(dieAfter);
                break;
            }
            case 8:
                if (!office.running()) {
                    log += " | office-start";
                    office.start();
                }
                break;
            default:
                log += " | wait";
                faultTime();
                break;
        }
        pause(50);
    }
    if (::testing::Test::HasFatalFailure()) return;

    // Heal everything; the back office is started again whenever it is found dead (it may still
    // be due to kill itself after some commit).
    log += " | heal";
    relayLink.pass();
    officeLink.pass();
    if (!broker.running()) broker.restart();
    ASSERT_TRUE(eventually(
        [&] {
            if (!office.running()) office.start();
            return drained(t);
        },
        120s))
        << "the outbox did not drain; relay: " << relay->status().lastError << "\n"
        << office.logTail() << broker.logTail();
    relay->stop();
    office.kill();
    auto db = office.openDb();
    EXPECT_EQ(exactlyOnceViolations(*t.db, *db), "");
    EXPECT_GT(lastSeq(t), 0);
}

TEST(SyncFaultsRandomized, EveryScheduleOfFaultsEndsWithEveryEventAppliedExactlyOnce) {
    const std::uint64_t rounds = envNumber("FRONTDESK_FAULT_ROUNDS", 6);
    const std::uint64_t base = envNumber("FRONTDESK_FAULT_SEED", std::random_device{}());
    for (std::uint64_t round = 0; round < rounds; ++round) {
        const std::uint64_t seed = base + round;
        const std::string replay = "round " + std::to_string(round + 1) + "/" + std::to_string(rounds) + ", seed " +
                                   std::to_string(seed) + " (replay: FRONTDESK_FAULT_SEED=" + std::to_string(seed) +
                                   " FRONTDESK_FAULT_ROUNDS=1)";
        std::cerr << "[ SyncFaults ] " << replay << "\n";
        std::string schedule;
        try {
            SCOPED_TRACE(replay);
            runRound(seed, schedule);
        } catch (const std::exception& e) {  // a set-up failure (the broker would not restart, ...)
            ADD_FAILURE() << "exception: " << e.what();
        }
        std::cerr << "[ SyncFaults ] schedule:" << schedule << "\n";
        if (HasFailure()) {
            ADD_FAILURE() << replay << "\nschedule:" << schedule;
            return;
        }
    }
}

}  // namespace
}  // namespace frontdesk
