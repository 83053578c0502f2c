// frontdesk-backoffice: the back office. `serve` takes in the store's terminal events; the other
// commands configure it and print reports, safe to run while `serve` runs (docs/backoffice.md).
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

#include "backoffice/backoffice_db.h"
#include "backoffice/catalog.h"
#include "backoffice/reception.h"
#include "backoffice/reconciliation.h"
#include "backoffice/csv.h"
#include "backoffice/customers.h"
#include "backoffice/http_api.h"
#include "backoffice/inventory.h"
#include "backoffice/report_csv.h"
#include "backoffice/reports.h"
#include "backoffice/sales_reports.h"
#include "backoffice/service.h"
#include "backoffice/staff.h"
#include "backoffice/users.h"
#include "core/bounded_input.h"
#include "core/clock.h"
#include "core/host_port.h"
#include "core/log.h"
#include "sync/broker_credentials.h"

using namespace frontdesk;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int failed(const core::Status& status) {
    std::cerr << "frontdesk-backoffice: " << status.toString() << "\n";
    return kExitFailed;
}

// Waits for SIGINT or SIGTERM (blocked in every thread, taken here).
void waitForStop() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    int signal = 0;
    sigwait(&stop, &signal);
}

struct ServeOptions {
    std::string db = "frontdesk-backoffice.db";
    std::string credentials;
    std::string broker;
    std::string http;  // HOST:PORT; "" serves no HTTP API
};

int serve(const ServeOptions& o) {
    auto login = sync::readBrokerLogin(o.credentials, "backoffice");
    if (!login.ok()) return failed(login.status());
    backoffice::ServiceOptions options;
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
    // Signals go to waitForStop only: block them before any thread starts.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    core::SystemClock clock;
    auto service = backoffice::IngestService::open(options, clock);
    if (!service.ok()) return failed(service.status());
    if (core::Status started = (*service)->start(); !started.ok()) return failed(started);
    std::unique_ptr<backoffice::HttpApi> api;
    if (!o.http.empty()) {
        auto address = core::parseHostPort(o.http, "--http");
        if (!address.ok()) return failed(address.status());
        backoffice::HttpOptions http;
        http.dbPath = o.db;
        http.host = address->host;
        http.port = address->port;
        backoffice::IngestService& ingest = **service;
        http.ingest.status = [&ingest] { return ingest.status(); };
        http.ingest.requestResend = [&ingest](const sync::TerminalAddress& t, std::int64_t from) {
            ingest.consumer().requestResend(t, from);
        };
        auto started = backoffice::HttpApi::start(std::move(http), clock);
        if (!started.ok()) return failed(started.status());
        api = std::move(*started);
    }
    waitForStop();
    core::log::info("backoffice", "stopping");
    if (api) api->stop();
    (*service)->stop();
    return kExitOk;
}

struct StoreOptions {
    std::string db = "frontdesk-backoffice.db";
    backoffice::StoreSettings store;
    std::string taxMode = "inclusive";
    std::string taxRounding = "per_line";
    std::string roundingMode = "half_up";
};

int storeAdd(const StoreOptions& o) {
    backoffice::StoreSettings s = o.store;
    auto mode = core::parseTaxMode(o.taxMode);
    auto rounding = core::parseTaxRounding(o.taxRounding);
    auto roundingMode = core::parseRoundingMode(o.roundingMode);
    for (const core::Status& st : {mode.status(), rounding.status(), roundingMode.status()}) {
        if (!st.ok()) return failed(st);
    }
    s.tax = {*mode, *rounding, *roundingMode};
    auto db = backoffice::openBackOfficeDb(o.db, true);
    if (!db.ok()) return failed(db.status());
    if (core::Status saved = backoffice::saveStore(**db, s); !saved.ok()) return failed(saved);
    std::cout << "store " << s.id << ": " << s.currency << ", tax " << o.taxMode << " " << o.taxRounding << ", rounding "
              << o.roundingMode << "\n";
    return kExitOk;
}

int catalogImport(const std::string& dbPath, const std::string& store, const std::string& file,
                  std::optional<std::int64_t> version) {
    auto csv = core::readFileBounded(file, backoffice::kMaxCsvBytes, "catalog file");
    if (!csv.ok()) return failed(csv.status());
    auto db = backoffice::openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    auto report = backoffice::importCatalogCsv(**db, store, *csv, version);
    if (!report.ok()) return failed(report.status().withContext(file));
    for (const auto& refused : report->refused) std::cerr << file << ": " << refused << "\n";
    std::cout << "catalog version " << report->version << " of store " << store << ": " << report->items << " items, "
              << report->refused.size() << " lines refused\n";
    return report->refused.empty() ? kExitOk : kExitFailed;
}

