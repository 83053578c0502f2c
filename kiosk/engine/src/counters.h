#pragma once
// The terminal's counters (private to the engine): only the outbox takes seq numbers and only
// the sale writer takes receipt numbers, each inside the transaction that uses the number.

#include <cstdint>

#include "core/database.h"

namespace frontdesk::kiosk {

enum class Counter { OutboxSeq, ReceiptNo };

// Takes the next value of a counter inside the current transaction.
[[nodiscard]] core::Result<std::int64_t> nextCounter(core::Database& db, Counter counter);

}  // namespace frontdesk::kiosk
