// Engine: ringing up, paying (cash, card, split, cash rounding) and completing a sale; what the
// commit writes (rows, one outbox event, receipt numbers); park/resume, void, guards.
#include <set>

#include <gtest/gtest.h>

#include "core/ids.h"
#include "kiosk/seed_import.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

// A terminal with a shift open by c1 and, optionally, the usual basket: 2 x A + 1 x B = 4.48.
struct SaleTerminal : Terminal {
    explicit SaleTerminal(const nlohmann::json& seed = standardSeed()) : Terminal(seed) { startShift(); }
    void basket() {
        ASSERT_TRUE(till->checkout().scan(kApple, dec("2")).ok());
        auto s = till->checkout().scan(kBread, dec("1"));
        ASSERT_TRUE(s.ok()) << s.status().toString();
        ASSERT_EQ(s->totals.gross.minor(), 448);
    }
    std::int64_t count(const char* table) { return queryInt(*db, std::string("SELECT count(*) FROM ") + table); }
};

// ---- cash ----

TEST(EngineSale, CashSaleGivesChangeAndCompletes) {
    SaleTerminal t;
    t.basket();
    auto paid = t.checkout().tenderCash(eur(500));
    ASSERT_TRUE(paid.ok()) << paid.status().toString();
    EXPECT_EQ(paid->change, 52);
    EXPECT_EQ(paid->paid, 448);
    EXPECT_EQ(paid->remaining, 0);
    EXPECT_EQ(paid->rounding, 0);
    ASSERT_EQ(paid->tenders.size(), 1u);
    EXPECT_EQ(paid->tenders[0].amount, 500);
    EXPECT_EQ(paid->tenders[0].change, 52);

    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->receiptNo, "t1-000001");
    EXPECT_EQ(queryInt(*t.db, "SELECT gross_minor FROM sales"), 448);
    EXPECT_EQ(queryInt(*t.db, "SELECT tax_minor FROM sales"), 67);  // 64 (VAT19) + 3 (VAT7)
    EXPECT_EQ(queryInt(*t.db, "SELECT net_minor FROM sales"), 381);
    EXPECT_EQ(queryText(*t.db, "SELECT method FROM sale_tenders"), "cash");
    EXPECT_EQ(queryInt(*t.db, "SELECT amount_minor FROM sale_tenders"), 500);
    EXPECT_EQ(queryInt(*t.db, "SELECT change_minor FROM sale_tenders"), 52);
    EXPECT_TRUE(t.checkout().cart().empty());
    auto after = t.checkout().state();
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->tenders.empty());
    EXPECT_EQ(after->remaining, 0);
}

TEST(EngineSale, PartialCashLeavesTheRestDue) {
    SaleTerminal t;
    t.basket();
    auto part = t.checkout().tenderCash(eur(200));
    ASSERT_TRUE(part.ok());
    EXPECT_EQ(part->remaining, 248);
    EXPECT_EQ(part->change, 0);
    auto rest = t.checkout().tenderCash(eur(1000));
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(rest->remaining, 0);
    EXPECT_EQ(rest->change, 752);
    // A paid sale takes no more money.
    EXPECT_EQ(t.checkout().tenderCash(eur(100)).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().tenderCash(eur(0)).status().kind(), core::ErrorKind::InvalidArgument);
}

TEST(EngineSale, TenderOnAnEmptySaleIsRefused) {
    SaleTerminal t;
    EXPECT_EQ(t.checkout().tenderCash(eur(100)).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().complete().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.count("sales"), 0);
}

// ---- card ----

TEST(EngineSale, CardSaleStoresOnlyBrandAndLastFour) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    auto paid = t.checkout().tenderCard();
    ASSERT_TRUE(paid.ok()) << paid.status().toString();
    ASSERT_EQ(paid->tenders.size(), 1u);
    EXPECT_EQ(paid->tenders[0].method, TenderMethod::Card);
    EXPECT_EQ(paid->tenders[0].amount, 999);
    EXPECT_EQ(paid->remaining, 0);
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();

    EXPECT_EQ(queryText(*t.db, "SELECT method FROM sale_tenders"), "card");
    EXPECT_EQ(queryText(*t.db, "SELECT card_brand FROM sale_tenders"), "VISA");
    EXPECT_EQ(queryText(*t.db, "SELECT card_last4 FROM sale_tenders"), "4242");
    EXPECT_EQ(queryInt(*t.db, "SELECT length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*' FROM sale_tenders"), 1);
    EXPECT_EQ(queryText(*t.db, "SELECT terminal_ref FROM sale_tenders"), "FAKE-000001");
    // The event carries the same four card fields and nothing more.
    const auto tender = lastEnvelope(*t.db)["payload"]["tenders"][0];
    EXPECT_EQ(tender["brand"], "VISA");
    EXPECT_EQ(tender["last4"], "4242");
    for (const auto& [key, value] : tender.items()) {
        const std::set<std::string> allowed{"method", "amount",    "change",      "brand",
                                            "last4",  "auth_code", "terminal_ref"};
        EXPECT_TRUE(allowed.count(key)) << key;
    }
}

