#include "peripherals/unicode.h"

#include <memory>

#include <fribidi.h>
#include <iconv.h>
#include <locale.h>

namespace frontdesk::peripherals {

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
        char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
        bool ok = extra >= 0;
        for (int k = 1; ok && k <= extra; ++k) {
            if (i + k >= text.size()) {
                ok = false;
                break;
            }
            const auto cont = static_cast<unsigned char>(text[i + k]);
            if ((cont & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            c = (c << 6) | (cont & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode are malformed too.
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (ok && (c < kMin[static_cast<std::size_t>(extra)] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF))
            ok = false;
        if (!ok) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) appendUtf8(out, c);
    return out;
}

bool isRightToLeft(char32_t c) {
    const FriBidiCharType type = fribidi_get_bidi_type(static_cast<FriBidiChar>(c));
    return FRIBIDI_IS_LETTER(type) && FRIBIDI_IS_RTL(type);
}

bool hasRightToLeft(std::u32string_view text) {
    for (char32_t c : text) {
        if (isRightToLeft(c)) return true;
    }
    return false;
}

std::string transliterate(char32_t c) {
    if (c < 0x80) return std::string(1, static_cast<char>(c));
    // glibc transliterates accented letters only under a UTF-8 locale; this thread takes C.UTF-8
    // for the call (uselocale is per thread: the process's locale is left alone).
    static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (!utf8) return {};
    const locale_t previous = uselocale(utf8);
    std::string result;
    iconv_t cd = iconv_open("ASCII//TRANSLIT", "UTF-8");
    if (cd != reinterpret_cast<iconv_t>(-1)) {
        std::string in;
        appendUtf8(in, c);
        char out[32] = {};
        char* inPtr = in.data();
        char* outPtr = out;
        std::size_t inLeft = in.size(), outLeft = sizeof(out) - 1;
        if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != static_cast<std::size_t>(-1)) {
            result.assign(out, outPtr);
        }
        iconv_close(cd);
    }
    uselocale(previous);
    // glibc writes "?" for a character it has no transliteration of.
    if (result.empty() || result.find('?') != std::string::npos) return {};
    return result;
}

}  // namespace frontdesk::peripherals
