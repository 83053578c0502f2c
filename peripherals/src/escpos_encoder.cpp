#include "peripherals/escpos_encoder.h"

#include <algorithm>
#include <optional>

#include "escpos_bytes.h"
#include "peripherals/code_pages.h"
#include "peripherals/codes.h"
#include "peripherals/layout.h"
#include "peripherals/unicode.h"

namespace frontdesk::peripherals {

using core::Result;
using core::Status;
namespace bytes = escpos;

constexpr int kTearFeedLines = 4;  // a model without a cutter feeds the receipt past its tear bar

namespace {

// What one block or line becomes on paper.
struct Planned {
    enum class Kind { Text, Drawn, Image, Barcode, Qr, Feed, Cut };
    explicit Planned(Kind k) : kind(k) {}
    Kind kind;
    PrintLine line;  // Text, Drawn
    Bitmap image;    // Image (and Drawn, Barcode, Qr as rasters when rendered)
    const BarcodeBlock* barcode = nullptr;
    const QrBlock* qr = nullptr;
    int feed = 0;
    bool partial = false;
};

class Planner {
public:
    Planner(const firmware_config::PrinterProfile& profile, TextRaster* raster, bool render)
        : m_profile(profile), m_raster(raster), m_render(render) {
        for (const auto& page : profile.codePages) {
            if (const CodePage* table = CodePage::find(page.name)) m_pages.emplace_back(table, page.number);
        }
    }

    const std::vector<std::pair<const CodePage*, int>>& pages() const { return m_pages; }

    bool writable(char32_t c) const {
        return std::any_of(m_pages.begin(), m_pages.end(),
                           [&](const auto& p) { return p.first->encode(c).has_value(); });
    }

    Result<std::vector<Planned>> plan(const Document& document) {
        std::vector<Planned> out;
        const int columns = m_profile.columns();
        for (std::size_t i = 0; i < document.blocks().size(); ++i) {
            const Block& block = document.blocks()[i];
            const std::string where = "block " + std::to_string(i + 1);
            if (const auto* text = std::get_if<TextBlock>(&block)) {
                TextBlock printable = *text;
                printable.text = substitute(text->text);
                FD_TRY(addLines(out, layoutText(printable, columns), where));
            } else if (const auto* cols = std::get_if<ColumnsBlock>(&block)) {
                ColumnsBlock printable = *cols;
                printable.left = substitute(cols->left);
                printable.right = substitute(cols->right);
                FD_TRY(addLines(out, layoutColumns(printable, columns), where));
            } else if (const auto* sep = std::get_if<SeparatorBlock>(&block)) {
                SeparatorBlock printable = *sep;
                if (!writable(sep->character)) printable.character = U'-';
                FD_TRY(addLines(out, {layoutSeparator(printable, columns)}, where));
            } else if (const auto* bar = std::get_if<BarcodeBlock>(&block)) {
                FD_TRY(checkBarcode(*bar).withContext(where));
                Planned p{Planned::Kind::Barcode};
                p.barcode = bar;
                if (!m_profile.barcodes) {
                    FD_ASSIGN(p.image, barcodeBitmap(*bar, 2));
                    FD_ASSIGN(p.image, fitted(std::move(p.image), Align::Center, where));
                    p.kind = Planned::Kind::Image;
                }
                out.push_back(std::move(p));
                if (!m_profile.barcodes && bar->humanReadable) {
                    FD_TRY(addLines(
                        out,
                        layoutText(
                            {bar->kind == BarcodeKind::Ean13 ? ean13Digits(bar->data) : bar->data, {}, Align::Center},
                            columns),
                        where));
                }
            } else if (const auto* qr = std::get_if<QrBlock>(&block)) {
                FD_TRY(checkQr(*qr).withContext(where));
                Planned p{Planned::Kind::Qr};
                p.qr = qr;
                if (!m_profile.qrNative) {
                    FD_ASSIGN(p.image, qrBitmap(*qr));
                    FD_ASSIGN(p.image, fitted(std::move(p.image), Align::Center, where));
                    p.kind = Planned::Kind::Image;
                }
                out.push_back(std::move(p));
            } else if (const auto* image = std::get_if<ImageBlock>(&block)) {
                Planned p{Planned::Kind::Image};
                FD_ASSIGN(p.image, fitted(image->bitmap, image->align, where));
                out.push_back(std::move(p));
            } else if (const auto* feed = std::get_if<FeedBlock>(&block)) {
                if (feed->lines < 0 || feed->lines > 255)
                    return core::invalidArgument(where + ": a feed is 0 to 255 lines");
                Planned p{Planned::Kind::Feed};
                p.feed = feed->lines;
                out.push_back(std::move(p));
            } else if (const auto* cut = std::get_if<CutBlock>(&block)) {
                Planned p{Planned::Kind::Cut};
                p.partial = cut->partial;
                out.push_back(std::move(p));
            }
        }
        return out;
    }

