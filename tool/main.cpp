// frontdesk-tool: the operator's command line. main only builds the command tree from the command
// groups (command.h) and runs the one chosen.
#include <iostream>

#include "command.h"

int main(int argc, char** argv) {
    using namespace frontdesk::tool;
    CLI::App app{"Frontdesk operator tool: set up and check a store"};
    app.require_subcommand(1);
    Action action;
    addBrokerCommands(app, action);
    addEscPosCommands(app, action);
    addPrinterCommands(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help prints and exits 0; anything else is a usage error.
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (!action) {
        std::cerr << app.help();
        return kExitUsage;
    }
    return action();
}
