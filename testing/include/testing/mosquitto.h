#pragma once
// MosquittoBroker: a real Mosquitto 2.0 (/usr/sbin/mosquitto) for tests, configured by the broker
// set-up that stores use (sync/broker_setup.h) in a fresh temp directory, listening on a free
// loopback port. The fake broker of the sync tests, as the printer simulator is the printer's.
//
//   MosquittoBroker broker;                  // store s1, terminals t1 and t2, ready when it returns
//   auto t1 = broker.credentials("t1");      // username s1-t1, its password, 127.0.0.1, port()
//   runCommand(broker.clientArgs("mosquitto_pub", "t1") + ...);
//
// The broker runs in its own process group; its stdout and stderr go to mosquitto.stderr.log and
// its log to mosquitto.log in dir(). The destructor always kills and reaps it. Set-up failures
// (the broker would not start, or not accept connections within 10 s) throw std::runtime_error
// with the end of its logs. One thread uses an object.
//
// Every client's id is its username (use_username_as_clientid): a second connection with the
// same user takes over the first, so a test needs one user per simultaneous connection.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sync/broker_credentials.h"
#include "testing/child_process.h"
#include "testing/temp_dir.h"

namespace frontdesk::testing {

struct MosquittoOptions {
    std::string store = "s1";
    std::vector<std::string> terminals = {"t1", "t2"};
    // Also a TLS listener for host 127.0.0.1 on tlsPort(); clients trust dir()/ca.crt.
    bool tls = false;
};

class MosquittoBroker {
public:
    explicit MosquittoBroker(MosquittoOptions options = {});
    ~MosquittoBroker();
    MosquittoBroker(const MosquittoBroker&) = delete;
    MosquittoBroker& operator=(const MosquittoBroker&) = delete;

    int port() const { return m_port; }        // plain MQTT on 127.0.0.1
    int tlsPort() const { return m_tlsPort; }  // 0 without TLS
    const std::filesystem::path& dir() const { return m_dir.path(); }
    const std::string& store() const { return m_options.store; }

    // A terminal id or "backoffice", as credentials.json has it (with TLS: the TLS host and port).
    sync::BrokerLogin credentials(std::string_view user) const;
    // {program, "-h", "127.0.0.1", "-p", port(), "-u", username, "-P", password, "-i", username}:
    // the start of a mosquitto_pub / mosquitto_sub command line on the plain listener, with the
    // client id a terminal uses (a later "-i" overrides it).
    std::vector<std::string> clientArgs(std::string_view program, std::string_view user) const;

    bool running();
    // SIGKILL and reap: a crash. Persistence keeps only what the last autosave wrote.
    void kill();
    // SIGTERM and reap: a clean stop; the broker saves its persistence file.
    void stop();
    // Stops the broker cleanly if it runs, and starts it again with the same port and files.
    void restart();
    // SIGSTOP / SIGCONT: the broker hangs with its connections open (a partition without a reset).
    void pause();
    void resume();
    // SIGHUP: the broker rereads passwd and acl. Returns once it has logged the reload; Mosquitto
    // handles one thing at a time, so any connection made afterwards meets the new files.
    void reload();

    // The last lines of the broker's log and of its stderr, for failure messages.
    std::string logTail(std::size_t lines = 30) const;

private:
    void start();
    void waitUntilAccepting();
    std::size_t logCount(std::string_view text) const;

    MosquittoOptions m_options;
    kiosk::testing::TempDir m_dir;
    int m_port = 0;
    int m_tlsPort = 0;
    std::unique_ptr<ChildProcess> m_process;
};

}  // namespace frontdesk::testing
