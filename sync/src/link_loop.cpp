#include "link_loop.h"

#include <algorithm>
#include <random>

namespace frontdesk::sync {

using SteadyClock = std::chrono::steady_clock;

struct LinkLoop::Item {
    enum class Kind { Connected, Lost, Received, Work };
    Kind kind;
    std::string why;
    Message message;
    std::function<void()> work;
};

LinkLoop::LinkLoop(LinkOptions link, LoopTiming timing, LoopHooks hooks)
    : m_linkOptions(std::move(link)), m_timing(timing), m_hooks(std::move(hooks)) {}

LinkLoop::~LinkLoop() { stop(); }

core::Status LinkLoop::start() {
    auto push = [this](Item item) {
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::make_unique<Item>(std::move(item)));
        m_wake.notify_one();
    };
    LinkHandlers handlers;
    handlers.connected = [push] { push({Item::Kind::Connected, {}, {}, {}}); };
    handlers.lost = [push](const std::string& why) { push({Item::Kind::Lost, why, {}, {}}); };
    handlers.message = [push](Message message) { push({Item::Kind::Received, {}, std::move(message), {}}); };
    FD_ASSIGN(m_link, MqttLink::create(m_linkOptions, std::move(handlers)));
    m_reconnectAt = SteadyClock::now();
    m_thread = std::thread([this] { run(); });
    return {};
}

void LinkLoop::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || !m_thread.joinable()) return;
        m_stopping = true;
        m_wake.notify_one();
    }
    m_thread.join();
    m_link.reset();  // disconnects; no handler runs after this
}

void LinkLoop::post(std::function<void()> work) {
    std::lock_guard lock(m_mutex);
    m_items.push_back(std::make_unique<Item>(Item{Item::Kind::Work, {}, {}, std::move(work)}));
    m_wake.notify_one();
}

void LinkLoop::wake() {
    std::lock_guard lock(m_mutex);
    m_woken = true;
    m_wake.notify_one();
}

core::Status LinkLoop::publish(const Message& message) {
    if (!m_connected) return core::Status(core::ErrorKind::Unavailable, "not connected to the broker");
    return m_link->publish(message);
}

core::Status LinkLoop::subscribe(const std::string& filter) {
    if (!m_connected) return core::Status(core::ErrorKind::Unavailable, "not connected to the broker");
    return m_link->subscribe(filter);
}

core::Status LinkLoop::unsubscribe(const std::string& filter) {
    if (!m_connected) return core::Status(core::ErrorKind::Unavailable, "not connected to the broker");
    return m_link->unsubscribe(filter);
}

void LinkLoop::run() {
    while (true) {
        std::deque<std::unique_ptr<Item>> items;
        {
            std::unique_lock lock(m_mutex);
            auto deadline = SteadyClock::now() + m_timing.pollInterval;
            if (!m_connected && !m_connecting) deadline = std::min(deadline, m_reconnectAt);
            m_wake.wait_until(lock, deadline, [&] { return m_stopping || m_woken || !m_items.empty(); });
            if (m_stopping) break;
            std::swap(items, m_items);
            m_woken = false;
        }
        for (auto& item : items) runItem(*item);
        reconnectIfDue();
        if (m_hooks.tick) m_hooks.tick();
    }
    if (m_hooks.stopping) m_hooks.stopping();
    if (m_connected) m_link->disconnect(std::chrono::milliseconds(1000));
}

void LinkLoop::runItem(Item& item) {
    switch (item.kind) {
        case Item::Kind::Connected:
            m_connected = true;
            m_connecting = false;
            m_backoff = std::chrono::milliseconds(0);
            if (m_hooks.connected) m_hooks.connected();
            break;
        case Item::Kind::Lost:
            if (m_connected || m_connecting) lose(item.why);
            break;
        case Item::Kind::Received:
            if (m_hooks.received) m_hooks.received(item.message);
            break;
        case Item::Kind::Work: item.work(); break;
    }
}

void LinkLoop::lose(const std::string& why) {
    m_connected = false;
    m_connecting = false;
    m_reconnectAt = SteadyClock::now() + nextBackoff();
    if (m_hooks.lost) m_hooks.lost(why);
}

void LinkLoop::reconnectIfDue() {
    const auto now = SteadyClock::now();
    if (m_connected) return;
    if (m_connecting) {
        if (now >= m_attemptDeadline) lose("connection attempt timed out");
        return;
    }
    if (now < m_reconnectAt) return;
    std::optional<Message> will;
    if (m_hooks.will) {
        auto made = m_hooks.will();
        if (!made.ok()) {
            m_connecting = true;  // so that lose() schedules the next attempt
            return lose(made.status().message());
        }
        will = *made;
    }
    m_connecting = true;
    m_attemptDeadline = now + m_timing.attemptTimeout;
    if (core::Status attempt = m_link->connect(will); !attempt.ok()) lose(attempt.message());
}

// Exponential backoff with full jitter: the ceiling doubles from reconnectMin up to reconnectMax,
// and the wait is drawn uniformly below it, so that a store's terminals do not all reconnect in
// the same instant when the broker comes back.
std::chrono::milliseconds LinkLoop::nextBackoff() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    m_backoff = std::clamp(m_backoff * 2, m_timing.reconnectMin, m_timing.reconnectMax);
    std::uniform_int_distribution<std::int64_t> wait(m_timing.reconnectMin.count(), m_backoff.count());
    return std::chrono::milliseconds(wait(random));
}

}  // namespace frontdesk::sync
