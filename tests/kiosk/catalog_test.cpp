// Catalog lookups and search, and the seed import: quarantine of bad entries, refusal of a bad
// tax code, and no clear PIN anywhere in the terminal database.
#include "kiosk/catalog.h"

#include <cstdio>

#include <gtest/gtest.h>

#include "core/password.h"
#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "test_support.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;

nlohmann::json item(const std::string& sku, const std::string& name, const std::string& price = "1.00",
                    const std::string& taxCode = "VAT19") {
    return {{"sku", sku}, {"name", name}, {"price", price}, {"tax_code", taxCode}};
}

std::vector<std::string> skus(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.sku);
    return out;
}

// A fresh, unprovisioned terminal database.
struct EmptyTerminal {
    EmptyTerminal() : clock(core::TimePoint{std::chrono::milliseconds{1'795'000'000'000}}) {
        auto opened = openTerminalDb(dir.file("terminal.db"));
        if (!opened.ok()) throw std::runtime_error(opened.status().toString());
        db = std::move(opened).value();
    }
    core::Result<ImportReport> import(const nlohmann::json& seed) {
        return importSeed(*db, clock, seed, core::HashStrength::Minimum);
    }
    TempDir dir;
    core::FakeClock clock;
    std::unique_ptr<core::Database> db;
};

// ---- lookups ----

TEST(CatalogLookup, ByBarcodeReturnsTheItemWithItsTaxRate) {
    Terminal t;
    auto apple = t.till->catalog().byBarcode("4000000000017");
    ASSERT_TRUE(apple.ok()) << apple.status().toString();
    EXPECT_EQ(apple->sku, "A");
    EXPECT_EQ(apple->name, "Apple juice");
    EXPECT_EQ(apple->priceMinor, 199);
    EXPECT_EQ(apple->taxCode, "VAT19");
    EXPECT_EQ(apple->taxRate, dec("19"));
    EXPECT_FALSE(apple->soldByWeight);
    EXPECT_FALSE(apple->ageRestricted);

    auto sherry = t.till->catalog().byBarcode("4000000000031");
    ASSERT_TRUE(sherry.ok());
    EXPECT_EQ(sherry->sku, "X");
    EXPECT_TRUE(sherry->ageRestricted);
    auto bread = t.till->catalog().byBarcode("4000000000024");
    ASSERT_TRUE(bread.ok());
    EXPECT_EQ(bread->taxRate, dec("7"));
}

TEST(CatalogLookup, BySkuFindsItemsWithoutBarcodes) {
    Terminal t;
    auto walnuts = t.till->catalog().bySku("W");
    ASSERT_TRUE(walnuts.ok()) << walnuts.status().toString();
    EXPECT_EQ(walnuts->name, "Walnuts loose");
    EXPECT_EQ(walnuts->priceMinor, 2480);
    EXPECT_TRUE(walnuts->soldByWeight);
    EXPECT_EQ(walnuts->taxCode, "VAT7");
}