// A payment terminal that misbehaves by returning a whole card number.
class LeakyAdapter final : public PaymentAdapter {
public:
    core::Result<CardResult> authorize(const core::Money&, const std::string&) override {
        return CardResult{"VISA", "4111111111111111", "A1", "LEAK-1"};
    }
    core::Result<CardResult> refund(const core::Money&, const std::string&, const std::string&) override {
        return core::Status(core::ErrorKind::Unavailable, "not here");
    }
    core::Status reverse(const std::string& ref) override {
        reversed.push_back(ref);
        return {};
    }
    std::vector<std::string> reversed;
};

TEST(EngineSale, CardResultWithMoreThanLastFourIsRefusedAndReversed) {
    Terminal t;
    LeakyAdapter leaky;
    auto opened = Till::open(*t.db, t.clock, leaky);
    ASSERT_TRUE(opened.ok());
    auto& engine = **opened;
    ASSERT_TRUE(engine.session().login("c1", "1111").ok());
    ASSERT_TRUE(engine.shifts().open(eur(0)).ok());
    ASSERT_TRUE(engine.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(engine.checkout().confirmAge().ok());
    auto paid = engine.checkout().tenderCard();
    ASSERT_FALSE(paid.ok());
    EXPECT_EQ(paid.status().message().find("4111"), std::string::npos) << "never echo card data";
    EXPECT_EQ(leaky.reversed, std::vector<std::string>({"LEAK-1"}));
    auto s = engine.checkout().state();
    EXPECT_TRUE(s->tenders.empty());
    EXPECT_EQ(s->remaining, 999);
    ASSERT_TRUE(engine.checkout().tenderCash(eur(1000)).ok());
    ASSERT_TRUE(engine.checkout().complete().ok());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_tenders WHERE method = 'card'"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE envelope LIKE '%4111111111111111%'"), 0);
}

TEST(EngineSale, CardNumberHiddenInAReferenceIsRefused) {
    EXPECT_TRUE(validateCardResult({"VISA", "4242", "A12345", "T-000123/9"}).ok());
    EXPECT_FALSE(validateCardResult({"VISA", "4242", "4111111111111111", "T-1"}).ok());
    EXPECT_FALSE(validateCardResult({"VISA", "4242", "A1", "REF4111111111111111"}).ok());
    EXPECT_FALSE(validateCardResult({"VISA", "4242", "A1", ""}).ok()) << "refunds and reversals need the reference";
    EXPECT_FALSE(validateCardResult({"VISA", "4242", "A1", "%B4111^DOE^2512?"}).ok());  // track data characters
    EXPECT_FALSE(validateCardResult({"VISA", "42424", "A1", "T-1"}).ok());
}

TEST(EngineSale, DeclinedCardLeavesNothingPaid) {
    SaleTerminal t;
    t.basket();
    t.payments.declineNext("insufficient funds");
    auto declined = t.checkout().tenderCard();
    ASSERT_FALSE(declined.ok());
    EXPECT_EQ(declined.status().kind(), core::ErrorKind::Declined);
    EXPECT_NE(declined.status().message().find("insufficient funds"), std::string::npos);
    auto s = t.checkout().state();
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->tenders.empty());
    EXPECT_EQ(s->paid, 0);
    EXPECT_EQ(s->remaining, 448);
    EXPECT_EQ(t.checkout().complete().status().kind(), core::ErrorKind::FailedPrecondition);
    // Nothing was paid, so the sale can still be changed.
    EXPECT_TRUE(t.checkout().scan(kBread, dec("1")).ok());

    t.payments.setOffline(true);
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::Unavailable);
    t.payments.setOffline(false);
    auto retry = t.checkout().tenderCard();
    ASSERT_TRUE(retry.ok()) << retry.status().toString();
    EXPECT_EQ(retry->remaining, 0);
    ASSERT_TRUE(t.checkout().complete().ok());
    EXPECT_EQ(t.count("sale_tenders"), 1);
}

TEST(EngineSale, ACardCancelledOrTimedOutOnTheTerminalLeavesNothingPaidAndEachSaysWhich) {
    SaleTerminal t;
    t.basket();
    t.payments.cancelNext();
    t.payments.timeOutNext();
    t.payments.declineNext("do not honour");
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::Cancelled);
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::TimedOut);
    EXPECT_EQ(t.checkout().tenderCard().status().kind(), core::ErrorKind::Declined);  // answers come in order
    auto s = t.checkout().state();
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->tenders.empty());
    EXPECT_EQ(t.count("card_authorizations"), 0);
    ASSERT_TRUE(t.checkout().tenderCard().ok());  // the queue is used up: approved
    ASSERT_TRUE(t.checkout().complete().ok());
    EXPECT_EQ(t.count("sale_tenders"), 1);
}

TEST(EngineSale, SplitTenderCardThenCash) {
    SaleTerminal t;
    t.basket();
    auto tooMuch = t.checkout().tenderCard(eur(449));
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(tooMuch.status().message().find("4.48 EUR"), std::string::npos) << tooMuch.status().message();

    auto card = t.checkout().tenderCard(eur(300));
    ASSERT_TRUE(card.ok()) << card.status().toString();
    EXPECT_EQ(card->remaining, 148);
    auto cash = t.checkout().tenderCash(eur(200));
    ASSERT_TRUE(cash.ok());
    EXPECT_EQ(cash->change, 52);
    EXPECT_EQ(cash->remaining, 0);
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(queryColumn(*t.db,
                          "SELECT method || ':' || amount_minor || ':' || change_minor FROM sale_tenders"
                          " ORDER BY tender_no"),
              std::vector<std::string>({"card:300:0", "cash:200:52"}));
    EXPECT_EQ(done->payload["tenders"].size(), 2u);
}

