// `frontdesk-tool broker ...`: a store's Mosquitto set-up (sync/broker_setup.h, docs/broker.md).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "sync/broker_setup.h"

namespace frontdesk::tool {

namespace {

struct InitOptions {
    std::string store;
    std::vector<std::string> terminals;
    int port = 1883;
    std::string out;
    std::string bind = "127.0.0.1";
    std::string host;
    bool tls = false;
    std::string tlsHost;
    int tlsPort = 8883;
    std::string tlsBind;
    bool force = false;
};

struct TerminalOptions {
    std::string dir;
    std::string terminal;
};

int refused(const core::Status& status) {
    std::cerr << "frontdesk-tool broker: " << status.message() << "\n";
    return kExitRefused;
}

void printWritten(const sync::BrokerWriteReport& report) {
    for (const auto& path : report.written) std::cout << "wrote " << path.string() << "\n";
}

int runInit(const InitOptions& o) {
    sync::BrokerOptions options;
    options.store = o.store;
    options.terminals = o.terminals;
    options.bind = o.bind;
    options.port = o.port;
    options.host = o.host;
    options.force = o.force;
    if (o.tls) options.tls = sync::BrokerTlsOptions{.host = o.tlsHost, .port = o.tlsPort, .bind = o.tlsBind};
    auto report = sync::initBroker(o.out, options);
    if (!report.ok()) return refused(report.status());
    printWritten(*report);
    const std::filesystem::path dir = report->written.front().parent_path();
    std::cout << "start the broker: mosquitto -c " << (dir / sync::kBrokerConfigFile).string() << "\n"
              << (dir / sync::kBrokerCredentialsFile).string()
              << " holds the clear passwords: give each terminal and the back office its own entry\n";
    return kExitOk;
}

int runTerminalChange(const TerminalOptions& o, bool add) {
    auto report = add ? sync::addBrokerTerminal(o.dir, o.terminal) : sync::removeBrokerTerminal(o.dir, o.terminal);
    if (!report.ok()) return refused(report.status());
    printWritten(*report);
    std::cout << "reload a running broker to apply it: kill -HUP <mosquitto's pid>\n";
    return kExitOk;
}

void addInit(CLI::App& broker, Action& action) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* init =
        broker.add_subcommand("init", "write a store's broker configuration, users and ACL into a directory");
    init->add_option("--store", options->store, "store id")->required();
    init->add_option("--terminals", options->terminals, "terminal ids, comma-separated (t1,t2)")
        ->required()
        ->delimiter(',');
    init->add_option("--out", options->out, "directory to write into (created if missing)")->required();
    init->add_option("--port", options->port, "plain MQTT port")->capture_default_str();
    init->add_option("--bind", options->bind, "address the plain listener binds to")->capture_default_str();
    init->add_option(
        "--host", options->host,
        "host clients connect to, written to credentials.json (default: the TLS host, else the bind address)");
    auto* tls = init->add_flag("--tls", options->tls, "also a TLS listener, with a new CA and server certificate");
    init->add_option("--tls-host", options->tlsHost, "DNS name or IP address the server certificate is made for")
        ->needs(tls);
    init->add_option("--tls-port", options->tlsPort, "TLS port")->capture_default_str()->needs(tls);
    init->add_option("--tls-bind", options->tlsBind, "address the TLS listener binds to (default: --bind)")->needs(tls);
    init->add_flag("--force", options->force, "write into a non-empty directory, replacing the broker files");
    init->callback([options, &action] {
        if (options->tls && options->tlsHost.empty()) throw CLI::RequiredError("--tls-host (with --tls)");
        action = [options] { return runInit(*options); };
    });
}

void addTerminalCommand(CLI::App& broker, Action& action, bool add) {
    auto options = std::make_shared<TerminalOptions>();
    CLI::App* command = add ? broker.add_subcommand("add-terminal", "add a terminal's user with a fresh password")
                            : broker.add_subcommand("remove-terminal", "remove a terminal's user");
    command->add_option("--dir", options->dir, "the broker directory written by broker init")->required();
    command->add_option("--terminal", options->terminal, "terminal id")->required();
    command->callback(
        [options, &action, add] { action = [options, add] { return runTerminalChange(*options, add); }; });
}

}  // namespace

void addBrokerCommands(CLI::App& app, Action& action) {
    CLI::App* broker = app.add_subcommand("broker", "set up a store's MQTT broker (Mosquitto)");
    broker->require_subcommand(1);
    addInit(*broker, action);
    addTerminalCommand(*broker, action, true);
    addTerminalCommand(*broker, action, false);
}

}  // namespace frontdesk::tool