TEST(CatalogLookup, UnknownBarcodeOrSkuIsNotFoundAndNamesTheCode) {
    Terminal t;
    auto missing = t.till->catalog().byBarcode("4006381333931");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(missing.status().message(), "unknown barcode 4006381333931");

    auto sku = t.till->catalog().bySku("NOPE");
    ASSERT_FALSE(sku.ok());
    EXPECT_EQ(sku.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(sku.status().message().find("NOPE"), std::string::npos);

    // A barcode is not a sku and a sku is not a barcode.
    EXPECT_EQ(t.till->catalog().byBarcode("A").status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(t.till->catalog().bySku("4000000000017").status().kind(), core::ErrorKind::NotFound);
}

TEST(CatalogLookup, ReimportedBarcodeMovesToTheNewItem) {
    EmptyTerminal t;
    auto seed = standardSeed();
    ASSERT_TRUE(t.import(seed).ok());
    // The barcode of A now belongs to B, and A's price changes.
    seed["items"][0]["price"] = "2.49";
    seed["items"][0]["barcodes"] = nlohmann::json::array();
    seed["items"][1]["barcodes"] = {"4000000000024", "4000000000017"};
    ASSERT_TRUE(t.import(seed).ok());
    Catalog catalog(*t.db);
    EXPECT_EQ(catalog.byBarcode("4000000000017")->sku, "B");
    EXPECT_EQ(catalog.bySku("A")->priceMinor, 249);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 4);
}

// ---- search ----

struct SearchTerminal : Terminal {
    static nlohmann::json seed() {
        auto s = standardSeed();
        s["items"].push_back(item("COF-1", "Espresso beans"));
        s["items"].push_back(item("CUP-S", "coffee cup small"));
        s["items"].push_back(item("FLT", "Coffee filter"));
        s["items"].push_back(item("ZZ-COFFEE", "Zucchini"));
        s["items"].push_back(item("ZA-1", "Apricot jam"));
        for (int i = 1; i <= 30; ++i) {
            char name[16];
            std::snprintf(name, sizeof name, "Tea %02d", i);
            char sku[16];
            std::snprintf(sku, sizeof sku, "TEA-%02d", 31 - i);
            s["items"].push_back(item(sku, name));
        }
        return s;
    }
    SearchTerminal() : Terminal(seed()) {}
};

TEST(CatalogCategories, TheCategoriesInOrderAndEachOnesItemsByName) {
    auto s = standardSeed();
    auto in = [](nlohmann::json i, const char* category) {
        i["category"] = category;
        return i;
    };
    s["items"].push_back(in(item("T2", "tea green"), "tea"));
    s["items"].push_back(in(item("C1", "Espresso"), "coffee"));
    s["items"].push_back(in(item("T1", "Tea black"), "tea"));
    s["items"].push_back(in(item("B1", "Croissant"), "bakery"));
    s["items"].push_back(in(item("C2", "Americano"), "coffee"));
    Terminal t(s);
    auto categories = t.till->catalog().categories();
    ASSERT_TRUE(categories.ok()) << categories.status().toString();
    EXPECT_EQ(*categories, (std::vector<std::string>{"bakery", "coffee", "tea"})) << "items without one are in none";
    EXPECT_EQ(*t.till->catalog().categories(2), (std::vector<std::string>{"bakery", "coffee"}));
    auto coffee = t.till->catalog().inCategory("coffee");
    ASSERT_TRUE(coffee.ok());
    EXPECT_EQ(skus(*coffee), (std::vector<std::string>{"C2", "C1"}));
    EXPECT_EQ((*coffee)[0].taxRate, dec("19"));
    EXPECT_EQ(skus(*t.till->catalog().inCategory("tea", 1)), std::vector<std::string>{"T1"});
    EXPECT_TRUE(t.till->catalog().inCategory("nothing")->empty());
}

TEST(CatalogSearch, NamePrefixIsCaseInsensitive) {
    SearchTerminal t;
    for (const char* prefix : {"coffee", "COFFEE", "Coffee", "cOfFeE c"}) {
        auto found = t.till->catalog().search(prefix);
        ASSERT_TRUE(found.ok()) << found.status().toString();
        if (std::string(prefix).size() > 6) {
            EXPECT_EQ(skus(*found), std::vector<std::string>({"CUP-S"})) << prefix;
        } else {
            // name order: "coffee cup small" before "Coffee filter"
            EXPECT_EQ(skus(*found), std::vector<std::string>({"CUP-S", "FLT"})) << prefix;
        }
    }
}

TEST(CatalogSearch, SkuPrefixFindsItemsWhoseNameDoesNotMatch) {
    SearchTerminal t;
    auto bySku = t.till->catalog().search("COF-");
    ASSERT_TRUE(bySku.ok());
    EXPECT_EQ(skus(*bySku), std::vector<std::string>({"COF-1"}));

    auto zz = t.till->catalog().search("ZZ-");
    ASSERT_TRUE(zz.ok());
    ASSERT_EQ(zz->size(), 1u);
    EXPECT_EQ((*zz)[0].name, "Zucchini");

    // "COF" matches two names and one sku; each item once.
    auto both = t.till->catalog().search("COF");
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(skus(*both), std::vector<std::string>({"CUP-S", "FLT", "COF-1"}));

    // An item matching by both name and sku is listed once.
    auto apple = t.till->catalog().search("A");
    ASSERT_TRUE(apple.ok());
    EXPECT_EQ(skus(*apple), std::vector<std::string>({"A", "ZA-1"}));  // Apple juice, Apricot jam
}

TEST(CatalogSearch, MatchesByNameAndBySkuComeBackInNameOrder) {
    SearchTerminal t;
    // "Z" matches Zucchini by name and sku, Apricot jam by sku only: the list is in name order.
    auto found = t.till->catalog().search("Z");
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(skus(*found), std::vector<std::string>({"ZA-1", "ZZ-COFFEE"}));
    auto first = t.till->catalog().search("Z", 1);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(skus(*first), std::vector<std::string>({"ZA-1"}));
}

TEST(CatalogSearch, LimitIsRespectedAndNameOrderKept) {
    SearchTerminal t;
    auto five = t.till->catalog().search("tea", 5);
    ASSERT_TRUE(five.ok());
    ASSERT_EQ(five->size(), 5u);
    EXPECT_EQ((*five)[0].name, "Tea 01");
    EXPECT_EQ((*five)[4].name, "Tea 05");

    auto defaults = t.till->catalog().search("tea");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->size(), 20u);

    // Matches from names and skus together still stop at the limit.
    auto mixed = t.till->catalog().search("T", 7);
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(mixed->size(), 7u);

    auto all = t.till->catalog().search("tea", 1000);  // clamped to 200
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 30u);
}

