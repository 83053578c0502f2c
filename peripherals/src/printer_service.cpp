#include "peripherals/printer_service.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "core/log.h"
#include "escpos_bytes.h"
#include "fd.h"
#include "peripherals/escpos_encoder.h"

namespace frontdesk::peripherals {

namespace {

using Clock = std::chrono::steady_clock;

// How long one read waits: the longest a queued call (retry, release) waits for the thread.
constexpr std::chrono::milliseconds kSlice{40};
// The most outcomes kept for waitForJob() once reported.
constexpr std::size_t kKeptOutcomes = 1024;

const std::string kConfirm = {escpos::kGs, escpos::kStatusRequest, 1};
const std::string kClearBuffer = {escpos::kDle, escpos::kRecover, 2};
const std::string kStatusRequests = {escpos::kDle, escpos::kRealtimeStatus, 1, escpos::kDle, escpos::kRealtimeStatus, 2,
                                     escpos::kDle, escpos::kRealtimeStatus, 4};

std::string whatToDo(const std::string& fault) {
    if (fault == "cover open") return "printer cover open: close it";
    if (fault == "paper out") return "printer out of paper: load a new roll";
    return "printer offline: check its power and cable";
}

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
    std::chrono::steady_clock::time_point queuedAt = std::chrono::steady_clock::now();
};

}  // namespace

std::string_view printerStateName(PrinterState state) {
    switch (state) {
        case PrinterState::Closed:
            return "closed";
        case PrinterState::Idle:
            return "idle";
        case PrinterState::Busy:
            return "busy";
        case PrinterState::Error:
            return "error";
    }
    return "unknown";
}

struct PrinterService::Impl {
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

