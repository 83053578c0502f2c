// Engine shifts: opening, cash moves, X and Z reports (per rate, per tender, expected cash and
// variance), closing rules, and one contiguous outbox sequence across all of it.
#include <numeric>

#include <gtest/gtest.h>

#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

const Approval kSue{"s1", "3333"};

std::vector<std::string> eventTypes(core::Database& db) {
    return queryColumn(db, "SELECT type FROM outbox ORDER BY seq");
}

// ---- opening ----

TEST(EngineShift, OpenShiftWritesTheShiftAndAShiftOpenedEvent) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    auto id = t.shifts().open(eur(15000));
    ASSERT_TRUE(id.ok()) << id.status().toString();
    EXPECT_EQ(t.shifts().current(), *id);
    EXPECT_EQ(queryText(*t.db, "SELECT id FROM shifts WHERE closed_at IS NULL"), *id);
    EXPECT_EQ(queryInt(*t.db, "SELECT float_minor FROM shifts"), 15000);
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM shifts"), "c1");

    const auto env = lastEnvelope(*t.db);
    EXPECT_EQ(env["type"], "shift.opened");
    EXPECT_EQ(env["seq"], 1);
    EXPECT_EQ(env["staff"], "c1");
    EXPECT_EQ(env["payload"]["shift"], *id);
    EXPECT_EQ(env["payload"]["float"], 15000);
    EXPECT_EQ(env["payload"]["currency"], "EUR");
    EXPECT_EQ(env["payload"]["opened_at"], core::formatIso8601(t.clock.now()));
    EXPECT_EQ(queryText(*t.db, "SELECT entity_id FROM outbox"), *id);
}

TEST(EngineShift, SecondOpenIsRefusedAlsoAfterARestart) {
    Terminal t;
    t.startShift();
    const auto first = *t.shifts().current();
    auto second = t.shifts().open(eur(100));
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(second.status().message().find(first), std::string::npos);

    t.reopen();
    EXPECT_EQ(t.shifts().current(), first);
    ASSERT_TRUE(t.session().login("c2", "2222").ok());
    EXPECT_EQ(t.shifts().open(eur(100)).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM shifts"), 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 1);
}

TEST(EngineShift, OpeningFloatMustBeInTheTerminalCurrencyAndNotNegative) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.shifts().open(money(100, "USD")).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().open(eur(-1)).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_FALSE(t.shifts().current().has_value());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 0);
    EXPECT_TRUE(t.shifts().open(eur(0)).ok());
}

// ---- cash moves ----

TEST(EngineShift, PaidInPaidOutAndNoSaleWriteCashMovesAndEvents) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.shifts().paidIn(eur(2000), "change from the bank").ok());

    auto out = t.shifts().paidOut(eur(500), "window cleaner");
    EXPECT_EQ(out.kind(), core::ErrorKind::PermissionDenied);
    ASSERT_TRUE(t.shifts().paidOut(eur(500), "window cleaner", kSue).ok());

    EXPECT_EQ(t.shifts().noSale("check drawer").kind(), core::ErrorKind::PermissionDenied);
    ASSERT_TRUE(t.shifts().noSale("check drawer", kSue).ok());

    EXPECT_EQ(queryColumn(*t.db,
                          "SELECT kind || ' ' || amount_minor || ' ' || reason || ' ' || staff || ' ' ||"
                          " coalesce(approved_by, '') FROM cash_moves ORDER BY at, rowid"),
              std::vector<std::string>({"paid_in 2000 change from the bank c1 ", "paid_out 500 window cleaner c1 s1",
                                        "no_sale 0 check drawer c1 s1"}));
    EXPECT_EQ(eventTypes(*t.db),
              std::vector<std::string>({"shift.opened", "cash.moved", "cash.moved", "drawer.opened"}));

    const auto paidIn = envelope(*t.db, 2)["payload"];
    EXPECT_EQ(paidIn["kind"], "paid_in");
    EXPECT_EQ(paidIn["amount"], 2000);
    EXPECT_EQ(paidIn["currency"], "EUR");
    EXPECT_EQ(paidIn["reason"], "change from the bank");
    EXPECT_EQ(paidIn["shift"], *t.shifts().current());
    const auto paidOut = envelope(*t.db, 3)["payload"];
    EXPECT_EQ(paidOut["kind"], "paid_out");
    EXPECT_EQ(paidOut["approved_by"], "s1");
    const auto noSale = envelope(*t.db, 4);
    EXPECT_EQ(noSale["payload"]["kind"], "no_sale");
    EXPECT_EQ(noSale["payload"]["reason"], "check drawer");
    EXPECT_EQ(noSale["staff"], "c1");
    EXPECT_EQ(queryText(*t.db, "SELECT entity_id FROM outbox WHERE seq = 4"),
              queryText(*t.db, "SELECT id FROM cash_moves WHERE kind = 'no_sale'"));
}

