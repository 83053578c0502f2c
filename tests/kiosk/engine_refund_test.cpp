// Engine refunds: against a receipt (never more than sold, exact remainders, back to the original
// payment method first) and without a receipt (supervisor, reason, cash only).
#include <numeric>

#include <gtest/gtest.h>

#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

struct RefundTerminal : Terminal {
    explicit RefundTerminal(const nlohmann::json& seed = standardSeed()) : Terminal(seed) { startShift(); }

    // Completes the sale in progress, paid by card, cash or both; returns the receipt number.
    std::string finish(const char* how) {
        const std::string method = how;
        if (method == "card") {
            EXPECT_TRUE(till->checkout().tenderCard().ok());
        }
        if (method == "split") {
            EXPECT_TRUE(till->checkout().tenderCard(eur(300)).ok());
        }
        if (method != "card") {
            EXPECT_TRUE(till->checkout().tenderCash(core::Money(100000, till->settings().currency)).ok());
        }
        auto done = till->checkout().complete();
        EXPECT_TRUE(done.ok()) << done.status().toString();
        return done.ok() ? done->receiptNo : "";
    }
    // 2 x A + 1 x B = 4.48
    std::string basketSale(const char* how) {
        EXPECT_TRUE(till->checkout().scan(kApple, dec("2")).ok());
        EXPECT_TRUE(till->checkout().scan(kBread, dec("1")).ok());
        return finish(how);
    }
    core::Result<Committed> refundLines(const std::string& receipt, std::vector<RefundLine> lines,
                                        const std::string& method = "",
                                        const std::optional<Approval>& approval = std::nullopt) {
        RefundRequest request;
        request.receipt = receipt;
        request.lines = std::move(lines);
        if (!method.empty()) request.method = *parseTenderMethod(method);
        return till->refunds().refund(request, approval);
    }
    std::string refundTenders(const Committed& c) {
        return queryText(*db,
                         "SELECT group_concat(t.method || ':' || t.amount_minor, ' ') FROM sale_tenders t"
                         " JOIN sales s ON s.id = t.sale_id WHERE s.receipt_no = '" +
                             c.receiptNo + "'");
    }
};

// ---- against a receipt ----

