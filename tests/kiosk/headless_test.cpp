// The headless driver: every action answers one JSON object; bad input answers ok:false with a
// kind and a message naming the field, and the session goes on. Also the real binary on the demo.
#include "kiosk/headless.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "test_support.h"
#include "testing/child_process.h"

namespace frontdesk::kiosk {
namespace {

using namespace frontdesk::kiosk::testing;
using nlohmann::json;

struct HeadlessTest : ::testing::Test {
    json send(const json& action) { return driver.handle(action.dump()); }
    json ok(const json& action) {
        json result = send(action);
        EXPECT_EQ(result.value("ok", false), true) << action.dump() << " -> " << result.dump();
        EXPECT_EQ(result.value("action", ""), action.value("action", "")) << result.dump();
        return result;
    }
    // Sends an action that must fail; checks the kind and that the message mentions `mention`.
    json fails(const std::string& line, const std::string& kind, const std::string& mention) {
        json result = driver.handle(line);
        EXPECT_EQ(result.value("ok", true), false) << line << " -> " << result.dump();
        EXPECT_EQ(result.value("error", ""), kind) << line << " -> " << result.dump();
        EXPECT_NE(result.value("message", "").find(mention), std::string::npos) << line << " -> " << result.dump();
        // The session goes on: a valid action right after succeeds.
        EXPECT_TRUE(driver.handle(R"({"action":"search","prefix":"a"})").value("ok", false)) << "after " << line;
        return result;
    }
    void openShift() {
        ok({{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}});
        ok({{"action", "shift.open"}, {"float", "100.00"}});
    }
    Terminal t;
    HeadlessDriver driver{*t.till, &t.payments};
};

// ---- each action ----

TEST_F(HeadlessTest, LoginAndLogout) {
    auto in = ok({{"action", "login"}, {"staff", "s1"}, {"pin", "3333"}});
    EXPECT_EQ(in["staff"], "s1");
    EXPECT_EQ(in["name"], "Sue");
    EXPECT_EQ(in["role"], "supervisor");
    ok({{"action", "logout"}});
    EXPECT_FALSE(t.session().user().has_value());
    auto wrong = send({{"action", "login"}, {"staff", "s1"}, {"pin", "0000"}});
    EXPECT_EQ(wrong["ok"], false);
    EXPECT_EQ(wrong["error"], "unauthenticated");
    EXPECT_EQ(wrong["action"], "login");
}

TEST_F(HeadlessTest, UnlockNeedsASupervisorsApproval) {
    for (int i = 0; i < 3; ++i) send({{"action", "login"}, {"staff", "c1"}, {"pin", "0000"}});
    EXPECT_EQ(send({{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}})["error"], "locked");
    fails(R"({"action":"unlock","staff":"c1"})", "invalid_argument", "approver");
    fails(R"({"action":"unlock","staff":"c1","approver":"c2","approver_pin":"2222"})", "permission_denied",
          "may not approve");
    ok({{"action", "unlock"}, {"staff", "c1"}, {"approver", "s1"}, {"approver_pin", "3333"}});
    ok({{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}});
}

TEST_F(HeadlessTest, ShiftOpenReportAndClose) {
    ok({{"action", "login"}, {"staff", "c1"}, {"pin", "1111"}});
    auto opened = ok({{"action", "shift.open"}, {"float", "150.00"}});
    EXPECT_EQ(opened["shift"], *t.shifts().current());
    ok({{"action", "paid_in"}, {"amount", "10.00"}, {"reason", "coins"}});
    ok({{"action", "paid_out"},
        {"amount", "2.50"},
        {"reason", "stamps"},
        {"approver", "s1"},
        {"approver_pin", "3333"}});
    ok({{"action", "no_sale"}, {"reason", "check"}, {"approver", "s1"}, {"approver_pin", "3333"}});
    auto x = ok({{"action", "report"}, {"kind", "x"}});
    EXPECT_EQ(x["float"], 15000);
    EXPECT_EQ(x["paid_in"], 1000);
    EXPECT_EQ(x["paid_out"], 250);
    EXPECT_EQ(x["no_sales"], 1);
    EXPECT_EQ(x["expected_cash"], 15750);
    EXPECT_FALSE(x.contains("variance"));
    fails(R"({"action":"report","kind":"z"})", "invalid_argument", "shift.close");
    auto z = ok({{"action", "shift.close"}, {"counted", "157.00"}});
    EXPECT_EQ(z["counted_cash"], 15700);
    EXPECT_EQ(z["variance"], -50);
    EXPECT_TRUE(z.contains("closed_at"));
    EXPECT_FALSE(t.shifts().current().has_value());
}

TEST_F(HeadlessTest, AnAgeCheckAndTheSelfServiceTill) {
    openShift();
    auto sherry = ok({{"action", "scan"}, {"code", "4000000000031"}});
    EXPECT_EQ(sherry["age_check_needed"], true);
    fails(R"({"action":"tender","method":"card"})", "failed_precondition", "age-restricted");
    auto checked = ok({{"action", "confirm_age"}});
    EXPECT_EQ(checked["age_check_needed"], false);
    EXPECT_EQ(checked["age_checked_by"], "c1");
    ok({{"action", "tender"}, {"method", "card"}});
    EXPECT_EQ(ok({{"action", "complete"}})["payload"]["age_checked_by"], "c1");

    ok({{"action", "self_service.start"}});
    ok({{"action", "scan"}, {"code", "4000000000031"}});
    fails(R"({"action":"confirm_age"})", "permission_denied", "self-service");
    EXPECT_EQ(ok({{"action", "confirm_age"}, {"approver", "c1"}, {"approver_pin", "1111"}})["age_checked_by"], "c1");
    auto left = ok({{"action", "abandon"}});
    EXPECT_TRUE(left.contains("event"));
    fails(R"({"action":"self_service.end","staff":"s1","pin":"0000"})", "unauthenticated", "");
    auto back = ok({{"action", "self_service.end"}, {"staff", "s1"}, {"pin", "3333"}});
    EXPECT_EQ(back["staff"], "s1");
    fails(R"({"action":"abandon"})", "failed_precondition", "self-service");
}

TEST_F(HeadlessTest, SaleActionsReturnTheSaleState) {
    openShift();
    auto scan = ok({{"action", "scan"}, {"code", "4000000000017"}});
    ASSERT_EQ(scan["lines"].size(), 1u);
    EXPECT_EQ(scan["currency"], "EUR");
    EXPECT_EQ(scan["lines"][0]["line"], 1);
    EXPECT_EQ(scan["lines"][0]["sku"], "A");
    EXPECT_EQ(scan["lines"][0]["qty"], "1");
    EXPECT_EQ(scan["lines"][0]["gross"], 199);
    EXPECT_EQ(scan["totals"]["gross"], 199);
    EXPECT_EQ(scan["totals"]["remaining"], 199);
    EXPECT_EQ(scan["totals"]["display"], "1.99 EUR");

    auto add = ok({{"action", "add"}, {"sku", "W"}, {"qty", "0.375"}});
    EXPECT_EQ(add["lines"][1]["gross"], 930);
    auto sherry = ok({{"action", "scan"}, {"code", "4000000000031"}, {"qty", "2"}});
    EXPECT_EQ(sherry["lines"][2]["age_restricted"], true);
    auto qty = ok({{"action", "qty"}, {"line", 1}, {"qty", "3"}});
    EXPECT_EQ(qty["lines"][0]["gross"], 597);
    auto removed = ok({{"action", "remove"}, {"line", 3}});
    EXPECT_EQ(removed["lines"].size(), 2u);
    EXPECT_EQ(removed["totals"]["gross"], 597 + 930);

    fails(R"({"action":"discount","line":1,"percent":"10"})", "permission_denied", "approval");
    auto lineDiscount =
        ok({{"action", "discount"}, {"line", 1}, {"amount", "0.97"}, {"approver", "s1"}, {"approver_pin", "3333"}});
    EXPECT_EQ(lineDiscount["lines"][0]["discount"], 97);
    auto saleDiscount = ok({{"action", "discount"}, {"percent", "10"}, {"approver", "m1"}, {"approver_pin", "4444"}});
    EXPECT_EQ(saleDiscount["totals"]["discount"], 97 + 143);  // 10% of 14.30
    auto price =
        ok({{"action", "price"}, {"line", 2}, {"price", "20.00"}, {"approver", "s1"}, {"approver_pin", "3333"}});
    EXPECT_EQ(price["lines"][1]["unit_price"], 2000);
    auto cart = ok({{"action", "cart"}});
    EXPECT_EQ(cart["totals"], price["totals"]);
    EXPECT_EQ(cart["totals"]["gross"], 500 + 750 - 125);  // 10% of 12.50 = 1.25 off
}

TEST_F(HeadlessTest, TenderCompleteAndDecline) {
    openShift();
    ok({{"action", "scan"}, {"code", "4000000000017"}, {"qty", "2"}});
    fails(R"({"action":"tender","method":"card","simulate":"decline"})", "declined", "insufficient funds");
    fails(R"({"action":"tender","method":"card","simulate":"offline"})", "unavailable", "offline");
    auto card = ok({{"action", "tender"}, {"method", "card"}, {"amount", "1.00"}});
    ASSERT_EQ(card["tenders"].size(), 1u);
    EXPECT_EQ(card["tenders"][0]["method"], "card");
    EXPECT_EQ(card["tenders"][0]["brand"], "VISA");
    EXPECT_EQ(card["tenders"][0]["last4"], "4242");
    EXPECT_EQ(card["totals"]["remaining"], 298);
    auto cash = ok({{"action", "tender"}, {"method", "cash"}, {"amount", "5.00"}});
    EXPECT_EQ(cash["totals"]["change"], 202);
    EXPECT_EQ(cash["totals"]["remaining"], 0);
    auto done = ok({{"action", "complete"}});
    EXPECT_EQ(done["receipt"], "t1-000001");
    EXPECT_EQ(done["seq"], 2);
    EXPECT_TRUE(done["event"].is_string());
    EXPECT_EQ(done["payload"]["receipt"], "t1-000001");
    EXPECT_EQ(done["payload"]["totals"]["gross"], 398);
}

TEST_F(HeadlessTest, ParkResumeAndVoid) {
    openShift();
    ok({{"action", "scan"}, {"code", "4000000000024"}, {"qty", "3"}});
    auto parked = ok({{"action", "park"}, {"label", "table 2"}});
    const auto id = parked["parked"].get<std::string>();
    auto list = ok({{"action", "parked"}});
    ASSERT_EQ(list["parked"].size(), 1u);
    EXPECT_EQ(list["parked"][0]["id"], id);
    EXPECT_EQ(list["parked"][0]["label"], "table 2");
    EXPECT_EQ(list["parked"][0]["staff"], "c1");
    fails(R"({"action":"resume","id":"nope"})", "not_found", "nope");
    auto resumed = ok({{"action", "resume"}, {"id", id}});
    EXPECT_EQ(resumed["lines"][0]["qty"], "3");
    fails(R"({"action":"void","reason":"oops"})", "permission_denied", "approval");
    fails(R"({"action":"void","approver":"s1","approver_pin":"3333"})", "invalid_argument", "'reason' is missing");
    auto voided = ok({{"action", "void"}, {"reason", "oops"}, {"approver", "s1"}, {"approver_pin", "3333"}});
    EXPECT_EQ(voided["seq"], 2);
    EXPECT_TRUE(voided["event"].is_string());
    EXPECT_EQ(ok({{"action", "cart"}})["lines"].size(), 0u);
}

TEST_F(HeadlessTest, ResumeWithoutIdTakesTheMostRecentlyParked) {
    openShift();
    fails(R"({"action":"resume"})", "not_found", "no parked sales");
    ok({{"action", "scan"}, {"code", "4000000000017"}});
    ok({{"action", "park"}, {"label", "first"}});
    ok({{"action", "scan"}, {"code", "4000000000024"}, {"qty", "2"}});
    ok({{"action", "park"}, {"label", "second"}});
    auto resumed = ok({{"action", "resume"}});
    ASSERT_EQ(resumed["lines"].size(), 1u);
    EXPECT_EQ(resumed["lines"][0]["sku"], "B");
    ok({{"action", "park"}, {"label", "second again"}});
    resumed = ok({{"action", "resume"}});
    EXPECT_EQ(resumed["lines"][0]["sku"], "B");
    auto left = ok({{"action", "parked"}});
    ASSERT_EQ(left["parked"].size(), 1u);
    EXPECT_EQ(left["parked"][0]["label"], "first");
}

TEST_F(HeadlessTest, RefundWithAndWithoutReceipt) {
    openShift();
    ok({{"action", "scan"}, {"code", "4000000000017"}, {"qty", "2"}});
    ok({{"action", "tender"}, {"method", "card"}});
    ok({{"action", "complete"}});
    auto refund = ok({{"action", "refund"}, {"receipt", "t1-000001"}, {"lines", {{{"line", 1}, {"qty", "1"}}}}});
    EXPECT_EQ(refund["receipt"], "t1-000002");
    EXPECT_EQ(refund["payload"]["original_receipt"], "t1-000001");
    EXPECT_EQ(refund["payload"]["tenders"][0]["method"], "card");
    fails(R"({"action":"refund","receipt":"t1-000001","lines":[{"line":1,"qty":"2"}]})", "invalid_argument",
          "only 1 of 2 left");
    auto noReceipt = ok({{"action", "refund"},
                         {"items", {{{"sku", "B"}, {"qty", "2"}, {"price", "0.40"}}}},
                         {"reason", "no receipt"},
                         {"approver", "s1"},
                         {"approver_pin", "3333"}});
    EXPECT_EQ(noReceipt["payload"]["totals"]["gross"], 80);
    EXPECT_EQ(noReceipt["payload"]["tenders"][0]["method"], "cash");
}

TEST_F(HeadlessTest, LookupSearchAndOutbox) {
    auto item = ok({{"action", "lookup"}, {"code", "4000000000024"}});
    EXPECT_EQ(item["sku"], "B");
    EXPECT_EQ(item["name"], "Bread roll");
    EXPECT_EQ(item["price"], 50);
    EXPECT_EQ(item["tax_code"], "VAT7");
    fails(R"({"action":"lookup","code":"123"})", "not_found", "123");
    auto found = ok({{"action", "search"}, {"prefix", "wal"}});
    ASSERT_EQ(found["items"].size(), 1u);
    EXPECT_EQ(found["items"][0]["sku"], "W");
    EXPECT_EQ(found["items"][0]["price"], 2480);
    fails(R"({"action":"search","prefix":""})", "invalid_argument", "character");

    openShift();
    // Every payload of the shift is in there: supervisors and managers only.
    fails(R"({"action":"outbox"})", "permission_denied", "journal");
    ok({{"action", "login"}, {"staff", "s1"}, {"pin", "3333"}});
    auto outbox = ok({{"action", "outbox"}});
    ASSERT_EQ(outbox["events"].size(), 1u);
    EXPECT_EQ(outbox["events"][0]["type"], "shift.opened");
    EXPECT_EQ(outbox["events"][0]["seq"], 1);
    EXPECT_EQ(outbox["events"][0]["payload"]["float"], 10000);
}

// ---- bad input ----

TEST_F(HeadlessTest, InvalidJsonIsReportedAndTheSessionGoesOn) {
    fails("this is not json", "invalid_argument", "not a JSON object");
    fails("[1, 2, 3]", "invalid_argument", "not a JSON object");
    fails(R"({"action": "scan", )", "invalid_argument", "not a JSON object");
    fails("", "invalid_argument", "not a JSON object");
}

TEST_F(HeadlessTest, InvalidUtf8NeverTakesTheSessionDown) {
    openShift();
    std::istringstream in(
        std::string(R"({"action":"scan","code":"4000000000017","qty":"1)") +
        "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
        "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"}\n"
        "garbage \xff\n"
        R"({"action":"scan","code":"4000000000017"})"
        "\n");
    std::ostringstream out;
    EXPECT_EQ(driver.run(in, out), 2);
    std::istringstream lines(out.str());
    std::string line;
    std::vector<json> results;
    while (std::getline(lines, line)) results.push_back(json::parse(line));  // every line is valid JSON
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0]["error"], "invalid_argument");
    EXPECT_EQ(results[2]["ok"], true);
}

