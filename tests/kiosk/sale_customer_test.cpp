// Sales and refunds for a customer or member: what the cashier names goes into the sale's row and
// its one event (left out when nobody was named), stays through an emptied cart and a park, goes
// with the sale when it completes or is voided; a refund is for whom its receipt's sale was unless
// it names someone; ids that are not ids are refused and change nothing.
#include <gtest/gtest.h>

#include "core/password.h"
#include "kiosk/headless.h"
#include "sync/schema.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

constexpr const char* kSaleCustomer = "01890a5d-ac96-774b-bcce-b302099a8057";

struct CustomerTerminal : Terminal {
    CustomerTerminal() { startShift(); }
    // Sells one apple for cash and returns the committed sale.
    Committed sellApple() {
        EXPECT_TRUE(checkout().scan(kApple, dec("1")).ok());
        EXPECT_TRUE(checkout().tenderCash(eur(199)).ok());
        auto done = checkout().complete();
        EXPECT_TRUE(done.ok()) << done.status().toString();
        return std::move(done).value();
    }
    json lastPayload() {
        const json event = lastEnvelope(*db);
        const auto valid = sync::validateEvent(event);
        EXPECT_TRUE(valid.ok()) << valid.toString();
        return event["payload"];
    }
};

TEST(SaleCustomer, AMemberNamedBeforeTheFirstLineIsInTheSalesRowAndEventAndGoneAfterIt) {
    CustomerTerminal t;
    auto named = t.checkout().attachMember("M-100");
    ASSERT_TRUE(named.ok()) << named.status().toString();
    EXPECT_EQ(named->customer, (SaleCustomer{"", "M-100"}));
    const auto sale = t.sellApple();
    EXPECT_EQ(sale.payload["member"], "M-100");
    EXPECT_FALSE(sale.payload.contains("customer"));
    EXPECT_EQ(t.lastPayload(), sale.payload);
    EXPECT_EQ(queryText(*t.db, "SELECT member FROM sales"), "M-100");
    EXPECT_EQ(queryInt(*t.db, "SELECT customer IS NULL FROM sales"), 1);

    // The next sale is nobody's until someone is named: the fields are absent, not null or "".
    EXPECT_TRUE(t.checkout().state()->customer.empty());
    const auto next = t.sellApple();
    EXPECT_FALSE(next.payload.contains("member"));
    EXPECT_FALSE(next.payload.contains("customer"));
}

TEST(SaleCustomer, ACustomerAndAMemberTogetherAndDetachingClearsBoth) {
    CustomerTerminal t;
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().attachCustomer(kSaleCustomer).ok());
    ASSERT_TRUE(t.checkout().attachMember("m_7").ok());
    ASSERT_TRUE(t.checkout().detachCustomer().ok());
    EXPECT_TRUE(t.checkout().state()->customer.empty());
    ASSERT_TRUE(t.checkout().attachCustomer(kSaleCustomer).ok());
    ASSERT_TRUE(t.checkout().attachMember("m_7").ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->payload["customer"], kSaleCustomer);
    EXPECT_EQ(done->payload["member"], "m_7");
    t.lastPayload();
}

TEST(SaleCustomer, TheNamedCustomerSurvivesAnEmptiedCartAndAParkAndResume) {
    CustomerTerminal t;
    ASSERT_TRUE(t.checkout().attachMember("M-100").ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().removeLine(1).ok());  // the cart is empty: the member is still at the till
    EXPECT_EQ(t.checkout().state()->customer.member, "M-100");
    ASSERT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
    auto parked = t.checkout().park("back soon");
    ASSERT_TRUE(parked.ok()) << parked.status().toString();
    EXPECT_TRUE(t.checkout().state()->customer.empty()) << "parking takes the member with the sale";
    EXPECT_EQ(queryText(*t.db, "SELECT member FROM parked_sales"), "M-100");

    t.reopen();
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    auto resumed = t.checkout().resume(*parked);
    ASSERT_TRUE(resumed.ok()) << resumed.status().toString();
    EXPECT_EQ(resumed->customer, (SaleCustomer{"", "M-100"}));
    ASSERT_TRUE(t.checkout().tenderCash(eur(50)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok()) << done.status().toString();
    EXPECT_EQ(done->payload["member"], "M-100");
}

TEST(SaleCustomer, AVoidTakesTheNamedMemberWithTheSale) {
    CustomerTerminal t;
    ASSERT_TRUE(t.checkout().attachMember("M-100").ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().voidSale("wrong member", Approval{"s1", "3333"}).ok());
    EXPECT_TRUE(t.checkout().state()->customer.empty());
}

TEST(SaleCustomer, IdsThatAreNotIdsAreRefusedAndChangeNothing) {
    CustomerTerminal t;
    ASSERT_TRUE(t.checkout().attachMember("M-100").ok());
    for (const char* bad : {"", "M 100", "M-100;", "Müller", "0123456789012345678901234567890123456789X"}) {
        auto refused = t.checkout().attachMember(bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.status().kind(), core::ErrorKind::InvalidArgument) << bad;
        EXPECT_NE(refused.status().message().find("membership id"), std::string::npos) << refused.status().message();
    }
    for (const char* bad : {"42", "01890A5D-AC96-774B-BCCE-B302099A8057", "01890a5d-ac96-474b-bcce-b302099a8057"}) {
        auto refused = t.checkout().attachCustomer(bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.status().kind(), core::ErrorKind::InvalidArgument) << bad;
    }
    EXPECT_EQ(t.checkout().state()->customer, (SaleCustomer{"", "M-100"}));
    // 40 characters is the most a membership id has.
    EXPECT_TRUE(t.checkout().attachMember(std::string(40, 'A')).ok());
}

TEST(SaleCustomer, AMemberCardIsFoundInTheLocalMembersTableAndNeverKept) {
    json seed = standardSeed();
    seed["members"] = {{{"id", "M-100"},
                        {"name", "Robin Example"},
                        {"card_sha256", core::badgeDigest("CARD-100")},
                        {"valid_until", "2020-01-31"},
                        {"status", "active"}}};
    Terminal t(seed);
    t.startShift();
    auto named = t.checkout().attachMemberCard("CARD-100");
    ASSERT_TRUE(named.ok()) << named.status().toString();
    EXPECT_EQ(named->customer.member, "M-100") << "an expired member still buys (a renewal, say)";
    auto unknown = t.checkout().attachMemberCard("CARD-999");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(unknown.status().message().find("CARD"), std::string::npos) << "the card is not quoted";
    EXPECT_EQ(t.checkout().attachMemberCard("").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().state()->customer.member, "M-100");
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->payload["member"], "M-100");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox WHERE envelope LIKE '%CARD-%'"), 0);

    HeadlessDriver driver(*t.till, &t.payments);
    const json state = driver.handle(json{{"action", "attach"}, {"card", "CARD-100"}}.dump());
    EXPECT_EQ(state["member"], "M-100") << state.dump();
}

