#pragma once
// The outbox relay: delivers the terminal's events to the back office over MQTT, exactly once in
// effect (docs/protocol.md, "The relay").
//
// - Publishes events in seq order, QoS 1, to fd/v1/{store}/{terminal}/events: one envelope per
//   message, or a JSON array of envelopes in seq order when there is a backlog.
// - At most maxInFlight events are published and not yet acknowledged by the back office; an
//   event counts as delivered only when an ack's `upto` covers it (never on PUBACK), and only
//   then does the terminal mark it synced (EventSource::acknowledge).
// - On every (re)connect, and when no ack moves `upto` forward for ackTimeout while events are in
//   flight, it sends again from the last acknowledged seq: the back office drops what it already
//   has, by id.
// - Reconnects with exponential backoff and full jitter; presence: a retained birth on every
//   connect and a retained will, both with this connection's bdseq.
// - Hands the terminal's config (retained) and commands to the kiosk; acts itself on
//   {"cmd": "resend", "from": SEQ}.
// - Fetches new master-data versions into the kiosk's DatasetSink (DatasetFetcher), and publishes
//   the birth again when the versions the terminal runs change.
//
// It runs on its own thread, with its own EventSource (its own database connection): the till
// never waits for it, whether the broker is up, down or slow. start() and stop() from one
// thread; status() and wake() from any.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "sync/dataset_sink.h"
#include "sync/event_source.h"
#include "sync/mqtt_link.h"
#include "sync/topics.h"

namespace frontdesk::sync {

class LinkLoop;
class DatasetFetcher;

struct RelayOptions {
    TerminalAddress address;
    BrokerAddress broker;
    std::string username;
    std::string password;
    std::string softwareVersion;
    std::size_t maxInFlight = 1000;            // events published and not yet acknowledged
    std::size_t maxBatch = 200;                // events in one message when there is a backlog
    std::size_t maxBatchBytes = 256 * 1024;    // and its size
    std::chrono::milliseconds ackTimeout{10000};
    std::chrono::milliseconds pollInterval{100};  // how often the outbox is looked at when idle
    std::chrono::milliseconds reconnectMin{100};
    std::chrono::milliseconds reconnectMax{30000};
    std::chrono::seconds keepAlive{20};
};

// A master-data version on its way in.
struct DatasetTransfer {
    std::int64_t version = 0;
    std::int64_t chunksStored = 0;
    std::int64_t chunksTotal = 0;
    std::string state;  // "fetching", or "applying" once every chunk is kept
    bool operator==(const DatasetTransfer&) const = default;
};

// What the sync status shows (headless `sync.status`, the kiosk's status bar).
struct SyncStatus {
    bool online = false;
    std::int64_t outboxDepth = 0;                  // events not yet acknowledged
    std::optional<std::string> oldestUnsyncedAt;   // the oldest of them
    std::int64_t acknowledgedUpTo = 0;
    std::optional<std::string> lastAckAt;
    std::int64_t published = 0;                    // messages handed to the broker since start
    std::int64_t resends = 0;                      // times it went back to the last ack
    std::int64_t connects = 0;
    std::map<std::string, std::int64_t> datasets;  // the versions the terminal runs
    std::map<std::string, DatasetTransfer> transfers;
    std::int64_t chunksReceived = 0;                // master-data chunks kept since start
    std::int64_t refusedChunks = 0;                 // chunks that failed their manifest's check
    std::string lastError;                         // the latest failure, "" if none
};

// {"online", "outbox_depth", "oldest_unsynced_at", "acknowledged_upto", "last_ack_at", "published",
//  "resends", "connects", "datasets", "transfers", "chunks_received", "refused_chunks",
//  "last_error"}: what sync.status answers.
[[nodiscard]] nlohmann::json syncStatusJson(const SyncStatus& status);

struct RelayHandlers {
    std::function<void(const std::string& payload)> config;   // the terminal's config (retained)
    std::function<void(const std::string& payload)> command;  // a command other than resend
    DatasetSink* datasets = nullptr;  // where master data goes; none: manifests are not followed
};

class OutboxRelay {
public:
    OutboxRelay(RelayOptions options, std::unique_ptr<EventSource> source, const core::Clock& clock,
                RelayHandlers handlers = {});
    ~OutboxRelay();  // stops
    OutboxRelay(const OutboxRelay&) = delete;
    OutboxRelay& operator=(const OutboxRelay&) = delete;

    [[nodiscard]] core::Status start();
    // Says offline (a clean shutdown sends no will), disconnects, joins.
    void stop();
    // New events were committed: look now instead of at the next poll.
    void wake();
    [[nodiscard]] SyncStatus status() const;
    // Waits until the outbox is empty, as read after this call began, or the time is up
    // (false). For scripts and tests; the till itself never waits for sync.
    [[nodiscard]] bool waitUntilDrained(std::chrono::milliseconds timeout);

private:
    void onConnected();
    void publishBirth();
    void onMessage(const Message& message);
    void onAck(const std::string& payload);
    void onCommand(const std::string& payload);
    void publishPending();
    std::string birth();
    std::string presence(bool online) const;
    void refreshStatus();
    void noteError(const std::string& error);

    RelayOptions m_options;
    std::unique_ptr<EventSource> m_source;
    const core::Clock& m_clock;
    RelayHandlers m_handlers;
    std::unique_ptr<LinkLoop> m_loop;
    std::unique_ptr<DatasetFetcher> m_fetcher;

    mutable std::mutex m_statusMutex;  // m_status is read by status() from any thread
    std::condition_variable m_statusRead;
    std::int64_t m_statusReads = 0;    // how often the outbox depth was read
    SyncStatus m_status;

    // The loop thread's own.
    std::int64_t m_bdseq = 0;
    std::map<std::string, std::int64_t> m_bornWith;  // the dataset versions the last birth named
    std::int64_t m_acked = 0;  // highest seq the back office acknowledged
    std::int64_t m_sent = 0;   // highest seq published on this connection
    std::chrono::steady_clock::time_point m_lastProgress;  // last ack, or publish into an empty window
};

}  // namespace frontdesk::sync
