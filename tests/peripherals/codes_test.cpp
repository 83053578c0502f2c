// Barcodes and QR codes: what is valid, and the dots drawn for them read back by ZXing.
#include "peripherals/codes.h"

#include <gtest/gtest.h>

#include "peripherals_test_support.h"

namespace frontdesk::peripherals {
namespace {

using testing::decodeCodes;

TEST(Codes, Ean13GetsItsCheckDigitAndAWrongOneIsRefused) {
    EXPECT_EQ(ean13Digits("400638133393"), "4006381333931");
    EXPECT_TRUE(checkBarcode({BarcodeKind::Ean13, "4006381333931"}).ok());
    EXPECT_FALSE(checkBarcode({BarcodeKind::Ean13, "4006381333930"}).ok());
    EXPECT_FALSE(checkBarcode({BarcodeKind::Ean13, "40063813339"}).ok());
    EXPECT_FALSE(checkBarcode({BarcodeKind::Ean13, "40063813339x"}).ok());
    EXPECT_FALSE(checkBarcode({BarcodeKind::Code128, "caf\xc3\xa9"}).ok());
    EXPECT_FALSE(checkBarcode({BarcodeKind::Code128, "R-1", 8}).ok());
    EXPECT_FALSE(checkQr({"x", 0}).ok());
    EXPECT_FALSE(checkQr({"x", 4, 'X'}).ok());
}

TEST(Codes, TheDrawnBarsAndModulesReadBackAsTheirData) {
    auto ean = barcodeBitmap({BarcodeKind::Ean13, "400638133393", 80}, 2);
    ASSERT_TRUE(ean.ok()) << ean.status().toString();
    EXPECT_EQ(ean->height, 80);
    EXPECT_EQ(decodeCodes(*ean), (std::vector<std::string>{"EAN-13:4006381333931"}));
    auto code128 = barcodeBitmap({BarcodeKind::Code128, "R-s1-t1-000042", 60}, 2);
    ASSERT_TRUE(code128.ok());
    EXPECT_EQ(decodeCodes(*code128), (std::vector<std::string>{"Code128:R-s1-t1-000042"}));
    auto qr = qrBitmap({"https://example.invalid/r/42 €", 4, 'H'});
    ASSERT_TRUE(qr.ok());
    EXPECT_EQ(qr->width, qr->height);
    EXPECT_EQ(qr->width % 4, 0);
    EXPECT_EQ(decodeCodes(*qr), (std::vector<std::string>{"QRCode:https://example.invalid/r/42 €"}));
}

}  // namespace
}  // namespace frontdesk::peripherals
