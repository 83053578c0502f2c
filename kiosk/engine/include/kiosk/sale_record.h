#pragma once
// SaleRecord: a finished sale or refund exactly as it is stored and sent. Checkout and Refunds
// build one; the sale writer (private to the engine) commits it with its receipt number and its
// one outbox event in a single transaction.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "kiosk/kinds.h"
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
    TenderMethod method = TenderMethod::Cash;
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

// Who a sale or refund is for, when the cashier says so: a customer of the back office (UUIDv7)
// and/or a membership (its id, 1 to 40 of A-Z a-z 0-9 - _). Both empty when nobody was named;
// the payload then leaves them out.
struct SaleCustomer {
    std::string customer;
    std::string member;
    bool empty() const { return customer.empty() && member.empty(); }
    bool operator==(const SaleCustomer&) const = default;
};

struct SaleRecord {
    std::string id;
    SaleKind kind = SaleKind::Sale;
    std::string shiftId, staff, approvedBy, reason;
    std::string currency;
    std::int64_t priceVersion = 0;  // the price and tax version the record was priced with
    std::int64_t net = 0, tax = 0, gross = 0, discount = 0;
    std::int64_t rounding = 0;  // cash rounding: due = gross + rounding
    std::vector<RecordLine> lines;
    std::vector<RecordRate> byRate;
    std::vector<RecordTender> tenders;
    std::string originalSaleId, originalReceipt;  // refunds only
    SaleCustomer customer;
    std::string ageCheckedBy;  // sales with an age-restricted line: who confirmed the customer's age
};

}  // namespace frontdesk::kiosk
