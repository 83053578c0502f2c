#pragma once
// The back office's command line as the integration tests drive it: `frontdesk-backoffice` run to
// its end, its one JSON line parsed (log lines go to stderr as text).

#include <csignal>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sync/broker_setup.h"
#include "testing/child_process.h"
#include "testing/mosquitto.h"
#include "testing/temp_dir.h"

namespace frontdesk::synctest {

// Runs `frontdesk-backoffice args... --json`, expects exit code 0, and returns the JSON line
// (discarded, with a failed expectation, when there is none).
inline nlohmann::json backOffice(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {FRONTDESK_BACKOFFICE_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--json");
    const auto result = testing::runCommand(argv);
    EXPECT_EQ(result.exitCode, 0) << result.output;
    nlohmann::json parsed = nlohmann::json::value_t::discarded;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.front() == '{') parsed = nlohmann::json::parse(line, nullptr, false);
    }
    EXPECT_FALSE(parsed.is_discarded()) << result.output;
    return parsed;
}

// Runs `frontdesk-backoffice args` with `input` on its stdin (a password or PIN, as an installer
// types it); the exit code and output.
inline testing::CommandResult backOfficeWithInput(const std::string& input, const std::string& args) {
    return testing::runCommand(
        {"/bin/sh", "-c", "printf '%s\\n' '" + input + "' | " FRONTDESK_BACKOFFICE_BIN " " + args});
}

// A store's broker and back-office database with store s1 (EUR) added, as an installer sets one
// up; serve() starts `frontdesk-backoffice serve` on them, logging to serve.log.
struct StoreBackOffice {
    StoreBackOffice() {
        const auto added = testing::runCommand(
            {FRONTDESK_BACKOFFICE_BIN, "store", "add", "--db", db, "--store", "s1", "--currency", "EUR"});
        if (added.exitCode != 0) throw std::runtime_error("store add: " + added.output);
    }
    std::vector<std::string> serveArgs(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> argv = {FRONTDESK_BACKOFFICE_BIN,
                                         "serve",
                                         "--db",
                                         db,
                                         "--credentials",
                                         (broker.dir() / sync::kBrokerCredentialsFile).string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return argv;
    }
    std::unique_ptr<testing::ChildProcess> serve(const std::vector<std::string>& extra = {}) const {
        return std::make_unique<testing::ChildProcess>(serveArgs(extra), dir.path() / "serve.log");
    }
    // SIGTERM, and the exit code it ends with (0 for a clean stop).
    static std::optional<int> stop(testing::ChildProcess& serve) {
        serve.signal(SIGTERM);
        return serve.waitUntil(testing::Clock::now() + std::chrono::seconds(20));
    }

    testing::MosquittoBroker broker;
    kiosk::testing::TempDir dir;
    std::string db = dir.file("backoffice.db");
};

}  // namespace frontdesk::synctest
