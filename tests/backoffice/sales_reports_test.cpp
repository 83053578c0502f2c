// The accounting and sales reports, the Z report beside the terminal's, and their CSV, over the
// events a real till wrote: on the first day a sale at two rates paid by card and cash, a cash
// refund of part of it and a paid out; on the next day a card sale by another cashier and the
// shift's close.
#include "backoffice/sales_reports.h"

#include <gtest/gtest.h>

#include "backoffice/report_csv.h"
#include "backoffice/reports.h"
#include "backoffice/staff.h"
#include "backoffice_test_support.h"
#include "sync/ingest_ledger.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::kBread;
using nlohmann::json;

// The terminal's clock starts at 2026-11-18T11:06:40Z; the second sale is a day later.
constexpr const char* kDay1 = "2026-11-18T00:00:00Z";
constexpr const char* kDay2 = "2026-11-19T00:00:00Z";
constexpr const char* kDay3 = "2026-11-20T00:00:00Z";

class SalesReportsTest : public testing::TillIntoBackOffice {
protected:
    SalesReportsTest() {
        t.startShift();                                  // c1, float 100.00
        must(t.checkout().scan(kApple, dec("2")).ok());  // 3.98 at 19 %: 3.34 net + 0.64 tax
        must(t.checkout().scan(kBread, dec("3")).ok());  // 1.50 at 7 %: 1.40 net + 0.10 tax
        must(t.checkout().tenderCard(eur(300)).ok());
        must(t.checkout().tenderCash(eur(500)).ok());  // 5.48 due: 2.48 cash kept, 2.52 change
        auto sale = t.checkout().complete();
        must(sale.ok());
        kiosk::RefundRequest refund;  // one bread roll back in cash: 0.47 + 0.03
        refund.receipt = sale->payload["receipt"];
        refund.lines = {{2, dec("1")}};
        refund.method = kiosk::TenderMethod::Cash;
        refund.reason = "stale";
        must(t.refunds().refund(refund, kiosk::Approval{"s1", "3333"}).ok());
        must(t.shifts().paidOut(eur(300), "stamps, \"first class\"", kiosk::Approval{"s1", "3333"}).ok());
        t.clock.advance(std::chrono::hours(24));
        t.session().logout();
        must(t.session().login("c2", "2222").ok());
        must(t.checkout().scan(kApple, dec("1")).ok());  // 1.99 at 19 %: 1.67 + 0.32, by card
        must(t.checkout().tenderCard(eur(199)).ok());
        must(t.checkout().complete().ok());
        auto closed = t.shifts().close(eur(9898));  // 100.00 + 2.48 - 0.50 - 3.00: exact
        must(closed.ok());
        shift = closed->toJson()["shift"];
    }
    // Every event of the till but those with the given seqs, into the back office.
    void ingestAllBut(const std::vector<std::int64_t>& left = {}) {
        std::vector<std::int64_t> seqs;
        for (auto seq : testing::seqsAfter(*t.db)) {
            if (std::find(left.begin(), left.end(), seq) == left.end()) seqs.push_back(seq);
        }
        ingest(seqs);
    }
    json sales(SalesGrouping grouping, const char* from = kDay1, const char* to = kDay3) {
        auto report = salesReport(*db, grouping, "s1", from, to);
        EXPECT_TRUE(report.ok()) << report.status().toString();
        return report.ok() ? *report : json();
    }
    json z() {
        auto report = zReport(*db, shift);
        EXPECT_TRUE(report.ok()) << report.status().toString();
        return report.ok() ? *report : json();
    }
    static json figure(const json& z, const std::string& name) {
        for (const auto& f : z["figures"]) {
            if (f["figure"] == name) return f;
        }
        return json();
    }
};