TEST(CatalogSearch, EmptyPrefixIsRefusedAndNoMatchIsAnEmptyList) {
    SearchTerminal t;
    auto empty = t.till->catalog().search("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.status().kind(), core::ErrorKind::InvalidArgument);
    auto none = t.till->catalog().search("qqq");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

TEST(CatalogSearch, SearchKeyLowerCasesAsciiOnly) {
    EXPECT_EQ(Catalog::searchKey("Apple JUICE 1L"), "apple juice 1l");
    EXPECT_EQ(Catalog::searchKey("\xC3\x84pfel"), "\xC3\x84pfel");  // UTF-8 passes through unchanged
}

// ---- seed import ----

TEST(SeedImport, InvalidItemsAreQuarantinedWithReasonsAndValidOnesApplied) {
    EmptyTerminal t;
    auto seed = standardSeed();
    seed["items"].push_back(item("BAD-TAX", "Unknown tax", "1.00", "VAT99"));
    seed["items"].push_back(item("BAD-PRICE", "Three decimals", "1.999"));
    seed["items"].push_back({{"sku", "NO-NAME"}, {"price", "1.00"}, {"tax_code", "VAT19"}});
    seed["items"].push_back(item("NEG", "Negative", "-1.00"));
    auto report = t.import(seed);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ(report->taxCodes, 2);
    EXPECT_EQ(report->items, 4);
    EXPECT_EQ(report->staff, 4);
    ASSERT_EQ(report->quarantined.size(), 4u);
    EXPECT_EQ(report->quarantined[0], "item 'BAD-TAX': unknown tax code VAT99");
    EXPECT_NE(report->quarantined[1].find("item 'BAD-PRICE'"), std::string::npos);
    EXPECT_NE(report->quarantined[1].find("1.999"), std::string::npos) << report->quarantined[1];
    EXPECT_EQ(report->quarantined[2], "item 'NO-NAME': 'name' is missing");

    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine"), 4);
    EXPECT_EQ(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'BAD-TAX'"), "unknown tax code VAT99");
    EXPECT_NE(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'BAD-PRICE'").find("more decimals"),
              std::string::npos);
    EXPECT_EQ(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'NO-NAME'"), "'name' is missing");
    EXPECT_EQ(queryText(*t.db, "SELECT source FROM quarantine WHERE item_key = 'NEG'"), "seed:item");
    // The raw entry is kept so it can be fixed and sent again.
    auto raw = nlohmann::json::parse(queryText(*t.db, "SELECT raw FROM quarantine WHERE item_key = 'BAD-PRICE'"));
    EXPECT_EQ(raw["price"], "1.999");

    Catalog catalog(*t.db);
    EXPECT_TRUE(catalog.bySku("A").ok());
    EXPECT_TRUE(catalog.bySku("W").ok());
    for (const char* bad : {"BAD-TAX", "BAD-PRICE", "NO-NAME", "NEG"}) {
        EXPECT_EQ(catalog.bySku(bad).status().kind(), core::ErrorKind::NotFound) << bad;
    }
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 4);
    EXPECT_TRUE(loadSettings(*t.db).ok());
}

TEST(SeedImport, BarcodeClaimedByTwoItemsOfOneSeedQuarantinesTheSecond) {
    EmptyTerminal t;
    auto seed = standardSeed();
    seed["items"][1]["barcodes"] = {"4000000000017"};  // A's barcode again, on B
    auto report = t.import(seed);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    ASSERT_EQ(report->quarantined.size(), 1u);
    EXPECT_NE(report->quarantined[0].find("barcode 4000000000017 is already item A's"), std::string::npos);
    EXPECT_EQ(Catalog(*t.db).byBarcode("4000000000017")->sku, "A");
}

TEST(SeedImport, PriceBeyondWhatATillSellsIsQuarantined) {
    EmptyTerminal t;
    auto seed = standardSeed();
    seed["items"][0]["price"] = "100000000.01";
    auto report = t.import(seed);
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->quarantined.size(), 1u);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items WHERE sku = 'A'"), 0);
}

TEST(SeedImport, IdentityAndCurrencyCannotChangeOnceEventsAreRecorded) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());  // shift.opened is event 1
    for (const auto& change :
         {nlohmann::json{{"currency", "JPY"}}, nlohmann::json{{"terminal", "t2"}}, nlohmann::json{{"store", "s9"}}}) {
        auto refused = importSeed(*t.db, t.clock, standardSeed(change), core::HashStrength::Minimum);
        ASSERT_FALSE(refused.ok()) << change.dump();
        EXPECT_EQ(refused.status().kind(), core::ErrorKind::FailedPrecondition);
    }
    auto taxMode = importSeed(*t.db, t.clock, standardSeed({{"tax_mode", "exclusive"}}), core::HashStrength::Minimum);
    ASSERT_FALSE(taxMode.ok());
    EXPECT_NE(taxMode.status().message().find("between shifts"), std::string::npos);
    EXPECT_EQ(loadSettings(*t.db)->terminal, "t1");
    // The same identity re-imports fine (new prices, new items).
    auto same = standardSeed();
    same["items"][0]["price"] = "2.09";
    EXPECT_TRUE(importSeed(*t.db, t.clock, same, core::HashStrength::Minimum).ok());
}

