#pragma once
// SaleRecord: a finished sale or refund exactly as it is stored and sent, and the one function
// that commits it. writeSaleRecord() puts the sale row, its lines, its tenders and its single
// outbox event into ONE transaction: after a crash at any instant the terminal holds the whole
// sale with its event, or neither.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/database.h"
#include "core/decimal.h"
#include "kiosk/outbox.h"
#include "kiosk/payment.h"

namespace frontdesk::kiosk {

struct RecordLine {
    std::string sku, name;
    core::Decimal qty;
    std::int64_t unitPrice = 0;
    std::int64_t discount = 0;  // line discount plus its share of the sale discount
    std::string taxCode;
    core::Decimal taxRate;
    std::int64_t net = 0, tax = 0, gross = 0;
    std::optional<std::int64_t> originalLine;  // refunds: the line refunded
    std::string approvedBy;
};

struct RecordTender {
    std::string method;  // "cash" or "card"
    std::int64_t amount = 0;
    std::int64_t change = 0;
    std::optional<CardResult> card;
    std::string originalRef;  // refunds to a card: the terminal reference of the payment refunded
};

struct RecordRate {
    std::string taxCode;
    core::Decimal rate;
    std::int64_t net = 0, tax = 0, gross = 0;
};

struct SaleRecord {
    std::string id;
    std::string kind = "sale";  // "sale" or "refund"
    std::string shiftId, staff, approvedBy, reason;
    std::string currency;
    std::int64_t priceVersion = 0;
    std::int64_t net = 0, tax = 0, gross = 0, discount = 0;
    std::int64_t rounding = 0;  // cash rounding: due = gross + rounding
    std::vector<RecordLine> lines;
    std::vector<RecordRate> byRate;
    std::vector<RecordTender> tenders;
    std::string originalSaleId, originalReceipt;  // refunds only
};

struct Committed {
    std::string receiptNo;
    OutboxEvent event;
    nlohmann::json payload;
};

// Commits the record with the next receipt number of this terminal and its outbox event.
[[nodiscard]] core::Result<Committed> writeSaleRecord(core::Database& db, Outbox& outbox, const std::string& terminal,
                                                      const SaleRecord& record, const std::string& at);

// The event payload (sale.completed / sale.refunded) for a record and its receipt number.
[[nodiscard]] nlohmann::json saleRecordPayload(const SaleRecord& record, const std::string& receiptNo);

}  // namespace frontdesk::kiosk
