#include "labels.h"

#include <array>
#include <utility>

namespace frontdesk::kiosk::receipts {

namespace {

struct Words {
    Label label;
    std::string_view english, persian;
};

constexpr std::array kWords{
    Words{Label::Receipt, "Receipt", "رسید"},
    Words{Label::Date, "Date", "تاریخ"},
    Words{Label::Till, "Till", "صندوق"},
    Words{Label::Cashier, "Cashier", "صندوقدار"},
    Words{Label::Total, "Total", "جمع کل"},
    Words{Label::Rounding, "Rounding", "گرد کردن"},
    Words{Label::Discount, "Discount", "تخفیف"},
    Words{Label::Tax, "VAT", "مالیات"},
    Words{Label::Cash, "Cash", "نقد"},
    Words{Label::Card, "Card", "کارت"},
    Words{Label::Change, "Change", "باقی‌مانده"},
    Words{Label::Refund, "REFUND", "مرجوعی"},
    Words{Label::RefundTotal, "Refunded", "مبلغ مرجوعی"},
    Words{Label::OriginalReceipt, "Original receipt", "رسید اصلی"},
    Words{Label::Customer, "Customer", "مشتری"},
    Words{Label::Member, "Member", "عضو"},
    Words{Label::VatId, "VAT id", "شناسه مالیاتی"},
    Words{Label::Copy, "*** COPY ***", "*** رونوشت ***"},
    Words{Label::XReport, "X REPORT", "گزارش X"},
    Words{Label::ZReport, "Z REPORT", "گزارش Z"},
    Words{Label::Shift, "Shift", "شیفت"},
    Words{Label::OpenedBy, "Opened by", "باز شده توسط"},
    Words{Label::OpenedAt, "Opened", "شروع"},
    Words{Label::ClosedAt, "Closed", "پایان"},
    Words{Label::Float, "Float", "موجودی اولیه"},
    Words{Label::Sales, "Sales", "فروش"},
    Words{Label::Refunds, "Refunds", "مرجوعی‌ها"},
    Words{Label::Voids, "Voids", "ابطال‌ها"},
    Words{Label::NoSales, "No sales", "باز کردن صندوق"},
    Words{Label::PaidIn, "Paid in", "واریز"},
    Words{Label::PaidOut, "Paid out", "برداشت"},
    Words{Label::ExpectedCash, "Expected cash", "نقد مورد انتظار"},
    Words{Label::CountedCash, "Counted cash", "نقد شمارش شده"},
    Words{Label::Variance, "Variance", "اختلاف"},
    Words{Label::ByRate, "By tax rate", "به تفکیک نرخ مالیات"},
    Words{Label::ByTender, "By tender", "به تفکیک روش پرداخت"},
    Words{Label::Visitor, "VISITOR", "مهمان"},
    Words{Label::Company, "Company", "شرکت"},
    Words{Label::Visiting, "Visiting", "میزبان"},
    Words{Label::SignedIn, "Signed in", "ورود"},
    Words{Label::YourNumber, "Your number", "شماره شما"},
    Words{Label::Ahead, "Waiting before you", "نفرات پیش از شما"},
    Words{Label::Auth, "Auth", "کد تأیید"},
    Words{Label::Net, "net", "خالص"},
};

}  // namespace

std::string_view label(ReceiptLanguage language, Label which) {
    for (const auto& w : kWords) {
        if (w.label == which) return language == ReceiptLanguage::Persian ? w.persian : w.english;
    }
    return "?";
}

std::string printedTime(const std::string& t) {
    // 2026-12-01T10:22:33.123Z
    if (t.size() < 17 || t[10] != 'T' || t.back() != 'Z') return t;
    return t.substr(0, 10) + " " + t.substr(11, 5) + " UTC";
}

}  // namespace frontdesk::kiosk::receipts