    // A drawn line's size, as the simulator will see it.
    int lineHeight(const TextStyle& style) const {
        const int h = m_profile.fonts.front().heightDots;
        return style.doubleHeight ? 2 * h : h;
    }

private:
    // Characters no code page has, replaced by their transliteration when there is one.
    std::string substitute(const std::string& text) const {
        std::string out;
        for (char32_t c : decodeUtf8(text)) {
            if (c == U'\n' || writable(c) || isRightToLeft(c)) {
                appendUtf8(out, c);
                continue;
            }
            std::string ascii = transliterate(c);
            if (ascii.empty()) {
                appendUtf8(out, c);  // drawn
            } else {
                out += ascii;
            }
        }
        return out;
    }

    Status addLines(std::vector<Planned>& out, const std::vector<PrintLine>& lines, const std::string& where) {
        for (const auto& line : lines) {
            const bool drawn = line.rightToLeft || !std::all_of(line.text.begin(), line.text.end(),
                                                                [&](char32_t c) { return writable(c); });
            Planned p{drawn ? Planned::Kind::Drawn : Planned::Kind::Text};
            p.line = line;
            if (drawn && m_render) {
                if (!m_raster) {
                    std::string which;
                    for (char32_t c : line.text) {
                        if (!writable(c)) {
                            appendUtf8(which, c);
                            break;
                        }
                    }
                    return core::invalidArgument(where + ": '" + which + "' has no code page on " + m_profile.model +
                                                 " and no font to draw it");
                }
                p.image =
                    m_raster->line(line.text, line.style, line.align, m_profile.dotsPerLine, lineHeight(line.style));
            }
            out.push_back(std::move(p));
        }
        return {};
    }

    // The image placed on a full-width line (the alignment is in the dots, so it prints the same
    // on every model).
    Result<Bitmap> fitted(Bitmap image, Align align, const std::string& where) const {
        if (image.width > m_profile.dotsPerLine) {
            return core::invalidArgument(where + ": the image is " + std::to_string(image.width) + " dots wide; " +
                                         m_profile.model + " prints " + std::to_string(m_profile.dotsPerLine));
        }
        if (image.height < 1 || image.height > 2000) {
            return core::invalidArgument(where + ": an image is 1 to 2000 dots tall");
        }
        Bitmap line(m_profile.dotsPerLine, image.height);
        const int left = align == Align::Center ? (line.width - image.width) / 2
                         : align == Align::End  ? line.width - image.width
                                                : 0;
        line.draw(image, left, 0);
        return line;
    }

    const firmware_config::PrinterProfile& m_profile;
    TextRaster* m_raster;
    bool m_render;
    std::vector<std::pair<const CodePage*, int>> m_pages;
};

// Writes commands, sending a style or alignment only when it changes.
class Writer {
public:
    explicit Writer(const std::vector<std::pair<const CodePage*, int>>& pages) : m_pages(pages) {}

