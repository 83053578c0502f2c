#include "sync/consumer.h"

#include "core/bounded_input.h"
#include "core/log.h"
#include "link_loop.h"
#include "sync/topics.h"

namespace frontdesk::sync {

using nlohmann::json;

namespace {
constexpr std::size_t kMaxPresenceBytes = 64 * 1024;
}

EventConsumer::EventConsumer(ConsumerOptions options, CommitDeliveries commit, EnvelopeCheck check,
                             std::function<void(const TerminalPresence&)> presence)
    : m_options(std::move(options)), m_commit(std::move(commit)), m_check(check), m_presence(std::move(presence)) {}

EventConsumer::~EventConsumer() { stop(); }

core::Status EventConsumer::start() {
    FD_TRY(validateStoreId(m_options.store));
    LinkOptions link;
    link.broker = m_options.broker;
    link.clientId = m_options.clientId;
    link.username = m_options.username;
    link.password = m_options.password;
    link.keepAlive = m_options.keepAlive;
    const std::string store = std::string(kTopicRoot) + "/" + m_options.store;
    link.subscriptions = {store + "/+/events", store + "/+/status"};
    LoopHooks hooks;
    hooks.connected = [this] {
        core::log::info("sync.consumer", "connected",
                        {{"broker", m_options.broker.host + ":" + std::to_string(m_options.broker.port)},
                         {"store", m_options.store}});
        sendUnsent();
    };
    hooks.lost = [this](const std::string& why) { noteError(why); };
    hooks.received = [this](const Message& message) { onMessage(message); };
    hooks.tick = [this] {
        std::lock_guard lock(m_statusMutex);
        m_status.online = m_loop->connected();
    };
    LoopTiming timing;
    timing.reconnectMin = m_options.reconnectMin;
    timing.reconnectMax = m_options.reconnectMax;
    m_loop = std::make_unique<LinkLoop>(std::move(link), timing, std::move(hooks));
    return m_loop->start();
}

void EventConsumer::stop() {
    if (m_loop) m_loop->stop();
}

void EventConsumer::requestResend(const TerminalAddress& terminal, std::int64_t from) {
    publish({terminalTopic(terminal, Channel::Cmd), json{{"cmd", "resend"}, {"from", from}}.dump(), false});
}

void EventConsumer::publish(Message message) {
    m_loop->post([this, message = std::move(message)] {
        if (!m_loop->connected()) return m_unsent.push_back(message);  // sent on the next connect
        if (core::Status sent = m_loop->publish(message); !sent.ok()) noteError(sent.message());
    });
}

void EventConsumer::sendUnsent() {
    while (!m_unsent.empty() && m_loop->connected()) {
        if (core::Status sent = m_loop->publish(m_unsent.front()); !sent.ok()) return noteError(sent.message());
        m_unsent.pop_front();
    }
}

ConsumerStatus EventConsumer::status() const {
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

void EventConsumer::onMessage(const Message& message) {
    auto topic = parseTopic(message.topic);
    if (!topic.ok()) return noteError(topic.status().message());
    if (topic->isMaster() || topic->address.store != m_options.store) {
        return noteError("message on a topic this consumer does not read: " + core::excerpt(message.topic, 80));
    }
    if (topic->channel == Channel::Events) return onEvents(topic->address, message.payload);
    if (topic->channel == Channel::Status) return onPresence(topic->address, message.payload);
    noteError("message on a topic this consumer does not read: " + core::excerpt(message.topic, 80));
}

void EventConsumer::onEvents(const TerminalAddress& from, const std::string& payload) {
    const auto deliveries = decodeDeliveries(from, payload, m_check);
    {
        std::lock_guard lock(m_statusMutex);
        ++m_status.messages;
        m_status.deliveries += static_cast<std::int64_t>(deliveries.size());
    }
    auto ack = m_commit(from, deliveries);
    if (!ack.ok()) {
        // Nothing was kept: no ack, and the terminal sends the events again.
        std::lock_guard lock(m_statusMutex);
        ++m_status.failedCommits;
        m_status.lastError = "commit failed, no ack sent: " + ack.status().message();
        core::log::error("sync.consumer", "commit failed, no ack sent",
                         {{"terminal", from.terminal}, {"reason", ack.status().message()}});
        return;
    }
    for (const auto& rejected : ack->rejected) {
        core::log::warn("sync.consumer", "event dead-lettered",
                        {{"terminal", from.terminal}, {"seq", std::to_string(rejected.seq)}, {"id", rejected.id},
                         {"reason", rejected.reason}});
    }
    if (core::Status sent = m_loop->publish({terminalTopic(from, Channel::Acks), encodeAck(*ack), false}); !sent.ok()) {
        return noteError(sent.message());  // committed: the resend is dropped by id and acked then
    }
    std::lock_guard lock(m_statusMutex);
    ++m_status.acks;
}

// Births and wills: a will whose bdseq is older than the terminal's current birth is a late will
// of an earlier connection, after a fast reconnect, and is ignored.
void EventConsumer::onPresence(const TerminalAddress& from, const std::string& payload) {
    if (payload.empty()) return;  // a cleared retained message
    if (core::Status bounded = core::checkJsonBounds(payload, kMaxPresenceBytes, 4, "presence"); !bounded.ok()) {
        return noteError(bounded.message());
    }
    const json message = json::parse(payload, nullptr, false);
    const bool valid = message.is_object() && message.contains("online") && message["online"].is_boolean() &&
                       message.contains("bdseq") && message["bdseq"].is_number_integer();
    if (!valid) return noteError("presence of " + from.terminal + " without a boolean 'online' and an integer 'bdseq'");
    TerminalPresence updated;
    {
        std::lock_guard lock(m_statusMutex);
        auto& current = m_status.terminals[from.terminal];
        const auto bdseq = message["bdseq"].get<std::int64_t>();
        const bool online = message["online"].get<bool>();
        if (bdseq < current.bdseq) return;
        if (online != current.online || bdseq != current.bdseq) {
            core::log::info("sync.consumer", online ? "terminal online" : "terminal offline",
                            {{"terminal", from.terminal}, {"bdseq", std::to_string(bdseq)}});
        }
        current.terminal = from;
        current.online = online;
        current.bdseq = bdseq;
        if (online) current.birth = message;
        updated = current;
    }
    if (m_presence) m_presence(updated);
}

void EventConsumer::noteError(const std::string& error) {
    core::log::warn("sync.consumer", error);
    std::lock_guard lock(m_statusMutex);
    m_status.lastError = error;
}

}  // namespace frontdesk::sync
