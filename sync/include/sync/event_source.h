#pragma once
// What the outbox relay needs from the terminal, and nothing more: the sync module knows no till.
// The kiosk implements this over its outbox table (kiosk::OutboxSource), on a database connection
// of its own, so that the relay reads and acknowledges on its thread while the till commits on
// another (WAL lets readers and the one writer go on side by side).
//
// Called from the relay's thread only.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace frontdesk::sync {

// One event as the terminal stored it: the envelope text is sent exactly as it was committed.
struct PendingEvent {
    std::int64_t seq = 0;
    std::string id;
    std::string envelope;
};

struct OutboxDepth {
    std::int64_t count = 0;                // events not yet acknowledged
    std::optional<std::string> oldestAt;   // the oldest one's time (ISO 8601), if any
};

class EventSource {
public:
    virtual ~EventSource() = default;

    // At most `limit` events with seq > after, in seq order, acknowledged or not (a resend the
    // back office asks for may reach below the last ack); fewer, or none, when there are not that
    // many.
    [[nodiscard]] virtual core::Result<std::vector<PendingEvent>> eventsAfter(std::int64_t after,
                                                                              std::size_t limit) = 0;
    // Marks every event with seq <= upto synced: the back office has committed them. Idempotent;
    // an upto beyond the last event is an error (an ack for events this terminal never wrote).
    [[nodiscard]] virtual core::Status acknowledge(std::int64_t upto) = 0;
    // The highest seq acknowledged so far (0 when none), where the relay resumes after a restart.
    [[nodiscard]] virtual core::Result<std::int64_t> acknowledgedUpTo() = 0;
    [[nodiscard]] virtual core::Result<OutboxDepth> depth() = 0;
    // The master-data versions the terminal runs ("catalog" -> 12), for its birth message.
    [[nodiscard]] virtual core::Result<std::map<std::string, std::int64_t>> datasetVersions() = 0;
    // A number larger than any this terminal used before, for the next connection's birth and
    // will (bdseq): kept across restarts, so that a late will of an earlier connection can be
    // told from the current one.
    [[nodiscard]] virtual core::Result<std::int64_t> nextBirthSeq() = 0;
};

}  // namespace frontdesk::sync
