#include "kiosk/outbox_source.h"

#include "counters.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<std::unique_ptr<OutboxSource>> OutboxSource::open(const std::string& path, const core::Clock& clock) {
    // The till checked the file at its own open; a second full check would only delay start-up.
    FD_ASSIGN(auto db, openTerminalDb(path, core::OpenOptions{.integrity = core::IntegrityCheck::None,
                                                               .create = false}));
    return std::unique_ptr<OutboxSource>(new OutboxSource(std::move(db), clock));
}

Result<std::vector<sync::PendingEvent>> OutboxSource::eventsAfter(std::int64_t after, std::size_t limit) {
    FD_ASSIGN(auto* stmt, m_db->cached("SELECT seq, id, envelope FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"));
    stmt->bindAll(after, static_cast<std::int64_t>(limit));
    std::vector<sync::PendingEvent> events;
    FD_TRY(stmt->forEachRow(
        [&](const core::Statement& row) { events.push_back({row.int64(0), row.text(1), row.text(2)}); }));
    return events;
}

Result<std::int64_t> OutboxSource::lastSeq() {
    FD_ASSIGN(auto* stmt, m_db->cached("SELECT value FROM counters WHERE name = 'outbox_seq'"));
    std::int64_t last = 0;
    FD_TRY(stmt->firstRow([&](const core::Statement& row) { last = row.int64(0); }, "counter 'outbox_seq' is missing"));
    return last;
}

Status OutboxSource::acknowledge(std::int64_t upto) {
    FD_ASSIGN(auto tx, core::Transaction::begin(*m_db));
    FD_ASSIGN(auto last, lastSeq());
    if (upto > last) {
        return core::invalidArgument("ack up to seq " + std::to_string(upto) + " but this terminal's last event is " +
                                     std::to_string(last));
    }
    FD_ASSIGN(auto* mark, m_db->cached("UPDATE outbox SET synced_at = ? WHERE seq <= ? AND synced_at IS NULL"));
    FD_TRY(mark->bindAll(core::formatIso8601(m_clock.now()), upto).run());
    return tx->commit();
}

// Every event up to the first unsynced one is synced (acks cover a prefix); with none unsynced,
// all of them are.
Result<std::int64_t> OutboxSource::acknowledgedUpTo() {
    FD_ASSIGN(auto* stmt, m_db->cached("SELECT min(seq) FROM outbox WHERE synced_at IS NULL"));
    std::optional<std::int64_t> firstUnsynced;
    FD_TRY(stmt->firstRow([&](const core::Statement& row) { firstUnsynced = row.optionalInt64(0); }, ""));
    if (firstUnsynced) return *firstUnsynced - 1;
    return lastSeq();
}

Result<sync::OutboxDepth> OutboxSource::depth() {
    FD_ASSIGN(auto* stmt, m_db->cached("SELECT count(*), min(at) FROM outbox WHERE synced_at IS NULL"));
    sync::OutboxDepth depth;
    FD_TRY(stmt->firstRow(
        [&](const core::Statement& row) {
            depth.count = row.int64(0);
            if (!row.isNull(1)) depth.oldestAt = row.text(1);
        },
        ""));
    return depth;
}

Result<std::map<std::string, std::int64_t>> OutboxSource::datasetVersions() {
    return runningDatasetVersions(*m_db);
}

Result<std::int64_t> OutboxSource::nextBirthSeq() {
    FD_ASSIGN(auto tx, core::Transaction::begin(*m_db));
    FD_ASSIGN(auto* stmt, m_db->cached("UPDATE counters SET value = value + 1 WHERE name = 'bdseq' RETURNING value"));
    std::int64_t bdseq = 0;
    FD_TRY(stmt->firstRow([&](const core::Statement& row) { bdseq = row.int64(0); }, "counter 'bdseq' is missing"));
    FD_TRY(tx->commit());
    return bdseq;
}

}  // namespace frontdesk::kiosk
