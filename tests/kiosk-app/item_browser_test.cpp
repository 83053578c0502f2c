// Category tiles and search over a real till's catalog: the categories in order, a category's
// items by name, a search as typed, and a tile's item added to the sale.
#include "kiosk/app/item_browser.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include "kiosk/app/sale_view_model.h"
#include "testing/terminal.h"

namespace frontdesk::kiosk::app {
namespace {

using namespace frontdesk::kiosk::testing;

nlohmann::json seedWithCategories() {
    auto seed = standardSeed();
    for (auto& item : seed["items"]) {
        if (item["sku"] == "A" || item["sku"] == "X") item["category"] = "drinks";
        if (item["sku"] == "B") item["category"] = "bakery";
    }
    return seed;
}

class ItemBrowserTest : public ::testing::Test {
protected:
    ItemBrowserTest() : t(seedWithCategories()), access(*t.till), browser(access), sale(access) { t.startShift(); }
    QStringList names() const {
        QStringList out;
        for (const QVariant& item : browser.items()) out << item.toMap().value("name").toString();
        return out;
    }
    Terminal t;
    TillAccess access;
    ItemBrowser browser;
    SaleViewModel sale;
};

TEST_F(ItemBrowserTest, TheCategoriesAndTheFirstOnesItems) {
    QSignalSpy changed(&browser, &ItemBrowser::changed);
    browser.refresh();
    EXPECT_GE(changed.count(), 1);
    EXPECT_EQ(browser.categories(), (QStringList{"bakery", "drinks"}));
    EXPECT_EQ(browser.category(), "bakery");
    EXPECT_EQ(names(), QStringList{"Bread roll"});
    browser.showCategory("drinks");
    EXPECT_EQ(names(), (QStringList{"Apple juice", "Xeres sherry"}));
    EXPECT_EQ(browser.items().at(0).toMap().value("price").toString(), "1.99");
    EXPECT_FALSE(browser.items().at(0).toMap().value("weighed").toBool());
}

TEST_F(ItemBrowserTest, ASearchAsTypedAndBackToTheCategory) {
    browser.refresh();
    browser.search("wal");
    EXPECT_EQ(browser.category(), "");
    EXPECT_EQ(names(), QStringList{"Walnuts loose"});
    EXPECT_TRUE(browser.items().at(0).toMap().value("weighed").toBool());
    browser.search("zzz");
    EXPECT_TRUE(browser.items().isEmpty());
    EXPECT_EQ(browser.message(), "Nothing starts with zzz");
    browser.search("");
    EXPECT_EQ(browser.category(), "bakery");
    EXPECT_EQ(names(), QStringList{"Bread roll"});
}

TEST_F(ItemBrowserTest, ATileAddsItsItemToTheSale) {
    browser.refresh();
    const QString sku = browser.items().at(0).toMap().value("sku").toString();
    ASSERT_TRUE(sale.addItem(sku));
    ASSERT_TRUE(sale.addItem(sku));
    EXPECT_EQ(sale.total(), "EUR 1.00");
    EXPECT_EQ(sale.message(), "Bread roll");
    EXPECT_FALSE(sale.addItem("NO-SUCH-SKU"));
    EXPECT_TRUE(sale.messageIsError());
}

}  // namespace
}  // namespace frontdesk::kiosk::app
