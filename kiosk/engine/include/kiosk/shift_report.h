#pragma once
// X and Z reports: what a shift took, per tax rate and per tender method, and the cash the
// drawer should hold. An X report reads an open shift; the Z report is the same figures frozen
// when the shift closes, with the counted cash and the variance.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/database.h"
#include "core/decimal.h"
#include "kiosk/kinds.h"

namespace frontdesk::kiosk {

struct RateTotal {
    SaleKind kind = SaleKind::Sale;
    std::string taxCode;
    std::string rate;
    std::int64_t net = 0, tax = 0, gross = 0;
};

struct TenderTotal {
    SaleKind kind = SaleKind::Sale;
    TenderMethod method = TenderMethod::Cash;
    std::int64_t count = 0;
    std::int64_t amount = 0;  // net of change given
};

struct ShiftReport {
    std::string shiftId;
    std::string openedBy;
    std::string openedAt;
    std::optional<std::string> closedAt;
    std::string currency;
    std::int64_t floatMinor = 0;
    std::int64_t sales = 0, refunds = 0, voids = 0, noSales = 0;
    std::int64_t salesGross = 0, refundsGross = 0, discounts = 0, rounding = 0;
    std::int64_t paidIn = 0, paidOut = 0;
    std::vector<RateTotal> byRate;
    std::vector<TenderTotal> byTender;
    std::int64_t expectedCash = 0;           // float + cash taken - cash refunded + paid in - paid out
    std::optional<std::int64_t> countedCash;  // Z only
    std::optional<std::int64_t> variance;     // counted - expected

    nlohmann::json toJson() const;
};

// Reads the figures of a shift from the terminal database.
[[nodiscard]] core::Result<ShiftReport> buildShiftReport(core::Database& db, const std::string& shiftId,
                                                         const std::string& currency);

}  // namespace frontdesk::kiosk
