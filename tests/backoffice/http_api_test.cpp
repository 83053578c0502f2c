// The HTTP API through a real HTTP client on a loopback port: authentication and the lockout,
// roles per endpoint, bad input answered with a 4xx naming the field, SQL-injection-shaped input
// harmless, and the reconciliation and catalog endpoints doing what the CLI does.
#include <gtest/gtest.h>
#include <httplib.h>

#include "backoffice/http_api.h"
#include "backoffice_test_support.h"
#include "testing/terminal.h"

namespace frontdesk::backoffice {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using nlohmann::json;

AuthPolicy testPolicy() {
    AuthPolicy policy;
    policy.strength = core::HashStrength::Minimum;
    return policy;
}

class HttpApiTest : public ::testing::Test {
protected:
    HttpApiTest() {
        Users users(*db, clock, testPolicy());
        for (auto [name, role] : {std::pair{"ada", Role::Admin}, {"max", Role::Manager}, {"cleo", Role::Clerk}}) {
            if (!users.add(name, std::string(name) + "-password", role, "test").ok()) throw std::runtime_error("user");
        }
        HttpOptions options;
        options.dbPath = dir.file("bo.db");
        options.auth = testPolicy();
        auto started = HttpApi::start(options, clock);
        if (!started.ok()) throw std::runtime_error(started.status().toString());
        api = std::move(*started);
        client = std::make_unique<httplib::Client>("127.0.0.1", api->port());
    }

    httplib::Result post(const std::string& path, const json& body, const std::string& token = "") {
        return client->Post(path.c_str(), headers(token), body.dump(), "application/json");
    }
    httplib::Result get(const std::string& path, const std::string& token) { return client->Get(path.c_str(), headers(token)); }
    static httplib::Headers headers(const std::string& token) {
        if (token.empty()) return {};
        return {{"Authorization", "Bearer " + token}};
    }
    std::string login(const std::string& user) {
        auto res = post("/api/v1/login", {{"username", user}, {"password", user + "-password"}});
        if (!res || res->status != 200) throw std::runtime_error("login of " + user + " failed");
        return json::parse(res->body)["token"];
    }
    static json body(const httplib::Result& res) { return json::parse(res->body); }

    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db = testing::openStoreS1(dir);
    core::FakeClock clock{*core::parseIso8601("2026-12-01T08:00:00Z")};
    std::unique_ptr<HttpApi> api;
    std::unique_ptr<httplib::Client> client;
};

TEST_F(HttpApiTest, HealthIsPublicAndEverythingElseNeedsAValidSession) {
    auto health = client->Get("/api/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(body(health)["status"], "ok");
    for (const char* path : {"/api/v1/terminals", "/api/v1/trial-balance", "/api/v1/shifts", "/api/v1/users",
                             "/api/v1/metrics", "/api/v1/dead-letters", "/api/v1/stores"}) {
        auto res = client->Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 401) << path;
        EXPECT_EQ(body(res)["kind"], "unauthenticated") << path;
        EXPECT_EQ(get(path, std::string(64, 'a'))->status, 401) << path;
    }
    const std::string token = login("cleo");
    EXPECT_EQ(get("/api/v1/trial-balance", token)->status, 200);
    EXPECT_EQ(body(get("/api/v1/me", token))["role"], "clerk");
    EXPECT_EQ(post("/api/v1/logout", json::object(), token)->status, 200);
    EXPECT_EQ(get("/api/v1/trial-balance", token)->status, 401) << "a logged-out token is dead";
}

TEST_F(HttpApiTest, SessionsExpireAndOnlyTheirHashIsStored) {
    const std::string token = login("cleo");
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM sessions WHERE token_sha256 = '" + token + "'"), 0);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM sessions WHERE username = 'cleo'"), 1);
    clock.advance(std::chrono::hours(13));
    EXPECT_EQ(get("/api/v1/me", token)->status, 401);
}

TEST_F(HttpApiTest, RepeatedFailedLoginsLockTheUsernameEvenForTheRightPasswordUntilTheLockoutEnds) {
    for (int i = 0; i < 5; ++i) {
        auto res = post("/api/v1/login", {{"username", "max"}, {"password", "guess " + std::to_string(i)}});
        EXPECT_EQ(res->status, 401);
        EXPECT_EQ(body(res)["error"], "wrong username or password");
    }
    auto locked = post("/api/v1/login", {{"username", "max"}, {"password", "max-password"}});
    EXPECT_EQ(locked->status, 429);
    EXPECT_NE(body(locked)["error"].get<std::string>().find("try again after"), std::string::npos);
    EXPECT_NO_THROW(login("cleo")) << "other users are not locked out";
    clock.advance(std::chrono::minutes(16));
    EXPECT_NO_THROW(login("max"));
    // An unknown username fails exactly like a wrong password.
    auto unknown = post("/api/v1/login", {{"username", "nobody"}, {"password", "whatever12"}});
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(body(unknown)["error"], "wrong username or password");
}

