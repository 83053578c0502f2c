#pragma once
// Read-only reports over the back office's database, as JSON: what `frontdesk-backoffice report
// ...` prints and the HTTP API serves. Each runs in one read transaction on its own connection,
// so it is safe while `serve` writes (WAL).

#include <string>

#include <nlohmann/json.hpp>

#include "core/database.h"

namespace frontdesk::backoffice {

// {"currencies": [{"currency", "balanced", "debit", "credit", "accounts": [{"account", "name", "kind",
//  "debit", "credit", "balance"}]}]}: amounts in minor units, balance = debit - credit.
[[nodiscard]] core::Result<nlohmann::json> trialBalanceReport(core::Database& db);
// {"terminals": [{"store", "terminal", "upto", "highest", "last_seen", "gaps": [{"from", "to"}],
//  "dead_letters"}]}
[[nodiscard]] core::Result<nlohmann::json> terminalsReport(core::Database& db);
// {"dead_letters": [{"store", "terminal", "id", "seq", "type", "reason", "received_at"}]}, newest first.
[[nodiscard]] core::Result<nlohmann::json> deadLettersReport(core::Database& db, int limit = 1000);
// {"store", "sku", "on_hand": "12.5", "moves": N, "to_review": bool}
[[nodiscard]] core::Result<nlohmann::json> stockReport(core::Database& db, const std::string& store,
                                                       const std::string& sku);

// The events a terminal sent, in seq order after afterSeq:
// {"events": [{"store", "terminal", "seq", "id", "type", "outcome", "reason", "received_at"}]}
struct EventsQuery {
    std::string store, terminal;
    std::int64_t afterSeq = 0;
    int limit = 100;
};
[[nodiscard]] core::Result<nlohmann::json> eventsReport(core::Database& db, const EventsQuery& query);
// {"stores": [{"id", "currency", "tax_mode", "tax_rounding", "rounding_mode"}]}
[[nodiscard]] core::Result<nlohmann::json> storesReport(core::Database& db);
// A page of the store's catalog with on hand, by SKU after afterSku:
// {"store", "items": [{"sku", "name", "price_minor", "tax_code", "tax_rate", "barcodes", "category", "cost_minor", "on_hand"}]}
[[nodiscard]] core::Result<nlohmann::json> itemsReport(core::Database& db, const std::string& store,
                                                       const std::string& afterSku, int limit);

// Thousandths of a unit as a decimal string: -2500 -> "-2.5".
[[nodiscard]] std::string quantityText(std::int64_t milli);

}  // namespace frontdesk::backoffice
