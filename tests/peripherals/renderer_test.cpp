// The simulator's picture of a receipt: codes drawn so that a decoder reads them back, on every
// model (native codes drawn from their data, raster codes as they came), and PNG files that hold
// exactly the dots.
#include <algorithm>

#include <gtest/gtest.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals/png.h"
#include "peripherals/receipt_renderer.h"
#include "peripherals_test_support.h"
#include "testing/temp_dir.h"

namespace frontdesk::peripherals {
namespace {

TEST(ReceiptRenderer, BarcodesAndQrCodesOnThePaperDecodeToWhatWasPrinted) {
    const auto loaded = firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir());
    ASSERT_TRUE(loaded.ok());
    Document d;
    d.text("Receipt R-42", {}, Align::Center)
        .barcode(BarcodeKind::Code128, "R-s1-t1-000042")
        .barcode(BarcodeKind::Ean13, "400638133393")
        .qr("fd:receipt:01890a5d-ac96-774b-bcce-b302099a0001", 4)
        .cut();
    for (const auto& profile : loaded->profiles) {
        SCOPED_TRACE(profile.id);
        std::vector<Receipt> receipts;
        EscPosInterpreter::Events events;
        events.receipt = [&](Receipt r) { receipts.push_back(std::move(r)); };
        EscPosInterpreter interpreter(profile, events);
        interpreter.feed(*EscPosEncoder(profile, nullptr).encode(d));
        interpreter.finish();
        ASSERT_EQ(receipts.size(), 1u);
        auto renderer = ReceiptRenderer::open(profile);
        ASSERT_TRUE(renderer.ok()) << renderer.status().toString();
        const Bitmap paper = (*renderer)->render(receipts[0]);
        EXPECT_EQ(paper.width, profile.dotsPerLine);
        auto codes = testing::decodeCodes(paper);
        std::sort(codes.begin(), codes.end());
        EXPECT_EQ(codes, (std::vector<std::string>{"Code128:R-s1-t1-000042", "EAN-13:4006381333931",
                                                   "QRCode:fd:receipt:01890a5d-ac96-774b-bcce-b302099a0001"}));
    }
}

TEST(ReceiptRenderer, TextIsSetInTheFontsCellsWithItsAlignment) {
    const auto& profile = testing::profile("epson-tm-t88v");
    Receipt r;
    r.items.emplace_back(PaperText{{{U"RIGHT", {}}}, Align::End});
    r.items.emplace_back(PaperText{{{U"left", {}}}, Align::Start});
    auto renderer = ReceiptRenderer::open(profile);
    ASSERT_TRUE(renderer.ok());
    const Bitmap paper = (*renderer)->render(r);
    const auto inkBetween = [&](int top, int bottom) {
        int left = paper.width, right = -1;
        for (int y = top; y < bottom; ++y) {
            for (int x = 0; x < paper.width; ++x) {
                if (paper.get(x, y)) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                }
            }
        }
        return std::pair{left, right};
    };
    const auto first = inkBetween(12, 12 + 24);
    EXPECT_GE(first.first, 512 - 5 * 12);  // five cells at the right edge
    EXPECT_GT(first.second, 512 - 12);
    const auto second = inkBetween(12 + 30, 12 + 30 + 24);
    EXPECT_LT(second.first, 12);
    EXPECT_LT(second.second, 4 * 12);
}

TEST(Png, AWrittenImageReadsBackDotForDot) {
    kiosk::testing::TempDir dir;
    Bitmap b(19, 7);
    for (int i = 0; i < 7; ++i) b.set(i * 2, i);
    b.set(18, 0);
    ASSERT_TRUE(writePng(b, dir.file("b.png")).ok());
    auto read = readPng(dir.file("b.png"));
    ASSERT_TRUE(read.ok()) << read.status().toString();
    EXPECT_EQ(*read, b);
    EXPECT_FALSE(writePng(Bitmap(), dir.file("empty.png")).ok());
    EXPECT_EQ(readPng(dir.file("missing.png")).status().kind(), core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace frontdesk::peripherals
