#pragma once
// What the frontdesk-backoffice commands share: the command line being built, the options every
// reading command takes, and how a command prints its result. Each group of commands registers
// itself from its own file (the add*Commands functions below); main.cpp only wires them.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/status.h"

namespace frontdesk::backoffice::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

// Prints the error on stderr; kExitFailed.
int failed(const core::Status& status);

using MakeJson = std::function<core::Result<nlohmann::json>(core::Database&)>;
using ToCsv = core::Result<std::string> (*)(const nlohmann::json&);

// Opens the back-office database, makes the result and prints it: one line of JSON with json,
// otherwise the same indented for people.
int report(const std::string& dbPath, bool json, const MakeJson& make);
// As report(), or with csv as CSV (report_csv.h), written as it is.
int exportReport(const std::string& dbPath, bool json, bool csv, const MakeJson& make, ToCsv toCsv);

class Cli {
public:
    Cli() { app.require_subcommand(1); }

    CLI::App app{"Frontdesk back office"};
    std::function<int()> action;  // what the parsed command runs
    core::SystemClock clock;

    // The options of the commands that read or write through report(): only one command is
    // parsed, so they share one set.
    struct ReportOptions {
        std::string db = "frontdesk-backoffice.db";
        bool json = false;
        bool csv = false;
        std::string store, from, to;
    };
    ReportOptions options;

    // Storage for a group's option values, which CLI11 writes while parsing: it lives as long as
    // the Cli.
    template <typename T>
    T& keep() {
        auto value = std::make_shared<T>();
        m_kept.push_back(value);
        return *value;
    }

    // `report`, the parent of the reports (made on first use).
    CLI::App& reports();
    // A command with --db and --json.
    CLI::App* command(CLI::App& parent, const char* name, const char* what);
    // Makes cmd print what make returns (report()) when it is the command parsed.
    CLI::App* printing(CLI::App* cmd, MakeJson make);
    // printing(command(...)).
    CLI::App* jsonCommand(CLI::App& parent, const char* name, const char* what, MakeJson make) {
        return printing(command(parent, name, what), std::move(make));
    }
    // command() with --store, --from and --to (ISO 8601 UTC, the end not included).
    CLI::App* periodCommand(CLI::App& parent, const char* name, const char* what);
    // Adds --csv to a command: the report written with toCsv instead of JSON.
    CLI::App* exportable(CLI::App* cmd, MakeJson make, ToCsv toCsv);
    // Makes run the action when cmd is the command parsed.
    void onRun(CLI::App* cmd, std::function<int()> run);

private:
    std::vector<std::shared_ptr<void>> m_kept;
    CLI::App* m_reports = nullptr;
};

// serve, store, catalog, user: setting up and running the back office.
void addSetupCommands(Cli& cli);
// employee, rota, report hours.
void addStaffCommands(Cli& cli);
// inventory, stock, report reorder and negative-stock.
void addInventoryCommands(Cli& cli);
// customer, member, booking, visitor, report attendance and bookings.
void addReceptionCommands(Cli& cli);
// The ledger and the terminals: trial balance, journal, sales, Z, shifts, reconcile and dispute,
// terminals, dead letters.
void addLedgerCommands(Cli& cli);

}  // namespace frontdesk::backoffice::cli
