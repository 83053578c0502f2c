// The ledger and the terminals: trial balance, journal, sales, Z reports (each also as CSV),
// shifts with reconcile and dispute, terminals and dead letters.
#include <iostream>

#include "backoffice/backoffice_db.h"
#include "backoffice/reconciliation.h"
#include "backoffice/report_csv.h"
#include "backoffice/reports.h"
#include "backoffice/sales_reports.h"
#include "cli.h"

namespace frontdesk::backoffice::cli {
namespace {

// reconcile / dispute: prints the shift's figures as they stand after it.
int settle(const Cli& cli, Reconciliation r, bool dispute) {
    auto db = openBackOfficeDb(cli.options.db, false);
    if (!db.ok()) return failed(db.status());
    r.at = core::formatIso8601(cli.clock.now());
    auto figures = dispute ? disputeShift(**db, r) : reconcileShift(**db, r);
    if (!figures.ok()) return failed(figures.status());
    std::cout << (cli.options.json ? figures->toJson().dump() : figures->toJson().dump(2)) << "\n";
    return kExitOk;
}

struct LedgerOptions {
    Reconciliation settlement;
    std::string shift;  // of the Z report
};

}  // namespace

void addLedgerCommands(Cli& cli) {
    auto& o = cli.keep<LedgerOptions>();
    const auto& p = cli.options;
    CLI::App& reports = cli.reports();
    cli.exportable(cli.command(reports, "trial-balance", "the trial balance per currency"), trialBalanceReport,
                   trialBalanceCsv);
    cli.exportable(
        cli.periodCommand(reports, "journal", "every journal entry of the period with its lines"),
        [&p](core::Database& db) { return journalReport(db, p.store, p.from, p.to); }, journalCsv);
    for (const auto& g : kSalesGroupings) {
        std::string what = std::string("sales and refunds of the period, ") + g.name;
        what[what.find('-')] = ' ';
        cli.exportable(
            cli.periodCommand(reports, (std::string("sales-") + g.name).c_str(), what.c_str()),
            [&p, grouping = g.grouping](core::Database& db) {
                return salesReport(db, grouping, p.store, p.from, p.to);
            },
            salesCsv);
    }
    cli.exportable(
           cli.command(reports, "z", "a shift's Z report: the back office's figures beside the terminal's"),
           [&o](core::Database& db) { return zReport(db, o.shift); }, zReportCsv)
        ->add_option("shift", o.shift, "the shift's id")
        ->required();
    cli.jsonCommand(reports, "shifts", "every shift: expected and counted cash, variance, status, missing events",
                    shiftsReport);

    const auto settleCommand = [&cli, &o](const char* name, const char* what, bool dispute) {
        auto* cmd = cli.command(cli.app, name, what);
        cmd->add_option("shift", o.settlement.shift, "the shift's id")->required();
        cmd->add_option("--by", o.settlement.by, "who does it")->required();
        cmd->add_option("--note", o.settlement.note, dispute ? "what is disputed" : "a note")->required(dispute);
        if (!dispute) {
            cmd->add_option("--override", o.settlement.overrideReason,
                            "reconcile although the terminal has missing events: why");
        }
        cli.onRun(cmd, [&cli, &o, dispute] { return settle(cli, o.settlement, dispute); });
    };
    settleCommand("reconcile", "reconcile a closed shift: posts the cash over/short", false);
    settleCommand("dispute", "mark a closed shift disputed, with a note", true);
    cli.jsonCommand(cli.app, "terminals", "per terminal: last seq, gaps, dead letters", terminalsReport);
    cli.jsonCommand(cli.app, "dead-letters", "events that could not be applied, with their reasons",
                    [](core::Database& db) { return deadLettersReport(db); });
}

}  // namespace frontdesk::backoffice::cli
