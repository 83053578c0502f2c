// The interpreter's barcodes (GS k), QR codes (GS ( k) and raster images (GS v 0): the
// commands that carry data of their own length (escpos_interpreter.cpp holds the rest).
#include <algorithm>

#include "escpos_bytes.h"
#include "peripherals/escpos_interpreter.h"

namespace frontdesk::peripherals {

namespace bytes = escpos;
using escpos::hexByte;

namespace {

// Code 128 data as ESC/POS sends it: "{A", "{B", "{C" choose the code set, "{{" is a "{", the
// function codes ("{1".."{4", "{S") print nothing. Set C is two digits a byte.
std::string code128Text(std::string_view data) {
    std::string out;
    char set = 'B';
    for (std::size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '{' && i + 1 < data.size()) {
            const char next = data[++i];
            if (next == 'A' || next == 'B' || next == 'C') {
                set = next;
            } else if (next == '{') {
                out.push_back('{');
            }
            continue;
        }
        if (set == 'C') {
            const auto v = static_cast<unsigned char>(c);
            if (v < 100) {
                out.push_back(static_cast<char>('0' + v / 10));
                out.push_back(static_cast<char>('0' + v % 10));
            }
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::size_t EscPosInterpreter::barcode() {
    if (!has(3)) return 0;
    const std::uint8_t m = at(2);
    std::string data;
    std::size_t length = 0;
    if (m <= 6) {  // form A: data up to NUL
        std::size_t end = 3;
        while (end < m_buffer.size() - m_pos && at(end) != 0 && end < 3 + 255) ++end;
        if (end == m_buffer.size() - m_pos) return 0;
        if (at(end) != 0) {
            skip(3, "GS k " + std::to_string(m) + ": no NUL within 255 bytes");
            return 3;
        }
        data.assign(m_buffer, m_pos + 3, end - 3);
        length = end + 1;
    } else if (m >= 65 && m <= 78) {  // form B: a length byte
        if (!has(4)) return 0;
        const std::size_t n = at(3);
        if (!has(4 + n)) return 0;
        data.assign(m_buffer, m_pos + 4, n);
        length = 4 + n;
    } else {
        skip(3, "GS k " + std::to_string(m) + ": unknown barcode type");
        return 3;
    }
    if (m_lineOpen) endLine();
    PaperBarcode b{BarcodeKind::Code128, {}, m_barcodeHeight, m_barcodeModule, m_hri, m_align};
    if (m == bytes::kBarcodeEan13 || m == 2) {
        b.kind = BarcodeKind::Ean13;
        b.data = data;
    } else if (m == bytes::kBarcodeCode128) {
        b.data = code128Text(data);
    } else {
        skip(length, "GS k " + std::to_string(m) + ": a barcode type the simulator does not draw");
        return length;
    }
    m_receipt.items.emplace_back(std::move(b));
    return length;
}

std::size_t EscPosInterpreter::twoD() {
    if (!has(5)) return 0;
    const std::size_t length = at(3) | (static_cast<std::size_t>(at(4)) << 8);
    if (!has(5 + length)) return 0;
    if (at(2) != 'k' || length < 2) {
        skip(5 + length, "GS ( " + std::string(1, static_cast<char>(at(2))) + ": not drawn");
        return 5 + length;
    }
    const std::uint8_t cn = at(5), fn = at(6);
    if (cn != bytes::kQrSymbol) {
        skip(5 + length, "GS ( k symbol " + std::to_string(cn) + ": only QR codes are drawn");
        return 5 + length;
    }
    const std::string params = m_buffer.substr(m_pos + 7, length - 2);
    switch (fn) {
        case bytes::kQrModuleSize:
            if (!params.empty()) m_qr.moduleDots = std::clamp<int>(static_cast<std::uint8_t>(params[0]), 1, 16);
            break;
        case bytes::kQrErrorLevel:
            if (!params.empty() && params[0] >= 48 && params[0] <= 51) m_qr.errorCorrection = "LMQH"[params[0] - 48];
            break;
        case bytes::kQrStore:
            m_qr.data = params.size() > 1 ? params.substr(1) : std::string();
            break;
        case bytes::kQrPrint:
            if (m_lineOpen) endLine();
            if (m_qr.data.empty()) {
                skip(5 + length, "GS ( k print: no QR data stored");
            } else {
                PaperQr qr = m_qr;
                qr.align = m_align;
                m_receipt.items.emplace_back(std::move(qr));
            }
            break;
        default:
            break;  // the model (65) and the others change nothing drawn
    }
    return 5 + length;
}

std::size_t EscPosInterpreter::raster() {
    if (!has(8)) return 0;
    const std::uint8_t m = at(3);
    const int xBytes = at(4) | (at(5) << 8), rows = at(6) | (at(7) << 8);
    const std::size_t size = static_cast<std::size_t>(xBytes) * static_cast<std::size_t>(rows);
    if (at(2) != '0' && at(2) != 0) {
        skip(3, "GS v " + hexByte(at(2)) + ": unknown form");
        return 3;
    }
    if (size > kMaxRasterBytes || xBytes == 0 || rows == 0 || rows > bytes::kMaxRasterRows) {
        skip(8, "GS v 0: an image of " + std::to_string(xBytes) + " bytes by " + std::to_string(rows) +
                    " rows is refused");
        return 8;
    }
    if (!has(8 + size)) return 0;
    if (m_lineOpen) endLine();
    Bitmap image(xBytes * 8, rows);
    std::copy(m_buffer.begin() + static_cast<std::ptrdiff_t>(m_pos + 8),
              m_buffer.begin() + static_cast<std::ptrdiff_t>(m_pos + 8 + size), image.bits.begin());
    const int sx = (m & 1) ? 2 : 1, sy = (m & 2) ? 2 : 1;
    if (sx > 1 || sy > 1) {
        Bitmap big(image.width * sx, image.height * sy);
        for (int y = 0; y < big.height; ++y) {
            for (int x = 0; x < big.width; ++x) {
                if (image.get(x / sx, y / sy)) big.set(x, y);
            }
        }
        image = std::move(big);
    }
    if (image.width > m_profile.dotsPerLine) {
        skip(8 + size, "GS v 0: " + std::to_string(image.width) + " dots wide on a " +
                           std::to_string(m_profile.dotsPerLine) + "-dot line: the right part is lost");
    }
    m_receipt.items.emplace_back(PaperImage{std::move(image)});
    return 8 + size;
}

}  // namespace frontdesk::peripherals
