#pragma once
// A sale or a refund as the back office reads it from its event, checked: the terminal's
// arithmetic is not trusted.
//
// A sale is recomputed from its lines with the store's tax rules and the same core::computeTax
// the till uses: each line's amount (unit price x quantity, less its discount), its net, tax and
// gross, the breakdown per rate and the totals must all come out exactly as the event says. A
// refund's lines are the original sale's figures, prorated, so for a refund every figure must add
// up (each line, the breakdown, the totals). For both, the tenders must pay exactly what was due.
// Anything else is InvalidArgument naming the first figure that is wrong (the event is
// dead-lettered with that reason).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backoffice/backoffice_db.h"
#include "core/decimal.h"
#include "core/status.h"

namespace frontdesk::backoffice {

struct SaleLine {
    std::string sku;
    std::string name;
    std::int64_t qtyMilli = 0;  // thousandths of a unit
    std::string taxCode;
    std::int64_t net = 0, tax = 0, gross = 0;
};

struct RateTotal {
    std::string taxCode;
    std::int64_t net = 0, tax = 0, gross = 0;
};

struct SaleFigures {
    std::string sale;
    std::string shift;
    std::string currency;
    std::vector<SaleLine> lines;
    std::vector<RateTotal> byRate;
    std::int64_t net = 0, tax = 0, gross = 0, rounding = 0, due = 0;
    std::int64_t cash = 0;  // cash kept: cash tendered less change (for a refund: paid out)
    std::int64_t card = 0;
};

enum class SaleKind { Sale, Refund };

[[nodiscard]] core::Result<SaleFigures> checkSale(const nlohmann::json& payload, const StoreSettings& store,
                                                  SaleKind kind);

// "0.375" as thousandths (375); InvalidArgument for more than three decimals.
[[nodiscard]] core::Result<std::int64_t> quantityMilli(std::string_view text);

}  // namespace frontdesk::backoffice
