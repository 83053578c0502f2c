#include "sync/relay.h"

#include <algorithm>
#include <deque>
#include <random>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "sync/ack.h"

namespace frontdesk::sync {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kMaxCommandBytes = 64 * 1024;

// Several envelopes in one message: a JSON array of them in seq order, each exactly as stored.
std::string batchPayload(const std::vector<PendingEvent>& events, std::size_t count) {
    if (count == 1) return events.front().envelope;
    std::string payload = "[";
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) payload += ',';
        payload += events[i].envelope;
    }
    payload += ']';
    return payload;
}

// How many of `events` fit in one message of at most maxBytes (always at least one: a single
// envelope is never split).
std::size_t fitting(const std::vector<PendingEvent>& events, std::size_t maxBytes) {
    std::size_t bytes = 2;
    std::size_t count = 0;
    for (const auto& event : events) {
        bytes += event.envelope.size() + 1;
        if (count > 0 && bytes > maxBytes) break;
        ++count;
    }
    return count;
}

}  // namespace

// What Paho's callback thread hands over to the relay's thread, in arrival order.
struct OutboxRelay::Inbound {
    enum class Kind { Connected, Lost, Received };
    struct Item {
        Kind kind;
        std::string text;  // why the connection was lost
        Message message;
    };
    std::deque<Item> items;
    bool woken = false;
};

OutboxRelay::OutboxRelay(RelayOptions options, std::unique_ptr<EventSource> source, const core::Clock& clock,
                         RelayHandlers handlers)
    : m_options(std::move(options)),
      m_source(std::move(source)),
      m_clock(clock),
      m_handlers(std::move(handlers)),
      m_inbound(std::make_unique<Inbound>()) {}

OutboxRelay::~OutboxRelay() { stop(); }

core::Status OutboxRelay::start() {
    FD_TRY(validateStoreId(m_options.address.store));
    FD_TRY(validateTerminalId(m_options.address.terminal));
    FD_ASSIGN(m_acked, m_source->acknowledgedUpTo());
    m_sent = m_acked;
    LinkOptions link;
    link.broker = m_options.broker;
    link.clientId = clientId(m_options.address);
    link.username = m_options.username;
    link.password = m_options.password;
    link.keepAlive = m_options.keepAlive;
    link.subscriptions = {terminalTopic(m_options.address, Channel::Acks),
                          terminalTopic(m_options.address, Channel::Config),
                          terminalTopic(m_options.address, Channel::Cmd)};
    auto push = [this](Inbound::Item item) {
        std::lock_guard lock(m_mutex);
        m_inbound->items.push_back(std::move(item));
        m_wake.notify_one();
    };
    LinkHandlers handlers;
    handlers.connected = [push] { push({Inbound::Kind::Connected, {}, {}}); };
    handlers.lost = [push](const std::string& why) { push({Inbound::Kind::Lost, why, {}}); };
    handlers.message = [push](Message message) { push({Inbound::Kind::Received, {}, std::move(message)}); };
    FD_ASSIGN(m_link, MqttLink::create(std::move(link), std::move(handlers)));
    m_reconnectAt = SteadyClock::now();
    m_thread = std::thread([this] { run(); });
    return {};
}

void OutboxRelay::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || !m_thread.joinable()) return;
        m_stopping = true;
        m_wake.notify_one();
    }
    m_thread.join();
    if (m_link && m_connected) {
        // A clean shutdown sends no will: say offline ourselves.
        (void)m_link->publish({terminalTopic(m_options.address, Channel::Status),
                               json{{"online", false}, {"bdseq", m_bdseq}}.dump(), true});
    }
    m_link.reset();  // disconnects; no handler runs after this
}

void OutboxRelay::wake() {
    std::lock_guard lock(m_mutex);
    m_inbound->woken = true;
    m_wake.notify_one();
}

