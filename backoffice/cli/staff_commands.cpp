// employee, rota and report hours: the staff the terminals know, their planned shifts, and the
// hours they worked.
#include <iostream>

#include "backoffice/backoffice_db.h"
#include "backoffice/staff.h"
#include "cli.h"

namespace frontdesk::backoffice::cli {
namespace {

struct EmployeeOptions {
    EmployeeChange change;
    bool pinFromStdin = false;
    bool inactive = false;
    std::string badge;
};

// --pin-stdin: the PIN comes on stdin (one line), never on the command line.
int employeeSave(Cli& cli, EmployeeChange change, bool pinFromStdin) {
    if (pinFromStdin) {
        std::string pin;
        std::getline(std::cin, pin);
        change.pin = pin;
    }
    return report(cli.options.db, cli.options.json, [&](core::Database& db) -> core::Result<nlohmann::json> {
        Staff staff(db, cli.clock);
        FD_TRY(staff.save(change, "cli"));
        FD_ASSIGN(auto version, staff.latestDataset(change.store));
        return nlohmann::json{{"employee", change.id}, {"staff_version", version ? version->first : 0}};
    });
}

core::Result<nlohmann::json> employeeList(core::Database& db, const core::Clock& clock, const std::string& store) {
    FD_ASSIGN(auto list, Staff(db, clock).list(store));
    nlohmann::json employees = nlohmann::json::array();
    for (const auto& e : list) {
        employees.push_back({{"id", e.id},
                             {"name", e.name},
                             {"role", e.role},
                             {"active", e.active},
                             {"has_pin", e.hasPin},
                             {"has_badge", e.hasBadge},
                             {"updated_at", e.updatedAt}});
    }
    return nlohmann::json{{"store", store}, {"employees", employees}};
}

}  // namespace

void addStaffCommands(Cli& cli) {
    auto& o = cli.options;
    auto& employee = cli.keep<EmployeeOptions>();
    auto* employeeCmd =
        cli.app.add_subcommand("employee", "the store's staff, published to its terminals")->require_subcommand(1);
    auto* saveCmd = cli.command(*employeeCmd, "save", "add an employee or change one: a new staff version");
    saveCmd->add_option("id", employee.change.id, "the staff id the terminals know")->required();
    saveCmd->add_option("--store", employee.change.store, "store id")->required();
    saveCmd->add_option("--name", employee.change.name, "the name shown at the terminals")->required();
    saveCmd->add_option("--role", employee.change.role, "cashier, supervisor, manager, receptionist, clerk or admin")
        ->required();
    saveCmd->add_flag("--pin-stdin", employee.pinFromStdin, "read a new PIN (4-12 digits) from stdin");
    saveCmd->add_option("--badge", employee.badge, "the badge id (\"\" removes it)");
    saveCmd->add_flag("--inactive", employee.inactive, "take the employee off the terminals");
    cli.onRun(saveCmd, [&cli, &employee, saveCmd] {
        if (saveCmd->count("--badge")) employee.change.badge = employee.badge;
        employee.change.active = !employee.inactive;
        return employeeSave(cli, employee.change, employee.pinFromStdin);
    });
    cli.jsonCommand(*employeeCmd, "list", "the store's employees",
                    [&cli](core::Database& db) { return employeeList(db, cli.clock, cli.options.store); })
        ->add_option("--store", cli.options.store, "store id")
        ->required();

    auto* rotaCmd = cli.app.add_subcommand("rota", "planned shifts")->require_subcommand(1);
    cli.printing(cli.periodCommand(*rotaCmd, "list", "the planned shifts of a period"), [&cli](core::Database& db) {
        return Staff(db, cli.clock).rota(cli.options.store, cli.options.from, cli.options.to);
    });
    auto& plan = cli.keep<std::pair<std::string, std::string>>();  // employee, note
    auto* planCmd = cli.command(*rotaCmd, "plan", "plan a shift for an employee");
    planCmd->add_option("employee", plan.first, "the employee's id")->required();
    planCmd->add_option("--from", o.from, "ISO 8601 UTC")->required();
    planCmd->add_option("--to", o.to, "ISO 8601 UTC, at most 24 hours later")->required();
    planCmd->add_option("--note", plan.second, "e.g. which till");
    cli.printing(planCmd, [&cli, &plan](core::Database& db) -> core::Result<nlohmann::json> {
        FD_ASSIGN(auto id, Staff(db, cli.clock).plan(plan.first, cli.options.from, cli.options.to, plan.second, "cli"));
        return nlohmann::json{{"id", id}};
    });

    cli.printing(
        cli.periodCommand(cli.reports(), "hours", "hours worked per employee against the rota, missing clock-outs"),
        [&cli](core::Database& db) {
            return Staff(db, cli.clock).hours(cli.options.store, cli.options.from, cli.options.to);
        });
}

}  // namespace frontdesk::backoffice::cli
