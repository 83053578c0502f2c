// Hostile input: seed files and headless lines that are too big, too deep, repeat themselves, hide
// secrets or name another currency. Each test reproduces a defect found by probing the till.
#include <fstream>

#include <gtest/gtest.h>

#include "kiosk/headless.h"
#include "kiosk/seed_import.h"
#include "test_support.h"

namespace frontdesk::kiosk::testing {
namespace {

using nlohmann::json;

// ---- seed files ----

TEST(HostileSeed, DeeplyNestedEntryIsRefusedBeforeParsingNotCrashed) {
    Terminal t;
    // A quarantined item holding 65,000 levels of nesting crashed the till while its copy was
    // serialized for the quarantine.
    const std::string deep = std::string(65000, '[') + std::string(65000, ']');
    const std::string path = t.dir.file("deep.json");
    std::ofstream(path) << R"({"terminal":{"store":"s1","terminal":"t1","currency":"EUR"},"items":[{"sku":"Z","x":)"
                        << deep << "}]}";
    auto report = importSeedFile(*t.db, t.clock, path);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(report.status().message().find("deeper than 32 levels"), std::string::npos) << report.status().message();

    // Called directly with such a document, the quarantine keeps a note instead of the entry.
    json item = {{"sku", "Z"}};
    json* inner = &item["x"];
    for (int i = 0; i < 100; ++i) inner = &((*inner = json::array()).emplace_back());
    auto seed = standardSeed();
    seed["items"].push_back(item);
    ASSERT_TRUE(importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum).ok());
    EXPECT_NE(queryText(*t.db, "SELECT raw FROM quarantine WHERE item_key = 'Z'").find("deeper than"), std::string::npos);
}

TEST(HostileSeed, EndlessSeedFileIsCutOffAtTheLimit) {
    Terminal t;
    auto report = importSeedFile(*t.db, t.clock, "/dev/zero");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(report.status().message().find("256 MiB limit"), std::string::npos) << report.status().message();
}

TEST(HostileSeed, AKeyGivenTwiceInOneSeedIsNotSilentlyOverwritten) {
    Terminal t;
    auto seed = standardSeed();
    // Staff c1 again, as a manager with another PIN; item A again without its barcode.
    seed["staff"].push_back({{"id", "c1"}, {"name", "Mallory"}, {"role", "manager"}, {"pin", "9999"}});
    seed["items"].push_back({{"sku", "A"}, {"name", "Apple juice"}, {"price", "0.01"}, {"tax_code", "VAT19"}});
    auto report = importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ(report->items, 4);
    EXPECT_EQ(report->staff, 4);
    ASSERT_EQ(report->quarantined.size(), 2u);
    EXPECT_NE(report->quarantined[0].find("sku 'A' appears twice"), std::string::npos) << report->quarantined[0];
    EXPECT_NE(report->quarantined[1].find("staff id 'c1' appears twice"), std::string::npos) << report->quarantined[1];
    EXPECT_EQ(queryText(*t.db, "SELECT role FROM staff WHERE id = 'c1'"), "cashier");
    EXPECT_EQ(queryInt(*t.db, "SELECT price_minor FROM items WHERE sku = 'A'"), 199);
    EXPECT_EQ(queryText(*t.db, "SELECT sku FROM barcodes WHERE code = '4000000000017'"), "A");

    // A tax code given twice cannot be trusted at all: the whole seed is refused.
    auto taxTwice = standardSeed();
    taxTwice["tax_codes"].push_back({{"code", "VAT19"}, {"rate", "0"}});
    auto refused = importSeed(*t.db, t.clock, taxTwice, core::HashStrength::Minimum);
    EXPECT_EQ(refused.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(refused.status().message().find("'VAT19' appears twice"), std::string::npos);
    EXPECT_EQ(queryText(*t.db, "SELECT rate FROM tax_codes WHERE code = 'VAT19'"), "19");
}

TEST(HostileSeed, NoSecretUnderAnyKeyReachesTheQuarantine) {
    Terminal t;
    auto seed = standardSeed();
    seed["staff"] = json::array(
        {{{"id", "e7"}, {"name", "Eve"}, {"role", "wizard"}, {"PIN", "4711"}},
         {{"id", "e8"}, {"name", "Ed"}, {"role", "cashier"}, {"credentials", {{"pin", "8642"}}}}});
    seed["items"].push_back({{"sku", "Q"}, {"name", "Q"}, {"price", "x"}, {"tax_code", "VAT19"},
                             {"vendor", {{"Api_Token", "t0k3n-31337"}, {"login", {{"Password", "hunter2"}}}}}});
    auto report = importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    ASSERT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine"), 3);
    for (const auto& raw : queryColumn(*t.db, "SELECT raw FROM quarantine")) {
        for (const char* secret : {"4711", "8642", "t0k3n-31337", "hunter2"}) {
            EXPECT_EQ(raw.find(secret), std::string::npos) << secret << " kept in " << raw;
        }
    }
    // What is not a secret is kept, so the entry can still be put right.
    EXPECT_NE(queryText(*t.db, "SELECT raw FROM quarantine WHERE item_key = 'Q'").find("\"price\":\"x\""),
              std::string::npos);
    EXPECT_NE(queryText(*t.db, "SELECT raw FROM quarantine WHERE item_key = 'e7'").find("wizard"), std::string::npos);
}

TEST(HostileSeed, APinHashTooCostlyToVerifyIsQuarantinedNotStored) {
    Terminal t;
    auto seed = standardSeed();
    seed["staff"] = json::array({{{"id", "e9"}, {"name", "Eli"}, {"role", "cashier"},
                                  {"pin_hash", "$argon2id$v=19$m=4194304,t=3,p=1$c2FsdHNhbHQ$ZGlnZXN0ZGlnZXN0"}}});
    auto report = importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum);
    ASSERT_TRUE(report.ok()) << report.status().toString();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM staff WHERE id = 'e9'"), 0);
    EXPECT_NE(queryText(*t.db, "SELECT reason FROM quarantine WHERE item_key = 'e9'").find("more than 262144 KiB"),
              std::string::npos);
}

TEST(HostileSeed, ANegativePriceVersionRefusesTheSeed) {
    Terminal t;
    auto seed = standardSeed();
    seed["price_version"] = -3;
    auto report = importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum);
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.status().message().find("'price_version' must be 0 or more"), std::string::npos);
}

