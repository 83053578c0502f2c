#include "core/clock.h"
#include "core/ids.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace frontdesk::core {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

TimePoint fromMs(std::int64_t ms) { return TimePoint{milliseconds{ms}}; }

// 2026-11-27T10:00:00.123Z
TimePoint knownTime() {
    using namespace std::chrono;
    return TimePoint{sys_days{year{2026} / November / 27}} + 10h + 123ms;
}

// The 48-bit unix_ts_ms field: the first 12 hex digits (8 + 4, around the first dash).
std::int64_t uuidMs(const std::string& id) {
    return static_cast<std::int64_t>(std::stoull(id.substr(0, 8) + id.substr(9, 4), nullptr, 16));
}

// ---- ISO 8601 ----

TEST(Iso8601, FormatsTheEpoch) { EXPECT_EQ(formatIso8601(fromMs(0)), "1970-01-01T00:00:00.000Z"); }

TEST(Iso8601, FormatsAKnownTime) {
    EXPECT_EQ(formatIso8601(knownTime()), "2026-11-27T10:00:00.123Z");
    EXPECT_EQ(knownTime().time_since_epoch().count(), 1'795'773'600'123);
    EXPECT_EQ(formatIso8601(fromMs(951'782'400'000)), "2000-02-29T00:00:00.000Z");
    EXPECT_EQ(formatIso8601(fromMs(-1)), "1969-12-31T23:59:59.999Z");
}

TEST(Iso8601, ParsesKnownValues) {
    auto epoch = parseIso8601("1970-01-01T00:00:00.000Z");
    ASSERT_TRUE(epoch.ok()) << epoch.status().toString();
    EXPECT_EQ(epoch->time_since_epoch().count(), 0);

    auto known = parseIso8601("2026-11-27T10:00:00.123Z");
    ASSERT_TRUE(known.ok());
    EXPECT_EQ(*known, knownTime());

    auto beforeEpoch = parseIso8601("1969-12-31T23:59:59.999Z");
    ASSERT_TRUE(beforeEpoch.ok());
    EXPECT_EQ(beforeEpoch->time_since_epoch().count(), -1);
}

TEST(Iso8601, MillisecondsAreOptionalAndPadded) {
    auto whole = parseIso8601("2026-11-27T10:00:00Z");
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(*whole, knownTime() - 123ms);
    auto tenths = parseIso8601("2026-11-27T10:00:00.1Z");
    ASSERT_TRUE(tenths.ok());
    EXPECT_EQ(*tenths, knownTime() - 23ms);
    auto hundredths = parseIso8601("2026-11-27T10:00:00.12Z");
    ASSERT_TRUE(hundredths.ok());
    EXPECT_EQ(*hundredths, knownTime() - 3ms);
    // Digits beyond milliseconds are truncated.
    auto micros = parseIso8601("2026-11-27T10:00:00.123999Z");
    ASSERT_TRUE(micros.ok());
    EXPECT_EQ(*micros, knownTime());
}

TEST(Iso8601, RoundTripsRandomTimes) {
    std::mt19937_64 rng(42);
    // 1900 .. 2200
    std::uniform_int_distribution<std::int64_t> ms(-2'208'988'800'000, 7'258'118'400'000);
    for (int i = 0; i < 2000; ++i) {
        const TimePoint t = fromMs(ms(rng));
        const std::string text = formatIso8601(t);
        ASSERT_EQ(text.size(), 24u) << text;
        auto back = parseIso8601(text);
        ASSERT_TRUE(back.ok()) << text << ": " << back.status().toString();
        ASSERT_EQ(*back, t) << text;
    }
}

TEST(Iso8601, RejectsGarbageAndOutOfRangeFields) {
    for (const char* text : {"", "garbage", "2026-11-27", "2026-11-27T10:00:00", "2026-11-27T10:00:00+01:00",
                             "2026-11-27 10:00:00Z", "2026-11-27T10:00:00.123Zjunk", "2026-11-27T10:00Z",
                             "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2023-02-29T00:00:00Z",
                             "2026-04-31T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T10:60:00Z",
                             "2026-11-27T10:00:61Z", "2026-11-27T10:00:00.Z1", "Z"}) {
        auto parsed = parseIso8601(text);
        ASSERT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << formatIso8601(*parsed);
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument);
    }
}

// Found by fuzz_iso8601 (fuzz/corpus/iso8601/text_after_40_chars_ignored and
// year_10000_leap_second): text past the 40th character was never read, and 23:59:60 was taken
// as the next day's midnight, which for 9999-12-31 is a year that does not print back.
TEST(Iso8601, RejectsOverlongTextAndLeapSeconds) {
    const std::string padded = "2026-11-27T10:00:00." + std::string(19, '0') + "Z";  // exactly 40
    ASSERT_EQ(padded.size(), kMaxIso8601Chars);
    EXPECT_TRUE(parseIso8601(padded).ok());
    auto longer = parseIso8601("2026-11-27T10:00:00." + std::string(19, '0') + "Zjunk");
    ASSERT_FALSE(longer.ok());
    EXPECT_NE(longer.status().message().find("longer than 40 characters"), std::string::npos)
        << longer.status().message();
    for (const char* text : {"2026-11-27T23:59:60Z", "9999-12-31T23:59:60Z"}) {
        auto parsed = parseIso8601(text);
        EXPECT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << formatIso8601(*parsed);
    }
}

TEST(Iso8601, RejectsSignsAndSpacesInsideFields) {
    // sscanf's %d would accept these; they are not the fixed-width format.
    for (const char* text : {"2026-11-27T-1:00:00Z", "2026-11-27T10:-5:00Z", "2026-11-27T10:00:-1Z",
                             " 2026-11-27T10:00:00Z", "2026-11-27T 1:00:00Z", "2026-11-27T+1:00:00Z",
                             "2026-1-27T10:00:00Z", "+2026-11-27T10:00:00Z"}) {
        auto parsed = parseIso8601(text);
        ASSERT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << formatIso8601(*parsed);
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument);
    }
}

// ---- clocks ----

TEST(FakeClock, StandsStillUntilAdvancedOrSet) {
    FakeClock clock(knownTime());
    EXPECT_EQ(clock.now(), knownTime());
    EXPECT_EQ(clock.now(), knownTime());
    clock.advance(1500ms);
    EXPECT_EQ(clock.now(), knownTime() + 1500ms);
    clock.advance(std::chrono::hours(24));
    EXPECT_EQ(formatIso8601(clock.now()), "2026-11-28T10:00:01.623Z");
    clock.set(fromMs(0));
    EXPECT_EQ(clock.now().time_since_epoch().count(), 0);
}

TEST(SystemClock, ReportsCurrentWallClockTime) {
    const SystemClock clock;
    const Clock& asClock = clock;
    const auto before = std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
    const TimePoint now = asClock.now();
    const auto after = std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
    EXPECT_GE(now, before);
    EXPECT_LE(now, after);
}

TEST(ShiftedClock, StartsAtTheGivenTimeAndRunsOnWithTheWallClock) {
    const auto wallBefore = SystemClock().now();
    const ShiftedClock clock(knownTime());
    const auto first = clock.now();
    const auto wallBetween = SystemClock().now();
    EXPECT_GE(first, knownTime());
    EXPECT_LE(first - knownTime(), wallBetween - wallBefore) << "it starts where it was told";
    // However the wall clock moves between two readings, the shifted one moves as much.
    const auto wall = SystemClock().now();
    const auto shifted = clock.now();
    const auto wallAfter = SystemClock().now();
    EXPECT_GE(shifted - first, wall - wallBetween);
    EXPECT_LE(shifted - first, wallAfter - wallBefore);
}

// ---- UUIDv7 ----

TEST(UuidV7, GeneratedIdsHaveVersionSevenAndTheRfcVariant) {
    FakeClock clock(knownTime());
    UuidV7Generator gen(clock);
    for (int i = 0; i < 200; ++i) {
        const std::string id = gen.next();
        ASSERT_EQ(id.size(), 36u);
        EXPECT_TRUE(isUuidV7(id)) << id;
        EXPECT_EQ(id[8], '-');
        EXPECT_EQ(id[13], '-');
        EXPECT_EQ(id[18], '-');
        EXPECT_EQ(id[23], '-');
        EXPECT_EQ(id[14], '7') << id;
        // Variant 10xx: the first hex digit of the fourth group is 8, 9, a or b.
        const int variant = std::stoi(id.substr(19, 1), nullptr, 16);
        EXPECT_EQ(variant & 0xC, 0x8) << id;
        clock.advance(milliseconds{i % 3});
    }
}

TEST(UuidV7, FirstTwelveHexDigitsEncodeTheClockMilliseconds) {
    FakeClock clock(knownTime());  // 1795773600123 ms = 0x01a21c72917b
    UuidV7Generator gen(clock);
    const std::string id = gen.next();
    EXPECT_EQ(id.substr(0, 13), "01a21c72-917b") << id;
    EXPECT_EQ(uuidMs(id), 1'795'773'600'123);
    clock.advance(5ms);
    EXPECT_EQ(uuidMs(gen.next()), 1'795'773'600'128);
    clock.set(fromMs(0x0000'0000'0001));
    UuidV7Generator early(clock);
    EXPECT_EQ(early.next().substr(0, 13), "00000000-0001");
    clock.set(fromMs(0xFFFF'FFFF'FFFF));
    UuidV7Generator late(clock);
    EXPECT_EQ(late.next().substr(0, 13), "ffffffff-ffff");
}

TEST(UuidV7, StrictlyIncreasingWithinOneFakeMillisecond) {
    FakeClock clock(knownTime());
    const std::int64_t clockMs = knownTime().time_since_epoch().count();
    UuidV7Generator gen(clock);
    std::string previous = gen.next();
    EXPECT_EQ(uuidMs(previous), clockMs);
    for (int i = 1; i < 10'000; ++i) {
        const std::string id = gen.next();
        ASSERT_TRUE(isUuidV7(id)) << id;
        // Canonical lowercase hex of fixed width: string order is numeric order.
        ASSERT_GT(id, previous) << "id " << i;
        // When the 12-bit counter runs out the generator borrows the next millisecond; 10,000 ids need at most
        // three more (the counter starts below 0x800, so the first millisecond holds at least 2048 ids).
        ASSERT_GE(uuidMs(id), clockMs);
        ASSERT_LE(uuidMs(id), clockMs + 3) << id;
        previous = id;
    }
    // Once real time passes the borrowed milliseconds, ids follow the clock again.
    clock.advance(10ms);
    const std::string later = gen.next();
    EXPECT_EQ(uuidMs(later), clockMs + 10);
    EXPECT_GT(later, previous);
}

TEST(UuidV7, StaysIncreasingWhenTheClockStepsBack) {
    FakeClock clock(knownTime());
    UuidV7Generator gen(clock);
    const std::string first = gen.next();
    clock.advance(-std::chrono::milliseconds(60'000));  // NTP stepped the clock back a minute
    const std::string second = gen.next();
    EXPECT_GT(second, first);
    EXPECT_EQ(uuidMs(second), uuidMs(first));
    clock.advance(std::chrono::milliseconds(120'000));
    const std::string third = gen.next();
    EXPECT_GT(third, second);
    EXPECT_EQ(uuidMs(third), uuidMs(first) + 60'000);
}

TEST(UuidV7, UniqueAcrossManyIdsAndGenerators) {
    FakeClock clock(knownTime());
    UuidV7Generator a(clock);
    UuidV7Generator b(clock);  // a second terminal at the very same millisecond
    std::set<std::string> seen;
    std::mt19937_64 rng(99);
    std::uniform_int_distribution<int> step(0, 2);
    constexpr int kIds = 20'000;
    for (int i = 0; i < kIds; ++i) {
        ASSERT_TRUE(seen.insert(a.next()).second) << "duplicate at " << i;
        ASSERT_TRUE(seen.insert(b.next()).second) << "duplicate at " << i;
        clock.advance(milliseconds{step(rng)});
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(2 * kIds));
}

TEST(UuidV7, IsUuidV7RejectsOtherForms) {
    const std::string good = "01a21c72-917b-7abc-8def-0123456789ab";
    ASSERT_TRUE(isUuidV7(good));
    EXPECT_TRUE(isUuidV7("01a21c72-917b-7abc-bdef-0123456789ab"));
    for (const std::string& bad : {
             std::string("01A21C72-917B-7ABC-8DEF-0123456789AB"),  // uppercase
             std::string("01a21c72-917b-4abc-8def-0123456789ab"),  // version 4
             std::string("01a21c72-917b-7abc-cdef-0123456789ab"),  // variant 110x
             std::string("01a21c72-917b-7abc-7def-0123456789ab"),  // variant bits 0 (NCS)
             std::string("01a21c72917b7abc8def0123456789ab"),      // no dashes
             std::string("01a21c72-917b-7abc-8def-0123456789a"),   // short
             std::string("01a21c72-917b-7abc-8def-0123456789abc"), // long
             std::string("01a21c72-917b-7abc-8def-0123456789ag"),  // not hex
             std::string("01a21c72_917b-7abc-8def-0123456789ab"),  // wrong separator
             std::string("{1a21c72-917b-7abc-8def-0123456789ab"),
             std::string(""),
         }) {
        EXPECT_FALSE(isUuidV7(bad)) << bad;
    }
}

}  // namespace
}  // namespace frontdesk::core
