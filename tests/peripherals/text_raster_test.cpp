// Lines drawn as dots: right-to-left text shaped and ordered (HarfBuzz, FriBidi), aligned to the
// start of its direction, styles applied; and the encoder sending such a line as a raster image.
#include "peripherals/text_raster.h"

#include <gtest/gtest.h>

#include "peripherals/escpos_encoder.h"
#include "peripherals_test_support.h"

namespace frontdesk::peripherals {
namespace {

// The leftmost and rightmost inked columns (-1, -1 when blank).
std::pair<int, int> inkSpan(const Bitmap& b) {
    int left = -1, right = -1;
    for (int x = 0; x < b.width; ++x) {
        for (int y = 0; y < b.height; ++y) {
            if (b.get(x, y)) {
                if (left < 0) left = x;
                right = x;
                break;
            }
        }
    }
    return {left, right};
}

class TextRasterTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = TextRaster::open();
        ASSERT_TRUE(opened.ok()) << opened.status().toString();
        raster = std::move(*opened);
    }
    std::unique_ptr<TextRaster> raster;
};

TEST_F(TextRasterTest, PersianStartsAtTheRightEdgeAndLatinAtTheLeft) {
    const Bitmap persian = raster->line(U"رسید فروش", {}, Align::Start, 512, 24);
    EXPECT_EQ(persian.width, 512);
    EXPECT_EQ(persian.height, 24);
    const auto [pl, pr] = inkSpan(persian);
    ASSERT_GE(pl, 0) << "nothing drawn";
    EXPECT_GT(pr, 512 - 12);
    EXPECT_GT(pl, 256);
    const auto [ll, lr] = inkSpan(raster->line(U"Receipt", {}, Align::Start, 512, 24));
    EXPECT_LT(ll, 12);
    EXPECT_LT(lr, 256);
    const auto [cl, cr] = inkSpan(raster->line(U"Receipt", {}, Align::Center, 512, 24));
    EXPECT_NEAR((cl + cr) / 2, 256, 12);
}

TEST_F(TextRasterTest, ShapingJoinsLettersAndOrderIsVisual) {
    // Joined (shaped) "بب" is narrower than two isolated letters drawn apart, and a word differs
    // from its letters reversed: shaping and ordering are not skipped.
    const auto joined = inkSpan(raster->line(U"ببب", {}, Align::Start, 512, 24));
    const auto apart = inkSpan(raster->line(U"ب ب ب", {}, Align::Start, 512, 24));
    EXPECT_LT(joined.second - joined.first, apart.second - apart.first);
    EXPECT_NE(raster->line(U"سلام", {}, Align::Start, 512, 24), raster->line(U"مالس", {}, Align::Start, 512, 24));
    // A number inside Persian text stays left to right: "12" reads 1 then 2.
    EXPECT_NE(raster->line(U"جمع 12", {}, Align::Start, 512, 24), raster->line(U"جمع 21", {}, Align::Start, 512, 24));
}

TEST_F(TextRasterTest, StylesChangeTheDots) {
    const Bitmap plain = raster->line(U"Total", {}, Align::Start, 512, 24);
    TextStyle bold;
    bold.bold = true;
    TextStyle big;
    big.doubleWidth = big.doubleHeight = true;
    TextStyle inverted;
    inverted.inverted = true;
    const auto count = [](const Bitmap& b) {
        int n = 0;
        for (int y = 0; y < b.height; ++y) {
            for (int x = 0; x < b.width; ++x) n += b.get(x, y);
        }
        return n;
    };
    EXPECT_GT(count(raster->line(U"Total", bold, Align::Start, 512, 24)), count(plain));
    const Bitmap doubled = raster->line(U"Total", big, Align::Start, 512, 24);
    EXPECT_EQ(doubled.width, 512);
    EXPECT_EQ(doubled.height, 48);
    EXPECT_GT(count(raster->line(U"Total", inverted, Align::Start, 512, 24)), 512 * 24 / 2);
}

TEST_F(TextRasterTest, TooLongTextIsDrawnSmallerToFit) {
    const std::u32string longLine(80, U'ب');
    const auto [l, r] = inkSpan(raster->line(longLine, {}, Align::Start, 384, 24));
    EXPECT_GE(l, 0);
    EXPECT_LT(r, 384);
}

TEST_F(TextRasterTest, TheEncoderSendsAPersianLineAsARasterImage) {
    Document d;
    d.text("Total").text("جمع کل");
    auto bytes = EscPosEncoder(testing::profile("epson-tm-t88v"), raster.get()).encode(d);
    ASSERT_TRUE(bytes.ok()) << bytes.status().toString();
    // "Total\n", then GS v 0 with 64 bytes a row (512 dots) and 24 rows.
    const auto at = bytes->find("Total\n");
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(testing::hex(bytes->substr(at + 6, 8)), testing::hex(std::string("\x1d\x76\x30\x00\x40\x00\x18\x00", 8)));
    EXPECT_EQ(bytes->size(), at + 6 + 8 + 64 * 24);
    EXPECT_EQ(EscPosEncoder(testing::profile("epson-tm-t88v"), raster.get()).printedText(d),
              (std::vector<std::string>{"Total", "[image 512x24]"}));
}

}  // namespace
}  // namespace frontdesk::peripherals