TEST(HostileSeed, ReimportingTheSameSeedAddsNoQuarantineRowsAgain) {
    Terminal t;
    auto seed = standardSeed();
    seed["items"].push_back({{"sku", "BROKEN"}, {"name", "Broken"}, {"price", "1.00"}, {"tax_code", "VAT99"}});
    for (int i = 0; i < 3; ++i) {
        auto report = importSeed(*t.db, t.clock, seed, core::HashStrength::Minimum);
        ASSERT_TRUE(report.ok());
        EXPECT_EQ(report->quarantined.size(), 1u) << "each import still reports what it could not apply";
    }
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM quarantine"), 1);
}

// ---- headless lines ----

struct Driver {
    Driver() { t.startShift(); }
    json send(const std::string& line) { return driver.handle(line); }
    Terminal t;
    HeadlessDriver driver{*t.till, &t.payments};
};

TEST(HostileHeadless, EveryAnswerNamesItsActionEvenForANonObject) {
    Driver d;
    for (const char* line : {"42", "[1,2]", "not json", "\"scan\""}) {
        auto answer = d.send(line);
        EXPECT_EQ(answer["ok"], false) << line;
        EXPECT_EQ(answer["action"], "?") << line;
        EXPECT_EQ(answer["error"], "invalid_argument") << line;
    }
}

