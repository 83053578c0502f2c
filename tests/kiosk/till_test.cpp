// The Till's shape and the rules that hold across its collaborators: audit rows only for what
// happened, one order of checks, the pricing a sale keeps from its first line to its end, locks a
// supervisor lifts, one typed list of events, and what must not be copied.
#include "kiosk/till.h"

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <type_traits>

#include <gtest/gtest.h>

#include "kiosk/events.h"
#include "kiosk/kinds.h"
#include "kiosk/seed_import.h"
#include "test_support.h"

namespace frontdesk::kiosk::testing {
namespace {

const Approval kSueApproves{"s1", "3333"};

// ---- audit rows only for what happened ----

TEST(TillAudit, ApprovedChangesThatAreRefusedLeaveNoAuditRow) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    const auto tenCents = *Discount::make("0.10", "", t.till->settings().currency);
    // Approved by a supervisor, then refused for what the change itself is.
    EXPECT_EQ(t.checkout().lineDiscount(7, tenCents, kSueApproves).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().overridePrice(7, eur(100), kSueApproves).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().overridePrice(1, eur(-5), kSueApproves).status().kind(), core::ErrorKind::InvalidArgument);
    const auto tooMuch = *Discount::make("50.00", "", t.till->settings().currency);
    EXPECT_EQ(t.checkout().lineDiscount(1, tooMuch, kSueApproves).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.shifts().paidOut(eur(0), "nothing", kSueApproves).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0);

    // The same approval for a change that happens is recorded once, with a stable key.
    ASSERT_TRUE(t.checkout().overridePrice(1, eur(150), kSueApproves).ok());
    EXPECT_EQ(queryColumn(*t.db, "SELECT action || ' ' || staff || ' ' || approved_by FROM audit"),
              std::vector<std::string>({"price_override c1 s1"}));
}

TEST(TillAudit, AnApprovalThatCannotBeRecordedIsNotUsed) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.db->exec("PRAGMA query_only = ON").ok());  // the audit row cannot be written
    auto r = t.checkout().overridePrice(1, eur(150), kSueApproves);
    EXPECT_EQ(r.status().kind(), core::ErrorKind::ReadOnly) << r.status().toString();
    EXPECT_FALSE(t.checkout().cart().lines()[0].priceOverridden);
    ASSERT_TRUE(t.db->exec("PRAGMA query_only = OFF").ok());
}

// ---- one order of checks: user, shift, permission, then the operation's own validation ----

TEST(TillGuards, WithoutAShiftEveryCartChangeSaysSoBeforeAnythingElse) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    const auto discount = *Discount::make("0.10", "", t.till->settings().currency);
    for (const auto& st :
         {t.checkout().setQty(1, dec("2")).status(), t.checkout().removeLine(1).status(),
          t.checkout().lineDiscount(1, discount, kSueApproves).status(),
          t.checkout().cartDiscount(discount, kSueApproves).status(),
          t.checkout().overridePrice(1, eur(100), kSueApproves).status(), t.checkout().park("x").status(),
          t.checkout().voidSale("x", kSueApproves).status(), t.shifts().noSale("x")}) {
        EXPECT_EQ(st.kind(), core::ErrorKind::FailedPrecondition) << st.toString();
        EXPECT_NE(st.message().find("no shift is open"), std::string::npos) << st.toString();
    }
    // No approver PIN was even looked at: the supervisor's attempt count is untouched.
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 's1'"), 0);
}

TEST(TillGuards, PermissionIsCheckedBeforeTheOperationsOwnValidation) {
    Terminal t;
    t.startShift();
    // An empty reason and no approval: the missing approval is what the cashier hears first.
    EXPECT_EQ(t.shifts().paidOut(eur(100), "").kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.checkout().voidSale("").status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.shifts().paidOut(eur(100), "", kSueApproves).kind(), core::ErrorKind::InvalidArgument);
}

// ---- the pricing a sale is priced with ----

nlohmann::json repricedSeed() {
    auto seed = standardSeed();
    seed["price_version"] = 8;
    seed["items"][0]["price"] = "2.49";  // A: 1.99 -> 2.49
    return seed;
}