    void start() {
        m_out += {bytes::kEsc, bytes::kInitialize};
        selectPage(0);
    }

    void style(const TextStyle& s) {
        if (s.bold != m_style.bold) command(bytes::kEsc, bytes::kBold, s.bold);
        if (s.underline != m_style.underline) command(bytes::kEsc, bytes::kUnderline, s.underline);
        if (s.inverted != m_style.inverted) command(bytes::kGs, bytes::kInverted, s.inverted);
        if (s.doubleWidth != m_style.doubleWidth || s.doubleHeight != m_style.doubleHeight) {
            command(bytes::kGs, bytes::kSize, (s.doubleWidth ? 0x10 : 0) | (s.doubleHeight ? 0x01 : 0));
        }
        m_style = s;
    }

    void align(Align a) {
        const int n = a == Align::Center ? 1 : a == Align::End ? 2 : 0;
        if (n != m_align) command(bytes::kEsc, bytes::kAlign, n);
        m_align = n;
    }

    void text(const std::u32string& line) {
        for (char32_t c : line) {
            auto byte = m_pages[m_page].first->encode(c);
            for (std::size_t i = 0; !byte && i < m_pages.size(); ++i) {
                if ((byte = m_pages[i].first->encode(c))) selectPage(i);
            }
            m_out.push_back(static_cast<char>(byte.value_or('?')));  // the planner made sure a page has it
        }
        m_out.push_back(bytes::kLf);
    }

    // One GS v 0 per image (at most 2000 rows, within what ESC/POS printers take in one), so that
    // a reader of the stream sees each image whole.
    void raster(const Bitmap& image) {
        style({});
        align(Align::Start);
        m_out += {bytes::kGs, bytes::kRaster, '0', 0};
        little16(image.rowBytes());
        little16(image.height);
        m_out.append(reinterpret_cast<const char*>(image.bits.data()), image.bits.size());
    }

    void barcode(const BarcodeBlock& b) {
        style({});
        align(Align::Center);
        command(bytes::kGs, bytes::kBarcodeHeight, b.heightDots);
        command(bytes::kGs, bytes::kBarcodeWidth, 2);
        command(bytes::kGs, bytes::kHriPosition, b.humanReadable ? 2 : 0);
        const std::string data = b.kind == BarcodeKind::Ean13 ? ean13Digits(b.data) : "{B" + b.data;
        m_out += {bytes::kGs, bytes::kBarcode};
        m_out.push_back(
            static_cast<char>(b.kind == BarcodeKind::Ean13 ? bytes::kBarcodeEan13 : bytes::kBarcodeCode128));
        m_out.push_back(static_cast<char>(data.size()));
        m_out += data;
    }

    void qr(const QrBlock& q) {
        style({});
        align(Align::Center);
        qrFunction(bytes::kQrModel, {50, 0});
        qrFunction(bytes::kQrModuleSize, {static_cast<char>(q.moduleDots)});
        const std::string levels = "LMQH";
        qrFunction(bytes::kQrErrorLevel, {static_cast<char>(48 + levels.find(q.errorCorrection))});
        qrFunction(bytes::kQrStore, std::string(1, '0') + q.data);
        qrFunction(bytes::kQrPrint, {'0'});
    }

    void feed(int lines) { command(bytes::kEsc, bytes::kFeedLines, lines); }

    void cut(bool partial, const firmware_config::PrinterProfile& profile) {
        using firmware_config::CutKind;
        const bool canPartial = profile.canCut(CutKind::Partial), canFull = profile.canCut(CutKind::Full);
        if (!canPartial && !canFull) {
            feed(kTearFeedLines);
            return;
        }
        const bool usePartial = partial ? canPartial : !canFull;
        m_out += {bytes::kGs, bytes::kCut};
        m_out.push_back(static_cast<char>(usePartial ? bytes::kFeedCutPartial : bytes::kFeedCutFull));
        m_out.push_back(3);  // lines fed first, so the last line clears the blade
    }

