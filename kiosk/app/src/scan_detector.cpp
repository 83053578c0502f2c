#include "kiosk/app/scan_detector.h"

#include "peripherals/unicode.h"

namespace frontdesk::kiosk::app {

using peripherals::appendUtf8;
using peripherals::encodeUtf8;

ScanDetector::Outcome ScanDetector::release() {
    Outcome out;
    out.typed = encodeUtf8(m_held);
    m_held.clear();
    return out;
}

ScanDetector::Outcome ScanDetector::key(char32_t character, TimePoint at) {
    Outcome out;
    if (!m_held.empty() && at - m_last > m_options.maxGap) out = release();  // the pause ended a burst
    if (m_held.size() >= m_options.maxLength) {
        // Too long for a code: typing (or a paste), let it all through.
        Outcome released = release();
        out.typed += released.typed;
        appendUtf8(out.typed, character);
        return out;
    }
    m_held.push_back(character);
    m_last = at;
    out.consumed = true;
    return out;
}

ScanDetector::Outcome ScanDetector::enter(TimePoint at) {
    if (m_held.empty()) return {};
    if (at - m_last > m_options.maxGap || m_held.size() < m_options.minLength) {
        // A person pressing Enter after typing: their keys, and the Enter is theirs too.
        return release();
    }
    Outcome out;
    out.scanned = encodeUtf8(m_held);
    out.consumed = true;
    m_held.clear();
    return out;
}

ScanDetector::Outcome ScanDetector::flush(TimePoint now) {
    if (m_held.empty() || now - m_last <= m_options.maxGap) return {};
    return release();
}

std::optional<ScanDetector::TimePoint> ScanDetector::flushDue() const {
    if (m_held.empty()) return std::nullopt;
    return m_last + m_options.maxGap + std::chrono::milliseconds(1);
}

}  // namespace frontdesk::kiosk::app
