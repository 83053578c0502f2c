#pragma once
// The chart of accounts: a sensible default for a shop, and the accounts each posting names.
//
// Codes are text: four digits for the fixed accounts, and for those kept per tax code the base
// code, a dash and the code ("4000-VAT19" sales revenue at VAT19, "2200-VAT19" its output tax),
// created the first time a posting names them. Every amount in the ledger is in minor units of
// the store's currency.

#include <string>
#include <string_view>
#include <vector>

#include "core/database.h"

namespace frontdesk::backoffice {

enum class AccountKind { Asset, Liability, Equity, Revenue, Expense };
[[nodiscard]] std::string_view accountKindName(AccountKind kind);

struct Account {
    std::string code;
    std::string name;
    AccountKind kind = AccountKind::Asset;
};

namespace accounts {
inline constexpr std::string_view kCash = "1000";          // cash in the tills' drawers
inline constexpr std::string_view kSafe = "1010";          // cash in the safe: floats come from it
inline constexpr std::string_view kCardClearing = "1100";  // card payments the acquirer has yet to settle
inline constexpr std::string_view kInventory = "1300";     // goods at cost
inline constexpr std::string_view kGoodsReceived = "2100"; // goods received, the supplier's invoice still to come
inline constexpr std::string_view kOutputTax = "2200";     // per tax code: tax collected, owed
inline constexpr std::string_view kSalesRevenue = "4000";  // per tax code: net sales
inline constexpr std::string_view kRefunds = "4100";       // per tax code: net refunds (against revenue)
inline constexpr std::string_view kOtherIncome = "4900";   // paid in
inline constexpr std::string_view kCostOfGoods = "5000";   // cost of goods sold
inline constexpr std::string_view kShrinkage = "5100";     // stock lost (damaged, stolen, counted short) less stock found
inline constexpr std::string_view kPaidOut = "6100";       // paid out of the drawer (small expenses)
inline constexpr std::string_view kCashOverShort = "6900"; // counted cash against expected
inline constexpr std::string_view kRounding = "6910";      // cash rounding of totals

// "4000-VAT19": an account kept per tax code.
[[nodiscard]] std::string perTaxCode(std::string_view base, std::string_view taxCode);
}  // namespace accounts

// The fixed accounts of the default chart.
[[nodiscard]] const std::vector<Account>& defaultChart();

// The account `code` names: a fixed account of the default chart, or one kept per tax code (its
// name and kind from its base). InvalidArgument for any other code.
[[nodiscard]] core::Result<Account> chartAccount(std::string_view code);

// Makes sure `code` exists: a fixed account of the default chart, or one kept per tax code (its
// name and kind from its base). InvalidArgument for any other code.
[[nodiscard]] core::Status ensureAccount(core::Database& db, std::string_view code);

}  // namespace frontdesk::backoffice
