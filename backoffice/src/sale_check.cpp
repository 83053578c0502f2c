#include "backoffice/sale_check.h"

#include <map>

#include "core/money.h"
#include "core/tax.h"
#include "payload_fields.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

using fields::amount;
using fields::list;
using fields::object;
using fields::text;

Status differs(const std::string& what, std::int64_t stated, std::int64_t computed) {
    if (stated == computed) return {};
    return core::invalidArgument(what + " is " + std::to_string(stated) + " but comes to " + std::to_string(computed));
}

Status sumsUp(SaleFigures& f, const json& payload) {
    std::int64_t net = 0, tax = 0, gross = 0;
    std::map<std::string, RateTotal> rates;
    for (std::size_t i = 0; i < f.lines.size(); ++i) {
        const auto& l = f.lines[i];
        FD_TRY(differs("line " + std::to_string(i + 1) + " gross", l.gross, l.net + l.tax));
        net += l.net;
        tax += l.tax;
        gross += l.gross;
        auto& r = rates[l.taxCode];
        r.taxCode = l.taxCode;
        r.net += l.net;
        r.tax += l.tax;
        r.gross += l.gross;
    }
    const json& totals = object(payload, "totals");
    FD_TRY(differs("net total", f.net = amount(totals, "net"), net));
    FD_TRY(differs("tax total", f.tax = amount(totals, "tax"), tax));
    FD_TRY(differs("gross total", f.gross = amount(totals, "gross"), gross));
    f.rounding = amount(totals, "rounding");
    FD_TRY(differs("amount due", f.due = amount(totals, "due"), f.gross + f.rounding));
    const json& breakdown = list(payload, "tax_breakdown");
    if (breakdown.size() != rates.size()) {
        return core::invalidArgument("the tax breakdown has " + std::to_string(breakdown.size()) + " rates, the lines " +
                                     std::to_string(rates.size()));
    }
    for (const auto& b : breakdown) {
        const std::string code = text(b, "tax_code");
        auto it = rates.find(code);
        if (it == rates.end()) return core::invalidArgument("the tax breakdown names " + code + ", which no line has");
        FD_TRY(differs("net at " + code, amount(b, "net"), it->second.net));
        FD_TRY(differs("tax at " + code, amount(b, "tax"), it->second.tax));
        FD_TRY(differs("gross at " + code, amount(b, "gross"), it->second.gross));
    }
    for (auto& [code, r] : rates) f.byRate.push_back(r);
    for (const auto& t : list(payload, "tenders")) {
        const std::int64_t kept = amount(t, "amount") - amount(t, "change");
        (text(t, "method") == "card" ? f.card : f.cash) += kept;
    }
    return differs("the tenders", f.cash + f.card, f.due);
}

// The till's own computation, again: unit price x quantity with the store's rounding, less the
// line's discount, through core::computeTax.
Status recompute(const SaleFigures& f, const json& payload, const StoreSettings& store) {
    FD_ASSIGN(auto currency, core::currencyByCode(store.currency));
    std::vector<core::TaxLineInput> input;
    const json& lines = list(payload, "lines");
    for (const auto& l : lines) {
        FD_ASSIGN(auto qty, core::Decimal::parse(text(l, "qty")));
        FD_ASSIGN(auto rate, core::Decimal::parse(text(l, "tax_rate")));
        FD_ASSIGN(auto base, core::Money(amount(l, "unit_price"), currency).times(qty, store.tax.roundingMode));
        input.push_back({core::Money(base.minor() - amount(l, "discount"), currency), text(l, "tax_code"), rate});
    }
    FD_ASSIGN(auto tax, core::computeTax(currency, input, store.tax));
    for (std::size_t i = 0; i < f.lines.size(); ++i) {
        const std::string line = "line " + std::to_string(i + 1);
        FD_TRY(differs(line + " net", f.lines[i].net, tax.lines[i].net.minor()));
        FD_TRY(differs(line + " tax", f.lines[i].tax, tax.lines[i].tax.minor()));
        FD_TRY(differs(line + " gross", f.lines[i].gross, tax.lines[i].gross.minor()));
    }
    return {};
}

}  // namespace

Result<std::int64_t> quantityMilli(std::string_view text) {
    FD_ASSIGN(auto qty, core::Decimal::parse(text));
    if (qty.scale() > 3) return core::invalidArgument("quantity " + std::string(text) + " has more than 3 decimals");
    std::int64_t units = qty.units();
    for (int s = qty.scale(); s < 3; ++s) units *= 10;
    return units;
}

Result<SaleFigures> checkSale(const json& payload, const StoreSettings& store, SaleKind kind) {
    SaleFigures f;
    f.sale = text(payload, "sale");
    f.shift = text(payload, "shift");
    f.currency = text(payload, "currency");
    if (f.currency != store.currency) {
        return core::invalidArgument("the sale is in " + f.currency + ", store " + store.id + " sells in " + store.currency);
    }
    for (const auto& l : list(payload, "lines")) {
        SaleLine line{text(l, "sku"), text(l, "name"), 0, text(l, "tax_code"), amount(l, "net"), amount(l, "tax"),
                      amount(l, "gross")};
        FD_ASSIGN(line.qtyMilli, quantityMilli(text(l, "qty")));
        f.lines.push_back(std::move(line));
    }
    if (f.lines.empty()) return core::invalidArgument("the sale has no lines");
    FD_TRY(sumsUp(f, payload));
    if (kind == SaleKind::Sale) FD_TRY(recompute(f, payload, store));
    return f;
}

}  // namespace frontdesk::backoffice