TEST(HostileHeadless, AHugeActionNameIsQuotedOnlyInPart) {
    Driver d;
    const std::string name(60000, 'x');
    auto answer = d.send(json{{"action", name}}.dump());
    EXPECT_EQ(answer["ok"], false);
    EXPECT_LT(answer.dump().size(), 300u) << "the name is not echoed whole";
    EXPECT_NE(answer["message"].get<std::string>().find("unknown action 'xxxx"), std::string::npos);
}

// Found by fuzz_headless (fuzz/corpus/headless/error_messages_quote_whole_input): an id or code
// that was not found was quoted whole in the refusal, however long.
TEST(HostileHeadless, AnIdThatIsNotFoundIsQuotedOnlyInPart) {
    Driver d;
    const std::string huge(50000, 'x');
    const std::vector<json> lines = {
        {{"action", "tender"}, {"method", huge}, {"amount", "1.00"}},
        {{"action", "add"}, {"sku", huge}},
        {{"action", "lookup"}, {"code", huge}},
        {{"action", "refund"}, {"receipt", huge}, {"lines", {{{"line", 1}, {"qty", "1"}}}}},
        {{"action", "resume"}, {"id", huge}},
        {{"action", "unlock"}, {"staff", huge}, {"approver", "m1"}, {"approver_pin", "4444"}},
    };
    for (const json& line : lines) {
        auto answer = d.send(line.dump());
        EXPECT_EQ(answer["ok"], false) << line["action"];
        EXPECT_TRUE(answer["error"] == "not_found" || answer["error"] == "invalid_argument")
            << line["action"] << ": " << answer.dump().substr(0, 200);
        EXPECT_LT(answer.dump().size(), 300u) << line["action"] << " echoes the id whole";
        EXPECT_NE(answer.value("message", "").find("xxxx..."), std::string::npos) << answer.dump().substr(0, 200);
    }
}

// A quantity's decimals count as written: "1.0000" is four decimals, refused like "0.0001", not
// read as 1 (for amounts, Money::parse does the same with the currency's decimals).
TEST(HostileHeadless, QuantityDecimalsCountAsWritten) {
    Driver d;
    auto refused = d.send(R"({"action":"add","sku":"W","qty":"1.0000"})");
    EXPECT_EQ(refused["ok"], false);
    EXPECT_EQ(refused["message"], "qty '1.0000' has more than 3 decimals") << refused;
    EXPECT_EQ(d.send(R"({"action":"add","sku":"W","qty":"1.000"})")["ok"], true);
}

TEST(HostileHeadless, TooLongOrTooDeepLinesAreRefusedAndTheSessionGoesOn) {
    Driver d;
    std::stringstream in;
    in << R"({"action":"search","prefix":")" << std::string(70000, 'a') << "\"}\n"
       << std::string(40, '[') << std::string(40, ']') << "\n"
       << R"({"action":"scan","code":"4000000000017"})" << "\n";
    std::stringstream out;
    EXPECT_EQ(d.driver.run(in, out), 2);
    std::vector<json> answers;
    for (std::string line; std::getline(out, line);) answers.push_back(json::parse(line));
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_NE(answers[0]["message"].get<std::string>().find("64 KiB limit"), std::string::npos) << answers[0];
    EXPECT_NE(answers[1]["message"].get<std::string>().find("deeper than 16 levels"), std::string::npos) << answers[1];
    EXPECT_EQ(answers[2]["ok"], true);
}

TEST(HostileHeadless, RefundInAnotherCurrencyIsRefusedLikeEveryOtherMoneyAction) {
    Driver d;
    ASSERT_EQ(d.send(R"({"action":"scan","code":"4000000000017"})")["ok"], true);
    ASSERT_EQ(d.send(R"({"action":"tender","method":"cash","amount":"5.00"})")["ok"], true);
    auto sale = d.send(R"({"action":"complete"})");
    ASSERT_EQ(sale["ok"], true);
    const std::string receipt = sale["receipt"];
    auto refused = d.send(json{{"action", "refund"}, {"receipt", receipt}, {"currency", "USD"},
                               {"lines", {{{"line", 1}, {"qty", "1"}}}}}.dump());
    EXPECT_EQ(refused["ok"], false);
    EXPECT_EQ(refused["error"], "invalid_argument");
    EXPECT_NE(refused["message"].get<std::string>().find("EUR, not USD"), std::string::npos) << refused;
    EXPECT_EQ(queryInt(*d.t.db, "SELECT count(*) FROM sales WHERE kind = 'refund'"), 0);
    auto accepted = d.send(json{{"action", "refund"}, {"receipt", receipt}, {"currency", "EUR"},
                                {"lines", {{{"line", 1}, {"qty", "1"}}}}}.dump());
    EXPECT_EQ(accepted["ok"], true) << accepted;
}

