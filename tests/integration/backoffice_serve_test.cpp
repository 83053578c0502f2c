// The back office as installers run it: `frontdesk-backoffice serve` on the store's broker, a real
// till selling into it, and the reports read while it runs.
#include <csignal>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <httplib.h>

#include "backoffice/backoffice_db.h"
#include "backoffice_cli.h"
#include "kiosk/master_data.h"
#include "sync/broker_setup.h"
#include "sync_test_support.h"
#include "testing/child_process.h"
#include "testing/loopback.h"

namespace frontdesk {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::kBread;
using synctest::eventually;

using synctest::backOffice;

TEST(BackOfficeServe, ATillsSalesRefundsAndCashMovesEndBalancedWithTheRightStock) {
    synctest::StoreBackOffice office;
    const std::string& db = office.db;
    // The first admin, as the README has an installer make it: the password on stdin.
    const auto admin = synctest::backOfficeWithInput("ada-password", "user add ada --role admin --db " + db);
    ASSERT_EQ(admin.exitCode, 0) << admin.output;
    const int httpPort = testing::freeLoopbackPorts(1)[0];
    auto serve = office.serve({"--http", "127.0.0.1:" + std::to_string(httpPort)});

    kiosk::testing::Terminal t;
    t.startShift();
    core::SystemClock clock;
    auto relay = synctest::startRelay(t, office.broker, clock);
    ASSERT_TRUE(t.checkout().scan(kApple, dec("3")).ok());
    ASSERT_TRUE(t.checkout().scan(kBread, dec("2")).ok());
    ASSERT_TRUE(t.checkout().tenderCard().ok());
    auto sale = t.checkout().complete();
    ASSERT_TRUE(sale.ok());
    kiosk::RefundRequest refund;
    refund.receipt = sale->payload["receipt"];
    refund.lines = {{1, dec("1")}};
    ASSERT_TRUE(t.refunds().refund(refund, kiosk::Approval{"s1", "3333"}).ok());
    ASSERT_TRUE(t.shifts().paidOut(eur(500), "milk for the staff room", kiosk::Approval{"s1", "3333"}).ok());
    auto closed = t.shifts().close(eur(9500));
    ASSERT_TRUE(closed.ok());
    const std::string shift = closed->toJson()["shift"];
    ASSERT_TRUE(eventually([&] { return synctest::drained(t); })) << relay->status().lastError;

    const auto balance = backOffice({"report", "trial-balance", "--db", db});
    ASSERT_EQ(balance["currencies"].size(), 1u) << balance.dump();
    EXPECT_EQ(balance["currencies"][0]["balanced"], true);
    std::map<std::string, std::int64_t> accounts;
    for (const auto& a : balance["currencies"][0]["accounts"]) accounts[a["account"]] = a["balance"];
    EXPECT_EQ(accounts["1100"], 3 * 199 + 2 * 50 - 199);  // card: the sale, less the refund to the card
    EXPECT_EQ(accounts["1000"], 10000 - 500);             // the float, less the paid out
    EXPECT_EQ(accounts["6100"], 500);

    EXPECT_EQ(backOffice({"stock", "A", "--store", "s1", "--db", db})["on_hand"], "-2");
    EXPECT_EQ(backOffice({"stock", "B", "--store", "s1", "--db", db})["on_hand"], "-2");
    const auto terminals = backOffice({"terminals", "--db", db});
    ASSERT_EQ(terminals["terminals"].size(), 1u);
    EXPECT_EQ(terminals["terminals"][0]["upto"], synctest::lastSeq(t));
    EXPECT_TRUE(terminals["terminals"][0]["gaps"].empty());
    EXPECT_EQ(terminals["terminals"][0]["dead_letters"], 0);
    EXPECT_TRUE(backOffice({"dead-letters", "--db", db})["dead_letters"].empty());
    // The drawer held the float less the paid out; the count agrees: reconciled with no variance,
    // and the drawer's cash back in the safe.
    const auto reconciled = backOffice({"reconcile", shift, "--by", "ada", "--db", db});
    EXPECT_EQ(reconciled["status"], "reconciled");
    EXPECT_EQ(reconciled["variance"], 0);
    const auto after = backOffice({"report", "trial-balance", "--db", db});
    EXPECT_EQ(after["currencies"][0]["balanced"], true);
    for (const auto& a : after["currencies"][0]["accounts"]) {
        if (a["account"] == "1000") {
            EXPECT_EQ(a["balance"], 0) << "the drawer is emptied into the safe";
        }
    }

    // The same through the HTTP API, with the terminal's presence from the running ingest.
    ASSERT_TRUE(eventually([&] { return testing::acceptsOnLoopback(httpPort); }));
    httplib::Client http("127.0.0.1", httpPort);
    auto login = http.Post("/api/v1/login", R"({"username": "ada", "password": "ada-password"})", "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    const httplib::Headers bearer{
        {"Authorization", "Bearer " + nlohmann::json::parse(login->body)["token"].get<std::string>()}};
    auto listed = http.Get("/api/v1/terminals", bearer);
    ASSERT_EQ(listed->status, 200);
    const auto terminal = nlohmann::json::parse(listed->body)["terminals"][0];
    EXPECT_EQ(terminal["upto"], synctest::lastSeq(t));
    EXPECT_EQ(terminal["online"], true);
    EXPECT_TRUE(terminal["presence"].is_object());
    auto metrics = http.Get("/api/v1/metrics", bearer);
    ASSERT_EQ(metrics->status, 200);
    EXPECT_NE(metrics->body.find("frontdesk_broker_connected 1"), std::string::npos) << metrics->body;
    EXPECT_NE(metrics->body.find("frontdesk_terminal_online{store=\"s1\",terminal=\"t1\"} 1"), std::string::npos)
        << metrics->body;

    relay->stop();
    EXPECT_EQ(synctest::StoreBackOffice::stop(*serve), std::optional<int>(0));
}

TEST(BackOfficeServe, ACatalogImportedInTheBackOfficeReachesTheTillAndPricesItsNextSale) {
    synctest::StoreBackOffice office;
    const std::string& db = office.db;
    auto serve = office.serve();
    kiosk::testing::Terminal t;
    auto data = kiosk::MasterData::open(t.db->path(), t.clock, t.till->boundary());
    ASSERT_TRUE(data.ok());
    (*data)->start();
    core::SystemClock clock;
    sync::RelayHandlers handlers;
    handlers.datasets = data->get();
    auto relay = synctest::startRelay(t, office.broker, clock, {}, std::move(handlers));

    std::ofstream(office.dir.file("catalog.csv")) << "sku,name,price,tax_code,tax_rate,barcodes\n"
                                                     "A,Apple juice,2.29,VAT19,19,4000000000017\n"
                                                     "N,New item,3.50,VAT7,7,4000000000048\n";
    // The till was provisioned with price_version 7: the back office's first version is above it.
    const auto imported =
        testing::runCommand({FRONTDESK_BACKOFFICE_BIN, "catalog", "import", office.dir.file("catalog.csv"), "--db", db,
                             "--store", "s1", "--version", "8"});
    ASSERT_EQ(imported.exitCode, 0) << imported.output;
    EXPECT_NE(imported.output.find("catalog version 8 of store s1: 2 items"), std::string::npos) << imported.output;
    ASSERT_TRUE(eventually([&] { return (*data)->status().state == "applied"; }))
        << (*data)->status().toJson().dump() << relay->status().lastError;
    EXPECT_EQ((*data)->status().version, 8);
    auto apple = t.till->catalog().byBarcode(kApple);
    ASSERT_TRUE(apple.ok());
    EXPECT_EQ(apple->priceMinor, 229);
    EXPECT_TRUE(t.till->catalog().byBarcode("4000000000048").ok());
    EXPECT_FALSE(t.till->catalog().byBarcode(kBread).ok());  // not in the back office's catalog
    relay->stop();
    EXPECT_EQ(synctest::StoreBackOffice::stop(*serve), std::optional<int>(0));
}

// `serve` SIGKILLed again and again while a till's events stream in: the kills land before commits,
// between a commit and its ack, and anywhere else. Restarted each time, the back office ends with
// every event taken in once: its ingest ledger holds each seq once, each sale booked and its stock
// moved once, the ledger balanced, the till's outbox empty.
TEST(BackOfficeServe, KilledAtAnyMomentItLosesNothingAndCountsNothingTwice) {
    synctest::StoreBackOffice store;
    kiosk::testing::Terminal t;
    t.startShift();
    core::SystemClock clock;
    auto relay = synctest::startRelay(t, store.broker, clock);
    auto opened = backoffice::openBackOfficeDb(store.db, false);
    ASSERT_TRUE(opened.ok()) << opened.status().toString();
    auto office = std::move(*opened);
    const auto taken = [&] { return kiosk::testing::queryInt(*office, "SELECT count(*) FROM ingest_events"); };
    int sales = 0;
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 15; ++i, ++sales) {
            ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
            ASSERT_TRUE(t.checkout().tenderCard().ok());
            ASSERT_TRUE(t.checkout().complete().ok());
        }
        auto serve = store.serve();
        // Killed as soon as it has taken in some of this round's events: mid-stream.
        const auto before = taken();
        ASSERT_TRUE(eventually([&] { return taken() > before + 2 * round; })) << "round " << round;
        serve->kill();
    }
    auto serve = store.serve();
    ASSERT_TRUE(eventually([&] { return synctest::drained(t); })) << relay->status().lastError;
    relay->stop();
    EXPECT_EQ(synctest::StoreBackOffice::stop(*serve), std::optional<int>(0));

    const auto last = synctest::lastSeq(t);
    EXPECT_EQ(taken(), last);
    EXPECT_EQ(
        kiosk::testing::queryInt(*office, "SELECT count(DISTINCT seq) FROM ingest_events WHERE outcome = 'applied'"),
        last);
    EXPECT_EQ(kiosk::testing::queryInt(*office, "SELECT count(*) FROM journal_entries WHERE source = 'sale.completed'"),
              sales);
    EXPECT_EQ(kiosk::testing::queryInt(
                  *office, "SELECT count(DISTINCT event_id) FROM journal_entries WHERE source = 'sale.completed'"),
              sales);
    EXPECT_EQ(kiosk::testing::queryInt(*office, "SELECT sum(qty_milli) FROM stock_moves WHERE sku = 'A'"),
              -1000 * sales);
    EXPECT_EQ(kiosk::testing::queryInt(*office, "SELECT sum(debit_minor) - sum(credit_minor) FROM journal_lines"), 0);
    EXPECT_EQ(kiosk::testing::queryInt(
                  *office, "SELECT sum(debit_minor) - sum(credit_minor) FROM journal_lines WHERE account = '1100'"),
              199 * sales);
}

TEST(BackOfficeServe, RefusesToStartForAStoreItDoesNotServe) {
    testing::MosquittoBroker broker;
    kiosk::testing::TempDir dir;
    const auto result = testing::runCommand({FRONTDESK_BACKOFFICE_BIN, "serve", "--db", dir.file("bo.db"),
                                             "--credentials", (broker.dir() / sync::kBrokerCredentialsFile).string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.output.find("store s1 is not configured in the back office"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace frontdesk
