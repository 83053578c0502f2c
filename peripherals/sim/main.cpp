// frontdesk-sim: the simulators. `printer` runs a PrinterSimulator (peripherals/printer_simulator.h)
// until SIGINT or SIGTERM, or until stdin says "quit".
// Stdin lines change its state while it runs:
//   cover-open on|off, paper-near-end on|off, paper-out on|off, offline on|off, drawer closed|open
//   cover-open after N (and the other faults): on after N more bytes, in the middle of a job
#include <csignal>
#include <iostream>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "core/log.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/printer_simulator.h"

using namespace frontdesk;

namespace {

struct PrinterOptions {
    int port = 0;
    std::string out = "receipts";
    std::string profile = "epson-tm-t88v";
    std::string profilesDir;
    std::vector<std::string> faults;
};

int failed(const core::Status& status) {
    std::cerr << "frontdesk-sim: " << status.toString() << "\n";
    return 1;
}

// One control line; false for "quit".
bool control(peripherals::PrinterSimulator& sim, const std::string& line) {
    std::istringstream in(line);
    std::string what, state;
    in >> what >> state;
    if (what.empty()) return true;
    if (what == "quit") return false;
    if (what == "drawer") {
        sim.setDrawerOpen(state == "open");
        std::cout << "drawer " << (state == "open" ? "open" : "closed") << std::endl;
        return true;
    }
    auto fault = peripherals::parsePrinterFault(what);
    std::size_t after = 0;
    if (fault.ok() && state == "after" && (in >> after) && after > 0) {
        sim.setFaultAfter(*fault, after);
        std::cout << what << " after " << after << " bytes" << std::endl;
        return true;
    }
    if (!fault.ok() || (state != "on" && state != "off")) {
        std::cerr << "frontdesk-sim: '" << line
                  << "': expected e.g. \"cover-open on\", \"paper-out off\", \"cover-open after 200\", \"drawer open\", \"quit\"\n";
        return true;
    }
    sim.setFault(*fault, state == "on");
    std::cout << what << " " << state << std::endl;
    return true;
}

sigset_t stopSignals;

int runPrinter(const PrinterOptions& o) {
    auto profiles = firmware_config::loadPrinterProfiles(
        o.profilesDir.empty() ? firmware_config::shippedPrinterProfilesDir() : std::filesystem::path(o.profilesDir));
    if (!profiles.ok()) return failed(profiles.status());
    const auto* profile = profiles->find(o.profile);
    if (!profile) return failed(core::notFound("no printer profile '" + o.profile + "'"));
    auto sim = peripherals::PrinterSimulator::start(*profile, {o.port, o.out});
    if (!sim.ok()) return failed(sim.status());
    for (const auto& name : o.faults) {
        auto fault = peripherals::parsePrinterFault(name);
        if (!fault.ok()) return failed(fault.status());
        (*sim)->setFault(*fault, true);
    }
    std::cout << "listening on 127.0.0.1:" << (*sim)->port() << std::endl;
    // Control lines are read on a thread of their own; "quit" stops the simulator as SIGTERM does.
    std::thread([&sim = **sim] {
        for (std::string line; std::getline(std::cin, line);) {
            if (!control(sim, line)) {
                ::kill(::getpid(), SIGTERM);
                return;
            }
        }
    }).detach();
    int signal = 0;
    sigwait(&stopSignals, &signal);
    (*sim)->stop();
    std::cout << (*sim)->receipts() << " receipts written to " << o.out << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Frontdesk simulators"};
    app.require_subcommand(1);
    PrinterOptions printer;
    auto* printerCmd =
        app.add_subcommand("printer", "an ESC/POS receipt printer on 127.0.0.1 that renders each receipt");
    printerCmd->add_option("--port", printer.port, "TCP port (0: a free one, printed when listening)")
        ->capture_default_str();
    printerCmd->add_option("--out", printer.out, "folder for NNNN.png and NNNN.txt, one pair per receipt")
        ->capture_default_str();
    printerCmd->add_option("--profile", printer.profile, "the printer model it behaves as")->capture_default_str();
    printerCmd->add_option("--profiles", printer.profilesDir,
                           "a folder of printer profiles (default: the shipped ones)");
    printerCmd->add_option("--fault", printer.faults,
                           "start with a fault: cover-open, paper-near-end, paper-out, offline");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    // SIGINT and SIGTERM are taken by sigwait only: blocked before the simulator's thread starts.
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    if (core::Status logging = core::log::configure({core::log::Level::Info, core::log::Format::Text, ""});
        !logging.ok()) {
        return failed(logging);
    }
    return runPrinter(printer);
}