TEST_F(HeadlessTest, BrokenLineIsNotEchoedBecauseItMayHoldAPin) {
    auto result = driver.handle(R"({"action":"login","staff":"c1","pin":"1111")");
    EXPECT_EQ(result["ok"], false);
    EXPECT_EQ(result.dump().find("1111"), std::string::npos) << result.dump();
}

TEST_F(HeadlessTest, UnknownOrMissingActionIsReported) {
    auto unknown = fails(R"({"action":"fly"})", "invalid_argument", "unknown action 'fly'");
    EXPECT_EQ(unknown["action"], "fly");
    fails(R"({"staff":"c1"})", "invalid_argument", "'action' is missing");
    fails(R"({"action":7})", "invalid_argument", "'action' must be a string");
}

TEST_F(HeadlessTest, MissingOrMistypedFieldsAreNamed) {
    openShift();
    fails(R"({"action":"login","staff":"c1"})", "invalid_argument", "'pin'");
    fails(R"({"action":"scan"})", "invalid_argument", "'code' is missing");
    fails(R"({"action":"scan","code":4000000000017})", "invalid_argument", "'code' must be a string");
    fails(R"({"action":"scan","code":"4000000000017","qty":2})", "invalid_argument", "'qty' must be a string");
    fails(R"({"action":"scan","code":"4000000000017","qty":"two"})", "invalid_argument", "qty");
    fails(R"({"action":"scan","code":"4000000000017","qty":"1.5"})", "invalid_argument", "whole");
    fails(R"({"action":"scan","code":"9999999999999"})", "not_found", "9999999999999");
    fails(R"({"action":"tender","method":"cash"})", "invalid_argument", "'amount' is missing");
    fails(R"({"action":"tender","method":"cash","amount":5})", "invalid_argument", "'amount' must be a string");
    fails(R"({"action":"tender","method":"cash","amount":"1.999"})", "invalid_argument", "amount");
    fails(R"({"action":"tender","method":"bitcoin","amount":"1.00"})", "invalid_argument", "'method'");
    fails(R"({"action":"tender","method":"card","simulate":"explode"})", "invalid_argument", "'simulate'");
    fails(R"({"action":"qty","line":"1","qty":"2"})", "invalid_argument", "'line'");
    fails(R"({"action":"qty","line":0,"qty":"2"})", "invalid_argument", "'line'");
    fails(R"({"action":"remove"})", "invalid_argument", "'line'");
    fails(R"({"action":"discount","line":1,"percent":"10","approver":"s1"})", "invalid_argument", "'approver_pin'");
    fails(R"({"action":"discount","line":1})", "invalid_argument", "amount or percent");
    fails(R"({"action":"shift.open","float":100})", "invalid_argument", "'float' must be a string");
    fails(R"({"action":"refund","receipt":"t1-000001","lines":"all"})", "invalid_argument", "'lines' must be a list");
    fails(R"({"action":"refund","receipt":"t1-000001","lines":[1]})", "invalid_argument", "refund line");
    fails(R"({"action":"refund","items":[{"qty":"1"}],"reason":"x"})", "invalid_argument", "'sku' is missing");
    fails(R"({"action":"paid_in","amount":"1.00"})", "invalid_argument", "'reason' is missing");
    fails(R"({"action":"resume","id":5})", "invalid_argument", "'id' must be a string");
    // Nothing above changed the sale.
    EXPECT_TRUE(t.checkout().cart().empty());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), 1);
}

