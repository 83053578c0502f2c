#include "sync/ingest_ledger.h"

namespace frontdesk::sync {

using core::Result;
using core::Status;

namespace {

// Refusals that mean "this event cannot be applied": the event is dead-lettered and handled. Any
// other error is the back office's own trouble (storage), and nothing of the message is kept.
bool cannotBeApplied(const Status& status) {
    switch (status.kind()) {
        case core::ErrorKind::InvalidArgument:
        case core::ErrorKind::NotFound:
        case core::ErrorKind::FailedPrecondition:
        case core::ErrorKind::AlreadyExists: return true;
        default: return false;
    }
}

}  // namespace

const char* IngestLedger::schemaSql() {
    return R"sql(
CREATE TABLE ingest_events (          -- every event handled, by id: applied or dead-lettered
  id TEXT PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'dead_letter')),
  reason TEXT,                        -- why it was dead-lettered
  raw TEXT,                           -- a dead letter's envelope, as received
  received_at TEXT NOT NULL,
  UNIQUE (store, terminal, seq)
);
CREATE TABLE ingest_unplaced (        -- dead letters without a usable id or seq, or with a seq taken
  n INTEGER PRIMARY KEY,
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  id TEXT,
  seq INTEGER,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE ingest_terminals (
  store TEXT NOT NULL,
  terminal TEXT NOT NULL,
  upto INTEGER NOT NULL DEFAULT 0,
  last_seen TEXT,
  PRIMARY KEY (store, terminal)
);
)sql";
}

Result<Ack> IngestLedger::ingest(const TerminalAddress& terminal, const std::vector<Delivery>& deliveries,
                                 const Apply& apply) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* seen, m_db.cached("INSERT INTO ingest_terminals (store, terminal, last_seen) VALUES (?1, ?2, ?3) "
                                      "ON CONFLICT (store, terminal) DO UPDATE SET last_seen = ?3"));
    FD_TRY(seen->bindAll(terminal.store, terminal.terminal, core::formatIso8601(m_clock.now())).run());
    Ack ack;
    for (const auto& delivery : deliveries) FD_TRY(handleOne(delivery, apply, ack));
    FD_ASSIGN(ack.upto, advance(terminal));
    FD_TRY(tx->commit());
    return ack;
}

Status IngestLedger::handleOne(const Delivery& delivery, const Apply& apply, Ack& ack) {
    if (!delivery.valid()) {
        if (delivery.seq < 1 || delivery.id.empty()) return deadLetterUnplaced(delivery, delivery.problem);
        FD_ASSIGN(auto admission, admit(delivery));
        if (admission == Admission::Duplicate) return {};
        if (admission == Admission::SeqTaken) return deadLetterUnplaced(delivery, delivery.problem);
        ack.rejected.push_back({delivery.id, delivery.seq, delivery.problem});
        return record(delivery, "dead_letter", delivery.problem);
    }
    FD_ASSIGN(auto admission, admit(delivery));
    if (admission == Admission::Duplicate) {
        ack.accepted.push_back(delivery.id);
        return {};
    }
    if (admission == Admission::SeqTaken) {
        return deadLetterUnplaced(delivery, "seq " + std::to_string(delivery.seq) + " is taken by another event");
    }
    // A savepoint per event: a refused event leaves nothing of what its callback wrote.
    FD_TRY(m_db.exec("SAVEPOINT ingest_event"));
    Status applied = apply(delivery);
    if (!applied.ok()) {
        FD_TRY(m_db.exec("ROLLBACK TO ingest_event"));
        FD_TRY(m_db.exec("RELEASE ingest_event"));
        if (!cannotBeApplied(applied)) return applied;
        ack.rejected.push_back({delivery.id, delivery.seq, applied.message()});
        return record(delivery, "dead_letter", applied.message());
    }
    FD_TRY(m_db.exec("RELEASE ingest_event"));
    ack.accepted.push_back(delivery.id);
    return record(delivery, "applied", "");
}

Result<IngestLedger::Admission> IngestLedger::admit(const Delivery& delivery) {
    FD_ASSIGN(auto* byId, m_db.cached("SELECT 1 FROM ingest_events WHERE id = ?"));
    byId->bind(1, delivery.id);
    FD_ASSIGN(bool duplicate, byId->step());
    byId->reset();
    if (duplicate) return Admission::Duplicate;
    FD_ASSIGN(auto* bySeq, m_db.cached("SELECT 1 FROM ingest_events WHERE store = ? AND terminal = ? AND seq = ?"));
    bySeq->bindAll(delivery.terminal.store, delivery.terminal.terminal, delivery.seq);
    FD_ASSIGN(bool taken, bySeq->step());
    bySeq->reset();
    return taken ? Admission::SeqTaken : Admission::New;
}

