#include "testing/mosquitto.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sync/broker_setup.h"
#include "testing/loopback.h"

namespace frontdesk::testing {

namespace {

constexpr const char* kMosquitto = "/usr/sbin/mosquitto";
constexpr auto kDeadline = std::chrono::seconds(10);
constexpr const char* kStderrLog = "mosquitto.stderr.log";
constexpr int kStartAttempts = 3;

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string lastLines(const std::string& text, std::size_t lines) {
    std::size_t start = text.size();
    std::size_t seen = 0;
    while (start > 0 && seen <= lines) {
        --start;
        if (text[start] == '\n' && start + 1 < text.size()) ++seen;
    }
    return seen > lines ? text.substr(start + 1) : text;
}

void pollInterval() {
    ::poll(nullptr, 0, 10);
}

// The process's state letter from /proc ('T' when stopped), or 0 once it is gone.
char processState(pid_t pid) {
    const std::string stat = readAll("/proc/" + std::to_string(pid) + "/stat");
    const auto paren = stat.rfind(')');
    return paren == std::string::npos || paren + 2 >= stat.size() ? 0 : stat[paren + 2];
}

}  // namespace

MosquittoBroker::MosquittoBroker(MosquittoOptions options) : m_options(std::move(options)) {
    for (int attempt = 1;; ++attempt) {
        const auto ports = freeLoopbackPorts(m_options.tls ? 2 : 1);
        m_port = ports[0];
        m_tlsPort = m_options.tls ? ports[1] : 0;
        sync::BrokerOptions setup;
        setup.store = m_options.store;
        setup.terminals = m_options.terminals;
        setup.port = m_port;
        if (m_options.tls) setup.tls = sync::BrokerTlsOptions{.host = "127.0.0.1", .port = m_tlsPort, .bind = {}};
        setup.force = attempt > 1;
        auto written = sync::initBroker(dir(), setup);
        if (!written.ok()) throw std::runtime_error("broker set-up failed: " + written.status().toString());
        try {
            start();
            return;
        } catch (const std::runtime_error&) {
            const bool portTaken =
                readAll(dir() / kStderrLog).find("Address already in use") != std::string::npos ||
                readAll(dir() / sync::kBrokerLogFile).find("Address already in use") != std::string::npos;
            if (!portTaken || attempt == kStartAttempts) throw;
        }
    }
}

MosquittoBroker::~MosquittoBroker() {
    m_process.reset();
}

void MosquittoBroker::start() {
    m_process = std::make_unique<ChildProcess>(
        std::vector<std::string>{kMosquitto, "-c", (dir() / sync::kBrokerConfigFile).string()}, dir() / kStderrLog);
    waitUntilAccepting();
}

void MosquittoBroker::waitUntilAccepting() {
    const auto deadline = Clock::now() + kDeadline;
    while (true) {
        if (!m_process->running()) {
            throw std::runtime_error("mosquitto exited (code " + std::to_string(m_process->exitCode().value_or(-1)) +
                                     ") before accepting connections on port " + std::to_string(m_port) + ":\n" +
                                     logTail());
        }
        if (acceptsOnLoopback(m_port) && (m_tlsPort == 0 || acceptsOnLoopback(m_tlsPort))) return;
        if (Clock::now() >= deadline) {
            m_process->kill();
            throw std::runtime_error("mosquitto did not accept connections on port " + std::to_string(m_port) +
                                     " within 10 s:\n" + logTail());
        }
        pollInterval();
    }
}

sync::BrokerLogin MosquittoBroker::credentials(std::string_view user) const {
    auto login = sync::readBrokerLogin((dir() / sync::kBrokerCredentialsFile).string(), user);
    if (!login.ok()) throw std::runtime_error("broker credentials: " + login.status().toString());
    return *login;
}

std::vector<std::string> MosquittoBroker::clientArgs(std::string_view program, std::string_view user) const {
    const auto login = credentials(user);
    return {std::string(program), "-h", "127.0.0.1",    "-p", std::to_string(m_port), "-u",
            login.username,       "-P", login.password, "-i", login.username};
}

bool MosquittoBroker::running() {
    return m_process && m_process->running();
}

void MosquittoBroker::kill() {
    if (m_process) m_process->kill();
}

void MosquittoBroker::stop() {
    if (!running()) return;
    m_process->signal(SIGTERM);
    m_process->signal(SIGCONT);  // a paused broker handles SIGTERM only once it runs again
    if (!m_process->waitUntil(Clock::now() + kDeadline)) {
        m_process->kill();
        throw std::runtime_error("mosquitto did not stop within 10 s of SIGTERM:\n" + logTail());
    }
}

void MosquittoBroker::restart() {
    stop();
    start();
}

void MosquittoBroker::pause() {
    if (!running()) throw std::runtime_error("pause: mosquitto is not running");
    m_process->signal(SIGSTOP);
    const auto deadline = Clock::now() + kDeadline;
    while (processState(m_process->pid()) != 'T') {
        if (Clock::now() >= deadline) throw std::runtime_error("mosquitto did not stop on SIGSTOP");
        pollInterval();
    }
}

void MosquittoBroker::resume() {
    if (!running()) throw std::runtime_error("resume: mosquitto is not running");
    m_process->signal(SIGCONT);
    const auto deadline = Clock::now() + kDeadline;
    while (processState(m_process->pid()) == 'T') {
        if (Clock::now() >= deadline) throw std::runtime_error("mosquitto did not continue on SIGCONT");
        pollInterval();
    }
}

std::size_t MosquittoBroker::logCount(std::string_view text) const {
    const std::string log = readAll(dir() / sync::kBrokerLogFile);
    std::size_t count = 0;
    for (auto at = log.find(text); at != std::string::npos; at = log.find(text, at + text.size())) ++count;
    return count;
}

void MosquittoBroker::reload() {
    if (!running()) throw std::runtime_error("reload: mosquitto is not running");
    // Mosquitto logs this line, then rereads its files, before it handles anything else.
    constexpr std::string_view kReloaded = "Reloading config.";
    const std::size_t before = logCount(kReloaded);
    m_process->signal(SIGHUP);
    const auto deadline = Clock::now() + kDeadline;
    while (logCount(kReloaded) == before) {
        if (!running() || Clock::now() >= deadline) {
            throw std::runtime_error("mosquitto did not reload on SIGHUP within 10 s:\n" + logTail());
        }
        pollInterval();
    }
}

std::string MosquittoBroker::logTail(std::size_t lines) const {
    return "--- " + (dir() / sync::kBrokerLogFile).string() + " ---\n" +
           lastLines(readAll(dir() / sync::kBrokerLogFile), lines) + "--- " + (dir() / kStderrLog).string() + " ---\n" +
           lastLines(readAll(dir() / kStderrLog), lines);
}

}  // namespace frontdesk::testing
