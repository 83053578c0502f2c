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
    TillAccess access(*t.till);
    SessionViewModel session(access);
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
    EXPECT_TRUE(session.logout());
    EXPECT_FALSE(session.loggedIn());
    EXPECT_EQ(changed.count(), 2);
}

class SaleViewModelTest : public ::testing::Test {
protected:
    SaleViewModelTest() : access(*t.till), sale(access) { t.startShift(); }
    // Waits (bounded) for the card terminal's answer to reach the view model.
    void awaitCard() {
        QSignalSpy answered(&sale, &SaleViewModel::cardChanged);
        ASSERT_TRUE(answered.wait(10000)) << "no answer from the card payment";
        ASSERT_FALSE(sale.busy());
    }
    Terminal t;
    TillAccess access;
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

TEST_F(SaleViewModelTest, TheReceiptCanGoOnTheScreenInsteadOfPaper) {
    EXPECT_TRUE(sale.paperReceipt());
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.tenderCash("5.00"));
    sale.setPaperReceipt(false);
    ASSERT_TRUE(sale.complete());
    EXPECT_FALSE(sale.printsLastReceipt());
    EXPECT_NE(sale.receiptText().indexOf(sale.lastReceipt()), -1) << sale.receiptText().toStdString();
    EXPECT_NE(sale.receiptText().indexOf("Apple juice"), -1);
    EXPECT_NE(sale.receiptText().indexOf("Cass"), -1) << "the cashier, as on paper";
    sale.setPaperReceipt(true);
    EXPECT_TRUE(sale.printsLastReceipt());
}

TEST_F(SaleViewModelTest, ACardPaymentWaitsOffTheGuiThreadAndItsAnswerArrivesAfter) {
    ASSERT_TRUE(sale.scan(kApple));
    QSignalSpy busy(&sale, &SaleViewModel::busyChanged);
    ASSERT_TRUE(sale.tenderCard());
    EXPECT_TRUE(sale.busy());
    EXPECT_EQ(sale.cardState(), "present");
    EXPECT_FALSE(sale.paid());  // nothing is known until the terminal answers
    awaitCard();
    EXPECT_EQ(sale.cardState(), "approved");
    EXPECT_EQ(sale.message(), "Card approved: VISA ending 4242");
    EXPECT_TRUE(sale.paid());
    EXPECT_EQ(busy.count(), 2);  // busy, then free
    ASSERT_TRUE(sale.complete());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_tenders WHERE method = 'card'"), 1);
}

TEST_F(SaleViewModelTest, ADeclinedCardSaysWhatToDoAndTheSaleStaysOpenForTheNextCard) {
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.declineNext("insufficient funds");
    ASSERT_TRUE(sale.tenderCard());
    awaitCard();
    EXPECT_EQ(sale.cardState(), "declined");
    EXPECT_TRUE(sale.messageIsError());
    EXPECT_NE(sale.message().indexOf("insufficient funds"), -1) << sale.message().toStdString();
    EXPECT_NE(sale.message().indexOf("another card"), -1) << sale.message().toStdString();
    EXPECT_FALSE(sale.paid());
    ASSERT_TRUE(sale.tenderCard());
    awaitCard();
    EXPECT_EQ(sale.cardState(), "approved");
    EXPECT_TRUE(sale.paid());
    EXPECT_TRUE(sale.complete());
}

TEST_F(SaleViewModelTest, CashAfterADeclinedCardClearsTheCardsState) {
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.declineNext("insufficient funds");
    ASSERT_TRUE(sale.tenderCard());
    awaitCard();
    ASSERT_EQ(sale.cardState(), "declined");
    ASSERT_TRUE(sale.tenderCash("2.00"));
    EXPECT_EQ(sale.cardState(), "");
    EXPECT_TRUE(sale.paid());
}

TEST_F(SaleViewModelTest, CancelledTimedOutAndOfflineTerminalsEachHaveTheirStateAndNothingIsPaid) {
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.cancelNext();
    t.payments.timeOutNext();
    const std::pair<const char*, const char*> expected[] = {{"cancelled", "cancelled on the terminal"},
                                                            {"timeout", "did not answer in time"},
                                                            {"offline", "cannot be reached"}};
    for (const auto& [state, words] : expected) {
        if (std::string(state) == "offline") t.payments.setOffline(true);
        ASSERT_TRUE(sale.tenderCard());
        awaitCard();
        EXPECT_EQ(sale.cardState(), state);
        EXPECT_TRUE(sale.messageIsError());
        EXPECT_NE(sale.message().indexOf(words), -1) << sale.message().toStdString();
        EXPECT_FALSE(sale.paid());
    }
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM card_authorizations"), 0);
}

