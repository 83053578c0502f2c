#pragma once
// Barcodes and QR codes: what is valid to print, and their dots (ZXing-C++'s writers) for
// printers that cannot draw them and for the simulator's images.

#include "core/status.h"
#include "peripherals/bitmap.h"
#include "peripherals/document.h"

namespace frontdesk::peripherals {

constexpr std::size_t kMaxQrBytes = 1000;
constexpr std::size_t kMaxCode128Bytes = 80;

// InvalidArgument naming what is wrong: an EAN-13 is 12 digits (the check digit is added) or 13
// with the right check digit; Code 128 here is 1 to 80 printable ASCII characters; a QR code
// holds 1 to 1000 bytes, its modules 1 to 16 dots, its error correction L, M, Q or H.
[[nodiscard]] core::Status checkBarcode(const BarcodeBlock& block);
[[nodiscard]] core::Status checkQr(const QrBlock& block);

// The 13 digits of an EAN-13 given 12 or 13 (checked by checkBarcode first).
[[nodiscard]] std::string ean13Digits(const std::string& data);

// The bars, `moduleDots` wide each, `block.heightDots` tall, with a quiet zone of 10 modules
// each side; the human-readable text is not drawn (the caller writes it under).
[[nodiscard]] core::Result<Bitmap> barcodeBitmap(const BarcodeBlock& block, int moduleDots);
// The QR code with a quiet zone of 4 modules, each module block.moduleDots square.
[[nodiscard]] core::Result<Bitmap> qrBitmap(const QrBlock& block);

}  // namespace frontdesk::peripherals