TEST(TillPricing, NewPricesWaitForTheSaleInProgressAndTheSaleRecordsItsVersion) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    EXPECT_EQ(t.checkout().priceVersion(), 7);
    bool applied = false;
    auto apply = [&]() -> core::Status {
        applied = true;
        return importSeed(*t.db, t.clock, repricedSeed(), core::HashStrength::Minimum).status();
    };
    // Inside a sale, master data is told to come back later.
    EXPECT_EQ(t.till->boundary().betweenSales(apply).kind(), core::ErrorKind::Busy);
    EXPECT_FALSE(applied);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto first = t.checkout().complete();
    ASSERT_TRUE(first.ok()) << first.status().toString();
    EXPECT_EQ(first->payload["price_version"], 7);
    EXPECT_EQ(first->payload["totals"]["gross"], 398);

    // Between sales it applies, and the next sale is priced and recorded with the new version.
    ASSERT_TRUE(t.till->boundary().betweenSales(apply).ok());
    auto s = t.checkout().scan(kApple, dec("1"));
    ASSERT_TRUE(s.ok()) << s.status().toString();
    EXPECT_EQ(s->totals.gross.minor(), 249);
    EXPECT_EQ(t.checkout().priceVersion(), 8);
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto second = t.checkout().complete();
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->payload["price_version"], 8);
    EXPECT_EQ(queryColumn(*t.db, "SELECT price_version FROM sales ORDER BY receipt_no"),
              std::vector<std::string>({"7", "8"}));
}

TEST(SaleBoundary, AnApplyWaitingForTheSaleGoesBeforeTheNextSaleBegins) {
    SaleBoundary boundary;
    boundary.begin();
    std::atomic<bool> applied{false};
    std::thread applier([&] {
        EXPECT_TRUE(boundary
                        .betweenSales(
                            [&] {
                                applied = true;
                                return core::Status{};
                            },
                            std::chrono::seconds(60))
                        .ok());
    });
    // The applier is waiting for this sale; ending it and beginning the next at once must not
    // starve it: the next sale begins only after the apply ran.
    while (!boundary.applyWaiting()) std::this_thread::yield();
    EXPECT_FALSE(applied);
    boundary.end();
    boundary.begin();
    EXPECT_TRUE(applied);
    boundary.end();
    applier.join();
}

TEST(SaleBoundary, AnApplyGivesUpWhenTheSaleOutlastsItsPatienceAndTheTillGoesOn) {
    SaleBoundary boundary;
    boundary.begin();
    bool applied = false;
    auto busy = boundary.betweenSales(
        [&] {
            applied = true;
            return core::Status{};
        },
        std::chrono::milliseconds(10));
    EXPECT_EQ(busy.kind(), core::ErrorKind::Busy);
    EXPECT_FALSE(applied);
    boundary.end();
    boundary.begin();  // not held up by the apply that gave up
    boundary.end();
}

TEST(TillPricing, PricesChangedUnderASaleByAnotherWriterAreRefusedNotMixed) {
    Terminal t;
    t.startShift();
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    // Something that bypassed the boundary (another process) changed the prices mid-sale.
    ASSERT_TRUE(importSeed(*t.db, t.clock, repricedSeed(), core::HashStrength::Minimum).ok());
    auto scan = t.checkout().scan(kApple, dec("1"));
    EXPECT_EQ(scan.status().kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(scan.status().message().find("version 8"), std::string::npos) << scan.status().message();
    EXPECT_EQ(t.checkout().cart().lines().size(), 1u);
    ASSERT_TRUE(t.checkout().tenderCash(eur(500)).ok());
    auto done = t.checkout().complete();
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->payload["price_version"], 7);
    EXPECT_EQ(done->payload["totals"]["gross"], 199);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());  // the next sale takes the new prices
    EXPECT_EQ(t.checkout().state()->totals.gross.minor(), 249);
}

