// The encoder's bytes per printer model (golden bytes, derived by hand from the ESC/POS
// reference), code page switching within a line, transliteration, drawn lines, and refusals.
#include <gtest/gtest.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals_test_support.h"

namespace frontdesk::peripherals {
namespace {

using testing::hex;
using testing::profile;
using testing::operator""_bytes;

const std::string kInit = "\x1b\x40\x1b\x74\x00"_bytes;  // ESC @, ESC t 0 (CP437 first on every shipped model)

std::string encode(const std::string& id, const Document& d, TextRaster* raster = nullptr) {
    auto bytes = EscPosEncoder(profile(id), raster).encode(d);
    EXPECT_TRUE(bytes.ok()) << bytes.status().toString();
    return bytes.ok() ? *bytes : std::string();
}

TEST(EscPosEncoder, AReceiptsBytesOnTheTmT88v) {
    TextStyle bold;
    bold.bold = true;
    Document d;
    d.text("Hello", bold, Align::Center).columns("Apple juice", "1.99").separator().feed(1).cut();
    const std::string expected = kInit +
                                 "\x1b\x45\x01\x1b\x61\x01Hello\n"  // bold, centred
                                 "\x1b\x45\x00\x1b\x61\x00"_bytes +
                                 "Apple juice" + std::string(27, ' ') + "1.99\n" + std::string(42, '-') + "\n" +
                                 "\x1b\x64\x01"_bytes +     // ESC d 1
                                 "\x1d\x56\x42\x03"_bytes;  // GS V 66 3: partial cut
    EXPECT_EQ(hex(encode("epson-tm-t88v", d)), hex(expected));
}

TEST(EscPosEncoder, ColumnsAndCutFollowTheModel) {
    Document d;
    d.columns("Apple juice", "1.99").cut(true);
    // 48 columns on the TM-m30; a model with only a full cut cuts fully; one without a cutter feeds
    // to the tear bar.
    EXPECT_EQ(hex(encode("epson-tm-m30", d)),
              hex(kInit + "Apple juice" + std::string(33, ' ') + "1.99\n" + "\x1d\x56\x42\x03"_bytes));
    EXPECT_EQ(hex(encode("generic-80mm", d)),
              hex(kInit + "Apple juice" + std::string(33, ' ') + "1.99\n" + "\x1d\x56\x41\x03"_bytes));
    EXPECT_EQ(hex(encode("generic-58mm", d)),
              hex(kInit + "Apple juice" + std::string(17, ' ') + "1.99\n" + "\x1b\x64\x04"_bytes));
}

TEST(EscPosEncoder, StylesAreSentOnlyWhenTheyChange) {
    TextStyle big;
    big.doubleWidth = big.doubleHeight = true;
    TextStyle marked;
    marked.underline = true;
    marked.inverted = true;
    Document d;
    d.text("TOTAL", big).text("12.50", big).text("paid", marked).text("end");
    EXPECT_EQ(hex(encode("epson-tm-t88v", d)),
              hex(kInit + "\x1d\x21\x11TOTAL\n12.50\n"_bytes + "\x1b\x2d\x01\x1d\x42\x01\x1d\x21\x00paid\n"_bytes +
                  "\x1b\x2d\x00\x1d\x42\x00"_bytes
                  "end\n"_bytes));
}

TEST(EscPosEncoder, TheCodePageSwitchesWithinALineForTheEuroAndCyrillic) {
    Document d;
    d.text("5 € Ж é");
    // '€' is not in CP437: CP858 (ESC t 19) has it; 'Ж' needs CP866 (ESC t 17); 'é' is found in
    // the first page that has it, CP437.
    EXPECT_EQ(hex(encode("epson-tm-t88v", d)),
              hex(kInit + "5 \x1b\x74\x13\xd5 \x1b\x74\x11\x86 \x1b\x74\x00\x82\n"_bytes));
}

TEST(EscPosEncoder, ACharacterNoPageHasIsTransliteratedAndTheLayoutAccountsForIt) {
    auto cp437only = firmware_config::parsePrinterProfile(R"({"format": 1, "model": "Old", "vendor": "Acme",
        "paper_mm": 58, "dots_per_line": 384, "dpi": 203,
        "fonts": [{"name": "A", "columns": 32, "width_dots": 12, "height_dots": 24}],
        "code_pages": [{"name": "CP437", "number": 0}]})",
                                                          "old");
    ASSERT_TRUE(cp437only.ok()) << cp437only.status().toString();
    Document d;
    d.columns("Coffee – large", "€2.50");
    auto bytes = EscPosEncoder(*cp437only, nullptr).encode(d);
    ASSERT_TRUE(bytes.ok()) << bytes.status().toString();
    EXPECT_EQ(*bytes, kInit + "Coffee - large" + std::string(32 - 14 - 7, ' ') + "EUR2.50\n");
    EXPECT_EQ(EscPosEncoder(*cp437only, nullptr).printedText(d),
              (std::vector<std::string>{"Coffee - large" + std::string(11, ' ') + "EUR2.50"}));
}

