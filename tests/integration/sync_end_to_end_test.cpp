// A real till, a real Mosquitto and a real consumer committing to SQLite: every event the till
// commits arrives, takes effect once, is acked, and the outbox drains, across broker crashes,
// pauses and relay restarts.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "sync/broker_setup.h"
#include "sync_test_support.h"
#include "testing/child_process.h"
#include "testing/mosquitto.h"
#include "testing/terminal.h"

namespace frontdesk {
namespace {

using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using kiosk::testing::Terminal;
using synctest::BackOffice;
using synctest::drained;
using synctest::eventually;
using synctest::expectExactlyOnce;
using synctest::lastSeq;
using synctest::sell;
using synctest::startRelay;
using testing::MosquittoBroker;

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

// A late will: the broker publishes an earlier connection's will after the terminal has already
// come back with a newer birth (bdseq). The back office must keep the terminal online.
TEST(SyncPresence, ALateWillOfAnEarlierConnectionIsIgnored) {
    MosquittoBroker broker;
    BackOffice office(broker);
    const auto status = sync::terminalTopic({"s1", "t1"}, sync::Channel::Status);
    const auto publishOn = [&](const std::string& topic, const std::string& payload) {
        auto args = broker.clientArgs("mosquitto_pub", "t1");
        for (const char* arg : {"-q", "1", "-t"}) args.push_back(arg);
        args.push_back(topic);
        if (topic == status) args.push_back("-r");  // presence is retained
        args.push_back("-m");
        args.push_back(payload);
        const auto sent = testing::runCommand(args);
        ASSERT_EQ(sent.exitCode, 0) << sent.output;
    };
    const auto publish = [&](const std::string& payload) { publishOn(status, payload); };
    const auto presence = [&] {
        auto terminals = office.consumer().status().terminals;
        return terminals.count("t1") ? terminals.at("t1") : sync::TerminalPresence{};
    };
    publish(R"({"online": true, "bdseq": 5, "since": "2026-12-01T08:00:00.000Z", "version": "t", "outbox": 0, "datasets": {}})");
    ASSERT_TRUE(eventually([&] { return presence().online && presence().bdseq == 5; }));
    publish(R"({"online": false, "bdseq": 4})");  // the will of connection 4, arriving late
    // A marker after it, on the same connection: the consumer handles messages in order, so once
    // it has seen the marker it has handled the will.
    publishOn(sync::terminalTopic({"s1", "t1"}, sync::Channel::Events), "[]");
    ASSERT_TRUE(eventually([&] { return office.consumer().status().messages == 1; }));
    EXPECT_TRUE(presence().online);
    EXPECT_EQ(presence().bdseq, 5);
    publish(R"({"online": false, "bdseq": 5})");  // the current connection's will counts
    ASSERT_TRUE(eventually([&] { return !presence().online; }));
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
                        {"--credentials", credentials, "--broker", "127.0.0.1:" + std::to_string(broker.port()),
                         "--log-file", dir.file("kiosk.log"), "--log-json"});
    ASSERT_EQ(run.result.exitCode, 0) << run.result.output;
    ASSERT_FALSE(run.answers.empty());
    // The log says what happened, as JSON lines, and never the broker password.
    const std::string log = kiosk::testing::readFileBytes(dir.file("kiosk.log"));
    EXPECT_NE(log.find(R"("component":"sync.relay","msg":"connected")"), std::string::npos) << log;
    EXPECT_EQ(log.find(broker.credentials("t1").password), std::string::npos) << log;
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