TEST_F(SalesReportsTest, TheJournalListsEachEntryOfThePeriodWithItsLinesOldestFirstAndBalances) {
    ingestAllBut();
    auto journal = journalReport(*db, "s1", kDay1, kDay3);
    ASSERT_TRUE(journal.ok()) << journal.status().toString();
    EXPECT_EQ((*journal)["from"], "2026-11-18T00:00:00.000Z");
    EXPECT_EQ((*journal)["currency"], "EUR");
    std::vector<std::string> sources;
    for (const auto& e : (*journal)["entries"]) sources.push_back(e["source"]);
    EXPECT_EQ(sources, (std::vector<std::string>{"shift.opened", "sale.completed", "sale.refunded", "cash.moved",
                                                 "sale.completed"}));
    const json& sale = (*journal)["entries"][1];
    EXPECT_EQ(sale["memo"], "sale t1-000001");
    EXPECT_EQ(sale["event_id"], kiosk::testing::envelope(*t.db, 2)["id"]);
    EXPECT_EQ(sale["lines"], json::parse(R"([
        {"account": "1000", "name": "Cash in drawers", "debit": 248, "credit": 0},
        {"account": "1100", "name": "Card clearing", "debit": 300, "credit": 0},
        {"account": "2200-VAT19", "name": "Output tax VAT19", "debit": 0, "credit": 64},
        {"account": "2200-VAT7", "name": "Output tax VAT7", "debit": 0, "credit": 10},
        {"account": "4000-VAT19", "name": "Sales revenue VAT19", "debit": 0, "credit": 334},
        {"account": "4000-VAT7", "name": "Sales revenue VAT7", "debit": 0, "credit": 140}])"));
    EXPECT_EQ(sale["debit"], 548);
    EXPECT_EQ(sale["credit"], 548);
    EXPECT_EQ((*journal)["debit"], 10000 + 548 + 50 + 300 + 199);
    EXPECT_EQ((*journal)["credit"], (*journal)["debit"]);
    EXPECT_EQ((*journal)["balanced"], true);

    // [from, to): the second day's sale is at 11:06:40.000 exactly.
    EXPECT_EQ(journalReport(*db, "s1", kDay2, "2026-11-19T11:06:40Z")->at("entries").size(), 0u);
    auto day2 = journalReport(*db, "s1", "2026-11-19T11:06:40Z", kDay3);
    ASSERT_EQ(day2->at("entries").size(), 1u);
    EXPECT_EQ(day2->at("debit"), 199);
}