SyncStatus OutboxRelay::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void OutboxRelay::run() {
    while (true) {
        Inbound inbound;
        {
            std::unique_lock lock(m_mutex);
            auto deadline = SteadyClock::now() + m_options.pollInterval;
            if (!m_connected) deadline = std::min(deadline, m_reconnectAt);
            m_wake.wait_until(lock, deadline,
                              [&] { return m_stopping || m_inbound->woken || !m_inbound->items.empty(); });
            if (m_stopping) return;
            std::swap(inbound, *m_inbound);
        }
        handle(inbound);
        reconnectIfDue();
        if (m_connected) publishPending();
        refreshStatus();
    }
}

void OutboxRelay::handle(Inbound& inbound) {
    for (auto& item : inbound.items) {
        switch (item.kind) {
            case Inbound::Kind::Connected: onConnected(); break;
            case Inbound::Kind::Lost:
                if (m_connected || m_connecting) {
                    m_connected = false;
                    m_connecting = false;
                    noteError(item.text);
                    m_reconnectAt = SteadyClock::now() + nextBackoff();
                }
                break;
            case Inbound::Kind::Received: {
                const std::string& topic = item.message.topic;
                if (topic == terminalTopic(m_options.address, Channel::Acks)) {
                    onAck(item.message.payload);
                } else if (topic == terminalTopic(m_options.address, Channel::Cmd)) {
                    onCommand(item.message.payload);
                } else if (topic == terminalTopic(m_options.address, Channel::Config)) {
                    if (m_handlers.config) m_handlers.config(item.message.payload);
                } else {
                    noteError("message on an unexpected topic " + core::excerpt(topic, 80));
                }
                break;
            }
        }
    }
}

void OutboxRelay::onConnected() {
    m_connected = true;
    m_connecting = false;
    m_backoff = std::chrono::milliseconds(0);
    {
        std::lock_guard lock(m_mutex);
        ++m_status.connects;
    }
    if (core::Status born = m_link->publish({terminalTopic(m_options.address, Channel::Status), birth(m_bdseq), true});
        !born.ok()) {
        noteError(born.message());
    }
    // Whatever was in flight on the last connection may not have arrived: send again from the
    // last ack (the back office drops what it has by id).
    m_sent = m_acked;
    m_lastProgress = SteadyClock::now();
}

void OutboxRelay::onAck(const std::string& payload) {
    auto ack = decodeAck(payload);
    if (!ack.ok()) return noteError(ack.status().message());
    if (ack->upto <= m_acked) return;  // an old or repeated ack
    if (core::Status marked = m_source->acknowledge(ack->upto); !marked.ok()) return noteError(marked.message());
    m_acked = ack->upto;
    m_sent = std::max(m_sent, m_acked);
    m_lastProgress = SteadyClock::now();
    std::lock_guard lock(m_mutex);
    m_status.acknowledgedUpTo = m_acked;
    m_status.lastAckAt = core::formatIso8601(m_clock.now());
}

void OutboxRelay::onCommand(const std::string& payload) {
    if (core::Status bounded = core::checkJsonBounds(payload, kMaxCommandBytes, 8, "command"); !bounded.ok()) {
        return noteError(bounded.message());
    }
    const json command = json::parse(payload, nullptr, false);
    const bool resend = command.is_object() && command.value("cmd", json()) == "resend";
    if (!resend) {
        if (m_handlers.command) m_handlers.command(payload);
        return;
    }
    auto from = command.find("from");
    if (from == command.end() || !from->is_number_integer() || from->get<std::int64_t>() < 1) {
        return noteError("resend command without a seq 'from' of 1 or more");
    }
    m_sent = std::min(m_sent, from->get<std::int64_t>() - 1);
    std::lock_guard lock(m_mutex);
    ++m_status.resends;
}

