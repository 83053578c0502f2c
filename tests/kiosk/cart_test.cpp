// Cart: exact pricing of lines, merging, discounts (line and sale), quantity rules, parking JSON.
#include "kiosk/cart.h"

#include <cmath>

#include <gtest/gtest.h>

#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

const core::Currency& euro() {
    static const core::Currency currency = *core::currencyByCode("EUR");
    return currency;
}

Item makeItem(const std::string& sku, const std::string& name, std::int64_t price, const std::string& taxCode,
              const char* rate, bool soldByWeight = false) {
    Item item;
    item.sku = sku;
    item.name = name;
    item.priceMinor = price;
    item.taxCode = taxCode;
    item.taxRate = dec(rate);
    item.category = "test";
    item.soldByWeight = soldByWeight;
    return item;
}

// The standard seed's items, without a database.
Item apple() {
    return makeItem("A", "Apple juice", 199, "VAT19", "19");
}
Item bread() {
    return makeItem("B", "Bread roll", 50, "VAT7", "7");
}
Item walnuts() {
    return makeItem("W", "Walnuts loose", 2480, "VAT7", "7", true);
}

Discount amountOff(std::int64_t minor) {
    Discount d;
    d.kind = Discount::Kind::Amount;
    d.amountMinor = minor;
    return d;
}

Discount percentOff(const char* percent) {
    Discount d;
    d.kind = Discount::Kind::Percent;
    d.percent = dec(percent);
    return d;
}

CartTotals priced(const Cart& cart, const core::TaxPolicy& policy = {}) {
    auto totals = cart.price(euro(), policy);
    EXPECT_TRUE(totals.ok()) << totals.status().toString();
    if (!totals.ok()) throw std::runtime_error(totals.status().toString());
    return *totals;
}

// ---- pricing of lines ----

TEST(CartPricing, LineIsQuantityTimesUnitPriceWithInclusiveTax) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("3")).ok());
    const auto totals = priced(cart);
    ASSERT_EQ(totals.lines.size(), 1u);
    EXPECT_EQ(totals.lines[0].baseMinor, 597);
    EXPECT_EQ(totals.lines[0].amounts.gross.minor(), 597);
    EXPECT_EQ(totals.lines[0].amounts.tax.minor(), 95);  // 597 x 19 / 119 = 95.32
    EXPECT_EQ(totals.lines[0].amounts.net.minor(), 502);
    EXPECT_EQ(totals.gross.minor(), 597);
    EXPECT_EQ(totals.discount.minor(), 0);
}

TEST(CartPricing, WeighedItemIsPricedByWeight) {
    Cart cart;
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    const auto totals = priced(cart);
    EXPECT_EQ(totals.lines[0].baseMinor, 930);  // 0.375 kg x 24.80 = 9.30
    EXPECT_EQ(totals.lines[0].amounts.gross.minor(), 930);
    EXPECT_EQ(totals.lines[0].amounts.tax.minor(), 61);  // 930 x 7 / 107 = 60.84
    EXPECT_EQ(totals.lines[0].amounts.net.minor(), 869);
    EXPECT_EQ(cart.lines()[0].qty, dec("0.375"));
}

TEST(CartPricing, ExclusiveTaxIsAddedOnTopOfTheNetPrice) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    const core::TaxPolicy exclusive{core::TaxMode::Exclusive, core::TaxRounding::PerLine, core::RoundingMode::HalfUp};
    const auto totals = priced(cart, exclusive);
    EXPECT_EQ(totals.net.minor(), 398);
    EXPECT_EQ(totals.tax.minor(), 76);  // 398 x 0.19 = 75.62
    EXPECT_EQ(totals.gross.minor(), 474);
}

