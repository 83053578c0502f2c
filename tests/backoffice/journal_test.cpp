// The ledger: only balanced entries get in, nothing in it changes, and the trial balance adds up.
#include <gtest/gtest.h>

#include "backoffice/backoffice_db.h"
#include "backoffice_test_support.h"
#include "backoffice/chart.h"
#include "backoffice/journal.h"
#include "testing/temp_dir.h"

namespace frontdesk::backoffice {
namespace {

class JournalTest : public ::testing::Test {
protected:
    JournalEntry entry(std::vector<Posting> postings) {
        return JournalEntry{"s1", "2026-12-01T08:00:00.000Z", "EUR", "test", "", "memo", std::move(postings)};
    }
    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
};

TEST_F(JournalTest, ABalancedEntryIsPostedAndTheTrialBalanceAddsUp) {
    Journal journal(*db);
    ASSERT_TRUE(journal.post(entry({{"1000", 1190, 0}, {"4000-VAT19", 0, 1000}, {"2200-VAT19", 0, 190}})).ok());
    auto tb = journal.trialBalance("EUR");
    ASSERT_TRUE(tb.ok());
    EXPECT_TRUE(tb->balanced());
    EXPECT_EQ(tb->debit, 1190);
    ASSERT_EQ(tb->rows.size(), 3u);
    EXPECT_EQ(tb->rows[0].account, "1000");
    EXPECT_EQ(tb->rows[1].account, "2200-VAT19");
    EXPECT_EQ(tb->rows[1].name, "Output tax VAT19");
    EXPECT_EQ(tb->rows[1].kind, "liability");
    EXPECT_EQ(tb->rows[2].credit, 1000);
}

TEST_F(JournalTest, AnEntryThatDoesNotBalanceIsRefusedNamingTheDifference) {
    Journal journal(*db);
    auto refused = journal.post(entry({{"1000", 1190, 0}, {"4000-VAT19", 0, 1000}}));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find("does not balance: debits 1190, credits 1000"), std::string::npos)
        << refused.status().message();
    EXPECT_FALSE(journal.post(entry({{"1000", 10, 5}, {"4000-VAT19", 0, 5}})).ok());  // two-sided
    EXPECT_FALSE(journal.post(entry({{"1000", -10, 0}, {"4000-VAT19", 0, -10}})).ok());
    EXPECT_FALSE(journal.post(entry({{"1000", 0, 0}})).ok());  // moves nothing
    EXPECT_FALSE(journal.post(entry({{"1000", 10, 0}, {"9999", 0, 10}})).ok());  // not in the chart
    EXPECT_FALSE(journal.post(entry({{"1000", 10, 0}, {"1000-VAT19", 0, 10}})).ok());
    EXPECT_FALSE(journal.post(entry({{"1000", INT64_MAX, 0}, {"1000", INT64_MAX, 0}, {"4000-A", 0, 1}})).ok());
    auto tb = journal.trialBalance("EUR");
    ASSERT_TRUE(tb.ok());
    EXPECT_TRUE(tb->rows.empty());
}

TEST_F(JournalTest, TheLedgerIsNeverChangedOrDeleted) {
    Journal journal(*db);
    ASSERT_TRUE(journal.post(entry({{"1000", 100, 0}, {"4900", 0, 100}})).ok());
    EXPECT_FALSE(db->exec("UPDATE journal_lines SET debit_minor = 1").ok());
    EXPECT_FALSE(db->exec("DELETE FROM journal_lines").ok());
    EXPECT_FALSE(db->exec("DELETE FROM journal_entries").ok());
    EXPECT_FALSE(db->exec("UPDATE journal_entries SET memo = 'x'").ok());
    EXPECT_TRUE(journal.trialBalance("EUR")->balanced());
}

}  // namespace
}  // namespace frontdesk::backoffice
