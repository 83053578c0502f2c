#include "sync/relay.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/bounded_input.h"
#include "core/log.h"
#include "dataset_fetcher.h"
#include "link_loop.h"
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

json syncStatusJson(const SyncStatus& s) {
    json transfers = json::object();
    for (const auto& [name, t] : s.transfers) {
        transfers[name] = {{"version", t.version}, {"chunks_stored", t.chunksStored}, {"chunks_total", t.chunksTotal},
                           {"state", t.state}};
    }
    return json{{"online", s.online},
                {"outbox_depth", s.outboxDepth},
                {"oldest_unsynced_at", s.oldestUnsyncedAt ? json(*s.oldestUnsyncedAt) : json()},
                {"acknowledged_upto", s.acknowledgedUpTo},
                {"last_ack_at", s.lastAckAt ? json(*s.lastAckAt) : json()},
                {"published", s.published},
                {"resends", s.resends},
                {"connects", s.connects},
                {"datasets", s.datasets},
                {"transfers", transfers},
                {"chunks_received", s.chunksReceived},
                {"refused_chunks", s.refusedChunks},
                {"last_error", s.lastError}};
}

OutboxRelay::OutboxRelay(RelayOptions options, std::unique_ptr<EventSource> source, const core::Clock& clock,
                         RelayHandlers handlers)
    : m_options(std::move(options)), m_source(std::move(source)), m_clock(clock), m_handlers(std::move(handlers)) {}

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
    if (m_handlers.datasets) link.subscriptions.push_back(masterTopic(m_options.address.store, "+"));
    LoopHooks hooks;
    hooks.will = [this]() -> core::Result<std::optional<Message>> {
        FD_ASSIGN(m_bdseq, m_source->nextBirthSeq());
        return std::optional<Message>(Message{terminalTopic(m_options.address, Channel::Status), presence(false), true});
    };
    hooks.connected = [this] { onConnected(); };
    hooks.lost = [this](const std::string& why) { noteError(why); };
    hooks.received = [this](const Message& message) { onMessage(message); };
    hooks.tick = [this] {
        if (m_loop->connected()) publishPending();
        refreshStatus();
    };
    hooks.stopping = [this] {
        // A clean shutdown sends no will: say offline ourselves.
        if (m_loop->connected()) {
            (void)m_loop->publish({terminalTopic(m_options.address, Channel::Status), presence(false), true});
        }
    };
    const LoopTiming timing{m_options.pollInterval, m_options.reconnectMin, m_options.reconnectMax,
                            std::chrono::milliseconds(15000)};
    m_loop = std::make_unique<LinkLoop>(std::move(link), timing, std::move(hooks));
    if (m_handlers.datasets) m_fetcher = std::make_unique<DatasetFetcher>(m_options.address.store, *m_loop, *m_handlers.datasets);
    return m_loop->start();
}

void OutboxRelay::stop() {
    if (m_loop) m_loop->stop();
}

void OutboxRelay::wake() {
    if (m_loop) m_loop->wake();
}

SyncStatus OutboxRelay::status() const {
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

bool OutboxRelay::waitUntilDrained(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_statusMutex);
    const std::int64_t since = m_statusReads;
    wake();
    return m_statusRead.wait_for(lock, timeout, [&] { return m_statusReads > since && m_status.outboxDepth == 0; });
}

void OutboxRelay::onConnected() {
    core::log::info("sync.relay", "connected",
                    {{"broker", m_options.broker.host + ":" + std::to_string(m_options.broker.port)},
                     {"client", clientId(m_options.address)},
                     {"bdseq", std::to_string(m_bdseq)},
                     {"resending_from", std::to_string(m_acked + 1)}});
    {
        std::lock_guard lock(m_statusMutex);
        ++m_status.connects;
    }
    publishBirth();
    if (m_fetcher) m_fetcher->onConnected();
    // Whatever was in flight on the last connection may not have arrived: send again from the
    // last ack (the back office drops what it has by id).
    m_sent = m_acked;
    m_lastProgress = SteadyClock::now();
}

void OutboxRelay::publishBirth() {
    if (core::Status born = m_loop->publish({terminalTopic(m_options.address, Channel::Status), birth(), true});
        !born.ok()) {
        noteError(born.message());
    }
}

