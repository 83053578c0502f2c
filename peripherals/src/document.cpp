#include "peripherals/document.h"

namespace frontdesk::peripherals {

Document& Document::text(std::string text, TextStyle style, Align align) {
    m_blocks.emplace_back(TextBlock{std::move(text), style, align});
    return *this;
}

Document& Document::columns(std::string left, std::string right, TextStyle style) {
    m_blocks.emplace_back(ColumnsBlock{std::move(left), std::move(right), style});
    return *this;
}

Document& Document::separator(char32_t character) {
    m_blocks.emplace_back(SeparatorBlock{character});
    return *this;
}

Document& Document::barcode(BarcodeKind kind, std::string data, int heightDots, bool humanReadable) {
    m_blocks.emplace_back(BarcodeBlock{kind, std::move(data), heightDots, humanReadable});
    return *this;
}

Document& Document::qr(std::string data, int moduleDots, char errorCorrection) {
    m_blocks.emplace_back(QrBlock{std::move(data), moduleDots, errorCorrection});
    return *this;
}

Document& Document::image(ImageBlock image) {
    m_blocks.emplace_back(std::move(image));
    return *this;
}

Document& Document::feed(int lines) {
    m_blocks.emplace_back(FeedBlock{lines});
    return *this;
}

Document& Document::cut(bool partial) {
    m_blocks.emplace_back(CutBlock{partial});
    return *this;
}

}  // namespace frontdesk::peripherals