    Impl(firmware_config::PrinterProfile p, std::unique_ptr<Transport> t, PrinterServiceOptions o)
        : profile(std::move(p)), transport(std::move(t)), options(std::move(o)), twoWay(transport->twoWay()) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
            wakeRead.reset(fds[0]);
            wakeWrite.reset(fds[1]);
        }
    }

    // ---- from callers

    core::Status onThread(std::function<core::Status()> work) {
        auto task = std::make_shared<Task>();
        task->work = std::move(work);
        std::future<core::Status> result = task->done.get_future();
        {
            std::lock_guard lock(mutex);
            if (!running || stopping) return notOpen();
            tasks.push_back(task);
        }
        wake.notify_all();
        poke();
        return result.get();
    }

    core::Status notOpen() const { return core::failedPrecondition("printer " + transport->address() + ": not open"); }

    core::Result<JobId> queueJob(Job job) {
        JobId id;
        {
            std::lock_guard lock(mutex);
            if (!running || !enabled) {
                return core::failedPrecondition("printer " + transport->address() + ": not enabled");
            }
            id = job.id = nextId++;
            queue.push_back(std::move(job));
        }
        wake.notify_all();
        poke();
        return id;
    }

    // ---- the thread

    void emit(PrinterEvent event) { pending.push_back(std::move(event)); }
    void deliver() {
        std::vector<PrinterEvent> events;
        std::function<void(const PrinterEvent&)> to;
        {
            std::lock_guard lock(mutex);
            events.swap(pending);
            to = listener;
        }
        if (to) {
            for (const auto& e : events) to(e);
        }
        changed.notify_all();
    }

    void setStatus(const PrinterStatus& next) {
        std::lock_guard lock(mutex);
        statusRead = true;
        if (next == status) return;
        status = next;
        PrinterEvent e;
        e.kind = PrinterEvent::Kind::StatusUpdate;
        e.status = next;
        pending.push_back(e);
    }

    void setState(PrinterState next) {
        std::lock_guard lock(mutex);
        state = next;
    }

    void finish(core::Status outcome) {
        const JobId id = current->id;
        current.reset();
        std::lock_guard lock(mutex);
        held.erase(id);
        outcomes[id] = outcome;
        while (outcomes.size() > kKeptOutcomes) outcomes.erase(outcomes.begin());
        PrinterEvent e;
        e.job = id;
        e.status = status;
        if (outcome.ok()) {
            e.kind = PrinterEvent::Kind::OutputComplete;
            lastError.clear();
        } else {
            e.kind = PrinterEvent::Kind::Error;
            e.reason = outcome.message();
            e.final = true;
            lastError = outcome.message();
        }
        state = queue.empty() ? PrinterState::Idle : PrinterState::Busy;
        pending.push_back(std::move(e));
    }

    // The job stays; the service waits for the printer, a retry or a clear.
    void hold(const std::string& reason) {
        std::lock_guard lock(mutex);
        if (state == PrinterState::Error && lastError == reason) return;
        state = PrinterState::Error;
        lastError = reason;
        if (current) held[current->id] = core::Status(core::ErrorKind::Unavailable, reason);
        PrinterEvent e;
        e.kind = PrinterEvent::Kind::Error;
        e.job = current ? current->id : 0;
        e.reason = reason;
        e.status = status;
        pending.push_back(std::move(e));
        core::log::warn("printer", "error", {{"printer", transport->address()}, {"reason", reason}});
    }

    bool inError() const {
        std::lock_guard lock(mutex);
        return state == PrinterState::Error;
    }

    core::Result<std::string> encode(const Job& job) {
        std::string bytes;
        if (job.reprint) {
            Document heading;
            heading.text(options.reprintHeading, TextStyle{.bold = true}, Align::Center);
            FD_ASSIGN(bytes, EscPosEncoder(profile, raster.get()).encode(heading));
        }
        if (!job.document) return bytes + job.bytes;
        if (!raster) {
            // Lines no code page holds are drawn; without a font they are an error naming them.
            auto opened = TextRaster::open();
            if (opened.ok()) raster = std::move(opened).value();
        }
        FD_ASSIGN(std::string body, EscPosEncoder(profile, raster.get()).encode(*job.document));
        return bytes + body;
    }

    void connectionLost(const core::Status& why) {
        transport->close();
        PrinterStatus offline;
        offline.known = twoWay;
        setStatus(offline);
        if (current && current->sent) {
            hold("printer connection lost (" + why.message() + "): the receipt may be incomplete; reprint it");
        } else if (current) {
            hold("printer unreachable: " + why.message());
        }
    }

    bool reconnect() {
        if (transport->isOpen()) return true;
        const auto now = Clock::now();
        if (now - lastReconnect < options.pollInterval) return false;
        lastReconnect = now;
        if (!transport->open().ok()) return false;
        reader.forget();
        pollOutstanding = false;
        requestStatus();
        return true;
    }

    void requestStatus() {
        if (!twoWay || !transport->isOpen()) return;
        for (const int n : {1, 2, 4}) reader.expectRealtime(n);
        lastPoll = Clock::now();
        if (!pollOutstanding) pollSentAt = lastPoll;
        pollOutstanding = true;
        if (core::Status s = transport->write(kStatusRequests); !s.ok()) connectionLost(s);
    }

    void send() {
        auto bytes = encode(*current);
        if (!bytes.ok()) {
            finish(bytes.status().withContext("receipt not printed"));
            return;
        }
        if (twoWay) bytes.value() += kConfirm;
        current->sent = true;
        sentAt = Clock::now();
        setState(PrinterState::Busy);
        if (core::Status s = transport->write(*bytes); !s.ok()) {
            connectionLost(s);
            return;
        }
        // The status at once: a fault now stops the job before its confirmation could come.
        requestStatus();
        if (!twoWay) {
            // Write-only: handed over is all we can know.
            core::Status done = transport->endJob();
            if (done.ok()) {
                finish(done);
            } else {
                hold("receipt not printed: " + done.message());
            }
        }
    }

    // Takes the next job when the printer may print it, and sends it.
    void startNext() {
        if (current) return;
        Clock::time_point queuedAt;
        {
            std::lock_guard lock(mutex);
            if (!enabled || queue.empty() || state == PrinterState::Error) return;
            queuedAt = queue.front().queuedAt;
        }
        if (!status.fault().empty() && answeredAt < queuedAt) {
            // Only a status read since the job came holds it back: the fault may be fixed by now.
            if (!pollOutstanding) requestStatus();
            return;
        }
        {
            std::lock_guard lock(mutex);
            current = std::move(queue.front());
            queue.pop_front();
            state = PrinterState::Busy;
        }
        if (!transport->isOpen()) {
            hold("printer unreachable: " + transport->address());
            return;
        }
        if (const std::string fault = status.fault(); !fault.empty()) {
            hold(whatToDo(fault));  // not sent: it goes once the fault clears
            return;
        }
        send();
    }

    // Waits up to a slice for the printer to say something or for work to arrive (a job, a
    // call): without the second, a job queued while the thread reads would wait for the slice.
    std::chrono::milliseconds awaitInput() {
        const int handle = transport->waitHandle();
        if (handle < 0) return kSlice;  // the transport's read waits instead
        pollfd fds[2] = {{handle, POLLIN, 0}, {wakeRead.get(), POLLIN, 0}};
        (void)::poll(fds, 2, static_cast<int>(kSlice.count()));
        if (fds[1].revents & POLLIN) {
            char drain[64];
            while (::read(wakeRead.get(), drain, sizeof drain) > 0) {
            }
        }
        return std::chrono::milliseconds(0);
    }

    void poke() {
        const char c = 1;
        (void)!::write(wakeWrite.get(), &c, 1);
    }

    // Reads what the printer says, and acts on it.
    void pump() {
        if (!reconnect()) return;
        auto got = transport->read(awaitInput());
        if (!got.ok()) {
            connectionLost(got.status());
            return;
        }
        const int confirmations = reader.feed(*got);
        if (pollOutstanding && !reader.awaiting()) answeredAt = Clock::now();
        pollOutstanding = reader.awaiting();
        if (reader.status().known) setStatus(reader.status());
        const auto now = Clock::now();
        if (confirmations > 0 && current && current->sent) {
            finish(core::Status::okStatus());
            return;
        }
        const std::string fault = status.fault();
        if (current && !fault.empty()) {
            hold(whatToDo(fault));
        } else if (current && !current->sent && inError() && !pollOutstanding) {
            send();  // the fault that held it back is gone
        } else if (current && current->sent && !inError() && now - sentAt > options.confirmTimeout) {
            hold("the printer did not confirm the receipt: check it, then reprint");
        }
        if (pollOutstanding && now - pollSentAt > options.answerTimeout) {
            // A printer that stops answering real-time requests is off or hung.
            reader.forget();
            pollOutstanding = false;
            PrinterStatus silent;
            silent.known = true;
            setStatus(silent);
            if (current) hold("the printer does not answer: check its power and cable");
        } else if (now - lastPoll >= options.pollInterval) {
            requestStatus();
        }
    }

    void run() {
        for (;;) {
            std::shared_ptr<Task> task;
            {
                std::unique_lock lock(mutex);
                const auto ready = [&] {
                    return stopping || !tasks.empty() ||
                           (claimed && enabled && !current && !queue.empty() && state != PrinterState::Error);
                };
                // A two-way printer is read all the time (its read waits); otherwise the thread
                // sleeps until there is something to do, or a reconnection is due.
                if (!(claimed && enabled && twoWay && transport->isOpen()) && !ready()) {
                    wake.wait_for(lock, claimed && enabled ? kSlice : options.pollInterval, ready);
                }
                if (stopping) break;
                if (!tasks.empty()) {
                    task = std::move(tasks.front());
                    tasks.pop_front();
                }
            }
            if (task) {
                task->done.set_value(task->work());
            } else if (claimed && enabled) {
                if (twoWay) {
                    pump();
                    if (transport->isOpen()) startNext();
                } else {
                    if (!transport->isOpen()) (void)transport->open();
                    startNext();
                }
            }
            deliver();
        }
        // Closing: what was not printed is reported failed.
        const core::Status closed(core::ErrorKind::Unavailable, "printer closed before the receipt was printed");
        if (current) finish(closed);
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (queue.empty()) break;
                current = std::move(queue.front());
                queue.pop_front();
            }
            finish(closed);
        }
        transport->close();
        deliver();
    }

    // ---- tasks, run on the thread

    core::Status claimTask() {
        if (transport->isOpen()) return core::Status::okStatus();
        FD_TRY(transport->open());
        reader.forget();
        std::lock_guard lock(mutex);
        claimed = true;
        return core::Status::okStatus();
    }

    core::Status enableTask() {
        {
            std::lock_guard lock(mutex);
            if (!claimed) return core::failedPrecondition("printer " + transport->address() + ": not claimed");
            enabled = true;
        }
        if (!twoWay) {
            setStatus(PrinterStatus{});  // unknown, and said so
            return core::Status::okStatus();
        }
        if (profile.autoStatusBack) {
            // Drawer, online, error and paper sensors: every change is pushed at once.
            const std::string on = {escpos::kGs, escpos::kAutoStatusBack, 0x0F};
            if (core::Status s = transport->write(on); !s.ok()) connectionLost(s);
        }
        requestStatus();
        const auto until = Clock::now() + options.answerTimeout;
        while (pollOutstanding && transport->isOpen() && Clock::now() < until) pump();
        return core::Status::okStatus();
    }

    core::Status retryTask() {
        if (!inError()) return core::failedPrecondition("the printer has no error to retry");
        if (!reconnect() && !transport->isOpen()) {
            return {core::ErrorKind::Unavailable, "printer unreachable: " + transport->address()};
        }
        // The status now, and a confirmation that may have come meanwhile.
        requestStatus();
        const auto until = Clock::now() + options.answerTimeout;
        while (pollOutstanding && transport->isOpen() && Clock::now() < until) pump();
        if (!current) return core::Status::okStatus();  // printed meanwhile
        if (const std::string fault = status.fault(); !fault.empty()) return core::failedPrecondition(whatToDo(fault));
        if (twoWay && transport->isOpen()) (void)transport->write(kClearBuffer);
        {
            std::lock_guard lock(mutex);
            state = PrinterState::Busy;
            lastError.clear();
            held.erase(current->id);
        }
        current->reprint = current->sent;
        send();
        return core::Status::okStatus();
    }

    core::Status clearTask() {
        if (!inError()) return core::failedPrecondition("the printer has no error to clear");
        if (twoWay && transport->isOpen()) (void)transport->write(kClearBuffer);
        if (current) {
            finish(core::Status(core::ErrorKind::Unavailable, "receipt given up: " + lastErrorCopy()));
        } else {
            std::lock_guard lock(mutex);
            state = queue.empty() ? PrinterState::Idle : PrinterState::Busy;
            lastError.clear();
        }
        return core::Status::okStatus();
    }

    std::string lastErrorCopy() const {
        std::lock_guard lock(mutex);
        return lastError;
    }
};

