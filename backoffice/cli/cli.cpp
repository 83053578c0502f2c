#include "cli.h"

#include <iostream>

#include "backoffice/backoffice_db.h"

namespace frontdesk::backoffice::cli {

int failed(const core::Status& status) {
    std::cerr << "frontdesk-backoffice: " << status.toString() << "\n";
    return kExitFailed;
}

int report(const std::string& dbPath, bool json, const MakeJson& make) {
    auto db = openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    auto result = make(**db);
    if (!result.ok()) return failed(result.status());
    std::cout << (json ? result->dump() : result->dump(2)) << "\n";
    return kExitOk;
}

int exportReport(const std::string& dbPath, bool json, bool csv, const MakeJson& make, ToCsv toCsv) {
    if (!csv) return report(dbPath, json, make);
    auto db = openBackOfficeDb(dbPath, false);
    if (!db.ok()) return failed(db.status());
    auto result = make(**db);
    auto text = result.ok() ? toCsv(*result) : core::Result<std::string>(result.status());
    if (!text.ok()) return failed(text.status());
    std::cout << *text;
    return kExitOk;
}

CLI::App& Cli::reports() {
    if (!m_reports) m_reports = app.add_subcommand("report", "reports")->require_subcommand(1);
    return *m_reports;
}

CLI::App* Cli::command(CLI::App& parent, const char* name, const char* what) {
    auto* cmd = parent.add_subcommand(name, what);
    cmd->add_option("--db", options.db, "the back-office database")->capture_default_str();
    cmd->add_flag("--json", options.json, "one line of JSON");
    return cmd;
}

CLI::App* Cli::printing(CLI::App* cmd, MakeJson make) {
    onRun(cmd, [this, make] { return report(options.db, options.json, make); });
    return cmd;
}

CLI::App* Cli::periodCommand(CLI::App& parent, const char* name, const char* what) {
    auto* cmd = command(parent, name, what);
    cmd->add_option("--store", options.store, "store id")->required();
    cmd->add_option("--from", options.from, "ISO 8601 UTC, e.g. 2026-12-01T00:00:00Z")->required();
    cmd->add_option("--to", options.to, "ISO 8601 UTC (not included)")->required();
    return cmd;
}

CLI::App* Cli::exportable(CLI::App* cmd, MakeJson make, ToCsv toCsv) {
    cmd->add_flag("--csv", options.csv, "CSV (RFC 4180, a header row) instead of JSON")
        ->excludes(cmd->get_option("--json"));
    onRun(cmd, [this, make, toCsv] { return exportReport(options.db, options.json, options.csv, make, toCsv); });
    return cmd;
}

void Cli::onRun(CLI::App* cmd, std::function<int()> run) {
    cmd->callback([this, run] { action = run; });
}

}  // namespace frontdesk::backoffice::cli
