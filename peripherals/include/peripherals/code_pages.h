#pragma once
// The printer code pages the encoder writes and the interpreter reads (the names of
// firmware_config::knownCodePages()). Each table is built once from glibc's iconv tables, so
// no mapping is typed by hand.
//
// Thread-safe: tables are built on first use under a static initializer and never change.

#include <cstdint>
#include <optional>
#include <string_view>

namespace frontdesk::peripherals {

class CodePage {
public:
    // The table of a known code page ("CP858"), or null.
    static const CodePage* find(std::string_view name);

    std::string_view name() const { return m_name; }
    // The byte of a character (printable ASCII and the page's upper half), or nullopt.
    std::optional<std::uint8_t> encode(char32_t c) const;
    // The character of a byte; U+FFFD for a byte the page leaves undefined, control bytes below
    // 0x20 are not characters here.
    char32_t decode(std::uint8_t byte) const { return m_decode[byte]; }

private:
    explicit CodePage(std::string_view name);
    std::string_view m_name;
    char32_t m_decode[256] = {};
};

}  // namespace frontdesk::peripherals
