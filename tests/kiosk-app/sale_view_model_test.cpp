// The sale and session view models over a real till: what a cashier does at the screen reaches
// the engine, and what the engine answers (totals, refusals in its words, the commit) is shown.
#include "kiosk/app/sale_view_model.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "kiosk/app/session_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

TEST(SessionViewModel, APinLogsInAWrongOneIsRefusedInTheEnginesWords) {
    Terminal t;
    SessionViewModel session(*t.till);
    QSignalSpy changed(&session, &SessionViewModel::userChanged);
    EXPECT_FALSE(session.login("c1", "0000"));
    EXPECT_FALSE(session.loggedIn());
    EXPECT_FALSE(session.message().isEmpty());
    EXPECT_EQ(changed.count(), 0);
    EXPECT_TRUE(session.login("c1", "1111"));
    EXPECT_TRUE(session.loggedIn());
    EXPECT_EQ(session.staffName(), "Cass");
    EXPECT_EQ(session.role(), "cashier");
    EXPECT_TRUE(session.message().isEmpty());
    session.logout();
    EXPECT_FALSE(session.loggedIn());
    EXPECT_EQ(changed.count(), 2);
}

class SaleViewModelTest : public ::testing::Test {
protected:
    SaleViewModelTest() : sale(*t.till) { t.startShift(); }
    Terminal t;
    SaleViewModel sale;
};

TEST_F(SaleViewModelTest, AScanShowsTheLineTheTotalAndTheItemsName) {
    QSignalSpy totals(&sale, &SaleViewModel::totalsChanged);
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_EQ(sale.cart()->rowCount(), 1);
    EXPECT_EQ(sale.total(), "EUR 1.99");
    EXPECT_EQ(sale.tax(), "0.32");
    EXPECT_EQ(sale.message(), "Apple juice");
    EXPECT_FALSE(sale.messageIsError());
    EXPECT_FALSE(sale.paid());
    EXPECT_EQ(totals.count(), 1);
}

TEST_F(SaleViewModelTest, AnUnknownBarcodeIsRefusedAndTheSaleIsUnchanged) {
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_FALSE(sale.scan("4000000009999"));
    EXPECT_TRUE(sale.messageIsError());
    EXPECT_NE(sale.message().indexOf("4000000009999"), -1) << sale.message().toStdString();
    EXPECT_EQ(sale.cart()->rowCount(), 1);
    EXPECT_EQ(sale.total(), "EUR 1.99");
}

TEST_F(SaleViewModelTest, QuantitiesAndRemovalsGoThroughTheEngine) {
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.scan(kBread));
    ASSERT_TRUE(sale.setQuantity(1, "3"));
    EXPECT_EQ(sale.total(), "EUR 6.47");
    EXPECT_FALSE(sale.setQuantity(1, "three"));
    EXPECT_EQ(sale.message(), "Quantity 'three' is not a number");
    EXPECT_FALSE(sale.setQuantity(2, "0.5"));  // bread is counted, not weighed
    EXPECT_TRUE(sale.messageIsError());
    ASSERT_TRUE(sale.removeLine(1));
    EXPECT_EQ(sale.total(), "EUR 0.50");
}

TEST_F(SaleViewModelTest, CashWithChangeThenCompleteCommitsTheSale) {
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_FALSE(sale.complete());  // not paid
    EXPECT_TRUE(sale.messageIsError());
    ASSERT_TRUE(sale.tenderCash("5.00"));
    EXPECT_TRUE(sale.paid());
    EXPECT_EQ(sale.change(), "3.01");
    EXPECT_EQ(sale.remaining(), "0.00");
    QSignalSpy committed(&sale, &SaleViewModel::committed);
    ASSERT_TRUE(sale.complete());
    ASSERT_EQ(committed.count(), 1);
    EXPECT_EQ(committed.at(0).at(0).toString(), sale.lastReceipt());
    EXPECT_EQ(sale.lastReceipt().toStdString(), queryText(*t.db, "SELECT receipt_no FROM sales"));
    EXPECT_EQ(sale.cart()->rowCount(), 0);
    EXPECT_EQ(sale.total(), "EUR 0.00");
    EXPECT_FALSE(sale.tenderCash("1,00"));  // not an amount: named, nothing taken
    EXPECT_TRUE(sale.messageIsError());
}

TEST_F(SaleViewModelTest, ADeclinedCardSaysSoAndTheSaleStaysOpen) {
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.declineNext("insufficient funds");
    EXPECT_FALSE(sale.tenderCard());
    EXPECT_TRUE(sale.messageIsError());
    EXPECT_NE(sale.message().indexOf("insufficient funds"), -1) << sale.message().toStdString();
    EXPECT_FALSE(sale.paid());
    ASSERT_TRUE(sale.tenderCard());
    EXPECT_TRUE(sale.paid());
    EXPECT_TRUE(sale.complete());
}

}  // namespace
}  // namespace frontdesk::kiosk::app