TEST_F(HttpApiTest, EachEndpointRefusesARoleBelowItsOwn) {
    const std::string clerk = login("cleo"), manager = login("max"), admin = login("ada");
    auto refused = post("/api/v1/users", {{"username", "eve"}, {"password", "eve-password"}}, clerk);
    EXPECT_EQ(refused->status, 403);
    EXPECT_NE(body(refused)["error"].get<std::string>().find("admin"), std::string::npos);
    EXPECT_EQ(post("/api/v1/users", {{"username", "eve"}, {"password", "eve-password"}}, manager)->status, 403);
    EXPECT_EQ(get("/api/v1/users", manager)->status, 403);
    EXPECT_EQ(get("/api/v1/audit", manager)->status, 403);
    auto created = post("/api/v1/users", {{"username", "eve"}, {"password", "eve-password"}, {"role", "clerk"}}, admin);
    EXPECT_EQ(created->status, 201);
    EXPECT_NO_THROW(login("eve"));
    EXPECT_EQ(client->Post("/api/v1/stores/s1/catalog", headers(clerk), "sku,name\n", "text/csv")->status, 403);
    EXPECT_EQ(post("/api/v1/users/max/password", {{"password", "a-new-password"}}, clerk)->status, 403);
    EXPECT_EQ(post("/api/v1/users/cleo/password", {{"password", "cleo-new-password"}}, clerk)->status, 200);
    EXPECT_EQ(get("/api/v1/me", clerk)->status, 401) << "a new password ends the user's sessions";
    auto audit = body(get("/api/v1/audit", admin))["audit"];
    ASSERT_GE(audit.size(), 2u);
    EXPECT_EQ(audit[0]["action"], "user.password");
    EXPECT_EQ(audit[0]["actor"], "cleo");
    EXPECT_EQ(audit[1]["action"], "user.add");
    EXPECT_EQ(audit[1]["subject"], "eve");
}

TEST_F(HttpApiTest, BadInputIsA400NamingTheField) {
    const std::string admin = login("ada");
    auto notJson = client->Post("/api/v1/login", "{not json", "application/json");
    EXPECT_EQ(notJson->status, 400);
    EXPECT_NE(body(notJson)["error"].get<std::string>().find("body"), std::string::npos);
    auto missing = post("/api/v1/login", {{"password", "x"}});
    EXPECT_EQ(missing->status, 400);
    EXPECT_NE(body(missing)["error"].get<std::string>().find("username"), std::string::npos);
    auto badLimit = get("/api/v1/dead-letters?limit=many", admin);
    EXPECT_EQ(badLimit->status, 400);
    EXPECT_NE(body(badLimit)["error"].get<std::string>().find("limit"), std::string::npos);
    EXPECT_EQ(get("/api/v1/dead-letters?limit=0", admin)->status, 400);
    auto badRole = post("/api/v1/users", {{"username", "bob"}, {"password", "bob-password"}, {"role", "owner"}}, admin);
    EXPECT_EQ(badRole->status, 400);
    EXPECT_NE(body(badRole)["error"].get<std::string>().find("role"), std::string::npos);
    auto shortPassword = post("/api/v1/users", {{"username", "bob"}, {"password", "short"}}, admin);
    EXPECT_EQ(shortPassword->status, 400);
    EXPECT_NE(body(shortPassword)["error"].get<std::string>().find("password"), std::string::npos);
    EXPECT_EQ(post("/api/v1/users", {{"username", "ada"}, {"password", "another-password"}}, admin)->status, 409);
    auto noSuch = get("/api/v1/no-such-thing", admin);
    EXPECT_EQ(noSuch->status, 404);
    EXPECT_EQ(get("/api/v1/shifts/not-a-shift", admin)->status, 404);
}

