#include "core/ids.h"

#include "sodium_ready.h"

#include <array>

namespace frontdesk::core {

std::string UuidV7Generator::next() {
    std::int64_t ms = m_clock.now().time_since_epoch().count();
    std::array<unsigned char, 16> b{};
    [[maybe_unused]] const bool ready = detail::sodiumReady();
    randombytes_buf(b.data(), b.size());
    if (ms <= m_lastMs) {
        // Same millisecond (or the clock stepped back): keep order by counting in rand_a, and
        // borrow the next millisecond when the counter would overflow.
        ms = m_lastMs;
        if (++m_counter > 0x0FFF) {
            ++ms;
            m_counter = 0;
        }
    } else {
        m_counter = static_cast<std::uint16_t>((b[6] << 4 | b[7] >> 4) & 0x07FF);  // random start, headroom
    }
    m_lastMs = ms;
    for (int i = 0; i < 6; ++i) b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | ((m_counter >> 8) & 0x0F));
    b[7] = static_cast<unsigned char>(m_counter & 0xFF);
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0x0F];
    }
    return out;
}

std::string randomToken(std::size_t bytes) {
    [[maybe_unused]] const bool ready = detail::sodiumReady();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes);
    for (unsigned char c : raw) {
        out += kHex[c >> 4];
        out += kHex[c & 0x0F];
    }
    return out;
}

bool isUuidV7(const std::string& text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return text[14] == '7' && (text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
}

}  // namespace frontdesk::core
