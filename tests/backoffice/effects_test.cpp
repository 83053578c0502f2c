// Terminal events through the ingest ledger into the back office's effects: events a real till
// engine wrote, each applied once, the ledger balanced after every scenario, and what cannot be
// applied dead-lettered with its reason.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "backoffice/backoffice_db.h"
#include "backoffice_test_support.h"
#include "backoffice/effects.h"
#include "backoffice/journal.h"
#include "sync/ingest_ledger.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::kBread;
using kiosk::testing::queryColumn;
using kiosk::testing::queryInt;

class BackOfficeEffects : public ::testing::Test {
protected:
    BackOfficeEffects() {
        db = testing::openStoreS1(dir);
        ledgerOwner = std::make_unique<sync::IngestLedger>(*db, clock);
        t.startShift();
    }

    // Every outbox event of the till after `after`, as one message. Returns the ack.
    sync::Ack ingest(std::int64_t after = 0, const std::function<void(nlohmann::json&)>& tamper = {}) {
        auto ack = testing::ingestSeqs(*db, ledger(), *t.db, testing::seqsAfter(*t.db, after), tamper);
        EXPECT_TRUE(ack.ok()) << ack.status().toString();
        return ack.ok() ? *ack : sync::Ack{};
    }
    std::int64_t lastSeq() { return queryInt(*t.db, "SELECT max(seq) FROM outbox"); }
    std::int64_t balance(const std::string& account) { return testing::accountBalance(*db, account); }
    void expectBalanced() {
        auto tb = Journal(*db).trialBalance("EUR");
        ASSERT_TRUE(tb.ok());
        EXPECT_TRUE(tb->balanced()) << tb->debit << " against " << tb->credit;
    }
    std::int64_t onHand(const std::string& sku) {
        return queryInt(*db, "SELECT coalesce(sum(qty_milli), 0) FROM stock_moves WHERE sku = '" + sku + "'");
    }

    kiosk::testing::Terminal t;
    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db;
    core::FakeClock clock{*core::parseIso8601("2026-12-01T08:00:00Z")};
    std::unique_ptr<sync::IngestLedger> ledgerOwner;
    sync::IngestLedger& ledger() { return *ledgerOwner; }
};

TEST_F(BackOfficeEffects, ASaleWithTwoRatesAndASplitTenderBooksExactlyAndMovesStock) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());  // 2 x 1.99 at 19 %
    ASSERT_TRUE(t.checkout().scan(kBread, dec("3")).ok());  // 3 x 0.50 at 7 %
    ASSERT_TRUE(t.checkout().tenderCard(eur(300)).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());    // 5.48 due: 2.48 in cash, 2.52 change
    ASSERT_TRUE(t.checkout().complete().ok());
    const auto ack = ingest();
    EXPECT_EQ(ack.upto, lastSeq());
    EXPECT_TRUE(ack.rejected.empty()) << ack.rejected.front().reason;

    // 3.98 gross at 19 %: 3.34 net + 0.64 tax; 1.50 gross at 7 %: 1.40 net + 0.10 tax.
    EXPECT_EQ(balance("1000"), 10000 + 248);   // the float, and the cash kept
    EXPECT_EQ(balance("1010"), -10000);        // the float left the safe
    EXPECT_EQ(balance("1100"), 300);
    EXPECT_EQ(balance("4000-VAT19"), -334);
    EXPECT_EQ(balance("2200-VAT19"), -64);
    EXPECT_EQ(balance("4000-VAT7"), -140);
    EXPECT_EQ(balance("2200-VAT7"), -10);
    expectBalanced();
    EXPECT_EQ(onHand("A"), -2000);
    EXPECT_EQ(onHand("B"), -3000);
    // The catalog here knows neither SKU yet: both are kept and flagged for review.
    EXPECT_EQ(queryColumn(*db, "SELECT sku FROM skus_to_review ORDER BY sku"), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(queryInt(*db, "SELECT cash_in_minor FROM shifts"), 248);
    EXPECT_EQ(queryInt(*db, "SELECT card_minor FROM shifts"), 300);
}