TEST(SaleCustomer, NamingACustomerNeedsWhatSellingNeeds) {
    Terminal t;
    EXPECT_EQ(t.checkout().attachMember("M-100").status().kind(), core::ErrorKind::Unauthenticated);
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.checkout().attachMember("M-100").status().kind(), core::ErrorKind::FailedPrecondition);
}

TEST(SaleCustomer, ARefundIsForWhomItsSaleWasUnlessItNamesSomeone) {
    CustomerTerminal t;
    ASSERT_TRUE(t.checkout().attachCustomer(kSaleCustomer).ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("3")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(597)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok());

    RefundRequest inherited;
    inherited.receipt = sale->receiptNo;
    inherited.lines = {{1, dec("1")}};
    auto first = t.refunds().refund(inherited);
    ASSERT_TRUE(first.ok()) << first.status().toString();
    EXPECT_EQ(first->payload["customer"], kSaleCustomer);
    EXPECT_FALSE(first->payload.contains("member"));
    EXPECT_EQ(t.lastPayload(), first->payload);

    RefundRequest named = inherited;
    named.customer = {"", "M-200"};
    auto second = t.refunds().refund(named);
    ASSERT_TRUE(second.ok()) << second.status().toString();
    EXPECT_EQ(second->payload["member"], "M-200");
    EXPECT_FALSE(second->payload.contains("customer"));
    EXPECT_EQ(queryText(*t.db, "SELECT member FROM sales WHERE receipt_no = '" + second->receiptNo + "'"), "M-200");

    RefundRequest bad = inherited;
    bad.customer = {"", "M 200"};
    const auto events = queryInt(*t.db, "SELECT count(*) FROM outbox");
    EXPECT_EQ(t.refunds().refund(bad).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), events);

    RefundRequest withoutReceipt;
    withoutReceipt.items = {{"B", dec("1"), std::nullopt}};
    withoutReceipt.reason = "no receipt";
    auto third = t.refunds().refund(withoutReceipt, Approval{"s1", "3333"});
    ASSERT_TRUE(third.ok()) << third.status().toString();
    EXPECT_FALSE(third->payload.contains("customer"));
    EXPECT_FALSE(third->payload.contains("member"));
}

TEST(SaleCustomer, HeadlessAttachDetachAndRefundFields) {
    CustomerTerminal t;
    HeadlessDriver driver(*t.till, &t.payments);
    auto send = [&](const json& a) { return driver.handle(a.dump()); };
    json state = send({{"action", "attach"}, {"member", "M-100"}});
    ASSERT_TRUE(state.value("ok", false)) << state.dump();
    EXPECT_EQ(state["member"], "M-100");
    EXPECT_FALSE(state.contains("customer"));
    state = send({{"action", "attach"}, {"customer", kSaleCustomer}});
    EXPECT_EQ(state["customer"], kSaleCustomer);
    EXPECT_EQ(send({{"action", "attach"}})["message"], "name one of 'customer', 'member' or 'card'");
    EXPECT_EQ(send({{"action", "attach"}, {"member", "M-1"}, {"customer", kSaleCustomer}})["error"],
              "invalid_argument");
    state = send({{"action", "detach"}});
    ASSERT_TRUE(state.value("ok", false)) << state.dump();
    EXPECT_FALSE(state.contains("member"));
    EXPECT_FALSE(state.contains("customer"));

    ASSERT_TRUE(send({{"action", "scan"}, {"code", kApple}}).value("ok", false));
    ASSERT_TRUE(send({{"action", "tender"}, {"method", "cash"}, {"amount", "1.99"}}).value("ok", false));
    const json sale = send({{"action", "complete"}});
    ASSERT_TRUE(sale.value("ok", false)) << sale.dump();
    const json refund = send({{"action", "refund"},
                              {"receipt", sale["receipt"]},
                              {"lines", {{{"line", 1}, {"qty", "1"}}}},
                              {"member", "M-300"}});
    ASSERT_TRUE(refund.value("ok", false)) << refund.dump();
    EXPECT_EQ(refund["payload"]["member"], "M-300");
}

}  // namespace
}  // namespace frontdesk::kiosk
