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

// Thousandths of a unit as a decimal string: -2500 -> "-2.5".
[[nodiscard]] std::string quantityText(std::int64_t milli);

}  // namespace frontdesk::backoffice