TEST_F(HeadlessTest, TenderInAnotherCurrencyIsRefusedAndNothingIsPaid) {
    openShift();
    ok({{"action", "scan"}, {"code", kApple}});
    fails(R"({"action":"tender","method":"cash","amount":"5.00","currency":"USD"})", "invalid_argument", "USD");
    fails(R"({"action":"tender","method":"cash","amount":"5.00","currency":"XYZ"})", "invalid_argument", "XYZ");
    auto cart = ok({{"action", "cart"}});
    EXPECT_EQ(cart["totals"]["paid"], 0);
    EXPECT_TRUE(cart["tenders"].empty());
    ok({{"action", "tender"}, {"method", "cash"}, {"amount", "5.00"}, {"currency", "EUR"}});
    EXPECT_EQ(ok({{"action", "complete"}})["receipt"], "t1-000001");
}

TEST_F(HeadlessTest, RunAnswersEachLineAndCountsFailures) {
    std::istringstream in(
        "# a comment\n"
        "{\"action\":\"login\",\"staff\":\"c1\",\"pin\":\"1111\"}\n"
        "\n"
        "{\"action\":\"shift.open\",\"float\":\"50.00\"}\n"
        "{\"action\":\"scan\",\"code\":\"nope\"}\n"
        "not json\n"
        "{\"action\":\"scan\",\"code\":\"4000000000024\"}\n"
        "{\"action\":\"tender\",\"method\":\"cash\",\"amount\":\"0.50\"}\n"
        "{\"action\":\"complete\"}\n");
    std::ostringstream out;
    EXPECT_EQ(driver.run(in, out), 2);
    std::vector<json> results;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) results.push_back(json::parse(line));
    ASSERT_EQ(results.size(), 7u);
    const bool expectedOk[] = {true, true, false, false, true, true, true};
    for (std::size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i]["ok"], expectedOk[i]) << results[i].dump();
    EXPECT_EQ(results[2]["error"], "not_found");
    EXPECT_EQ(results[6]["receipt"], "t1-000001");

    std::istringstream clean("{\"action\":\"cart\"}\n");
    std::ostringstream out2;
    EXPECT_EQ(driver.run(clean, out2), 0);
}