// A refund without a receipt and a paid-out take cash out with no sale behind them: each store
// sets how much (with defaults of 100 and 200 in the currency's units), and beyond that the till
// refuses, supervisor or not.
RefundRequest applesWithoutReceipt(const char* qty) {
    RefundRequest request;
    request.items = {{"A", dec(qty), std::nullopt}};
    request.reason = "customer lost the receipt";
    return request;
}

TEST(StoreLimits, RefundWithoutReceiptAndPaidOutBeyondTheStoreLimitAreRefusedEvenWithApproval) {
    Terminal t;
    t.startShift();
    const Approval supervisor{"s1", "3333"};
    auto refund = t.refunds().refund(applesWithoutReceipt("60"), supervisor);  // 119.40
    ASSERT_EQ(refund.status().kind(), core::ErrorKind::InvalidArgument) << refund.status().toString();
    EXPECT_EQ(refund.status().message(),
              "a refund without a receipt of 119.40 EUR is more than this store's limit of 100.00 EUR "
              "(max_refund_without_receipt)");
    EXPECT_TRUE(t.refunds().refund(applesWithoutReceipt("50"), supervisor).ok());  // 99.50
    core::Status paidOut = t.shifts().paidOut(eur(20001), "bank", supervisor);
    EXPECT_EQ(paidOut.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(paidOut.message().find("limit of 200.00 EUR (max_paid_out)"), std::string::npos) << paidOut.message();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM cash_moves WHERE kind = 'paid_out'"), 0);
}

TEST(StoreLimits, EachStoreSetsItsOwnLimitsInTheSeed) {
    auto seed = standardSeed();
    seed["terminal"]["max_refund_without_receipt"] = "150.00";
    seed["terminal"]["max_paid_out"] = "500.00";
    Terminal t(seed);
    t.startShift();
    const Approval supervisor{"s1", "3333"};
    EXPECT_TRUE(t.refunds().refund(applesWithoutReceipt("60"), supervisor).ok());
    EXPECT_TRUE(t.shifts().paidOut(eur(50000), "bank", supervisor).ok());
    EXPECT_EQ(t.shifts().paidOut(eur(50001), "bank", supervisor).kind(), core::ErrorKind::InvalidArgument);
}

TEST(StoreLimits, AnInvalidLimitRefusesTheSeedNamingIt) {
    for (const json& bad : {json("0.00"), json("-5.00"), json("1.005"), json(150), json("100000000.01")}) {
        TempDir dir;
        auto db = openTerminalDb(dir.file("t.db"));
        ASSERT_TRUE(db.ok());
        auto seed = standardSeed();
        seed["terminal"]["max_paid_out"] = bad;
        auto report = importSeed(**db, core::FakeClock(core::TimePoint{}), seed, core::HashStrength::Minimum);
        ASSERT_FALSE(report.ok()) << bad;
        EXPECT_NE(report.status().message().find("max_paid_out"), std::string::npos) << report.status().message();
    }
}

TEST(StoreLimits, ATerminalProvisionedBeforeTheLimitsUsesTheDefaults) {
    Terminal t;
    ASSERT_TRUE(t.db->exec("DELETE FROM settings WHERE key LIKE 'max_%_minor'").ok());
    auto settings = loadSettings(*t.db);
    ASSERT_TRUE(settings.ok()) << settings.status().toString();
    EXPECT_EQ(settings->limits.maxRefundWithoutReceiptMinor, 10000);
    EXPECT_EQ(settings->limits.maxPaidOutMinor, 20000);
    EXPECT_EQ(StoreLimits::defaults(*core::currencyByCode("JPY")).maxPaidOutMinor, 200);
    EXPECT_EQ(StoreLimits::defaults(*core::currencyByCode("KWD")).maxPaidOutMinor, 200000);
}

}  // namespace
}  // namespace frontdesk::kiosk::testing