TEST(SeedImport, BrokenTaxCodeRefusesTheWholeSeed) {
    for (const char* rate : {"nineteen", "150", "-1"}) {
        EmptyTerminal t;
        auto seed = standardSeed();
        seed["tax_codes"][1]["rate"] = rate;
        auto report = t.import(seed);
        ASSERT_FALSE(report.ok()) << rate;
        EXPECT_EQ(report.status().kind(), core::ErrorKind::InvalidArgument);
        EXPECT_NE(report.status().message().find("VAT7"), std::string::npos) << report.status().message();
        // Nothing at all was applied: not the settings, the other tax code, items or staff.
        EXPECT_EQ(loadSettings(*t.db).status().kind(), core::ErrorKind::FailedPrecondition);
        EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM tax_codes"), 0);
        EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 0);
        EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM staff"), 0);
        EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine"), 0);
    }
}

TEST(SeedImport, BrokenSettingsRefuseTheWholeSeed) {
    EmptyTerminal t;
    auto bad = standardSeed({{"currency", "EURO"}});
    EXPECT_FALSE(t.import(bad).ok());
    auto badId = standardSeed({{"terminal", "Till_1"}});
    EXPECT_EQ(t.import(badId).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM items"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM settings"), 0);
}

TEST(SeedImport, ClearPinNeverReachesTheQuarantine) {
    const char* pins[] = {"73519846", "64820317", "55500111", "90817263", "31415926"};
    {
        EmptyTerminal t;
        auto seed = standardSeed();
        seed["staff"] = nlohmann::json::array({
            {{"id", "z1"}, {"name", "Zed"}, {"role", "cashier"}, {"pin", pins[0]}},         // valid
            {{"id", "z2"}, {"name", "Zara"}, {"role", "boss"}, {"pin", pins[1]}},           // unknown role
            {{"id", "z3"}, {"role", "cashier"}, {"pin", pins[2]}},                          // no name
            {{"id", "z4"}, {"name", "Zoe"}, {"role", "cashier"}, {"pin_hash", pins[3]}},    // clear PIN as a hash
            {{"id", "z5"}, {"name", "Zack"}, {"role", "cashier"}, {"pin", "31415926abc"}},  // malformed PIN
            {{"id", "z6"}, {"name", "Zeno"}, {"role", "supervisor"}, {"pin", pins[4]}},     // valid
        });
        auto report = t.import(seed);
        ASSERT_TRUE(report.ok()) << report.status().toString();
        EXPECT_EQ(report->staff, 2);
        ASSERT_EQ(report->quarantined.size(), 4u);
        EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine WHERE source = 'seed:staff'"), 4);
        EXPECT_NE(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'z2'").find("boss"),
                  std::string::npos);

        const auto everything =
            queryColumn(*t.db, "SELECT at || source || coalesce(item_key, '') || reason || raw FROM quarantine");
        ASSERT_EQ(everything.size(), 4u);
        for (const auto& row : everything) {
            for (const char* pin : pins) EXPECT_EQ(row.find(pin), std::string::npos) << pin << " in " << row;
            EXPECT_EQ(row.find("31415926abc"), std::string::npos) << row;
        }
        for (const auto& line : report->quarantined) {
            for (const char* pin : pins) EXPECT_EQ(line.find(pin), std::string::npos) << line;
        }
        for (const auto& hash : queryColumn(*t.db, "SELECT pin_hash FROM staff")) {
            EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
        }
        EXPECT_TRUE(core::verifySecret(queryText(*t.db, "SELECT pin_hash FROM staff WHERE id = 'z1'"), pins[0]));
    }
}