TEST_F(BackOfficeEffects, ARefundReversesTheSaleAndReturnsTheStock) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok());
    kiosk::RefundRequest request;
    request.receipt = sale->payload["receipt"];
    request.lines = {{1, dec("1")}};
    auto refund = t.refunds().refund(request, kiosk::Approval{"s1", "3333"});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    const auto ack = ingest();
    EXPECT_TRUE(ack.rejected.empty()) << ack.rejected.front().reason;
    EXPECT_EQ(balance("1000"), 10000);         // 1.99 in, 1.99 out
    EXPECT_EQ(balance("4000-VAT19"), -167);
    EXPECT_EQ(balance("4100-VAT19"), 167);     // refunds, against revenue
    EXPECT_EQ(balance("2200-VAT19"), 0);
    EXPECT_EQ(onHand("A"), 0);
    expectBalanced();
    EXPECT_EQ(queryInt(*db, "SELECT cash_out_minor FROM shifts"), 199);
}

TEST_F(BackOfficeEffects, CashMovesAndTheShiftCloseAreRecorded) {
    ASSERT_TRUE(t.shifts().paidIn(eur(2000), "change from the bank", kiosk::Approval{"s1", "3333"}).ok());
    ASSERT_TRUE(t.shifts().paidOut(eur(450), "window cleaner", kiosk::Approval{"s1", "3333"}).ok());
    ASSERT_TRUE(t.shifts().noSale("customer wanted change", kiosk::Approval{"s1", "3333"}).ok());
    ASSERT_TRUE(t.shifts().close(eur(11540)).ok());  // 10 short
    const auto ack = ingest();
    EXPECT_TRUE(ack.rejected.empty()) << ack.rejected.front().reason;
    EXPECT_EQ(balance("1000"), 10000 + 2000 - 450);
    EXPECT_EQ(balance("4900"), -2000);
    EXPECT_EQ(balance("6100"), 450);
    expectBalanced();
    EXPECT_EQ(queryInt(*db, "SELECT expected_minor FROM shifts"), 11550);
    EXPECT_EQ(queryInt(*db, "SELECT counted_minor FROM shifts"), 11540);
}

TEST_F(BackOfficeEffects, ASaleWhoseFiguresDoNotAddUpIsDeadLetteredAndTheLedgerIsUntouched) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    const auto ack = ingest(0, [](nlohmann::json& e) {
        if (e["type"] != "sale.completed") return;
        // A consistent lie: 1 cent less tax and 1 more net, everywhere the sale states it.
        auto& p = e["payload"];
        p["lines"][0]["tax"] = p["lines"][0]["tax"].get<int>() - 1;
        p["lines"][0]["net"] = p["lines"][0]["net"].get<int>() + 1;
        p["tax_breakdown"][0]["tax"] = p["tax_breakdown"][0]["tax"].get<int>() - 1;
        p["tax_breakdown"][0]["net"] = p["tax_breakdown"][0]["net"].get<int>() + 1;
        p["totals"]["tax"] = p["totals"]["tax"].get<int>() - 1;
        p["totals"]["net"] = p["totals"]["net"].get<int>() + 1;
    });
    EXPECT_EQ(ack.upto, lastSeq());  // handled all the same
    ASSERT_EQ(ack.rejected.size(), 1u);
    EXPECT_EQ(ack.rejected[0].reason, "line 1 net is 168 but comes to 167");
    EXPECT_EQ(balance("4000-VAT19"), 0);
    EXPECT_EQ(onHand("A"), 0);
    expectBalanced();
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter'"), 1);
}

TEST_F(BackOfficeEffects, TenderThatDoesNotPayTheSaleIsDeadLettered) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    const auto ack = ingest(0, [](nlohmann::json& e) {
        if (e["type"] == "sale.completed") e["payload"]["tenders"][0]["amount"] = 99;
    });
    ASSERT_EQ(ack.rejected.size(), 1u);
    EXPECT_EQ(ack.rejected[0].reason, "the tenders is 99 but comes to 199");
    expectBalanced();
}

