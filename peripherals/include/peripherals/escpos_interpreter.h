#pragma once
// Reads an ESC/POS byte stream as a printer of one profile would: text in its code pages with
// styles and alignment, barcodes, QR codes, raster images, feeds and cuts, status requests and
// the drawer pulse. The printer simulator and `frontdesk-tool escpos render` share it.
//
// It takes the stream in pieces of any size (a command split across reads is completed by the
// next), never throws, and never stops on bad input: an unknown or malformed command is reported
// with its offset in the stream and skipped. A declared length beyond the limits (a raster image
// larger than any printer takes) is skipped the same way, so no input makes it buffer without end.
//
// Not thread-safe; the callbacks run on the thread that calls feed().

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "firmware_config/printer_profile.h"
#include "peripherals/bitmap.h"
#include "peripherals/code_pages.h"
#include "peripherals/document.h"

namespace frontdesk::peripherals {

// Text in one style: a line holds one run per style change.
struct PaperRun {
    std::u32string text;
    TextStyle style;
};
struct PaperText {
    std::vector<PaperRun> runs;
    Align align = Align::Start;
    std::u32string text() const;
};
struct PaperBarcode {
    BarcodeKind kind = BarcodeKind::Code128;
    std::string data;
    int heightDots = 162;
    int moduleDots = 3;
    bool humanReadable = false;
    Align align = Align::Start;
};
struct PaperQr {
    std::string data;
    int moduleDots = 3;
    char errorCorrection = 'L';
    Align align = Align::Start;
};
struct PaperImage {
    Bitmap bitmap;
};
struct PaperFeed {
    int lines = 1;
};
using PaperItem = std::variant<PaperText, PaperBarcode, PaperQr, PaperImage, PaperFeed>;

// What was printed between two cuts.
struct Receipt {
    std::vector<PaperItem> items;
    bool cut = false;  // false: the stream ended (or the paper ran out) before a cut
    // One UTF-8 line per text line, code and image, as EscPosEncoder::printedText() writes them.
    std::vector<std::string> text() const;
};

class EscPosInterpreter {
public:
    static constexpr std::size_t kMaxRasterBytes = 4 * 1024 * 1024;

    struct Events {
        std::function<void(Receipt)> receipt;               // a cut (or finish()) ends a receipt
        std::function<std::uint8_t(int n)> realtimeStatus;  // DLE EOT n: the reply byte
        std::function<std::uint8_t(int n)> statusRequest;   // GS r n: the reply byte
        std::function<void(std::string)> reply;             // bytes for the host
        std::function<void(bool on)> autoStatusBack;        // GS a n: on when n is not 0
        std::function<void(int pin)> drawerPulse;           // ESC p / DLE DC4
        std::function<void()> recover;                      // DLE ENQ 1 or 2
        std::function<void(std::size_t offset, std::string what)> skipped;
    };

    EscPosInterpreter(const firmware_config::PrinterProfile& profile, Events events);

    void feed(std::string_view bytes);
    // The end of the stream: an unfinished line is ended, and what was printed since the last cut
    // is a receipt (cut false) when there is any.
    void finish();
    // Bytes taken so far.
    std::size_t offset() const { return m_base + m_pos; }

private:
    std::size_t step();  // bytes used at m_pos, 0 when the command is incomplete
    template <typename Apply>
    std::size_t withParameter(Apply apply);
    std::size_t esc();
    std::size_t gs();
    std::size_t dle();
    std::size_t barcode();
    std::size_t twoD();
    std::size_t raster();
    void text(std::uint8_t byte);
    void endLine();
    void cut();
    void reset();
    void skip(std::size_t length, std::string what);
    void selectCodePage(int number);
    bool has(std::size_t n) const { return m_buffer.size() - m_pos >= n; }
    std::uint8_t at(std::size_t i) const { return static_cast<std::uint8_t>(m_buffer[m_pos + i]); }

    const firmware_config::PrinterProfile& m_profile;
    Events m_events;
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_base = 0;  // stream offset of m_buffer[0]

    // The printer's state.
    const CodePage* m_page = nullptr;
    TextStyle m_style;
    Align m_align = Align::Start;
    PaperText m_line;
    bool m_lineOpen = false;
    Receipt m_receipt;
    int m_barcodeHeight = 162, m_barcodeModule = 3;
    bool m_hri = false;
    PaperQr m_qr;
};

}  // namespace frontdesk::peripherals
