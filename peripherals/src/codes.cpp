#include "peripherals/codes.h"

#include <algorithm>
#include <stdexcept>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include "core/bounded_input.h"

namespace frontdesk::peripherals {

namespace {

int eanCheckDigit(const std::string& twelve) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (i % 2 ? 3 : 1);
    return (10 - sum % 10) % 10;
}

// ZXing's writer levels: 1-2 L, 3-4 M, 5-6 Q, 7-8 H.
int zxingEccLevel(char level) {
    switch (level) {
        case 'L':
            return 1;
        case 'Q':
            return 5;
        case 'H':
            return 7;
        default:
            return 3;
    }
}

// A matrix of modules as a bitmap: each module `scale` dots, `quiet` modules of white around.
Bitmap fromMatrix(const ZXing::BitMatrix& m, int scaleX, int scaleY, int quiet, int height = 0) {
    const int rows = height > 0 ? 1 : m.height();
    const int h = height > 0 ? height : (rows + 2 * quiet) * scaleY;
    Bitmap out((m.width() + 2 * quiet) * scaleX, h);
    for (int y = 0; y < h; ++y) {
        const int my = height > 0 ? 0 : y / scaleY - quiet;
        if (my < 0 || my >= m.height()) continue;
        for (int x = 0; x < out.width; ++x) {
            const int mx = x / scaleX - quiet;
            if (mx >= 0 && mx < m.width() && m.get(mx, my)) out.set(x, y);
        }
    }
    return out;
}

}  // namespace

core::Status checkBarcode(const BarcodeBlock& block) {
    if (block.heightDots < 16 || block.heightDots > 255)
        return core::invalidArgument("barcode height must be 16 to 255 dots");
    if (block.kind == BarcodeKind::Ean13) {
        const std::string& d = block.data;
        if ((d.size() != 12 && d.size() != 13) || d.find_first_not_of("0123456789") != std::string::npos) {
            return core::invalidArgument("an EAN-13 is 12 or 13 digits, not '" + core::excerpt(d) + "'");
        }
        if (d.size() == 13 && d[12] - '0' != eanCheckDigit(d)) {
            return core::invalidArgument("EAN-13 " + d + ": the check digit should be " +
                                         std::to_string(eanCheckDigit(d)));
        }
        return {};
    }
    if (block.data.empty() || block.data.size() > kMaxCode128Bytes ||
        !std::all_of(block.data.begin(), block.data.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        return core::invalidArgument("a Code 128 here is 1 to " + std::to_string(kMaxCode128Bytes) +
                                     " printable ASCII characters, not '" + core::excerpt(block.data) + "'");
    }
    return {};
}

core::Status checkQr(const QrBlock& block) {
    if (block.data.empty() || block.data.size() > kMaxQrBytes) {
        return core::invalidArgument("a QR code holds 1 to " + std::to_string(kMaxQrBytes) + " bytes, not " +
                                     std::to_string(block.data.size()));
    }
    if (block.moduleDots < 1 || block.moduleDots > 16) return core::invalidArgument("QR modules must be 1 to 16 dots");
    if (std::string("LMQH").find(block.errorCorrection) == std::string::npos || block.errorCorrection == 0) {
        return core::invalidArgument("QR error correction must be L, M, Q or H");
    }
    return {};
}

std::string ean13Digits(const std::string& data) {
    return data.size() == 13 ? data : data + static_cast<char>('0' + eanCheckDigit(data));
}

core::Result<Bitmap> barcodeBitmap(const BarcodeBlock& block, int moduleDots) {
    FD_TRY(checkBarcode(block));
    try {
        const bool ean = block.kind == BarcodeKind::Ean13;
        ZXing::MultiFormatWriter writer(ean ? ZXing::BarcodeFormat::EAN13 : ZXing::BarcodeFormat::Code128);
        writer.setMargin(0);
        const ZXing::BitMatrix bars = writer.encode(ean ? ean13Digits(block.data) : block.data, 0, 1);
        return fromMatrix(bars, moduleDots, 1, 10, block.heightDots);
    } catch (const std::exception& e) {
        return core::invalidArgument(std::string("barcode cannot be drawn: ") + e.what());
    }
}

core::Result<Bitmap> qrBitmap(const QrBlock& block) {
    FD_TRY(checkQr(block));
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setMargin(0).setEncoding(ZXing::CharacterSet::UTF8).setEccLevel(zxingEccLevel(block.errorCorrection));
        const ZXing::BitMatrix modules = writer.encode(block.data, 0, 0);
        return fromMatrix(modules, block.moduleDots, block.moduleDots, 4);
    } catch (const std::exception& e) {
        return core::invalidArgument(std::string("QR code cannot be drawn: ") + e.what());
    }
}

}  // namespace frontdesk::peripherals
