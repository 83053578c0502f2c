#pragma once
// Cart: the sale being rung up, and the exact pricing of it.
//
// Lines hold the catalog item, quantity, unit price (possibly overridden) and a line discount;
// the cart may carry one discount of its own, spread over the lines by amount. price() computes
// every line's discount, net, tax and gross and the totals from scratch, so the figures are
// exact after every change. Role checks happen in the Engine, which owns the Cart.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/money.h"
#include "core/tax.h"
#include "kiosk/catalog.h"

namespace frontdesk::kiosk {

struct Discount {
    enum class Kind { None, Amount, Percent };
    Kind kind = Kind::None;
    std::int64_t amountMinor = 0;  // Kind::Amount
    core::Decimal percent;         // Kind::Percent, in (0, 100]
    std::string approvedBy;

    // Parses {"amount":"1.50"} or {"percent":"10"}-style input: exactly one of the two.
    static core::Result<Discount> make(const std::string& amount, const std::string& percent,
                                       const core::Currency& currency);
    bool any() const { return kind != Kind::None; }
};

struct CartLine {
    Item item;
    core::Decimal qty;
    std::int64_t unitPriceMinor = 0;
    bool priceOverridden = false;
    std::string overrideApprovedBy;
    Discount discount;
};

struct PricedLine {
    std::int64_t baseMinor = 0;          // unit price x quantity
    std::int64_t lineDiscountMinor = 0;
    std::int64_t cartDiscountMinor = 0;  // this line's share of the cart discount
    core::TaxLineResult amounts;         // after all discounts
};

struct CartTotals {
    std::vector<PricedLine> lines;
    std::vector<core::TaxRateTotal> byRate;
    core::Money net, tax, gross;  // gross is what the customer owes before cash rounding
    core::Money discount;         // all line and cart discounts
};

class Cart {
public:
    static constexpr std::size_t kMaxLines = 500;

    // Adds a line, or raises the quantity of an identical undiscounted line of a counted item.
    [[nodiscard]] core::Status add(const Item& item, const core::Decimal& qty);
    [[nodiscard]] core::Status setQty(std::size_t index, const core::Decimal& qty);
    [[nodiscard]] core::Status remove(std::size_t index);
    [[nodiscard]] core::Status setLineDiscount(std::size_t index, Discount discount);
    [[nodiscard]] core::Status setCartDiscount(Discount discount);
    [[nodiscard]] core::Status overridePrice(std::size_t index, std::int64_t unitPriceMinor, std::string approvedBy);
    // Take an approval-bound adjustment off again (the catalog price comes back for an override).
    void dropCartDiscount() { m_cartDiscount = {}; }
    void dropLineDiscount(std::size_t index);
    void dropPriceOverride(std::size_t index);
    // Appends a line without merging it into an identical one (refund lines priced one by one).
    [[nodiscard]] core::Status append(const Item& item, const core::Decimal& qty);

    // Exact totals under the policy; an error if discounts exceed what they discount.
    [[nodiscard]] core::Result<CartTotals> price(const core::Currency& currency, const core::TaxPolicy& policy) const;

    const std::vector<CartLine>& lines() const { return m_lines; }
    const Discount& cartDiscount() const { return m_cartDiscount; }
    bool empty() const { return m_lines.empty(); }
    void clear();

    // For parking: lines and discounts (not tenders).
    nlohmann::json toJson() const;
    [[nodiscard]] static core::Result<Cart> fromJson(const nlohmann::json& json);

private:
    core::Status checkIndex(std::size_t index) const;
    std::vector<CartLine> m_lines;
    Discount m_cartDiscount;
};

// A quantity the till accepts: positive, at most 9999, at most 3 decimals, whole for counted items.
[[nodiscard]] core::Status validateQuantity(const Item& item, const core::Decimal& qty);
// A unit price the till accepts: 0 <= price <= 10^10 minor units.
[[nodiscard]] core::Status validateUnitPrice(std::int64_t minor);

}  // namespace frontdesk::kiosk
