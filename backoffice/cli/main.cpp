// frontdesk-backoffice: the back office. `serve` takes in the store's terminal events; the other
// commands configure it and print reports, safe to run while `serve` runs (docs/backoffice.md).
// Each group of commands lives in its own file (cli.h).
#include "cli.h"
#include "core/log.h"

using namespace frontdesk;
using namespace frontdesk::backoffice::cli;

int main(int argc, char** argv) {
    Cli cli;
    std::string logLevel = "info";
    cli.app.add_option("--log-level", logLevel, "debug, info, warn, error or off")->capture_default_str();
    addSetupCommands(cli);
    addStaffCommands(cli);
    addInventoryCommands(cli);
    addReceptionCommands(cli);
    addLedgerCommands(cli);
    try {
        cli.app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    auto level = core::log::parseLevel(logLevel);
    if (!level.ok()) return failed(level.status());
    if (core::Status logging = core::log::configure({*level, core::log::Format::Text, ""}); !logging.ok()) {
        return failed(logging);
    }
    return cli.action ? cli.action() : kExitUsage;
}
