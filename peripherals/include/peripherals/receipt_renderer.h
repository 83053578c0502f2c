#pragma once
// A receipt as the paper shows it, at the printer's resolution: text set in the printer's font
// cells (DejaVu Sans Mono standing in for the printer's font), barcodes and QR codes drawn with
// ZXing-C++ so that a decoder reads them, images as they came. What the simulator saves as PNG.
//
// Not thread-safe (it holds a TextRaster): one per thread.

#include <memory>

#include "core/status.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/escpos_interpreter.h"
#include "peripherals/text_raster.h"

namespace frontdesk::peripherals {

class ReceiptRenderer {
public:
    // The profile outlives the renderer. Unavailable when the font cannot be opened.
    [[nodiscard]] static core::Result<std::unique_ptr<ReceiptRenderer>> open(
        const firmware_config::PrinterProfile& profile);

    // The receipt, dotsPerLine wide, with a small white margin above and below.
    [[nodiscard]] Bitmap render(const Receipt& receipt);

private:
    ReceiptRenderer(const firmware_config::PrinterProfile& profile, std::unique_ptr<TextRaster> font)
        : m_profile(profile), m_font(std::move(font)) {}

    const firmware_config::PrinterProfile& m_profile;
    std::unique_ptr<TextRaster> m_font;
};

}  // namespace frontdesk::peripherals
