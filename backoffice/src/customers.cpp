#include "backoffice/customers.h"

#include <map>

#include "backoffice/audit.h"
#include "backoffice/reception.h"
#include "core/ids.h"
#include "read_transaction.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

Status checkCustomer(const CustomerInput& c) {
    if (c.name.empty() || c.name.size() > 200) return core::invalidArgument("name: 1 to 200 characters");
    if (!c.email.empty()) {
        const auto at = c.email.find('@');
        if (c.email.size() > 254 || at == std::string::npos || at == 0 || c.email.find('.', at) == std::string::npos ||
            c.email.find_first_of(" \t\r\n") != std::string::npos) {
            return core::invalidArgument("email: not an email address");
        }
    }
    if (!c.phone.empty() && (c.phone.size() > 32 || c.phone.find_first_not_of("+0123456789 -()") != std::string::npos)) {
        return core::invalidArgument("phone: digits, spaces, '+', '-' and parentheses, at most 32");
    }
    if (!c.id.empty() && !core::isUuidV7(c.id)) return core::invalidArgument("id: not a UUIDv7");
    return {};
}


}  // namespace

Result<std::string> Customers::save(const CustomerInput& c, const std::string& actor) {
    FD_TRY(checkCustomer(c));
    const std::string now = core::formatIso8601(m_clock.now());
    const std::string id = c.id.empty() ? core::UuidV7Generator(m_clock).next() : c.id;
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    if (!c.id.empty()) {
        FD_ASSIGN(auto* find, m_db.cached("SELECT erased_at FROM customers WHERE id = ?"));
        std::optional<std::string> erased;
        FD_TRY(find->bind(1, id).firstRow([&](const core::Statement& r) { erased = r.optionalText(0); }, "no customer " + id));
        if (erased) return core::failedPrecondition("customer " + id + " was erased on " + *erased);
    }
    std::optional<std::string> email, phone;
    if (!c.email.empty()) email = c.email;
    if (!c.phone.empty()) phone = c.phone;
    FD_ASSIGN(auto* upsert, m_db.cached("INSERT INTO customers (id, name, email, phone, created_at, updated_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET name = ?2, email = ?3,"
                                        " phone = ?4, updated_at = ?5"));
    FD_TRY(upsert->bindAll(id, c.name, email, phone, now).run());
    // Their name is in the member and booking datasets.
    FD_ASSIGN(auto* stores, m_db.cached("SELECT DISTINCT store FROM members WHERE customer = ?"));
    std::vector<std::string> memberStores;
    FD_TRY(stores->bind(1, id).forEachRow([&](const core::Statement& r) { memberStores.push_back(r.text(0)); }));
    for (const auto& store : memberStores) FD_TRY(markDirty(m_db, "members", store, now));
    // Personal data stays out of the audit detail: the audit trail outlives an erasure.
    FD_TRY(audit(m_db, {now, actor, c.id.empty() ? "customer.add" : "customer.change", id, json::object()}));
    FD_TRY(tx->commit());
    return id;
}

Result<json> Customers::search(const std::string& text, int limit) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT id, name, email, phone FROM customers WHERE erased_at IS NULL AND"
                                      " (name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\') ORDER BY name LIMIT ?2"));
    std::string pattern;
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += ch;
    }
    pattern += '%';
    json list = json::array();
    FD_TRY(stmt->bindAll(pattern, limit).forEachRow([&](const core::Statement& r) {
        list.push_back({{"id", r.text(0)}, {"name", r.text(1)}, {"email", orNull(r.optionalText(2))},
                        {"phone", orNull(r.optionalText(3))}});
    }));
    return json{{"customers", std::move(list)}};
}