// ---- completing ----

TEST(EngineSale, CompleteIsRefusedWhileAnythingIsDue) {
    SaleTerminal t;
    t.basket();
    auto due = t.checkout().complete();
    ASSERT_FALSE(due.ok());
    EXPECT_EQ(due.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(due.status().message(), "4.48 EUR is still due");
    ASSERT_TRUE(t.checkout().tenderCash(eur(448 - 1)).ok());
    due = t.checkout().complete();
    ASSERT_FALSE(due.ok());
    EXPECT_EQ(due.status().message(), "0.01 EUR is still due");
    EXPECT_EQ(t.count("sales"), 0);
    EXPECT_EQ(t.count("outbox"), 1);  // shift.opened only
    ASSERT_TRUE(t.checkout().tenderCash(eur(1)).ok());
    EXPECT_TRUE(t.checkout().complete().ok());
}

TEST(EngineSale, CompleteWritesOneSaleItsLinesTendersAndOneEvent) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().addSku("W", dec("0.375")).ok());
    const std::int64_t before = queryInt(*t.db, "SELECT max(seq) FROM outbox");
    ASSERT_TRUE(t.checkout().tenderCard(eur(1000)).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(t.count("sales"), 1);
    EXPECT_EQ(t.count("sale_lines"), 3);
    EXPECT_EQ(t.count("sale_tenders"), 2);
    EXPECT_EQ(t.count("outbox"), before + 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE type = 'sale.completed'"), 1);
    EXPECT_EQ(done->event.seq, before + 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT max(seq) FROM outbox"), before + 1);
    EXPECT_EQ(queryText(*t.db, "SELECT envelope FROM outbox WHERE seq = " + std::to_string(done->event.seq)),
              done->event.envelope);
    const auto saleId = done->payload["sale"].get<std::string>();
    EXPECT_EQ(queryText(*t.db, "SELECT entity_id FROM outbox WHERE type = 'sale.completed'"), saleId);
    EXPECT_EQ(queryText(*t.db, "SELECT id FROM sales"), saleId);
    EXPECT_EQ(queryColumn(*t.db, "SELECT sku || ' ' || qty || ' ' || gross_minor FROM sale_lines ORDER BY line_no"),
              std::vector<std::string>({"A 2 398", "B 1 50", "W 0.375 930"}));
    // Lines and rates add up to the sale.
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(gross_minor) FROM sale_lines"),
              queryInt(*t.db, "SELECT gross_minor FROM sales"));
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(tax_minor) FROM sale_lines"), queryInt(*t.db, "SELECT tax_minor FROM sales"));
    // A second complete finds nothing to complete and writes nothing.
    EXPECT_EQ(t.checkout().complete().status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.count("sales"), 1);
}

TEST(EngineSale, EventEnvelopeMatchesTheProtocol) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    t.clock.advance(std::chrono::milliseconds(1234));
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    const auto env = nlohmann::json::parse(done->event.envelope);
    EXPECT_EQ(env, envelope(*t.db, done->event.seq));
    ASSERT_TRUE(env["id"].is_string());
    EXPECT_TRUE(core::isUuidV7(env["id"].get<std::string>())) << env["id"];
    EXPECT_EQ(env["id"], done->event.id);
    EXPECT_EQ(env["type"], "sale.completed");
    EXPECT_EQ(env["v"], 1);
    EXPECT_EQ(env["store"], "s1");
    EXPECT_EQ(env["terminal"], "t1");
    EXPECT_EQ(env["seq"], 2);
    EXPECT_EQ(env["at"], core::formatIso8601(t.clock.now()));
    EXPECT_EQ(env["staff"], "c1");

    const auto& p = env["payload"];
    EXPECT_EQ(p, done->payload);
    EXPECT_TRUE(core::isUuidV7(p["sale"].get<std::string>()));
    EXPECT_EQ(p["receipt"], "t1-000001");
    EXPECT_EQ(p["currency"], "EUR");
    EXPECT_EQ(p["shift"], *t.shifts().current());
    EXPECT_EQ(p["price_version"], 7);
    ASSERT_EQ(p["lines"].size(), 2u);
    const auto& line = p["lines"][0];
    EXPECT_EQ(line["line"], 1);
    EXPECT_EQ(line["sku"], "A");
    EXPECT_EQ(line["name"], "Apple juice");
    EXPECT_EQ(line["qty"], "2");
    EXPECT_EQ(line["unit_price"], 199);
    EXPECT_EQ(line["discount"], 0);
    EXPECT_EQ(line["tax_code"], "VAT19");
    EXPECT_EQ(line["tax_rate"], "19");
    EXPECT_EQ(line["gross"], 398);
    EXPECT_EQ(line["tax"], 64);
    EXPECT_EQ(line["net"], 334);
    EXPECT_EQ(p["lines"][1]["line"], 2);
    EXPECT_EQ(
        p["totals"],
        nlohmann::json({{"net", 381}, {"tax", 67}, {"gross", 448}, {"discount", 0}, {"rounding", 0}, {"due", 448}}));
    EXPECT_EQ(p["tax_breakdown"],
              nlohmann::json::array({{{"tax_code", "VAT19"}, {"rate", "19"}, {"net", 334}, {"tax", 64}, {"gross", 398}},
                                     {{"tax_code", "VAT7"}, {"rate", "7"}, {"net", 47}, {"tax", 3}, {"gross", 50}}}));
    EXPECT_EQ(p["tenders"], nlohmann::json::array({{{"method", "cash"}, {"amount", 500}, {"change", 52}}}));
    EXPECT_FALSE(p.contains("original_receipt"));
}

