// The one-touch cash amounts offered for what is due.
#include "kiosk/app/quick_cash.h"

#include <gtest/gtest.h>

namespace frontdesk::kiosk::app {
namespace {

std::vector<std::string> amounts(std::int64_t due, const char* currency) {
    std::vector<std::string> out;
    for (const auto& m : quickCashAmounts(core::Money(due, *core::currencyByCode(currency)))) {
        out.push_back(m.displayAmount());
    }
    return out;
}

TEST(QuickCash, TheExactSumThenTheNextThreeRoundAmountsAboveIt) {
    EXPECT_EQ(amounts(1234, "EUR"), (std::vector<std::string>{"12.34", "15.00", "20.00", "50.00"}));
    EXPECT_EQ(amounts(2000, "EUR"), (std::vector<std::string>{"20.00", "25.00", "30.00", "40.00"}));
    EXPECT_EQ(amounts(49999, "EUR"),
              (std::vector<std::string>{"499.99", "500.00", "600.00"}));  // fewer when they coincide
}

TEST(QuickCash, TheExactSumIsRoundedToTheCashStepAndWholeUnitsFollowTheCurrency) {
    EXPECT_EQ(amounts(1232, "CHF").front(), "12.30");  // CHF cash comes in 0.05 steps
    EXPECT_EQ(amounts(1233, "CHF").front(), "12.35");
    EXPECT_EQ(amounts(1250, "JPY"), (std::vector<std::string>{"1250", "1255", "1260", "1300"}));
}

TEST(QuickCash, NothingWhenNothingIsDue) {
    EXPECT_TRUE(amounts(0, "EUR").empty());
    EXPECT_TRUE(amounts(-150, "EUR").empty());
}

}  // namespace
}  // namespace frontdesk::kiosk::app
