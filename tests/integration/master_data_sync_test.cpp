// Master data over a real broker: the back office publishes a catalog version (chunks and a
// manifest, retained); the terminal's relay fetches it into MasterData, which applies it while
// the till sells. A transfer interrupted by a terminal restart resumes from the chunks it kept; a
// damaged chunk is refused and the version waits until a good one is published.
#include <gtest/gtest.h>

#include "kiosk/master_data.h"
#include "kiosk/outbox_source.h"
#include "sync/dataset.h"
#include "sync_test_support.h"

namespace frontdesk {
namespace {

using kiosk::testing::catalogDataset;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using synctest::eventually;

// One cash sale of an apple, paid with 5.00 whatever its price.
void sellOne(kiosk::testing::Terminal& t) {
    ASSERT_TRUE(t.checkout().scan(kApple, kiosk::testing::dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(kiosk::testing::eur(500)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
}

// A 300,000-item catalog in an optimised build (the size the product must handle); a tenth of
// it under the sanitizers, which run the same paths ten times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kLargeCatalog = 30000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kLargeCatalog = 30000;
#else
constexpr int kLargeCatalog = 300000;
#endif
#else
constexpr int kLargeCatalog = 300000;
#endif

// The terminal's sync: MasterData applying on its thread, and the relay feeding it.
struct TerminalSync {
    TerminalSync(kiosk::testing::Terminal& t, const testing::MosquittoBroker& broker, const core::Clock& clock) {
        auto opened = kiosk::MasterData::open(t.db->path(), clock, t.till->boundary());
        if (!opened.ok()) throw std::runtime_error(opened.status().toString());
        data = std::move(opened).value();
        data->start();
        sync::RelayHandlers handlers;
        handlers.datasets = data.get();
        handlers.config = [this](const std::string& payload) { (void)data->storeConfig(payload); };
        relay = synctest::startRelay(t, broker, clock, {}, std::move(handlers));
    }
    std::unique_ptr<kiosk::MasterData> data;
    std::unique_ptr<sync::OutboxRelay> relay;  // stops first
};

class MasterDataSync : public ::testing::Test {
protected:
    std::int64_t priceVersion() { return queryInt(*t.db, "SELECT value FROM settings WHERE key = 'price_version'"); }
    void publish(const std::vector<sync::Message>& messages) {
        for (const auto& m : messages) office.consumer().publish(m);
    }

    testing::MosquittoBroker broker;
    kiosk::testing::Terminal t;
    synctest::BackOffice office{broker};
    core::SystemClock clock;
};

TEST_F(MasterDataSync, ALargeCatalogInterruptedMidTransferResumesAndIsAppliedWhileTheTillSells) {
    t.startShift();
    auto version = sync::makeDatasetVersion("catalog", 9, catalogDataset(9, kLargeCatalog, "2.79"));
    ASSERT_TRUE(version.ok()) << version.status().toString();
    const auto total = static_cast<std::int64_t>(version->chunks.size());
    publish(sync::publishMessages(broker.store(), *version));

    auto terminal = std::make_unique<TerminalSync>(t, broker, clock);
    const auto stored = [&] { return queryInt(*t.db, "SELECT count(*) FROM dataset_chunks WHERE version = 9"); };
    ASSERT_TRUE(eventually([&] { return stored() >= total / 3; })) << terminal->relay->status().lastError;
    terminal.reset();  // the terminal goes away mid-transfer
    const auto kept = stored();
    ASSERT_LT(kept, total);
    EXPECT_EQ(priceVersion(), 7);

    terminal = std::make_unique<TerminalSync>(t, broker, clock);
    bool soldDuringApply = false;
    ASSERT_TRUE(eventually(
        [&] {
            // The till sells throughout; at least once while the version is being applied.
            if (terminal->data->status().state == "applying" && !soldDuringApply) {
                sellOne(t);
                soldDuringApply = true;
            }
            return terminal->data->status().state == "applied";
        },
        std::chrono::seconds(300)))
        << terminal->data->status().toJson().dump() << " " << terminal->relay->status().lastError;
    // Resumed: only what was missing came again (at most a window of chunks in flight twice).
    const auto received = terminal->relay->status().chunksReceived;
    EXPECT_GE(received, total - kept);
    EXPECT_LT(received, total - kept + 8);
    EXPECT_TRUE(soldDuringApply);

    EXPECT_EQ(priceVersion(), 9);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), kLargeCatalog + 2);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM dataset_chunks"), 0);
    auto apple = t.till->catalog().byBarcode(kApple);
    ASSERT_TRUE(apple.ok());
    EXPECT_EQ(apple->priceMinor, 279);
    // The birth says so: the back office sees which version the terminal runs.
    ASSERT_TRUE(eventually([&] {
        auto terminals = office.consumer().status().terminals;
        return terminals.count("t1") && terminals.at("t1").birth["datasets"]["catalog"] == 9;
    }));
}

TEST_F(MasterDataSync, ADamagedChunkIsRefusedAndTheVersionWaitsForAGoodOne) {
    auto version = sync::makeDatasetVersion("catalog", 10, catalogDataset(10, 2000), 16 * 1024);
    ASSERT_TRUE(version.ok());
    auto messages = sync::publishMessages(broker.store(), *version);
    const std::string good = messages[1].payload;
    messages[1].payload[50] ^= 0x01;
    publish(messages);

    TerminalSync terminal(t, broker, clock);
    ASSERT_TRUE(eventually([&] { return terminal.relay->status().refusedChunks >= 1; }));
    ASSERT_TRUE(eventually([&] {
        auto s = terminal.relay->status();
        return s.transfers.count("catalog") &&
               s.transfers.at("catalog").chunksStored == s.transfers.at("catalog").chunksTotal - 1;
    })) << sync::syncStatusJson(terminal.relay->status()).dump();
    EXPECT_NE(terminal.relay->status().lastError.find("chunk 1 of catalog version 10 does not match its SHA-256"),
              std::string::npos)
        << terminal.relay->status().lastError;
    EXPECT_EQ(priceVersion(), 7);
    EXPECT_EQ(terminal.data->status().state, "idle");

    office.consumer().publish({sync::chunkTopic(broker.store(), "catalog", 10, 1), good, true});
    ASSERT_TRUE(eventually([&] { return terminal.data->status().state == "applied"; }))
        << terminal.data->status().toJson().dump();
    EXPECT_EQ(priceVersion(), 10);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 2002);
}

TEST_F(MasterDataSync, ManifestsOfOtherDatasetsAreIgnoredAndAMalformedOneIsReportedNotFatal) {
    TerminalSync terminal(t, broker, clock);
    ASSERT_TRUE(eventually([&] { return terminal.relay->status().online; }));
    // A dataset this terminal does not take (a later product's): its manifest is ignored.
    auto loyalty = sync::makeDatasetVersion("loyalty", 3, "{}\n");
    ASSERT_TRUE(loyalty.ok());
    publish(sync::publishMessages(broker.store(), *loyalty));
    office.consumer().publish({sync::masterTopic(broker.store(), "catalog"), "{\"dataset\": \"catalog\"", true});
    ASSERT_TRUE(eventually([&] { return !terminal.relay->status().lastError.empty(); }));
    EXPECT_NE(terminal.relay->status().lastError.find("dataset manifest"), std::string::npos)
        << terminal.relay->status().lastError;
    // Still working: a good version after it is applied.
    auto version = sync::makeDatasetVersion("catalog", 8, catalogDataset(8, 10));
    ASSERT_TRUE(version.ok());
    publish(sync::publishMessages(broker.store(), *version));
    ASSERT_TRUE(eventually([&] { return terminal.data->status().state == "applied"; }));
    EXPECT_EQ(priceVersion(), 8);
    // The relay drops a finished transfer from its status at its next look at the running versions.
    EXPECT_TRUE(eventually([&] { return terminal.relay->status().transfers.empty(); }))
        << sync::syncStatusJson(terminal.relay->status()).dump();
}

TEST_F(MasterDataSync, TheTerminalKeepsTheConfigurationPublishedForIt) {
    office.consumer().publish(
        {sync::terminalTopic({"s1", "t1"}, sync::Channel::Config), R"({"version": 4, "mode": "reception"})", true});
    TerminalSync terminal(t, broker, clock);
    ASSERT_TRUE(eventually([&] { return terminal.data->status().configVersion == 4; }));
    EXPECT_EQ((**terminal.data->config())["mode"], "reception");
}

}  // namespace
}  // namespace frontdesk
