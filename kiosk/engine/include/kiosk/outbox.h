#pragma once
// Outbox: the terminal's record of every event it owes the back office.
//
// append() runs inside the caller's transaction, the one that writes the sale, refund or shift
// change the event describes: the event and its effect commit together or not at all. The
// sequence number comes from the counters table, incremented in that same transaction, so seq is
// contiguous from 1 and a rolled-back transaction gives its number back rather than leaving a
// gap; rows deleted after an ack can never cause a number to be reused.
//
// Owned by the Till; the components that record events hold a reference to it. Outlives none of
// them. Same thread as its Database.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/events.h"

namespace frontdesk::kiosk {

class Outbox {
public:
    static constexpr int kEnvelopeVersion = 1;

    Outbox(core::Database& db, const core::Clock& clock, core::UuidV7Generator& ids, std::string store,
           std::string terminal)
        : m_db(db), m_clock(clock), m_ids(ids), m_store(std::move(store)), m_terminal(std::move(terminal)) {}
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // Appends one event; entityId ties it to the row it records (at most one event of a type per
    // entity). Call inside a Transaction.
    [[nodiscard]] core::Result<OutboxEvent> append(EventType type, const std::string& staff,
                                                   const std::string& entityId, const nlohmann::json& payload);

    // Events not yet acknowledged, in seq order.
    [[nodiscard]] core::Result<std::vector<OutboxEvent>> pending(int limit);
    [[nodiscard]] core::Result<std::int64_t> pendingCount();

private:
    core::Database& m_db;
    const core::Clock& m_clock;
    core::UuidV7Generator& m_ids;
    const std::string m_store;
    const std::string m_terminal;
};

}  // namespace frontdesk::kiosk