TEST_F(HttpApiTest, SqlInjectionShapedInputIsJustText) {
    const std::string clerk = login("cleo");
    auto injected = post("/api/v1/login", {{"username", "ada' OR '1'='1"}, {"password", "' OR 1=1 --"}});
    EXPECT_EQ(injected->status, 401);
    auto stock = get("/api/v1/stores/s1/stock/x'%20OR%20'1'='1", clerk);
    ASSERT_EQ(stock->status, 200);
    EXPECT_EQ(body(stock)["sku"], "x' OR '1'='1");
    EXPECT_EQ(body(stock)["moves"], 0);
    auto items = get("/api/v1/stores/s1'%3B%20DROP%20TABLE%20users%3B--/items?after=%27%20OR%201%3D1%20--", clerk);
    ASSERT_EQ(items->status, 200);
    EXPECT_TRUE(body(items)["items"].empty());
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM users"), 3);
}

TEST_F(HttpApiTest, ReconcilingOverMissingEventsIsAManagersDecision) {
    kiosk::testing::Terminal till;
    till.startShift();
    ASSERT_TRUE(till.checkout().scan(kApple, dec("1")).ok());
    ASSERT_TRUE(till.checkout().tenderCash(eur(500)).ok());
    ASSERT_TRUE(till.checkout().complete().ok());
    auto closed = till.shifts().close(eur(10199));
    ASSERT_TRUE(closed.ok());
    const std::string shift = closed->toJson()["shift"];
    sync::IngestLedger ledger(*db, clock);
    auto seqs = testing::seqsAfter(*till.db);
    seqs.erase(seqs.begin() + 1);  // the sale is missing: a gap
    ASSERT_TRUE(testing::ingestSeqs(*db, ledger, *till.db, seqs).ok());

    const std::string clerk = login("cleo"), manager = login("max");
    auto blocked = post("/api/v1/shifts/" + shift + "/reconcile", {{"note", "counted twice"}}, clerk);
    EXPECT_EQ(blocked->status, 409);
    auto clerkOverride = post("/api/v1/shifts/" + shift + "/reconcile", {{"override", "sale lost"}}, clerk);
    EXPECT_EQ(clerkOverride->status, 403);
    auto reconciled = post("/api/v1/shifts/" + shift + "/reconcile", {{"override", "sale lost with the till"}}, manager);
    ASSERT_EQ(reconciled->status, 200) << reconciled->body;
    EXPECT_EQ(body(reconciled)["status"], "reconciled");
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM reconciliations WHERE by_user = 'max' AND override_reason <> ''"), 1);
    EXPECT_EQ(post("/api/v1/shifts/" + shift + "/reconcile", {{"override", "again"}}, manager)->status, 409);
    EXPECT_EQ(post("/api/v1/shifts/" + shift + "/dispute", json::object(), clerk)->status, 400);
    auto balance = body(get("/api/v1/trial-balance", clerk));
    EXPECT_TRUE(balance["currencies"][0]["balanced"].get<bool>());
}

TEST_F(HttpApiTest, CatalogImportMakesAVersionAndMetricsServeBasicAuthScrapers) {
    const std::string manager = login("max");
    auto imported = client->Post("/api/v1/stores/s1/catalog", headers(manager),
                                 "sku,name,price,tax_code,tax_rate\napple,Apple,1.99,std,20\nbad,Bad,x,std,20\n", "text/csv");
    ASSERT_EQ(imported->status, 201) << imported->body;
    EXPECT_EQ(body(imported)["items"], 1);
    EXPECT_EQ(body(imported)["refused"].size(), 1u);
    auto items = body(get("/api/v1/stores/s1/items", manager))["items"];
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["price_minor"], 199);
    EXPECT_EQ(client->Post("/api/v1/stores/nowhere/catalog", headers(manager), "sku\n", "text/csv")->status, 404);

    httplib::Client scraper("127.0.0.1", api->port());
    scraper.set_basic_auth("cleo", "cleo-password");
    auto metrics = scraper.Get("/api/v1/metrics");
    ASSERT_EQ(metrics->status, 200);
    EXPECT_NE(metrics->body.find("# TYPE frontdesk_events_total counter"), std::string::npos);
    EXPECT_NE(metrics->body.find("frontdesk_skus_to_review 0"), std::string::npos);
    scraper.set_basic_auth("cleo", "wrong");
    EXPECT_EQ(scraper.Get("/api/v1/metrics")->status, 401);
    EXPECT_EQ(queryInt(*db, "SELECT count(*) FROM sessions WHERE username = 'cleo'"), 0) << "Basic keeps no session";
}

