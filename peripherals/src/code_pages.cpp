#include "peripherals/code_pages.h"

#include <array>
#include <memory>
#include <string>

#include <iconv.h>

namespace frontdesk::peripherals {

namespace {

// The iconv name of each code page a profile may list.
constexpr std::array<std::pair<std::string_view, const char*>, 7> kIconvNames{{{"CP437", "IBM437"},
                                                                               {"CP737", "CP737"},
                                                                               {"CP850", "IBM850"},
                                                                               {"CP852", "IBM852"},
                                                                               {"CP858", "IBM858"},
                                                                               {"CP866", "IBM866"},
                                                                               {"CP1252", "CP1252"}}};

// One byte through iconv: the character it stands for, or U+FFFD.
char32_t decodeByte(iconv_t cd, std::uint8_t byte) {
    char in[1] = {static_cast<char>(byte)};
    char32_t out[2] = {};
    char* inPtr = in;
    char* outPtr = reinterpret_cast<char*>(out);
    std::size_t inLeft = 1, outLeft = sizeof(out);
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
    if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1) || outLeft != sizeof(char32_t)) {
        return U'\uFFFD';
    }
    return out[0];
}

}  // namespace

CodePage::CodePage(std::string_view name) : m_name(name) {
    for (auto& c : m_decode) c = U'\uFFFD';
    const char* iconvName = nullptr;
    for (const auto& [page, iconvPage] : kIconvNames) {
        if (page == name) iconvName = iconvPage;
    }
    iconv_t cd = iconv_open("UTF-32LE", iconvName);
    if (cd == reinterpret_cast<iconv_t>(-1)) return;  // every byte undefined: find() refuses it
    for (int byte = 0x20; byte < 0x100; ++byte) {
        if (byte == 0x7F) continue;
        m_decode[byte] = decodeByte(cd, static_cast<std::uint8_t>(byte));
    }
    iconv_close(cd);
}

const CodePage* CodePage::find(std::string_view name) {
    static const auto tables = [] {
        std::array<std::unique_ptr<CodePage>, kIconvNames.size()> built;
        for (std::size_t i = 0; i < kIconvNames.size(); ++i) built[i].reset(new CodePage(kIconvNames[i].first));
        return built;
    }();
    for (const auto& table : tables) {
        if (table->name() == name && table->decode('A') == U'A') return table.get();
    }
    return nullptr;
}

std::optional<std::uint8_t> CodePage::encode(char32_t c) const {
    if (c >= 0x20 && c < 0x7F && m_decode[c] == c) return static_cast<std::uint8_t>(c);
    for (int byte = 0x80; byte < 0x100; ++byte) {
        if (m_decode[byte] == c) return static_cast<std::uint8_t>(byte);
    }
    return std::nullopt;
}

}  // namespace frontdesk::peripherals