// reconcile / dispute: prints the shift's figures as they stand after it.
int settle(const std::string& dbPath, backoffice::Reconciliation r, bool dispute, bool json) {
    auto db = backoffice::openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    r.at = core::formatIso8601(core::SystemClock().now());
    auto figures = dispute ? backoffice::disputeShift(**db, r) : backoffice::reconcileShift(**db, r);
    if (!figures.ok()) return failed(figures.status());
    std::cout << (json ? figures->toJson().dump() : figures->toJson().dump(2)) << "\n";
    return kExitOk;
}

// A report: JSON with --json, otherwise the same indented for people.
int report(const std::string& dbPath, bool json, const std::function<core::Result<nlohmann::json>(core::Database&)>& make) {
    auto db = backoffice::openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    auto result = make(**db);
    if (!result.ok()) return failed(result.status());
    std::cout << (json ? result->dump() : result->dump(2)) << "\n";
    return kExitOk;
}

// A report as report() prints it, or with csv as CSV (report_csv.h), written as it is.
int exportReport(const std::string& dbPath, bool json, bool csv,
                 const std::function<core::Result<nlohmann::json>(core::Database&)>& make,
                 core::Result<std::string> (*toCsv)(const nlohmann::json&)) {
    if (!csv) return report(dbPath, json, make);
    auto db = backoffice::openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    auto result = make(**db);
    auto text = result.ok() ? toCsv(*result) : core::Result<std::string>(result.status());
    if (!text.ok()) return failed(text.status());
    std::cout << *text;
    return kExitOk;
}

// The password comes on stdin (one line), never on the command line where `ps` shows it.
int userAdd(const std::string& dbPath, const std::string& username, const std::string& role) {
    auto parsedRole = backoffice::parseRole(role);
    if (!parsedRole.ok()) return failed(parsedRole.status());
    std::string password;
    std::getline(std::cin, password);
    auto db = backoffice::openBackOfficeDb(dbPath, true);
    if (!db.ok()) return failed(db.status());
    core::SystemClock clock;
    backoffice::Users users(**db, clock);
    if (core::Status added = users.add(username, password, *parsedRole, "cli"); !added.ok()) return failed(added);
    std::cout << "user " << username << " (" << role << ") added\n";
    return kExitOk;
}

int userList(const std::string& dbPath, bool json) {
    return report(dbPath, json, [](core::Database& db) -> core::Result<nlohmann::json> {
        core::SystemClock clock;
        FD_ASSIGN(auto list, backoffice::Users(db, clock).list());
        nlohmann::json users = nlohmann::json::array();
        for (const auto& u : list) {
            users.push_back({{"username", u.username}, {"role", backoffice::roleName(u.role)}, {"created_at", u.createdAt},
                             {"disabled", u.disabled}});
        }
        return nlohmann::json{{"users", users}};
    });
}

// --pin-stdin: the PIN comes on stdin (one line), never on the command line.
int employeeSave(const std::string& dbPath, backoffice::EmployeeChange change, bool pinFromStdin, bool json) {
    if (pinFromStdin) {
        std::string pin;
        std::getline(std::cin, pin);
        change.pin = pin;
    }
    auto db = backoffice::openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    core::SystemClock clock;
    backoffice::Staff staff(**db, clock);
    if (core::Status saved = staff.save(change, "cli"); !saved.ok()) return failed(saved);
    return report(dbPath, json, [&](core::Database&) -> core::Result<nlohmann::json> {
        FD_ASSIGN(auto version, staff.latestDataset(change.store));
        return nlohmann::json{{"employee", change.id}, {"staff_version", version ? version->first : 0}};
    });
}

int employeeList(const std::string& dbPath, const std::string& store, bool json) {
    return report(dbPath, json, [&](core::Database& db) -> core::Result<nlohmann::json> {
        core::SystemClock clock;
        FD_ASSIGN(auto list, backoffice::Staff(db, clock).list(store));
        nlohmann::json employees = nlohmann::json::array();
        for (const auto& e : list) {
            employees.push_back({{"id", e.id}, {"name", e.name}, {"role", e.role}, {"active", e.active},
                                 {"has_pin", e.hasPin}, {"has_badge", e.hasBadge}, {"updated_at", e.updatedAt}});
        }
        return nlohmann::json{{"store", store}, {"employees", employees}};
    });
}

