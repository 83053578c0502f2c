#pragma once
// UTF-8 and code points, as the encoder and the interpreter need them. Malformed UTF-8 decodes to
// U+FFFD per bad byte (never dropped, never an exception), so a broken product name still prints
// as something a cashier can see is wrong.

#include <string>
#include <string_view>

namespace frontdesk::peripherals {

[[nodiscard]] std::u32string decodeUtf8(std::string_view text);
[[nodiscard]] std::string encodeUtf8(std::u32string_view text);
void appendUtf8(std::string& out, char32_t c);

// A strong right-to-left character (Hebrew, Arabic, Persian...), by FriBidi's tables.
[[nodiscard]] bool isRightToLeft(char32_t c);
// The text has a strong right-to-left character.
[[nodiscard]] bool hasRightToLeft(std::u32string_view text);

// ASCII that stands in for a character no code page of the printer has ("€" -> "EUR",
// "é" -> "e", "–" -> "-", "ß" -> "ss"), from glibc's transliteration tables; "" when there is
// none (Persian letters, CJK): such text must be drawn, not written.
[[nodiscard]] std::string transliterate(char32_t c);

}  // namespace frontdesk::peripherals
