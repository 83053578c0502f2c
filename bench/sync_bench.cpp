// Sync throughput, against a real Mosquitto started by the benchmark on a free loopback port.
//
//   BM_RawMqttQos1   the baseline: Paho QoS 1 publishes of one envelope each -> mosquitto -> a
//                    subscriber; no outbox, no commit, no ack.
//   BM_SyncEndToEnd  events committed by a real till, published by the relay, committed by a
//                    consumer into SQLite through the ingest ledger, acked, and marked synced in
//                    the terminal's outbox: timed from the relay's wake-up until the last ack.
//   BM_SyncCatchUp   the same for a backlog queued while the terminal was offline
//                    (--catchup_events, default 100,000).
//   BM_IngestFull    as BM_SyncEndToEnd, with the real back office behind the consumer
//                    (backoffice::IngestService): every sale recomputed, booked in the ledger and
//                    its stock moved, in the ingest transaction, before the ack.
// All report items_per_second (events); bench/run_benchmarks.sh prints the ratios to the raw one.
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include <benchmark/benchmark.h>

#include "backoffice/backoffice_db.h"
#include "backoffice/service.h"
#include "bench_support.h"
#include "kiosk/outbox_source.h"
#include "sync/consumer.h"
#include "sync/ingest_ledger.h"
#include "sync/mqtt_link.h"
#include "sync/relay.h"
#include "testing/mosquitto.h"
#include "testing/terminal.h"

