// serve, store, catalog and user: what an installer runs to set the back office up and start it.
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>

#include "backoffice/backoffice_db.h"
#include "backoffice/catalog.h"
#include "backoffice/csv.h"
#include "backoffice/http_api.h"
#include "backoffice/service.h"
#include "backoffice/users.h"
#include "cli.h"
#include "core/bounded_input.h"
#include "core/clock.h"
#include "core/host_port.h"
#include "core/log.h"
#include "sync/broker_credentials.h"

namespace frontdesk::backoffice::cli {
namespace {

sigset_t stopSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    return stop;
}

struct ServeOptions {
    std::string db = "frontdesk-backoffice.db";
    std::string credentials;
    std::string broker;
    std::string http;   // HOST:PORT; "" serves no HTTP API
    std::string clock;  // ISO 8601: run as if it were then (a demo of that day); "" the wall clock
};

int serve(const ServeOptions& o) {
    auto login = sync::readBrokerLogin(o.credentials, "backoffice");
    if (!login.ok()) return failed(login.status());
    ServiceOptions options;
    options.dbPath = o.db;
    options.consumer.store = login->store;
    options.consumer.broker = {login->host, login->port};
    options.consumer.username = login->username;
    options.consumer.password = login->password;
    if (!o.broker.empty()) {
        auto broker = sync::parseBrokerAddress(o.broker);
        if (!broker.ok()) return failed(broker.status());
        options.consumer.broker = *broker;
    }
    // SIGINT and SIGTERM go to the sigwait below only: blocked before any thread starts.
    const sigset_t stop = stopSignals();
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    std::unique_ptr<core::Clock> clock = std::make_unique<core::SystemClock>();
    if (!o.clock.empty()) {
        auto start = core::parseIso8601(o.clock);
        if (!start.ok()) return failed(start.status().withContext("--clock"));
        clock = std::make_unique<core::ShiftedClock>(*start);
    }
    auto service = IngestService::open(options, *clock);
    if (!service.ok()) return failed(service.status());
    if (core::Status started = (*service)->start(); !started.ok()) return failed(started);
    std::unique_ptr<HttpApi> api;
    if (!o.http.empty()) {
        auto address = core::parseHostPort(o.http, "--http");
        if (!address.ok()) return failed(address.status());
        HttpOptions http;
        http.dbPath = o.db;
        http.host = address->host;
        http.port = address->port;
        IngestService& ingest = **service;
        http.ingest.status = [&ingest] { return ingest.status(); };
        http.ingest.requestResend = [&ingest](const sync::TerminalAddress& t, std::int64_t from) {
            ingest.consumer().requestResend(t, from);
        };
        auto started = HttpApi::start(std::move(http), *clock);
        if (!started.ok()) return failed(started.status());
        api = std::move(*started);
    }
    int signal = 0;
    sigwait(&stop, &signal);
    core::log::info("backoffice", "stopping");
    if (api) api->stop();
    (*service)->stop();
    return kExitOk;
}

struct StoreOptions {
    std::string db = "frontdesk-backoffice.db";
    StoreSettings store;
    std::string taxMode = "inclusive";
    std::string taxRounding = "per_line";
    std::string roundingMode = "half_up";
};

int storeAdd(const StoreOptions& o) {
    StoreSettings s = o.store;
    auto mode = core::parseTaxMode(o.taxMode);
    auto rounding = core::parseTaxRounding(o.taxRounding);
    auto roundingMode = core::parseRoundingMode(o.roundingMode);
    for (const core::Status& st : {mode.status(), rounding.status(), roundingMode.status()}) {
        if (!st.ok()) return failed(st);
    }
    s.tax = {*mode, *rounding, *roundingMode};
    auto db = openBackOfficeDb(o.db, true);
    if (!db.ok()) return failed(db.status());
    if (core::Status saved = saveStore(**db, s); !saved.ok()) return failed(saved);
    std::cout << "store " << s.id << ": " << s.currency << ", tax " << o.taxMode << " " << o.taxRounding
              << ", rounding " << o.roundingMode << "\n";
    return kExitOk;
}

struct CatalogOptions {
    std::string db = "frontdesk-backoffice.db";
    std::string store, file;
    std::optional<std::int64_t> version;
};

int catalogImport(const CatalogOptions& o) {
    auto csv = core::readFileBounded(o.file, kMaxCsvBytes, "catalog file");
    if (!csv.ok()) return failed(csv.status());
    auto db = openBackOfficeDb(o.db, false);
    if (!db.ok()) return failed(db.status());
    auto report = importCatalogCsv(**db, o.store, *csv, o.version);
    if (!report.ok()) return failed(report.status().withContext(o.file));
    for (const auto& refused : report->refused) std::cerr << o.file << ": " << refused << "\n";
    std::cout << "catalog version " << report->version << " of store " << o.store << ": " << report->items << " items, "
              << report->refused.size() << " lines refused\n";
    return report->refused.empty() ? kExitOk : kExitFailed;
}

struct UserOptions {
    std::string db = "frontdesk-backoffice.db";
    std::string name, role = "clerk";
};

// The password comes on stdin (one line), never on the command line where `ps` shows it.
int userAdd(const UserOptions& o) {
    auto role = parseRole(o.role);
    if (!role.ok()) return failed(role.status());
    std::string password;
    std::getline(std::cin, password);
    auto db = openBackOfficeDb(o.db, true);
    if (!db.ok()) return failed(db.status());
    core::SystemClock clock;
    if (core::Status added = Users(**db, clock).add(o.name, password, *role, "cli"); !added.ok()) return failed(added);
    std::cout << "user " << o.name << " (" << o.role << ") added\n";
    return kExitOk;
}

core::Result<nlohmann::json> userList(core::Database& db) {
    core::SystemClock clock;
    FD_ASSIGN(auto list, Users(db, clock).list());
    nlohmann::json users = nlohmann::json::array();
    for (const auto& u : list) {
        users.push_back({{"username", u.username},
                         {"role", roleName(u.role)},
                         {"created_at", u.createdAt},
                         {"disabled", u.disabled}});
    }
    return nlohmann::json{{"users", users}};
}

}  // namespace