TEST(EscPosEncoder, BarcodesAndQrCodesAreNativeWhereTheModelHasThem) {
    Document d;
    d.barcode(BarcodeKind::Ean13, "400638133393").barcode(BarcodeKind::Code128, "R-42", 60, false).qr("fd:42", 4, 'Q');
    const std::string expected = kInit +
                                 "\x1b\x61\x01\x1d\x68\x50\x1d\x77\x02\x1d\x48\x02\x1d\x6b\x43\x0d"
                                 "4006381333931"_bytes +
                                 "\x1d\x68\x3c\x1d\x77\x02\x1d\x48\x00\x1d\x6b\x49\x06{BR-42"_bytes +
                                 "\x1d\x28\x6b\x04\x00\x31\x41\x32\x00"_bytes +  // model 2
                                 "\x1d\x28\x6b\x03\x00\x31\x43\x04"_bytes +      // module size 4
                                 "\x1d\x28\x6b\x03\x00\x31\x45\x32"_bytes +      // error correction Q
                                 "\x1d\x28\x6b\x08\x00\x31\x50\x30"_bytes
                                 "fd:42"_bytes +                             // store
                                 "\x1d\x28\x6b\x03\x00\x31\x51\x30"_bytes +  // print
                                 "\x1b\x61\x00"_bytes;
    EXPECT_EQ(hex(encode("epson-tm-t88v", d)), hex(expected));
}

TEST(EscPosEncoder, WithoutNativeCodesTheyGoAsFullWidthRasterImages) {
    Document d;
    d.qr("fd:42");
    const std::string bytes = encode("generic-58mm", d);
    // GS v 0 0, 48 bytes a row (384 dots), then the rows.
    ASSERT_GE(bytes.size(), kInit.size() + 8);
    EXPECT_EQ(hex(bytes.substr(kInit.size(), 6)), hex("\x1d\x76\x30\x00\x30\x00"_bytes));
    const auto text = EscPosEncoder(profile("generic-58mm"), nullptr).printedText(d);
    ASSERT_EQ(text.size(), 1u);
    EXPECT_EQ(text[0].rfind("[image 384x", 0), 0u) << text[0];
}

TEST(EscPosEncoder, LinesThatMustBeDrawnAreRefusedWithoutAFontAndNamed) {
    Document d;
    d.text("Total").text("جمع کل");
    auto bytes = EscPosEncoder(profile("epson-tm-t88v"), nullptr).encode(d);
    ASSERT_FALSE(bytes.ok());
    EXPECT_NE(bytes.status().message().find("block 2: 'ج' has no code page on Epson TM-T88V"), std::string::npos)
        << bytes.status().message();
}

TEST(EscPosEncoder, BadBlocksAreRefusedNamingTheBlock) {
    const auto error = [](const Document& d) {
        auto bytes = EscPosEncoder(profile("epson-tm-t88v"), nullptr).encode(d);
        return bytes.ok() ? std::string() : bytes.status().message();
    };
    EXPECT_EQ(error(Document().text("a").barcode(BarcodeKind::Ean13, "4006381333932")),
              "block 2: EAN-13 4006381333932: the check digit should be 1");
    EXPECT_EQ(error(Document().barcode(BarcodeKind::Code128, "")),
              "block 1: a Code 128 here is 1 to 80 printable ASCII characters, not ''");
    EXPECT_EQ(error(Document().qr(std::string(1001, 'x'))), "block 1: a QR code holds 1 to 1000 bytes, not 1001");
    EXPECT_EQ(error(Document().image({Bitmap(600, 10)})),
              "block 1: the image is 600 dots wide; Epson TM-T88V prints 512");
    EXPECT_EQ(error(Document().feed(300)), "block 1: a feed is 0 to 255 lines");
}

TEST(EscPosEncoder, TheDrawerKickPulsesPinTwoOrFive) {
    EXPECT_EQ(hex(EscPosEncoder::drawerKick()), hex("\x1b\x70\x00\x32\x32"_bytes));
    EXPECT_EQ(hex(EscPosEncoder::drawerKick(1)), hex("\x1b\x70\x01\x32\x32"_bytes));
}

}  // namespace
}  // namespace frontdesk::peripherals