TEST_F(SalesReportsTest, SalesByDayShowRefundsApartAndNetted) {
    ingestAllBut();
    const json report = sales(SalesGrouping::Day);
    EXPECT_EQ(report["by"], "day");
    EXPECT_EQ(report["rows"], json::parse(R"([
        {"day": "2026-11-18", "sales": 1, "refunds": 1, "sales_net": 474, "sales_tax": 74, "sales_gross": 548,
         "refunds_net": 47, "refunds_tax": 3, "refunds_gross": 50, "net": 427, "tax": 71, "gross": 498},
        {"day": "2026-11-19", "sales": 1, "refunds": 0, "sales_net": 167, "sales_tax": 32, "sales_gross": 199,
         "refunds_net": 0, "refunds_tax": 0, "refunds_gross": 0, "net": 167, "tax": 32, "gross": 199}])"));
    EXPECT_EQ(report["totals"], json::parse(R"(
        {"sales": 2, "refunds": 1, "sales_net": 641, "sales_tax": 106, "sales_gross": 747,
         "refunds_net": 47, "refunds_tax": 3, "refunds_gross": 50, "net": 594, "tax": 103, "gross": 697})"));
    EXPECT_EQ(sales(SalesGrouping::Day, kDay2, kDay3)["rows"].size(), 1u);
    EXPECT_EQ(sales(SalesGrouping::Day, kDay3, "2026-11-21T00:00:00Z")["totals"]["gross"], 0);
}

TEST_F(SalesReportsTest, SalesByTaxRateAndByTenderAddUpToTheSameTakings) {
    ingestAllBut();
    const json rates = sales(SalesGrouping::TaxRate);
    EXPECT_EQ(rates["rows"], json::parse(R"([
        {"tax_code": "VAT19", "rate": "19", "sales": 2, "refunds": 0, "sales_net": 501, "sales_tax": 96,
         "sales_gross": 597, "refunds_net": 0, "refunds_tax": 0, "refunds_gross": 0, "net": 501, "tax": 96, "gross": 597},
        {"tax_code": "VAT7", "rate": "7", "sales": 1, "refunds": 1, "sales_net": 140, "sales_tax": 10,
         "sales_gross": 150, "refunds_net": 47, "refunds_tax": 3, "refunds_gross": 50, "net": 93, "tax": 7, "gross": 100}])"));
    EXPECT_EQ(rates["totals"]["sales"], 2) << "the sale at two rates counts once";
    EXPECT_EQ(rates["totals"]["gross"], 697);

    const json tenders = sales(SalesGrouping::Tender);
    EXPECT_EQ(tenders["rows"], json::parse(R"([
        {"method": "card", "sales": 2, "tendered": 499, "change": 0, "taken": 499, "refunds": 0, "refunded": 0, "net": 499},
        {"method": "cash", "sales": 1, "tendered": 500, "change": 252, "taken": 248, "refunds": 1, "refunded": 50,
         "net": 198}])"));
    EXPECT_EQ(tenders["totals"]["net"], 697);
}

TEST_F(SalesReportsTest, SalesByTerminalAndByStaffMember) {
    core::FakeClock now{*core::parseIso8601("2026-11-18T08:00:00Z")};
    ASSERT_TRUE(Staff(*db, now)
                    .save({"c1", "s1", "Cass \"the Cash\", Jr.", "cashier", std::nullopt, std::nullopt}, "test")
                    .ok());
    ingestAllBut();
    const json terminals = sales(SalesGrouping::Terminal);
    ASSERT_EQ(terminals["rows"].size(), 1u);
    EXPECT_EQ(terminals["rows"][0]["terminal"], "t1");
    EXPECT_EQ(terminals["rows"][0]["gross"], 697);
    EXPECT_EQ(terminals["rows"][0]["refunds"], 1);

    const json staff = sales(SalesGrouping::Staff);
    ASSERT_EQ(staff["rows"].size(), 2u);
    EXPECT_EQ(staff["rows"][0]["staff"], "c1");
    EXPECT_EQ(staff["rows"][0]["name"], "Cass \"the Cash\", Jr.");
    EXPECT_EQ(staff["rows"][0]["net"], 427);
    EXPECT_EQ(staff["rows"][1]["staff"], "c2");
    EXPECT_EQ(staff["rows"][1]["name"], "") << "an id the back office does not know";
    EXPECT_EQ(staff["rows"][1]["gross"], 199);

    auto csv = salesCsv(staff);
    ASSERT_TRUE(csv.ok());
    EXPECT_EQ(*csv,
              "staff,name,sales,refunds,sales_net,sales_tax,sales_gross,refunds_net,refunds_tax,refunds_gross,net,tax,"
              "gross\r\n"
              "c1,\"Cass \"\"the Cash\"\", Jr.\",1,1,4.74,0.74,5.48,0.47,0.03,0.50,4.27,0.71,4.98\r\n"
              "c2,,1,0,1.67,0.32,1.99,0.00,0.00,0.00,1.67,0.32,1.99\r\n");
}

TEST_F(SalesReportsTest, TheZReportMatchesTheTerminalsFigureByFigure) {
    ingestAllBut();
    const json report = z();
    EXPECT_EQ(report["terminal_received"], true);
    EXPECT_EQ(report["matches"], true) << report["differences"].dump();
    EXPECT_EQ(report["differences"], json::array());
    EXPECT_EQ(report["opened_by"], "c1");
    EXPECT_EQ(report["status"], "closed");
    EXPECT_EQ(figure(report, "sales"),
              json::parse(R"({"figure": "sales", "unit": "count", "back_office": 2, "terminal": 2,
                                                       "matches": true})"));
    EXPECT_EQ(figure(report, "sales_gross")["back_office"], 747);
    EXPECT_EQ(figure(report, "refunds_gross")["back_office"], 50);
    EXPECT_EQ(figure(report, "by_rate/sale/VAT19/19/net")["back_office"], 501);
    EXPECT_EQ(figure(report, "by_rate/refund/VAT7/7/tax")["terminal"], 3);
    EXPECT_EQ(figure(report, "by_tender/sale/card/count")["back_office"], 2);
    EXPECT_EQ(figure(report, "by_tender/sale/card/amount")["back_office"], 499);
    EXPECT_EQ(figure(report, "by_tender/refund/cash/amount")["back_office"], 50);
    EXPECT_EQ(figure(report, "paid_out")["back_office"], 300);
    EXPECT_EQ(figure(report, "expected_cash")["back_office"], 9898);
    EXPECT_EQ(figure(report, "variance")["terminal"], 0);
    EXPECT_EQ(figure(report, "voids"), json::parse(R"({"figure": "voids", "unit": "count", "back_office": null,
                                                       "terminal": 0, "matches": null})"));
    EXPECT_EQ(report["figures"].size(), 28u);
}

TEST_F(SalesReportsTest, AZReportDoesNotMatchWhenAnEventIsMissingAndSaysWhichFiguresDiffer) {
    ingestAllBut({3});  // the refund never arrived
    const json report = z();
    EXPECT_EQ(report["matches"], false);
    EXPECT_EQ(report["gaps"], json::array({"3"}));
    EXPECT_EQ(report["differences"], json::parse(R"(["refunds", "refunds_gross", "by_rate/refund/VAT7/7/gross",
        "by_rate/refund/VAT7/7/net", "by_rate/refund/VAT7/7/tax", "by_tender/refund/cash/amount",
        "by_tender/refund/cash/count", "expected_cash", "variance"])"));
    EXPECT_EQ(figure(report, "expected_cash"), json::parse(R"({"figure": "expected_cash", "unit": "amount",
        "back_office": 9948, "terminal": 9898, "matches": false})"));
    EXPECT_EQ(figure(report, "by_tender/refund/cash/count")["back_office"], 0);
}

TEST_F(SalesReportsTest, ABackOfficeZReportBeforeTheTerminalsArrivedMatchesNothing) {
    ingestAllBut({6});  // the close
    const json report = z();
    EXPECT_EQ(report["terminal_received"], false);
    EXPECT_EQ(report["matches"], false);
    EXPECT_EQ(report["differences"], json::array());
    EXPECT_EQ(report["status"], "open");
    EXPECT_EQ(figure(report, "sales")["back_office"], 2);
    EXPECT_EQ(figure(report, "sales")["terminal"], nullptr);
}

TEST_F(SalesReportsTest, CsvQuotesAsRfc4180AndWritesAmountsInTheStoresCurrency) {
    ingestAllBut();
    auto journal = journalReport(*db, "s1", kDay1, kDay3);
    auto csv = journalCsv(*journal);
    ASSERT_TRUE(csv.ok());
    EXPECT_EQ(csv->substr(0, csv->find("\r\n")), "entry,at,currency,source,event_id,memo,account,name,debit,credit");
    const std::string paidOut = kiosk::testing::envelope(*t.db, 4)["id"];
    EXPECT_NE(csv->find("\r\n4,2026-11-18T11:06:40.000Z,EUR,cash.moved," + paidOut +
                        ",\"paid out: stamps, \"\"first class\"\"\",1000,Cash in drawers,0.00,3.00\r\n"),
              std::string::npos)
        << *csv;
    EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 1 + 2 + 6 + 3 + 2 + 3);  // the header, then a row per line

    auto z = zReportCsv(this->z());
    ASSERT_TRUE(z.ok());
    EXPECT_EQ(z->substr(0, z->find("\r\n", z->find("\r\n") + 2) + 2),
              "figure,unit,back_office,terminal,matches\r\nfloat,amount,100.00,100.00,true\r\n");
    EXPECT_NE(z->find("\r\nsales,count,2,2,true\r\n"), std::string::npos);
    EXPECT_NE(z->find("\r\nvoids,count,,0,\r\n"), std::string::npos);

    auto tb = trialBalanceCsv(*trialBalanceReport(*db));
    ASSERT_TRUE(tb.ok());
    EXPECT_EQ(
        tb->substr(0, tb->find("\r\n", tb->find("\r\n") + 2) + 2),
        "currency,account,name,kind,debit,credit,balance\r\nEUR,1000,Cash in drawers,asset,102.48,3.50,98.98\r\n");
}

