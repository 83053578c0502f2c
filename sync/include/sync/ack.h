#pragma once
// The back office's acknowledgement of a terminal's events (docs/protocol.md, "Acks"), sent to
// fd/v1/{store}/{terminal}/acks after the back office has committed their effects:
//
//   {"upto": 42, "accepted": ["<id>", ...], "rejected": [{"id": "<id>", "seq": 41, "reason": "..."}]}
//
// `upto` is what the terminal acts on: every event with seq <= upto has been handled (applied or
// dead-lettered), so the terminal marks them synced. accepted and rejected name the events of the
// batch being answered, for logs and the sync status.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::sync {

struct RejectedEvent {
    std::string id;
    std::int64_t seq = 0;
    std::string reason;
    bool operator==(const RejectedEvent&) const = default;
};

struct Ack {
    std::int64_t upto = 0;  // 0: nothing handled yet (the first event is seq 1)
    std::vector<std::string> accepted;
    std::vector<RejectedEvent> rejected;
    bool operator==(const Ack&) const = default;
};

// An ack payload is at most this big (an ack names at most one batch's events).
inline constexpr std::size_t kMaxAckBytes = 1024 * 1024;
inline constexpr std::size_t kMaxAckEvents = 10000;

[[nodiscard]] std::string encodeAck(const Ack& ack);
// Bounded and strict: size and nesting checked before parsing; every field checked; unknown
// fields refused. InvalidArgument naming what is wrong.
[[nodiscard]] core::Result<Ack> decodeAck(std::string_view payload);

}  // namespace frontdesk::sync