// --line SKU=QTY or SKU=QTY@UNIT_COST (a delivery's cost) into document lines.
core::Result<std::vector<backoffice::StockLine>> stockLines(const std::vector<std::string>& specs) {
    std::vector<backoffice::StockLine> lines;
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0) return core::invalidArgument("--line: SKU=QTY[@UNIT_COST], not '" + spec + "'");
        const auto at = spec.find('@', eq);
        lines.push_back({spec.substr(0, eq), spec.substr(eq + 1, at == std::string::npos ? std::string::npos : at - eq - 1),
                         at == std::string::npos ? "" : spec.substr(at + 1)});
    }
    return lines;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Frontdesk back office"};
    app.require_subcommand(1);
    std::string logLevel = "info";
    app.add_option("--log-level", logLevel, "debug, info, warn, error or off")->capture_default_str();
    std::function<int()> action;

    ServeOptions serveOptions;
    auto* serveCmd = app.add_subcommand("serve", "take in the store's terminal events until SIGINT or SIGTERM");
    serveCmd->add_option("--db", serveOptions.db, "the back-office database (created if missing)")->capture_default_str();
    serveCmd->add_option("--credentials", serveOptions.credentials, "the store's credentials.json (frontdesk-tool broker init)")
        ->required();
    serveCmd->add_option("--broker", serveOptions.broker, "HOST:PORT (default: the one in the credentials file)");
    serveCmd->add_option("--http", serveOptions.http, "serve the HTTP API on HOST:PORT (e.g. 127.0.0.1:8080)");
    serveCmd->callback([&] { action = [&] { return serve(serveOptions); }; });

    StoreOptions storeOptions;
    auto* storeCmd = app.add_subcommand("store", "the stores this back office serves")->require_subcommand(1);
    auto* storeAddCmd = storeCmd->add_subcommand("add", "add a store, or change its currency and tax rules");
    storeAddCmd->add_option("--db", storeOptions.db, "the back-office database (created if missing)")->capture_default_str();
    storeAddCmd->add_option("--store", storeOptions.store.id, "store id")->required();
    storeAddCmd->add_option("--currency", storeOptions.store.currency, "ISO 4217 code")->required();
    storeAddCmd->add_option("--tax-mode", storeOptions.taxMode, "inclusive or exclusive")->capture_default_str();
    storeAddCmd->add_option("--tax-rounding", storeOptions.taxRounding, "per_line or per_total")->capture_default_str();
    storeAddCmd->add_option("--rounding-mode", storeOptions.roundingMode, "half_up, half_even, down or up")
        ->capture_default_str();
    storeAddCmd->callback([&] { action = [&] { return storeAdd(storeOptions); }; });

    std::string catalogDb = "frontdesk-backoffice.db";
    std::string catalogStore, catalogFile;
    std::optional<std::int64_t> catalogVersion;
    auto* catalogCmd = app.add_subcommand("catalog", "the store's catalog, published to its terminals")->require_subcommand(1);
    auto* importCmd = catalogCmd->add_subcommand("import", "replace the catalog with a CSV file: a new version");
    importCmd->add_option("file", catalogFile, "CSV with sku, name, price, tax_code, tax_rate[, barcodes, category, cost, "
                                               "age_restricted, sold_by_weight]")
        ->required();
    importCmd->add_option("--db", catalogDb, "the back-office database")->capture_default_str();
    importCmd->add_option("--store", catalogStore, "store id")->required();
    importCmd->add_option("--version", catalogVersion,
                          "the version to make (above the last; for the first import, above the terminals' seeded "
                          "price_version); default: one more than the last");
    importCmd->callback([&] { action = [&] { return catalogImport(catalogDb, catalogStore, catalogFile, catalogVersion); }; });

    std::string userDb = "frontdesk-backoffice.db";
    std::string userName, userRole = "clerk";
    bool userJson = false;
    auto* userCmd = app.add_subcommand("user", "the back office's users (docs/backoffice.md)")->require_subcommand(1);
    auto* userAddCmd = userCmd->add_subcommand("add", "add a user; the password is read from stdin (one line)");
    userAddCmd->add_option("username", userName, "1-64 of a-z 0-9 . _ -")->required();
    userAddCmd->add_option("--role", userRole, "clerk, manager or admin")->capture_default_str();
    userAddCmd->add_option("--db", userDb, "the back-office database (created if missing)")->capture_default_str();
    userAddCmd->callback([&] { action = [&] { return userAdd(userDb, userName, userRole); }; });
    auto* userListCmd = userCmd->add_subcommand("list", "every user with their role");
    userListCmd->add_option("--db", userDb, "the back-office database")->capture_default_str();
    userListCmd->add_flag("--json", userJson, "one line of JSON");
    userListCmd->callback([&] { action = [&] { return userList(userDb, userJson); }; });

    std::string staffDb = "frontdesk-backoffice.db";
    backoffice::EmployeeChange employee;
    bool pinFromStdin = false, inactive = false, staffJson = false;
    std::string badge;
    auto* employeeCmd = app.add_subcommand("employee", "the store's staff, published to its terminals")->require_subcommand(1);
    auto* employeeSaveCmd = employeeCmd->add_subcommand("save", "add an employee or change one: a new staff version");
    employeeSaveCmd->add_option("id", employee.id, "the staff id the terminals know")->required();
    employeeSaveCmd->add_option("--store", employee.store, "store id")->required();
    employeeSaveCmd->add_option("--name", employee.name, "the name shown at the terminals")->required();
    employeeSaveCmd->add_option("--role", employee.role, "cashier, supervisor, manager, receptionist, clerk or admin")
        ->required();
    employeeSaveCmd->add_flag("--pin-stdin", pinFromStdin, "read a new PIN (4-12 digits) from stdin");
    employeeSaveCmd->add_option("--badge", badge, "the badge id (\"\" removes it)");
    employeeSaveCmd->add_flag("--inactive", inactive, "take the employee off the terminals");
    employeeSaveCmd->add_option("--db", staffDb, "the back-office database")->capture_default_str();
    employeeSaveCmd->add_flag("--json", staffJson, "one line of JSON");
    employeeSaveCmd->callback([&] {
        if (employeeSaveCmd->count("--badge")) employee.badge = badge;
        employee.active = !inactive;
        action = [&] { return employeeSave(staffDb, employee, pinFromStdin, staffJson); };
    });
    std::string staffStore, periodFrom, periodTo;
    auto* employeeListCmd = employeeCmd->add_subcommand("list", "the store's employees");
    employeeListCmd->add_option("--store", staffStore, "store id")->required();
    employeeListCmd->add_option("--db", staffDb, "the back-office database")->capture_default_str();
    employeeListCmd->add_flag("--json", staffJson, "one line of JSON");
    employeeListCmd->callback([&] { action = [&] { return employeeList(staffDb, staffStore, staffJson); }; });

    std::string inventoryDb = "frontdesk-backoffice.db";
    backoffice::StockDocumentInput stockDoc;
    std::vector<std::string> lineSpecs;
    std::string adjustReason, toStore;
    bool updateCost = false, inventoryJson = false;
    auto* inventoryCmd = app.add_subcommand("inventory", "stock documents and reorder points")->require_subcommand(1);
    const auto documentCommand = [&](const char* name, const char* what) {
        auto* cmd = inventoryCmd->add_subcommand(name, what);
        cmd->add_option("--store", stockDoc.store, "store id")->required();
        cmd->add_option("--line", lineSpecs, "SKU=QTY (a delivery: SKU=QTY@UNIT_COST), repeated")->required();
        cmd->add_option("--reference", stockDoc.reference, "delivery note, transfer slip, count sheet");
        cmd->add_option("--by", stockDoc.by, "who records it")->required();
        cmd->add_option("--note", stockDoc.note, "a note");
        cmd->add_option("--id", stockDoc.id, "a UUIDv7 chosen beforehand, so that running it again records nothing twice");
        cmd->add_option("--db", inventoryDb, "the back-office database")->capture_default_str();
        cmd->add_flag("--json", inventoryJson, "one line of JSON");
        return cmd;
    };
    const auto recordDocument = [&](const std::function<core::Result<nlohmann::json>(backoffice::Inventory&)>& record) {
        auto lines = stockLines(lineSpecs);
        if (!lines.ok()) return failed(lines.status());
        stockDoc.lines = *lines;
        return report(inventoryDb, inventoryJson, [&](core::Database& db) {
            core::SystemClock clock;
            backoffice::Inventory inventory(db, clock);
            return record(inventory);
        });
    };
    documentCommand("receive", "goods received: stock in, valued at the unit costs given")
        ->callback([&] {
            action = [&] {
                return recordDocument([&](backoffice::Inventory& inv) {
                    backoffice::Delivery d{stockDoc};
                    d.updateCost = updateCost;
                    return inv.receive(d);
                });
            };
        })
        ->add_flag("--update-cost", updateCost, "make each unit cost the item's cost");
    documentCommand("adjust", "stock adjusted with a reason (damaged, theft, found, ...)")
        ->callback([&] {
            action = [&] {
                return recordDocument([&](backoffice::Inventory& inv) {
                    backoffice::Adjustment a{stockDoc};
                    a.reason = adjustReason;
                    return inv.adjust(a);
                });
            };
        })
        ->add_option("--reason", adjustReason, "why")
        ->required();
    documentCommand("transfer", "stock moved to another store")
        ->callback([&] {
            action = [&] {
                return recordDocument([&](backoffice::Inventory& inv) {
                    backoffice::Transfer t{stockDoc};
                    t.toStore = toStore;
                    return inv.transfer(t);
                });
            };
        })
        ->add_option("--to-store", toStore, "the receiving store")
        ->required();
    documentCommand("count", "a stock count: on hand set to what was counted")->callback([&] {
        action = [&] { return recordDocument([&](backoffice::Inventory& inv) { return inv.count({stockDoc}); }); };
    });
    backoffice::ReorderPointInput reorderPoint;
    auto* pointCmd = inventoryCmd->add_subcommand("reorder-point", "set an item's reorder point (and target level)");
    pointCmd->add_option("sku", reorderPoint.sku, "the item's SKU")->required();
    pointCmd->add_option("--store", reorderPoint.store, "store id")->required();
    pointCmd->add_option("--point", reorderPoint.reorderPoint, "reorder at or below this quantity")->required();
    pointCmd->add_option("--target", reorderPoint.target, "order up to this level");
    pointCmd->add_option("--multiple", reorderPoint.orderMultiple, "order in multiples of this (a case)");
    pointCmd->add_option("--by", reorderPoint.by, "who sets it")->required();
    pointCmd->add_option("--db", inventoryDb, "the back-office database")->capture_default_str();
    pointCmd->callback([&] {
        action = [&] {
            return report(inventoryDb, inventoryJson, [&](core::Database& db) -> core::Result<nlohmann::json> {
                core::SystemClock clock;
                FD_TRY(backoffice::Inventory(db, clock).setReorderPoint(reorderPoint));
                return nlohmann::json{{"store", reorderPoint.store}, {"sku", reorderPoint.sku}, {"reorder_point", reorderPoint.reorderPoint}};
            });
        };
    });

    // Customers and reception: each prints its result as JSON (the report helper).
    std::string receptionDb = "frontdesk-backoffice.db", by = "cli", eraseReason;
    bool receptionJson = false;
    backoffice::CustomerInput customer;
    std::string customerId;
    const auto receptionCommand = [&](CLI::App& parent, const char* name, const char* what,
                                      std::function<core::Result<nlohmann::json>(core::Database&, const core::Clock&)> run) {
        auto* cmd = parent.add_subcommand(name, what);
        cmd->add_option("--db", receptionDb, "the back-office database")->capture_default_str();
        cmd->add_flag("--json", receptionJson, "one line of JSON");
        cmd->callback([&, run] {
            action = [&, run] {
                return report(receptionDb, receptionJson, [&](core::Database& db) { return run(db, core::SystemClock()); });
            };
        });
        return cmd;
    };
    auto* customerCmd = app.add_subcommand("customer", "customers: one record across front desk and back office")
                            ->require_subcommand(1);
    auto* customerAddCmd = receptionCommand(*customerCmd, "add", "add a customer", [&](core::Database& db, const core::Clock& clock)
                                                -> core::Result<nlohmann::json> {
        FD_ASSIGN(auto id, backoffice::Customers(db, clock).save(customer, by));
        return nlohmann::json{{"id", id}};
    });
    customerAddCmd->add_option("--name", customer.name, "the customer's name")->required();
    customerAddCmd->add_option("--email", customer.email, "email address");
    customerAddCmd->add_option("--phone", customer.phone, "phone number");
    receptionCommand(*customerCmd, "show", "everything the back office knows of a customer, joined",
                     [&](core::Database& db, const core::Clock& clock) { return backoffice::Customers(db, clock).view(customerId); })
        ->add_option("id", customerId, "the customer's id")
        ->required();
    auto* exportCmd = receptionCommand(*customerCmd, "export", "a customer's data (GDPR article 15), audited",
                                       [&](core::Database& db, const core::Clock& clock) {
                                           return backoffice::Customers(db, clock).exportData(customerId, by);
                                       });
    exportCmd->add_option("id", customerId, "the customer's id")->required();
    exportCmd->add_option("--by", by, "who answers the request")->required();
    auto* eraseCmd = receptionCommand(*customerCmd, "erase", "pseudonymize a customer everywhere (GDPR article 17), audited",
                                      [&](core::Database& db, const core::Clock& clock) -> core::Result<nlohmann::json> {
                                          FD_TRY(backoffice::Customers(db, clock).erase(customerId, by, eraseReason));
                                          return nlohmann::json{{"id", customerId}, {"erased", true}};
                                      });
    eraseCmd->add_option("id", customerId, "the customer's id")->required();
    eraseCmd->add_option("--by", by, "who answers the request")->required();
    eraseCmd->add_option("--reason", eraseReason, "the request's reference")->required();

    backoffice::MemberInput member;
    std::string card;
    bool suspended = false;
    auto* memberCmd = app.add_subcommand("member", "memberships")->require_subcommand(1);
    auto* memberSaveCmd = receptionCommand(*memberCmd, "save", "add or change a membership",
                                           [&](core::Database& db, const core::Clock& clock) -> core::Result<nlohmann::json> {
                                               FD_TRY(backoffice::Reception(db, clock).saveMember(member, by));
                                               return nlohmann::json{{"id", member.id}};
                                           });
    memberSaveCmd->add_option("id", member.id, "the membership id on the card")->required();
    memberSaveCmd->add_option("--store", member.store, "store id")->required();
    memberSaveCmd->add_option("--customer", member.customer, "the customer's id")->required();
    memberSaveCmd->add_option("--valid-until", member.validUntil, "YYYY-MM-DD, the last day")->required();
    memberSaveCmd->add_option("--card", card, "the member card's id (\"\" removes it)");
    memberSaveCmd->add_flag("--suspended", suspended, "suspend the membership");
    memberSaveCmd->parse_complete_callback([&] {
        if (memberSaveCmd->count("--card")) member.card = card;
        member.status = suspended ? "suspended" : "active";
    });

    backoffice::BookingInput booking;
    std::string bookingId;
    auto* bookingCmd = app.add_subcommand("booking", "bookings and appointments")->require_subcommand(1);
    auto* bookingAddCmd = receptionCommand(*bookingCmd, "add", "book a resource for someone",
                                           [&](core::Database& db, const core::Clock& clock) -> core::Result<nlohmann::json> {
                                               FD_ASSIGN(auto id, backoffice::Reception(db, clock).book(booking, by));
                                               return nlohmann::json{{"id", id}};
                                           });
    bookingAddCmd->add_option("--store", booking.store, "store id")->required();
    bookingAddCmd->add_option("--name", booking.name, "who is expected")->required();
    bookingAddCmd->add_option("--resource", booking.resource, "with whom, or which room")->required();
    bookingAddCmd->add_option("--from", booking.startsAt, "ISO 8601 UTC")->required();
    bookingAddCmd->add_option("--to", booking.endsAt, "ISO 8601 UTC")->required();
    bookingAddCmd->add_option("--customer", booking.customer, "the customer's id");
    receptionCommand(*bookingCmd, "cancel", "cancel a booking not yet checked in",
                     [&](core::Database& db, const core::Clock& clock) -> core::Result<nlohmann::json> {
                         FD_TRY(backoffice::Reception(db, clock).cancelBooking(bookingId, by));
                         return nlohmann::json{{"id", bookingId}, {"status", "cancelled"}};
                     })
        ->add_option("id", bookingId, "the booking's id")
        ->required();

    std::string blockStore, blockName, blockCompany, blockReason;
    auto* visitorCmd = app.add_subcommand("visitor", "the visitor block list")->require_subcommand(1);
    auto* blockCmd = receptionCommand(*visitorCmd, "block", "put a visitor on the block list (the desk is alerted discreetly)",
                                      [&](core::Database& db, const core::Clock& clock) -> core::Result<nlohmann::json> {
                                          FD_ASSIGN(auto id, backoffice::Reception(db, clock)
                                                                 .block(blockStore, blockName, blockCompany, blockReason, by));
                                          return nlohmann::json{{"id", id}};
                                      });
    blockCmd->add_option("--store", blockStore, "store id")->required();
    blockCmd->add_option("--name", blockName, "the visitor's name")->required();
    blockCmd->add_option("--company", blockCompany, "their company");
    blockCmd->add_option("--reason", blockReason, "why (kept in the back office)")->required();
    blockCmd->add_option("--by", by, "who blocks")->required();

    std::string reportDb = "frontdesk-backoffice.db";
    bool json = false;
    bool csv = false;
    std::string stockStore, stockSku;
    const auto reportCommand = [&](CLI::App& parent, const char* name, const char* what) {
        auto* cmd = parent.add_subcommand(name, what);
        cmd->add_option("--db", reportDb, "the back-office database")->capture_default_str();
        cmd->add_flag("--json", json, "one line of JSON");
        return cmd;
    };
    auto* reportCmd = app.add_subcommand("report", "reports")->require_subcommand(1);
    // Reports that can also be written as CSV (report_csv.h) with --csv.
    const auto exportable = [&](CLI::App* cmd) {
        cmd->add_flag("--csv", csv, "CSV (RFC 4180, a header row) instead of JSON")->excludes(cmd->get_option("--json"));
        return cmd;
    };
    exportable(reportCommand(*reportCmd, "trial-balance", "the trial balance per currency"))->callback([&] {
        action = [&] {
            return exportReport(reportDb, json, csv, backoffice::trialBalanceReport, backoffice::trialBalanceCsv);
        };
    });
    reportCommand(app, "terminals", "per terminal: last seq, gaps, dead letters")->callback([&] {
        action = [&] { return report(reportDb, json, backoffice::terminalsReport); };
    });
    reportCommand(app, "dead-letters", "events that could not be applied, with their reasons")->callback([&] {
        action = [&] { return report(reportDb, json, [](core::Database& db) { return backoffice::deadLettersReport(db); }); };
    });
    reportCommand(*reportCmd, "shifts", "every shift: expected and counted cash, variance, status, missing events")
        ->callback([&] { action = [&] { return report(reportDb, json, backoffice::shiftsReport); }; });
    backoffice::Reconciliation settlement;
    const auto settleCommand = [&](const char* name, const char* what, bool dispute) {
        auto* cmd = reportCommand(app, name, what);
        cmd->add_option("shift", settlement.shift, "the shift's id")->required();
        cmd->add_option("--by", settlement.by, "who does it")->required();
        cmd->add_option("--note", settlement.note, dispute ? "what is disputed" : "a note")->required(dispute);
        if (!dispute) {
            cmd->add_option("--override", settlement.overrideReason,
                            "reconcile although the terminal has missing events: why");
        }
        cmd->callback([&, dispute] { action = [&, dispute] { return settle(reportDb, settlement, dispute, json); }; });
    };
    settleCommand("reconcile", "reconcile a closed shift: posts the cash over/short", false);
    settleCommand("dispute", "mark a closed shift disputed, with a note", true);
    const auto periodCommand = [&](CLI::App& parent, const char* name, const char* what) {
        auto* cmd = reportCommand(parent, name, what);
        cmd->add_option("--store", staffStore, "store id")->required();
        cmd->add_option("--from", periodFrom, "ISO 8601 UTC, e.g. 2026-12-01T00:00:00Z")->required();
        cmd->add_option("--to", periodTo, "ISO 8601 UTC (not included)")->required();
        return cmd;
    };
    periodCommand(*reportCmd, "hours", "hours worked per employee against the rota, missing clock-outs")->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) {
                core::SystemClock clock;
                return backoffice::Staff(db, clock).hours(staffStore, periodFrom, periodTo);
            });
        };
    });
    exportable(periodCommand(*reportCmd, "journal", "every journal entry of the period with its lines"))->callback([&] {
        action = [&] {
            return exportReport(
                reportDb, json, csv,
                [&](core::Database& db) { return backoffice::journalReport(db, staffStore, periodFrom, periodTo); },
                backoffice::journalCsv);
        };
    });
    for (const auto& g : backoffice::kSalesGroupings) {
        std::string what = std::string("sales and refunds of the period, ") + g.name;
        what[what.find('-')] = ' ';
        exportable(periodCommand(*reportCmd, (std::string("sales-") + g.name).c_str(), what.c_str()))
            ->callback([&, grouping = g.grouping] {
                action = [&, grouping] {
                    return exportReport(
                        reportDb, json, csv,
                        [&](core::Database& db) {
                            return backoffice::salesReport(db, grouping, staffStore, periodFrom, periodTo);
                        },
                        backoffice::salesCsv);
                };
            });
    }
    std::string zShift;
    auto* zCmd =
        exportable(reportCommand(*reportCmd, "z", "a shift's Z report: the back office's figures beside the terminal's"));
    zCmd->add_option("shift", zShift, "the shift's id")->required();
    zCmd->callback([&] {
        action = [&] {
            return exportReport(reportDb, json, csv, [&](core::Database& db) { return backoffice::zReport(db, zShift); },
                                backoffice::zReportCsv);
        };
    });
    periodCommand(*reportCmd, "attendance", "bookings attended and missed, check-ins, visitors")->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) {
                core::SystemClock clock;
                return backoffice::Reception(db, clock).attendance(staffStore, periodFrom, periodTo);
            });
        };
    });
    periodCommand(*reportCmd, "bookings", "bookings starting in the period, with no-shows")->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) {
                core::SystemClock clock;
                return backoffice::Reception(db, clock).bookings(staffStore, periodFrom, periodTo);
            });
        };
    });
    auto* rotaCmd = app.add_subcommand("rota", "planned shifts")->require_subcommand(1);
    periodCommand(*rotaCmd, "list", "the planned shifts of a period")->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) {
                core::SystemClock clock;
                return backoffice::Staff(db, clock).rota(staffStore, periodFrom, periodTo);
            });
        };
    });
    std::string rotaEmployee, rotaNote;
    auto* planCmd = reportCommand(*rotaCmd, "plan", "plan a shift for an employee");
    planCmd->add_option("employee", rotaEmployee, "the employee's id")->required();
    planCmd->add_option("--from", periodFrom, "ISO 8601 UTC")->required();
    planCmd->add_option("--to", periodTo, "ISO 8601 UTC, at most 24 hours later")->required();
    planCmd->add_option("--note", rotaNote, "e.g. which till");
    planCmd->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) -> core::Result<nlohmann::json> {
                core::SystemClock clock;
                FD_ASSIGN(auto id, backoffice::Staff(db, clock).plan(rotaEmployee, periodFrom, periodTo, rotaNote, "cli"));
                return nlohmann::json{{"id", id}};
            });
        };
    });
    std::string reorderStore;
    backoffice::ReorderOptions reorderOptions;
    auto* reorderCmd = reportCommand(*reportCmd, "reorder", "items at or below their reorder point, with suggested orders");
    reorderCmd->add_option("--store", reorderStore, "store id")->required();
    reorderCmd->add_option("--velocity-days", reorderOptions.velocityDays, "sales rate over this many days")->capture_default_str();
    reorderCmd->add_option("--cover-days", reorderOptions.coverDays, "without a target, order this many days of sales")
        ->capture_default_str();
    reorderCmd->callback([&] {
        action = [&] {
            reorderOptions.asOf = core::SystemClock().now();
            return report(reportDb, json, [&](core::Database& db) { return backoffice::reorderReport(db, reorderStore, reorderOptions); });
        };
    });
    reportCommand(*reportCmd, "negative-stock", "every item whose on hand is below zero")->callback([&] {
        action = [&] { return report(reportDb, json, backoffice::negativeStockReport); };
    });
    auto* stockCmd = reportCommand(app, "stock", "on hand for one item");
    stockCmd->add_option("sku", stockSku, "the item's SKU")->required();
    stockCmd->add_option("--store", stockStore, "store id")->required();
    stockCmd->callback([&] {
        action = [&] {
            return report(reportDb, json, [&](core::Database& db) { return backoffice::stockReport(db, stockStore, stockSku); });
        };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    auto level = core::log::parseLevel(logLevel);
    if (!level.ok()) return failed(level.status());
    if (core::Status logging = core::log::configure({*level, core::log::Format::Text, ""}); !logging.ok()) return failed(logging);
    return action ? action() : kExitUsage;
}
