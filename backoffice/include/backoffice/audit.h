#pragma once
// The back office's audit trail: who did what to what, when (users, reconciliations, stock
// documents, customer data requests). Rows are append-only (triggers refuse changes). Call
// inside the caller's transaction, so the action and its audit row commit together.

#include <string>

#include <nlohmann/json.hpp>

#include "core/database.h"

namespace frontdesk::backoffice {

struct AuditRecord {
    std::string at;       // ISO 8601 UTC
    std::string actor;    // a back-office user, or "cli" for the command line on the server
    std::string action;   // "user.add", "shift.reconcile", ...
    std::string subject;  // what it was done to: a username, a shift id, ...
    nlohmann::json detail = nlohmann::json::object();
};

[[nodiscard]] core::Status audit(core::Database& db, const AuditRecord& record);
// {"audit": [{"id", "at", "actor", "action", "subject", "detail"}]}, newest first; subject "" for all.
[[nodiscard]] core::Result<nlohmann::json> auditReport(core::Database& db, const std::string& subject = "",
                                                       int limit = 1000);

}  // namespace frontdesk::backoffice
