#include "sync_test_support.h"

#include <map>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/outbox_source.h"

namespace frontdesk::synctest {

using kiosk::testing::dec;
using kiosk::testing::eur;
using kiosk::testing::kApple;
using kiosk::testing::queryInt;
using kiosk::testing::Terminal;

bool eventually(const std::function<bool()>& done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

BackOffice::BackOffice(const testing::MosquittoBroker& broker, int port) {
    auto db = core::Database::open(dir.file("backoffice.db"), backOfficeSchema());
    if (!db.ok()) throw std::runtime_error(db.status().toString());
    m_db = std::move(db).value();
    m_ledger = std::make_unique<sync::IngestLedger>(*m_db, m_clock);
    const auto login = broker.credentials("backoffice");
    sync::ConsumerOptions options{
        broker.store(), {login.host, port != 0 ? port : login.port}, login.username, login.password};
    options.reconnectMin = std::chrono::milliseconds(20);
    options.reconnectMax = std::chrono::milliseconds(200);
    m_consumer = std::make_unique<sync::EventConsumer>(options, [this](const sync::TerminalAddress& from,
                                                                       const std::vector<sync::Delivery>& deliveries) {
        return m_ledger->ingest(from, deliveries, [this](const sync::Delivery& d) { return recordEffect(*m_db, d); });
    });
    if (core::Status started = m_consumer->start(); !started.ok()) throw std::runtime_error(started.toString());
}

BackOffice::~BackOffice() {
    m_consumer->stop();
}

std::unique_ptr<sync::OutboxRelay> startRelay(Terminal& t, const testing::MosquittoBroker& broker,
                                              const core::Clock& clock,
                                              const std::function<void(sync::RelayOptions&)>& adjust,
                                              sync::RelayHandlers handlers) {
    auto source = kiosk::OutboxSource::open(t.db->path(), clock);
    if (!source.ok()) throw std::runtime_error(source.status().toString());
    const auto login = broker.credentials("t1");
    sync::RelayOptions options;
    options.address = {"s1", "t1"};
    options.broker = {login.host, login.port};
    options.username = login.username;
    options.password = login.password;
    options.softwareVersion = "test";
    options.pollInterval = std::chrono::milliseconds(10);
    options.reconnectMin = std::chrono::milliseconds(20);
    options.reconnectMax = std::chrono::milliseconds(200);
    options.ackTimeout = std::chrono::milliseconds(2000);
    if (adjust) adjust(options);
    auto relay = std::make_unique<sync::OutboxRelay>(options, std::move(source).value(), clock, std::move(handlers));
    if (core::Status started = relay->start(); !started.ok()) throw std::runtime_error(started.toString());
    return relay;
}

void sell(Terminal& t, int sales) {
    for (int i = 0; i < sales; ++i) {
        ASSERT_TRUE(t.checkout().scan(kApple, dec("1")).ok());
        ASSERT_TRUE(t.checkout().tenderCash(eur(199)).ok());
        auto sale = t.checkout().complete();
        ASSERT_TRUE(sale.ok()) << sale.status().toString();
    }
}

std::int64_t lastSeq(core::Database& terminalDb) {
    return queryInt(terminalDb, "SELECT coalesce(max(seq), 0) FROM outbox");
}
std::int64_t lastSeq(Terminal& t) {
    return lastSeq(*t.db);
}

bool drained(core::Database& terminalDb) {
    return queryInt(terminalDb, "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 0;
}
bool drained(Terminal& t) {
    return drained(*t.db);
}

namespace {

// id -> seq for every row of a two-column query, counting rows (a repeated id counts twice).
std::map<std::string, std::int64_t> idSeqs(core::Database& db, const std::string& sql, std::int64_t& rows) {
    std::map<std::string, std::int64_t> result;
    rows = 0;
    auto stmt = db.prepare(sql);
    if (!stmt.ok()) throw std::runtime_error(stmt.status().toString());
    core::Status walked = stmt->forEachRow([&](core::Statement& row) {
        ++rows;
        result[row.text(0)] = row.int64(1);
    });
    if (!walked.ok()) throw std::runtime_error(walked.toString());
    return result;
}

}  // namespace

std::string exactlyOnceViolations(core::Database& terminalDb, core::Database& officeDb, const std::string& terminal) {
    std::ostringstream out;
    std::int64_t outboxRows = 0;
    std::int64_t effectRows = 0;
    const auto outbox = idSeqs(terminalDb, "SELECT id, seq FROM outbox ORDER BY seq", outboxRows);
    const auto effects = idSeqs(officeDb, "SELECT event_id, seq FROM effects", effectRows);
    const std::int64_t last = lastSeq(terminalDb);
    if (outboxRows != last || queryInt(terminalDb, "SELECT coalesce(min(seq), 0) FROM outbox") != (last > 0 ? 1 : 0)) {
        out << "outbox seq not contiguous: " << outboxRows << " rows, last seq " << last << "\n";
    }
    if (effectRows != outboxRows) out << effectRows << " effects for " << outboxRows << " outbox events\n";
    if (static_cast<std::int64_t>(effects.size()) != effectRows) {
        out << effectRows - static_cast<std::int64_t>(effects.size()) << " events applied more than once\n";
    }
    for (const auto& [id, seq] : outbox) {
        auto found = effects.find(id);
        if (found == effects.end()) {
            out << "event " << id << " (seq " << seq << ") never took effect\n";
        } else if (found->second != seq) {
            out << "event " << id << " took effect with seq " << found->second << ", not " << seq << "\n";
        }
    }
    for (const auto& [id, seq] : effects) {
        if (!outbox.count(id)) out << "effect of " << id << " (seq " << seq << ") that the terminal never wrote\n";
    }
    const auto upto = queryInt(
        officeDb, "SELECT coalesce((SELECT upto FROM ingest_terminals WHERE terminal = '" + terminal + "'), 0)");
    if (upto != last) out << "ledger upto " << upto << ", last seq " << last << "\n";
    const auto dead = queryInt(officeDb, "SELECT count(*) FROM ingest_events WHERE outcome = 'dead_letter'") +
                      queryInt(officeDb, "SELECT count(*) FROM ingest_unplaced");
    if (dead != 0) out << dead << " dead letters\n";
    const auto unsynced = queryInt(terminalDb, "SELECT count(*) FROM outbox WHERE synced_at IS NULL");
    if (unsynced != 0) out << "the outbox still holds " << unsynced << " unacknowledged events\n";
    return out.str();
}

void expectExactlyOnce(Terminal& t, BackOffice& office) {
    office.stop();
    EXPECT_EQ(exactlyOnceViolations(*t.db, office.db()), "");
}

std::unique_ptr<core::Database> openBackOfficeDb(const std::string& path) {
    auto db = core::Database::open(path, backOfficeSchema(), core::OpenOptions{.create = false});
    if (!db.ok()) throw std::runtime_error(db.status().toString());
    return std::move(db).value();
}

}  // namespace frontdesk::synctest
