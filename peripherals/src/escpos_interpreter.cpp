#include "peripherals/escpos_interpreter.h"

#include <algorithm>

#include "escpos_bytes.h"
#include "peripherals/layout.h"
#include "peripherals/unicode.h"

namespace frontdesk::peripherals {

namespace bytes = escpos;
using escpos::hexByte;

namespace {

std::string commandName(char prefix, std::uint8_t code) {
    const char* p = prefix == bytes::kEsc ? "ESC" : prefix == bytes::kGs ? "GS" : "DLE";
    const bool printable = code >= 0x21 && code < 0x7F;
    return std::string(p) + " " + (printable ? std::string(1, static_cast<char>(code)) : hexByte(code));
}

}  // namespace

std::u32string PaperText::text() const {
    std::u32string out;
    for (const auto& run : runs) out += run.text;
    return out;
}

std::vector<std::string> Receipt::text() const {
    std::vector<std::string> out;
    for (const PaperItem& item : items) {
        if (const auto* t = std::get_if<PaperText>(&item)) {
            out.push_back(encodeUtf8(t->text()));
        } else if (const auto* b = std::get_if<PaperBarcode>(&item)) {
            out.push_back(barcodeText({b->kind, b->data, b->heightDots, b->humanReadable}));
        } else if (const auto* q = std::get_if<PaperQr>(&item)) {
            out.push_back(qrText({q->data, q->moduleDots, q->errorCorrection}));
        } else if (const auto* i = std::get_if<PaperImage>(&item)) {
            out.push_back(imageText(i->bitmap.width, i->bitmap.height));
        } else if (const auto* f = std::get_if<PaperFeed>(&item)) {
            for (int n = 0; n < f->lines; ++n) out.emplace_back();
        }
    }
    return out;
}

EscPosInterpreter::EscPosInterpreter(const firmware_config::PrinterProfile& profile, Events events)
    : m_profile(profile), m_events(std::move(events)) {
    reset();
}

void EscPosInterpreter::reset() {
    m_style = {};
    m_align = Align::Start;
    m_barcodeHeight = 162;
    m_barcodeModule = 3;
    m_hri = false;
    m_qr = {};
    selectCodePage(0);
    if (!m_page && !m_profile.codePages.empty()) m_page = CodePage::find(m_profile.codePages.front().name);
    if (!m_page) m_page = CodePage::find("CP437");
}

void EscPosInterpreter::selectCodePage(int number) {
    for (const auto& page : m_profile.codePages) {
        if (page.number == number) {
            m_page = CodePage::find(page.name);
            return;
        }
    }
    m_page = nullptr;
}

void EscPosInterpreter::feed(std::string_view data) {
    m_buffer.append(data);
    while (m_pos < m_buffer.size()) {
        const std::size_t used = step();
        if (used == 0) break;
        m_pos += used;
    }
    m_buffer.erase(0, m_pos);
    m_base += m_pos;
    m_pos = 0;
}

void EscPosInterpreter::finish() {
    if (m_pos < m_buffer.size()) {
        skip(m_buffer.size() - m_pos, "an unfinished command at the end of the stream");
        m_base += m_buffer.size();
        m_buffer.clear();
        m_pos = 0;
    }
    if (m_lineOpen) endLine();
    if (!m_receipt.items.empty() && m_events.receipt) m_events.receipt(std::move(m_receipt));
    m_receipt = {};
}

void EscPosInterpreter::skip(std::size_t length, std::string what) {
    if (m_events.skipped) m_events.skipped(offset(), std::move(what));
    (void)length;
}

std::size_t EscPosInterpreter::step() {
    const std::uint8_t b = at(0);
    if (b >= 0x20) {
        text(b);
        return 1;
    }
    switch (b) {
        case bytes::kLf:
            endLine();
            return 1;
        case 0x0D:  // CR: the line ends at LF
            return 1;
        case 0x0C:  // FF in standard mode prints the line like LF
            endLine();
            return 1;
        case static_cast<std::uint8_t>(bytes::kEsc):
            return esc();
        case static_cast<std::uint8_t>(bytes::kGs):
            return gs();
        case static_cast<std::uint8_t>(bytes::kDle):
            return dle();
        default:
            skip(1, "control byte " + hexByte(b));
            return 1;
    }
}

void EscPosInterpreter::text(std::uint8_t byte) {
    const char32_t c = m_page ? m_page->decode(byte) : U'\uFFFD';
    if (!m_lineOpen) {
        m_line = PaperText{{}, m_align};
        m_lineOpen = true;
    }
    if (m_line.runs.empty() || !(m_line.runs.back().style == m_style)) m_line.runs.push_back({{}, m_style});
    m_line.runs.back().text.push_back(c);
}

void EscPosInterpreter::endLine() {
    if (!m_lineOpen) {
        m_line = PaperText{{}, m_align};
    }
    m_receipt.items.emplace_back(std::move(m_line));
    m_line = {};
    m_lineOpen = false;
}

void EscPosInterpreter::cut() {
    if (m_lineOpen) endLine();
    m_receipt.cut = true;
    if (m_events.receipt) m_events.receipt(std::move(m_receipt));
    m_receipt = {};
}

// A command of a prefix, a code and one parameter byte: apply(n) once all three are here.
template <typename Apply>
std::size_t EscPosInterpreter::withParameter(Apply apply) {
    if (!has(3)) return 0;
    apply(at(2));
    return 3;
}

std::size_t EscPosInterpreter::esc() {
    if (!has(2)) return 0;
    const std::uint8_t code = at(1);
    switch (static_cast<char>(code)) {
        case bytes::kInitialize:
            if (m_lineOpen) endLine();
            reset();
            return 2;
        case bytes::kBold:
            return withParameter([&](std::uint8_t n) { m_style.bold = n & 1; });
        case 'G':  // double strike prints like bold
            return withParameter([&](std::uint8_t n) { m_style.bold = n & 1; });
        case bytes::kUnderline:
            return withParameter([&](std::uint8_t n) { m_style.underline = (n & 3) != 0 && n != '0'; });
        case bytes::kAlign:
            return withParameter([&](std::uint8_t n) {
                const int a = n >= '0' ? n - '0' : n;
                m_align = a == 1 ? Align::Center : a == 2 ? Align::End : Align::Start;
            });
        case bytes::kCodePage:
            return withParameter([&](std::uint8_t n) {
                selectCodePage(n);
                if (!m_page) {
                    skip(3, "ESC t " + std::to_string(n) + ": no such code page on " + m_profile.model);
                    reset();  // back to the first page rather than guessing
                }
            });
        case bytes::kFeedLines:
            return withParameter([&](std::uint8_t n) {
                if (m_lineOpen) endLine();
                if (n > 0) m_receipt.items.emplace_back(PaperFeed{n});
            });
        case bytes::kPrintMode:
            return withParameter([&](std::uint8_t n) {
                m_style.bold = n & 0x08;
                m_style.doubleHeight = n & 0x10;
                m_style.doubleWidth = n & 0x20;
                m_style.underline = n & 0x80;
            });
        case bytes::kFont:
        case '3':  // line spacing
        case 'J':  // feed n dots
        case 'R':  // international character set
        case '{':  // upside down
        case 'V':  // rotation
        case ' ':  // character spacing
            return withParameter([](std::uint8_t) {});
        case '2':  // default line spacing
            return 2;
        case 'i':
        case 'm':  // cuts in older commands
            cut();
            return 2;
        case bytes::kDrawerPulse:
            if (!has(5)) return 0;
            if (m_events.drawerPulse) m_events.drawerPulse(at(2) & 1);
            return 5;
        default:
            skip(2, "unknown command " + commandName(bytes::kEsc, code));
            return 2;
    }
}

std::size_t EscPosInterpreter::gs() {
    if (!has(2)) return 0;
    const std::uint8_t code = at(1);
    switch (static_cast<char>(code)) {
        case bytes::kSize:
            return withParameter([&](std::uint8_t n) {
                m_style.doubleWidth = (n >> 4) > 0;
                m_style.doubleHeight = (n & 0x0F) > 0;
            });
        case bytes::kInverted:
            return withParameter([&](std::uint8_t n) { m_style.inverted = n & 1; });
        case bytes::kBarcodeHeight:
            return withParameter([&](std::uint8_t n) { m_barcodeHeight = std::max<int>(1, n); });
        case bytes::kBarcodeWidth:
            return withParameter([&](std::uint8_t n) { m_barcodeModule = std::clamp<int>(n, 1, 6); });
        case bytes::kHriPosition:
            return withParameter([&](std::uint8_t n) { m_hri = (n & 3) != 0 && n != '0'; });
        case 'f':  // HRI font
            return withParameter([](std::uint8_t) {});
        case bytes::kCut: {
            if (!has(3)) return 0;
            const std::uint8_t m = at(2);
            if (m >= 65) {
                if (!has(4)) return 0;
                if (m_lineOpen) endLine();
                cut();
                return 4;
            }
            cut();
            return 3;
        }
        case bytes::kStatusRequest:
            return withParameter([&](std::uint8_t n) {
                if (m_events.statusRequest && m_events.reply)
                    m_events.reply(std::string(1, static_cast<char>(m_events.statusRequest(n))));
            });
        case bytes::kAutoStatusBack:
            return withParameter([&](std::uint8_t n) {
                if (m_events.autoStatusBack) m_events.autoStatusBack(n != 0);
            });
        case 'L':  // left margin nL nH
        case 'W':  // print area width nL nH
        case 'P':  // motion units x y
            return has(4) ? 4 : 0;
        case bytes::kBarcode:
            return barcode();
        case bytes::kTwoD:
            return twoD();
        case bytes::kRaster:
            return raster();
        default:
            skip(2, "unknown command " + commandName(bytes::kGs, code));
            return 2;
    }
}

std::size_t EscPosInterpreter::dle() {
    if (!has(2)) return 0;
    const std::uint8_t code = at(1);
    switch (static_cast<char>(code)) {
        case bytes::kRealtimeStatus: {
            if (!has(3)) return 0;
            const std::uint8_t n = at(2);
            if (n < 1 || n > 4) {
                skip(3, "DLE EOT " + std::to_string(n) + ": n is 1 to 4");
                return 3;
            }
            if (m_events.realtimeStatus && m_events.reply)
                m_events.reply(std::string(1, static_cast<char>(m_events.realtimeStatus(n))));
            return 3;
        }
        case bytes::kRecover:
            if (!has(3)) return 0;
            if ((at(2) == 1 || at(2) == 2) && m_events.recover) m_events.recover();
            return 3;
        case 0x14:  // DLE DC4 fn m t: real-time pulse
            if (!has(5)) return 0;
            if (at(2) == 1 && m_events.drawerPulse) m_events.drawerPulse(at(3) & 1);
            return 5;
        default:
            skip(2, "unknown command " + commandName(bytes::kDle, code));
            return 2;
    }
}

}  // namespace frontdesk::peripherals
