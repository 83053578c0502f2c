#include "kiosk/outbox.h"

#include "counters.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Result;

Result<std::int64_t> nextCounter(core::Database& db, Counter counter) {
    const char* name = counter == Counter::OutboxSeq ? "outbox_seq" : "receipt_no";
    FD_ASSIGN(auto* stmt, db.cached("UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value"));
    stmt->bind(1, name);
    std::int64_t value = 0;
    core::Status found = stmt->firstRow([&](const core::Statement& row) { value = row.int64(0); }, "");
    if (found.kind() == core::ErrorKind::NotFound) {
        return core::Status(core::ErrorKind::Corrupt, std::string("counter '") + name + "' is missing");
    }
    FD_TRY(found);
    return value;
}

Result<OutboxEvent> Outbox::append(EventType type, const std::string& staff, const std::string& entityId,
                                   const nlohmann::json& payload) {
    FD_ASSIGN(auto seq, nextCounter(m_db, Counter::OutboxSeq));
    const auto at = core::formatIso8601(m_clock.now());
    OutboxEvent event{seq, m_ids.next(), type, {}, at};
    // The envelope's small fields are dumped once and the payload's text spliced in, rather than
    // copying the payload tree into an envelope object only to serialize it.
    const nlohmann::json head = {{"id", event.id},       {"type", eventTypeName(type)}, {"v", kEnvelopeVersion},
                                 {"store", m_store},     {"terminal", m_terminal},      {"seq", seq},
                                 {"at", at},             {"staff", staff}};
    event.envelope = jsonText(head);
    event.envelope.pop_back();  // the closing brace
    event.envelope += ",\"payload\":";
    event.envelope += jsonText(payload);
    event.envelope += '}';
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO outbox (seq, id, type, entity_id, at, envelope) VALUES (?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(seq, event.id, eventTypeName(type), entityId, at, event.envelope).run());
    return event;
}

Result<std::vector<OutboxEvent>> Outbox::pending(int limit) {
    FD_ASSIGN(
        auto* stmt,
        m_db.cached("SELECT seq, id, type, envelope, at FROM outbox WHERE synced_at IS NULL ORDER BY seq LIMIT ?"));
    stmt->bind(1, limit);
    std::vector<OutboxEvent> events;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) -> core::Status {
        FD_ASSIGN(auto type, parseEventType(row.text(2)));
        events.push_back({row.int64(0), row.text(1), type, row.text(3), row.text(4)});
        return {};
    }));
    return events;
}

Result<std::int64_t> Outbox::pendingCount() {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT count(*) FROM outbox WHERE synced_at IS NULL"));
    std::int64_t count = 0;
    FD_TRY(stmt->firstRow([&](const core::Statement& row) { count = row.int64(0); }, "no count"));
    return count;
}

}  // namespace frontdesk::kiosk
