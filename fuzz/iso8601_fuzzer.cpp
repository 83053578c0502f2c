// Fuzz target: core::parseIso8601 (the --clock option, lockout times and event timestamps read
// back from the terminal database) and its inverse core::formatIso8601.
//
// Properties:
//   - parsing never crashes or reads out of bounds (ASan + UBSan);
//   - a time that parses formats as text that parses back to the same time;
//   - an accepted text has the documented shape: YYYY-MM-DDTHH:MM:SS, optionally '.' and
//     digits, then 'Z', and nothing else, in at most kMaxIso8601Chars characters;
//   - the input read as a time (8 bytes of milliseconds, folded into the years 0000..9999)
//     formats as 24 characters that parse back to it.
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "fuzz_check.h"

using frontdesk::core::formatIso8601;
using frontdesk::core::parseIso8601;
using frontdesk::core::TimePoint;

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// YYYY-MM-DDTHH:MM:SS(.d*)?Z, as clock.h documents (the parser accepts any number of
// fractional digits and keeps milliseconds).
bool documentedShape(std::string_view s) {
    static constexpr std::string_view kLayout = "dddd-dd-ddTdd:dd:dd";
    if (s.size() < kLayout.size() + 1) return false;
    for (std::size_t i = 0; i < kLayout.size(); ++i) {
        if (kLayout[i] == 'd' ? !digit(s[i]) : s[i] != kLayout[i]) return false;
    }
    std::string_view rest = s.substr(kLayout.size());
    if (rest.front() == '.') {
        rest.remove_prefix(1);
        while (!rest.empty() && digit(rest.front())) rest.remove_prefix(1);
    }
    return rest == "Z";
}

std::string shown(std::string_view text) { return "input '" + std::string(text.substr(0, 80)) + "'"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = parseIso8601(text);
    if (parsed.ok()) {
        FUZZ_CHECK(documentedShape(text) && size <= frontdesk::core::kMaxIso8601Chars,
                   shown(text) + " was accepted but is not YYYY-MM-DDTHH:MM:SS[.fff]Z");
        const std::string printed = formatIso8601(*parsed);
        auto again = parseIso8601(printed);
        FUZZ_CHECK(again.ok() && *again == *parsed, shown(text) + " printed as '" + printed + "'");
    }
    if (size >= sizeof(std::int64_t)) {
        using namespace std::chrono;
        std::int64_t raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z in milliseconds since 1970.
        constexpr std::int64_t kFirst = -62'167'219'200'000;
        constexpr std::int64_t kLast = 253'402'300'799'999;
        const std::uint64_t span = static_cast<std::uint64_t>(kLast - kFirst) + 1;
        const auto offset = static_cast<std::int64_t>(static_cast<std::uint64_t>(raw) % span);
        const TimePoint t{milliseconds{kFirst + offset}};
        const std::string printed = formatIso8601(t);
        const std::string what = "time " + std::to_string(kFirst + offset) + " printed as '" + printed + "'";
        FUZZ_CHECK(printed.size() == 24, what);
        auto again = parseIso8601(printed);
        FUZZ_CHECK(again.ok() && *again == t, what);
    }
    return 0;
}