TEST_F(SaleViewModelTest, WhileTheTerminalWaitsEveryOtherTillActionIsRefusedAndNothingChanges) {
    SessionViewModel session(access);
    ASSERT_TRUE(sale.scan(kApple));
    t.payments.holdAnswers();
    ASSERT_TRUE(sale.tenderCard());
    ASSERT_TRUE(sale.busy());
    EXPECT_FALSE(sale.scan(kBread));
    EXPECT_EQ(sale.message(), access.busyRefusal());
    EXPECT_FALSE(sale.tenderCard());
    EXPECT_FALSE(sale.tenderCash("5.00"));
    EXPECT_FALSE(sale.complete());
    EXPECT_FALSE(sale.voidSale("changed mind"));
    EXPECT_FALSE(session.logout());
    EXPECT_TRUE(session.loggedIn());
    EXPECT_EQ(sale.cart()->rowCount(), 1);
    t.payments.releaseAnswers();
    awaitCard();
    EXPECT_EQ(sale.cardState(), "approved");
    EXPECT_EQ(sale.total(), "EUR 1.99");
    EXPECT_TRUE(sale.complete());
}

TEST_F(SaleViewModelTest, QuickCashAmountsAreTheExactSumAndTheNextRoundNotes) {
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_EQ(sale.quickAmounts(), (QStringList{"1.99", "5.00", "10.00", "20.00"}));
    ASSERT_TRUE(sale.tenderCash("1.00"));
    EXPECT_EQ(sale.remaining(), "0.99");
    EXPECT_EQ(sale.paidSoFar(), "1.00");
    EXPECT_TRUE(sale.tendered());
    EXPECT_EQ(sale.quickAmounts().first(), "0.99");
    ASSERT_TRUE(sale.tenderCash(sale.quickAmounts().first()));
    EXPECT_TRUE(sale.paid());
    EXPECT_TRUE(sale.quickAmounts().isEmpty());
}

TEST_F(SaleViewModelTest, ADiscountTheCashierMayNotGiveWaitsForASupervisorAndAWrongPinKeepsItWaiting) {
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_FALSE(sale.discountLine(1, "10%"));
    EXPECT_EQ(sale.approval()->request(), "A discount on line 1");
    EXPECT_EQ(sale.total(), "EUR 1.99");  // nothing given yet
    EXPECT_FALSE(sale.approval()->approve("s1", "0000"));
    EXPECT_FALSE(sale.approval()->request().isEmpty()) << "a wrong PIN keeps the request waiting";
    EXPECT_FALSE(sale.approval()->message().isEmpty());
    EXPECT_FALSE(sale.approval()->approve("c2", "2222"));  // another cashier may not approve it either
    EXPECT_FALSE(sale.approval()->request().isEmpty());
    ASSERT_TRUE(sale.approval()->approve("s1", "3333"));
    EXPECT_TRUE(sale.approval()->request().isEmpty());
    EXPECT_EQ(sale.total(), "EUR 1.79");
    EXPECT_EQ(sale.cart()->data(sale.cart()->index(0), CartModel::DiscountRole).toString(), "-0.20");
}

TEST_F(SaleViewModelTest, ACancelledApprovalChangesNothingAndBadDiscountsAreNamed) {
    ASSERT_TRUE(sale.scan(kApple));
    EXPECT_FALSE(sale.overridePrice(1, "1.00"));
    EXPECT_EQ(sale.approval()->request(), "A new price on line 1");
    sale.approval()->cancel();
    EXPECT_TRUE(sale.approval()->request().isEmpty());
    EXPECT_FALSE(sale.approval()->approve("s1", "3333")) << "nothing waits any more";
    EXPECT_EQ(sale.total(), "EUR 1.99");
    EXPECT_FALSE(sale.discountSale(""));
    EXPECT_NE(sale.message().indexOf("10%"), -1) << sale.message().toStdString();
    EXPECT_FALSE(sale.discountSale("ten"));
    EXPECT_TRUE(sale.approval()->request().isEmpty()) << "malformed input is refused, not sent for approval";
    EXPECT_FALSE(sale.overridePrice(1, "1.999"));
    EXPECT_TRUE(sale.messageIsError());
}

TEST_F(SaleViewModelTest, ASupervisorLoggedInGivesDiscountsWithoutBeingAsked) {
    SessionViewModel session(access);
    ASSERT_TRUE(session.login("s1", "3333"));
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.discountSale("0.99"));
    EXPECT_TRUE(sale.approval()->request().isEmpty());
    EXPECT_EQ(sale.total(), "EUR 1.00");
}

TEST_F(SaleViewModelTest, AParkedSaleComesBackWithItsLinesAndAVoidNeedsApproval) {
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.scan(kBread));
    ASSERT_TRUE(sale.park("blue coat"));
    EXPECT_EQ(sale.cart()->rowCount(), 0);
    const QVariantList parked = sale.parkedSales();
    ASSERT_EQ(parked.size(), 1);
    EXPECT_EQ(parked[0].toMap()["label"].toString(), "blue coat");
    ASSERT_TRUE(sale.resume(parked[0].toMap()["id"].toString()));
    EXPECT_EQ(sale.cart()->rowCount(), 2);
    EXPECT_EQ(sale.total(), "EUR 2.49");
    EXPECT_TRUE(sale.parkedSales().isEmpty());

    EXPECT_FALSE(sale.voidSale("customer left"));
    EXPECT_EQ(sale.approval()->request(), "Voiding the sale");
    EXPECT_EQ(sale.cart()->rowCount(), 2);
    ASSERT_TRUE(sale.approval()->approve("m1", "4444"));
    EXPECT_EQ(sale.cart()->rowCount(), 0);
    EXPECT_EQ(sale.message(), "Sale voided");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM voided_sales"), 1);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
