// The refund view model over a real till: a receipt's lines with what is left of each, a part
// refunded in cash, a card sale paid back to the card off the GUI thread, a card sale paid back in
// cash and a refund without a receipt each waiting for a supervisor, and refusals in words.
#include "kiosk/app/refund_view_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class RefundViewModelTest : public ::testing::Test {
protected:
    RefundViewModelTest() : access(*t.till), refunds(access) { t.startShift(); }
    // A sale of two apples and a bread roll, paid by card or in cash; its receipt number.
    std::string sell(bool card) {
        EXPECT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
        EXPECT_TRUE(t.checkout().scan(kBread, dec("1")).ok());
        EXPECT_TRUE((card ? t.checkout().tenderCard() : t.checkout().tenderCash(eur(500))).ok());
        auto done = t.checkout().complete();
        EXPECT_TRUE(done.ok());
        return done.ok() ? done->receiptNo : std::string();
    }
    std::int64_t refundsSaved() { return queryInt(*t.db, "SELECT count(*) FROM sales WHERE kind = 'refund'"); }

    Terminal t;
    TillAccess access;
    RefundViewModel refunds;
    QAbstractItemModelTester tester{refunds.lines(), QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(RefundViewModelTest, AReceiptsLinesAreListedAndPartOfOneIsRefundedInCash) {
    const std::string receipt = sell(false);
    QSignalSpy committed(&refunds, &RefundViewModel::committed);
    ASSERT_TRUE(refunds.scanned(QString::fromStdString(receipt)));
    EXPECT_EQ(refunds.receipt().toStdString(), receipt);
    EXPECT_FALSE(refunds.paidByCard());
    ASSERT_EQ(refunds.lines()->rowCount(), 2);
    const QModelIndex apples = refunds.lines()->index(0);
    EXPECT_EQ(refunds.lines()->data(apples, RefundLineModel::NameRole).toString(), "Apple juice");
    EXPECT_EQ(refunds.lines()->data(apples, RefundLineModel::LeftRole).toString(), "2");
    EXPECT_EQ(refunds.lines()->data(apples, RefundLineModel::PriceRole).toString(), "1.99");

    EXPECT_FALSE(refunds.choose(0, "3"));
    EXPECT_EQ(refunds.message(), "Only 2 of Apple juice is left to refund");
    EXPECT_FALSE(refunds.refund("damaged")) << "nothing chosen yet";
    ASSERT_TRUE(refunds.choose(0, "1"));
    ASSERT_TRUE(refunds.refund("damaged"));
    ASSERT_EQ(committed.count(), 1);
    EXPECT_EQ(refunds.message(), "Refund t1-000002 saved: 1.99 back");
    EXPECT_EQ(refunds.lines()->rowCount(), 0);
    EXPECT_EQ(refundsSaved(), 1);

    // What is left is what comes back next time.
    ASSERT_TRUE(refunds.findReceipt(QString::fromStdString(receipt)));
    EXPECT_EQ(refunds.lines()->data(refunds.lines()->index(0), RefundLineModel::LeftRole).toString(), "1");
}

TEST_F(RefundViewModelTest, ACardSaleGoesBackToTheCardOffTheGuiThread) {
    const std::string receipt = sell(true);
    ASSERT_TRUE(refunds.findReceipt(QString::fromStdString(receipt)));
    EXPECT_TRUE(refunds.paidByCard());
    refunds.chooseAll(1);
    QSignalSpy committed(&refunds, &RefundViewModel::committed);
    t.payments.holdAnswers();
    ASSERT_TRUE(refunds.refund("stale"));
    EXPECT_TRUE(refunds.busy());
    EXPECT_FALSE(refunds.findReceipt(QString::fromStdString(receipt)));
    EXPECT_EQ(refunds.message(), access.busyRefusal());
    t.payments.releaseAnswers();
    ASSERT_TRUE(committed.wait(10000)) << "no answer from the card terminal";
    const Committed done = committed.at(0).at(0).value<Committed>();
    ASSERT_EQ(done.payload["tenders"].size(), 1u);
    EXPECT_EQ(done.payload["tenders"][0]["method"], "card");
    EXPECT_EQ(done.payload["totals"]["gross"], 50);
}

TEST_F(RefundViewModelTest, ACardSalePaidBackInCashWaitsForASupervisor) {
    const std::string receipt = sell(true);
    ASSERT_TRUE(refunds.findReceipt(QString::fromStdString(receipt)));
    refunds.setInCash(true);
    refunds.chooseAll(0);
    QSignalSpy committed(&refunds, &RefundViewModel::committed);
    EXPECT_FALSE(refunds.refund("customer has no card"));
    ASSERT_TRUE(refunds.approval()->waiting());
    EXPECT_EQ(refundsSaved(), 0);
    ASSERT_TRUE(refunds.approval()->approve("s1", "3333"));
    ASSERT_EQ(committed.count(), 1);
    EXPECT_EQ(committed.at(0).at(0).value<Committed>().payload["tenders"][0]["method"], "cash");
}

TEST_F(RefundViewModelTest, WithoutAReceiptTheScannedItemsComeBackInCashWithASupervisor) {
    refunds.startWithoutReceipt();
    EXPECT_TRUE(refunds.withoutReceipt());
    EXPECT_TRUE(refunds.inCash());
    ASSERT_TRUE(refunds.scanned(kApple));
    ASSERT_TRUE(refunds.scanned(kApple));
    ASSERT_TRUE(refunds.scanned(kBread));
    ASSERT_EQ(refunds.lines()->rowCount(), 2);
    EXPECT_EQ(refunds.lines()->data(refunds.lines()->index(0), RefundLineModel::ChosenRole).toString(), "2");
    EXPECT_FALSE(refunds.scanned("0000000000000"));
    EXPECT_TRUE(refunds.messageIsError());
    QSignalSpy committed(&refunds, &RefundViewModel::committed);
    EXPECT_FALSE(refunds.refund("returned unopened"));
    ASSERT_TRUE(refunds.approval()->waiting());
    ASSERT_TRUE(refunds.approval()->approve("s1", "3333"));
    ASSERT_EQ(committed.count(), 1);
    const Committed done = committed.at(0).at(0).value<Committed>();
    EXPECT_TRUE(done.payload["original_receipt"].is_null());
    EXPECT_EQ(done.payload["totals"]["gross"], 2 * 199 + 50);
}

TEST_F(RefundViewModelTest, AnUnknownReceiptOrARefundsOwnReceiptIsRefusedInWords) {
    EXPECT_FALSE(refunds.findReceipt("t1-999999"));
    EXPECT_TRUE(refunds.messageIsError());
    EXPECT_NE(refunds.message().indexOf("t1-999999"), -1) << refunds.message().toStdString();
    const std::string receipt = sell(false);
    ASSERT_TRUE(refunds.findReceipt(QString::fromStdString(receipt)));
    refunds.chooseAll(1);
    ASSERT_TRUE(refunds.refund("x"));
    EXPECT_FALSE(refunds.findReceipt("t1-000002"));
    EXPECT_NE(refunds.message().indexOf("a refund's receipt"), -1);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
