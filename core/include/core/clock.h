#pragma once
// Clock: where "now" comes from. Production code takes a Clock& so tests can use FakeClock and
// step time (lockouts, timestamps) deterministically.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace frontdesk::core {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

// Wall-clock time (UTC).
class SystemClock final : public Clock {
public:
    TimePoint now() const override;
};

// The wall clock moved so that it reads `start` when made, and runs on from there: a service run
// as if on a given day (a demo of that day's bookings). Thread-safe.
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(TimePoint start) : m_offset(start - SystemClock().now()) {}
    TimePoint now() const override { return SystemClock().now() + m_offset; }

private:
    std::chrono::milliseconds m_offset;
};

// Manually set time, for tests and scripted demos. Not thread-safe.
class FakeClock final : public Clock {
public:
    explicit FakeClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override { return m_now; }
    void set(TimePoint t) { m_now = t; }
    void advance(std::chrono::milliseconds d) { m_now += d; }

private:
    TimePoint m_now;
};

// "2026-11-27T10:00:00.123Z"
[[nodiscard]] std::string formatIso8601(TimePoint t);
// Parses YYYY-MM-DDTHH:MM:SS[.digits]Z: UTC only, the fraction optional (digits past the
// milliseconds are read and dropped), at most kMaxIso8601Chars characters. Second 60 is refused:
// a TimePoint has no leap seconds, and 23:59:60 would be read as the next day.
inline constexpr std::size_t kMaxIso8601Chars = 40;
[[nodiscard]] Result<TimePoint> parseIso8601(std::string_view text);

}  // namespace frontdesk::core