void OutboxRelay::onMessage(const Message& message) {
    if (m_fetcher) {
        auto topic = parseTopic(message.topic);
        if (topic.ok() && topic->isMaster()) {
            if (core::Status handled = m_fetcher->onMessage(*topic, message.payload); !handled.ok()) {
                noteError(handled.message());
            }
            std::lock_guard lock(m_statusMutex);
            m_status.chunksReceived = m_fetcher->keptChunks();
            m_status.refusedChunks = m_fetcher->refusedChunks();
            return;
        }
    }
    if (message.topic == terminalTopic(m_options.address, Channel::Acks)) {
        onAck(message.payload);
    } else if (message.topic == terminalTopic(m_options.address, Channel::Cmd)) {
        onCommand(message.payload);
    } else if (message.topic == terminalTopic(m_options.address, Channel::Config)) {
        if (m_handlers.config) m_handlers.config(message.payload);
    } else {
        noteError("message on an unexpected topic " + core::excerpt(message.topic, 80));
    }
}

void OutboxRelay::onAck(const std::string& payload) {
    auto ack = decodeAck(payload);
    if (!ack.ok()) return noteError(ack.status().message());
    for (const auto& rejected : ack->rejected) {
        core::log::warn("sync.relay", "the back office dead-lettered an event",
                        {{"seq", std::to_string(rejected.seq)}, {"id", rejected.id}, {"reason", rejected.reason}});
    }
    if (ack->upto <= m_acked) return;  // an old or repeated ack
    if (core::Status marked = m_source->acknowledge(ack->upto); !marked.ok()) return noteError(marked.message());
    m_acked = ack->upto;
    m_sent = std::max(m_sent, m_acked);
    m_lastProgress = SteadyClock::now();
    std::lock_guard lock(m_statusMutex);
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
    core::log::info("sync.relay", "resend asked for by the back office", {{"from", std::to_string(from->get<std::int64_t>())}});
    std::lock_guard lock(m_statusMutex);
    ++m_status.resends;
}

void OutboxRelay::publishPending() {
    auto now = SteadyClock::now();
    if (m_sent > m_acked && now - m_lastProgress > m_options.ackTimeout) {
        core::log::warn("sync.relay", "no ack in time: sending again",
                        {{"from", std::to_string(m_acked + 1)}, {"in_flight", std::to_string(m_sent - m_acked)}});
        m_sent = m_acked;  // no ack came for what is in flight: send it again
        m_lastProgress = now;
        std::lock_guard lock(m_statusMutex);
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
        if (core::Status sent = m_loop->publish({terminalTopic(m_options.address, Channel::Events),
                                                 batchPayload(*events, count), false});
            !sent.ok()) {
            return noteError(sent.message());  // the connection handlers take it from here
        }
        if (m_sent <= m_acked) m_lastProgress = now;  // the window was empty: its timer starts now
        m_sent = (*events)[count - 1].seq;
        std::lock_guard lock(m_statusMutex);
        ++m_status.published;
    }
}

std::string OutboxRelay::birth() {
    auto depth = m_source->depth();
    auto datasets = m_source->datasetVersions();
    m_bornWith = datasets.ok() ? *datasets : std::map<std::string, std::int64_t>{};
    return json{{"online", true},
                {"bdseq", m_bdseq},
                {"since", core::formatIso8601(m_clock.now())},
                {"version", m_options.softwareVersion},
                {"outbox", depth.ok() ? depth->count : 0},
                {"datasets", m_bornWith}}
        .dump();
}

std::string OutboxRelay::presence(bool online) const {
    return json{{"online", online}, {"bdseq", m_bdseq}}.dump();
}

void OutboxRelay::refreshStatus() {
    auto depth = m_source->depth();
    auto datasets = m_source->datasetVersions();
    // A new master-data version applied: the retained birth says so at once.
    if (datasets.ok() && m_loop->connected() && *datasets != m_bornWith) publishBirth();
    std::map<std::string, DatasetTransfer> transfers;
    if (m_fetcher && datasets.ok()) transfers = m_fetcher->transfers(*datasets);
    std::lock_guard lock(m_statusMutex);
    m_status.transfers = std::move(transfers);
    m_status.online = m_loop->connected();
    if (depth.ok()) {
        m_status.outboxDepth = depth->count;
        m_status.oldestUnsyncedAt = depth->oldestAt;
    }
    if (datasets.ok()) m_status.datasets = *datasets;
    m_status.acknowledgedUpTo = m_acked;
    ++m_statusReads;
    m_statusRead.notify_all();
}

void OutboxRelay::noteError(const std::string& error) {
    core::log::warn("sync.relay", error);
    std::lock_guard lock(m_statusMutex);
    m_status.lastError = error;
}

}  // namespace frontdesk::sync
