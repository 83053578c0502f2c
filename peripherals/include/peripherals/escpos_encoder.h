#pragma once
// Turns a document into the ESC/POS bytes of one printer model (its firmware_config profile):
// lines laid out at the model's columns, styles and alignment, text in the model's code pages
// (switching pages within a line as needed), barcodes and QR codes natively or as raster images,
// images, feeds and the cut the model has.
//
// Text: a character some code page of the model has is written in that page; one none has is
// replaced by its ASCII transliteration ("€" -> "EUR" on a CP437-only model); a line with a
// character that has neither, or with right-to-left text, is drawn with TextRaster and sent as a
// raster image. Nothing is dropped or garbled silently: without a TextRaster such a line is an
// error naming the character.
//
// Encoding is a pure function of the document and the profile. Not thread-safe when given a
// TextRaster (FreeType); otherwise const and safe.

#include <string>
#include <vector>

#include "core/status.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/document.h"
#include "peripherals/text_raster.h"

namespace frontdesk::peripherals {

class EscPosEncoder {
public:
    // Both outlive the encoder; raster may be null (no drawn lines).
    EscPosEncoder(const firmware_config::PrinterProfile& profile, TextRaster* raster)
        : m_profile(profile), m_raster(raster) {}

    // The job's bytes: ESC @, the first code page, the document. InvalidArgument naming the block
    // for a bad barcode or QR code, an image wider than the paper, or a line that would have to
    // be drawn without a TextRaster.
    [[nodiscard]] core::Result<std::string> encode(const Document& document) const;

    // The document's text as this model prints it, one UTF-8 string per line, as the simulator
    // writes it: transliterations applied, drawn lines, images and codes as "[image WxH]",
    // "[QR ...]", "[EAN-13 ...]", "[Code 128 ...]".
    [[nodiscard]] std::vector<std::string> printedText(const Document& document) const;

    // ESC p: a pulse on the drawer port's pin 2 (pin 0) or pin 5 (pin 1).
    [[nodiscard]] static std::string drawerKick(int pin = 0);

private:
    const firmware_config::PrinterProfile& m_profile;
    TextRaster* m_raster;
};

}  // namespace frontdesk::peripherals
