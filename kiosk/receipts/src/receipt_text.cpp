// A sale's receipt as text for a QR code on the screen: the paper's lines, without the codes and
// the logo the paper carries (a QR code holds text).
#include <set>

#include "kiosk/receipts/receipt_documents.h"
#include "peripherals/codes.h"
#include "peripherals/layout.h"

namespace frontdesk::kiosk::receipts {

namespace {

constexpr int kScreenColumns = 32;  // the narrow paper's width: readable on a phone

}  // namespace

core::Result<std::string> receiptText(const ReceiptContext& context, const Committed& committed) {
    const peripherals::Document receipt = saleReceipt(context, committed);
    std::set<std::string> codes;  // how the paper's codes read as text
    for (const peripherals::Block& block : receipt.blocks()) {
        if (const auto* qr = std::get_if<peripherals::QrBlock>(&block)) codes.insert(peripherals::qrText(*qr));
        if (const auto* bars = std::get_if<peripherals::BarcodeBlock>(&block)) {
            codes.insert(peripherals::barcodeText(*bars));
        }
        if (const auto* logo = std::get_if<peripherals::ImageBlock>(&block)) {
            codes.insert(peripherals::imageText(logo->bitmap.width, logo->bitmap.height));
        }
    }
    std::string text;
    bool blank = true;  // no empty line first, nor two in a row
    for (std::string line : peripherals::documentText(receipt, kScreenColumns)) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (codes.count(line) != 0) continue;
        if (line.empty() && blank) continue;
        blank = line.empty();
        text += line + "\n";
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.size() > peripherals::kMaxQrBytes) {
        return core::failedPrecondition("receipt " + committed.receiptNo + " is too long for a QR code (" +
                                        std::to_string(text.size()) + " bytes): print it instead");
    }
    return text;
}

}  // namespace frontdesk::kiosk::receipts
