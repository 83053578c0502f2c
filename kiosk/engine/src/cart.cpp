#include "kiosk/cart.h"

#include "kiosk/limits.h"

namespace frontdesk::kiosk {

using core::Decimal;
using core::Result;
using core::Status;


Status validateQuantity(const Item& item, const Decimal& qty) {
    if (qty.isZero() || qty.isNegative()) return core::invalidArgument("quantity must be positive, not " + qty.toString());
    if (qty > Decimal::fromInt(kMaxQuantity)) {
        return core::invalidArgument("quantity " + qty.toString() + " is more than " + std::to_string(kMaxQuantity));
    }
    if (qty.scale() > kMaxQuantityDecimals) {
        return core::invalidArgument("quantity " + qty.toString() + " has more than " +
                                     std::to_string(kMaxQuantityDecimals) + " decimals");
    }
    if (!item.soldByWeight && !qty.isInteger()) {
        return core::invalidArgument(item.name + " is sold by the piece: quantity " + qty.toString() + " must be whole");
    }
    return {};
}

Status validateUnitPrice(std::int64_t minor) {
    if (minor < 0 || minor > kMaxAmountMinor) return core::invalidArgument("unit price is out of range");
    return {};
}

Result<Discount> Discount::make(const std::string& amount, const std::string& percent, const core::Currency& currency) {
    if (amount.empty() == percent.empty()) return core::invalidArgument("a discount needs exactly one of amount or percent");
    Discount d;
    if (!amount.empty()) {
        FD_ASSIGN(auto money, core::Money::parse(amount, currency));
        if (!money.isPositive()) return core::invalidArgument("discount amount must be positive");
        d.kind = Kind::Amount;
        d.amountMinor = money.minor();
    } else {
        FD_ASSIGN(d.percent, Decimal::parse(percent));
        if (d.percent.isZero() || d.percent.isNegative() || d.percent > Decimal::fromInt(100)) {
            return core::invalidArgument("discount percent must be above 0 and at most 100, not " + percent);
        }
        d.kind = Kind::Percent;
    }
    return d;
}

Status Cart::checkIndex(std::size_t index) const {
    if (index >= m_lines.size()) {
        return core::invalidArgument("no line " + std::to_string(index + 1) + " (the sale has " +
                                     std::to_string(m_lines.size()) + ")");
    }
    return {};
}

Status Cart::add(const Item& item, const Decimal& qty) {
    FD_TRY(validateQuantity(item, qty));
    FD_TRY(validateUnitPrice(item.priceMinor));
    if (!item.soldByWeight) {
        for (auto& line : m_lines) {
            if (line.item.sku == item.sku && !line.discount.any() && !line.priceOverridden) {
                FD_ASSIGN(auto sum, line.qty.plus(qty));
                FD_TRY(validateQuantity(item, sum));
                line.qty = sum;
                return {};
            }
        }
    }
    return append(item, qty);
}

Status Cart::append(const Item& item, const Decimal& qty) {
    FD_TRY(validateQuantity(item, qty));
    FD_TRY(validateUnitPrice(item.priceMinor));
    if (m_lines.size() >= kMaxLines) return core::failedPrecondition("a sale holds at most 500 lines");
    m_lines.push_back({item, qty, item.priceMinor, false, {}, {}});
    return {};
}

void Cart::dropLineDiscount(std::size_t index) {
    if (index < m_lines.size()) m_lines[index].discount = {};
}

void Cart::dropPriceOverride(std::size_t index) {
    if (index >= m_lines.size()) return;
    auto& line = m_lines[index];
    line.unitPriceMinor = line.item.priceMinor;
    line.priceOverridden = false;
    line.overrideApprovedBy.clear();
}

Status Cart::setQty(std::size_t index, const Decimal& qty) {
    FD_TRY(checkIndex(index));
    FD_TRY(validateQuantity(m_lines[index].item, qty));
    m_lines[index].qty = qty;
    return {};
}

Status Cart::remove(std::size_t index) {
    FD_TRY(checkIndex(index));
    m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(index));
    // A sale discount belongs to the sale: once the last line is gone it must not reach the next one.
    if (m_lines.empty()) m_cartDiscount = {};
    return {};
}

Status Cart::setLineDiscount(std::size_t index, Discount discount) {
    FD_TRY(checkIndex(index));
    m_lines[index].discount = std::move(discount);
    return {};
}

Status Cart::setCartDiscount(Discount discount) {
    if (m_lines.empty()) return core::failedPrecondition("the sale has no lines to discount");
    m_cartDiscount = std::move(discount);
    return {};
}

Status Cart::overridePrice(std::size_t index, std::int64_t unitPriceMinor, std::string approvedBy) {
    FD_TRY(checkIndex(index));
    FD_TRY(validateUnitPrice(unitPriceMinor));
    auto& line = m_lines[index];
    line.unitPriceMinor = unitPriceMinor;
    line.priceOverridden = true;
    line.overrideApprovedBy = std::move(approvedBy);
    return {};
}

void Cart::clear() {
    m_lines.clear();
    m_cartDiscount = {};
}

