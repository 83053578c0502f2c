// Where a scan goes, over a real till and the view models the app wires: a staff badge logs in at
// the login screen, approves the dialog that waits, punches the open time clock, switches cashier
// and takes back a self-service till; every other code is the screen's own.
#include "kiosk/app/scan_router.h"

#include <gtest/gtest.h>

#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/refund_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/self_service_view_model.h"
#include "kiosk/app/session_view_model.h"
#include "kiosk/app/shift_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class ScanRouterTest : public ::testing::Test {
protected:
    explicit ScanRouterTest(bool atReception = false)
        : t(deskSeed()),
          access(*t.till),
          session(access),
          sale(access),
          shift(access),
          reception(access),
          refund(access),
          lane(access, session, sale, reception),
          router({session,
                  sale,
                  reception,
                  lane,
                  refund,
                  {sale.approval(), shift.approval(), refund.approval()},
                  atReception}) {
        t.startShift();  // c1
    }
    std::string user() const { return t.till->session().user() ? t.till->session().user()->id : std::string(); }
    std::int64_t rows(const std::string& sql) { return queryInt(*t.db, "SELECT count(*) FROM " + sql); }

    Terminal t;
    TillAccess access;
    SessionViewModel session;
    SaleViewModel sale;
    ShiftViewModel shift;
    ReceptionViewModel reception;
    RefundViewModel refund;
    SelfServiceViewModel lane;
    ScanRouter router;
};

TEST_F(ScanRouterTest, AtTheLoginScreenABadgeLogsItsHolderInAndAnyOtherCodeIsRefusedInWords) {
    ASSERT_TRUE(session.logout());
    router.route(kApple);
    EXPECT_EQ(user(), "");
    EXPECT_NE(session.message().indexOf("badge"), -1) << session.message().toStdString();
    EXPECT_TRUE(sale.empty()) << "nothing is sold with nobody logged in";
    router.route(kBadgeSue);
    EXPECT_EQ(user(), "s1");
    EXPECT_TRUE(session.message().isEmpty());
}

TEST_F(ScanRouterTest, ItemsGoToTheSaleAndAStaffBadgeSwitchesCashierKeepingTheSale) {
    router.route(kApple);
    EXPECT_EQ(sale.cart()->rowCount(), 1);
    router.route(kBadgeSue);
    EXPECT_EQ(user(), "s1");
    EXPECT_EQ(sale.cart()->rowCount(), 1) << "the sale stays for the new cashier";
    router.route(kBread);
    EXPECT_EQ(sale.cart()->rowCount(), 2);
}

TEST_F(ScanRouterTest, AWaitingApprovalTakesTheApproversBadgeAndNotTheCashiersOwn) {
    router.route(kApple);
    EXPECT_FALSE(sale.discountLine(1, "0.50"));
    ASSERT_TRUE(sale.approval()->waiting());
    router.route(kBadgeCass);
    EXPECT_TRUE(sale.approval()->waiting()) << "her own badge cannot approve her discount";
    EXPECT_NE(sale.approval()->message().indexOf("own"), -1) << sale.approval()->message().toStdString();
    EXPECT_EQ(user(), "c1") << "and does not switch cashier while the dialog waits";
    router.route(kBadgeSue);
    EXPECT_FALSE(sale.approval()->waiting());
    EXPECT_EQ(rows("audit WHERE action = 'line_discount' AND approved_by = 's1'"), 1);
    EXPECT_EQ(user(), "c1");
    EXPECT_EQ(sale.cart()->rowCount(), 1) << "the badge was not scanned as an item";
}

TEST_F(ScanRouterTest, TheOpenTimeClockPunchesABadgesHolderInThenOut) {
    reception.setTimeClockOpen(true);
    router.route(kBadgeSue);
    EXPECT_EQ(rows("time_clock WHERE staff = 's1' AND out_at IS NULL"), 1);
    EXPECT_EQ(reception.message(), "Sue clocked in");
    EXPECT_EQ(reception.clockedIn().size(), 1);
    router.route(kBadgeSue);
    EXPECT_EQ(rows("time_clock WHERE staff = 's1' AND out_at IS NOT NULL"), 1);
    EXPECT_EQ(reception.message(), "Sue clocked out");
    router.route("0000000000");
    EXPECT_TRUE(reception.messageIsError());
    EXPECT_EQ(rows("outbox WHERE type LIKE 'clock.%'"), 2);
    EXPECT_EQ(
        queryText(*t.db, "SELECT json_extract(envelope, '$.payload.method') FROM outbox ORDER BY seq DESC LIMIT 1"),
        "badge");
    EXPECT_EQ(user(), "c1") << "a punch logs nobody in";
    reception.setTimeClockOpen(false);
    router.route(kBadgeSue);
    EXPECT_EQ(user(), "s1") << "with the clock closed the badge is a login again";
}

TEST_F(ScanRouterTest, AtASelfServiceTillCustomersScanItemsAndAStaffBadgeTakesTheTillBack) {
    ASSERT_TRUE(lane.start());
    router.route(kApple);
    EXPECT_EQ(lane.stage(), "checkout");
    EXPECT_EQ(sale.cart()->rowCount(), 1);
    lane.callStaff();
    router.route(kBadgeSue);
    EXPECT_FALSE(lane.unattended());
    EXPECT_FALSE(lane.staffCalled());
    EXPECT_EQ(user(), "s1");
    EXPECT_EQ(sale.cart()->rowCount(), 1) << "the customer's items are the member of staff's to finish";
}

TEST_F(ScanRouterTest, AnAgeCheckAtASelfServiceTillIsApprovedByABadge) {
    ASSERT_TRUE(lane.start());
    router.route(kSherry);
    ASSERT_TRUE(lane.staffCalled());
    EXPECT_FALSE(sale.confirmAge());
    ASSERT_TRUE(sale.approval()->waiting());
    router.route(kBadgeSue);
    EXPECT_FALSE(sale.ageCheckNeeded());
    EXPECT_TRUE(lane.unattended()) << "approving is not taking over";
    EXPECT_EQ(rows("audit WHERE action = 'age_check' AND approved_by = 's1'"), 1);
}

class ReceptionScanRouterTest : public ScanRouterTest {
protected:
    ReceptionScanRouterTest() : ScanRouterTest(true) { reception.refresh(); }
};

TEST_F(ReceptionScanRouterTest, AtTheDeskCodesAreBookingsAndCardsAndABadgeIsStillAStaffBadge) {
    router.route(kDeskCourt);
    EXPECT_EQ(reception.outcome(), "admitted");
    EXPECT_TRUE(sale.empty());
    router.route(kBadgeSue);
    EXPECT_EQ(user(), "s1");
    EXPECT_EQ(rows("checkins"), 1);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
