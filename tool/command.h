#pragma once
// How frontdesk-tool's command groups plug into main.cpp. A group adds its subcommands to the
// app; the subcommand the user named sets `action` while the command line is parsed, and main
// runs it afterwards. An action prints what it did (stdout) or one line saying why it refused
// (stderr) and returns the exit code: kExitOk or kExitRefused. Usage errors exit with kExitUsage
// from main, before any action runs.

#include <functional>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/status.h"

namespace frontdesk::tool {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;
inline constexpr int kExitUsage = 2;

using Action = std::function<int()>;

// `broker init | add-terminal | remove-terminal` (broker_command.cpp).
void addBrokerCommands(CLI::App& app, Action& action);
// `escpos render` (escpos_command.cpp).
void addEscPosCommands(CLI::App& app, Action& action);
// `printer profiles | list | status | test` (printer_command.cpp).
void addPrinterCommands(CLI::App& app, Action& action);

// Prints "frontdesk-tool: kind: message" to stderr; kExitRefused.
inline int refusal(const core::Status& status) {
    std::cerr << "frontdesk-tool: " << status.toString() << "\n";
    return kExitRefused;
}

}  // namespace frontdesk::tool