void addSetupCommands(Cli& cli) {
    auto& serveOptions = cli.keep<ServeOptions>();
    auto* serveCmd = cli.app.add_subcommand("serve", "take in the store's terminal events until SIGINT or SIGTERM");
    serveCmd->add_option("--db", serveOptions.db, "the back-office database (created if missing)")
        ->capture_default_str();
    serveCmd
        ->add_option("--credentials", serveOptions.credentials,
                     "the store's credentials.json (frontdesk-tool broker init)")
        ->required();
    serveCmd->add_option("--broker", serveOptions.broker, "HOST:PORT (default: the one in the credentials file)");
    serveCmd->add_option("--http", serveOptions.http, "serve the HTTP API on HOST:PORT (e.g. 127.0.0.1:8080)");
    serveCmd->add_option("--clock", serveOptions.clock,
                         "run as if it were this UTC time now, the clock running on (demos of a given day)");
    cli.onRun(serveCmd, [&serveOptions] { return serve(serveOptions); });

    auto& store = cli.keep<StoreOptions>();
    auto* storeCmd = cli.app.add_subcommand("store", "the stores this back office serves")->require_subcommand(1);
    auto* storeAddCmd = storeCmd->add_subcommand("add", "add a store, or change its currency and tax rules");
    storeAddCmd->add_option("--db", store.db, "the back-office database (created if missing)")->capture_default_str();
    storeAddCmd->add_option("--store", store.store.id, "store id")->required();
    storeAddCmd->add_option("--currency", store.store.currency, "ISO 4217 code")->required();
    storeAddCmd->add_option("--tax-mode", store.taxMode, "inclusive or exclusive")->capture_default_str();
    storeAddCmd->add_option("--tax-rounding", store.taxRounding, "per_line or per_total")->capture_default_str();
    storeAddCmd->add_option("--rounding-mode", store.roundingMode, "half_up, half_even, down or up")
        ->capture_default_str();
    cli.onRun(storeAddCmd, [&store] { return storeAdd(store); });

    auto& catalog = cli.keep<CatalogOptions>();
    auto* catalogCmd =
        cli.app.add_subcommand("catalog", "the store's catalog, published to its terminals")->require_subcommand(1);
    auto* importCmd = catalogCmd->add_subcommand("import", "replace the catalog with a CSV file: a new version");
    importCmd
        ->add_option("file", catalog.file,
                     "CSV with sku, name, price, tax_code, tax_rate[, barcodes, category, cost, age_restricted, "
                     "sold_by_weight]")
        ->required();
    importCmd->add_option("--db", catalog.db, "the back-office database")->capture_default_str();
    importCmd->add_option("--store", catalog.store, "store id")->required();
    importCmd->add_option("--version", catalog.version,
                          "the version to make (above the last; for the first import, above the terminals' seeded "
                          "price_version); default: one more than the last");
    cli.onRun(importCmd, [&catalog] { return catalogImport(catalog); });

    auto& user = cli.keep<UserOptions>();
    auto* userCmd =
        cli.app.add_subcommand("user", "the back office's users (docs/backoffice.md)")->require_subcommand(1);
    auto* userAddCmd = userCmd->add_subcommand("add", "add a user; the password is read from stdin (one line)");
    userAddCmd->add_option("username", user.name, "1-64 of a-z 0-9 . _ -")->required();
    userAddCmd->add_option("--role", user.role, "clerk, manager or admin")->capture_default_str();
    userAddCmd->add_option("--db", user.db, "the back-office database (created if missing)")->capture_default_str();
    cli.onRun(userAddCmd, [&user] { return userAdd(user); });
    cli.jsonCommand(*userCmd, "list", "every user with their role", userList);
}

}  // namespace frontdesk::backoffice::cli