TEST(EngineSale, ReceiptNumbersCountUpPerTerminal) {
    SaleTerminal t;
    for (int i = 1; i <= 3; ++i) {
        ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
        ASSERT_TRUE(t.checkout().tenderCash(eur(50)).ok());
        auto done = t.checkout().complete();
        ASSERT_TRUE(done.ok());
        EXPECT_EQ(done->receiptNo, "t1-00000" + std::to_string(i));
        EXPECT_EQ(done->event.seq, i + 1);
    }
    EXPECT_EQ(queryColumn(*t.db, "SELECT receipt_no FROM sales ORDER BY receipt_no"),
              std::vector<std::string>({"t1-000001", "t1-000002", "t1-000003"}));
    // Numbers continue after a restart.
    t.reopen();
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(50)).ok());
    EXPECT_EQ(t.checkout().complete()->receiptNo, "t1-000004");
}

// ---- cash rounding and currencies ----

nlohmann::json chfSeed() {
    auto seed = standardSeed({{"currency", "CHF"}});
    seed["items"].push_back({{"sku", "C"}, {"name", "Cheese"}, {"price", "12.33"}, {"tax_code", "VAT7"}});
    seed["items"].push_back({{"sku", "D"}, {"name", "Dates"}, {"price", "12.32"}, {"tax_code", "VAT7"}});
    return seed;
}

TEST(EngineSale, ChfCashIsRoundedToFiveRappenAndTheRoundingRecorded) {
    SaleTerminal t(chfSeed());
    ASSERT_EQ(t.till->settings().currency.codeView(), "CHF");
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    auto paid = t.checkout().tenderCash(money(2000, "CHF"));
    ASSERT_TRUE(paid.ok()) << paid.status().toString();
    EXPECT_EQ(paid->totals.gross.minor(), 1233);
    EXPECT_EQ(paid->rounding, 2);
    EXPECT_EQ(paid->change, 765);
    EXPECT_EQ(paid->remaining, 0);
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->payload["currency"], "CHF");
    EXPECT_EQ(done->payload["totals"]["rounding"], 2);
    EXPECT_EQ(done->payload["totals"]["due"], 1235);
    EXPECT_EQ(done->payload["tenders"][0]["change"], 765);
    EXPECT_EQ(queryInt(*t.db, "SELECT rounding_minor FROM sales"), 2);
    EXPECT_EQ(queryInt(*t.db, "SELECT gross_minor FROM sales"), 1233);

    // 12.32 rounds down to 12.30.
    ASSERT_TRUE(t.checkout().addSku("D", dec("1")).ok());
    paid = t.checkout().tenderCash(money(2000, "CHF"));
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->rounding, -2);
    EXPECT_EQ(paid->change, 770);
    ASSERT_TRUE(t.checkout().complete().ok());

    // Card pays the exact amount: no rounding.
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    paid = t.checkout().tenderCard();
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->rounding, 0);
    EXPECT_EQ(paid->tenders[0].amount, 1233);
    ASSERT_TRUE(t.checkout().complete().ok());
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(rounding_minor) FROM sales"), 0);
}

TEST(EngineSale, ExactRoundedCashSettlesAChfSale) {
    SaleTerminal t(chfSeed());
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    auto paid = t.checkout().tenderCash(money(1235, "CHF"));
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->remaining, 0);
    EXPECT_EQ(paid->change, 0);
    EXPECT_EQ(paid->rounding, 2);
    EXPECT_TRUE(t.checkout().complete().ok());
}

TEST(EngineSale, CashBelowTheCashStepIsRefused) {
    SaleTerminal t(chfSeed());
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    // 12.34 CHF would pay 1 Rappen more than the 12.33 due, with no change and no rounding.
    auto odd = t.checkout().tenderCash(money(1234, "CHF"));
    ASSERT_FALSE(odd.ok());
    EXPECT_EQ(odd.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(odd.status().message().find("0.05 CHF"), std::string::npos) << odd.status().message();
    auto s = t.checkout().state();
    EXPECT_TRUE(s->tenders.empty());
    EXPECT_EQ(s->remaining, 1233);
    // Partial cash in whole steps, then the rest rounded.
    auto part = t.checkout().tenderCash(money(1000, "CHF"));
    ASSERT_TRUE(part.ok());
    EXPECT_EQ(part->remaining, 233);
    EXPECT_EQ(part->rounding, 0);
    auto rest = t.checkout().tenderCash(money(500, "CHF"));
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(rest->rounding, 2);
    EXPECT_EQ(rest->change, 265);
    EXPECT_EQ(rest->remaining, 0);
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    // What the drawer took equals what was due.
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(amount_minor - change_minor) FROM sale_tenders"),
              queryInt(*t.db, "SELECT gross_minor + rounding_minor FROM sales"));
}