PrinterService::PrinterService(firmware_config::PrinterProfile profile, std::unique_ptr<Transport> transport,
                               PrinterServiceOptions options)
    : m_impl(std::make_unique<Impl>(std::move(profile), std::move(transport), std::move(options))) {}

PrinterService::~PrinterService() {
    close();
}

void PrinterService::setListener(std::function<void(const PrinterEvent&)> listener) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->listener = std::move(listener);
}

core::Status PrinterService::open() {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->running) return core::Status::okStatus();
    m_impl->running = true;
    m_impl->stopping = false;
    m_impl->state = PrinterState::Idle;
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
    return core::Status::okStatus();
}

core::Status PrinterService::claim() {
    return m_impl->onThread([impl = m_impl.get()] { return impl->claimTask(); });
}

core::Status PrinterService::enable() {
    return m_impl->onThread([impl = m_impl.get()] { return impl->enableTask(); });
}

void PrinterService::disable() {
    (void)m_impl->onThread([impl = m_impl.get()] {
        std::lock_guard lock(impl->mutex);
        impl->enabled = false;
        return core::Status::okStatus();
    });
}

void PrinterService::release() {
    (void)m_impl->onThread([impl = m_impl.get()] {
        impl->transport->close();
        std::lock_guard lock(impl->mutex);
        impl->claimed = impl->enabled = false;
        return core::Status::okStatus();
    });
}

