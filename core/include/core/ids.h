#pragma once
// Identifiers: UUIDv7 (RFC 9562) for events, sales and everything that travels; time-ordered so
// that ids sort by creation and index well.

#include <cstdint>
#include <string>

#include "core/clock.h"

namespace frontdesk::core {

// Generates UUIDv7 strings from a Clock. Within one millisecond the 12-bit rand_a field counts up
// (RFC 9562 method 1), so ids from one generator are strictly increasing. Randomness comes from
// libsodium. Not thread-safe: one generator per thread or owner.
class UuidV7Generator {
public:
    explicit UuidV7Generator(const Clock& clock) : m_clock(clock) {}
    std::string next();

private:
    const Clock& m_clock;
    std::int64_t m_lastMs = -1;
    std::uint16_t m_counter = 0;
};

// A secret bearer token: `bytes` random bytes from libsodium as lower-case hex (2 * bytes chars).
[[nodiscard]] std::string randomToken(std::size_t bytes = 32);

// True for the canonical 8-4-4-4-12 lowercase hex form with version 7 and the RFC variant.
[[nodiscard]] bool isUuidV7(const std::string& text);

}  // namespace frontdesk::core