TEST(EngineSale, TenderInAnotherCurrencyIsRefused) {
    SaleTerminal t;
    t.basket();
    auto usd = t.checkout().tenderCash(money(1000, "USD"));
    ASSERT_FALSE(usd.ok());
    EXPECT_EQ(usd.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(usd.status().message().find("USD"), std::string::npos);
    EXPECT_NE(usd.status().message().find("EUR"), std::string::npos);
    EXPECT_EQ(t.checkout().tenderCard(money(100, "CHF")).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().overridePrice(1, money(100, "USD"), Approval{"s1", "3333"}).status().kind(),
              core::ErrorKind::InvalidArgument);
    auto s = t.checkout().state();
    EXPECT_TRUE(s->tenders.empty());
    EXPECT_EQ(s->remaining, 448);
}

// ---- editing ----

TEST(EngineSale, ScanAddSetQtyAndRemoveChangeTheSale) {
    SaleTerminal t;
    auto unknown = t.checkout().scan("4006381333931", dec("1"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(unknown.status().message().find("4006381333931"), std::string::npos);
    EXPECT_EQ(t.checkout().scan("", dec("1")).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().scan(kApple, dec("1.5")).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_TRUE(t.checkout().cart().empty());

    t.basket();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());  // merges into line 1
    ASSERT_EQ(t.checkout().cart().lines().size(), 2u);
    EXPECT_EQ(t.checkout().cart().lines()[0].qty, dec("3"));
    auto s = t.checkout().setQty(2, dec("4"));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->totals.gross.minor(), 597 + 200);
    EXPECT_EQ(t.checkout().setQty(3, dec("1")).status().kind(), core::ErrorKind::InvalidArgument);
    s = t.checkout().removeLine(1);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->totals.gross.minor(), 200);
    EXPECT_EQ(t.checkout().cart().lines()[0].item.sku, "B");
}

TEST(EngineSale, CartIsLockedOncePaymentHasStarted) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCash(eur(100)).ok());
    const auto discount = *Discount::make("0.10", "", t.till->settings().currency);
    const Approval sue{"s1", "3333"};
    EXPECT_EQ(t.checkout().scan(kApple, dec("1")).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().addSku("W", dec("0.5")).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().setQty(1, dec("1")).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().removeLine(1).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().lineDiscount(1, discount, sue).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().cartDiscount(discount, sue).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().overridePrice(1, eur(1), sue).status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.checkout().park("later").status().kind(), core::ErrorKind::FailedPrecondition);
    auto s = t.checkout().state();
    EXPECT_EQ(s->totals.gross.minor(), 448);
    EXPECT_EQ(s->remaining, 348);
    EXPECT_EQ(t.checkout().cart().lines().size(), 2u);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0) << "no approval is used up on a refused change";
}

TEST(EngineSale, EmptiedSaleDoesNotCarryItsDiscountIntoTheNextSale) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(
        t.checkout().cartDiscount(*Discount::make("", "50", t.till->settings().currency), Approval{"s1", "3333"}).ok());
    auto emptied = t.checkout().removeLine(1);
    ASSERT_TRUE(emptied.ok()) << emptied.status().toString();
    EXPECT_TRUE(t.checkout().cart().empty());
    // The next sale starts without the approved 50% off.
    auto next = t.checkout().scan(kSherry, dec("1"));
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->totals.discount.minor(), 0);
    EXPECT_EQ(next->totals.gross.minor(), 999);
    EXPECT_FALSE(t.checkout().cart().cartDiscount().any());
}

