// The cart as the screen lists it, driven by a real till: rows appended, changed in place and
// removed, with the amounts the engine priced; Qt's model tester checks every signal on the way.
#include "kiosk/app/cart_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

class CartModelTest : public ::testing::Test {
protected:
    CartModelTest() { t.startShift(); }
    void apply(const core::Result<SaleState>& state) {
        ASSERT_TRUE(state.ok()) << state.status().toString();
        model.update(t.checkout().cart(), *state, t.till->settings().currency);
    }
    QString at(int row, CartModel::Role role) const { return model.data(model.index(row), role).toString(); }

    Terminal t;
    CartModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(CartModelTest, AScannedItemAppendsARowWithTheEnginesAmounts) {
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    apply(t.checkout().scan(kApple, dec("2")));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(at(0, CartModel::NameRole), "Apple juice");
    EXPECT_EQ(at(0, CartModel::QuantityRole), "2");
    EXPECT_EQ(at(0, CartModel::UnitPriceRole), "1.99");
    EXPECT_EQ(at(0, CartModel::AmountRole), "3.98");
    EXPECT_EQ(at(0, CartModel::DiscountRole), "");
    EXPECT_EQ(model.data(model.index(0), CartModel::LineRole).toInt(), 1);
    EXPECT_EQ(model.roleNames().value(CartModel::AmountRole), "amount");
}

TEST_F(CartModelTest, AChangedLineIsUpdatedInPlaceAndAnotherAppended) {
    apply(t.checkout().scan(kApple, dec("1")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    apply(t.checkout().scan(kApple, dec("1")));  // the same item: the line's quantity goes up
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(at(0, CartModel::QuantityRole), "2");
    apply(t.checkout().scan(kBread, dec("1")));
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(at(1, CartModel::AmountRole), "0.50");
    EXPECT_EQ(reset.count(), 0);
}

TEST_F(CartModelTest, ADiscountShowsOnItsLineAndARemovedLineGoes) {
    apply(t.checkout().scan(kApple, dec("1")));
    apply(t.checkout().scan(kBread, dec("1")));
    auto discount = Discount::make("", "10", t.till->settings().currency);
    ASSERT_TRUE(discount.ok());
    apply(t.checkout().lineDiscount(1, *discount, Approval{"s1", "3333"}));
    EXPECT_EQ(at(0, CartModel::DiscountRole), "-0.20");
    EXPECT_EQ(at(0, CartModel::AmountRole), "1.79");
    apply(t.checkout().removeLine(1));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(at(0, CartModel::NameRole), "Bread roll");
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

}  // namespace
}  // namespace frontdesk::kiosk::app