TEST(CartPricing, OverriddenUnitPriceReplacesTheCatalogPrice) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    ASSERT_TRUE(cart.overridePrice(0, 150, "s1").ok());
    EXPECT_EQ(priced(cart).gross.minor(), 300);
    EXPECT_TRUE(cart.lines()[0].priceOverridden);
    EXPECT_EQ(cart.lines()[0].overrideApprovedBy, "s1");
    EXPECT_EQ(cart.overridePrice(0, -1, "s1").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.overridePrice(0, 10'000'000'001, "s1").kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.lines()[0].unitPriceMinor, 150);
}

// ---- merging ----

TEST(CartMerge, RepeatedScansOfACountedItemRaiseTheQuantityOfOneLine) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    ASSERT_EQ(cart.lines().size(), 2u);
    EXPECT_EQ(cart.lines()[0].item.sku, "A");
    EXPECT_EQ(cart.lines()[0].qty, dec("3"));
    EXPECT_EQ(priced(cart).gross.minor(), 597 + 50);
}

TEST(CartMerge, WeighedItemsAreNeverMerged) {
    Cart cart;
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.2")).ok());
    ASSERT_EQ(cart.lines().size(), 2u);
    EXPECT_EQ(cart.lines()[0].qty, dec("0.375"));
    EXPECT_EQ(cart.lines()[1].qty, dec("0.2"));
    EXPECT_EQ(priced(cart).gross.minor(), 930 + 496);
}

TEST(CartMerge, DiscountedOrOverriddenLinesAreNotMergedIntoByANewScan) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.setLineDiscount(0, amountOff(50)).ok());
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_EQ(cart.lines().size(), 2u);
    ASSERT_TRUE(cart.overridePrice(1, 100, "s1").ok());
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_EQ(cart.lines().size(), 3u);
    EXPECT_EQ(priced(cart).gross.minor(), 149 + 100 + 199);
}

TEST(CartMerge, MergeThatWouldPassTheQuantityLimitIsRefusedAndLeavesTheLine) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("9999")).ok());
    const auto st = cart.add(apple(), dec("1"));
    EXPECT_EQ(st.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(st.message().find("9999"), std::string::npos) << st.message();
    ASSERT_EQ(cart.lines().size(), 1u);
    EXPECT_EQ(cart.lines()[0].qty, dec("9999"));
}

TEST(CartMerge, ASaleHoldsAtMost500Lines) {
    Cart cart;
    for (std::size_t i = 0; i < Cart::kMaxLines; ++i) ASSERT_TRUE(cart.add(walnuts(), dec("0.001")).ok());
    const auto st = cart.add(walnuts(), dec("0.001"));
    EXPECT_EQ(st.kind(), core::ErrorKind::FailedPrecondition);
    EXPECT_NE(st.message().find("500"), std::string::npos);
    EXPECT_EQ(cart.lines().size(), Cart::kMaxLines);
}

// ---- line discounts ----

TEST(CartDiscount, LineAmountDiscountIsTakenOffTheLine) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());
    ASSERT_TRUE(cart.setLineDiscount(0, amountOff(50)).ok());
    const auto totals = priced(cart);
    EXPECT_EQ(totals.lines[0].baseMinor, 398);
    EXPECT_EQ(totals.lines[0].lineDiscountMinor, 50);
    EXPECT_EQ(totals.lines[0].amounts.gross.minor(), 348);
    EXPECT_EQ(totals.lines[0].amounts.tax.minor(), 56);  // 348 x 19 / 119 = 55.56
    EXPECT_EQ(totals.lines[1].lineDiscountMinor, 0);
    EXPECT_EQ(totals.gross.minor(), 348 + 50);
    EXPECT_EQ(totals.discount.minor(), 50);
}

TEST(CartDiscount, LinePercentDiscountIsRoundedHalfUp) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.setLineDiscount(0, percentOff("10")).ok());    // 19.9 -> 20
    ASSERT_TRUE(cart.setLineDiscount(1, percentOff("12.5")).ok());  // 116.25 -> 116
    const auto totals = priced(cart);
    EXPECT_EQ(totals.lines[0].lineDiscountMinor, 20);
    EXPECT_EQ(totals.lines[0].amounts.gross.minor(), 179);
    EXPECT_EQ(totals.lines[1].lineDiscountMinor, 116);
    EXPECT_EQ(totals.lines[1].amounts.gross.minor(), 814);
    EXPECT_EQ(totals.discount.minor(), 136);
    EXPECT_EQ(totals.gross.minor(), 179 + 814);
}

