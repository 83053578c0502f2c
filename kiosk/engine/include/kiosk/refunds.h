#pragma once
// Refunds: money back for goods returned, against a receipt of this terminal or without one.
//
// Against a receipt: never more of a line than was sold and not yet refunded, with each amount
// the exact share of what the line took (the last refund returns exactly what is left); back to
// the original method by default, each card at most what it paid. A cash refund of a card sale
// needs a supervisor. Without a receipt: supervisor only, cash only, at the catalog price or the
// price stated. Each refund is one sale record of kind refund with one sale.refunded event,
// committed with the audit rows of the approvals it used; a card refund whose record cannot be
// committed is taken back at the terminal. A refund names the customer or member the request
// names, or else the one its receipt's sale named.
//
// Reads earlier sales only through SaleHistory. Owned by the Till; holds references to the
// collaborators the Till owns, which outlive it. PaymentAdapter calls block. Not thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/database.h"
#include "core/decimal.h"
#include "core/ids.h"
#include "core/money.h"
#include "kiosk/audit_log.h"
#include "kiosk/catalog.h"
#include "kiosk/events.h"
#include "kiosk/kinds.h"
#include "kiosk/outbox.h"
#include "kiosk/payment.h"
#include "kiosk/sale_boundary.h"
#include "kiosk/sale_history.h"
#include "kiosk/shift_ledger.h"
#include "kiosk/staff_session.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

struct RefundLine {
    std::int64_t line = 0;  // line number on the original receipt
    core::Decimal qty;
};

struct RefundItem {  // refunds without a receipt: sku, quantity and optionally the price paid
    std::string sku;
    core::Decimal qty;
    std::optional<core::Money> unitPrice;  // the price paid, if not the catalog's
};

struct RefundRequest {
    std::string receipt;                 // empty for a refund without a receipt
    std::vector<RefundLine> lines;       // with a receipt
    std::vector<RefundItem> items;       // without a receipt
    std::optional<TenderMethod> method;  // none: back to the original method
    std::string reason;
    SaleCustomer customer;  // whom it is for; none: against a receipt, whom the sale was for
};

class Refunds {
public:
    Refunds(const TillContext& context, const ShiftLedger& shifts, Catalog& catalog, PaymentAdapter& payments)
        : m_ctx(context), m_shifts(shifts), m_catalog(catalog), m_payments(payments), m_history(context.db) {}
    Refunds(const Refunds&) = delete;
    Refunds& operator=(const Refunds&) = delete;

    [[nodiscard]] core::Result<Committed> refund(const RefundRequest& request,
                                                 const std::optional<Approval>& approval = std::nullopt);

private:
    struct Approvals;
    core::Result<SaleRecord> fromReceipt(const RefundRequest& request);
    core::Result<RecordLine> refundLine(const RefundLine& want, const SoldLine& sold);
    core::Result<SaleRecord> withoutReceipt(const RefundRequest& request, const Pricing& pricing);
    core::Status pay(SaleRecord& record, const RefundRequest& request, const std::optional<Approval>& approval,
                     Approvals& approvals);
    core::Status reverseCardRefunds(const SaleRecord& record);
    core::Status approve(Permission permission, const std::optional<Approval>& approval, SaleRecord& record,
                         Approvals& approvals);

    TillContext m_ctx;
    const ShiftLedger& m_shifts;
    Catalog& m_catalog;
    PaymentAdapter& m_payments;
    SaleHistory m_history;
};

}  // namespace frontdesk::kiosk
