#pragma once
// The printer service's state, shared by its two halves: printer_service.cpp (the calls from any
// thread, which queue jobs and tasks) and printer_service_thread.cpp (the service's own thread,
// which alone uses the transport: jobs, status, faults, retry and clear).

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "fd.h"
#include "peripherals/printer_service.h"

namespace frontdesk::peripherals {

struct PrinterService::Impl {
    using Clock = std::chrono::steady_clock;

    // A call run on the thread, in order with the jobs; its result comes back through `done`.
    struct Task {
        std::function<core::Status()> work;
        std::promise<core::Status> done;
    };

    struct Job {
        JobId id = 0;
        std::optional<Document> document;  // or bytes already encoded
        std::string bytes;
        bool sent = false;     // some of it may be on paper
        bool reprint = false;  // sent again: under the reprint heading
        Clock::time_point queuedAt = Clock::now();
    };

    firmware_config::PrinterProfile profile;
    std::unique_ptr<Transport> transport;
    PrinterServiceOptions options;
    bool twoWay;
    mutable std::mutex mutex;
    std::condition_variable wake;     // the thread: a task, a job, stop
    std::condition_variable changed;  // waiters: an outcome, the status
    std::function<void(const PrinterEvent&)> listener;
    std::thread thread;
    bool running = false, stopping = false;
    bool claimed = false, enabled = false;
    PrinterState state = PrinterState::Closed;
    std::deque<Job> queue;
    std::deque<std::shared_ptr<Task>> tasks;
    std::map<JobId, core::Status> outcomes;  // absent: pending
    std::map<JobId, core::Status> held;      // in the error state
    JobId nextId = 1;
    PrinterStatus status;
    bool statusRead = false;
    std::string lastError;

    // The thread's own.
    std::optional<Job> current;  // taken from the queue: sent, or held before sending
    StatusReader reader;
    std::unique_ptr<TextRaster> raster;
    Clock::time_point sentAt, lastPoll, pollSentAt, answeredAt, lastReconnect;
    bool pollOutstanding = false;
    std::vector<PrinterEvent> pending;  // events to deliver outside the lock

    Fd wakeRead, wakeWrite;  // a byte written wakes the thread from its wait on the printer

    Impl(firmware_config::PrinterProfile p, std::unique_ptr<Transport> t, PrinterServiceOptions o);

    // ---- from callers

    core::Status onThread(std::function<core::Status()> work);
    core::Status notOpen() const { return core::failedPrecondition("printer " + transport->address() + ": not open"); }

    core::Result<JobId> queueJob(Job job);

    // ---- the thread

    void deliver();
    void setStatus(const PrinterStatus& next);
    void setState(PrinterState next);
    void finish(core::Status outcome);

    // The job stays; the service waits for the printer, a retry or a clear.
    void hold(const std::string& reason);
    bool inError() const;
    core::Result<std::string> encode(const Job& job);
    void connectionLost(const core::Status& why);
    bool reconnect();
    void requestStatus();
    void send();

    // Takes the next job when the printer may print it, and sends it.
    void startNext();

    // Waits up to a slice for the printer to say something or for work to arrive (a job, a
    // call): without the second, a job queued while the thread reads would wait for the slice.
    std::chrono::milliseconds awaitInput();
    void poke();

    // Reads what the printer says, and acts on it.
    void pump();
    void run();

    // ---- tasks, run on the thread

    core::Status claimTask();
    core::Status enableTask();
    core::Status retryTask();
    core::Status clearTask();
    std::string lastErrorCopy() const;
};

}  // namespace frontdesk::peripherals