TEST(CartDiscount, LineDiscountLargerThanTheLineIsRefused) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.setLineDiscount(0, amountOff(200)).ok());
    const auto totals = cart.price(euro(), {});
    ASSERT_FALSE(totals.ok());
    EXPECT_EQ(totals.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(totals.status().message().find("line 1"), std::string::npos) << totals.status().message();
    EXPECT_NE(totals.status().message().find("1.99 EUR"), std::string::npos) << totals.status().message();

    // The whole line may be given away, not more.
    ASSERT_TRUE(cart.setLineDiscount(0, amountOff(199)).ok());
    EXPECT_EQ(priced(cart).gross.minor(), 0);
}

TEST(CartDiscount, LineDiscountOnAMissingLineNamesTheLineCount) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());
    const auto st = cart.setLineDiscount(2, amountOff(10));
    EXPECT_EQ(st.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(st.message(), "no line 3 (the sale has 2)");
    EXPECT_EQ(cart.setQty(5, dec("1")).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.remove(2).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.lines().size(), 2u);
}

// ---- sale (cart) discount ----

TEST(CartDiscount, SaleDiscountIsSpreadOverLinesByAmountAndSumsExactly) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());        // 199
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());        // 50
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());  // 930
    ASSERT_TRUE(cart.setCartDiscount(amountOff(100)).ok());
    const auto totals = priced(cart);
    // 100 x (199, 50, 930) / 1179 = 16.88, 4.24, 78.88: the two largest remainders take the extra units.
    EXPECT_EQ(totals.lines[0].cartDiscountMinor, 17);
    EXPECT_EQ(totals.lines[1].cartDiscountMinor, 4);
    EXPECT_EQ(totals.lines[2].cartDiscountMinor, 79);
    EXPECT_EQ(totals.lines[0].amounts.gross.minor(), 182);
    EXPECT_EQ(totals.lines[1].amounts.gross.minor(), 46);
    EXPECT_EQ(totals.lines[2].amounts.gross.minor(), 851);
    EXPECT_EQ(totals.gross.minor(), 1079);
    EXPECT_EQ(totals.discount.minor(), 100);
}

TEST(CartDiscount, SaleDiscountSharesSumToTheDiscountForEveryAmount) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("3")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.setLineDiscount(2, amountOff(30)).ok());
    const std::int64_t weights[] = {199, 150, 900};
    const std::int64_t subtotal = 199 + 150 + 900;
    for (std::int64_t d = 1; d <= subtotal; d += 7) {
        ASSERT_TRUE(cart.setCartDiscount(amountOff(d)).ok());
        const auto totals = priced(cart);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            const std::int64_t share = totals.lines[i].cartDiscountMinor;
            sum += share;
            // Each share is the exact proportion rounded down or up, never further off.
            const auto exact = static_cast<double>(d) * static_cast<double>(weights[i]) / static_cast<double>(subtotal);
            EXPECT_LT(std::abs(static_cast<double>(share) - exact), 1.0) << "discount " << d << " line " << i;
        }
        ASSERT_EQ(sum, d) << "discount " << d;
        ASSERT_EQ(totals.gross.minor(), subtotal - d);
        ASSERT_EQ(totals.discount.minor(), d + 30);
    }
}

TEST(CartDiscount, SalePercentDiscountAppliesToTheSubtotalAfterLineDiscounts) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.setLineDiscount(1, amountOff(130)).ok());  // 930 -> 800
    ASSERT_TRUE(cart.setCartDiscount(percentOff("10")).ok());   // 10% of 999 = 99.9 -> 100
    const auto totals = priced(cart);
    EXPECT_EQ(totals.lines[0].cartDiscountMinor + totals.lines[1].cartDiscountMinor, 100);
    EXPECT_EQ(totals.gross.minor(), 899);
    EXPECT_EQ(totals.discount.minor(), 230);
}