TEST(EngineRefund, PartThenRestOfALineSumExactlyToTheLine) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("4")).ok());
    ASSERT_TRUE(t.checkout()
                    .lineDiscount(1, *Discount::make("0.02", "", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    const auto receipt = t.finish("cash");
    // The line: 4 x 1.99 - 0.02 = 7.94 gross, tax 7.94 x 19/119 = 1.27, net 6.67, discount 0.02.
    ASSERT_EQ(queryInt(*t.db, "SELECT gross_minor FROM sale_lines"), 794);
    ASSERT_EQ(queryInt(*t.db, "SELECT tax_minor FROM sale_lines"), 127);

    auto first = t.refundLines(receipt, {{1, dec("1")}}, "cash");
    ASSERT_TRUE(first.ok()) << first.status().toString();
    const auto& l1 = first->payload["lines"][0];
    EXPECT_EQ(l1["qty"], "1");
    EXPECT_EQ(l1["gross"], 199);  // 794 / 4 = 198.5
    EXPECT_EQ(l1["tax"], 32);     // 127 / 4 = 31.75
    EXPECT_EQ(l1["net"], 167);
    EXPECT_EQ(l1["original_line"], 1);

    // Proportionally the rest would be 595.5 -> 596; it is exactly what is left.
    auto rest = t.refundLines(receipt, {{1, dec("3")}}, "cash");
    ASSERT_TRUE(rest.ok()) << rest.status().toString();
    const auto& l2 = rest->payload["lines"][0];
    EXPECT_EQ(l2["gross"], 595);
    EXPECT_EQ(l2["tax"], 95);
    EXPECT_EQ(l2["net"], 500);
    EXPECT_EQ(l1["gross"].get<std::int64_t>() + l2["gross"].get<std::int64_t>(), 794);
    EXPECT_EQ(l1["tax"].get<std::int64_t>() + l2["tax"].get<std::int64_t>(), 127);
    EXPECT_EQ(l1["net"].get<std::int64_t>() + l2["net"].get<std::int64_t>(), 667);
    EXPECT_EQ(l1["discount"].get<std::int64_t>() + l2["discount"].get<std::int64_t>(), 2);

    EXPECT_EQ(queryInt(*t.db, "SELECT sum(gross_minor) FROM sales WHERE kind = 'refund'"), 794);
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(tax_minor) FROM sales WHERE kind = 'refund'"), 127);
    EXPECT_EQ(queryInt(*t.db, "SELECT sum(discount_minor) FROM sales WHERE kind = 'refund'"), 2);
    EXPECT_EQ(queryInt(*t.db,
                       "SELECT sum(t.amount_minor) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id"
                       " WHERE s.kind = 'refund'"),
              794);
}

TEST(EngineRefund, PieceByPieceRefundsSumExactlyAndNeverGoNegative) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("4")).ok());
    ASSERT_TRUE(t.checkout()
                    .lineDiscount(1, *Discount::make("0.02", "", t.till->settings().currency), Approval{"s1", "3333"})
                    .ok());
    const auto receipt = t.finish("cash");  // gross 7.94, tax 1.27, discount 0.02
    std::vector<std::int64_t> gross, tax, net, discount;
    for (int i = 0; i < 4; ++i) {
        auto r = t.refundLines(receipt, {{1, dec("1")}}, "cash");
        ASSERT_TRUE(r.ok()) << r.status().toString();
        const auto& line = r->payload["lines"][0];
        gross.push_back(line["gross"].get<std::int64_t>());
        tax.push_back(line["tax"].get<std::int64_t>());
        net.push_back(line["net"].get<std::int64_t>());
        discount.push_back(line["discount"].get<std::int64_t>());
    }
    // Each refund is the share of everything refunded so far less what was already returned.
    EXPECT_EQ(gross, std::vector<std::int64_t>({199, 198, 199, 198}));
    EXPECT_EQ(tax, std::vector<std::int64_t>({32, 32, 31, 32}));
    EXPECT_EQ(discount, std::vector<std::int64_t>({1, 0, 1, 0}));
    EXPECT_EQ(std::accumulate(net.begin(), net.end(), std::int64_t{0}), 667);
    EXPECT_FALSE(t.refundLines(receipt, {{1, dec("1")}}).ok());
}

TEST(EngineRefund, WeighedLineRefundedInThreePartsSumsExactly) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().addSku("W", dec("0.301")).ok());  // 24.80 x 0.301 = 7.4648 -> 7.46
    const auto receipt = t.finish("cash");
    const auto lineGross = queryInt(*t.db, "SELECT gross_minor FROM sale_lines");
    const auto lineTax = queryInt(*t.db, "SELECT tax_minor FROM sale_lines");
    ASSERT_EQ(lineGross, 746);
    std::int64_t gross = 0, tax = 0;
    for (const char* qty : {"0.1", "0.1", "0.101"}) {
        auto r = t.refundLines(receipt, {{1, dec(qty)}}, "cash");
        ASSERT_TRUE(r.ok()) << r.status().toString();
        gross += r->payload["totals"]["gross"].get<std::int64_t>();
        tax += r->payload["totals"]["tax"].get<std::int64_t>();
    }
    EXPECT_EQ(gross, lineGross);
    EXPECT_EQ(tax, lineTax);
}

TEST(EngineRefund, OverRefundIsRefusedNamingWhatIsLeft) {
    RefundTerminal t;
    const auto receipt = t.basketSale("cash");
    ASSERT_TRUE(t.refundLines(receipt, {{1, dec("1")}}).ok());
    auto over = t.refundLines(receipt, {{1, dec("2")}});
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(over.status().message(), "line 1 (Apple juice): only 1 of 2 left to refund, not 2");
    ASSERT_TRUE(t.refundLines(receipt, {{1, dec("1")}}).ok());
    over = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_FALSE(over.ok());
    EXPECT_NE(over.status().message().find("only 0 of 2 left"), std::string::npos) << over.status().message();
    // A refused refund writes nothing.
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales WHERE kind = 'refund'"), 2);
    // The other line is still refundable.
    EXPECT_TRUE(t.refundLines(receipt, {{2, dec("1")}}).ok());
}

