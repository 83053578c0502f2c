#include "peripherals/receipt_renderer.h"

#include <algorithm>

#include "peripherals/codes.h"

namespace frontdesk::peripherals {

namespace {

constexpr int kMargin = 12;      // dots of white above and below
constexpr int kLineSpacing = 6;  // dots between text lines, beyond the font's height
constexpr int kCodeSpacing = 8;  // dots around a barcode or QR code

int alignedLeft(Align align, int width, int line) {
    return align == Align::Center ? (line - width) / 2 : align == Align::End ? line - width : 0;
}

// Pieces stacked top to bottom, each at its left offset.
struct Stack {
    struct Piece {
        Bitmap bitmap;
        int left = 0;
        int spaceBelow = 0;
    };
    std::vector<Piece> pieces;
    void add(Bitmap b, int left, int spaceBelow) { pieces.push_back({std::move(b), left, spaceBelow}); }
};

}  // namespace

core::Result<std::unique_ptr<ReceiptRenderer>> ReceiptRenderer::open(const firmware_config::PrinterProfile& profile) {
    FD_ASSIGN(auto font, TextRaster::open(TextRaster::monospaceFont()));
    return std::unique_ptr<ReceiptRenderer>(new ReceiptRenderer(profile, std::move(font)));
}

Bitmap ReceiptRenderer::render(const Receipt& receipt) {
    const int width = m_profile.dotsPerLine;
    const auto& font = m_profile.fonts.front();
    Stack stack;
    for (const PaperItem& item : receipt.items) {
        if (const auto* text = std::get_if<PaperText>(&item)) {
            std::vector<Bitmap> runs;
            int runsWidth = 0, height = font.heightDots;
            for (const auto& run : text->runs) {
                runs.push_back(m_font->cells(run.text, run.style, font.widthDots, font.heightDots));
                runsWidth += runs.back().width;
                height = std::max(height, runs.back().height);
            }
            Bitmap line(std::min(width, std::max(runsWidth, 1)), height);
            int x = 0;
            for (const auto& run : runs) {
                line.draw(run, x, height - run.height);
                x += run.width;
            }
            stack.add(std::move(line), alignedLeft(text->align, std::min(width, runsWidth), width), kLineSpacing);
        } else if (const auto* bar = std::get_if<PaperBarcode>(&item)) {
            BarcodeBlock block{bar->kind, bar->data, std::clamp(bar->heightDots, 16, 255), bar->humanReadable};
            auto bars = barcodeBitmap(block, bar->moduleDots);
            if (!bars.ok()) {  // what the printer would print for bad data: nothing, and the line's text
                stack.add(m_font->cells(U"[bad barcode]", {}, font.widthDots, font.heightDots), 0, kLineSpacing);
                continue;
            }
            const int barsWidth = bars->width;
            stack.add(std::move(*bars), alignedLeft(bar->align, barsWidth, width),
                      bar->humanReadable ? 2 : kCodeSpacing);
            if (bar->humanReadable) {
                const std::string hriText = block.kind == BarcodeKind::Ean13 ? ean13Digits(block.data) : block.data;
                const std::u32string digits(hriText.begin(), hriText.end());
                Bitmap hri = m_font->cells(digits, {}, font.widthDots, font.heightDots);
                const int hriWidth = hri.width;
                stack.add(std::move(hri), alignedLeft(bar->align, hriWidth, width), kCodeSpacing);
            }
        } else if (const auto* qr = std::get_if<PaperQr>(&item)) {
            auto modules = qrBitmap({qr->data, qr->moduleDots, qr->errorCorrection});
            if (!modules.ok()) continue;
            const int qrWidth = modules->width;
            stack.add(std::move(*modules), alignedLeft(qr->align, qrWidth, width), kCodeSpacing);
        } else if (const auto* image = std::get_if<PaperImage>(&item)) {
            stack.add(image->bitmap, 0, 0);
        } else if (const auto* feed = std::get_if<PaperFeed>(&item)) {
            stack.add(Bitmap(1, feed->lines * (font.heightDots + kLineSpacing)), 0, 0);
        }
    }
    int height = 2 * kMargin;
    for (const auto& p : stack.pieces) height += p.bitmap.height + p.spaceBelow;
    Bitmap page(width, height);
    int y = kMargin;
    for (const auto& p : stack.pieces) {
        page.draw(p.bitmap, p.left, y);
        y += p.bitmap.height + p.spaceBelow;
    }
    return page;
}

}  // namespace frontdesk::peripherals
