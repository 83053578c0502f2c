#pragma once
// The back office's record of what it took in, per event and per terminal: how the consumer side
// makes at-least-once delivery take effect exactly once (docs/protocol.md, "Ingest").
//
// ingest() runs one message's deliveries in ONE transaction of the back office's database,
// together with the effects the application writes for them, and returns the ack to send after
// that commit:
//   - an event whose id was seen before is a duplicate: acked again, no effect;
//   - a valid new event is applied by the application's callback, inside a savepoint: if the
//     callback refuses it (InvalidArgument, NotFound, FailedPrecondition: it cannot be applied),
//     whatever it wrote is undone and the event is dead-lettered with the reason, still handled;
//   - an invalid one (Delivery::problem) is dead-lettered with its reason;
//   - a storage failure (disk full, busy, ...) rolls everything back and is returned: no ack is
//     sent, and the terminal sends again.
// `upto` is the highest seq with every seq up to it handled; a gap holds it back and is listed.
//
// The tables live in the application's database: include schemaSql() in one of its migrations.
// Same thread as that Database.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/database.h"
#include "sync/ack.h"
#include "sync/delivery.h"

namespace frontdesk::sync {

struct TerminalProgress {
    std::int64_t upto = 0;      // every seq <= upto handled
    std::int64_t highest = 0;   // the highest seq handled
    std::optional<std::string> lastSeen;
};

struct SeqGap {
    std::int64_t from = 0;  // first missing seq
    std::int64_t to = 0;    // last missing seq
};

class IngestLedger {
public:
    // Applies one valid, new event: writes its effects, or refuses it with the reason it cannot be
    // applied (InvalidArgument, NotFound, FailedPrecondition: dead-lettered) or a storage error
    // (anything else: the whole message rolls back).
    using Apply = std::function<core::Status(const Delivery&)>;

    IngestLedger(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}
    IngestLedger(const IngestLedger&) = delete;
    IngestLedger& operator=(const IngestLedger&) = delete;

    [[nodiscard]] static const char* schemaSql();

    // One message from one terminal, all its deliveries in one transaction; the ack to publish
    // once it returns.
    [[nodiscard]] core::Result<Ack> ingest(const TerminalAddress& terminal, const std::vector<Delivery>& deliveries,
                                           const Apply& apply);

    [[nodiscard]] core::Result<TerminalProgress> progress(const TerminalAddress& terminal);
    // The seqs missing below the highest handled one, as ranges.
    [[nodiscard]] core::Result<std::vector<SeqGap>> gaps(const TerminalAddress& terminal);

private:
    enum class Admission { New, Duplicate, SeqTaken };
    core::Result<Admission> admit(const Delivery& delivery);
    core::Status handleOne(const Delivery& delivery, const Apply& apply, Ack& ack);
    core::Status record(const Delivery& delivery, const char* outcome, const std::string& reason);
    core::Status deadLetterUnplaced(const Delivery& delivery, const std::string& reason);
    core::Result<std::int64_t> advance(const TerminalAddress& terminal);

    core::Database& m_db;
    const core::Clock& m_clock;
};

}  // namespace frontdesk::sync