namespace frontdesk::bench {
namespace {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::Terminal;

constexpr int kEventsPerIteration = 2000;
int g_catchUpEvents = 100000;

testing::MosquittoBroker& broker() {
    static auto* instance = orDie("starting mosquitto", [] { return new testing::MosquittoBroker(); });
    return *instance;
}

sync::LinkOptions linkAs(const std::string& user, const std::string& clientId) {
    const auto login = broker().credentials(user);
    sync::LinkOptions options;
    options.broker = {login.host, login.port};
    options.clientId = clientId;
    options.username = login.username;
    options.password = login.password;
    return options;
}

// Counts what arrives and lets the benchmark wait for a number of messages.
class Counter {
public:
    void add(std::int64_t n = 1) {
        std::lock_guard lock(m_mutex);
        m_count += n;
        m_changed.notify_all();
    }
    void waitFor(std::int64_t count) {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_for(lock, std::chrono::minutes(5), [&] { return m_count >= count; })) {
            die("timed out waiting for " + std::to_string(count) + " messages");
        }
    }
    std::int64_t count() {
        std::lock_guard lock(m_mutex);
        return m_count;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::int64_t m_count = 0;
};

// One real envelope of a one-item cash sale: the payload size both benchmarks move.
std::string sampleEnvelope() {
    Terminal t;
    t.startShift();
    must(t.checkout().scan(kApple, dec("1")).status(), "scan");
    must(t.checkout().tenderCash(eur(199)).status(), "tender");
    return must(t.checkout().complete(), "complete").event.envelope;
}

void connectOrDie(sync::MqttLink& link, std::atomic<bool>& connected) {
    must(link.connect(std::nullopt), "connect");
    for (int i = 0; i < 10000 && !connected; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!connected) die("no connection to the broker");
}

void BM_RawMqttQos1(benchmark::State& state) {
    const std::string payload = sampleEnvelope();
    const std::string topic = "fd/v1/s1/t2/events";
    Counter received;
    std::atomic<bool> subscribed{false};
    std::atomic<bool> published{false};
    auto subscriberOptions = linkAs("backoffice", "backoffice");
    subscriberOptions.subscriptions = {"fd/v1/s1/+/events"};
    auto subscriber = must(sync::MqttLink::create(subscriberOptions, {[&] { subscribed = true; }, nullptr,
                                                                      [&](sync::Message) { received.add(); }}),
                           "subscriber");
    auto publisher =
        must(sync::MqttLink::create(linkAs("t2", "s1-t2"), {[&] { published = true; }, nullptr, nullptr}), "publisher");
    connectOrDie(*subscriber, subscribed);
    connectOrDie(*publisher, published);
    // The subscription is made in the connected handler without waiting: let one message prove it.
    std::int64_t expected = 0;
    while (received.count() == 0) {
        must(publisher->publish({topic, payload, false}), "publish");
        ++expected;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    received.waitFor(expected);
    expected = received.count();
    // Windows of 500 messages: below Paho's in-flight limit (1000), as the relay stays below its own.
    constexpr int kWindow = 500;
    for (auto _ : state) {
        for (int sent = 0; sent < kEventsPerIteration; sent += kWindow) {
            for (int i = 0; i < kWindow; ++i) must(publisher->publish({topic, payload, false}), "publish");
            expected += kWindow;
            received.waitFor(expected - kWindow / 2);  // keep the pipe full: top up at half
        }
        received.waitFor(expected);
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
    state.counters["payload_bytes"] = static_cast<double>(payload.size());
}

// A back office: the ingest ledger and one effect row per event, behind a consumer.
struct BackOffice {
    BackOffice() {
        static const core::Schema schema{0x46444254,
                                         "bench back office",
                                         {{1, sync::IngestLedger::schemaSql()},
                                          {2, "CREATE TABLE effects (event_id TEXT NOT NULL, seq INTEGER NOT NULL);"}}};
        db = must(core::Database::open(dir.file("backoffice.db"), schema), "back-office database");
        ledger = std::make_unique<sync::IngestLedger>(*db, clock);
        const auto login = broker().credentials("backoffice");
        consumer = std::make_unique<sync::EventConsumer>(
            sync::ConsumerOptions{"s1", {login.host, login.port}, login.username, login.password},
            [this](const sync::TerminalAddress& from, const std::vector<sync::Delivery>& deliveries) {
                return ledger->ingest(from, deliveries, [this](const sync::Delivery& d) {
                    FD_ASSIGN(auto* insert, db->cached("INSERT INTO effects (event_id, seq) VALUES (?, ?)"));
                    return insert->bindAll(d.id, d.seq).run();
                });
            });
        must(consumer->start(), "consumer");
    }
    kiosk::testing::TempDir dir;
    core::SystemClock clock;
    std::unique_ptr<core::Database> db;
    std::unique_ptr<sync::IngestLedger> ledger;
    std::unique_ptr<sync::EventConsumer> consumer;
};

std::unique_ptr<sync::OutboxRelay> startRelay(Terminal& t, const core::Clock& clock) {
    const auto login = broker().credentials("t1");
    sync::RelayOptions options;
    options.address = {"s1", "t1"};
    options.broker = {login.host, login.port};
    options.username = login.username;
    options.password = login.password;
    // Only wake() and acks make it publish, so nothing moves while the benchmark fills the outbox.
    options.pollInterval = std::chrono::hours(1);
    auto relay = std::make_unique<sync::OutboxRelay>(
        options, must(kiosk::OutboxSource::open(t.db->path(), clock), "outbox source"), clock);
    must(relay->start(), "relay");
    return relay;
}

void sell(Terminal& t, int sales) {
    for (int i = 0; i < sales; ++i) {
        must(t.checkout().scan(kApple, dec("1")).status(), "scan");
        must(t.checkout().tenderCash(eur(199)).status(), "tender");
        must(t.checkout().complete().status(), "complete");
    }
}

void drainOrDie(sync::OutboxRelay& relay) {
    if (!relay.waitUntilDrained(std::chrono::minutes(10))) die("the outbox did not drain: " + relay.status().lastError);
}

// A till with an open shift syncing to whatever consumes the store's events: per iteration it
// commits kEventsPerIteration sales (timer paused), then times until every one is acked and
// marked synced. Returns the relay, stopped by its caller.
std::unique_ptr<sync::OutboxRelay> sellAndDrain(benchmark::State& state, const core::Clock& clock) {
    Terminal t;
    t.startShift();
    auto relay = startRelay(t, clock);
    drainOrDie(*relay);
    for (auto _ : state) {
        state.PauseTiming();
        sell(t, kEventsPerIteration);
        state.ResumeTiming();
        drainOrDie(*relay);  // wakes the relay, returns once every event is acked and marked
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
    relay->stop();
    return relay;
}

void BM_SyncEndToEnd(benchmark::State& state) {
    BackOffice office;
    core::SystemClock clock;
    auto relay = sellAndDrain(state, clock);
    state.counters["resends"] = static_cast<double>(relay->status().resends);
}

void BM_IngestFull(benchmark::State& state) {
    kiosk::testing::TempDir dir;
    const std::string path = dir.file("backoffice.db");
    must(backoffice::saveStore(*must(backoffice::openBackOfficeDb(path, true), "back-office database"),
                               {"s1", "EUR", {}}),
         "store");
    const auto login = broker().credentials("backoffice");
    core::SystemClock clock;
    auto service =
        must(backoffice::IngestService::open(
                 {path, sync::ConsumerOptions{"s1", {login.host, login.port}, login.username, login.password}}, clock),
             "back office");
    must(service->start(), "back office");
    sellAndDrain(state, clock);
    service->stop();
    // Figures of events that were dead-lettered instead of booked would mean nothing.
    auto db = must(backoffice::openBackOfficeDb(path, false), "back-office database");
    auto* letters = must(db->cached("SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter'"), "query");
    std::int64_t deadLetters = 0;
    must(letters->forEachRow([&](const core::Statement& row) { deadLetters = row.int64(0); }), "query");
    if (deadLetters != 0) die(std::to_string(deadLetters) + " events were dead-lettered");
}

void BM_SyncCatchUp(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        BackOffice office;
        Terminal t;
        t.startShift();
        sell(t, g_catchUpEvents - 1);  // and the shift's opening: the backlog queued while offline
        core::SystemClock clock;
        state.ResumeTiming();
        auto relay = startRelay(t, clock);  // comes online: connect, publish, ack, mark
        drainOrDie(*relay);
        state.PauseTiming();
        relay.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * g_catchUpEvents);
    state.counters["events"] = g_catchUpEvents;
}

BENCHMARK(BM_RawMqttQos1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SyncEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestFull)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SyncCatchUp)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace frontdesk::bench

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--catchup_events=", 17) == 0)
            frontdesk::bench::g_catchUpEvents = std::atoi(argv[i] + 17);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