Result<json> Customers::view(const std::string& id) {
    ReadTransaction read(m_db);
    const core::TimePoint now = m_clock.now();
    const std::string today = core::formatIso8601(now).substr(0, 10);
    json customer;
    FD_ASSIGN(auto* find, m_db.cached("SELECT name, email, phone, created_at, updated_at, erased_at FROM customers WHERE id = ?"));
    FD_TRY(find->bind(1, id).firstRow(
        [&](const core::Statement& r) {
            customer = {{"id", id}, {"name", r.text(0)}, {"email", orNull(r.optionalText(1))},
                        {"phone", orNull(r.optionalText(2))}, {"created_at", r.text(3)}, {"updated_at", r.text(4)},
                        {"erased_at", orNull(r.optionalText(5))}};
        },
        "no customer " + id));

    json memberships = json::array();
    FD_ASSIGN(auto* members, m_db.cached("SELECT id, store, valid_until, status, card_sha256 IS NOT NULL FROM members"
                                         " WHERE customer = ? ORDER BY id"));
    FD_TRY(members->bind(1, id).forEachRow([&](const core::Statement& r) {
        memberships.push_back({{"id", r.text(0)}, {"store", r.text(1)}, {"valid_until", r.text(2)}, {"status", r.text(3)},
                               {"state", memberState(r.text(3), r.text(2), today)}, {"has_card", r.int64(4) != 0}});
    }));

    json bookings = json::array();
    FD_ASSIGN(auto* booked, m_db.cached("SELECT id, store, resource, starts_at, ends_at, status, checked_in_at FROM bookings"
                                        " WHERE customer = ? ORDER BY starts_at DESC"));
    FD_TRY(booked->bind(1, id).forEachRow([&](const core::Statement& r) {
        bookings.push_back({{"id", r.text(0)}, {"store", r.text(1)}, {"resource", r.text(2)}, {"starts_at", r.text(3)},
                            {"ends_at", r.text(4)}, {"status", r.text(5)}, {"checked_in_at", orNull(r.optionalText(6))}});
    }));

    // Visits and purchases name the customer, or one of their memberships.
    constexpr const char* kTheirs = "(customer = ?1 OR member IN (SELECT id FROM members WHERE customer = ?1))";
    json visits = json::array();
    std::int64_t admitted = 0, recent = 0;
    std::optional<std::string> lastVisit;
    const std::string since = core::formatIso8601(now - std::chrono::hours(24 * 90));
    FD_ASSIGN(auto* visited, m_db.cached(std::string("SELECT store, terminal, kind, booking, member, outcome, reason, at"
                                                     " FROM visits WHERE ") + kTheirs + " ORDER BY at DESC"));
    FD_TRY(visited->bind(1, id).forEachRow([&](const core::Statement& r) {
        visits.push_back({{"store", r.text(0)}, {"terminal", r.text(1)}, {"kind", r.text(2)},
                          {"booking", orNull(r.optionalText(3))}, {"member", orNull(r.optionalText(4))},
                          {"outcome", r.text(5)}, {"reason", r.text(6)}, {"at", r.text(7)}});
        if (r.text(2) == "checkin" && r.text(5) == "admitted") {
            ++admitted;
            if (r.text(7) >= since) ++recent;
            if (!lastVisit) lastVisit = r.text(7);
        }
    }));

    json purchases = json::array();
    std::int64_t sales = 0, refunds = 0;
    std::map<std::string, std::int64_t> spend;
    FD_ASSIGN(auto* bought, m_db.cached(std::string("SELECT event_id, store, kind, receipt, gross_minor, currency, items, at"
                                                    " FROM customer_sales WHERE ") + kTheirs + " ORDER BY at DESC"));
    FD_TRY(bought->bind(1, id).forEachRow([&](const core::Statement& r) {
        const bool refund = r.text(2) == "refund";
        purchases.push_back({{"event", r.text(0)}, {"store", r.text(1)}, {"kind", r.text(2)}, {"receipt", r.text(3)},
                             {"gross", r.int64(4)}, {"currency", r.text(5)}, {"items", json::parse(r.text(6), nullptr, false)},
                             {"at", r.text(7)}});
        (refund ? refunds : sales) += 1;
        spend[r.text(5)] += refund ? -r.int64(4) : r.int64(4);
    }));

    return json{{"customer", customer},
                {"memberships", memberships},
                {"bookings", bookings},
                {"visits", visits},
                {"purchases", purchases},
                {"summary",
                 {{"purchases", sales}, {"refunds", refunds}, {"spend", spend}, {"visits", admitted},
                  {"visits_90_days", recent}, {"last_visit", orNull(lastVisit)}}}};
}

Result<json> Customers::exportData(const std::string& id, const std::string& actor) {
    FD_ASSIGN(json data, view(id));
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(audit(m_db, {now, actor, "customer.export", id, {{"article", "GDPR 15"}}}));
    FD_TRY(tx->commit());
    data["exported_at"] = now;
    return data;
}

Status Customers::erase(const std::string& id, const std::string& actor, const std::string& reason) {
    if (reason.empty()) return core::invalidArgument("reason: the request's reference is required");
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* find, m_db.cached("SELECT erased_at FROM customers WHERE id = ?"));
    std::optional<std::string> erased;
    FD_TRY(find->bind(1, id).firstRow([&](const core::Statement& r) { erased = r.optionalText(0); }, "no customer " + id));
    if (erased) return core::failedPrecondition("customer " + id + " was erased on " + *erased);
    // The pseudonym is derived from the id, which is not personal data: the rows stay joined.
    const std::string pseudonym = "erased customer " + id.substr(0, 8);
    FD_ASSIGN(auto* person, m_db.cached("UPDATE customers SET name = ?, email = NULL, phone = NULL, erased_at = ?,"
                                        " updated_at = ? WHERE id = ?"));
    FD_TRY(person->bindAll(pseudonym, now, now, id).run());
    FD_ASSIGN(auto* cards, m_db.cached("UPDATE members SET card_sha256 = NULL, status = 'suspended', updated_at = ?"
                                       " WHERE customer = ? RETURNING store"));
    std::vector<std::string> stores;
    FD_TRY(cards->bindAll(now, id).forEachRow([&](const core::Statement& r) { stores.push_back(r.text(0)); }));
    FD_ASSIGN(auto* booked, m_db.cached("UPDATE bookings SET name = ?, updated_at = ? WHERE customer = ? RETURNING store"));
    std::vector<std::string> bookingStores;
    FD_TRY(booked->bindAll(pseudonym, now, id).forEachRow([&](const core::Statement& r) { bookingStores.push_back(r.text(0)); }));
    FD_ASSIGN(auto* visits, m_db.cached("UPDATE visits SET detail = '{}' WHERE customer = ?"));
    FD_TRY(visits->bind(1, id).run());
    for (const auto& store : stores) FD_TRY(markDirty(m_db, "members", store, now));
    for (const auto& store : bookingStores) FD_TRY(markDirty(m_db, "bookings", store, now));
    FD_TRY(audit(m_db, {now, actor, "customer.erase", id, {{"article", "GDPR 17"}, {"reason", reason}}}));
    return tx->commit();
}

}  // namespace frontdesk::backoffice