namespace frontdesk::kiosk::testing {
namespace {

// ---- limits ----

TEST(TillLimits, FreeTextHasALimitAndTheErrorQuotesOnlyAPrefix) {
    Terminal t;
    t.startShift();
    const std::string megabyte(1 << 20, 'r');
    auto paidIn = t.shifts().paidIn(eur(100), megabyte);
    EXPECT_EQ(paidIn.kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(paidIn.message().find("longer than 200 bytes"), std::string::npos) << paidIn.message().substr(0, 200);
    EXPECT_LT(paidIn.message().size(), 200u);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    EXPECT_EQ(t.checkout().voidSale(megabyte, Approval{"s1", "3333"}).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_EQ(t.checkout().park(std::string(61, 'l')).status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_TRUE(t.shifts().paidIn(eur(100), std::string(200, 'r')).ok());  // at the limit is fine
    EXPECT_EQ(queryInt(*t.db, "SELECT max(length(envelope)) < 2000 FROM outbox"), 1);
}

TEST(TillLimits, ASaleTheTillLetsYouBuildCanBePaidWithOneTender) {
    Terminal t;
    t.startShift("s1", "3333");  // a supervisor may override prices
    ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
    // The most a unit may cost, times two, is more than one tender may take: refused whole.
    ASSERT_TRUE(t.checkout().overridePrice(1, eur(10'000'000'000), std::nullopt).ok());
    auto twice = t.checkout().setQty(1, dec("2"));
    EXPECT_EQ(twice.status().kind(), core::ErrorKind::InvalidArgument);
    EXPECT_NE(twice.status().message().find("may not exceed 100000000.00 EUR"), std::string::npos)
        << twice.status().message();
    EXPECT_EQ(t.checkout().cart().lines()[0].qty, dec("1"));
    // At the limit, the default card tender (the whole amount) is taken.
    auto paid = t.checkout().tenderCard();
    ASSERT_TRUE(paid.ok()) << paid.status().toString();
    EXPECT_EQ(paid->remaining, 0);
    EXPECT_TRUE(t.checkout().complete().ok());
}

}  // namespace
}  // namespace frontdesk::kiosk::testing

namespace frontdesk::kiosk::testing {
namespace {

TEST(TillLimits, CashRefundBeyondTheDrawerNeedsASupervisorAndSaysSo) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_TRUE(t.shifts().open(eur(0)).ok());
    ASSERT_TRUE(t.checkout().scan(kApple, dec("2")).ok());
    ASSERT_TRUE(t.checkout().tenderCash(eur(398)).ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok());
    ASSERT_TRUE(t.shifts().paidOut(eur(300), "bank", Approval{"s1", "3333"}).ok());  // drawer: 0.98
    RefundRequest request;
    request.receipt = sale->receiptNo;
    request.lines = {{1, dec("1")}};  // 1.99 in cash
    auto refused = t.refunds().refund(request);
    ASSERT_EQ(refused.status().kind(), core::ErrorKind::PermissionDenied);
    EXPECT_NE(refused.status().message().find("more cash than the drawer should hold"), std::string::npos)
        << refused.status().message();
    auto approved = t.refunds().refund(request, Approval{"s1", "3333"});
    ASSERT_TRUE(approved.ok()) << approved.status().toString();
    EXPECT_EQ(approved->payload["approved_by"], "s1");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM audit WHERE action = 'cash_beyond_drawer'"), 1);
}

}  // namespace
}  // namespace frontdesk::kiosk::testing
