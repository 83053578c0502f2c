#pragma once
// What the peripherals tests share: the shipped printer profiles by id, and bytes as hex.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <ZXing/ReadBarcode.h>

#include "firmware_config/printer_profile.h"
#include "peripherals/bitmap.h"

namespace frontdesk::peripherals::testing {

inline const firmware_config::PrinterProfile& profile(const std::string& id) {
    static const auto loaded = firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir());
    if (!loaded.ok()) throw std::runtime_error(loaded.status().toString());
    const auto* p = loaded->find(id);
    if (!p) throw std::runtime_error("no printer profile " + id);
    return *p;
}

// "1b 40 ..." for a readable failure message.
inline std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        if (!out.empty()) out.push_back(' ');
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

// Every barcode and QR code ZXing reads in the dots, as "QRCode:text", "EAN-13:digits",
// "Code128:text" (ZXing's format names).
inline std::vector<std::string> decodeCodes(const Bitmap& bitmap) {
    std::vector<std::uint8_t> lum(static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height),
                                  255);
    for (int y = 0; y < bitmap.height; ++y) {
        for (int x = 0; x < bitmap.width; ++x) {
            if (bitmap.get(x, y))
                lum[static_cast<std::size_t>(y) * static_cast<std::size_t>(bitmap.width) +
                    static_cast<std::size_t>(x)] = 0;
        }
    }
    std::vector<std::string> found;
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    for (const auto& result :
         ZXing::ReadBarcodes({lum.data(), bitmap.width, bitmap.height, ZXing::ImageFormat::Lum}, hints)) {
        if (result.isValid()) found.push_back(std::string(ZXing::ToString(result.format())) + ":" + result.text());
    }
    return found;
}

// Polls `done` until it holds or 20 s pass (a bound for a broken build, not a timing).
inline bool eventually(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

inline std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Lines as a file holds them: each ended by a newline.
inline std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

inline std::string operator""_bytes(const char* text, std::size_t length) {
    return std::string(text, length);
}

}  // namespace frontdesk::peripherals::testing
