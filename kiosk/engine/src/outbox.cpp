#include "kiosk/outbox.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Result;

Result<std::int64_t> nextCounter(core::Database& db, const char* name) {
    FD_ASSIGN(auto* stmt, db.cached("UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value"));
    stmt->bind(1, name);
    FD_ASSIGN(bool row, stmt->step());
    if (!row) return core::Status(core::ErrorKind::Corrupt, std::string("counter '") + name + "' is missing");
    const std::int64_t value = stmt->int64(0);
    stmt->reset();
    return value;
}

Result<OutboxEvent> Outbox::append(const std::string& type, const std::string& staff, const std::string& entityId,
                                   nlohmann::json payload) {
    FD_ASSIGN(auto seq, nextCounter(m_db, "outbox_seq"));
    const auto at = core::formatIso8601(m_clock.now());
    OutboxEvent event{seq, m_ids.next(), type, {}};
    nlohmann::json envelope = {
        {"id", event.id},          {"type", type},
        {"v", kEnvelopeVersion},   {"store", m_settings.store},
        {"terminal", m_settings.terminal}, {"seq", seq},
        {"at", at},                {"staff", staff},
        {"payload", std::move(payload)},
    };
    event.envelope = jsonText(envelope);
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO outbox (seq, id, type, entity_id, at, envelope) VALUES (?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(seq, event.id, type, entityId, at, event.envelope).run());
    return event;
}

Result<std::vector<OutboxEvent>> Outbox::pending(int limit) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT seq, id, type, envelope FROM outbox WHERE synced_at IS NULL ORDER BY seq LIMIT ?"));
    stmt->bind(1, limit);
    std::vector<OutboxEvent> events;
    for (;;) {
        FD_ASSIGN(bool row, stmt->step());
        if (!row) break;
        events.push_back({stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3)});
    }
    return events;
}

Result<std::int64_t> Outbox::pendingCount() {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT count(*) FROM outbox WHERE synced_at IS NULL"));
    FD_ASSIGN(bool row, stmt->step());
    const std::int64_t count = row ? stmt->int64(0) : 0;
    stmt->reset();
    return count;
}

}  // namespace frontdesk::kiosk