TEST(EngineRefund, MalformedRefundRequestsAreRefused) {
    RefundTerminal t;
    const auto receipt = t.basketSale("cash");
    auto unknown = t.refundLines("t1-000099", {{1, dec("1")}});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(unknown.status().message().find("t1-000099"), std::string::npos);

    EXPECT_EQ(t.refundLines(receipt, {{3, dec("1")}}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.refundLines(receipt, {{1, dec("1")}, {1, dec("1")}}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.refundLines(receipt, {{1, dec("0")}}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.refundLines(receipt, {{1, dec("-1")}}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.refundLines(receipt, {}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(parseTenderMethod("cheque").status().kind(), core::ErrorKind::InvalidArgument);  // no such method
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 2);

    // A refund receipt cannot itself be refunded.
    auto refund = t.refundLines(receipt, {{2, dec("1")}});
    ASSERT_TRUE(refund.ok());
    auto again = t.refundLines(refund->receiptNo, {{1, dec("1")}});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().kind(), core::ErrorKind::InvalidArgument);
}

TEST(EngineRefund, RefundGoesBackToTheCardByDefault) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    const auto receipt = t.finish("card");
    auto refund = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    const auto& tenders = refund->payload["tenders"];
    ASSERT_EQ(tenders.size(), 1u);
    EXPECT_EQ(tenders[0]["method"], "card");
    EXPECT_EQ(tenders[0]["amount"], 999);
    EXPECT_EQ(tenders[0]["auth_code"], "R2");  // the fake terminal's refund, after authorization A1
    EXPECT_EQ(tenders[0]["last4"], "4242");
    EXPECT_EQ(t.refundTenders(*refund), "card:999");
    EXPECT_EQ(queryText(*t.db, "SELECT card_last4 FROM sale_tenders WHERE auth_code = 'R2'"), "4242");
}

TEST(EngineRefund, CardSaleRefundedInCashNeedsASupervisor) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    const auto receipt = t.finish("card");
    // Paying a card sale out of the drawer is how cash walks: a cashier alone may not.
    auto denied = t.refundLines(receipt, {{1, dec("1")}}, "cash");
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(denied.status().message().find("refund a card payment in cash"), std::string::npos);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales WHERE kind = 'refund'"), 0);
    auto refund = t.refundLines(receipt, {{1, dec("1")}}, "cash", Approval{"s1", "3333"});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    EXPECT_EQ(t.refundTenders(*refund), "cash:999");
    EXPECT_EQ(refund->payload["approved_by"], "s1");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_tenders WHERE auth_code LIKE 'R%'"), 0);
}

TEST(EngineRefund, CardRefundOfACashSaleIsRefused) {
    RefundTerminal t;
    const auto receipt = t.basketSale("cash");
    auto card = t.refundLines(receipt, {{1, dec("1")}}, "card");
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(card.status().message().find("not paid by card"), std::string::npos) << card.status().message();
    auto byDefault = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_TRUE(byDefault.ok());
    EXPECT_EQ(t.refundTenders(*byDefault), "cash:199");
}

TEST(EngineRefund, SplitPaidSaleRefundsToTheCardFirstThenCash) {
    RefundTerminal t;
    const auto receipt = t.basketSale("split");            // card 3.00, cash 1.48
    auto first = t.refundLines(receipt, {{1, dec("1")}});  // 1.99: all to the card
    ASSERT_TRUE(first.ok()) << first.status().toString();
    EXPECT_EQ(t.refundTenders(*first), "card:199");
    auto second = t.refundLines(receipt, {{1, dec("1")}, {2, dec("1")}});  // 2.49: 1.01 card left
    ASSERT_TRUE(second.ok()) << second.status().toString();
    EXPECT_EQ(t.refundTenders(*second), "card:101 cash:148");
    // Nothing left on the card.
    EXPECT_EQ(queryInt(*t.db,
                       "SELECT sum(t.amount_minor) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id"
                       " WHERE s.kind = 'refund' AND t.method = 'card'"),
              300);
}

TEST(EngineRefund, RefundEventCarriesTheOriginalReceiptAndHasItsOwnNumber) {
    RefundTerminal t;
    const auto receipt = t.basketSale("cash");
    ASSERT_EQ(receipt, "t1-000001");
    const auto saleId = queryText(*t.db, "SELECT id FROM sales WHERE receipt_no = 't1-000001'");
    const auto before = queryInt(*t.db, "SELECT max(seq) FROM outbox");
    RefundRequest request;
    request.receipt = receipt;
    request.lines = {{2, dec("1")}};
    request.reason = "stale";
    auto refund = t.refunds().refund(request);
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    EXPECT_EQ(refund->receiptNo, "t1-000002");
    EXPECT_EQ(refund->event.type, EventType::SaleRefunded);
    EXPECT_EQ(refund->event.seq, before + 1);
    const auto env = lastEnvelope(*t.db);
    EXPECT_EQ(env["type"], "sale.refunded");
    EXPECT_EQ(env["staff"], "c1");
    EXPECT_EQ(env["payload"]["receipt"], "t1-000002");
    EXPECT_EQ(env["payload"]["original_receipt"], "t1-000001");
    EXPECT_EQ(env["payload"]["original_sale"], saleId);
    EXPECT_EQ(env["payload"]["reason"], "stale");
    EXPECT_EQ(env["payload"]["price_version"], 7);
    EXPECT_EQ(env["payload"]["totals"]["gross"], 50);
    EXPECT_EQ(env["payload"]["tax_breakdown"].size(), 1u);
    EXPECT_EQ(env["payload"]["tax_breakdown"][0]["tax_code"], "VAT7");
    EXPECT_EQ(queryText(*t.db, "SELECT kind FROM sales WHERE receipt_no = 't1-000002'"), "refund");
    EXPECT_EQ(queryText(*t.db, "SELECT original_sale FROM sales WHERE receipt_no = 't1-000002'"), saleId);
    EXPECT_EQ(queryInt(*t.db,
                       "SELECT original_line FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                       " WHERE s.receipt_no = 't1-000002'"),
              2);
    // The next sale takes the next number.
    EXPECT_EQ(t.basketSale("cash"), "t1-000003");
}

TEST(EngineRefund, RefundNeedsAnOpenShiftAndNoSaleInProgress) {
    RefundTerminal t;
    const auto receipt = t.basketSale("cash");
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    EXPECT_EQ(t.refundLines(receipt, {{1, dec("1")}}).status().kind(), core::ErrorKind::FailedPrecondition);
    ASSERT_TRUE(t.checkout().voidSale("switch to refund", Approval{"s1", "3333"}).ok());
    ASSERT_TRUE(t.shifts().close(eur(10448)).ok());
    EXPECT_EQ(t.refundLines(receipt, {{1, dec("1")}}).status().kind(), core::ErrorKind::FailedPrecondition);
    // A receipt from an earlier shift is refunded in the current one.
    ASSERT_TRUE(t.shifts().open(eur(5000)).ok());  // a float to pay the cash back from
    auto refund = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    EXPECT_EQ(refund->payload["shift"], *t.shifts().current());
}

TEST(EngineRefund, ChfCashRefundIsRoundedLikeTheSale) {
    auto seed = standardSeed({{"currency", "CHF"}});
    seed["items"].push_back({{"sku", "C"}, {"name", "Cheese"}, {"price", "12.33"}, {"tax_code", "VAT7"}});
    RefundTerminal t(seed);
    ASSERT_TRUE(t.checkout().addSku("C", dec("1")).ok());
    const auto receipt = t.finish("cash");
    auto refund = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    EXPECT_EQ(refund->payload["totals"]["gross"], 1233);
    EXPECT_EQ(refund->payload["totals"]["rounding"], 2);
    EXPECT_EQ(refund->payload["totals"]["due"], 1235);
    EXPECT_EQ(t.refundTenders(*refund), "cash:1235");
}

TEST(EngineRefund, ChfPieceByPieceCashRefundsNeverPayBackMoreThanTheWhole) {
    auto seed = standardSeed({{"currency", "CHF"}});
    seed["items"].push_back({{"sku", "P"}, {"name", "Pen"}, {"price", "1.03"}, {"tax_code", "VAT7"}});
    RefundTerminal t(seed);
    ASSERT_TRUE(t.checkout().addSku("P", dec("3")).ok());  // 3.09, paid 3.10 in cash
    const auto receipt = t.finish("cash");
    std::int64_t paidBack = 0;
    for (int i = 0; i < 3; ++i) {
        auto r = t.refundLines(receipt, {{1, dec("1")}});
        ASSERT_TRUE(r.ok()) << r.status().toString();
        paidBack += r->payload["tenders"][0]["amount"].get<std::int64_t>();
        EXPECT_EQ(r->payload["tenders"][0]["amount"].get<std::int64_t>() % 5, 0);  // whole 5 Rappen
    }
    EXPECT_EQ(paidBack, 310);  // exactly what one refund of all three pays: 3.09 rounded to 3.10
}

TEST(EngineRefund, EachCardGetsBackAtMostWhatItPaid) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("2")).ok());  // 19.98
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    ASSERT_TRUE(t.checkout().tenderCard(eur(500)).ok());  // FAKE-000001
    ASSERT_TRUE(t.checkout().tenderCard().ok());          // FAKE-000002: 14.98
    const auto receipt = t.checkout().complete()->receiptNo;
    auto refund = t.refundLines(receipt, {{1, dec("2")}}, "card");
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    const auto& tenders = refund->payload["tenders"];
    ASSERT_EQ(tenders.size(), 2u);
    EXPECT_EQ(tenders[0]["original_ref"], "FAKE-000001");
    EXPECT_EQ(tenders[0]["amount"], 500);
    EXPECT_EQ(tenders[1]["original_ref"], "FAKE-000002");
    EXPECT_EQ(tenders[1]["amount"], 1498);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_tenders WHERE original_ref IS NOT NULL"), 2);
}

