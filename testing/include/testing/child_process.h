#pragma once
// ChildProcess: a program the test starts and always stops. It runs in its own process group
// with stdin from /dev/null; its stdout and stderr go together either to a log file (appended) or
// to a pipe this object reads. The destructor kills the group (SIGKILL) and reaps the child, so a
// failing test leaves nothing running; and the child gets SIGKILL when the thread that started it
// ends (PR_SET_PDEATHSIG), so even a test process that crashes or is killed takes it along.
// runCommand() runs a program to its end with a time limit.
//
// One thread uses an object. Waits take a deadline and poll the child (and its pipe) until then;
// nothing here sleeps for a fixed time. Start failures throw std::runtime_error.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace frontdesk::testing {

using Clock = std::chrono::steady_clock;

class ChildProcess {
public:
    // argv[0] is the program's path (or a name looked up in PATH).
    explicit ChildProcess(std::vector<std::string> argv, std::optional<std::filesystem::path> logFile = std::nullopt);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return m_pid; }
    // Reaps the child if it has exited; true while it runs (also while stopped).
    bool running();
    // The exit code (128 + signal number if a signal ended it), once reaped.
    std::optional<int> exitCode() const { return m_exitCode; }
    // Sends a signal to the child's process group, if the child has not been reaped.
    void signal(int signal);
    // Waits for the child to exit, reading its pipe meanwhile; the exit code, or nullopt at the deadline.
    std::optional<int> waitUntil(Clock::time_point deadline);
    // SIGKILL to the group, then reaps. Returns the exit code.
    int kill();

    // Pipe mode: reads until `text` is in the output, the child exits (and the pipe is drained) or
    // the deadline passes. True if the text appeared.
    bool waitForOutput(std::string_view text, Clock::time_point deadline);
    // Pipe mode: what has been read so far.
    const std::string& output() const { return m_output; }
    std::string commandLine() const;

private:
    // Reads what the pipe has, waiting up to `wait`; false at end of file.
    bool readSome(std::chrono::milliseconds wait);
    void reap(bool block);

    std::vector<std::string> m_argv;
    pid_t m_pid = -1;
    int m_pipe = -1;  // read end, pipe mode only
    bool m_pipeOpen = false;
    std::optional<int> m_exitCode;
    std::string m_output;
};

struct CommandResult {
    int exitCode = -1;  // -1 when it timed out (it was killed)
    bool timedOut = false;
    std::string output;  // stdout and stderr together
};

// Runs argv to its end, killing it after `timeout` (a safety bound, not a measurement).
CommandResult runCommand(std::vector<std::string> argv, std::chrono::milliseconds timeout = std::chrono::seconds(20));

}  // namespace frontdesk::testing
