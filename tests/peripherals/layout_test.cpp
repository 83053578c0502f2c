// How text falls into printed lines: wrapping at spaces, amounts flush right on an item's last
// line, double width taking two columns, separators filling the line.
#include "peripherals/layout.h"

#include <gtest/gtest.h>

namespace frontdesk::peripherals {
namespace {

TextBlock textBlock(std::string text, TextStyle style = {}) {
    TextBlock b;
    b.text = std::move(text);
    b.style = style;
    return b;
}

ColumnsBlock columnsBlock(std::string left, std::string right) {
    ColumnsBlock b;
    b.left = std::move(left);
    b.right = std::move(right);
    return b;
}

std::vector<std::u32string> texts(const std::vector<PrintLine>& lines) {
    std::vector<std::u32string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

TEST(Layout, ParagraphsWrapAtSpacesAndCutOnlyWordsLongerThanALine) {
    EXPECT_EQ(texts(layoutText(textBlock("Thank you for shopping with us today"), 16)),
              (std::vector<std::u32string>{U"Thank you for", U"shopping with us", U"today"}));
    EXPECT_EQ(texts(layoutText(textBlock("ABCDEFGHIJKLMNOPQRSTU end"), 10)),
              (std::vector<std::u32string>{U"ABCDEFGHIJ", U"KLMNOPQRST", U"U end"}));
    EXPECT_EQ(texts(layoutText(textBlock("two\nlines"), 32)), (std::vector<std::u32string>{U"two", U"lines"}));
    EXPECT_EQ(texts(layoutText(textBlock(""), 32)), (std::vector<std::u32string>{U""}));
}

TEST(Layout, DoubleWidthHalvesTheColumns) {
    TextStyle big;
    big.doubleWidth = true;
    EXPECT_EQ(texts(layoutText(textBlock("TOTAL 12.50 EUR", big), 24)),
              (std::vector<std::u32string>{U"TOTAL 12.50", U"EUR"}));
    EXPECT_EQ(columnsFor(big, 42), 21);
}

TEST(Layout, AnItemsAmountEndsItsLastLineFlushRight) {
    EXPECT_EQ(texts(layoutColumns(columnsBlock("Apple juice", "1.99"), 20)),
              (std::vector<std::u32string>{U"Apple juice     1.99"}));
    // A long name wraps within the width left of the amount.
    EXPECT_EQ(texts(layoutColumns(columnsBlock("Organic apple juice, cloudy", "12.99"), 20)),
              (std::vector<std::u32string>{U"Organic apple", U"juice, cloudy  12.99"}));
    // Euro signs and other characters are one column each.
    EXPECT_EQ(texts(layoutColumns(columnsBlock("Käse", "€ 3,50"), 12)), (std::vector<std::u32string>{U"Käse  € 3,50"}));
}

TEST(Layout, SeparatorsFillTheLineAndCodesReadAsTheirData) {
    EXPECT_EQ(layoutSeparator({U'='}, 8).text, U"========");
    EXPECT_EQ(barcodeText({BarcodeKind::Ean13, "400638133393"}), "[EAN-13 4006381333931]");
    EXPECT_EQ(barcodeText({BarcodeKind::Code128, "R-1-000042"}), "[Code 128 R-1-000042]");
    EXPECT_EQ(qrText({"fd:receipt:42"}), "[QR fd:receipt:42]");
    Document d;
    d.text("Hi").feed(2).qr("x").cut();
    EXPECT_EQ(documentText(d, 32), (std::vector<std::string>{"Hi", "", "", "[QR x]"}));
}

TEST(Layout, RightToLeftLinesAreMarked) {
    const auto lines = layoutText(textBlock("رسید فروش"), 32);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_TRUE(lines[0].rightToLeft);
    EXPECT_FALSE(layoutText(textBlock("Receipt"), 32)[0].rightToLeft);
}

}  // namespace
}  // namespace frontdesk::peripherals
