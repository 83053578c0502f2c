// frontdesk-kiosk: the till. With --headless it drives the engine from JSON lines (a script file
// or stdin) and prints one JSON result per line.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "core/clock.h"
#include "kiosk/headless.h"
#include "kiosk/json_text.h"
#include "kiosk/payment.h"
#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till.h"

using namespace frontdesk;

int main(int argc, char** argv) {
    CLI::App app{"Frontdesk kiosk: point of sale and reception terminal"};
    bool headless = false;
    std::string dbPath = "frontdesk-terminal.db";
    std::string seedPath;
    std::string scriptPath;
    std::string clockAt;
    bool pretty = false;
    app.add_flag("--headless", headless, "drive the engine from JSON lines instead of the touchscreen UI");
    app.add_option("--db", dbPath, "terminal database file (created if missing)");
    app.add_option("--seed", seedPath, "provision the terminal from a seed JSON file before starting");
    app.add_option("--script", scriptPath, "JSON-lines action script (default: stdin)");
    app.add_option("--clock", clockAt, "run on a fixed simulated clock starting at this UTC time (demos, tests)");
    app.add_flag("--pretty", pretty, "print a short text line per action instead of JSON");
    CLI11_PARSE(app, argc, argv);

    if (!headless) {
        std::cerr << "frontdesk-kiosk: this build has the headless engine only; run with --headless\n";
        return 2;
    }
    std::unique_ptr<core::Clock> clock;
    if (!clockAt.empty()) {
        auto start = core::parseIso8601(clockAt);
        if (!start.ok()) {
            std::cerr << "frontdesk-kiosk: --clock: " << start.status().message() << "\n";
            return 2;
        }
        clock = std::make_unique<core::FakeClock>(*start);
    } else {
        clock = std::make_unique<core::SystemClock>();
    }
    auto db = kiosk::openTerminalDb(dbPath);
    if (!db.ok()) {
        std::cerr << "frontdesk-kiosk: " << db.status().toString() << "\n";
        return 1;
    }
    if (!seedPath.empty()) {
        auto report = kiosk::importSeedFile(**db, *clock, seedPath);
        if (!report.ok()) {
            std::cerr << "frontdesk-kiosk: " << report.status().toString() << "\n";
            return 1;
        }
        const nlohmann::json imported{{"ok", true}, {"action", "seed"}, {"imported", report->toJson()}};
        std::cout << (pretty ? kiosk::describeResult({}, imported, core::Currency{}) : kiosk::jsonText(imported)) << "\n";
    }
    kiosk::FakePaymentAdapter payments;  // the simulated payment terminal until a real one is configured
    auto till = kiosk::Till::open(**db, *clock, payments);
    if (!till.ok()) {
        std::cerr << "frontdesk-kiosk: " << till.status().toString() << "\n";
        return 1;
    }
    kiosk::HeadlessDriver driver(**till, &payments);
    int failures = 0;
    if (scriptPath.empty()) {
        failures = driver.run(std::cin, std::cout, pretty);
    } else {
        std::ifstream script(scriptPath);
        if (!script) {
            std::cerr << "frontdesk-kiosk: cannot read script " << scriptPath << "\n";
            return 1;
        }
        failures = driver.run(script, std::cout, pretty);
    }
    // Failed actions are reported in their result lines; the exit code says whether any failed.
    return failures == 0 ? 0 : 3;
}
