#pragma once
// The one function that commits a sale or refund (private to the engine: only Checkout and
// Refunds, which own the rules of what may be recorded, call it).
//
// One BEGIN IMMEDIATE transaction takes the next receipt number and writes the sale row, its
// lines, its tenders, whatever the caller adds (`alongside`: settling the card journal, audit
// rows of the approvals used) and exactly one outbox event, then commits. After a crash at any
// instant the terminal holds all of it or none of it.

#include <functional>
#include <string>

#include "core/database.h"
#include "kiosk/events.h"
#include "kiosk/outbox.h"
#include "kiosk/sale_record.h"

namespace frontdesk::kiosk {

[[nodiscard]] core::Result<Committed> commitSaleRecord(core::Database& db, Outbox& outbox, const std::string& terminal,
                                                       const SaleRecord& record, const std::string& at,
                                                       const std::function<core::Status()>& alongside);

}  // namespace frontdesk::kiosk
