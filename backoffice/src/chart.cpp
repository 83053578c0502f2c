#include "backoffice/chart.h"

#include <algorithm>

#include "core/bounded_input.h"

namespace frontdesk::backoffice {

std::string_view accountKindName(AccountKind kind) {
    switch (kind) {
        case AccountKind::Asset: return "asset";
        case AccountKind::Liability: return "liability";
        case AccountKind::Equity: return "equity";
        case AccountKind::Revenue: return "revenue";
        case AccountKind::Expense: return "expense";
    }
    return "asset";
}

std::string accounts::perTaxCode(std::string_view base, std::string_view taxCode) {
    return std::string(base) + "-" + std::string(taxCode);
}

const std::vector<Account>& defaultChart() {
    static const std::vector<Account> chart = {
        {std::string(accounts::kCash), "Cash in drawers", AccountKind::Asset},
        {std::string(accounts::kSafe), "Cash in the safe", AccountKind::Asset},
        {std::string(accounts::kCardClearing), "Card clearing", AccountKind::Asset},
        {std::string(accounts::kInventory), "Inventory", AccountKind::Asset},
        {std::string(accounts::kGoodsReceived), "Goods received not invoiced", AccountKind::Liability},
        {std::string(accounts::kOutputTax), "Output tax", AccountKind::Liability},
        {std::string(accounts::kSalesRevenue), "Sales revenue", AccountKind::Revenue},
        {std::string(accounts::kRefunds), "Refunds", AccountKind::Revenue},
        {std::string(accounts::kOtherIncome), "Other income (paid in)", AccountKind::Revenue},
        {std::string(accounts::kCostOfGoods), "Cost of goods sold", AccountKind::Expense},
        {std::string(accounts::kShrinkage), "Inventory shrinkage", AccountKind::Expense},
        {std::string(accounts::kPaidOut), "Paid out of the drawer", AccountKind::Expense},
        {std::string(accounts::kCashOverShort), "Cash over/short", AccountKind::Expense},
        {std::string(accounts::kRounding), "Cash rounding", AccountKind::Expense},
    };
    return chart;
}

core::Result<Account> chartAccount(std::string_view code) {
    const auto& chart = defaultChart();
    const auto dash = code.find('-');
    const std::string_view base = code.substr(0, dash);
    auto fixed = std::find_if(chart.begin(), chart.end(), [&](const Account& a) { return a.code == base; });
    const bool perTax = dash != std::string_view::npos &&
                        (base == accounts::kOutputTax || base == accounts::kSalesRevenue || base == accounts::kRefunds);
    if (fixed == chart.end() || (dash != std::string_view::npos && !perTax) || (perTax && code.size() == dash + 1)) {
        return core::invalidArgument("no such account in the chart: '" + core::excerpt(code) + "'");
    }
    if (!perTax) return *fixed;
    return Account{std::string(code), fixed->name + " " + std::string(code.substr(dash + 1)), fixed->kind};
}

core::Status ensureAccount(core::Database& db, std::string_view code) {
    FD_ASSIGN(auto account, chartAccount(code));
    FD_ASSIGN(auto* insert, db.cached("INSERT INTO accounts (code, name, kind) VALUES (?, ?, ?) ON CONFLICT(code) DO NOTHING"));
    return insert->bindAll(account.code, account.name, std::string(accountKindName(account.kind))).run();
}

}  // namespace frontdesk::backoffice
