// The keyboard-wedge scanner told apart from a person typing, by the timing of the keys alone.
#include "kiosk/app/scan_detector.h"

#include <gtest/gtest.h>

namespace frontdesk::kiosk::app {
namespace {

using namespace std::chrono_literals;
using Time = ScanDetector::TimePoint;

// Feeds text as keys `gap` apart from `start`; returns what was released as typing on the way.
std::string typeKeys(ScanDetector& d, const std::u32string& text, Time& at, std::chrono::milliseconds gap) {
    std::string typed;
    for (const char32_t c : text) {
        at += gap;
        typed += d.key(c, at).typed;
    }
    return typed;
}

TEST(ScanDetector, ABurstEndedByEnterIsAScanAndNoneOfItsKeysAreTyped) {
    ScanDetector d;
    Time at{};
    EXPECT_EQ(typeKeys(d, U"4006381333931", at, 8ms), "");
    const auto out = d.enter(at + 8ms);
    ASSERT_TRUE(out.scanned.has_value());
    EXPECT_EQ(*out.scanned, "4006381333931");
    EXPECT_TRUE(out.consumed);
    EXPECT_TRUE(out.typed.empty());
    EXPECT_FALSE(d.holding());
}

TEST(ScanDetector, KeysTypedByAPersonAreReleasedInOrder) {
    ScanDetector d;
    Time at{};
    // 120 ms apart: each key releases the one before it.
    EXPECT_EQ(typeKeys(d, U"1234", at, 120ms), "123");
    const auto out = d.flush(at + 200ms);
    EXPECT_EQ(out.typed, "4");
    EXPECT_FALSE(out.scanned.has_value());
}

TEST(ScanDetector, EnterAfterTooFewFastKeysIsTypingAndTheEnterIsNotConsumed) {
    ScanDetector d;
    Time at{};
    typeKeys(d, U"12", at, 5ms);
    const auto out = d.enter(at + 5ms);
    EXPECT_FALSE(out.scanned.has_value());
    EXPECT_EQ(out.typed, "12");
    EXPECT_FALSE(out.consumed);
}

TEST(ScanDetector, AScanRightAfterTypingKeepsBothApart) {
    ScanDetector d;
    Time at{};
    std::string typed = typeKeys(d, U"ab", at, 150ms);
    at += 300ms;
    typed += d.key(U'9', at).typed;  // the pause released the typed "b"
    typed += typeKeys(d, U"78123", at, 6ms);
    const auto out = d.enter(at + 6ms);
    EXPECT_EQ(typed, "ab");
    ASSERT_TRUE(out.scanned.has_value());
    EXPECT_EQ(*out.scanned, "978123");
}

TEST(ScanDetector, ABurstWithoutEnterIsFlushedAsTypingOnceItsGapPasses) {
    ScanDetector d;
    Time at{};
    typeKeys(d, U"paste", at, 1ms);
    ASSERT_TRUE(d.flushDue().has_value());
    EXPECT_EQ(d.flush(at + 10ms).typed, "");  // too early: it may still end with Enter
    EXPECT_EQ(d.flush(*d.flushDue()).typed, "paste");
    EXPECT_FALSE(d.flushDue().has_value());
}

TEST(ScanDetector, NonAsciiCodesComeBackAsUtf8) {
    ScanDetector d;
    Time at{};
    typeKeys(d, U"ÄÖ-€12", at, 4ms);
    EXPECT_EQ(d.enter(at + 4ms).scanned.value_or(""), "ÄÖ-€12");
}

TEST(ScanDetector, ABurstLongerThanAnyCodeIsLetThroughAsTyping) {
    ScanDetector d(ScanDetector::Options{35ms, 4, 8});
    Time at{};
    const std::string typed = typeKeys(d, U"123456789", at, 2ms);
    EXPECT_EQ(typed, "123456789");
    EXPECT_FALSE(d.holding());
    EXPECT_FALSE(d.enter(at + 2ms).scanned.has_value());
}

}  // namespace
}  // namespace frontdesk::kiosk::app
