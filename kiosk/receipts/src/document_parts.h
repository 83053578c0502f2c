#pragma once
// What the receipt kinds share: the store's header, amounts in the till's currency, safe reads of
// committed payloads (a copy comes from the database: a damaged one prints what it can).

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/receipts/receipt_documents.h"
#include "labels.h"

namespace frontdesk::kiosk::receipts {

// The store's name, address and VAT id, centred, and "*** COPY ***" on a copy.
void storeHeader(peripherals::Document& d, const ReceiptContext& context);
// The footer line when the settings have one, a feed and the cut.
void closing(peripherals::Document& d, const ReceiptContext& context);

// "12.34" in the context's currency.
std::string amount(const ReceiptContext& context, std::int64_t minor);
// "Label" left, value right; nothing when the value is empty.
void row(peripherals::Document& d, const ReceiptContext& context, Label which, const std::string& value);

// A member's text or number, or "" / 0 when it is absent or of another type.
std::string text(const nlohmann::json& object, const char* key);
std::int64_t number(const nlohmann::json& object, const char* key);
const nlohmann::json& list(const nlohmann::json& object, const char* key);  // empty when absent

}  // namespace frontdesk::kiosk::receipts