TEST(EngineShift, CashMovesAreValidated) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.shifts().paidIn(eur(100), "float top-up").kind(), core::ErrorKind::FailedPrecondition);  // no shift
    ASSERT_TRUE(t.shifts().open(eur(0)).ok());
    EXPECT_EQ(t.shifts().paidIn(eur(0), "nothing").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidIn(eur(-100), "negative").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidIn(eur(100), "").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidIn(money(100, "USD"), "dollars").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidOut(eur(100), "cleaner", Approval{"c2", "2222"}).kind(),
              core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.shifts().paidOut(eur(100), "cleaner", Approval{"s1", "0000"}).kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.shifts().noSale("").kind(), core::ErrorKind::PermissionDenied);  // the permission is checked first
    EXPECT_EQ(t.shifts().noSale("", Approval{"s1", "3333"}).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0) << "a refused no-sale records no approval";
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM cash_moves"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 1);
}

// ---- reports ----

// A shift with sales, refunds and cash moves; see the figures in each test.
struct BusyShift : Terminal {
    BusyShift() {
        startShift();                                   // float 100.00
        sell({{kApple, "2"}, {kBread, "1"}}, 0, 500);   // 4.48 cash, change 0.52
        saleReceipt2 = sell({{kSherry, "1"}}, 999, 0);  // 9.99 card
        sell({{nullptr, "0.375"}}, 300, 1000);          // 9.30: card 3.00, cash 10.00 change 3.70
        refund("t1-000001", 2, "");                     // 0.50 back in cash
        refund(saleReceipt2, 1, "");                    // 9.99 back to the card
        EXPECT_TRUE(till->shifts().paidIn(eur(2000), "change").ok());
        EXPECT_TRUE(till->shifts().paidOut(eur(500), "cleaner", kSue).ok());
        EXPECT_TRUE(till->shifts().noSale("check", kSue).ok());
    }
    std::string sell(const std::vector<std::pair<const char*, const char*>>& lines, std::int64_t card,
                     std::int64_t cash) {
        for (const auto& [code, qty] : lines) {
            auto s = code ? till->checkout().scan(code, dec(qty)) : till->checkout().addSku("W", dec(qty));
            EXPECT_TRUE(s.ok()) << s.status().toString();
        }
        if (ageCheckNeeded()) {
            EXPECT_TRUE(till->checkout().confirmAge().ok());
        }
        if (card) {
            EXPECT_TRUE(till->checkout().tenderCard(eur(card)).ok());
        }
        if (cash) {
            EXPECT_TRUE(till->checkout().tenderCash(eur(cash)).ok());
        }
        auto done = till->checkout().complete();
        EXPECT_TRUE(done.ok()) << done.status().toString();
        return done.ok() ? done->receiptNo : "";
    }
    void refund(const std::string& receipt, std::int64_t line, const std::string& method) {
        RefundRequest request;
        request.receipt = receipt;
        request.lines = {{line, dec("1")}};
        if (!method.empty()) request.method = *parseTenderMethod(method);
        auto done = till->refunds().refund(request);
        EXPECT_TRUE(done.ok()) << done.status().toString();
    }
    bool ageCheckNeeded() {
        auto s = till->checkout().state();
        return s.ok() && s->ageCheckNeeded;
    }
    std::string saleReceipt2;
};

// float + cash sales - cash refunds + paid in - paid out
constexpr std::int64_t kExpectedCash = 10000 + (448 + 630) - 50 + 2000 - 500;

