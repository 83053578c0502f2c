#pragma once
// What Frontdesk knows of a receipt printer model: paper and dots, fonts, the code pages it
// selects with ESC t, which optional commands it understands, and how to find it on USB. A
// profile is data, one JSON file per model in firmware-config/printers/ (README.md there says how
// to add one); this library reads and validates it, and the printer service and the encoder
// (peripherals/) act on it.
//
// Validation names the profile and the field: "epson-tm-t20: fonts[1].columns: must be a whole
// number from 8 to 96". A profile that fails is refused whole; loading a folder keeps the good ones and lists the
// refused with their reasons.
//
// Plain values, no threads.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace frontdesk::firmware_config {

// The code pages a profile may list: those the encoder can map Unicode text to.
[[nodiscard]] const std::vector<std::string_view>& knownCodePages();

enum class CutKind { Full, Partial };

struct PrinterFont {
    std::string name;    // "Font A"
    int columns = 0;     // characters per line at normal width
    int widthDots = 0;   // of one character cell
    int heightDots = 0;  // of one line
};

struct CodePage {
    std::string name;  // one of knownCodePages()
    int number = 0;    // the n of ESC t n on this model
};

struct PrinterProfile {
    std::string id;      // the file's stem: "epson-tm-t88v"
    std::string model;   // "Epson TM-T88V"
    std::string vendor;  // "Epson"
    std::optional<std::uint16_t> usbVendorId, usbProductId;
    int paperMm = 0;
    int dotsPerLine = 0;  // printable width in dots
    int dpi = 0;
    std::vector<PrinterFont> fonts;   // index = the n of ESC M n; fonts[0] is the default
    std::vector<CodePage> codePages;  // in order of preference; the first is selected at start
    bool qrNative = false;            // GS ( k; otherwise QR codes go as raster images
    bool barcodes = false;            // GS k (EAN-13, Code 128); otherwise as raster images
    std::vector<CutKind> cuts;        // none: the paper is torn off
    bool drawerKick = false;          // ESC p through the printer's drawer port
    bool realtimeStatus = false;      // DLE EOT and GS r answered (two-way transports)
    bool autoStatusBack = false;      // GS a

    int columns() const { return fonts.empty() ? 0 : fonts.front().columns; }
    bool canCut(CutKind kind) const;
    // The ESC t number of a code page, or nullopt when this model lacks it.
    std::optional<int> codePageNumber(std::string_view name) const;
};

// Parses and validates a profile; `id` names it (and its errors).
[[nodiscard]] core::Result<PrinterProfile> parsePrinterProfile(std::string_view json, const std::string& id);
// Reads, parses and validates one file (at most 64 KiB); the id is the file's stem.
[[nodiscard]] core::Result<PrinterProfile> loadPrinterProfile(const std::filesystem::path& file);

struct PrinterProfiles {
    std::vector<PrinterProfile> profiles;  // sorted by id
    std::vector<std::string> refused;      // "id: field: reason", one per file refused
    const PrinterProfile* find(std::string_view id) const;
};
// Every *.json file of a folder. Fails only when the folder cannot be read.
[[nodiscard]] core::Result<PrinterProfiles> loadPrinterProfiles(const std::filesystem::path& dir);

// The folder of the profiles that ship with Frontdesk: $FRONTDESK_PRINTERS when set, else the
// source tree's firmware-config/printers (set at build time).
[[nodiscard]] std::filesystem::path shippedPrinterProfilesDir();

}  // namespace frontdesk::firmware_config
