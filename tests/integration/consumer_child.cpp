// sync_consumer_child: a back office in a process of its own, for the fault tests to kill. It runs
// an EventConsumer whose commit is IngestLedger::ingest with one effect row per applied event, in
// the SQLite file given (the schema of synctest::backOfficeSchema, shared with the in-process
// BackOffice), until SIGTERM or SIGINT.
//
//   sync_consumer_child --host H --port P --username U --password W --store S --db FILE
//                       [--die-after-commits N] [--keep-alive-seconds K]
//
// --die-after-commits N: right after the Nth ingest() returned OK (its transaction committed) and
// before the consumer publishes that message's ack, the process sends itself SIGKILL: the window in
// which the back office has the events and the terminal does not know it. A restart on the same
// file must then take the terminal's resend as duplicates (the ledger dedups by id).
//
// Exit codes: 0 after SIGTERM/SIGINT, 2 for a bad command line, 1 when it cannot start.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include <pthread.h>
#include <signal.h>

#include "sync_test_support.h"

using namespace frontdesk;

namespace {

int usage(const std::string& why) {
    std::cerr << "sync_consumer_child: " << why
              << "\nusage: sync_consumer_child --host H --port P --username U --password W --store S --db FILE"
                 " [--die-after-commits N] [--keep-alive-seconds K]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i < argc; i += 2) {
        const std::string name = argv[i];
        if (name.rfind("--", 0) != 0 || i + 1 >= argc) return usage("expected --name value pairs, at " + name);
        args[name.substr(2)] = argv[i + 1];
    }
    for (const char* required : {"host", "port", "username", "password", "store", "db"}) {
        if (!args.count(required)) return usage(std::string("missing --") + required);
    }
    const long dieAfter =
        args.count("die-after-commits") ? std::strtol(args["die-after-commits"].c_str(), nullptr, 10) : 0;
    const long keepAlive =
        args.count("keep-alive-seconds") ? std::strtol(args["keep-alive-seconds"].c_str(), nullptr, 10) : 2;

    // SIGTERM and SIGINT are taken by sigwait below: blocked here, before any thread starts, so
    // that every thread inherits the mask and none of them is ended by the signal.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto db = core::Database::open(args["db"], synctest::backOfficeSchema());
    if (!db.ok()) {
        std::cerr << "sync_consumer_child: " << db.status().toString() << "\n";
        return 1;
    }
    core::SystemClock clock;
    sync::IngestLedger ledger(**db, clock);
    long commits = 0;
    sync::ConsumerOptions options{
        args["store"], {args["host"], std::stoi(args["port"])}, args["username"], args["password"]};
    options.reconnectMin = std::chrono::milliseconds(20);
    options.reconnectMax = std::chrono::milliseconds(200);
    options.keepAlive = std::chrono::seconds(keepAlive);
    sync::EventConsumer consumer(
        options, [&](const sync::TerminalAddress& from, const std::vector<sync::Delivery>& deliveries) {
            auto ack = ledger.ingest(from, deliveries,
                                     [&](const sync::Delivery& d) { return synctest::recordEffect(**db, d); });
            if (ack.ok()) {
                ++commits;
                std::printf("commit %ld: %zu deliveries, upto %lld\n", commits, deliveries.size(),
                            static_cast<long long>(ack->upto));
                std::fflush(stdout);
                // Committed, not acked: the consumer publishes the ack only after this returns.
                if (commits == dieAfter) std::raise(SIGKILL);
            }
            return ack;
        });
    if (core::Status started = consumer.start(); !started.ok()) {
        std::cerr << "sync_consumer_child: " << started.toString() << "\n";
        return 1;
    }
    std::printf("consumer started\n");
    std::fflush(stdout);
    int signal = 0;
    sigwait(&stopSignals, &signal);
    consumer.stop();
    std::printf("consumer stopped\n");
    return 0;
}
