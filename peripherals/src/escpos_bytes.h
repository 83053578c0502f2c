#pragma once
// The ESC/POS bytes the encoder writes and the interpreter reads (Epson's ESC/POS command
// reference; ../shared/design/FACTS.md), in one place so that the two cannot drift apart.

#include <cstdint>
#include <string>

namespace frontdesk::peripherals::escpos {

constexpr char kLf = 0x0A;
constexpr char kEsc = 0x1B;
constexpr char kGs = 0x1D;
constexpr char kDle = 0x10;

// ESC commands (the byte after ESC)
constexpr char kInitialize = '@';   // ESC @
constexpr char kBold = 'E';         // ESC E n
constexpr char kUnderline = '-';    // ESC - n
constexpr char kAlign = 'a';        // ESC a n: 0 left, 1 center, 2 right
constexpr char kCodePage = 't';     // ESC t n
constexpr char kFeedLines = 'd';    // ESC d n
constexpr char kFont = 'M';         // ESC M n
constexpr char kDrawerPulse = 'p';  // ESC p m t1 t2
constexpr char kPrintMode = '!';    // ESC ! n

// GS commands (the byte after GS)
constexpr char kSize = '!';            // GS ! n: (width - 1) << 4 | (height - 1)
constexpr char kInverted = 'B';        // GS B n
constexpr char kCut = 'V';             // GS V m [n]
constexpr char kBarcodeHeight = 'h';   // GS h n
constexpr char kBarcodeWidth = 'w';    // GS w n
constexpr char kHriPosition = 'H';     // GS H n
constexpr char kBarcode = 'k';         // GS k m ...
constexpr char kTwoD = '(';            // GS ( k pL pH cn fn ...
constexpr char kRaster = 'v';          // GS v 0 m xL xH yL yH d...
constexpr char kStatusRequest = 'r';   // GS r n: answered with one status byte
constexpr char kAutoStatusBack = 'a';  // GS a n

// DLE commands (the byte after DLE)
constexpr char kRealtimeStatus = 0x04;  // DLE EOT n
constexpr char kRecover = 0x05;         // DLE ENQ n

// GS k forms with a length byte
constexpr std::uint8_t kBarcodeEan13 = 67;
constexpr std::uint8_t kBarcodeCode128 = 73;

// GS V cut functions
constexpr std::uint8_t kCutFull = 0;
constexpr std::uint8_t kCutPartial = 1;
constexpr std::uint8_t kFeedCutFull = 65;  // GS V 65 n: feed n lines, then cut
constexpr std::uint8_t kFeedCutPartial = 66;

// GS ( k, QR code (cn 49)
constexpr std::uint8_t kQrSymbol = 49;
constexpr std::uint8_t kQrModel = 65;       // fn 65: model (n1 50 = model 2)
constexpr std::uint8_t kQrModuleSize = 67;  // fn 67
constexpr std::uint8_t kQrErrorLevel = 69;  // fn 69: 48..51 = L, M, Q, H
constexpr std::uint8_t kQrStore = 80;       // fn 80, m 48, data
constexpr std::uint8_t kQrPrint = 81;       // fn 81, m 48

// The most rows one GS v 0 may carry (the encoder's images stay below it).
constexpr int kMaxRasterRows = 2303;

// "0x1b", for messages about a byte.
inline std::string hexByte(std::uint8_t b) {
    static const char* digits = "0123456789abcdef";
    return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

}  // namespace frontdesk::peripherals::escpos