TEST(EngineRefund, PiecesAreRefundedWholeOnly) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    const auto receipt = t.finish("cash");
    auto part = t.refundLines(receipt, {{1, dec("0.333")}});
    ASSERT_FALSE(part.ok());
    EXPECT_EQ(part.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(part.status().message().find("whole"), std::string::npos);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales WHERE kind = 'refund'"), 0);
}

TEST(EngineRefund, FailedCommitTakesTheCardRefundBack) {
    RefundTerminal t;
    ASSERT_TRUE(t.checkout().scan(kSherry, dec("1")).ok());
    ASSERT_TRUE(t.checkout().confirmAge().ok());
    const auto receipt = t.finish("card");
    ASSERT_TRUE(t.db->exec("PRAGMA query_only = ON").ok());
    auto refund = t.refundLines(receipt, {{1, dec("1")}});
    ASSERT_FALSE(refund.ok());
    EXPECT_EQ(refund.status().kind(), core::ErrorKind::ReadOnly);
    EXPECT_EQ(t.payments.reversals(), 1);  // the card refund was undone at the terminal
    ASSERT_TRUE(t.db->exec("PRAGMA query_only = OFF").ok());
    EXPECT_TRUE(t.refundLines(receipt, {{1, dec("1")}}).ok());
}

