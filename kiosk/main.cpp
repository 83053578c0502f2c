// frontdesk-kiosk: the till. With --headless it drives the engine from JSON lines (a script file
// or stdin) and prints one JSON result per line.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "core/bounded_input.h"
#include "core/clock.h"
#include "core/log.h"
#include "kiosk/headless.h"
#ifdef FRONTDESK_APP
#include <unistd.h>

#include "kiosk/app/kiosk_app.h"
#endif
#include "kiosk/json_text.h"
#include "kiosk/master_data.h"
#include "kiosk/outbox_source.h"
#include "kiosk/payment.h"
#include "kiosk/receipts/till_printer.h"
#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till.h"
#include "sync/broker_credentials.h"
#include "sync/relay.h"

using namespace frontdesk;

namespace {

// The clock the till runs on: the system's, or a simulated one fixed at `at` (demos, tests).
std::unique_ptr<core::Clock> makeClock(const std::string& at) {
    if (at.empty()) return std::make_unique<core::SystemClock>();
    auto start = core::parseIso8601(at);
    if (!start.ok()) {
        std::cerr << "frontdesk-kiosk: --clock: " << start.status().message() << "\n";
        return nullptr;
    }
    return std::make_unique<core::FakeClock>(*start);
}

// Provisions from a seed file and prints what was imported, as the first result line.
core::Status importSeed(core::Database& db, const core::Clock& clock, const std::string& path, bool pretty) {
    auto report = kiosk::importSeedFile(db, clock, path);
    if (!report.ok()) return report.status();
    const nlohmann::json imported{{"ok", true}, {"action", "seed"}, {"imported", report->toJson()}};
    std::cout << (pretty ? kiosk::describeResult({}, imported, core::Currency{}) : kiosk::jsonText(imported)) << "\n";
    return {};
}

// The terminal database: provisioned from the seed file (created if missing, and removed again if
// that fails), or without one an existing, provisioned database only. A refused start leaves the
// file system as it found it.
// integrity: Quick, or None when the touchscreen checks it after its first frame.
core::Result<std::unique_ptr<core::Database>> openDatabase(const std::string& dbPath, const std::string& seedPath,
                                                           const core::Clock& clock, bool pretty,
                                                           core::IntegrityCheck integrity) {
    if (!seedPath.empty()) {
        return kiosk::provisionTerminalDb(dbPath,
                                          [&](core::Database& db) { return importSeed(db, clock, seedPath, pretty); });
    }
    auto db = kiosk::openTerminalDb(dbPath, core::OpenOptions{.integrity = integrity, .create = false});
    if (!db.ok() && db.status().kind() == core::ErrorKind::NotFound) {
        return core::Status(core::ErrorKind::NotFound, db.status().message() + " (provision a terminal with --seed)");
    }
    return db;
}

// Where and as whom the relay connects: the terminal's entry of the store's credentials file,
// with --broker HOST:PORT overriding the address in it.
struct SyncOptions {
    std::string credentials;
    std::string terminalUser;
    std::string broker;
    int waitSeconds = 0;  // before exiting, for the back office to acknowledge every event
    bool enabled() const { return !credentials.empty(); }
};

// A script or a demo that ends, not a till: a till's outbox simply waits for its next start.
// Counts in the terminal database itself, which the relay marks as the acks arrive. Says what is
// still unacknowledged after the wait; it stays in the outbox, safe.
void awaitAcknowledged(core::Database& db, int seconds) {
    const auto unacknowledged = [&db]() -> std::int64_t {
        auto count = db.cached("SELECT count(*) FROM outbox WHERE synced_at IS NULL");
        if (!count.ok()) return -1;
        std::int64_t n = -1;
        (void)(*count)->firstRow([&n](const core::Statement& row) { n = row.int64(0); }, "");
        return n;
    };
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (unacknowledged() != 0 && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (const auto left = unacknowledged(); left != 0) {
        std::cerr << "frontdesk-kiosk: " << (left < 0 ? std::string("some") : std::to_string(left))
                  << " events not acknowledged by the back office after " << seconds
                  << " s: they stay in the outbox for the next start\n";
    }
}

core::Result<sync::RelayOptions> relayOptions(const SyncOptions& wanted, const kiosk::TerminalSettings& settings) {
    FD_ASSIGN(auto login, sync::readBrokerLogin(wanted.credentials,
                                                wanted.terminalUser.empty() ? settings.terminal : wanted.terminalUser));
    if (login.store != settings.store || login.username != sync::clientId({settings.store, settings.terminal})) {
        return core::invalidArgument("the credentials are for " + login.username + ", this terminal is " +
                                     sync::clientId({settings.store, settings.terminal}));
    }
    sync::RelayOptions options;
    options.address = {settings.store, settings.terminal};
    options.broker = {login.host, login.port};
    options.username = login.username;
    options.password = login.password;
    options.softwareVersion = FRONTDESK_VERSION;
    if (!wanted.broker.empty()) {
        FD_ASSIGN(options.broker, sync::parseBrokerAddress(wanted.broker));
    }
    return options;
}

// Sync with the back office: the relay delivers the outbox and brings master data and the
// terminal's configuration, which MasterData keeps and applies; each on its own connection.
struct Sync {
    std::unique_ptr<kiosk::MasterData> masterData;
    std::unique_ptr<sync::OutboxRelay> relay;  // declared last: stops first
};

// Starts sync, and lets the driver see its status: the relay's, with master data's under
// "master_data".
core::Result<Sync> startSync(const SyncOptions& wanted, const std::string& dbPath, kiosk::Till& till,
                             const core::Clock& clock, kiosk::HeadlessDriver& driver) {
    FD_ASSIGN(auto options, relayOptions(wanted, till.settings()));
    FD_ASSIGN(auto source, kiosk::OutboxSource::open(dbPath, clock));
    Sync sync;
    FD_ASSIGN(sync.masterData, kiosk::MasterData::open(dbPath, clock, till.boundary()));
    sync.masterData->start();
    kiosk::MasterData* data = sync.masterData.get();
    sync::RelayHandlers handlers;
    handlers.datasets = data;
    // A refused configuration is reported in the status; the kept one stays in force.
    handlers.config = [data](const std::string& payload) { (void)data->storeConfig(payload); };
    // Commands other than resend (which the relay acts on itself) are recorded in the log; the
    // headless till has none of its own to act on (lock and reprint belong to the touchscreen).
    handlers.command = [](const std::string& payload) {
        const auto command = nlohmann::json::parse(payload, nullptr, false);
        const std::string name = command.is_object() && command.value("cmd", nlohmann::json()).is_string()
                                     ? core::excerpt(command["cmd"].get<std::string>())
                                     : "?";
        core::log::info("kiosk", "command received", {{"cmd", name}});
    };
    sync.relay = std::make_unique<sync::OutboxRelay>(std::move(options), std::move(source), clock, std::move(handlers));
    FD_TRY(sync.relay->start());
    sync::OutboxRelay* relay = sync.relay.get();
    driver.setSync({[relay, data] {
                        auto status = sync::syncStatusJson(relay->status());
                        status["master_data"] = data->status().toJson();
                        return status;
                    },
                    [relay](std::chrono::milliseconds wait) { return relay->waitUntilDrained(wait); }});
    return sync;
}

// The till's printer, and what the headless driver prints through it: the receipt after each
// commit, copies, shift reports and visitor badges, each waited for at most --print-wait seconds.
core::Result<std::unique_ptr<kiosk::receipts::TillPrinter>> startPrinter(const kiosk::receipts::TillPrinterOptions& o,
                                                                         kiosk::Till& till,
                                                                         kiosk::HeadlessDriver& driver) {
    FD_ASSIGN(auto printer, kiosk::receipts::TillPrinter::open(o, till.settings()));
    kiosk::receipts::TillPrinter* p = printer.get();
    kiosk::PrintProbe probe;
    probe.sale = [p](const kiosk::Committed& committed, const std::string& staff, bool copy) {
        return p->sale(committed, staff, copy).toJson();
    };
    probe.report = [p](const kiosk::ShiftReport& report, const std::string& staff) {
        return p->report(report, staff).toJson();
    };
    probe.badge = [p](const kiosk::Visit& visit) { return p->badge(visit).toJson(); };
    probe.ticket = [p](const kiosk::Ticket& ticket) { return p->ticket(ticket).toJson(); };
    probe.drawer = [p] { return p->drawer().toJson(); };
    probe.status = [p] { return p->status(); };
    driver.setPrinter(std::move(probe));
    return printer;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Frontdesk kiosk: point of sale and reception terminal"};
    bool headless = false;
    std::string dbPath = "frontdesk-terminal.db";
    std::string seedPath;
    std::string scriptPath;
    std::string clockAt;
    bool pretty = false;
    app.add_flag("--headless", headless, "drive the engine from JSON lines instead of the touchscreen UI");
    app.add_option("--db", dbPath, "terminal database file (created only when provisioning with --seed)");
    app.add_option("--seed", seedPath, "provision the terminal from a seed JSON file before starting");
    app.add_option("--script", scriptPath, "JSON-lines action script (default: stdin)");
    app.add_option("--clock", clockAt, "run on a fixed simulated clock starting at this UTC time (demos, tests)");
    app.add_flag("--pretty", pretty, "print a short text line per action instead of JSON");
    SyncOptions syncWanted;
    app.add_option("--credentials", syncWanted.credentials,
                   "sync with the back office: the store's broker credentials file (frontdesk-tool broker init)");
    app.add_option("--terminal-user", syncWanted.terminalUser,
                   "this terminal's entry in the credentials file "
                   "(default: the terminal id)");
    app.add_option("--broker", syncWanted.broker, "the broker as HOST:PORT (default: the one in the credentials file)");
    app.add_option("--sync-wait", syncWanted.waitSeconds,
                   "before exiting, wait up to this many seconds for the back office to acknowledge every event")
        ->check(CLI::Range(0, 3600));
    std::string mode;  // "": the terminal configuration's, else cashier
    app.add_option("--mode", mode,
                   "the touchscreen's mode: cashier, reception or self-service (default: the terminal "
                   "configuration's, else cashier)")
        ->check(CLI::IsMember({"cashier", "reception", "self-service"}));
#ifdef FRONTDESK_APP
    kiosk::app::AppOptions appWanted;
    std::filesystem::path selfTestDir;
    app.add_flag("--self-test", appWanted.selfTest,
                 "load every screen offscreen on a fresh terminal from --seed; exit 1 on any QML warning");
    app.add_option("--screenshots", appWanted.screenshots, "with --self-test: write each screen as NAME.png here")
        ->check(CLI::ExistingDirectory);
    app.add_option("--demo-session", appWanted.demoSession,
                   "run the demo's session at the touchscreen offscreen on a fresh terminal from --seed, a screenshot "
                   "per step in this folder")
        ->check(CLI::ExistingDirectory);
    app.add_flag("--first-frame", appWanted.firstFrame,
                 "start offscreen, print the time to the first frame and the peak memory, and exit");
    bool noKeyboard = false;
    app.add_flag("--no-on-screen-keyboard", noKeyboard, "no on-screen keyboard: the till has a keyboard of its own");
    app.add_option("--language", appWanted.language, "the screens' language: en, or fa (Persian, right to left)")
        ->capture_default_str()
        ->check(CLI::IsMember({"en", "fa"}));
    app.add_option("--lock-after", appWanted.lockAfterSeconds,
                   "seconds without input before the till locks (self-service: returns to its welcome); 0 never")
        ->capture_default_str()
        ->check(CLI::Range(0, 86400));
#endif
    kiosk::receipts::TillPrinterOptions printerWanted;
    int printWaitSeconds = 10;
    app.add_option(
        "--printer", printerWanted.address,
        "receipt printer: tcp://HOST:PORT, usb:VID:PID, usb:, cups:QUEUE, serial:DEVICE[@BAUD] or file:PATH");
    app.add_option("--printer-model", printerWanted.model, "the printer's profile (frontdesk-tool printer profiles)")
        ->capture_default_str();
    app.add_option("--receipt-language", printerWanted.language, "en or fa")->capture_default_str();
    app.add_option("--print-wait", printWaitSeconds, "seconds an action waits for its receipt to print")
        ->capture_default_str()
        ->check(CLI::Range(1, 120));
    std::string logLevel = "info";
    std::string logFile;
    bool logJson = false;
    app.add_option("--log-level", logLevel, "debug, info, warn, error or off")->capture_default_str();
    app.add_option("--log-file", logFile, "write the log here (rotated at 10 MiB) instead of to stderr");
    app.add_flag("--log-json", logJson, "write the log as JSON lines");
    CLI11_PARSE(app, argc, argv);

    auto level = core::log::parseLevel(logLevel);
    if (!level.ok()) {
        std::cerr << "frontdesk-kiosk: --log-level: " << level.status().message() << "\n";
        return 2;
    }
    if (core::Status logging =
            core::log::configure({*level, logJson ? core::log::Format::JsonLines : core::log::Format::Text, logFile});
        !logging.ok()) {
        std::cerr << "frontdesk-kiosk: " << logging.message() << "\n";
        return 2;
    }

    if (!syncWanted.broker.empty() && !syncWanted.enabled()) {
        std::cerr << "frontdesk-kiosk: --broker needs --credentials (the broker refuses anonymous clients)\n";
        return 2;
    }
#ifndef FRONTDESK_APP
    if (!headless) {
        std::cerr << "frontdesk-kiosk: this build has the headless engine only; run with --headless\n";
        return 2;
    }
#else
    appWanted.onScreenKeyboard = !noKeyboard;
    if (appWanted.selfTest || !appWanted.demoSession.empty()) {
        if (headless || seedPath.empty()) {
            std::cerr << "frontdesk-kiosk: --self-test and --demo-session run the touchscreen on a fresh terminal: "
                         "give --seed (demo/seed.json will do), not --headless\n";
            return 2;
        }
        // A terminal of its own: a self-test never touches the till's database.
        selfTestDir = std::filesystem::temp_directory_path() / ("frontdesk-self-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(selfTestDir);
        std::filesystem::create_directories(selfTestDir);
        dbPath = (selfTestDir / "terminal.db").string();
    }
#endif
    auto clock = makeClock(clockAt);
    if (!clock) return 2;
    // The touchscreen opens its database unchecked and checks it once its first frame is up; a
    // script, the self-test and a provisioning check it at open.
    bool deferCheck = false;
#ifdef FRONTDESK_APP
    deferCheck = !headless && seedPath.empty();
#endif
    auto db = openDatabase(dbPath, seedPath, *clock, pretty,
                           deferCheck ? core::IntegrityCheck::None : core::IntegrityCheck::Quick);
    if (!db.ok()) {
        std::cerr << "frontdesk-kiosk: " << db.status().toString() << "\n";
        return 1;
    }
    kiosk::FakePaymentAdapter payments;  // the simulated payment terminal until a real one is configured
    auto till = kiosk::Till::open(**db, *clock, payments);
    if (!till.ok()) {
        std::cerr << "frontdesk-kiosk: " << till.status().toString() << "\n";
        return 1;
    }
    kiosk::HeadlessDriver driver(**till, &payments);
    Sync sync;  // stops before the till and the database close
    if (syncWanted.enabled()) {
        auto started = startSync(syncWanted, dbPath, **till, *clock, driver);
        if (!started.ok()) {
            std::cerr << "frontdesk-kiosk: sync: " << started.status().toString() << "\n";
            return 1;
        }
        sync = std::move(started).value();
        core::log::info("kiosk", "syncing with the back office",
                        {{"store", (*till)->settings().store}, {"terminal", (*till)->settings().terminal}});
    }
    std::unique_ptr<kiosk::receipts::TillPrinter> printer;  // closes before the till
    if (!printerWanted.address.empty()) {
        printerWanted.wait = std::chrono::seconds(printWaitSeconds);
        auto started = startPrinter(printerWanted, **till, driver);
        if (!started.ok()) {
            std::cerr << "frontdesk-kiosk: --printer: " << started.status().toString() << "\n";
            return 2;
        }
        printer = std::move(started).value();
    }
    std::ifstream script;
    if (!scriptPath.empty()) {
        script.open(scriptPath);
        if (!script) {
            std::cerr << "frontdesk-kiosk: cannot read script " << scriptPath << "\n";
            return 1;
        }
    }
#ifdef FRONTDESK_APP
    if (!headless) {
        // --mode, else what the back office configured for this terminal, else a till.
        auto configured = kiosk::configuredMode(**db);
        if (!configured.ok() && mode.empty()) {
            std::cerr << "frontdesk-kiosk: " << configured.status().message() << ": give --mode\n";
            return 1;
        }
        appWanted.mode = !mode.empty() ? mode : *configured ? **configured : "cashier";
        core::log::info("kiosk", "touchscreen", {{"mode", appWanted.mode}});
        std::function<frontdesk::sync::SyncStatus()> syncStatus;
        if (sync.relay) syncStatus = [relay = sync.relay.get()] { return relay->status(); };
        const int code = kiosk::app::runKioskApp(
            argc, argv, {**till, *clock, &payments, printer.get(), syncStatus, deferCheck ? dbPath : ""}, appWanted);
        if (sync.relay) awaitAcknowledged(**db, syncWanted.waitSeconds);
        if (!selfTestDir.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(selfTestDir, ignored);
        }
        return code;
    }
#endif
    const int failures = driver.run(scriptPath.empty() ? std::cin : script, std::cout, pretty);
    if (sync.relay) awaitAcknowledged(**db, syncWanted.waitSeconds);
    // Failed actions are reported in their result lines; the exit code says whether any failed.
    return failures == 0 ? 0 : 3;
}