TEST(SeedImport, NoClearPinInAnyFileOfTheTerminalDatabase) {
    const std::string pinA = "73519846", pinB = "64820317", pinC = "90817263";
    TempDir dir;
    const auto path = dir.file("terminal.db");
    {
        core::FakeClock clock(core::TimePoint{std::chrono::milliseconds{1'795'000'000'000}});
        auto db = openTerminalDb(path);
        ASSERT_TRUE(db.ok());
        auto seed = standardSeed();
        seed["staff"].push_back({{"id", "z1"}, {"name", "Zed"}, {"role", "cashier"}, {"pin", pinA}});
        seed["staff"].push_back({{"id", "z2"}, {"name", "Zara"}, {"role", "boss"}, {"pin", pinB}});
        seed["staff"].push_back({{"id", "z4"}, {"name", "Zoe"}, {"role", "cashier"}, {"pin_hash", pinC}});
        auto report = importSeed(**db, clock, seed, core::HashStrength::Minimum);
        ASSERT_TRUE(report.ok()) << report.status().toString();
        ASSERT_EQ(report->quarantined.size(), 2u);

        // While open the data may sit in the WAL: check every file of the database.
        std::string bytes;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path())) bytes += readFileBytes(entry.path());
        ASSERT_NE(bytes.find("Walnuts loose"), std::string::npos) << "the probe must see the written data";
        ASSERT_NE(bytes.find("boss"), std::string::npos) << "the quarantined entry must be in the files";
        for (const auto& pin : {pinA, pinB, pinC}) EXPECT_EQ(bytes.find(pin), std::string::npos) << pin;
    }
    // Closed: everything is checkpointed into the main file.
    const std::string bytes = readFileBytes(path);
    ASSERT_NE(bytes.find("Walnuts loose"), std::string::npos);
    ASSERT_NE(bytes.find("$argon2id$"), std::string::npos);
    for (const auto& pin : {pinA, pinB, pinC}) EXPECT_EQ(bytes.find(pin), std::string::npos) << pin;
}

TEST(SeedImport, SeedFileErrorsNameTheFile) {
    EmptyTerminal t;
    const auto missing = t.dir.file("nope.json");
    auto report = importSeedFile(*t.db, t.clock, missing, core::HashStrength::Minimum);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().kind(), core::ErrorKind::NotFound);
    EXPECT_NE(report.status().message().find(missing), std::string::npos);

    const auto broken = t.dir.file("broken.json");
    std::FILE* f = std::fopen(broken.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("{\"terminal\": ", f);
    std::fclose(f);
    report = importSeedFile(*t.db, t.clock, broken, core::HashStrength::Minimum);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(report.status().message().find(broken), std::string::npos);
}

}  // namespace
}  // namespace frontdesk::kiosk
