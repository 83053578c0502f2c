#pragma once
// Outbox: the terminal's record of every event it owes the back office.
//
// append() must run inside the caller's transaction, the one that writes the sale, refund or
// shift change the event describes: the event and its effect commit together or not at all.
// The sequence number comes from the counters table, incremented in that same transaction, so
// seq is contiguous from 1 and a rolled-back transaction gives its number back rather than
// leaving a gap; rows deleted after an ack can never cause a number to be reused.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

struct OutboxEvent {
    std::int64_t seq = 0;
    std::string id;
    std::string type;
    std::string envelope;  // JSON text as sent (PROTOCOL.md envelope)
};

class Outbox {
public:
    static constexpr int kEnvelopeVersion = 1;

    Outbox(core::Database& db, const core::Clock& clock, core::UuidV7Generator& ids, const TerminalSettings& settings)
        : m_db(db), m_clock(clock), m_ids(ids), m_settings(settings) {}

    // Appends one event; entityId ties it to the row it records (at most one event of a type
    // per entity). Call inside a Transaction.
    [[nodiscard]] core::Result<OutboxEvent> append(const std::string& type, const std::string& staff,
                                                   const std::string& entityId, nlohmann::json payload);

    // Events not yet acknowledged, in seq order.
    [[nodiscard]] core::Result<std::vector<OutboxEvent>> pending(int limit);
    [[nodiscard]] core::Result<std::int64_t> pendingCount();

private:
    core::Database& m_db;
    const core::Clock& m_clock;
    core::UuidV7Generator& m_ids;
    const TerminalSettings& m_settings;
};

// Takes the next value of a named counter (outbox_seq, receipt_no) inside the current transaction.
[[nodiscard]] core::Result<std::int64_t> nextCounter(core::Database& db, const char* name);

}  // namespace frontdesk::kiosk
