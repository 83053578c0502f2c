#include "core/clock.h"

#include <cstdio>

namespace frontdesk::core {

TimePoint SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::string formatIso8601(TimePoint t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return buf;
}

Result<TimePoint> parseIso8601(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    const std::string copy(text.substr(0, kMaxIso8601Chars));
    if (text.size() > kMaxIso8601Chars) {
        return invalidArgument("not an ISO 8601 UTC time (longer than " + std::to_string(kMaxIso8601Chars) +
                               " characters): '" + copy + "...'");
    }
    // sscanf's %d also takes signs and leading spaces ("T-1:00:00Z"); insist on the fixed-width digits.
    static constexpr std::string_view kLayout = "dddd-dd-ddTdd:dd:dd";
    if (copy.size() < kLayout.size()) return invalidArgument("not an ISO 8601 UTC time: '" + copy + "'");
    for (std::size_t i = 0; i < kLayout.size(); ++i) {
        const bool digitWanted = kLayout[i] == 'd';
        const bool isDigit = copy[i] >= '0' && copy[i] <= '9';
        if (digitWanted ? !isDigit : copy[i] != kLayout[i]) {
            return invalidArgument("not an ISO 8601 UTC time: '" + copy + "'");
        }
    }
    int consumed = 0;
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6) {
        return invalidArgument("not an ISO 8601 UTC time: '" + copy + "'");
    }
    std::string_view rest = std::string_view(copy).substr(static_cast<std::size_t>(consumed));
    if (!rest.empty() && rest.front() == '.') {
        int digits = 0;
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
            if (digits < 3) ms = ms * 10 + (rest.front() - '0');
            ++digits;
            rest.remove_prefix(1);
        }
        for (; digits < 3; ++digits) ms *= 10;
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (rest != "Z" || !ymd.ok() || h > 23 || mi > 59 || s > 59) {
        return invalidArgument("not an ISO 8601 UTC time: '" + copy + "'");
    }
    return TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

}  // namespace frontdesk::core