void PrinterService::close() {
    {
        std::lock_guard lock(m_impl->mutex);
        if (!m_impl->running) return;
        m_impl->stopping = true;
    }
    m_impl->wake.notify_all();
    m_impl->poke();
    m_impl->thread.join();
    std::lock_guard lock(m_impl->mutex);
    m_impl->running = m_impl->claimed = m_impl->enabled = false;
    m_impl->state = PrinterState::Closed;
    // Calls queued behind the stop are answered, not left waiting.
    for (auto& task : m_impl->tasks) task->done.set_value(m_impl->notOpen());
    m_impl->tasks.clear();
}

core::Result<JobId> PrinterService::printAsync(Document document) {
    Job job;
    job.document = std::move(document);
    return m_impl->queueJob(std::move(job));
}

core::Result<JobId> PrinterService::printBytesAsync(std::string bytes) {
    Job job;
    job.bytes = std::move(bytes);
    return m_impl->queueJob(std::move(job));
}

core::Result<JobId> PrinterService::openDrawer() {
    if (!m_impl->profile.drawerKick) {
        return core::failedPrecondition(m_impl->profile.model + ": no drawer port");
    }
    return printBytesAsync(EscPosEncoder::drawerKick());
}

core::Status PrinterService::retry() {
    return m_impl->onThread([impl = m_impl.get()] { return impl->retryTask(); });
}

core::Status PrinterService::clearError() {
    return m_impl->onThread([impl = m_impl.get()] { return impl->clearTask(); });
}

core::Status PrinterService::waitForJob(JobId job, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_impl->mutex);
    core::Status result(core::ErrorKind::Unavailable, "receipt not printed within the time allowed");
    m_impl->changed.wait_for(lock, timeout, [&] {
        if (auto it = m_impl->outcomes.find(job); it != m_impl->outcomes.end()) {
            result = it->second;
            return true;
        }
        if (auto it = m_impl->held.find(job); it != m_impl->held.end()) {
            result = it->second;
            return true;
        }
        return false;
    });
    return result;
}

bool PrinterService::waitForStatus(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_impl->mutex);
    return m_impl->changed.wait_for(lock, timeout, [&] { return m_impl->statusRead; });
}

PrinterState PrinterService::state() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->state;
}

PrinterStatus PrinterService::status() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->status;
}

std::string PrinterService::lastError() const {
    return m_impl->lastErrorCopy();
}

bool PrinterService::twoWay() const {
    return m_impl->twoWay;
}

const firmware_config::PrinterProfile& PrinterService::profile() const {
    return m_impl->profile;
}

}  // namespace frontdesk::peripherals
