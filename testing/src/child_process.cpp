#include "testing/child_process.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace frontdesk::testing {

namespace {

int decodeStatus(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

[[noreturn]] void failChild(int report) {
    const int error = errno;
    (void)!::write(report, &error, sizeof error);
    ::_exit(127);
}

// In the forked child: only async-signal-safe calls until exec. Reports a failure as its errno
// through `report` (closed on exec, so the parent reads nothing when exec succeeds).
[[noreturn]] void execChild(char* const* args, const char* logFile, int outFd, int report, pid_t parent) {
    auto fail = [report] { failChild(report); };
    // Dies with the test: a test process that crashes (or is killed) takes its broker along.
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail();
    if (::getppid() != parent) ::_exit(127);  // the parent is already gone
    if (::setpgid(0, 0) != 0) fail();
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig != SIGKILL && sig != SIGSTOP) ::signal(sig, SIG_DFL);
    }
    const int in = ::open("/dev/null", O_RDONLY);
    if (in < 0 || ::dup2(in, 0) < 0) fail();
    const int out = logFile != nullptr ? ::open(logFile, O_WRONLY | O_CREAT | O_APPEND, 0644) : outFd;
    if (out < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0) fail();
    ::execvp(args[0], args);
    failChild(report);
}

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> argv, std::optional<std::filesystem::path> logFile)
    : m_argv(std::move(argv)) {
    if (m_argv.empty()) throw std::runtime_error("ChildProcess: no program given");
    std::vector<char*> args;
    for (auto& arg : m_argv) args.push_back(arg.data());
    args.push_back(nullptr);
    const std::string logPath = logFile ? logFile->string() : std::string();

    int out[2] = {-1, -1};
    int report[2] = {-1, -1};
    if ((!logFile && ::pipe2(out, O_CLOEXEC) != 0) || ::pipe2(report, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    }
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid == 0) execChild(args.data(), logFile ? logPath.c_str() : nullptr, out[1], report[1], parent);
    const int forkError = errno;
    if (out[1] >= 0) ::close(out[1]);
    ::close(report[1]);
    int execError = 0;
    ssize_t n = -1;
    if (m_pid > 0) {
        do {
            n = ::read(report[0], &execError, sizeof execError);
        } while (n < 0 && errno == EINTR);
    }
    ::close(report[0]);
    if (m_pid < 0 || n > 0) {
        const std::string why =
            "cannot start " + commandLine() + ": " + std::strerror(m_pid < 0 ? forkError : execError);
        if (out[0] >= 0) ::close(out[0]);
        if (m_pid > 0) reap(true);
        m_pid = -1;
        throw std::runtime_error(why);
    }
    if (!logFile) {
        m_pipe = out[0];
        m_pipeOpen = true;
    }
}

ChildProcess::~ChildProcess() {
    if (m_pid > 0 && !m_exitCode) kill();
    if (m_pipe >= 0) ::close(m_pipe);
}

std::string ChildProcess::commandLine() const {
    std::string line;
    for (const auto& arg : m_argv) line += (line.empty() ? "" : " ") + arg;
    return line;
}

void ChildProcess::reap(bool block) {
    if (m_pid <= 0 || m_exitCode) return;
    int status = 0;
    pid_t done;
    do {
        done = ::waitpid(m_pid, &status, block ? 0 : WNOHANG);
    } while (done < 0 && errno == EINTR);
    if (done == m_pid) m_exitCode = decodeStatus(status);
}

bool ChildProcess::running() {
    reap(false);
    return m_pid > 0 && !m_exitCode;
}

void ChildProcess::signal(int sig) {
    if (running()) ::kill(-m_pid, sig);
}

int ChildProcess::kill() {
    if (m_pid > 0 && !m_exitCode) {
        ::kill(-m_pid, SIGKILL);
        reap(true);
    }
    while (m_pipeOpen && readSome(std::chrono::milliseconds(0))) {
    }
    return m_exitCode.value_or(-1);
}

bool ChildProcess::readSome(std::chrono::milliseconds wait) {
    if (!m_pipeOpen) return false;
    pollfd fd{m_pipe, POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(wait.count()));
    if (ready <= 0) return true;  // nothing yet (or EINTR): still open
    char buffer[4096];
    const ssize_t n = ::read(m_pipe, buffer, sizeof buffer);
    if (n > 0) {
        m_output.append(buffer, static_cast<std::size_t>(n));
        return true;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    m_pipeOpen = false;  // end of file: every writer (the child, its children) has gone
    return false;
}

namespace {
std::chrono::milliseconds until(Clock::time_point deadline, std::chrono::milliseconds cap) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return std::max(std::chrono::milliseconds(0), std::min(left, cap));
}
}  // namespace

std::optional<int> ChildProcess::waitUntil(Clock::time_point deadline) {
    while (true) {
        if (!running()) {
            while (m_pipeOpen && readSome(std::chrono::milliseconds(0))) {
            }
            return m_exitCode;
        }
        if (Clock::now() >= deadline) return std::nullopt;
        // Reading the pipe also keeps a chatty child from blocking on a full pipe. Without a pipe
        // (or once it is closed) this is the poll interval of the wait.
        const auto wait = until(deadline, std::chrono::milliseconds(10));
        if (m_pipeOpen) {
            readSome(wait);
        } else {
            ::poll(nullptr, 0, static_cast<int>(wait.count()));
        }
    }
}

bool ChildProcess::waitForOutput(std::string_view text, Clock::time_point deadline) {
    while (m_output.find(text) == std::string::npos) {
        if (!m_pipeOpen || Clock::now() >= deadline) return false;
        readSome(until(deadline, std::chrono::milliseconds(100)));
    }
    return true;
}

CommandResult runCommand(std::vector<std::string> argv, std::chrono::milliseconds timeout) {
    ChildProcess child(std::move(argv));
    CommandResult result;
    const auto code = child.waitUntil(Clock::now() + timeout);
    if (!code) {
        child.kill();
        result.timedOut = true;
    } else {
        result.exitCode = *code;
    }
    result.output = child.output();
    return result;
}

}  // namespace frontdesk::testing