TEST(TillPricing, ARefusedFirstScanOpensNoSale) {
    Terminal t;
    t.startShift();
    EXPECT_EQ(t.checkout().scan("4006381333931", dec("1")).status().kind(), core::ErrorKind::NotFound);
    EXPECT_FALSE(t.checkout().inProgress());
    EXPECT_TRUE(t.till->boundary().betweenSales([] { return core::Status{}; }).ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(t.checkout().removeLine(1).ok());
    EXPECT_FALSE(t.checkout().inProgress()) << "emptying the cart ends the sale";
}

// ---- locks a supervisor lifts ----

TEST(TillLockout, ASupervisorLiftsALockAtTheTill) {
    Terminal t;  // max_failed_logins 3
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(t.session().login("c1", "0000").ok());
    EXPECT_EQ(t.session().login("c1", "1111").status().kind(), core::ErrorKind::Locked);

    EXPECT_EQ(t.session().unlock("c1", Approval{"c2", "2222"}).kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.session().unlock("c1", Approval{"c1", "1111"}).kind(), core::ErrorKind::PermissionDenied);
    EXPECT_EQ(t.session().unlock("c1", Approval{"s1", "9999"}).kind(), core::ErrorKind::Unauthenticated);
    EXPECT_EQ(t.session().unlock("zz", kSueApproves).kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit"), 0);

    ASSERT_TRUE(t.session().unlock("c1", kSueApproves).ok());
    EXPECT_EQ(queryColumn(*t.db, "SELECT action || ' ' || staff || ' ' || approved_by FROM audit"),
              std::vector<std::string>({"unlock_staff c1 s1"}));
    EXPECT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_EQ(t.session().unlock("c1", kSueApproves).kind(), core::ErrorKind::FailedPrecondition);  // not locked now
}

// ---- one typed list of events ----

TEST(TillEvents, EveryEventTypeHasOneStableNameAndIsDocumented) {
    std::ifstream in(std::string(FRONTDESK_DOCS_DIR) + "/events.md");
    ASSERT_TRUE(in) << "docs/events.md";
    std::stringstream text;
    text << in.rdbuf();
    // The documented types are the first column of the events table: lines "| `a.b` | ...".
    std::set<std::string> documented;
    for (std::string line; std::getline(text, line);) {
        if (line.rfind("| `", 0) != 0) continue;
        const auto end = line.find('`', 3);
        const std::string name = line.substr(3, end - 3);
        if (end != std::string::npos && name.find('.') != std::string::npos) documented.insert(name);
    }

    std::set<std::string> names;
    for (EventType type : kEventTypes) {
        const std::string name(eventTypeName(type));
        EXPECT_TRUE(names.insert(name).second) << name << " named twice";
        EXPECT_EQ(parseEventType(name).value(), type);
    }
    EXPECT_EQ(names, documented);
    EXPECT_FALSE(parseEventType("sale.deleted").ok());
}

TEST(TillEvents, KindsRoundTripThroughTheirKeys) {
    for (auto kind : {SaleKind::Sale, SaleKind::Refund}) EXPECT_EQ(*parseSaleKind(saleKindKey(kind)), kind);
    for (auto m : {TenderMethod::Cash, TenderMethod::Card}) EXPECT_EQ(*parseTenderMethod(tenderMethodKey(m)), m);
    for (auto k : {CashMoveKind::PaidIn, CashMoveKind::PaidOut, CashMoveKind::NoSale}) {
        EXPECT_EQ(*parseCashMoveKind(cashMoveKindKey(k)), k);
    }
    for (auto m : {CheckinMethod::Qr, CheckinMethod::Card, CheckinMethod::MemberId, CheckinMethod::Name}) {
        EXPECT_EQ(*parseCheckinMethod(checkinMethodKey(m)), m);
    }
    EXPECT_EQ(checkinDirectionKey(CheckinDirection::In), "in");
    EXPECT_EQ(checkinDirectionKey(CheckinDirection::Out), "out");
    EXPECT_EQ(parseTenderMethod("cheque").status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(parseCheckinMethod("face").status().kind(), core::ErrorKind::InvalidArgument);
}

// ---- contracts ----

TEST(TillContracts, ReversingTwiceIsHarmless) {
    FakePaymentAdapter fake;
    auto paid = fake.authorize(eur(100), "sale");
    ASSERT_TRUE(paid.ok());
    EXPECT_TRUE(fake.reverse(paid->terminalRef).ok());
    EXPECT_TRUE(fake.reverse(paid->terminalRef).ok());
    EXPECT_EQ(fake.reversals(), 1);
}

// Collaborators hold references into each other: copying or moving one would leave them dangling.
static_assert(!std::is_copy_constructible_v<Till> && !std::is_move_constructible_v<Till>);
static_assert(!std::is_copy_assignable_v<Till> && !std::is_move_assignable_v<Till>);
static_assert(!std::is_copy_constructible_v<Checkout> && !std::is_copy_assignable_v<Checkout>);
static_assert(!std::is_copy_constructible_v<Refunds> && !std::is_copy_constructible_v<ShiftLedger>);
static_assert(!std::is_copy_constructible_v<StaffSession> && !std::is_copy_constructible_v<Outbox>);
static_assert(!std::is_copy_constructible_v<CardJournal> && !std::is_copy_constructible_v<ParkedSales>);
static_assert(!std::is_copy_constructible_v<SaleBoundary> && !std::is_copy_constructible_v<AuditLog>);

}  // namespace
}  // namespace frontdesk::kiosk::testing