TEST(EngineSale, CashierChangingADiscountedSaleTakesTheApprovedDiscountsOff) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("3")).ok());  // 5.97
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout()
                    .cartDiscount(*Discount::make("1.00", "", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    ASSERT_TRUE(t.checkout()
                    .lineDiscount(1, *Discount::make("", "50", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    ASSERT_TRUE(t.checkout().overridePrice(2, eur(10), Approval{"s1", "3333"}).ok());
    // The approvals were for this sale as it was: changing the quantity of line 1 takes its
    // discount off, and the sale discount too; line 2 keeps its approved price.
    auto changed = t.checkout().setQty(1, dec("1"));
    ASSERT_TRUE(changed.ok()) << changed.status().toString();
    EXPECT_EQ(changed->totals.discount.minor(), 0);
    EXPECT_EQ(changed->totals.gross.minor(), 199 + 10);
    // Changing line 2's quantity restores its catalog price.
    auto more = t.checkout().setQty(2, dec("2"));
    ASSERT_TRUE(more.ok());
    EXPECT_EQ(more->totals.gross.minor(), 199 + 2 * 50);
    // A supervisor's own changes keep what they approved.
    ASSERT_TRUE(t.checkout()
                    .cartDiscount(*Discount::make("1.00", "", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    auto bySupervisor = t.checkout().scan(kBread, dec("1"));
    ASSERT_TRUE(bySupervisor.ok());
    EXPECT_EQ(bySupervisor->totals.discount.minor(), 100);
}

TEST(EngineSale, RemovingALineTakesTheSaleDiscountOffForACashier) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout()
                    .cartDiscount(*Discount::make("1.00", "", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    auto removed = t.checkout().removeLine(1);
    ASSERT_TRUE(removed.ok()) << removed.status().toString();
    EXPECT_EQ(removed->totals.gross.minor(), 50);
    EXPECT_EQ(removed->totals.discount.minor(), 0);
    auto last = t.checkout().removeLine(1);
    ASSERT_TRUE(last.ok()) << last.status().toString();
    EXPECT_EQ(last->totals.gross.minor(), 0);
}

// ---- park and resume ----

TEST(EngineSale, ParkThenResumeRestoresTheSale) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().addSku("W", dec("0.375")).ok());
    ASSERT_TRUE(t.checkout()
                    .lineDiscount(1, *Discount::make("", "10", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    const auto before = t.checkout().state();
    ASSERT_TRUE(before.ok());
    auto id = t.checkout().park("table 4");
    ASSERT_TRUE(id.ok()) << id.status().toString();
    EXPECT_TRUE(t.checkout().cart().empty());

    auto list = t.checkout().parked();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].id, *id);
    EXPECT_EQ((*list)[0].label, "table 4");
    EXPECT_EQ((*list)[0].staff, "c1");
    EXPECT_EQ((*list)[0].parkedAt, core::formatIso8601(t.clock.now()));

    // Another sale meanwhile.
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    EXPECT_EQ(t.checkout().resume(*id).status().kind(), core::ErrorKind::FailedPrecondition);
    ASSERT_TRUE(t.checkout().tenderCash(eur(1000)).ok());
    ASSERT_TRUE(t.checkout().complete().ok());

    auto resumed = t.checkout().resume(*id);
    ASSERT_TRUE(resumed.ok()) << resumed.status().toString();
    ASSERT_EQ(t.checkout().cart().lines().size(), 3u);
    EXPECT_EQ(t.checkout().cart().lines()[0].qty, dec("2"));
    EXPECT_EQ(t.checkout().cart().lines()[2].qty, dec("0.375"));
    EXPECT_EQ(t.checkout().cart().lines()[0].discount.approvedBy, "s1");
    EXPECT_EQ(resumed->totals.gross, before->totals.gross);
    EXPECT_EQ(resumed->totals.discount.minor(), 40);
    EXPECT_TRUE(t.checkout().parked()->empty());
    EXPECT_EQ(t.checkout().resume(*id).status().kind(), core::ErrorKind::FailedPrecondition);

    ASSERT_TRUE(t.checkout().tenderCash(eur(5000)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->payload["sale"], *id);
    EXPECT_EQ(done->payload["lines"].size(), 3u);
}

TEST(EngineSale, ParkedListIsInParkingOrder) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    auto first = t.checkout().park("first");
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    auto second = t.checkout().park("second");
    ASSERT_TRUE(second.ok());
    // Resumed and parked again (same millisecond): now the most recently parked.
    ASSERT_TRUE(t.checkout().resume(*first).ok());
    ASSERT_TRUE(t.checkout().park("first again").ok());
    auto parked = t.checkout().parked();
    ASSERT_TRUE(parked.ok());
    std::vector<std::string> labels;
    for (const auto& p : *parked) labels.push_back(p.label);
    EXPECT_EQ(labels, std::vector<std::string>({"second", "first again"}));
}

TEST(EngineSale, ParkedSaleSurvivesARestart) {
    SaleTerminal t;
    t.basket();
    auto id = t.checkout().park("");
    ASSERT_TRUE(id.ok());
    t.reopen();
    ASSERT_TRUE(t.session().login("c2", "2222").ok());
    auto resumed = t.checkout().resume(*id);
    ASSERT_TRUE(resumed.ok()) << resumed.status().toString();
    EXPECT_EQ(resumed->totals.gross.minor(), 448);
}

TEST(EngineSale, ResumeOfAnUnknownIdFails) {
    SaleTerminal t;
    auto r = t.checkout().resume("no-such-sale");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(r.status().message().find("no-such-sale"), std::string::npos);
    EXPECT_TRUE(t.checkout().cart().empty());
}

TEST(EngineSale, ParkIsRefusedWithTendersOrWhenEmpty) {
    SaleTerminal t;
    EXPECT_EQ(t.checkout().park("nothing").status().kind(), core::ErrorKind::FailedPrecondition);
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(100)).ok());
    auto parked = t.checkout().park("half paid");
    ASSERT_FALSE(parked.ok());
    EXPECT_EQ(parked.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_EQ(t.count("parked_sales"), 0);
    EXPECT_EQ(t.checkout().state()->tenders.size(), 1u);
}

// ---- void ----

TEST(EngineSale, VoidNeedsApprovalAndReasonAndReversesCardPayments) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(100)).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(50)).ok());
    auto denied = t.checkout().voidSale("customer left");
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.status().kind(), core::ErrorKind::PermissionDenied);
    auto noReason = t.checkout().voidSale("", Approval{"s1", "3333"});
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().voidSale("customer left", Approval{"c2", "2222"}).status().kind(),
              core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.payments.reversals(), 0);
    EXPECT_EQ(t.count("voided_sales"), 0);

    auto voided = t.checkout().voidSale("customer left", Approval{"s1", "3333"});
    ASSERT_TRUE(voided.ok()) << voided.status().toString();
    EXPECT_EQ(t.payments.reversals(), 1);
    EXPECT_EQ(voided->type, EventType::SaleVoided);
    EXPECT_EQ(voided->seq, 2);
    EXPECT_TRUE(t.checkout().cart().empty());
    EXPECT_TRUE(t.checkout().state()->tenders.empty());

    EXPECT_EQ(t.count("voided_sales"), 1);
    EXPECT_EQ(t.count("sales"), 0);
    EXPECT_EQ(queryText(*t.db, "SELECT staff || ' ' || approved_by || ' ' || reason FROM voided_sales"),
              "c1 s1 customer left");
    EXPECT_EQ(queryInt(*t.db, "SELECT gross_minor FROM voided_sales"), 448);
    EXPECT_EQ(queryInt(*t.db, "SELECT lines FROM voided_sales"), 2);
    EXPECT_EQ(queryText(*t.db, "SELECT shift_id FROM voided_sales"), *t.shifts().current());

    const auto env = lastEnvelope(*t.db);
    EXPECT_EQ(env["type"], "sale.voided");
    EXPECT_EQ(env["staff"], "c1");
    EXPECT_EQ(env["payload"]["reason"], "customer left");
    EXPECT_EQ(env["payload"]["approved_by"], "s1");
    EXPECT_EQ(env["payload"]["gross"], 448);
    EXPECT_EQ(env["payload"]["sale"], queryText(*t.db, "SELECT id FROM voided_sales"));
    ASSERT_EQ(env["payload"]["reversed"].size(), 1u);
    EXPECT_EQ(env["payload"]["reversed"][0]["amount"], 100);
    EXPECT_EQ(env["payload"]["reversed"][0]["terminal_ref"], "FAKE-000001");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit WHERE action = 'void_sale'"), "s1");

    EXPECT_EQ(t.checkout().voidSale("again", Approval{"s1", "3333"}).status().kind(),
              core::ErrorKind::FailedPrecondition);
    // The till sells on normally.
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(50)).ok());
    EXPECT_EQ(t.checkout().complete()->receiptNo, "t1-000001");
}

