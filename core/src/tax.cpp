#include "core/tax.h"

#include <map>

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

// Tax contained in (inclusive) or added to (exclusive) an amount, rounded.
std::int64_t taxOn(std::int64_t amount, const Decimal& rate, const TaxPolicy& policy) {
    const Int128 scale = pow10(rate.scale());
    const Int128 rateUnits = rate.units();
    const Int128 denominator = policy.mode == TaxMode::Inclusive ? 100 * scale + rateUnits : 100 * scale;
    return static_cast<std::int64_t>(divideRounded(static_cast<Int128>(amount) * rateUnits, denominator,
                                                   policy.roundingMode));
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
            std::int64_t sum = 0;
            std::vector<std::int64_t> weights;
            for (auto i : members) {
                sum += lines[i].amount.minor();
                weights.push_back(lines[i].amount.minor() < 0 ? -lines[i].amount.minor() : lines[i].amount.minor());
            }
            const Money groupTax(taxOn(sum, rate, policy), currency);
            const auto shares = allocateByWeights(groupTax, weights);
            for (std::size_t k = 0; k < members.size(); ++k) {
                result.lines[members[k]] = splitLine(lines[members[k]].amount, shares[k], policy.mode);
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