Result<CartTotals> Cart::price(const core::Currency& currency, const core::TaxPolicy& policy) const {
    CartTotals totals;
    totals.lines.resize(m_lines.size());
    std::vector<std::int64_t> afterLine(m_lines.size());
    std::int64_t subtotal = 0;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const auto& line = m_lines[i];
        auto& priced = totals.lines[i];
        FD_ASSIGN(auto base, core::Money(line.unitPriceMinor, currency).times(line.qty, policy.roundingMode));
        priced.baseMinor = base.minor();
        if (line.discount.kind == Discount::Kind::Amount) {
            priced.lineDiscountMinor = line.discount.amountMinor;
        } else if (line.discount.kind == Discount::Kind::Percent) {
            FD_ASSIGN(auto d, base.percentOf(line.discount.percent, policy.roundingMode));
            priced.lineDiscountMinor = d.minor();
        }
        if (priced.lineDiscountMinor > priced.baseMinor) {
            return core::invalidArgument("discount on line " + std::to_string(i + 1) + " is more than the line's " +
                                         base.toString());
        }
        afterLine[i] = priced.baseMinor - priced.lineDiscountMinor;
        subtotal += afterLine[i];
    }
    std::int64_t cartDiscount = 0;
    if (m_cartDiscount.kind == Discount::Kind::Amount) {
        cartDiscount = m_cartDiscount.amountMinor;
    } else if (m_cartDiscount.kind == Discount::Kind::Percent) {
        FD_ASSIGN(auto d, core::Money(subtotal, currency).percentOf(m_cartDiscount.percent, policy.roundingMode));
        cartDiscount = d.minor();
    }
    if (cartDiscount > subtotal) {
        return core::invalidArgument("sale discount is more than the sale's " + core::Money(subtotal, currency).toString());
    }
    // Spread the cart discount by line amount so each tax rate carries its fair share.
    const auto shares = core::allocateByWeights(core::Money(cartDiscount, currency), afterLine);
    std::vector<core::TaxLineInput> taxInput;
    taxInput.reserve(m_lines.size());
    std::int64_t discountTotal = 0;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        totals.lines[i].cartDiscountMinor = shares[i].minor();
        discountTotal += totals.lines[i].lineDiscountMinor + shares[i].minor();
        taxInput.push_back({core::Money(afterLine[i] - shares[i].minor(), currency), m_lines[i].item.taxCode,
                            m_lines[i].item.taxRate});
    }
    FD_ASSIGN(auto tax, core::computeTax(currency, taxInput, policy));
    for (std::size_t i = 0; i < m_lines.size(); ++i) totals.lines[i].amounts = tax.lines[i];
    totals.byRate = std::move(tax.byRate);
    totals.net = tax.net;
    totals.tax = tax.tax;
    totals.gross = tax.gross;
    totals.discount = core::Money(discountTotal, currency);
    return totals;
}

namespace {

nlohmann::json discountJson(const Discount& d) {
    switch (d.kind) {
        case Discount::Kind::None: return nullptr;
        case Discount::Kind::Amount: return {{"amount", d.amountMinor}, {"approved_by", d.approvedBy}};
        case Discount::Kind::Percent: return {{"percent", d.percent.toString()}, {"approved_by", d.approvedBy}};
    }
    return nullptr;
}

Result<Discount> discountFromJson(const nlohmann::json& j) {
    Discount d;
    if (j.is_null()) return d;
    d.approvedBy = j.value("approved_by", "");
    if (j.contains("amount")) {
        d.kind = Discount::Kind::Amount;
        d.amountMinor = j.at("amount").get<std::int64_t>();
    } else {
        d.kind = Discount::Kind::Percent;
        FD_ASSIGN(d.percent, Decimal::parse(j.at("percent").get<std::string>()));
    }
    return d;
}

}  // namespace

nlohmann::json Cart::toJson() const {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : m_lines) {
        lines.push_back({{"sku", l.item.sku},
                         {"name", l.item.name},
                         {"price", l.item.priceMinor},
                         {"tax_code", l.item.taxCode},
                         {"tax_rate", l.item.taxRate.toString()},
                         {"category", l.item.category},
                         {"age_restricted", l.item.ageRestricted},
                         {"sold_by_weight", l.item.soldByWeight},
                         {"qty", l.qty.toString()},
                         {"unit_price", l.unitPriceMinor},
                         {"price_overridden", l.priceOverridden},
                         {"override_approved_by", l.overrideApprovedBy},
                         {"discount", discountJson(l.discount)}});
    }
    return {{"lines", lines}, {"discount", discountJson(m_cartDiscount)}};
}

Result<Cart> Cart::fromJson(const nlohmann::json& json) {
    // Parked carts are our own writing; a malformed one is reported, never half-loaded.
    try {
        Cart cart;
        for (const auto& l : json.at("lines")) {
            CartLine line;
            line.item.sku = l.at("sku").get<std::string>();
            line.item.name = l.at("name").get<std::string>();
            line.item.priceMinor = l.at("price").get<std::int64_t>();
            line.item.taxCode = l.at("tax_code").get<std::string>();
            FD_ASSIGN(line.item.taxRate, Decimal::parse(l.at("tax_rate").get<std::string>()));
            line.item.category = l.at("category").get<std::string>();
            line.item.ageRestricted = l.at("age_restricted").get<bool>();
            line.item.soldByWeight = l.at("sold_by_weight").get<bool>();
            FD_ASSIGN(line.qty, Decimal::parse(l.at("qty").get<std::string>()));
            line.unitPriceMinor = l.at("unit_price").get<std::int64_t>();
            line.priceOverridden = l.at("price_overridden").get<bool>();
            line.overrideApprovedBy = l.at("override_approved_by").get<std::string>();
            FD_ASSIGN(line.discount, discountFromJson(l.at("discount")));
            cart.m_lines.push_back(std::move(line));
        }
        FD_ASSIGN(cart.m_cartDiscount, discountFromJson(json.at("discount")));
        return cart;
    } catch (const nlohmann::json::exception& e) {
        return Status(core::ErrorKind::Corrupt, std::string("parked sale is malformed: ") + e.what());
    }
}

}  // namespace frontdesk::kiosk