TEST(EngineSale, VoidKeepsTheSaleOpenWhenTheCardCannotBeReversed) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard().ok());
    t.payments.setOffline(true);
    auto voided = t.checkout().voidSale("wrong customer", Approval{"s1", "3333"});
    ASSERT_FALSE(voided.ok());
    EXPECT_EQ(voided.status().kind(), core::ErrorKind::Unavailable);
    EXPECT_EQ(t.checkout().state()->tenders.size(), 1u);
    EXPECT_EQ(t.count("voided_sales"), 0);
    t.payments.setOffline(false);
    ASSERT_TRUE(t.checkout().voidSale("wrong customer", Approval{"s1", "3333"}).ok());
    EXPECT_EQ(t.payments.reversals(), 1);
}

// ---- card approvals of sales that never complete ----

TEST(EngineSale, ApprovedCardIsJournaledUntilTheSaleCompletes) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(100)).ok());
    EXPECT_EQ(t.count("card_authorizations"), 1);
    const std::string journaledSale = queryText(*t.db, "SELECT sale_id FROM card_authorizations");
    EXPECT_EQ(queryInt(*t.db, "SELECT amount_minor FROM card_authorizations"), 100);
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(t.count("card_authorizations"), 0);
    EXPECT_EQ(done->payload["sale"].get<std::string>(), journaledSale);
}

TEST(EngineSale, CardApprovalOfASaleLostInACrashIsReversedOnTheNextStart) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(200)).ok());
    EXPECT_EQ(t.payments.reversals(), 0);
    t.reopen();  // the till died before completing: the cart is gone, the approval is journaled
    EXPECT_EQ(t.payments.reversals(), 1);
    EXPECT_EQ(t.count("card_authorizations"), 0);
    EXPECT_EQ(t.count("sales"), 0);
    EXPECT_EQ(queryText(*t.db,
                        "SELECT json_extract(detail, '$.terminal_ref') FROM audit"
                        " WHERE action = 'card_payment_reversed'"),
              "FAKE-000001");
    t.reopen();  // reversed once only
    EXPECT_EQ(t.payments.reversals(), 1);
}

TEST(EngineSale, CardApprovalIsKeptForTheNextStartWhileTheTerminalIsOffline) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(200)).ok());
    t.payments.setOffline(true);
    t.reopen();
    EXPECT_EQ(t.count("card_authorizations"), 1);
    t.payments.setOffline(false);
    t.reopen();
    EXPECT_EQ(t.count("card_authorizations"), 0);
    EXPECT_EQ(t.payments.reversals(), 1);
}

TEST(EngineSale, VoidedCardPaymentLeavesNoJournalEntry) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(100)).ok());
    ASSERT_TRUE(t.checkout().voidSale("customer left", Approval{"s1", "3333"}).ok());
    EXPECT_EQ(t.count("card_authorizations"), 0);
    t.reopen();
    EXPECT_EQ(t.payments.reversals(), 1);  // the void's reversal, not a second one
}