TEST(ReportCsv, FieldsAreQuotedOnlyWhenTheyMustBeAndFormulasAreWrittenAsText) {
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    const json report{{"currency", "JPY"},
                      {"columns", {{{"name", "name"}, {"unit", "text"}}, {{"name", "gross"}, {"unit", "amount"}}}},
                      {"rows", {{{"name", "=1+2"}, {"gross", -1234}}, {{"name", "ok"}, {"gross", 5}}}}};
    EXPECT_EQ(*salesCsv(report), "name,gross\r\n'=1+2,-1234\r\nok,5\r\n");
    EXPECT_EQ(salesCsv(json{{"currency", "XYZ"},
                            {"columns", {{{"name", "gross"}, {"unit", "amount"}}}},
                            {"rows", {{{"gross", 1}}}}})
                  .status()
                  .kind(),
              core::ErrorKind::InvalidArgument);
}

TEST_F(SalesReportsTest, ABadPeriodIsRefusedNamingFromOrTo) {
    const auto refused = [](const core::Result<json>& r, const std::string& start) {
        EXPECT_FALSE(r.ok());
        EXPECT_EQ(r.status().kind(), core::ErrorKind::InvalidArgument);
        EXPECT_EQ(r.status().message().rfind(start, 0), 0u) << r.status().message();
    };
    refused(journalReport(*db, "s1", "yesterday", kDay3), "from: ");
    refused(journalReport(*db, "s1", "", kDay3), "from: required");
    refused(journalReport(*db, "s1", kDay1, "2026-11-31T00:00:00Z"), "to: ");
    refused(journalReport(*db, "s1", kDay2, kDay2), "to: must be after from");
    refused(journalReport(*db, "s1", kDay2, kDay1), "to: must be after from");
    for (const auto& g : kSalesGroupings) {
        refused(salesReport(*db, g.grouping, "s1", kDay1, "tomorrow"), "to: ");
    }
    EXPECT_EQ(journalReport(*db, "s9", kDay1, kDay3).status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(salesReport(*db, SalesGrouping::Day, "s9", kDay1, kDay3).status().kind(), core::ErrorKind::NotFound);
    EXPECT_EQ(zReport(*db, "no-such-shift").status().kind(), core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace frontdesk::backoffice
