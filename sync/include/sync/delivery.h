#pragma once
// What the back office receives on fd/v1/{store}/{terminal}/events, decoded: one message holds one
// envelope or a JSON array of envelopes in seq order (docs/protocol.md). Every envelope becomes a
// Delivery, valid or not: one that cannot be applied carries the reason, so that the back office
// dead-letters it rather than dropping it. Nothing here throws; a payload that is not even a list
// of objects is one Delivery with a problem.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/topics.h"

namespace frontdesk::sync {

// A message on an events topic is at most this big, and holds at most this many envelopes.
inline constexpr std::size_t kMaxEventsMessageBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxEventsPerMessage = 1000;
inline constexpr int kMaxEnvelopeDepth = 16;

struct Delivery {
    TerminalAddress terminal;   // from the topic: who the broker let publish it
    std::string raw;            // this envelope's text (at most a bounded excerpt if it was huge)
    nlohmann::json envelope;    // parsed (null when it was not a JSON object)
    std::string id;             // as far as the envelope said
    std::int64_t seq = 0;       // 0 when absent or invalid
    std::string type;
    std::string problem;        // "" when it can be applied; otherwise why not
    bool valid() const { return problem.empty(); }
};

// Checks one parsed envelope as the back office must before applying it: its shape (the JSON
// schema of docs/protocol.md) and that its store and terminal are the topic's.
using EnvelopeCheck = std::string (*)(const nlohmann::json& envelope);

// The protocol's check: the envelope and its payload against sync/schema (validateEvent); ""
// when they are valid, else the violations.
[[nodiscard]] std::string schemaProblem(const nlohmann::json& envelope);

// Decodes a message from `topic`. The envelope check is the protocol's schema validation (given
// by the caller, so that this stays usable without it in tests); store/terminal against the topic,
// id, seq and type are checked here in any case.
[[nodiscard]] std::vector<Delivery> decodeDeliveries(const TerminalAddress& from, std::string_view payload,
                                                     EnvelopeCheck check = nullptr);

}  // namespace frontdesk::sync
