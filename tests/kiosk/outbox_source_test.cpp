// The outbox as the sync relay reads it: in seq order, on a connection of its own, marked synced
// only up to what the back office acknowledged.
#include "kiosk/outbox_source.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace frontdesk::kiosk::testing {
namespace {

// Opens the shift and completes `sales` one-item cash sales: 1 + sales events.
void sellMany(Terminal& t, int sales) {
    t.startShift();
    for (int i = 0; i < sales; ++i) {
        ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
        ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
        ASSERT_TRUE(t.checkout().complete().ok());
    }
}

std::unique_ptr<OutboxSource> openSource(Terminal& t) {
    auto source = OutboxSource::open(t.db->path(), t.clock);
    EXPECT_TRUE(source.ok()) << source.status().toString();
    return source.ok() ? std::move(source).value() : nullptr;
}

TEST(OutboxSource, ReadsEventsInSeqOrderExactlyAsStored) {
    Terminal t;
    sellMany(t, 3);
    auto source = openSource(t);
    ASSERT_NE(source, nullptr);
    auto all = source->eventsAfter(0, 100);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 4u);
    for (std::size_t i = 0; i < all->size(); ++i) {
        const auto& event = (*all)[i];
        EXPECT_EQ(event.seq, static_cast<std::int64_t>(i) + 1);
        EXPECT_EQ(event.envelope,
                  queryText(*t.db, "SELECT envelope FROM outbox WHERE seq = " + std::to_string(event.seq)));
        EXPECT_EQ(event.id, queryText(*t.db, "SELECT id FROM outbox WHERE seq = " + std::to_string(event.seq)));
    }
    auto page = source->eventsAfter(1, 2);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ(page->front().seq, 2);
    EXPECT_TRUE(source->eventsAfter(4, 10)->empty());
}

TEST(OutboxSource, AcknowledgeMarksAPrefixSyncedAndIsIdempotent) {
    Terminal t;
    sellMany(t, 3);
    auto source = openSource(t);
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(*source->acknowledgedUpTo(), 0);
    EXPECT_EQ(source->depth()->count, 4);
    ASSERT_TRUE(source->acknowledge(2).ok());
    ASSERT_TRUE(source->acknowledge(2).ok());
    ASSERT_TRUE(source->acknowledge(1).ok());  // an older ack changes nothing
    EXPECT_EQ(*source->acknowledgedUpTo(), 2);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE synced_at IS NOT NULL"), 2);
    EXPECT_EQ(queryInt(*t.db, "SELECT max(seq) FROM outbox WHERE synced_at IS NOT NULL"), 2);
    auto depth = source->depth();
    EXPECT_EQ(depth->count, 2);
    EXPECT_EQ(depth->oldestAt, queryText(*t.db, "SELECT at FROM outbox WHERE seq = 3"));
    // Acked events are still there to resend if the back office asks.
    EXPECT_EQ(source->eventsAfter(0, 10)->size(), 4u);

    ASSERT_TRUE(source->acknowledge(4).ok());
    EXPECT_EQ(*source->acknowledgedUpTo(), 4);
    EXPECT_EQ(source->depth()->count, 0);
    EXPECT_FALSE(source->depth()->oldestAt.has_value());
}

TEST(OutboxSource, AnAckBeyondTheLastEventIsRefusedAndMarksNothing) {
    Terminal t;
    sellMany(t, 1);
    auto source = openSource(t);
    ASSERT_NE(source, nullptr);
    core::Status refused = source->acknowledge(3);
    EXPECT_EQ(refused.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(refused.message().find("last event is 2"), std::string::npos) << refused.message();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE synced_at IS NOT NULL"), 0);
}

TEST(OutboxSource, TheTillSellsWhileTheSourceReadsAndMarks) {
    Terminal t;
    sellMany(t, 1);
    auto source = openSource(t);
    ASSERT_NE(source, nullptr);
    ASSERT_TRUE(source->acknowledge(1).ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok()) << sale.status().toString();
    EXPECT_EQ(sale->event.seq, 3);
    auto after = source->eventsAfter(2, 10);
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 1u);
    EXPECT_EQ(after->front().seq, 3);
}

TEST(OutboxSource, BirthSeqGrowsAcrossRestarts) {
    Terminal t;
    std::int64_t last = 0;
    for (int restart = 0; restart < 3; ++restart) {
        auto source = openSource(t);
        ASSERT_NE(source, nullptr);
        for (int connect = 0; connect < 2; ++connect) {
            auto bdseq = source->nextBirthSeq();
            ASSERT_TRUE(bdseq.ok()) << bdseq.status().toString();
            EXPECT_GT(*bdseq, last);
            last = *bdseq;
        }
    }
    EXPECT_EQ(last, 6);
}

TEST(OutboxSource, ReportsTheDatasetVersionsItRuns) {
    Terminal t;
    auto source = openSource(t);
    ASSERT_NE(source, nullptr);
    auto versions = source->datasetVersions();
    ASSERT_TRUE(versions.ok());
    EXPECT_EQ(versions->at("catalog"), queryInt(*t.db, "SELECT value FROM settings WHERE key = 'price_version'"));
}

}  // namespace
}  // namespace frontdesk::kiosk::testing
