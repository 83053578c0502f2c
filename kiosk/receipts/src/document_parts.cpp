#include "document_parts.h"

namespace frontdesk::kiosk::receipts {

using peripherals::Align;
using peripherals::Document;
using peripherals::TextStyle;

void storeHeader(Document& d, const ReceiptContext& c) {
    if (c.copy) d.text(std::string(label(c.language, Label::Copy)), TextStyle{.bold = true}, Align::Center);
    if (!c.header.name.empty()) {
        d.text(c.header.name, TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    }
    for (const auto& line : c.header.address) d.text(line, {}, Align::Center);
    if (!c.header.vatId.empty()) {
        d.text(std::string(label(c.language, Label::VatId)) + ": " + c.header.vatId, {}, Align::Center);
    }
    d.separator();
}

void closing(Document& d, const ReceiptContext& c) {
    if (!c.header.footer.empty()) d.feed().text(c.header.footer, {}, Align::Center);
    d.cut();
}

std::string amount(const ReceiptContext& c, std::int64_t minor) {
    return core::Money(minor, c.currency).displayAmount();
}

void row(Document& d, const ReceiptContext& c, Label which, const std::string& value) {
    if (value.empty()) return;  // a field this record lacks: no empty row
    d.columns(std::string(label(c.language, which)), value);
}

std::string text(const nlohmann::json& o, const char* key) {
    if (!o.is_object()) return {};
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json& o, const char* key) {
    if (!o.is_object()) return 0;
    auto it = o.find(key);
    return it != o.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

const nlohmann::json& list(const nlohmann::json& o, const char* key) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!o.is_object()) return empty;
    auto it = o.find(key);
    return it != o.end() && it->is_array() ? *it : empty;
}

}  // namespace frontdesk::kiosk::receipts

namespace frontdesk::kiosk::receipts {

core::Result<ReceiptLanguage> parseReceiptLanguage(std::string_view code) {
    if (code == "en") return ReceiptLanguage::English;
    if (code == "fa") return ReceiptLanguage::Persian;
    return core::invalidArgument("receipt language '" + std::string(code) + "': en or fa");
}

ReceiptContext contextOf(const TerminalSettings& settings, ReceiptLanguage language) {
    ReceiptContext c;
    c.header = settings.header;
    c.till = settings.store + "-" + settings.terminal;
    c.currency = settings.currency;
    c.language = language;
    return c;
}

}  // namespace frontdesk::kiosk::receipts
