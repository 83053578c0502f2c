// The printer service's own thread: the only one that uses the transport. It sends each job and
// waits for the printer's confirmation, reads the status, holds a job through a fault, and runs
// the calls (claim, enable, retry, clear) queued by printer_service.cpp.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "core/log.h"
#include "escpos_bytes.h"
#include "peripherals/escpos_encoder.h"
#include "printer_service_impl.h"

namespace frontdesk::peripherals {

namespace {

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

}  // namespace

void PrinterService::Impl::deliver() {
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

void PrinterService::Impl::setStatus(const PrinterStatus& next) {
    std::lock_guard lock(mutex);
    statusRead = true;
    if (next == status) return;
    status = next;
    PrinterEvent e;
    e.kind = PrinterEvent::Kind::StatusUpdate;
    e.status = next;
    pending.push_back(e);
}

void PrinterService::Impl::setState(PrinterState next) {
    std::lock_guard lock(mutex);
    state = next;
}

void PrinterService::Impl::finish(core::Status outcome) {
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
void PrinterService::Impl::hold(const std::string& reason) {
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

bool PrinterService::Impl::inError() const {
    std::lock_guard lock(mutex);
    return state == PrinterState::Error;
}

core::Result<std::string> PrinterService::Impl::encode(const Job& job) {
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

void PrinterService::Impl::connectionLost(const core::Status& why) {
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

bool PrinterService::Impl::reconnect() {
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

void PrinterService::Impl::requestStatus() {
    if (!twoWay || !transport->isOpen()) return;
    for (const int n : {1, 2, 4}) reader.expectRealtime(n);
    lastPoll = Clock::now();
    if (!pollOutstanding) pollSentAt = lastPoll;
    pollOutstanding = true;
    if (core::Status s = transport->write(kStatusRequests); !s.ok()) connectionLost(s);
}

void PrinterService::Impl::send() {
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
void PrinterService::Impl::startNext() {
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
std::chrono::milliseconds PrinterService::Impl::awaitInput() {
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

// Reads what the printer says, and acts on it.
void PrinterService::Impl::pump() {
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

void PrinterService::Impl::run() {
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

core::Status PrinterService::Impl::claimTask() {
    if (transport->isOpen()) return core::Status::okStatus();
    FD_TRY(transport->open());
    reader.forget();
    std::lock_guard lock(mutex);
    claimed = true;
    return core::Status::okStatus();
}

core::Status PrinterService::Impl::enableTask() {
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

core::Status PrinterService::Impl::retryTask() {
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

core::Status PrinterService::Impl::clearTask() {
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

}  // namespace frontdesk::peripherals
