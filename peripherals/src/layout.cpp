#include "peripherals/layout.h"

#include <algorithm>

#include "peripherals/codes.h"
#include "peripherals/unicode.h"

namespace frontdesk::peripherals {

namespace {

PrintLine line(std::u32string text, const TextStyle& style, Align align) {
    const bool rtl = hasRightToLeft(text);
    return PrintLine{std::move(text), style, align, rtl};
}

// Words of a paragraph, split at spaces and newlines; a newline ends a line.
std::vector<std::u32string> wrap(const std::u32string& text, std::size_t width) {
    std::vector<std::u32string> lines;
    std::u32string current;
    std::size_t i = 0;
    auto flush = [&] {
        while (!current.empty() && current.back() == U' ') current.pop_back();
        lines.push_back(std::move(current));
        current.clear();
    };
    while (i < text.size()) {
        if (text[i] == U'\n') {
            flush();
            ++i;
            continue;
        }
        if (text[i] == U' ') {
            if (!current.empty() && current.size() < width) current.push_back(U' ');
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != U' ' && text[end] != U'\n') ++end;
        std::u32string word = text.substr(i, end - i);
        i = end;
        if (current.size() + word.size() > width && !current.empty()) flush();
        while (word.size() > width) {  // a word longer than the line is cut
            lines.push_back(word.substr(0, width));
            word.erase(0, width);
        }
        current += word;
    }
    if (!current.empty() || lines.empty()) flush();
    return lines;
}

}  // namespace

int columnsFor(const TextStyle& style, int columns) {
    return style.doubleWidth ? std::max(1, columns / 2) : columns;
}

std::vector<PrintLine> layoutText(const TextBlock& block, int columns) {
    std::vector<PrintLine> out;
    for (auto& text : wrap(decodeUtf8(block.text), static_cast<std::size_t>(columnsFor(block.style, columns)))) {
        out.push_back(line(std::move(text), block.style, block.align));
    }
    return out;
}

std::vector<PrintLine> layoutColumns(const ColumnsBlock& block, int columns) {
    const auto width = static_cast<std::size_t>(columnsFor(block.style, columns));
    const std::u32string right = decodeUtf8(block.right).substr(0, width);
    // The left text wraps in the width left of the amount and a space; an amount as wide as the
    // line goes on a line of its own.
    const std::size_t leftWidth = right.size() + 1 < width ? width - right.size() - 1 : width;
    std::vector<std::u32string> left = wrap(decodeUtf8(block.left), leftWidth);
    if (left.back().size() + 1 + right.size() > width) left.emplace_back();
    std::u32string& last = left.back();
    last += std::u32string(width - last.size() - right.size(), U' ') + right;
    std::vector<PrintLine> out;
    for (auto& text : left) out.push_back(line(std::move(text), block.style, Align::Start));
    return out;
}

PrintLine layoutSeparator(const SeparatorBlock& block, int columns) {
    return line(std::u32string(static_cast<std::size_t>(columns), block.character), {}, Align::Start);
}

std::string barcodeText(const BarcodeBlock& block) {
    if (block.kind == BarcodeKind::Code128) return "[Code 128 " + block.data + "]";
    return "[EAN-13 " + (checkBarcode(block).ok() ? ean13Digits(block.data) : block.data) + "]";
}

std::string qrText(const QrBlock& block) {
    return "[QR " + block.data + "]";
}

std::string imageText(int width, int height) {
    return "[image " + std::to_string(width) + "x" + std::to_string(height) + "]";
}

std::vector<std::string> documentText(const Document& document, int columns) {
    std::vector<std::string> out;
    auto add = [&](const std::vector<PrintLine>& lines) {
        for (const auto& l : lines) out.push_back(encodeUtf8(l.text));
    };
    for (const Block& block : document.blocks()) {
        if (const auto* text = std::get_if<TextBlock>(&block)) {
            add(layoutText(*text, columns));
        } else if (const auto* cols = std::get_if<ColumnsBlock>(&block)) {
            add(layoutColumns(*cols, columns));
        } else if (const auto* sep = std::get_if<SeparatorBlock>(&block)) {
            add({layoutSeparator(*sep, columns)});
        } else if (const auto* bar = std::get_if<BarcodeBlock>(&block)) {
            out.push_back(barcodeText(*bar));
        } else if (const auto* qr = std::get_if<QrBlock>(&block)) {
            out.push_back(qrText(*qr));
        } else if (const auto* image = std::get_if<ImageBlock>(&block)) {
            out.push_back(imageText(image->bitmap.width, image->bitmap.height));
        } else if (const auto* feed = std::get_if<FeedBlock>(&block)) {
            for (int i = 0; i < feed->lines; ++i) out.emplace_back();
        }
    }
    return out;
}

}  // namespace frontdesk::peripherals
