#pragma once
// How a document's text falls into printed lines at a number of columns: paragraphs wrap at
// spaces, an item's amount ends its last line flush right, a separator fills the line. Double
// width halves the columns. The encoder prints these lines; the simulator's text output of a
// printed document is documentText() of it, which is what the round-trip tests compare.

#include <string>
#include <vector>

#include "peripherals/document.h"

namespace frontdesk::peripherals {

struct PrintLine {
    std::u32string text;  // the characters on paper, column padding included, alignment not
    TextStyle style;
    Align align = Align::Start;
    bool rightToLeft = false;  // has strong right-to-left characters: drawn, not written
};

// The columns of a line in this style.
[[nodiscard]] int columnsFor(const TextStyle& style, int columns);

[[nodiscard]] std::vector<PrintLine> layoutText(const TextBlock& block, int columns);
[[nodiscard]] std::vector<PrintLine> layoutColumns(const ColumnsBlock& block, int columns);
[[nodiscard]] PrintLine layoutSeparator(const SeparatorBlock& block, int columns);

// What a barcode, QR code or image reads as in the text of a printed document:
// "[EAN-13 4006381333931]", "[QR https://...]", "[image 384x96]".
[[nodiscard]] std::string barcodeText(const BarcodeBlock& block);
[[nodiscard]] std::string qrText(const QrBlock& block);
[[nodiscard]] std::string imageText(int width, int height);

// The document as its printed text, one UTF-8 string per line; feeds are empty lines, cuts "".
// Right-to-left lines read as their logical text (as typed).
[[nodiscard]] std::vector<std::string> documentText(const Document& document, int columns);

}  // namespace frontdesk::peripherals