TEST_F(HttpApiTest, StockDocumentsAndReorderPointsGoThroughTheApiRecordedByTheCaller) {
    const std::string clerk = login("cleo"), manager = login("max");
    ASSERT_EQ(client->Post("/api/v1/stores/s1/catalog", headers(manager),
                           "sku,name,price,tax_code,tax_rate,cost\nA,Apple,1.99,std,20,0.80\n", "text/csv")
                  ->status,
              201);
    auto delivery = post("/api/v1/stores/s1/deliveries",
                         {{"reference", "DN-1"}, {"lines", {{{"sku", "A"}, {"qty", "12"}, {"unit_cost", "0.80"}}}}}, clerk);
    ASSERT_EQ(delivery->status, 201) << delivery->body;
    EXPECT_EQ(body(delivery)["by"], "cleo");
    auto document = get("/api/v1/stock-documents/" + body(delivery)["id"].get<std::string>(), clerk);
    EXPECT_EQ(document->status, 200);
    auto count = post("/api/v1/stores/s1/counts", {{"reference", "shelf 3"}, {"lines", {{{"sku", "A"}, {"qty", "11"}}}}}, clerk);
    ASSERT_EQ(count->status, 201) << count->body;
    EXPECT_EQ(body(get("/api/v1/stores/s1/stock/A", clerk))["on_hand"], "11");
    auto badLine = post("/api/v1/stores/s1/adjustments", {{"reason", "damaged"}, {"lines", {{{"sku", "A"}, {"qty", "0"}}}}}, clerk);
    EXPECT_EQ(badLine->status, 400);
    EXPECT_NE(body(badLine)["error"].get<std::string>().find("lines[0].qty"), std::string::npos) << badLine->body;
    EXPECT_EQ(post("/api/v1/stores/s1/adjustments", {{"reason", "damaged"}, {"lines", "A"}}, clerk)->status, 400);
    EXPECT_EQ(post("/api/v1/stores/s1/transfers", {{"to_store", "s2"}, {"lines", {{{"sku", "A"}, {"qty", "1"}}}}}, clerk)->status,
              403);
    EXPECT_EQ(client->Put("/api/v1/stores/s1/reorder-points/A", headers(clerk), R"({"reorder_point": "20"})",
                          "application/json")->status,
              403);
    auto point = client->Put("/api/v1/stores/s1/reorder-points/A", headers(manager),
                             R"({"reorder_point": "20", "target": "48", "order_multiple": "12"})", "application/json");
    ASSERT_EQ(point->status, 200) << point->body;
    auto reorder = body(get("/api/v1/stores/s1/reorder", clerk));
    ASSERT_EQ(reorder["items"].size(), 1u) << reorder.dump();
    EXPECT_EQ(reorder["items"][0]["suggested"], "48");  // 48 - 11 = 37, up to a multiple of 12
    EXPECT_EQ(get("/api/v1/stores/s1/reorder?cover_days=0", clerk)->status, 400);
    EXPECT_TRUE(body(get("/api/v1/negative-stock", clerk))["items"].empty());
    auto balance = body(get("/api/v1/trial-balance", clerk));
    EXPECT_TRUE(balance["currencies"][0]["balanced"].get<bool>());
}

TEST_F(HttpApiTest, EmployeesTheRotaAndHoursThroughTheApi) {
    const std::string clerk = login("cleo"), manager = login("max");
    const json alex{{"name", "Alex"}, {"role", "cashier"}, {"pin", "4711"}, {"badge", "B-0001"}};
    EXPECT_EQ(client->Put("/api/v1/stores/s1/employees/e1", headers(clerk), alex.dump(), "application/json")->status, 403);
    auto saved = client->Put("/api/v1/stores/s1/employees/e1", headers(manager), alex.dump(), "application/json");
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(body(saved)["has_pin"], true);
    EXPECT_EQ(saved->body.find("4711"), std::string::npos);
    auto badPin = client->Put("/api/v1/stores/s1/employees/e2", headers(manager),
                              json{{"name", "Sam"}, {"role", "cashier"}, {"pin", "12"}}.dump(), "application/json");
    EXPECT_EQ(badPin->status, 400);
    EXPECT_NE(body(badPin)["error"].get<std::string>().find("pin"), std::string::npos);
    auto planned = post("/api/v1/rota",
                        {{"employee", "e1"}, {"starts_at", "2026-12-01T09:00:00Z"}, {"ends_at", "2026-12-01T17:00:00Z"}}, manager);
    ASSERT_EQ(planned->status, 201) << planned->body;
    auto rota = body(get("/api/v1/stores/s1/rota?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", clerk));
    EXPECT_EQ(rota["rota"].size(), 1u);
    auto hours = body(get("/api/v1/stores/s1/hours?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", clerk));
    ASSERT_EQ(hours["employees"].size(), 1u);
    EXPECT_EQ(hours["employees"][0]["planned_minutes"], 480);
    EXPECT_EQ(get("/api/v1/stores/s1/hours?from=monday&to=2026-12-02T00:00:00Z", clerk)->status, 400);
    const std::string id = std::to_string(body(planned)["id"].get<std::int64_t>());
    EXPECT_EQ(client->Delete(("/api/v1/rota/" + id).c_str(), headers(manager))->status, 200);
    EXPECT_EQ(client->Delete(("/api/v1/rota/" + id).c_str(), headers(manager))->status, 404);
    EXPECT_EQ(client->Delete("/api/v1/rota/99999999999999999999999", headers(manager))->status, 400);
}

