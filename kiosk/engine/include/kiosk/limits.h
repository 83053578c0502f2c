#pragma once
// The till's fixed limits, in one place; docs/headless.md lists them with the per-store ones
// (TerminalSettings::limits).

#include <cstddef>
#include <cstdint>

namespace frontdesk::kiosk {

// Any amount a person enters (a tender, a float, counted cash, a price), any unit price and any
// sale's total: 10^10 minor units (100,000,000.00 EUR). A sale the till lets you build can always
// be paid with one tender, and the sums of any realistic shift stay far from overflow.
inline constexpr std::int64_t kMaxAmountMinor = 10'000'000'000;

// A line's quantity: above 0, at most kMaxQuantity, at most kMaxQuantityDecimals decimals (a
// weight in grams of a kilogram price), counted as written where text is read.
inline constexpr std::int64_t kMaxQuantity = 9999;
inline constexpr int kMaxQuantityDecimals = 3;

// Free text: a reason (void, paid-in, paid-out, no-sale, refund) and a parked sale's label, in bytes.
inline constexpr std::size_t kMaxReasonBytes = 200;
inline constexpr std::size_t kMaxLabelBytes = 60;

}  // namespace frontdesk::kiosk