// ---- without a receipt ----

RefundRequest withoutReceipt(const std::string& reason, const std::string& method = "") {
    RefundRequest request;
    request.items = {{"A", dec("2"), std::nullopt}, {"B", dec("1"), eur(40)}};
    request.reason = reason;
    if (!method.empty()) request.method = *parseTenderMethod(method);
    return request;
}

TEST(EngineRefund, WithoutReceiptNeedsASupervisorAndAReason) {
    RefundTerminal t;
    auto denied = t.refunds().refund(withoutReceipt("no receipt"));
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.refunds().refund(withoutReceipt("no receipt"), Approval{"c2", "2222"}).status().kind(),
              core::ErrorKind::PermissionDenied);
    auto noReason = t.refunds().refund(withoutReceipt(""), Approval{"s1", "3333"});
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(noReason.status().message().find("reason"), std::string::npos);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);

    auto refund = t.refunds().refund(withoutReceipt("customer returned goods"), Approval{"s1", "3333"});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    EXPECT_EQ(refund->payload["totals"]["gross"], 398 + 40);
    EXPECT_EQ(refund->payload["approved_by"], "s1");
    EXPECT_EQ(refund->payload["reason"], "customer returned goods");
    EXPECT_TRUE(refund->payload["original_receipt"].is_null());
    EXPECT_TRUE(refund->payload["original_sale"].is_null());
    EXPECT_EQ(refund->payload["lines"][1]["unit_price"], 40);
    EXPECT_EQ(t.refundTenders(*refund), "cash:438");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM sales"), "s1");
    EXPECT_EQ(queryText(*t.db, "SELECT reason FROM sales"), "customer returned goods");
    EXPECT_EQ(queryText(*t.db, "SELECT approved_by FROM audit"), "s1");
}

