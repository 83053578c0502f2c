#pragma once
// Text drawn as dots, for the lines a printer cannot write with its own fonts: right-to-left
// text (Persian, Arabic, Hebrew) and characters no code page of the printer has. Shaped with
// HarfBuzz, put in visual order with FriBidi, drawn with FreeType from a TrueType font (DejaVu
// Sans, Debian's fonts-dejavu-core, unless FRONTDESK_RECEIPT_FONT names another): never by
// hand-written shaping. The simulator draws the text it receives with the same class.
//
// Not thread-safe (a FreeType face is not): one per thread.

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "peripherals/bitmap.h"
#include "peripherals/document.h"

namespace frontdesk::peripherals {

class TextRaster {
public:
    // $FRONTDESK_RECEIPT_FONT, else DejaVu Sans; and DejaVu Sans Mono, for cells().
    static std::string defaultFont();
    static std::string monospaceFont();
    // Unavailable naming the file when the font cannot be opened.
    [[nodiscard]] static core::Result<std::unique_ptr<TextRaster>> open(const std::string& fontFile = defaultFont());
    ~TextRaster();
    TextRaster(const TextRaster&) = delete;
    TextRaster& operator=(const TextRaster&) = delete;

    // One line `widthDots` wide and `heightDots` tall (doubled for double width and height),
    // aligned within it (Start is the right edge for right-to-left text). Text wider than the line
    // is drawn smaller to fit.
    [[nodiscard]] Bitmap line(std::u32string_view text, const TextStyle& style, Align align, int widthDots,
                              int heightDots);

    // Left-to-right text in fixed cells, as a printer's own font sets it: each character centred in
    // a cell `cellWidth` wide (doubled for double width) and `cellHeight` tall (doubled for double
    // height). For a monospaced font (the simulator uses DejaVu Sans Mono).
    [[nodiscard]] Bitmap cells(std::u32string_view text, const TextStyle& style, int cellWidth, int cellHeight);

private:
    struct Impl;
    explicit TextRaster(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace frontdesk::peripherals
