// The catalog in the back office: CSV as spreadsheets write it, an import that keeps every valid
// row and names every refused one, and each import a new version in the terminals' dataset format.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "backoffice/backoffice_db.h"
#include "backoffice_test_support.h"
#include "backoffice/catalog.h"
#include "backoffice/csv.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

TEST(Csv, ReadsQuotedFieldsCommasLineBreaksAndDoubledQuotes) {
    auto t = parseCsv("\xEF\xBB\xBFsku,name,price\r\nA,\"Apple, \"\"green\"\"\",1.99\r\n\r\nB,\"two\nlines\",0.50\nC,,\n");
    ASSERT_TRUE(t.ok()) << t.status().toString();
    EXPECT_EQ(t->header, (std::vector<std::string>{"sku", "name", "price"}));
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(t->rows[0].fields[1], "Apple, \"green\"");
    EXPECT_EQ(t->rows[0].line, 2);
    EXPECT_EQ(t->rows[1].fields[1], "two\nlines");
    EXPECT_EQ(t->rows[1].line, 4);
    EXPECT_EQ(t->rows[2].line, 6);
    EXPECT_EQ(t->rows[2].fields, (std::vector<std::string>{"C", "", ""}));
    EXPECT_EQ(t->column("PRICE"), 2);
    EXPECT_EQ(t->column("cost"), -1);
}

TEST(Csv, RefusesWhatIsNotCsvNamingTheLine) {
    auto open = parseCsv("sku,name\nA,\"never closed\n");
    ASSERT_FALSE(open.ok());
    EXPECT_EQ(open.status().message(), "line 2: a quoted field is never closed");
    auto after = parseCsv("sku,name\nA,\"x\"y\n");
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.status().message(), "line 2: text after a closing quote");
    EXPECT_FALSE(parseCsv("").ok());
    EXPECT_FALSE(parseCsv(std::string(kMaxCsvFieldBytes + 1, 'x')).ok());
}

class CatalogImport : public ::testing::Test {
protected:
    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
};

TEST_F(CatalogImport, EveryValidRowIsKeptEveryRefusedOneNamedAndTheResultIsANewVersion) {
    const std::string csv =
        "sku,name,price,tax_code,tax_rate,barcodes,category,cost,age_restricted\n"
        "A,Apple juice,1.99,VAT19,19,4000000000017,drinks,0.80,\n"
        "B,Bread roll,0.50,VAT7,7,4000000000024;4000000000025,bakery,,\n"
        "C,Cheap,1.999,VAT7,7,,,,\n"                 // three decimals in EUR
        "D,Different rate,1.00,VAT7,5,,,,\n"         // VAT7 was 7
        "A,Again,1.00,VAT19,19,,,,\n"                // sku twice
        "E,Stolen barcode,1.00,VAT19,19,4000000000017,,,\n"
        "X,Xeres sherry,9.99,VAT19,19,4000000000031,,,yes\n";
    auto report = importCatalogCsv(*db, "s1", csv);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ(report->version, 1);
    EXPECT_EQ(report->items, 3);
    ASSERT_EQ(report->refused.size(), 4u);
    EXPECT_NE(report->refused[0].find("line 4: price '1.999' is not an amount in EUR"), std::string::npos) << report->refused[0];
    EXPECT_EQ(report->refused[1], "line 5: tax code VAT7 has rate 7 on an earlier line, not 5");
    EXPECT_EQ(report->refused[2], "line 6: sku A appears on an earlier line");
    EXPECT_EQ(report->refused[3], "line 7: barcode 4000000000017 is already item A's");
    EXPECT_EQ(kiosk::testing::queryInt(*db, "SELECT cost_minor FROM items WHERE sku = 'A'"), 80);

    auto latest = latestCatalog(*db, "s1");
    ASSERT_TRUE(latest.ok() && latest->has_value());
    EXPECT_EQ((*latest)->version, 1);
    std::istringstream lines((*latest)->body);
    std::vector<nlohmann::json> records;
    for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(records.size(), 1u + 2u + 3u);  // header, two tax codes, three items
    EXPECT_EQ(records[0], (nlohmann::json{{"kind", "catalog"}, {"version", 1}, {"currency", "EUR"}}));
    EXPECT_EQ(records[1]["code"], "VAT19");
    EXPECT_EQ(records[3]["sku"], "A");
    EXPECT_EQ(records[3]["price"], "1.99");
    EXPECT_EQ(records[4]["barcodes"], (nlohmann::json{"4000000000024", "4000000000025"}));
    EXPECT_EQ(records[5]["age_restricted"], true);

    // The next import is version 2, and replaces the items.
    auto second = importCatalogCsv(*db, "s1", "sku,name,price,tax_code,tax_rate\nZ,Zest,0.99,VAT7,7\n");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->version, 2);
    EXPECT_EQ(kiosk::testing::queryInt(*db, "SELECT count(*) FROM items"), 1);
    EXPECT_EQ(kiosk::testing::queryInt(*db, "SELECT count(*) FROM catalog_versions"), 2);
    // A version given must be above the last.
    const std::string one = "sku,name,price,tax_code,tax_rate\nZ,Zest,0.99,VAT7,7\n";
    auto below = importCatalogCsv(*db, "s1", one, 2);
    ASSERT_FALSE(below.ok());
    EXPECT_EQ(below.status().message(), "catalog version 2 must be above the last, 2");
    auto above = importCatalogCsv(*db, "s1", one, 40);
    ASSERT_TRUE(above.ok());
    EXPECT_EQ(above->version, 40);
}

TEST_F(CatalogImport, AFileWithoutTheRequiredColumnsOrAnyValidRowMakesNoVersion) {
    auto missing = importCatalogCsv(*db, "s1", "sku,name,price\nA,Apple,1.00\n");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().message(), "the header has no 'tax_code' column");
    auto none = importCatalogCsv(*db, "s1", "sku,name,price,tax_code,tax_rate\nA,Apple,-1.00,VAT19,19\n");
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.status().message().find("no valid item in the file"), std::string::npos);
    EXPECT_FALSE(importCatalogCsv(*db, "s9", "sku,name,price,tax_code,tax_rate\n").ok());  // no such store
    EXPECT_EQ(kiosk::testing::queryInt(*db, "SELECT count(*) FROM catalog_versions"), 0);
}

}  // namespace
}  // namespace frontdesk::backoffice