TEST(EngineSale, RetriedVoidStillReportsTheCardReversalOfTheFailedOne) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.checkout().tenderCard(eur(100)).ok());
    // The void's own write fails after the card was reversed.
    ASSERT_TRUE(t.db->exec("CREATE TEMP TRIGGER fail_void BEFORE INSERT ON voided_sales"
                           " BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                    .ok());
    auto failed = t.checkout().voidSale("customer left", Approval{"s1", "3333"});
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(t.payments.reversals(), 1);
    EXPECT_EQ(t.count("voided_sales"), 0);
    ASSERT_TRUE(t.db->exec("DROP TRIGGER fail_void").ok());
    ASSERT_TRUE(t.checkout().voidSale("customer left", Approval{"s1", "3333"}).ok());
    EXPECT_EQ(t.payments.reversals(), 1);
    const auto env = lastEnvelope(*t.db);
    ASSERT_EQ(env["payload"]["reversed"].size(), 1u);
    EXPECT_EQ(env["payload"]["reversed"][0]["terminal_ref"], "FAKE-000001");
}

TEST(EngineSale, ResumedSaleIsPricedAtTodaysCatalogPrices) {
    SaleTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    auto parked = t.checkout().park("later");
    ASSERT_TRUE(parked.ok());
    auto seed = standardSeed();
    seed["items"][0]["price"] = "2.49";
    ASSERT_TRUE(importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum).ok());
    auto resumed = t.checkout().resume(*parked);
    ASSERT_TRUE(resumed.ok()) << resumed.status().toString();
    EXPECT_EQ(resumed->totals.gross.minor(), 2 * 249);
}

TEST(EngineSale, AmountsBeyondWhatATillTakesAreRefused) {
    SaleTerminal t;
    t.basket();
    auto huge = t.checkout().tenderCash(eur(10'000'000'001));
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidIn(eur(9'000'000'000'000'000'000), "x").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_TRUE(t.shifts().xReport().ok());
}

TEST(EngineSale, SupervisorVoidsWithoutApproval) {
    SaleTerminal t;
    t.basket();
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    auto voided = t.checkout().voidSale("test");
    ASSERT_TRUE(voided.ok()) << voided.status().toString();
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM voided_sales"), "s1");
    EXPECT_EQ(queryText(*t.db, "SELECT coalesce(approved_by, '') FROM voided_sales"), "");
}

// ---- guards ----

TEST(EngineSale, NothingSellsWithoutLoginOrOpenShift) {
    Terminal t;
    // Logged out, the first check (the user) answers, whatever else is missing.
    for (const auto& st :
         {t.checkout().scan(kApple, dec("1")).status(), t.checkout().setQty(1, dec("2")).status(),
          t.checkout().removeLine(1).status(), t.checkout().tenderCash(eur(100)).status(),
          t.checkout().complete().status(), t.shifts().open(eur(100)).status(), t.shifts().paidIn(eur(100), "x")}) {
        EXPECT_EQ(st.kind(), core::ErrorKind::Unauthenticated) << st.toString();
        EXPECT_EQ(st.message(), "no one is logged in");
    }

    ASSERT_TRUE(t.session().login("c1", "1111").ok());  // logged in, no shift
    for (const auto& st : {t.checkout().scan(kApple, dec("1")).status(), t.checkout().addSku("A", dec("1")).status(),
                           t.checkout().tenderCash(eur(100)).status(), t.checkout().tenderCard().status(),
                           t.checkout().complete().status(), t.checkout().resume("x").status()}) {
        EXPECT_EQ(st.kind(), core::ErrorKind::FailedPrecondition) << st.toString();
    }
    EXPECT_NE(t.checkout().scan(kApple, dec("1")).status().message().find("shift"), std::string::npos);

    ASSERT_TRUE(t.shifts().open(eur(100)).ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    t.session().logout();
    for (const auto& st :
         {t.checkout().scan(kApple, dec("1")).status(), t.checkout().setQty(1, dec("2")).status(),
          t.checkout().removeLine(1).status(), t.checkout().tenderCash(eur(500)).status(),
          t.checkout().tenderCard().status(), t.checkout().complete().status(), t.checkout().park("x").status(),
          t.checkout().voidSale("x", Approval{"s1", "3333"}).status()}) {
        EXPECT_EQ(st.kind(), core::ErrorKind::Unauthenticated) << st.toString();
    }
    EXPECT_EQ(t.checkout().cart().lines().size(), 1u);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);
}

TEST(EngineSale, SwitchingCashierKeepsTheCartAndTheNewCashierCompletes) {
    SaleTerminal t;
    t.basket();
    // A failed switch changes nothing.
    EXPECT_FALSE(t.session().login("c2", "0000").ok());
    EXPECT_EQ(t.session().user()->id, "c1");
    ASSERT_TRUE(t.session().login("c2", "2222").ok());
    EXPECT_EQ(t.session().user()->id, "c2");
    EXPECT_EQ(t.checkout().cart().lines().size(), 2u);
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(2000)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM sales"), "c2");
    EXPECT_EQ(nlohmann::json::parse(done->event.envelope)["staff"], "c2");
    EXPECT_EQ(done->payload["lines"].size(), 3u);
    EXPECT_EQ(queryInt(*t.db, "SELECT gross_minor FROM sales"), 448 + 999);
}

}  // namespace
}  // namespace frontdesk::kiosk
