#include "core/tax.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <numeric>

namespace frontdesk::core {

std::string_view taxModeName(TaxMode mode) { return mode == TaxMode::Inclusive ? "inclusive" : "exclusive"; }

Result<TaxMode> parseTaxMode(std::string_view name) {
    if (name == "inclusive") return TaxMode::Inclusive;
    if (name == "exclusive") return TaxMode::Exclusive;
    return invalidArgument("unknown tax mode '" + std::string(name) + "' (expected inclusive or exclusive)");
}

std::string_view taxRoundingName(TaxRounding rounding) {
    return rounding == TaxRounding::PerLine ? "per_line" : "per_total";
}

Result<TaxRounding> parseTaxRounding(std::string_view name) {
    if (name == "per_line") return TaxRounding::PerLine;
    if (name == "per_total") return TaxRounding::PerTotal;
    return invalidArgument("unknown tax rounding '" + std::string(name) + "' (expected per_line or per_total)");
}

namespace {

// The exact tax contained in (inclusive) or added to (exclusive) an amount is
// amount x rate units / taxDenominator().
Int128 taxDenominator(const Decimal& rate, TaxMode mode) {
    const Int128 hundred = 100 * pow10(rate.scale());
    return mode == TaxMode::Inclusive ? hundred + rate.units() : hundred;
}

// Tax contained in (inclusive) or added to (exclusive) an amount, rounded.
std::int64_t taxOn(std::int64_t amount, const Decimal& rate, const TaxPolicy& policy) {
    return static_cast<std::int64_t>(divideRounded(static_cast<Int128>(amount) * rate.units(),
                                                   taxDenominator(rate, policy.mode), policy.roundingMode));
}

// Per-total rounding for the lines of one rate: the rate's tax is rounded once on the summed amount, then
// split back by largest remainder over each line's exact tax, not in proportion to the amounts
// (docs/money-and-tax.md, "The per-total split"). Each line starts from the floor of its exact tax; the
// units still missing to reach the rate's tax go one each to the lines with the largest remainders (ties to
// the earlier line). Every line thus ends up within one minor unit of its exact tax,
// with the sign of its amount, also when sales and returns share a rate. The missing units number between
// zero and the count of lines with a remainder, because the rounded total is less than one unit from the
// exact total.
std::vector<std::int64_t> perTotalTaxes(const std::vector<TaxLineInput>& lines,
                                        const std::vector<std::size_t>& members, const Decimal& rate,
                                        const TaxPolicy& policy) {
    const Int128 denominator = taxDenominator(rate, policy.mode);
    std::vector<std::int64_t> taxes(members.size());
    std::vector<Int128> remainders(members.size());
    Int128 exactSum = 0;
    Int128 assigned = 0;
    for (std::size_t k = 0; k < members.size(); ++k) {
        const Int128 exact = static_cast<Int128>(lines[members[k]].amount.minor()) * rate.units();
        Int128 floor = exact / denominator;
        Int128 remainder = exact % denominator;
        if (remainder < 0) {
            floor -= 1;
            remainder += denominator;
        }
        taxes[k] = static_cast<std::int64_t>(floor);
        remainders[k] = remainder;
        exactSum += exact;
        assigned += floor;
    }
    const Int128 groupTax = divideRounded(exactSum, denominator, policy.roundingMode);
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    Int128 missing = groupTax - assigned;
    assert(missing >= 0 && missing <= static_cast<Int128>(members.size()));
    for (std::size_t j = 0; missing > 0; ++j, --missing) {
        assert(remainders[order[j]] != 0);
        ++taxes[order[j]];
    }
    return taxes;
}

TaxLineResult splitLine(const Money& amount, const Money& tax, TaxMode mode) {
    if (mode == TaxMode::Inclusive) return {amount - tax, tax, amount};
    return {amount, tax, amount + tax};
}

}  // namespace

Result<TaxResult> computeTax(const Currency& currency, const std::vector<TaxLineInput>& lines,
                             const TaxPolicy& policy) {
    const Decimal hundred = Decimal::fromInt(100);
    // Bound amounts so that every intermediate (amount x rate units) fits comfortably.
    constexpr std::int64_t kMaxAmount = 1'000'000'000'000'000;  // 10^15 minor units
    std::map<std::string, std::vector<std::size_t>> linesByCode;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (!(line.amount.currency() == currency)) {
            return invalidArgument("line " + std::to_string(i + 1) + " is in " +
                                   std::string(line.amount.currency().codeView()) + ", the sale is in " +
                                   std::string(currency.codeView()));
        }
        if (line.ratePercent.isNegative() || line.ratePercent > hundred) {
            return invalidArgument("tax rate " + line.ratePercent.toString() + "% of " + line.taxCode +
                                   " is outside 0..100");
        }
        if (line.amount.minor() > kMaxAmount || line.amount.minor() < -kMaxAmount) {
            return invalidArgument("line " + std::to_string(i + 1) + " amount is out of range");
        }
        auto& members = linesByCode[line.taxCode];
        if (!members.empty() && !(lines[members.front()].ratePercent == line.ratePercent)) {
            return invalidArgument("tax code " + line.taxCode + " has two rates in one sale");
        }
        members.push_back(i);
    }

    TaxResult result;
    result.lines.resize(lines.size());
    result.net = result.tax = result.gross = Money::zero(currency);
    for (const auto& [code, members] : linesByCode) {
        const Decimal rate = lines[members.front()].ratePercent;
        if (policy.rounding == TaxRounding::PerLine) {
            for (auto i : members) {
                const Money tax(taxOn(lines[i].amount.minor(), rate, policy), currency);
                result.lines[i] = splitLine(lines[i].amount, tax, policy.mode);
            }
        } else {
            const auto taxes = perTotalTaxes(lines, members, rate, policy);
            for (std::size_t k = 0; k < members.size(); ++k) {
                result.lines[members[k]] = splitLine(lines[members[k]].amount, Money(taxes[k], currency), policy.mode);
            }
        }
        TaxRateTotal total{code, rate, Money::zero(currency), Money::zero(currency), Money::zero(currency)};
        for (auto i : members) {
            total.net += result.lines[i].net;
            total.tax += result.lines[i].tax;
            total.gross += result.lines[i].gross;
        }
        result.net += total.net;
        result.tax += total.tax;
        result.gross += total.gross;
        result.byRate.push_back(std::move(total));
    }
    return result;
}

}  // namespace frontdesk::core
