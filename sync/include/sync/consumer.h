#pragma once
// The back office's end of the sync link (docs/protocol.md, "Consumer"): one MQTT connection for
// a store, subscribed to every terminal's events and presence.
//
// For each message on fd/v1/{store}/{terminal}/events it decodes the envelopes (decodeDeliveries,
// with the protocol's schema check), hands them to the application's commit (typically
// IngestLedger::ingest with the effects, in one transaction), and only after that returns
// publishes the ack to the terminal. A commit that fails sends no ack: the terminal sends again.
// Presence: births and wills per terminal, a will older than the current birth ignored.
// It can ask a terminal to resend from a seq, and publish config and dataset manifests.
//
// Runs on its own thread; the commit and presence callbacks run on it. start()/stop() from one
// thread; requestResend(), publish() and status() from any.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/ack.h"
#include "sync/delivery.h"
#include "sync/mqtt_link.h"

namespace frontdesk::sync {

class LinkLoop;

struct ConsumerOptions {
    std::string store;
    BrokerAddress broker;
    std::string username;
    std::string password;
    std::string clientId = "backoffice";
    std::chrono::milliseconds reconnectMin{100};
    std::chrono::milliseconds reconnectMax{30000};
    std::chrono::seconds keepAlive{20};
};

struct TerminalPresence {
    TerminalAddress terminal;
    bool online = false;
    std::int64_t bdseq = 0;
    nlohmann::json birth;  // the last birth message (version, outbox depth, datasets)
};

struct ConsumerStatus {
    bool online = false;
    std::int64_t messages = 0;    // event messages received
    std::int64_t deliveries = 0;  // envelopes in them
    std::int64_t acks = 0;        // acks published
    std::int64_t failedCommits = 0;
    std::map<std::string, TerminalPresence> terminals;  // by terminal id
    std::string lastError;
};

using CommitDeliveries = std::function<core::Result<Ack>(const TerminalAddress&, const std::vector<Delivery>&)>;

class EventConsumer {
public:
    EventConsumer(ConsumerOptions options, CommitDeliveries commit, EnvelopeCheck check = &schemaProblem,
                  std::function<void(const TerminalPresence&)> presence = {});
    ~EventConsumer();
    EventConsumer(const EventConsumer&) = delete;
    EventConsumer& operator=(const EventConsumer&) = delete;

    [[nodiscard]] core::Status start();
    void stop();
    // Asks a terminal to send its events again from seq `from` (a gap the ledger found).
    void requestResend(const TerminalAddress& terminal, std::int64_t from);
    // Publishes on the consumer's connection (config, dataset chunks and manifests, retained), in
    // the order given; while disconnected the messages wait in memory and go out on the next
    // connect. What Paho refuses is reported in status().lastError.
    void publish(Message message);
    [[nodiscard]] ConsumerStatus status() const;

private:
    void onMessage(const Message& message);
    void onEvents(const TerminalAddress& from, const std::string& payload);
    void onPresence(const TerminalAddress& from, const std::string& payload);
    void noteError(const std::string& error);
    void sendUnsent();

    ConsumerOptions m_options;
    CommitDeliveries m_commit;
    EnvelopeCheck m_check;
    std::function<void(const TerminalPresence&)> m_presence;
    std::unique_ptr<LinkLoop> m_loop;
    std::deque<Message> m_unsent;  // the loop thread's own
    mutable std::mutex m_statusMutex;
    ConsumerStatus m_status;
};

}  // namespace frontdesk::sync
