#pragma once
// Tax computation for a list of priced lines under one tax regime.
//
// Price-inclusive (VAT): a line's amount is gross; tax = gross x r / (100 + r).
// Price-exclusive (sales tax): a line's amount is net; tax = net x r / 100.
// Rounding per line: each line's tax is rounded, the breakdown sums the lines.
// Rounding per total: each rate's tax is computed once on the rate's summed amount, then split back
// onto its lines by largest remainder over each line's exact tax (not by amount; see
// docs/money-and-tax.md, "The per-total split"), so lines, breakdown and totals always add up
// exactly and every line stays within one minor unit of the tax it contains.

#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"
#include "core/status.h"

namespace frontdesk::core {

enum class TaxMode { Inclusive, Exclusive };
enum class TaxRounding { PerLine, PerTotal };

[[nodiscard]] std::string_view taxModeName(TaxMode mode);
[[nodiscard]] Result<TaxMode> parseTaxMode(std::string_view name);
[[nodiscard]] std::string_view taxRoundingName(TaxRounding rounding);
[[nodiscard]] Result<TaxRounding> parseTaxRounding(std::string_view name);

struct TaxPolicy {
    TaxMode mode = TaxMode::Inclusive;
    TaxRounding rounding = TaxRounding::PerLine;
    RoundingMode roundingMode = RoundingMode::HalfUp;
};

struct TaxLineInput {
    Money amount;         // after discounts; gross if inclusive, net if exclusive
    std::string taxCode;  // e.g. "VAT19"
    Decimal ratePercent;  // e.g. 19, 7.5
};

struct TaxLineResult {
    Money net, tax, gross;
};

struct TaxRateTotal {
    std::string taxCode;
    Decimal ratePercent;
    Money net, tax, gross;
};

struct TaxResult {
    std::vector<TaxLineResult> lines;    // same order as the input
    std::vector<TaxRateTotal> byRate;    // ordered by tax code
    Money net, tax, gross;
};

// All amounts must share `currency`. Rates must be within [0, 100].
[[nodiscard]] Result<TaxResult> computeTax(const Currency& currency, const std::vector<TaxLineInput>& lines,
                                           const TaxPolicy& policy);

}  // namespace frontdesk::core