// ---- the real binary on the demo ----

// Runs a shell command; returns its standard output and its wait status.
std::pair<std::string, int> runCommand(const std::string& command) {
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    return {output, ::pclose(pipe)};
}

std::vector<json> scriptActions(const std::string& path) {
    std::ifstream in(path);
    std::vector<json> actions;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        actions.push_back(json::parse(line));
    }
    return actions;
}

TEST(HeadlessBinary, DemoScriptPrintsOneLinePerActionAndExitsWith3) {
    TempDir dir;
    const std::string demo = FRONTDESK_DEMO_DIR;
    const std::string command = std::string("'") + FRONTDESK_KIOSK_BIN + "' --headless --db '" + dir.file("t.db") +
                                "' --seed '" + demo + "/seed.json' --script '" + demo +
                                "/sale.jsonl' --clock 2026-11-27T09:00:00Z 2>/dev/null";
    const auto [output, status] = runCommand(command);
    ASSERT_TRUE(WIFEXITED(status)) << status;
    EXPECT_EQ(WEXITSTATUS(status), 3) << "some demo actions fail by design";

    std::vector<json> results;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        auto parsed = json::parse(line, nullptr, false);
        ASSERT_FALSE(parsed.is_discarded()) << "not JSON: " << line;
        results.push_back(parsed);
    }
    const auto actions = scriptActions(demo + "/sale.jsonl");
    ASSERT_FALSE(actions.empty());
    ASSERT_EQ(results.size(), actions.size() + 1) << output;  // the seed report, then one line per action

    EXPECT_EQ(results[0]["action"], "seed");
    EXPECT_EQ(results[0]["ok"], true);
    ASSERT_EQ(results[0]["imported"]["quarantined"].size(), 1u);
    EXPECT_NE(results[0]["imported"]["quarantined"][0].get<std::string>().find("BROKEN"), std::string::npos);

    std::vector<std::string> failures;
    std::vector<std::string> receipts;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& r = results[i + 1];
        EXPECT_EQ(r["action"], actions[i]["action"]) << i;
        ASSERT_TRUE(r.contains("ok")) << r.dump();
        if (!r["ok"].get<bool>()) {
            failures.push_back(r["action"].get<std::string>() + ":" + r["error"].get<std::string>());
            EXPECT_FALSE(r.value("message", "").empty()) << r.dump();
        }
        if (r.contains("receipt")) receipts.push_back(r["receipt"].get<std::string>());
    }
    // Refused on purpose: unknown barcode, missing approvals, declined card, over-refund, wrong PIN.
    EXPECT_EQ(failures,
              std::vector<std::string>({"scan:not_found", "discount:permission_denied", "tender:declined",
                                        "void:permission_denied", "refund:invalid_argument", "login:unauthenticated"}));
    EXPECT_EQ(receipts, std::vector<std::string>({"t1-000001", "t1-000002", "t1-000003", "t1-000004"}));
    const auto& close = results.back();
    ASSERT_EQ(close["action"], "shift.close");
    EXPECT_EQ(close["variance"].get<std::int64_t>(),
              close["counted_cash"].get<std::int64_t>() - close["expected_cash"].get<std::int64_t>());
    EXPECT_EQ(close["sales"], 3);
    EXPECT_EQ(close["refunds"], 1);
    EXPECT_EQ(close["voids"], 1);
}