TEST_F(BackOfficeEffects, EventsOfAStoreTheBackOfficeDoesNotServeAreDeadLetteredNamingIt) {
    ASSERT_TRUE(db->exec("DELETE FROM stores").ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    const auto ack = ingest();
    ASSERT_EQ(ack.rejected.size(), 2u);  // the shift's opening and the sale
    EXPECT_NE(ack.rejected[1].reason.find("store s1 is not configured in the back office"), std::string::npos)
        << ack.rejected[1].reason;
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM journal_entries"), 0);
}

TEST_F(BackOfficeEffects, ASaleArrivingBeforeItsShiftIsAppliedAndTheShiftFilledInLater) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    // Seq 2 (the sale) first, then seq 1 (the shift's opening): a gap filled late.
    EventEffects effects(*db);
    const auto apply = [&](const sync::Delivery& d) { return effects.apply(d); };
    auto sale = sync::decodeDeliveries({"s1", "t1"}, kiosk::testing::envelope(*t.db, 2).dump(), &sync::schemaProblem);
    ASSERT_TRUE(ledger().ingest({"s1", "t1"}, sale, apply).ok());
    EXPECT_TRUE(queryColumn(*db, "SELECT coalesce(opened_at, 'unknown') FROM shifts") == std::vector<std::string>{"unknown"});
    auto opened = sync::decodeDeliveries({"s1", "t1"}, kiosk::testing::envelope(*t.db, 1).dump(), &sync::schemaProblem);
    auto ack = ledger().ingest({"s1", "t1"}, opened, apply);
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->upto, 2);
    EXPECT_TRUE(ack->rejected.empty());
    EXPECT_EQ(queryInt(*db, "SELECT float_minor FROM shifts"), 10000);
    EXPECT_EQ(balance("1000"), 10199);
    expectBalanced();
}

TEST_F(BackOfficeEffects, TheSameEventsTwiceTakeEffectOnce) {
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    ingest();
    ingest();
    EXPECT_EQ(balance("1000"), 10199);
    EXPECT_EQ(onHand("A"), -1000);
    expectBalanced();
}

// Ten copies of the same message taken in at once by four ingests on their own connections (as
// two back-office processes on one database would): each event takes effect once, the others are
// recognised as duplicates, and every copy is acknowledged.
TEST_F(BackOfficeEffects, TenCopiesTakenInConcurrentlyTakeEffectOnce) {
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
        ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
        ASSERT_TRUE(t.checkout().complete().ok());
    }
    const auto seqs = testing::seqsAfter(*t.db);
    std::vector<std::string> envelopes;  // read here: the till's connection is not shared between threads
    for (auto seq : seqs) envelopes.push_back(kiosk::testing::envelope(*t.db, seq).dump());
    std::atomic<int> next{0}, acked{0}, failed{0};
    std::vector<std::thread> ingests;
    for (int worker = 0; worker < 4; ++worker) {
        ingests.emplace_back([&] {
            auto own = openBackOfficeDb(dir.file("bo.db"), false);
            if (!own.ok()) return void(++failed);
            sync::IngestLedger ledger(**own, clock);
            EventEffects effects(**own);
            while (next.fetch_add(1) < 10) {
                std::vector<sync::Delivery> deliveries;
                for (const auto& e : envelopes) {
                    auto decoded = sync::decodeDeliveries({"s1", "t1"}, e, &sync::schemaProblem);
                    deliveries.insert(deliveries.end(), decoded.begin(), decoded.end());
                }
                auto ack = ledger.ingest({"s1", "t1"}, deliveries, [&](const sync::Delivery& d) { return effects.apply(d); });
                ++(ack.ok() && ack->upto == seqs.back() ? acked : failed);
            }
        });
    }
    for (auto& thread : ingests) thread.join();
    EXPECT_EQ(failed, 0);
    EXPECT_EQ(acked, 10);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM ingest_events"), static_cast<std::int64_t>(seqs.size()));
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM journal_entries WHERE source = 'sale.completed'"), 3);
    EXPECT_EQ(balance("1000"), 10000 + 3 * 199);
    EXPECT_EQ(onHand("A"), -3000);
    expectBalanced();
}

}  // namespace
}  // namespace frontdesk::backoffice
