#include "peripherals/printer_service.h"

#include <fcntl.h>
#include <unistd.h>

#include "peripherals/escpos_encoder.h"
#include "printer_service_impl.h"

namespace frontdesk::peripherals {

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

PrinterService::Impl::Impl(firmware_config::PrinterProfile p, std::unique_ptr<Transport> t, PrinterServiceOptions o)
    : profile(std::move(p)), transport(std::move(t)), options(std::move(o)), twoWay(transport->twoWay()) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
        wakeRead.reset(fds[0]);
        wakeWrite.reset(fds[1]);
    }
}

core::Status PrinterService::Impl::onThread(std::function<core::Status()> work) {
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

core::Result<JobId> PrinterService::Impl::queueJob(Job job) {
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

void PrinterService::Impl::poke() {
    const char c = 1;
    (void)!::write(wakeWrite.get(), &c, 1);
}

std::string PrinterService::Impl::lastErrorCopy() const {
    std::lock_guard lock(mutex);
    return lastError;
}

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
    Impl::Job job;
    job.document = std::move(document);
    return m_impl->queueJob(std::move(job));
}

core::Result<JobId> PrinterService::printBytesAsync(std::string bytes) {
    Impl::Job job;
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
