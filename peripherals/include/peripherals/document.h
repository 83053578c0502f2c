#pragma once
// What we print, independent of any printer: a receipt, slip, report, badge or ticket as a list
// of blocks. Text is UTF-8; styles, alignment, item/amount columns, separators, barcodes, QR
// codes, a raster image, feeds and cuts. The encoder (escpos_encoder.h) turns a document into a
// given printer model's bytes; layout.h says how its text falls into lines.
//
// A plain value: build it on any thread, hand it to the printer service.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "peripherals/bitmap.h"

namespace frontdesk::peripherals {

enum class Align { Start, Center, End };  // Start is left in left-to-right text, right in right-to-left

struct TextStyle {
    bool bold = false;
    bool underline = false;
    bool inverted = false;  // white on black
    bool doubleWidth = false;
    bool doubleHeight = false;
    bool operator==(const TextStyle&) const = default;
};

// A paragraph: wrapped at spaces to the line's width (a word longer than a line is cut).
struct TextBlock {
    std::string text;
    TextStyle style;
    Align align = Align::Start;
};

// An item and its amount: the left text wraps, the right text ends its last line, flush right.
struct ColumnsBlock {
    std::string left;
    std::string right;
    TextStyle style;
};

// A full line of one character.
struct SeparatorBlock {
    char32_t character = U'-';
};

enum class BarcodeKind { Ean13, Code128 };

struct BarcodeBlock {
    BarcodeKind kind = BarcodeKind::Code128;
    std::string data;  // EAN-13: 12 or 13 digits; Code 128: printable ASCII
    int heightDots = 80;
    bool humanReadable = true;  // the data printed under the bars
};

struct QrBlock {
    std::string data;
    int moduleDots = 6;          // 1 to 16
    char errorCorrection = 'M';  // L, M, Q or H
};

// A logo or any picture, as dots (bitmap.h); at most as wide as the printer's line.
struct ImageBlock {
    Bitmap bitmap;
    Align align = Align::Center;
};

struct FeedBlock {
    int lines = 1;
};

struct CutBlock {
    bool partial = true;
};

using Block =
    std::variant<TextBlock, ColumnsBlock, SeparatorBlock, BarcodeBlock, QrBlock, ImageBlock, FeedBlock, CutBlock>;

class Document {
public:
    Document& text(std::string text, TextStyle style = {}, Align align = Align::Start);
    Document& columns(std::string left, std::string right, TextStyle style = {});
    Document& separator(char32_t character = U'-');
    Document& barcode(BarcodeKind kind, std::string data, int heightDots = 80, bool humanReadable = true);
    Document& qr(std::string data, int moduleDots = 6, char errorCorrection = 'M');
    Document& image(ImageBlock image);
    Document& feed(int lines = 1);
    Document& cut(bool partial = true);

    const std::vector<Block>& blocks() const { return m_blocks; }
    bool empty() const { return m_blocks.empty(); }

private:
    std::vector<Block> m_blocks;
};

}  // namespace frontdesk::peripherals