TEST_F(HttpApiTest, SalesAndZReportsAnswerJsonOrCsvAndRefuseABadPeriodNamingTheField) {
    kiosk::testing::Terminal till;  // its clock: 2026-11-18T11:06:40Z
    till.startShift();
    const std::string shift = *till.shifts().current();
    ASSERT_TRUE(till.checkout().scan(kiosk::testing::kBread, dec("2")).ok());  // 1.00 at 7 %: 0.93 + 0.07
    ASSERT_TRUE(till.checkout().tenderCard().ok());
    ASSERT_TRUE(till.checkout().complete().ok());
    sync::IngestLedger reports(*db, clock);
    ASSERT_TRUE(testing::ingestSeqs(*db, reports, *till.db, testing::seqsAfter(*till.db)).ok());

    const std::string clerk = login("cleo");
    const std::string period = "?from=2026-11-18T00:00:00Z&to=2026-11-19T00:00:00Z";
    auto days = get("/api/v1/stores/s1/sales/by-day" + period, clerk);
    ASSERT_EQ(days->status, 200) << days->body;
    EXPECT_EQ(body(days)["rows"][0]["gross"], 100);
    auto csv = get("/api/v1/stores/s1/sales/by-day" + period + "&format=csv", clerk);
    ASSERT_EQ(csv->status, 200) << csv->body;
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv->body, "day,sales,refunds,sales_net,sales_tax,sales_gross,refunds_net,refunds_tax,refunds_gross,net,tax,gross\r\n"
                         "2026-11-18,1,0,0.93,0.07,1.00,0.00,0.00,0.00,0.93,0.07,1.00\r\n");
    for (const char* report : {"journal", "sales/by-rate", "sales/by-tender", "sales/by-terminal", "sales/by-staff"}) {
        EXPECT_EQ(get("/api/v1/stores/s1/" + std::string(report) + period + "&format=csv", clerk)->status, 200) << report;
    }
    auto z = get("/api/v1/shifts/" + shift + "/z", clerk);  // the shift is open: no Z report of the terminal's yet
    ASSERT_EQ(z->status, 200) << z->body;
    EXPECT_EQ(body(z)["terminal_received"], false);
    EXPECT_EQ(body(z)["matches"], false);
    EXPECT_EQ(get("/api/v1/shifts/" + shift + "/z?format=csv", clerk)->body.rfind("figure,unit,back_office,terminal,matches\r\n", 0), 0u);

    auto badFrom = get("/api/v1/stores/s1/journal?from=monday&to=2026-11-19T00:00:00Z", clerk);
    EXPECT_EQ(badFrom->status, 400);
    EXPECT_EQ(body(badFrom)["error"].get<std::string>().rfind("from: ", 0), 0u) << badFrom->body;
    auto noTo = get("/api/v1/stores/s1/sales/by-rate?from=2026-11-18T00:00:00Z", clerk);
    EXPECT_EQ(noTo->status, 400);
    EXPECT_EQ(body(noTo)["error"].get<std::string>().rfind("to: required", 0), 0u) << noTo->body;
    EXPECT_EQ(body(get("/api/v1/stores/s1/journal" + period + "&format=xml", clerk))["error"], "format: json or csv");
    EXPECT_EQ(get("/api/v1/stores/s9/journal" + period, clerk)->status, 404);
    EXPECT_EQ(get("/api/v1/shifts/no-such-shift/z", clerk)->status, 404);
    EXPECT_EQ(client->Get(("/api/v1/stores/s1/sales/by-day" + period).c_str())->status, 401);
}

}  // namespace
}  // namespace frontdesk::backoffice
