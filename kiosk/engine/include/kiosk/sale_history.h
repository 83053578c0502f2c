#pragma once
// SaleHistory: read-only questions about sales already recorded on this terminal, as refunds ask
// them: which sale a receipt is, what each of its lines sold and what earlier refunds already
// returned, and how it was paid and paid back. Never writes.
//
// Owned by Refunds, and by the Till for receipt copies; same thread as its Database.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/database.h"
#include "core/decimal.h"
#include "kiosk/events.h"
#include "kiosk/kinds.h"
#include "kiosk/sale_record.h"

namespace frontdesk::kiosk {

struct SoldSale {
    std::string id;
    SaleKind kind = SaleKind::Sale;
    std::string currency;
    SaleCustomer customer;
};

// A line as sold, and what refunds of it have returned so far.
struct SoldLine {
    RecordLine line;
    core::Decimal refundedQty;
    std::int64_t refundedTax = 0, refundedGross = 0, refundedDiscount = 0;
};

// How a sale was paid, less what refunds of it have paid back.
struct PaidSources {
    struct Card {
        std::string ref;
        std::int64_t left = 0;  // paid on this card minus refunded to it
    };
    std::vector<Card> cards;                 // in the order paid
    std::int64_t cashLeft = 0;               // cash taken (net of change) minus cash refunded
    std::int64_t cashRefundedUnrounded = 0;  // earlier cash refunds before their cash rounding
};

// A recorded sale or refund as it was committed, to print again, and the name of who rang it up.
struct ReceiptCopy {
    Committed committed;
    std::string staffName;
};

class SaleHistory {
public:
    explicit SaleHistory(core::Database& db) : m_db(db) {}
    SaleHistory(const SaleHistory&) = delete;
    SaleHistory& operator=(const SaleHistory&) = delete;

    // NotFound if no sale of this terminal has this receipt number.
    [[nodiscard]] core::Result<SoldSale> byReceipt(const std::string& receipt);
    // Lines by line number.
    [[nodiscard]] core::Result<std::map<std::int64_t, SoldLine>> lines(const std::string& saleId);
    [[nodiscard]] core::Result<PaidSources> paidSources(const std::string& saleId);
    // The sale or refund of a receipt number from its outbox event (kept after delivery), to
    // print a copy. NotFound naming the receipt.
    [[nodiscard]] core::Result<ReceiptCopy> receiptCopy(const std::string& receipt);

private:
    core::Database& m_db;
};

}  // namespace frontdesk::kiosk