void OutboxRelay::publishPending() {
    auto now = SteadyClock::now();
    if (m_sent > m_acked && now - m_lastProgress > m_options.ackTimeout) {
        m_sent = m_acked;  // no ack came for what is in flight: send it again
        m_lastProgress = now;
        std::lock_guard lock(m_mutex);
        ++m_status.resends;
    }
    const auto maxInFlight = static_cast<std::int64_t>(m_options.maxInFlight);
    while (true) {
        const std::int64_t inFlight = std::max<std::int64_t>(m_sent - m_acked, 0);
        if (inFlight >= maxInFlight) return;
        const auto room = static_cast<std::size_t>(maxInFlight - inFlight);
        auto events = m_source->eventsAfter(m_sent, std::min(room, m_options.maxBatch));
        if (!events.ok()) return noteError(events.status().message());
        if (events->empty()) return;
        const std::size_t count = fitting(*events, m_options.maxBatchBytes);
        if (core::Status sent = m_link->publish({terminalTopic(m_options.address, Channel::Events),
                                                 batchPayload(*events, count), false});
            !sent.ok()) {
            return noteError(sent.message());  // the connection handlers take it from here
        }
        if (m_sent <= m_acked) m_lastProgress = now;  // the window was empty: its timer starts now
        m_sent = (*events)[count - 1].seq;
        std::lock_guard lock(m_mutex);
        ++m_status.published;
    }
}

void OutboxRelay::reconnectIfDue() {
    const auto now = SteadyClock::now();
    if (m_connected) return;
    if (m_connecting) {
        // Paho reports every attempt's outcome; this only guards against one that never ends.
        if (now < m_attemptDeadline) return;
        m_connecting = false;
        noteError("connection attempt timed out");
        m_reconnectAt = now + nextBackoff();
    }
    if (now < m_reconnectAt) return;
    auto bdseq = m_source->nextBirthSeq();
    if (!bdseq.ok()) {
        noteError(bdseq.status().message());
        m_reconnectAt = now + nextBackoff();
        return;
    }
    m_bdseq = *bdseq;
    const Message will{terminalTopic(m_options.address, Channel::Status),
                       json{{"online", false}, {"bdseq", m_bdseq}}.dump(), true};
    if (core::Status attempt = m_link->connect(will); !attempt.ok()) {
        noteError(attempt.message());
        m_reconnectAt = now + nextBackoff();
        return;
    }
    m_connecting = true;
    m_attemptDeadline = now + std::chrono::seconds(15);
}

// Exponential backoff with full jitter: the ceiling doubles from reconnectMin up to reconnectMax,
// and the wait is drawn uniformly below it, so that a store's terminals do not all reconnect in
// the same instant after the broker comes back.
std::chrono::milliseconds OutboxRelay::nextBackoff() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    m_backoff = std::clamp(m_backoff * 2, m_options.reconnectMin, m_options.reconnectMax);
    std::uniform_int_distribution<std::int64_t> wait(m_options.reconnectMin.count(), m_backoff.count());
    return std::chrono::milliseconds(wait(random));
}

std::string OutboxRelay::birth(std::int64_t bdseq) {
    auto depth = m_source->depth();
    auto datasets = m_source->datasetVersions();
    return json{{"online", true},
                {"bdseq", bdseq},
                {"since", core::formatIso8601(m_clock.now())},
                {"version", m_options.softwareVersion},
                {"outbox", depth.ok() ? depth->count : 0},
                {"datasets", datasets.ok() ? *datasets : std::map<std::string, std::int64_t>{}}}
        .dump();
}

void OutboxRelay::refreshStatus() {
    auto depth = m_source->depth();
    auto datasets = m_source->datasetVersions();
    std::lock_guard lock(m_mutex);
    m_status.online = m_connected;
    if (depth.ok()) {
        m_status.outboxDepth = depth->count;
        m_status.oldestUnsyncedAt = depth->oldestAt;
    }
    if (datasets.ok()) m_status.datasets = *datasets;
    m_status.acknowledgedUpTo = m_acked;
}

void OutboxRelay::noteError(const std::string& error) {
    std::lock_guard lock(m_mutex);
    m_status.lastError = error;
}

}  // namespace frontdesk::sync