Status IngestLedger::record(const Delivery& delivery, const char* outcome, const std::string& reason) {
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO ingest_events (id, store, terminal, seq, type, outcome, reason, raw,"
                                      " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool dead = std::string_view(outcome) == "dead_letter";
    const std::optional<std::string> why = dead ? std::optional(reason) : std::nullopt;
    const std::optional<std::string> raw = dead ? std::optional(delivery.raw) : std::nullopt;
    stmt->bindAll(delivery.id, delivery.terminal.store, delivery.terminal.terminal, delivery.seq, delivery.type,
                  outcome, why, raw, core::formatIso8601(m_clock.now()));
    return stmt->run();
}

Status IngestLedger::deadLetterUnplaced(const Delivery& delivery, const std::string& reason) {
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO ingest_unplaced (store, terminal, id, seq, reason, raw, received_at)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    stmt->bindAll(delivery.terminal.store, delivery.terminal.terminal, delivery.id, delivery.seq, reason, delivery.raw,
                  core::formatIso8601(m_clock.now()));
    return stmt->run();
}

// Moves upto over every seq handled right after it (one indexed probe per step).
Result<std::int64_t> IngestLedger::advance(const TerminalAddress& terminal) {
    FD_ASSIGN(auto progressNow, progress(terminal));
    std::int64_t upto = progressNow.upto;
    FD_ASSIGN(auto* next, m_db.cached("SELECT 1 FROM ingest_events WHERE store = ? AND terminal = ? AND seq = ?"));
    while (true) {
        next->bindAll(terminal.store, terminal.terminal, upto + 1);
        FD_ASSIGN(bool handled, next->step());
        next->reset();
        if (!handled) break;
        ++upto;
    }
    FD_ASSIGN(auto* save, m_db.cached("UPDATE ingest_terminals SET upto = ? WHERE store = ? AND terminal = ?"));
    FD_TRY(save->bindAll(upto, terminal.store, terminal.terminal).run());
    return upto;
}

Result<TerminalProgress> IngestLedger::progress(const TerminalAddress& terminal) {
    TerminalProgress p;
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT t.upto, t.last_seen, (SELECT max(seq) FROM ingest_events e"
                                      " WHERE e.store = t.store AND e.terminal = t.terminal)"
                                      " FROM ingest_terminals t WHERE t.store = ? AND t.terminal = ?"));
    stmt->bindAll(terminal.store, terminal.terminal);
    FD_TRY(stmt->firstRow(
        [&](const core::Statement& row) {
            p.upto = row.int64(0);
            if (!row.isNull(1)) p.lastSeen = row.text(1);
            p.highest = row.optionalInt64(2).value_or(0);
        },
        ""));
    return p;
}

Result<std::vector<SeqGap>> IngestLedger::gaps(const TerminalAddress& terminal) {
    // Each handled seq whose successor is missing starts a gap that ends before the next handled one.
    FD_ASSIGN(auto* stmt, m_db.cached(
        "SELECT e.seq + 1, (SELECT min(n.seq) FROM ingest_events n WHERE n.store = e.store AND n.terminal = e.terminal"
        " AND n.seq > e.seq) - 1 FROM ingest_events e WHERE e.store = ?1 AND e.terminal = ?2"
        " AND NOT EXISTS (SELECT 1 FROM ingest_events x WHERE x.store = e.store AND x.terminal = e.terminal"
        " AND x.seq = e.seq + 1) AND e.seq < (SELECT max(seq) FROM ingest_events WHERE store = ?1 AND terminal = ?2)"
        " UNION ALL SELECT 1, min(seq) - 1 FROM ingest_events WHERE store = ?1 AND terminal = ?2 HAVING min(seq) > 1"
        " ORDER BY 1"));
    stmt->bindAll(terminal.store, terminal.terminal);
    std::vector<SeqGap> gaps;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) { gaps.push_back({row.int64(0), row.int64(1)}); }));
    return gaps;
}

}  // namespace frontdesk::sync
