// The self-service till over a real till: handed to customers, a scan starts the checkout, the
// card pays and the sale completes by itself; an age-restricted item calls staff, whose PIN
// confirms it; the idle reset abandons what was left unpaid (never a card payment in progress);
// check-in by member card; a member of staff takes the till back.
#include "kiosk/app/self_service_view_model.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class SelfServiceViewModelTest : public ::testing::Test {
protected:
    SelfServiceViewModelTest()
        : t(deskSeed()),
          access(*t.till),
          session(access),
          sale(access),
          reception(access),
          lane(access, session, sale, reception) {
        t.startShift();
        EXPECT_TRUE(lane.start()) << lane.message().toStdString();
    }
    void awaitCard() {
        QSignalSpy answered(&sale, &SaleViewModel::cardChanged);
        ASSERT_TRUE(answered.wait(10000)) << "no answer from the card payment";
    }
    std::int64_t rows(const std::string& sql) { return queryInt(*t.db, "SELECT count(*) FROM " + sql); }
    Terminal t;
    TillAccess access;
    SessionViewModel session;
    SaleViewModel sale;
    ReceptionViewModel reception;
    SelfServiceViewModel lane;
};

TEST_F(SelfServiceViewModelTest, AScanStartsTheCheckoutAndTheCardCompletesTheSale) {
    EXPECT_TRUE(lane.unattended());
    EXPECT_EQ(lane.stage(), "attract");
    ASSERT_TRUE(lane.scanned(kApple));
    EXPECT_EQ(lane.stage(), "checkout");
    ASSERT_TRUE(lane.payByCard());
    awaitCard();
    EXPECT_EQ(lane.stage(), "thanks");
    EXPECT_EQ(rows("sales"), 1);
    EXPECT_TRUE(sale.empty());
    EXPECT_EQ(queryText(*t.db, "SELECT staff FROM sales"), "c1") << "the lane's attendant";
}

TEST_F(SelfServiceViewModelTest, AnAgeRestrictedItemCallsStaffWhosePinConfirmsIt) {
    ASSERT_TRUE(lane.scanned(kSherry));
    EXPECT_TRUE(sale.ageCheckNeeded());
    EXPECT_TRUE(lane.staffCalled());
    // The screen's button is disabled meanwhile; the engine refuses all the same.
    ASSERT_TRUE(lane.payByCard());
    awaitCard();
    EXPECT_TRUE(sale.messageIsError());
    EXPECT_NE(sale.message().indexOf("age-restricted"), -1) << sale.message().toStdString();
    EXPECT_EQ(t.payments.reversals(), 0);
    EXPECT_EQ(rows("card_authorizations"), 0) << "the terminal was never asked";
    EXPECT_FALSE(sale.confirmAge()) << "the customer cannot confirm their own age";
    ASSERT_TRUE(sale.approval()->waiting());
    EXPECT_FALSE(sale.approval()->approve("s1", "0000"));
    ASSERT_TRUE(sale.approval()->approve("s1", "3333"));
    EXPECT_FALSE(sale.ageCheckNeeded());
    EXPECT_FALSE(lane.staffCalled()) << "the call was answered";
    EXPECT_EQ(rows("audit WHERE action = 'age_check' AND approved_by = 's1'"), 1);
    ASSERT_TRUE(lane.payByCard());
    awaitCard();
    EXPECT_EQ(lane.stage(), "thanks");
}

TEST_F(SelfServiceViewModelTest, TheIdleResetAbandonsWhatWasLeftUnpaidButNeverACardPaymentInProgress) {
    ASSERT_TRUE(lane.scanned(kApple));
    lane.callStaff();
    ASSERT_TRUE(lane.reset());
    EXPECT_EQ(lane.stage(), "attract");
    EXPECT_FALSE(lane.staffCalled());
    EXPECT_TRUE(sale.empty());
    EXPECT_EQ(rows("voided_sales WHERE reason = 'abandoned at the self-service till'"), 1);

    ASSERT_TRUE(lane.scanned(kBread));
    t.payments.holdAnswers();
    ASSERT_TRUE(lane.payByCard());
    EXPECT_FALSE(lane.reset());
    EXPECT_EQ(lane.stage(), "checkout");
    t.payments.releaseAnswers();
    awaitCard();
    EXPECT_EQ(lane.stage(), "thanks");
    EXPECT_EQ(rows("sales"), 1);
    ASSERT_TRUE(lane.reset());
    EXPECT_EQ(rows("voided_sales"), 1) << "a completed sale is not abandoned";
}

TEST_F(SelfServiceViewModelTest, ACustomerChecksInWithTheirMemberCardAndTheResetForgetsTheAnswer) {
    lane.startCheckIn();
    EXPECT_EQ(lane.stage(), "checkin");
    ASSERT_TRUE(lane.scanned("CARD-100"));
    EXPECT_EQ(reception.outcomeTitle(), "Welcome, Robin Example");
    EXPECT_TRUE(sale.empty()) << "a scan at check-in is no item";
    ASSERT_TRUE(lane.reset());
    EXPECT_EQ(reception.outcome(), "");
}

TEST_F(SelfServiceViewModelTest, AMemberOfStaffTakesTheTillBack) {
    QSignalSpy users(&session, &SessionViewModel::userChanged);
    EXPECT_FALSE(lane.takeOver("s1", "0000"));
    EXPECT_FALSE(lane.message().isEmpty());
    EXPECT_TRUE(lane.unattended());
    ASSERT_TRUE(lane.takeOver("s1", "3333"));
    EXPECT_FALSE(lane.unattended());
    EXPECT_EQ(session.staffName(), "Sue");
    EXPECT_EQ(users.count(), 1);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
