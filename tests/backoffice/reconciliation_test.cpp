// Reconciling a shift: the back office's own expected cash against the counted, the over/short
// posted once, missing events blocking it unless overridden with a reason, disputes.
#include <gtest/gtest.h>

#include "backoffice/effects.h"
#include "backoffice/journal.h"
#include "backoffice/reconciliation.h"
#include "backoffice_test_support.h"
#include "sync/ingest_ledger.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;

class ReconciliationTest : public testing::TillIntoBackOffice {
protected:
    ReconciliationTest() {
        t.startShift();  // float 100.00
        must(t.checkout().scan(kApple, dec("1")).ok());
        must(t.checkout().tenderCash(eur(500)).ok());  // 1.99 kept
        must(t.checkout().complete().ok());
        must(t.shifts().paidOut(eur(300), "stamps", kiosk::Approval{"s1", "3333"}).ok());
        auto closed = t.shifts().close(eur(9849));  // expected 100.00 + 1.99 - 3.00 = 98.99: 50 cents short
        must(closed.ok());
        shift = closed->toJson()["shift"];
    }
    std::vector<std::int64_t> allSeqs() { return testing::seqsAfter(*t.db); }
    Reconciliation by(const std::string& who, std::string note = "", std::string override = "") {
        return {shift, who, std::move(note), std::move(override), "2026-12-01T20:00:00.000Z"};
    }
};

TEST_F(ReconciliationTest, TheVarianceIsTheCountedAgainstWhatTheEventsSayAndReconcilingPostsItOnce) {
    ingest(allSeqs());
    auto figures = shiftFigures(*db, shift);
    ASSERT_TRUE(figures.ok()) << figures.status().toString();
    EXPECT_EQ(figures->status, "closed");
    EXPECT_EQ(figures->expected, 9899);
    EXPECT_EQ(figures->terminalExpected, 9899);
    EXPECT_EQ(figures->counted, 9849);
    EXPECT_EQ(figures->variance, -50);
    EXPECT_TRUE(figures->gaps.empty());

    auto done = reconcileShift(*db, by("m.manager", "fifty cents short, accepted"));
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->status, "reconciled");
    EXPECT_EQ(balance("1000"), 0);            // the drawer is empty again
    EXPECT_EQ(balance("1010"), -10000 + 9849);  // the float left the safe, the count came back
    EXPECT_EQ(balance("6900"), 50);           // short
    EXPECT_TRUE(Journal(*db).trialBalance("EUR")->balanced());

    auto again = reconcileShift(*db, by("m.manager"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().message(), "shift " + shift + " is reconciled already");
    EXPECT_EQ(balance("6900"), 50);
}

TEST_F(ReconciliationTest, MissingEventsBlockTheReconciliationUnlessOverriddenWithAReason) {
    auto seqs = allSeqs();
    seqs.erase(seqs.begin() + 1);  // the sale (seq 2) never arrived
    ingest(seqs);
    auto figures = shiftFigures(*db, shift);
    ASSERT_TRUE(figures.ok());
    EXPECT_EQ(figures->gaps, std::vector<std::string>{"2"});
    EXPECT_EQ(figures->expected, 9700);      // without the sale's cash
    EXPECT_EQ(figures->terminalExpected, 9899);
    auto blocked = reconcileShift(*db, by("m.manager"));
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(blocked.status().message().find("terminal t1 has missing events (seq 2)"), std::string::npos)
        << blocked.status().message();
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM journal_entries WHERE source = 'reconciliation'"), 0);
    auto overridden = reconcileShift(*db, by("m.manager", "", "the terminal was replaced; its disk is lost"));
    ASSERT_TRUE(overridden.ok()) << overridden.status().toString();
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM reconciliations WHERE override_reason IS NOT NULL"), 1);
}

TEST_F(ReconciliationTest, AShiftCanBeDisputedAndReconciledLaterButNotWhileOpen) {
    auto seqs = allSeqs();
    const auto close = seqs.back();
    seqs.pop_back();
    ingest(seqs);  // the close has not arrived: the shift is open
    auto open = reconcileShift(*db, by("m.manager"));
    ASSERT_FALSE(open.ok());
    EXPECT_EQ(open.status().message(), "shift " + shift + " is not closed yet");
    EXPECT_FALSE(disputeShift(*db, by("c.clerk", "early")).ok());
    ingest({close});
    auto disputed = disputeShift(*db, by("c.clerk", "count looks wrong"));
    ASSERT_TRUE(disputed.ok()) << disputed.status().toString();
    EXPECT_EQ(disputed->status, "disputed");
    EXPECT_EQ(balance("6900"), 0);
    EXPECT_FALSE(disputeShift(*db, by("c.clerk")).ok());  // a dispute needs a note
    ASSERT_TRUE(reconcileShift(*db, by("m.manager", "recounted: 50 cents short")).ok());
    EXPECT_EQ(balance("6900"), 50);
    EXPECT_EQ(shiftsReport(*db)->at("shifts").size(), 1u);
    EXPECT_FALSE(shiftFigures(*db, "no-such-shift").ok());
}

}  // namespace
}  // namespace frontdesk::backoffice