TEST(EngineShift, XReportGivesTotalsPerRateAndTenderAndTheExpectedCash) {
    BusyShift t;
    auto x = t.shifts().xReport();
    ASSERT_TRUE(x.ok()) << x.status().toString();
    EXPECT_EQ(x->shiftId, *t.shifts().current());
    EXPECT_EQ(x->openedBy, "c1");
    EXPECT_EQ(x->currency, "EUR");
    EXPECT_FALSE(x->closedAt.has_value());
    EXPECT_FALSE(x->countedCash.has_value());
    EXPECT_FALSE(x->variance.has_value());
    EXPECT_EQ(x->floatMinor, 10000);
    EXPECT_EQ(x->sales, 3);
    EXPECT_EQ(x->refunds, 2);
    EXPECT_EQ(x->salesGross, 448 + 999 + 930);
    EXPECT_EQ(x->refundsGross, 50 + 999);
    EXPECT_EQ(x->paidIn, 2000);
    EXPECT_EQ(x->paidOut, 500);
    EXPECT_EQ(x->noSales, 1);
    EXPECT_EQ(x->voids, 0);

    auto tender = [](const TenderTotal& tt) {
        return std::string(saleKindKey(tt.kind)) + " " + std::string(tenderMethodKey(tt.method)) + " " +
               std::to_string(tt.count) + " " + std::to_string(tt.amount);
    };
    std::vector<std::string> tenders;
    for (const auto& tt : x->byTender) tenders.push_back(tender(tt));
    EXPECT_EQ(tenders, std::vector<std::string>(
                           {"sale card 2 1299", "sale cash 2 1078", "refund card 1 999", "refund cash 1 50"}));

    auto rate = [](const RateTotal& r) {
        return std::string(saleKindKey(r.kind)) + " " + r.taxCode + " " + r.rate + " " + std::to_string(r.net) + " " +
               std::to_string(r.tax) + " " + std::to_string(r.gross);
    };
    std::vector<std::string> rates;
    for (const auto& r : x->byRate) rates.push_back(rate(r));
    // VAT19 sales: 3.98 (tax 0.64) + 9.99 (tax 1.60); VAT7 sales: 0.50 (0.03) + 9.30 (0.61).
    EXPECT_EQ(rates, std::vector<std::string>({"sale VAT19 19 1173 224 1397", "sale VAT7 7 916 64 980",
                                               "refund VAT19 19 839 160 999", "refund VAT7 7 47 3 50"}));
    std::int64_t saleGross = 0;
    for (const auto& r : x->byRate) {
        if (r.kind == SaleKind::Sale) saleGross += r.gross;
    }
    EXPECT_EQ(saleGross, x->salesGross);

    EXPECT_EQ(x->expectedCash, kExpectedCash);
    // The X report changes nothing.
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 9);
    EXPECT_TRUE(t.shifts().current().has_value());
}

TEST(EngineShift, CloseWithCountedCashGivesTheVarianceAndAShiftClosedEvent) {
    BusyShift t;
    const auto shift = *t.shifts().current();
    t.clock.advance(std::chrono::hours(8));
    auto z = t.shifts().close(eur(kExpectedCash - 28));
    ASSERT_TRUE(z.ok()) << z.status().toString();
    EXPECT_EQ(z->expectedCash, kExpectedCash);
    EXPECT_EQ(z->countedCash, kExpectedCash - 28);
    EXPECT_EQ(z->variance, -28);
    EXPECT_EQ(z->closedAt, core::formatIso8601(t.clock.now()));
    EXPECT_FALSE(t.shifts().current().has_value());

    EXPECT_EQ(queryText(*t.db, "SELECT closed_by FROM shifts"), "c1");
    EXPECT_EQ(queryInt(*t.db, "SELECT counted_minor FROM shifts"), kExpectedCash - 28);
    EXPECT_EQ(queryInt(*t.db, "SELECT expected_minor FROM shifts"), kExpectedCash);

    const auto env = lastEnvelope(*t.db);
    EXPECT_EQ(env["type"], "shift.closed");
    EXPECT_EQ(env["seq"], 10);
    EXPECT_EQ(env["payload"], z->toJson());
    EXPECT_EQ(env["payload"]["shift"], shift);
    EXPECT_EQ(env["payload"]["variance"], -28);
    EXPECT_EQ(env["payload"]["counted_cash"], kExpectedCash - 28);
    EXPECT_EQ(env["payload"]["expected_cash"], kExpectedCash);
    EXPECT_EQ(env["payload"]["by_tender"].size(), 4u);
    EXPECT_EQ(env["payload"]["by_rate"].size(), 4u);
    EXPECT_EQ(queryText(*t.db, "SELECT entity_id FROM outbox WHERE type = 'shift.closed'"), shift);

    // The closed shift's report still reads the same.
    auto again = buildShiftReport(*t.db, shift, "EUR");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->toJson(), z->toJson());
}

TEST(EngineShift, OverAndExactCountsGiveTheirVariance) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(1000)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    auto z = t.shifts().close(eur(10199 + 5));
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->expectedCash, 10199);
    EXPECT_EQ(z->variance, 5);
    t.startShift();
    z = t.shifts().close(eur(10000));
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->variance, 0);
    EXPECT_EQ(z->sales, 0);
}