TEST(CartDiscount, SaleDiscountLargerThanTheSaleIsRefused) {
    Cart cart;
    EXPECT_EQ(cart.setCartDiscount(amountOff(10)).kind(), core::ErrorKind::FailedPrecondition);  // nothing to discount
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());
    ASSERT_TRUE(cart.setCartDiscount(amountOff(250)).ok());
    const auto totals = cart.price(euro(), {});
    ASSERT_FALSE(totals.ok());
    EXPECT_EQ(totals.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(totals.status().message().find("2.49 EUR"), std::string::npos) << totals.status().message();

    ASSERT_TRUE(cart.setCartDiscount(amountOff(249)).ok());
    EXPECT_EQ(priced(cart).gross.minor(), 0);
}

TEST(CartDiscount, RemovingTheLastLineDropsTheSaleDiscount) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("1")).ok());
    ASSERT_TRUE(cart.setCartDiscount(percentOff("50")).ok());
    ASSERT_TRUE(cart.remove(0).ok());
    EXPECT_TRUE(cart.cartDiscount().any()) << "still lines: the sale keeps its discount";
    ASSERT_TRUE(cart.remove(0).ok());
    EXPECT_FALSE(cart.cartDiscount().any());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    EXPECT_EQ(priced(cart).gross.minor(), 930);
}