TEST(HeadlessBinary, PrettyOutputDescribesEachAction) {
    TempDir dir;
    const std::string demo = FRONTDESK_DEMO_DIR;
    const std::string command = std::string("'") + FRONTDESK_KIOSK_BIN + "' --headless --pretty --db '" +
                                dir.file("t.db") + "' --seed '" + demo + "/seed.json' --clock 2026-11-27T09:00:00Z" +
                                " 2>/dev/null <<'EOF'\n" + R"({"action":"login","staff":"e1","pin":"1234"})" + "\n" +
                                R"({"action":"shift.open","float":"50.00"})" + "\n" +
                                R"({"action":"scan","code":"0"})" + "\nEOF";
    const auto [output, status] = runCommand(command);
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_NE(output.find("OK    login"), std::string::npos) << output;
    EXPECT_NE(output.find("NO    scan code=0"), std::string::npos) << output;
    EXPECT_NE(output.find("not_found: unknown barcode 0"), std::string::npos) << output;
}

TEST(HeadlessBinary, AnUnknownModeOrABadClockIsRefusedAtStart) {
    const std::string bin = FRONTDESK_KIOSK_BIN;
    EXPECT_NE(WEXITSTATUS(std::system(("'" + bin + "' --mode kiosk >/dev/null 2>&1").c_str())), 0);
    TempDir dir;
#ifdef FRONTDESK_KIOSK_HAS_SCREENS
    // The back office configured a mode the kiosk does not have: it stops with the reason before
    // opening any screen.
    {
        const core::SystemClock clock;
        auto db = provisionTerminal(dir.file("configured.db"), clock, standardSeed());
        ASSERT_TRUE(db->exec("INSERT INTO settings (key, value) VALUES ('terminal_config',"
                             " '{\"version\": 1, \"mode\": \"kiosk\"}')")
                        .ok());
    }
    const auto configured =
        frontdesk::testing::runCommand({bin, "--db", dir.file("configured.db"), "--log-level", "off"});
    EXPECT_EQ(configured.exitCode, 1) << configured.output;
    EXPECT_NE(configured.output.find("mode 'kiosk' is not cashier, reception or self-service"), std::string::npos)
        << configured.output;
#endif
    EXPECT_EQ(WEXITSTATUS(std::system(("'" + bin + "' --headless --db '" + dir.file("t.db") +
                                       "' --clock yesterday </dev/null >/dev/null 2>&1")
                                          .c_str())),
              2);
    // A seed that cannot be read: exit 1.
    EXPECT_EQ(WEXITSTATUS(std::system(("'" + bin + "' --headless --db '" + dir.file("t.db") + "' --seed '" +
                                       dir.file("missing.json") + "' </dev/null >/dev/null 2>&1")
                                          .c_str())),
              1);
}

}  // namespace
}  // namespace frontdesk::kiosk