TEST(EngineRefund, WithoutReceiptIsCashOnly) {
    RefundTerminal t;
    auto card = t.refunds().refund(withoutReceipt("gift", "card"), Approval{"s1", "3333"});
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(card.status().message().find("cash"), std::string::npos);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);

    // A supervisor needs no approval.
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    auto cash = t.refunds().refund(withoutReceipt("gift", "cash"));
    ASSERT_TRUE(cash.ok()) << cash.status().toString();
    EXPECT_EQ(t.refundTenders(*cash), "cash:438");
}

TEST(EngineRefund, WithoutReceiptKeepsEachItemAtItsOwnPrice) {
    RefundTerminal t;
    RefundRequest request;
    request.items = {{"A", dec("1"), eur(500)}, {"A", dec("1"), eur(1)}};
    request.reason = "returned without receipt";
    auto refund = t.refunds().refund(request, Approval{"s1", "3333"});
    ASSERT_TRUE(refund.ok()) << refund.status().toString();
    ASSERT_EQ(refund->payload["lines"].size(), 2u);
    EXPECT_EQ(refund->payload["totals"]["gross"], 501);
    request.items = {{"A", dec("1"), core::Money(500, *core::currencyByCode("KWD"))}};
    auto foreign = t.refunds().refund(request, Approval{"s1", "3333"});
    ASSERT_FALSE(foreign.ok());
    EXPECT_NE(foreign.status().message().find("KWD"), std::string::npos);
}

TEST(EngineRefund, WithoutReceiptChecksItemsAndQuantities) {
    RefundTerminal t;
    ASSERT_TRUE(t.session().login("s1", "3333").ok());
    RefundRequest request;
    request.reason = "x";
    EXPECT_EQ(t.refunds().refund(request).status().kind(), core::ErrorKind::InvalidArgument);  // no items
    request.items = {{"NOPE", dec("1"), std::nullopt}};
    EXPECT_EQ(t.refunds().refund(request).status().kind(), core::ErrorKind::NotFound);
    request.items = {{"A", dec("1.5"), std::nullopt}};
    EXPECT_EQ(t.refunds().refund(request).status().kind(), core::ErrorKind::InvalidArgument);
    request.items = {{"A", dec("1"), eur(-5)}};
    EXPECT_EQ(t.refunds().refund(request).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);
}

}  // namespace
}  // namespace frontdesk::kiosk
