#include "peripherals/printer_status.h"

namespace frontdesk::peripherals {

std::string PrinterStatus::fault() const {
    if (!known) return {};
    if (coverOpen) return "cover open";
    if (paperOut) return "paper out";
    if (!online) return "offline";
    return {};
}

std::string PrinterStatus::describe() const {
    if (!known) return "status unknown";
    std::string out = fault().empty() ? "online" : fault();
    if (coverOpen && paperOut) out += ", paper out";
    if (!paperOut) out += paperNearEnd ? ", paper near end" : ", paper ok";
    out += drawerOpen ? ", drawer open" : ", drawer closed";
    return out;
}

void StatusReader::realtime(int n, std::uint8_t b) {
    m_status.known = true;
    switch (n) {
        case 1:  // printer status
            m_status.online = (b & 0x08) == 0;
            m_status.drawerOpen = (b & 0x04) != 0;
            break;
        case 2:  // offline cause
            m_status.coverOpen = (b & 0x04) != 0;
            if ((b & 0x20) != 0) m_status.paperOut = true;
            break;
        case 4:  // paper roll sensors
            m_status.paperNearEnd = (b & 0x0C) != 0;
            m_status.paperOut = (b & 0x60) != 0;
            break;
        default:
            break;
    }
}

void StatusReader::autoStatus() {
    const auto b = [&](int i) { return static_cast<std::uint8_t>(m_asb[static_cast<std::size_t>(i)]); };
    m_status.known = true;
    m_status.drawerOpen = (b(0) & 0x04) != 0;
    m_status.online = (b(0) & 0x08) == 0;
    m_status.coverOpen = (b(0) & 0x20) != 0;
    m_status.paperNearEnd = (b(2) & 0x03) != 0;
    m_status.paperOut = (b(2) & 0x0C) != 0;
    m_asb.clear();
}

int StatusReader::feed(std::string_view bytes) {
    int confirmations = 0;
    for (const char c : bytes) {
        const auto b = static_cast<std::uint8_t>(c);
        if (!m_asb.empty()) {
            m_asb.push_back(c);
            if (m_asb.size() == 4) autoStatus();
        } else if ((b & 0x93) == 0x12) {
            // A DLE EOT reply; one we did not ask for (after a reconnect) only tells us it is alive.
            const int n = m_expected.empty() ? 0 : m_expected.front();
            if (!m_expected.empty()) m_expected.pop_front();
            realtime(n, b);
        } else if ((b & 0x93) == 0x10) {
            m_asb.push_back(c);
        } else if ((b & 0x90) == 0) {
            // GS r 1's reply carries the paper sensors too.
            if (m_status.known) m_status.paperNearEnd = (b & 0x03) != 0;
            ++confirmations;
        }
        // Anything else is not an answer we asked for: ignored.
    }
    return confirmations;
}

}  // namespace frontdesk::peripherals