    std::string take() { return std::move(m_out); }

private:
    void command(char prefix, char code, int n) { m_out += {prefix, code, static_cast<char>(n)}; }
    void selectPage(std::size_t index) {
        command(bytes::kEsc, bytes::kCodePage, m_pages[index].second);
        m_page = index;
    }
    void little16(int v) {
        m_out.push_back(static_cast<char>(v & 0xFF));
        m_out.push_back(static_cast<char>((v >> 8) & 0xFF));
    }
    // GS ( k pL pH cn fn parameters: the length counts cn, fn and the parameters.
    void qrFunction(std::uint8_t fn, const std::string& parameters) {
        m_out += {bytes::kGs, bytes::kTwoD, 'k'};
        little16(static_cast<int>(parameters.size()) + 2);
        m_out.push_back(static_cast<char>(bytes::kQrSymbol));
        m_out.push_back(static_cast<char>(fn));
        m_out += parameters;
    }

    const std::vector<std::pair<const CodePage*, int>>& m_pages;
    std::string m_out;
    std::size_t m_page = 0;
    TextStyle m_style;
    int m_align = 0;
};

}  // namespace

Result<std::string> EscPosEncoder::encode(const Document& document) const {
    Planner planner(m_profile, m_raster, true);
    if (planner.pages().empty()) return core::invalidArgument(m_profile.id + ": no code page this build can write");
    FD_ASSIGN(auto planned, planner.plan(document));
    Writer w(planner.pages());
    w.start();
    for (const Planned& p : planned) {
        switch (p.kind) {
            case Planned::Kind::Text:
                w.style(p.line.style);
                w.align(p.line.align);
                w.text(p.line.text);
                break;
            case Planned::Kind::Drawn:
            case Planned::Kind::Image:
                w.raster(p.image);
                break;
            case Planned::Kind::Barcode:
                w.barcode(*p.barcode);
                break;
            case Planned::Kind::Qr:
                w.qr(*p.qr);
                break;
            case Planned::Kind::Feed:
                w.feed(p.feed);
                break;
            case Planned::Kind::Cut:
                w.cut(p.partial, m_profile);
                break;
        }
    }
    w.style({});
    w.align(Align::Start);
    return w.take();
}

std::vector<std::string> EscPosEncoder::printedText(const Document& document) const {
    Planner planner(m_profile, nullptr, false);
    auto planned = planner.plan(document);
    if (!planned.ok()) return {};
    std::vector<std::string> out;
    for (const Planned& p : *planned) {
        switch (p.kind) {
            case Planned::Kind::Text:
                out.push_back(encodeUtf8(p.line.text));
                break;
            case Planned::Kind::Drawn:
                out.push_back(imageText(m_profile.dotsPerLine, planner.lineHeight(p.line.style)));
                break;
            case Planned::Kind::Image:
                out.push_back(imageText(p.image.width, p.image.height));
                break;
            case Planned::Kind::Barcode:
                out.push_back(barcodeText(*p.barcode));
                break;
            case Planned::Kind::Qr:
                out.push_back(qrText(*p.qr));
                break;
            case Planned::Kind::Feed:
                for (int i = 0; i < p.feed; ++i) out.emplace_back();
                break;
            case Planned::Kind::Cut:
                // A model without a cutter feeds to the tear bar instead (Writer::cut).
                if (m_profile.cuts.empty()) out.insert(out.end(), kTearFeedLines, std::string());
                break;
        }
    }
    return out;
}

std::string EscPosEncoder::drawerKick(int pin) {
    // 100 ms on, 100 ms off (t in 2 ms units), as drawer solenoids expect.
    return {bytes::kEsc, bytes::kDrawerPulse, static_cast<char>(pin == 1 ? 1 : 0), 50, 50};
}

}  // namespace frontdesk::peripherals
