#pragma once
// Customers: one record per person that joins what the front desk and the back office both know
// (docs/backoffice.md, "Customers"): their memberships, bookings, visits, purchases and refunds.
// A customer's data can be exported (GDPR article 15) and erased (article 17). Erasure
// pseudonymizes the person in place — name replaced by a pseudonym, contact details, member cards
// and booking names removed — so that every ledger entry, stock move and audit row stays intact
// and balanced (they hold no personal data, only ids). Both are audited.

#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"

namespace frontdesk::backoffice {

struct CustomerInput {
    std::string id;  // "" for a new customer (a UUIDv7 is made)
    std::string name;
    std::string email;  // optional
    std::string phone;  // optional
};

class Customers {
public:
    Customers(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // Adds or changes a customer; returns the id. InvalidArgument naming the field; NotFound for
    // an unknown id; FailedPrecondition for an erased customer.
    [[nodiscard]] core::Result<std::string> save(const CustomerInput& input, const std::string& actor);
    // Customers whose name or email starts with `text` (case-insensitive), at most `limit`.
    [[nodiscard]] core::Result<nlohmann::json> search(const std::string& text, int limit = 50);
    // The one view: {"customer", "memberships": [{..., "state": active|expired|suspended}],
    // "bookings", "visits", "purchases", "summary": {"purchases", "refunds", "spend" (per
    // currency, net of refunds), "visits", "visits_90_days", "last_visit"}}.
    [[nodiscard]] core::Result<nlohmann::json> view(const std::string& id);
    // Everything held on the customer (the view, unabridged), audited as an export.
    [[nodiscard]] core::Result<nlohmann::json> exportData(const std::string& id, const std::string& actor);
    // Pseudonymizes the customer everywhere; the reason (the request's reference) is audited.
    // FailedPrecondition when already erased.
    [[nodiscard]] core::Status erase(const std::string& id, const std::string& actor, const std::string& reason);

private:
    core::Database& m_db;
    const core::Clock& m_clock;
};

}  // namespace frontdesk::backoffice