TEST(EngineShift, CloseIsRefusedWhileASaleIsInProgress) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    auto z = t.shifts().close(eur(10000));
    ASSERT_FALSE(z.ok());
    EXPECT_EQ(z.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_TRUE(t.shifts().current().has_value());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM shifts WHERE closed_at IS NULL"), 1);

    // Also once it is being paid.
    ASSERT_TRUE(t.checkout().tenderCash(eur(100)).ok());
    EXPECT_EQ(t.shifts().close(eur(10000)).status().kind(), core::ErrorKind::FailedPrecondition);
    ASSERT_TRUE(t.checkout().tenderCash(eur(99)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    EXPECT_EQ(t.shifts().close(eur(-1)).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().close(money(10199, "USD")).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_TRUE(t.shifts().close(eur(10199)).ok());
    EXPECT_EQ(t.shifts().close(eur(0)).status().kind(), core::ErrorKind::FailedPrecondition);  // none open
}

TEST(EngineShift, AfterCloseSellingNeedsANewShift) {
    Terminal t;
    t.startShift();
    const auto first = *t.shifts().current();
    ASSERT_TRUE(t.shifts().close(eur(10000)).ok());
    EXPECT_EQ(t.checkout().scan(kApple, dec("1")).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.shifts().xReport().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.shifts().paidIn(eur(100), "x").kind(), core::ErrorKind::FailedPrecondition);
    t.reopen();
    EXPECT_FALSE(t.shifts().current().has_value());
    ASSERT_TRUE(t.session().login("c2", "2222").ok());
    EXPECT_EQ(t.checkout().scan(kApple, dec("1")).status().kind(), core::ErrorKind::FailedPrecondition);
    auto second = t.shifts().open(eur(5000));
    ASSERT_TRUE(second.ok());
    EXPECT_NE(*second, first);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->payload["shift"], *second);
    auto x = t.shifts().xReport();
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->openedBy, "c2");
    EXPECT_EQ(x->sales, 1);
    EXPECT_EQ(x->expectedCash, 5000 + 199);
}

TEST(EngineShift, VoidsAndCashRoundingShowInTheReport) {
    auto seed = standardSeed({{"currency", "CHF"}});
    seed["items"].push_back({{"sku", "C"}, {"name", "Cheese"}, {"price", "12.33"}, {"tax_code", "VAT7"}});
    Terminal t(seed);
    t.startShift();
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(money(2000, "CHF")).ok());
    ASSERT_TRUE(t.checkout().complete().ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().voidSale("mistake", kSue).ok());
    auto x = t.shifts().xReport();
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->currency, "CHF");
    EXPECT_EQ(x->voids, 1);
    EXPECT_EQ(x->rounding, 2);
    EXPECT_EQ(x->salesGross, 1233);
    EXPECT_EQ(x->expectedCash, 10000 + 1235);  // the drawer holds the rounded cash
}

// ---- the outbox sequence ----

TEST(EngineShift, OutboxSequenceIsContiguousAcrossAllEvents) {
    BusyShift t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().voidSale("oops", kSue).ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout().park("later").ok());  // parking writes no event
    // Refused operations take no number.
    EXPECT_FALSE(t.shifts().paidOut(eur(100), "no approval").ok());
    EXPECT_FALSE(t.shifts().open(eur(0)).ok());
    ASSERT_TRUE(t.shifts().close(eur(0)).ok());
    t.reopen();
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.shifts().open(eur(0)).ok());
    ASSERT_TRUE(t.shifts().paidIn(eur(100), "float").ok());

    const auto seqs = queryColumn(*t.db, "SELECT seq FROM outbox ORDER BY seq");
    std::vector<std::string> expected(seqs.size());
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = std::to_string(i + 1);
    EXPECT_EQ(seqs, expected);
    EXPECT_EQ(eventTypes(*t.db),
              std::vector<std::string>({"shift.opened", "sale.completed", "sale.completed", "sale.completed",
                                        "sale.refunded", "sale.refunded", "cash.moved", "cash.moved", "drawer.opened",
                                        "sale.voided", "shift.closed", "shift.opened", "cash.moved"}));
    // Every envelope's seq is its row's seq, and ids are unique.
    for (std::int64_t seq = 1; seq <= static_cast<std::int64_t>(seqs.size()); ++seq) {
        EXPECT_EQ(envelope(*t.db, seq)["seq"], seq);
    }
    EXPECT_EQ(queryInt(*t.db, "SELECT count(DISTINCT id) FROM outbox"), static_cast<std::int64_t>(seqs.size()));
    EXPECT_EQ(queryInt(*t.db, "SELECT value FROM counters WHERE name = 'outbox_seq'"),
              static_cast<std::int64_t>(seqs.size()));
    EXPECT_EQ(t.till->journal().pending(5).status().kind(), core::ErrorKind::PermissionDenied);  // cashier c1
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    auto pending = t.till->journal().pending(5);
    ASSERT_TRUE(pending.ok()) << pending.status().toString();
    ASSERT_EQ(pending->size(), 5u);
    EXPECT_EQ((*pending)[0].seq, 1);
    EXPECT_EQ((*pending)[4].seq, 5);
    EXPECT_EQ(*t.till->journal().pendingCount(), static_cast<std::int64_t>(seqs.size()));
}

}  // namespace
}  // namespace frontdesk::kiosk
