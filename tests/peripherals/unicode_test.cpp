// UTF-8 in and out, right-to-left detection, transliteration, and the code page tables built
// from iconv.
#include "peripherals/unicode.h"

#include <gtest/gtest.h>

#include "firmware_config/printer_profile.h"
#include "peripherals/code_pages.h"

namespace frontdesk::peripherals {
namespace {

TEST(Unicode, Utf8RoundTripsAndMalformedBytesBecomeReplacementCharacters) {
    const std::string text = "A€ж日😀";
    EXPECT_EQ(decodeUtf8(text), U"A€ж日😀");
    EXPECT_EQ(encodeUtf8(decodeUtf8(text)), text);
    EXPECT_EQ(decodeUtf8("a\xff"
                         "b"),
              U"a\uFFFDb");
    EXPECT_EQ(decodeUtf8("\xe2\x82"), U"\uFFFD\uFFFD");            // cut short
    EXPECT_EQ(decodeUtf8("\xc0\xaf"), U"\uFFFD\uFFFD");            // overlong
    EXPECT_EQ(decodeUtf8("\xed\xa0\x80"), U"\uFFFD\uFFFD\uFFFD");  // a surrogate
}

TEST(Unicode, RightToLeftIsPersianArabicAndHebrewLettersOnly) {
    EXPECT_TRUE(hasRightToLeft(U"سلام"));
    EXPECT_TRUE(hasRightToLeft(U"receipt رسید 12"));
    EXPECT_TRUE(isRightToLeft(U'ש'));
    EXPECT_FALSE(hasRightToLeft(U"Kassenbon 12,50 €"));
    EXPECT_FALSE(isRightToLeft(U'۱'));  // Persian digits are numbers, not letters
}

TEST(Unicode, TransliterationStandsInOnlyWhereItCan) {
    EXPECT_EQ(transliterate(U'€'), "EUR");
    EXPECT_EQ(transliterate(U'é'), "e");
    EXPECT_EQ(transliterate(U'ő'), "o");
    EXPECT_EQ(transliterate(U'ß'), "ss");
    EXPECT_EQ(transliterate(U'–'), "-");
    EXPECT_EQ(transliterate(U'x'), "x");
    EXPECT_EQ(transliterate(U'ب'), "");  // must be drawn
    EXPECT_EQ(transliterate(U'日'), "");
}

TEST(CodePages, EveryPageAProfileMayListHasATable) {
    for (auto name : firmware_config::knownCodePages()) {
        const CodePage* page = CodePage::find(name);
        ASSERT_NE(page, nullptr) << name;
        EXPECT_EQ(page->encode(U'A'), 'A') << name;
        EXPECT_EQ(page->decode('A'), U'A') << name;
    }
    EXPECT_EQ(CodePage::find("CP932"), nullptr);
}

TEST(CodePages, TheEuroIsInCp858AndCp1252ButNotCp437) {
    EXPECT_EQ(CodePage::find("CP858")->encode(U'€'), 0xD5);
    EXPECT_EQ(CodePage::find("CP1252")->encode(U'€'), 0x80);
    EXPECT_FALSE(CodePage::find("CP437")->encode(U'€'));
    EXPECT_EQ(CodePage::find("CP437")->encode(U'é'), 0x82);
    EXPECT_EQ(CodePage::find("CP866")->encode(U'Ж'), 0x86);
    EXPECT_EQ(CodePage::find("CP866")->decode(0x86), U'Ж');
    EXPECT_EQ(CodePage::find("CP737")->encode(U'Ω'), 0x97);
    for (int b = 0x20; b < 0x100; ++b) {  // every defined byte maps back to itself
        const char32_t c = CodePage::find("CP858")->decode(static_cast<std::uint8_t>(b));
        if (c != U'\uFFFD') {
            EXPECT_EQ(CodePage::find("CP858")->encode(c), b) << b;
        }
    }
}

}  // namespace
}  // namespace frontdesk::peripherals