TEST(CartDiscount, MakeParsesExactlyOneOfAmountOrPercent) {
    auto amount = Discount::make("1.50", "", euro());
    ASSERT_TRUE(amount.ok()) << amount.status().toString();
    EXPECT_EQ(amount->kind, Discount::Kind::Amount);
    EXPECT_EQ(amount->amountMinor, 150);
    auto percent = Discount::make("", "12.5", euro());
    ASSERT_TRUE(percent.ok());
    EXPECT_EQ(percent->kind, Discount::Kind::Percent);
    EXPECT_EQ(percent->percent, dec("12.5"));
    EXPECT_TRUE(Discount::make("", "100", euro()).ok());

    EXPECT_EQ(Discount::make("1", "5", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("", "", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("0.00", "", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("-1", "", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("1.999", "", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("", "0", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("", "100.5", euro()).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(Discount::make("", "-5", euro()).status().kind(), core::ErrorKind::InvalidArgument);
}

// ---- quantities ----

struct QtyCase {
    bool weighed;
    const char* qty;
    const char* expected;  // part of the message
};

TEST(CartQuantity, InvalidQuantitiesAreRefusedWithAClearMessage) {
    const QtyCase cases[] = {
        {false, "0", "quantity must be positive, not 0"},
        {true, "0", "quantity must be positive"},
        {false, "-1", "quantity must be positive, not -1"},
        {true, "-0.5", "quantity must be positive"},
        {false, "10000", "quantity 10000 is more than 9999"},
        {true, "9999.001", "is more than 9999"},
        {true, "1.2345", "quantity 1.2345 has more than 3 decimals"},
        {false, "1.5", "Apple juice is sold by the piece: quantity 1.5 must be whole"},
        {false, "0.001", "must be whole"},
    };
    for (const auto& c : cases) {
        const Item item = c.weighed ? walnuts() : apple();
        const auto st = validateQuantity(item, dec(c.qty));
        EXPECT_EQ(st.kind(), core::ErrorKind::InvalidArgument) << c.qty;
        EXPECT_NE(st.message().find(c.expected), std::string::npos) << c.qty << ": " << st.message();
        Cart cart;
        EXPECT_EQ(cart.add(item, dec(c.qty)).message(), st.message()) << c.qty;
        EXPECT_TRUE(cart.empty()) << c.qty;
    }
}

TEST(CartQuantity, LimitsThemselvesAreAccepted) {
    EXPECT_TRUE(validateQuantity(apple(), dec("9999")).ok());
    EXPECT_TRUE(validateQuantity(apple(), dec("1")).ok());
    EXPECT_TRUE(validateQuantity(walnuts(), dec("0.001")).ok());
    EXPECT_TRUE(validateQuantity(walnuts(), dec("9999")).ok());
    EXPECT_TRUE(validateQuantity(walnuts(), dec("1.230")).ok());  // trailing zero is still 3 decimals
}

TEST(CartQuantity, SetQtyValidatesAndKeepsTheOldQuantityOnError) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    EXPECT_EQ(cart.setQty(0, dec("0")).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.setQty(0, dec("2.5")).kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(cart.lines()[0].qty, dec("2"));
    ASSERT_TRUE(cart.setQty(0, dec("5")).ok());
    EXPECT_EQ(priced(cart).gross.minor(), 995);
    ASSERT_TRUE(cart.remove(0).ok());
    EXPECT_TRUE(cart.empty());
}

// ---- totals ----

TEST(CartTotals, TotalsAreTheSumOfLinesAndTheRateBreakdownAddsUp) {
    const core::TaxPolicy policies[] = {
        {core::TaxMode::Inclusive, core::TaxRounding::PerLine, core::RoundingMode::HalfUp},
        {core::TaxMode::Inclusive, core::TaxRounding::PerTotal, core::RoundingMode::HalfUp},
        {core::TaxMode::Exclusive, core::TaxRounding::PerLine, core::RoundingMode::HalfEven},
        {core::TaxMode::Exclusive, core::TaxRounding::PerTotal, core::RoundingMode::HalfUp},
    };
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("3")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("7")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("1.111")).ok());
    ASSERT_TRUE(cart.add(makeItem("Z", "Zero rated", 333, "VAT0", "0"), dec("1")).ok());
    ASSERT_TRUE(cart.setLineDiscount(0, percentOff("15")).ok());
    ASSERT_TRUE(cart.setLineDiscount(3, amountOff(77)).ok());
    ASSERT_TRUE(cart.setCartDiscount(amountOff(123)).ok());
    for (const auto& policy : policies) {
        const auto totals = priced(cart, policy);
        std::int64_t net = 0, tax = 0, gross = 0, discount = 0;
        for (const auto& line : totals.lines) {
            EXPECT_EQ(line.amounts.net.minor() + line.amounts.tax.minor(), line.amounts.gross.minor());
            net += line.amounts.net.minor();
            tax += line.amounts.tax.minor();
            gross += line.amounts.gross.minor();
            discount += line.lineDiscountMinor + line.cartDiscountMinor;
        }
        EXPECT_EQ(totals.net.minor(), net);
        EXPECT_EQ(totals.tax.minor(), tax);
        EXPECT_EQ(totals.gross.minor(), gross);
        EXPECT_EQ(totals.discount.minor(), discount);

        ASSERT_EQ(totals.byRate.size(), 3u);
        std::int64_t rNet = 0, rTax = 0, rGross = 0;
        for (const auto& rate : totals.byRate) {
            std::int64_t lineGross = 0, lineTax = 0;
            for (std::size_t i = 0; i < cart.lines().size(); ++i) {
                if (cart.lines()[i].item.taxCode != rate.taxCode) continue;
                lineGross += totals.lines[i].amounts.gross.minor();
                lineTax += totals.lines[i].amounts.tax.minor();
            }
            EXPECT_EQ(rate.gross.minor(), lineGross) << rate.taxCode;
            EXPECT_EQ(rate.tax.minor(), lineTax) << rate.taxCode;
            EXPECT_EQ(rate.net.minor() + rate.tax.minor(), rate.gross.minor()) << rate.taxCode;
            rNet += rate.net.minor();
            rTax += rate.tax.minor();
            rGross += rate.gross.minor();
        }
        EXPECT_EQ(rNet, totals.net.minor());
        EXPECT_EQ(rTax, totals.tax.minor());
        EXPECT_EQ(rGross, totals.gross.minor());
        if (policy.mode == core::TaxMode::Inclusive) {
            // 597 - 90 + 350 + 930 + (2755 - 77) + 333 - 123
            EXPECT_EQ(totals.gross.minor(), 597 - 90 + 350 + 930 + 2755 - 77 + 333 - 123);
        }
    }
}

// ---- parking ----

TEST(CartJson, RoundTripKeepsLinesDiscountsOverridesAndTotals) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("2")).ok());
    ASSERT_TRUE(cart.add(walnuts(), dec("0.375")).ok());
    ASSERT_TRUE(cart.add(bread(), dec("4")).ok());
    auto x = makeItem("X", "Xeres sherry", 999, "VAT19", "19");
    x.ageRestricted = true;
    ASSERT_TRUE(cart.add(x, dec("1")).ok());
    auto percent = percentOff("12.5");
    percent.approvedBy = "s1";
    ASSERT_TRUE(cart.setLineDiscount(0, percent).ok());
    ASSERT_TRUE(cart.overridePrice(1, 2000, "m1").ok());
    auto amount = amountOff(15);
    amount.approvedBy = "s1";
    ASSERT_TRUE(cart.setLineDiscount(2, amount).ok());
    auto sale = amountOff(33);
    sale.approvedBy = "m1";
    ASSERT_TRUE(cart.setCartDiscount(sale).ok());

    const auto text = cart.toJson().dump();
    auto back = Cart::fromJson(nlohmann::json::parse(text));
    ASSERT_TRUE(back.ok()) << back.status().toString();
    ASSERT_EQ(back->lines().size(), cart.lines().size());
    for (std::size_t i = 0; i < cart.lines().size(); ++i) {
        const auto& a = cart.lines()[i];
        const auto& b = back->lines()[i];
        EXPECT_EQ(a.item.sku, b.item.sku);
        EXPECT_EQ(a.item.name, b.item.name);
        EXPECT_EQ(a.item.priceMinor, b.item.priceMinor);
        EXPECT_EQ(a.item.taxCode, b.item.taxCode);
        EXPECT_EQ(a.item.taxRate, b.item.taxRate);
        EXPECT_EQ(a.item.category, b.item.category);
        EXPECT_EQ(a.item.ageRestricted, b.item.ageRestricted);
        EXPECT_EQ(a.item.soldByWeight, b.item.soldByWeight);
        EXPECT_EQ(a.qty, b.qty);
        EXPECT_EQ(a.unitPriceMinor, b.unitPriceMinor);
        EXPECT_EQ(a.priceOverridden, b.priceOverridden);
        EXPECT_EQ(a.overrideApprovedBy, b.overrideApprovedBy);
        EXPECT_EQ(a.discount.kind, b.discount.kind);
        EXPECT_EQ(a.discount.amountMinor, b.discount.amountMinor);
        EXPECT_EQ(a.discount.percent, b.discount.percent);
        EXPECT_EQ(a.discount.approvedBy, b.discount.approvedBy);
    }
    EXPECT_EQ(back->cartDiscount().kind, Discount::Kind::Amount);
    EXPECT_EQ(back->cartDiscount().amountMinor, 33);
    EXPECT_EQ(back->cartDiscount().approvedBy, "m1");
    EXPECT_EQ(back->toJson(), cart.toJson());

    const auto before = priced(cart);
    const auto after = priced(*back);
    EXPECT_EQ(after.gross, before.gross);
    EXPECT_EQ(after.tax, before.tax);
    EXPECT_EQ(after.discount, before.discount);
    EXPECT_EQ(before.gross.minor(), (398 - 50) + 750 + (200 - 15) + 999 - 33);
}

TEST(CartJson, MalformedParkedCartIsReportedAsCorrupt) {
    Cart cart;
    ASSERT_TRUE(cart.add(apple(), dec("1")).ok());
    auto json = cart.toJson();
    json["lines"][0].erase("qty");
    auto back = Cart::fromJson(json);
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.status().kind(), core::ErrorKind::Corrupt);
    EXPECT_EQ(Cart::fromJson(nlohmann::json::object()).status().kind(), core::ErrorKind::Corrupt);
}

}  // namespace
}  // namespace frontdesk::kiosk
