// The shift view model over a real till: the float, cash moves (a paid-out beyond the drawer waits
// for a supervisor), the X report, and the close with the drawer counted note by note.
#include "kiosk/app/shift_view_model.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "kiosk/app/sale_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

std::vector<std::string> labels(const char* currency) {
    std::vector<std::string> out;
    const core::Currency c = *core::currencyByCode(currency);
    for (std::int64_t v : denominationsOf(c)) out.push_back(core::Money(v, c).displayAmount());
    return out;
}

TEST(CashCount, EachCurrencyHasItsNotesAndCoinsLargestFirst) {
    EXPECT_EQ(labels("EUR"),
              (std::vector<std::string>{"500.00", "200.00", "100.00", "50.00", "20.00", "10.00", "5.00", "2.00", "1.00",
                                        "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"}));
    EXPECT_EQ(labels("USD"), (std::vector<std::string>{"100.00", "50.00", "20.00", "10.00", "5.00", "2.00", "1.00",
                                                       "0.25", "0.10", "0.05", "0.01"}));
    EXPECT_EQ(labels("CHF").back(), "0.05");  // nothing below the cash step
}

TEST(CashCount, TheTotalIsExactAndABadCountIsRefusedUnchanged) {
    CashCountModel count(*core::currencyByCode("EUR"));
    QSignalSpy total(&count, &CashCountModel::totalChanged);
    EXPECT_TRUE(count.setCount(3, "3"));   // 3 x 50.00
    EXPECT_TRUE(count.setCount(14, "7"));  // 7 x 0.01
    EXPECT_EQ(count.total(), "150.07");
    EXPECT_EQ(count.data(count.index(3), CashCountModel::AmountRole).toString(), "150.00");
    for (const char* bad : {"x", "-1", "1.5", "100001"}) EXPECT_FALSE(count.setCount(3, bad)) << bad;
    EXPECT_FALSE(count.setCount(99, "1"));
    EXPECT_EQ(count.total(), "150.07");
    EXPECT_EQ(total.count(), 2);
    count.clear();
    EXPECT_EQ(count.total(), "0.00");
}

class ShiftViewModelTest : public ::testing::Test {
protected:
    ShiftViewModelTest() : access(*t.till), shift(access) {}
    Terminal t;
    TillAccess access;
    ShiftViewModel shift;
};

TEST_F(ShiftViewModelTest, AShiftOpensWithItsFloatAndTheDrawerOpens) {
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    EXPECT_FALSE(shift.isOpen());
    QSignalSpy drawer(&shift, &ShiftViewModel::drawerWanted);
    EXPECT_FALSE(shift.openShift("ten"));
    EXPECT_TRUE(shift.messageIsError());
    ASSERT_TRUE(shift.openShift("150.00"));
    EXPECT_TRUE(shift.isOpen());
    EXPECT_EQ(shift.message(), "Shift open with a float of 150.00");
    EXPECT_EQ(drawer.count(), 1);
    EXPECT_FALSE(shift.openShift("150.00"));  // one at a time: the engine says so
}

TEST_F(ShiftViewModelTest, APaidOutBeyondTheDrawerWaitsForASupervisorAndTheXReportShowsIt) {
    t.startShift();  // c1, float 100.00
    QSignalSpy reports(&shift, &ShiftViewModel::reportReady);
    ASSERT_TRUE(shift.paidIn("20.00", "change from the bank"));
    EXPECT_FALSE(shift.paidOut("150.00", "supplier"));  // the drawer should hold 120.00
    EXPECT_TRUE(shift.approval()->waiting());
    EXPECT_FALSE(shift.approval()->approve("c2", "2222"));  // a cashier may not pay out
    EXPECT_TRUE(shift.approval()->waiting());
    ASSERT_TRUE(shift.approval()->approve("s1", "3333")) << shift.approval()->message().toStdString();
    EXPECT_FALSE(shift.approval()->waiting());
    EXPECT_FALSE(shift.paidOut("250.00", "too much"));
    EXPECT_FALSE(shift.approval()->approve("s1", "3333"));  // above the store's limit: no approval helps
    EXPECT_FALSE(shift.approval()->waiting());
    EXPECT_NE(shift.message().indexOf("limit"), -1) << shift.message().toStdString();
    ASSERT_TRUE(shift.xReport());
    EXPECT_EQ(shift.reportTitle(), "X report");
    EXPECT_EQ(reports.count(), 1);
    QMap<QString, QString> rows;
    for (const QVariant& row : shift.report()) rows[row.toMap()["label"].toString()] = row.toMap()["value"].toString();
    EXPECT_EQ(rows["Paid in"], "20.00");
    EXPECT_EQ(rows["Paid out"], "150.00");
    EXPECT_EQ(rows["Cash expected"], "-30.00");
    EXPECT_TRUE(shift.isOpen());
}

TEST_F(ShiftViewModelTest, TheCloseTakesTheCountedDrawerAndSaysWhetherItIsShort) {
    t.startShift();
    TillAccess sales(*t.till);
    SaleViewModel sale(sales);
    ASSERT_TRUE(sale.scan(kApple));
    ASSERT_TRUE(sale.tenderCash("1.99"));
    ASSERT_TRUE(sale.complete());
    ASSERT_TRUE(shift.cashCount()->setCount(2, "1"));  // 100.00 counted of 101.99
    ASSERT_TRUE(shift.closeShift());
    EXPECT_FALSE(shift.isOpen());
    EXPECT_EQ(shift.reportTitle(), "Z report");
    EXPECT_EQ(shift.message(), "Shift closed: the drawer is short by 1.99");
    EXPECT_TRUE(shift.messageIsError());
    EXPECT_EQ(shift.cashCount()->total(), "0.00");
    EXPECT_EQ(queryInt(*t.db, "SELECT counted_minor FROM shifts"), 10000);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
