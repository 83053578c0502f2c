#include "backoffice/reception.h"

#include <algorithm>

#include "backoffice/audit.h"
#include "backoffice/backoffice_db.h"
#include "core/ids.h"
#include "core/password.h"
#include "dataset_versions.h"
#include "json_or_null.h"
#include "read_transaction.h"

namespace frontdesk::backoffice {

using core::ErrorKind;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

bool isDay(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return core::parseIso8601(text + "T00:00:00Z").ok();
}

std::string dayOf(core::TimePoint t) {
    return core::formatIso8601(t).substr(0, 10);
}

Result<std::string> utcTime(const std::string& text, const char* field) {
    auto parsed = core::parseIso8601(text);
    if (!parsed.ok()) return core::invalidArgument(std::string(field) + ": " + parsed.status().message());
    return core::formatIso8601(*parsed);
}

Status requireText(const std::string& value, const char* field, std::size_t max) {
    if (value.empty() || value.size() > max) {
        return core::invalidArgument(std::string(field) + ": 1 to " + std::to_string(max) + " characters");
    }
    return {};
}

Status requireCustomer(core::Database& db, const std::string& id) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT erased_at FROM customers WHERE id = ?"));
    std::optional<std::string> erased;
    FD_TRY(stmt->bind(1, id).firstRow([&](const core::Statement& r) { erased = r.optionalText(0); },
                                      "customer: no customer " + id));
    if (erased) return core::failedPrecondition("customer: " + id + " was erased");
    return {};
}

}  // namespace

std::string memberState(const std::string& status, const std::string& validUntil, const std::string& day) {
    if (status == "suspended") return "suspended";
    return validUntil < day ? "expired" : "active";
}

Status markDirty(core::Database& db, const std::string& dataset, const std::string& store, const std::string& now) {
    FD_ASSIGN(auto* stmt, db.cached("INSERT INTO dataset_dirty (dataset, store, since) VALUES (?, ?, ?)"
                                    " ON CONFLICT(dataset, store) DO NOTHING"));
    return stmt->bindAll(dataset, store, now).run();
}

Status Reception::saveMember(const MemberInput& m, const std::string& actor) {
    if (m.id.empty() || m.id.size() > 40 ||
        m.id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
            std::string::npos) {
        return core::invalidArgument("id: 1 to 40 characters of letters, digits, '-' and '_'");
    }
    if (!isDay(m.validUntil)) return core::invalidArgument("valid_until: a day as YYYY-MM-DD");
    if (m.status != "active" && m.status != "suspended") return core::invalidArgument("status: active or suspended");
    if (m.card && !m.card->empty() && (m.card->size() < 4 || m.card->size() > 64)) {
        return core::invalidArgument("card: 4 to 64 characters");
    }
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(loadStore(m_db, m.store).status());
    FD_TRY(requireCustomer(m_db, m.customer));
    std::optional<std::string> card;
    if (m.card && !m.card->empty()) {
        card = core::badgeDigest(*m.card);
        FD_ASSIGN(auto* taken, m_db.cached("SELECT id FROM members WHERE card_sha256 = ? AND id <> ?"));
        std::string other;
        if (taken->bindAll(*card, m.id).firstRow([&](const core::Statement& r) { other = r.text(0); }, "").ok()) {
            return Status(ErrorKind::AlreadyExists, "card: already given to member " + other);
        }
    }
    FD_ASSIGN(auto* upsert,
              m_db.cached("INSERT INTO members (id, store, customer, card_sha256, valid_until, status, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET store = ?2,"
                          " customer = ?3, card_sha256 = CASE WHEN ?8 THEN ?4 ELSE card_sha256 END,"
                          " valid_until = ?5, status = ?6, updated_at = ?7"));
    FD_TRY(upsert->bindAll(m.id, m.store, m.customer, card, m.validUntil, m.status, now, m.card ? 1 : 0).run());
    FD_TRY(markDirty(m_db, "members", m.store, now));
    FD_TRY(audit(m_db, {now,
                        actor,
                        "member.save",
                        m.id,
                        {{"customer", m.customer}, {"valid_until", m.validUntil}, {"status", m.status}}}));
    return tx->commit();
}

Result<std::string> Reception::book(const BookingInput& b, const std::string& actor) {
    FD_TRY(requireText(b.name, "name", 200));
    FD_TRY(requireText(b.resource, "resource", 200));
    FD_ASSIGN(std::string starts, utcTime(b.startsAt, "starts_at"));
    FD_ASSIGN(std::string ends, utcTime(b.endsAt, "ends_at"));
    if (ends <= starts) return core::invalidArgument("ends_at: after starts_at");
    if (!b.id.empty() && !core::isUuidV7(b.id)) return core::invalidArgument("id: not a UUIDv7");
    const std::string id = b.id.empty() ? core::UuidV7Generator(m_clock).next() : b.id;
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(loadStore(m_db, b.store).status());
    if (!b.customer.empty()) FD_TRY(requireCustomer(m_db, b.customer));
    std::optional<std::string> customer;
    if (!b.customer.empty()) customer = b.customer;
    FD_ASSIGN(auto* upsert,
              m_db.cached("INSERT INTO bookings (id, store, customer, name, resource, starts_at, ends_at, status,"
                          " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'booked', ?8) ON CONFLICT(id) DO UPDATE"
                          " SET customer = ?3, name = ?4, resource = ?5, starts_at = ?6, ends_at = ?7,"
                          " updated_at = ?8 WHERE store = ?2 AND status = 'booked'"));
    FD_TRY(upsert->bindAll(id, b.store, customer, b.name, b.resource, starts, ends, now).run());
    if (m_db.changes() == 0) return core::failedPrecondition("id: booking " + id + " is checked in, done or cancelled");
    FD_TRY(markDirty(m_db, "bookings", b.store, now));
    FD_TRY(audit(m_db, {now, actor, "booking.save", id, {{"resource", b.resource}, {"starts_at", starts}}}));
    FD_TRY(tx->commit());
    return id;
}

Status Reception::cancelBooking(const std::string& id, const std::string& actor) {
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* find, m_db.cached("SELECT store, status FROM bookings WHERE id = ?"));
    std::string store, status;
    FD_TRY(find->bind(1, id).firstRow(
        [&](const core::Statement& r) {
            store = r.text(0);
            status = r.text(1);
        },
        "no booking " + id));
    if (status != "booked")
        return core::failedPrecondition("booking " + id + " is " + status + ": it cannot be cancelled");
    FD_ASSIGN(auto* cancel, m_db.cached("UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE id = ?"));
    FD_TRY(cancel->bindAll(now, id).run());
    FD_TRY(markDirty(m_db, "bookings", store, now));
    FD_TRY(audit(m_db, {now, actor, "booking.cancel", id, json::object()}));
    return tx->commit();
}

Result<std::int64_t> Reception::block(const std::string& store, const std::string& name, const std::string& company,
                                      const std::string& reason, const std::string& actor) {
    FD_TRY(requireText(name, "name", 200));
    FD_TRY(requireText(reason, "reason", 500));
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(loadStore(m_db, store).status());
    FD_ASSIGN(auto* insert,
              m_db.cached("INSERT INTO blocked_visitors (store, name, company, reason, added_by, added_at)"
                          " VALUES (?, ?, ?, ?, ?, ?)"));
    FD_TRY(insert->bindAll(store, name, company, reason, actor, now).run());
    const std::int64_t id = m_db.lastInsertRowid();
    FD_TRY(markDirty(m_db, "blocklist", store, now));
    FD_TRY(audit(m_db, {now, actor, "visitor.block", std::to_string(id), {{"store", store}, {"reason", reason}}}));
    FD_TRY(tx->commit());
    return id;
}

Status Reception::unblock(std::int64_t id, const std::string& actor) {
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* remove, m_db.cached("UPDATE blocked_visitors SET removed_at = ? WHERE id = ? AND removed_at IS NULL"
                                        " RETURNING store"));
    std::string store;
    FD_TRY(remove->bindAll(now, id).firstRow([&](const core::Statement& r) { store = r.text(0); },
                                             "no blocked visitor " + std::to_string(id)));
    FD_TRY(markDirty(m_db, "blocklist", store, now));
    FD_TRY(audit(m_db, {now, actor, "visitor.unblock", std::to_string(id), json::object()}));
    return tx->commit();
}

Result<json> Reception::members(const std::string& store) {
    const std::string today = dayOf(m_clock.now());
    FD_ASSIGN(auto* stmt,
              m_db.cached("SELECT m.id, m.customer, c.name, m.valid_until, m.status, m.card_sha256 IS NOT NULL"
                          " FROM members m JOIN customers c ON c.id = m.customer WHERE m.store = ? ORDER BY m.id"));
    json list = json::array();
    FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& r) {
        list.push_back({{"id", r.text(0)},
                        {"customer", r.text(1)},
                        {"name", r.text(2)},
                        {"valid_until", r.text(3)},
                        {"status", r.text(4)},
                        {"state", memberState(r.text(4), r.text(3), today)},
                        {"has_card", r.int64(5) != 0}});
    }));
    return json{{"store", store}, {"members", std::move(list)}};
}

Result<json> Reception::bookings(const std::string& store, const std::string& from, const std::string& to) {
    FD_ASSIGN(std::string start, utcTime(from, "from"));
    FD_ASSIGN(std::string end, utcTime(to, "to"));
    const core::TimePoint now = m_clock.now();
    FD_ASSIGN(auto* stmt,
              m_db.cached("SELECT id, customer, name, resource, starts_at, ends_at, status, checked_in_at,"
                          " checked_out_at FROM bookings WHERE store = ? AND starts_at >= ? AND starts_at < ?"
                          " ORDER BY starts_at, id"));
    json list = json::array();
    FD_TRY(stmt->bindAll(store, start, end).forEachRow([&](const core::Statement& r) {
        std::string state = r.text(6);
        auto starts = core::parseIso8601(r.text(4));
        if (state == "booked" && starts.ok() && now > *starts + kNoShowGrace) state = "no_show";
        list.push_back({{"id", r.text(0)},
                        {"customer", orNull(r.optionalText(1))},
                        {"name", r.text(2)},
                        {"resource", r.text(3)},
                        {"starts_at", r.text(4)},
                        {"ends_at", r.text(5)},
                        {"state", state},
                        {"checked_in_at", orNull(r.optionalText(7))},
                        {"checked_out_at", orNull(r.optionalText(8))}});
    }));
    return json{{"store", store}, {"from", from}, {"to", to}, {"bookings", std::move(list)}};
}

Result<json> Reception::blockList(const std::string& store) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT id, name, company, reason, added_by, added_at FROM blocked_visitors"
                                      " WHERE store = ? AND removed_at IS NULL ORDER BY id"));
    json list = json::array();
    FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& r) {
        list.push_back({{"id", r.int64(0)},
                        {"name", r.text(1)},
                        {"company", r.text(2)},
                        {"reason", r.text(3)},
                        {"added_by", r.text(4)},
                        {"added_at", r.text(5)}});
    }));
    return json{{"store", store}, {"blocked", std::move(list)}};
}

Result<json> Reception::attendance(const std::string& store, const std::string& from, const std::string& to) {
    FD_ASSIGN(std::string start, utcTime(from, "from"));
    FD_ASSIGN(std::string end, utcTime(to, "to"));
    ReadTransaction read(m_db);
    FD_ASSIGN(json listed, bookings(store, from, to));
    json counts{{"booked", 0}, {"attended", 0}, {"no_show", 0}, {"cancelled", 0}, {"upcoming", 0}};
    for (const auto& b : listed["bookings"]) {
        const std::string state = b["state"];
        counts["booked"] = counts["booked"].get<int>() + (state == "cancelled" ? 0 : 1);
        const char* bucket = state == "checked_in" || state == "completed" ? "attended"
                             : state == "booked"                           ? "upcoming"
                                                                           : state.c_str();
        counts[bucket] = counts[bucket].get<int>() + 1;
    }
    FD_ASSIGN(auto* visits, m_db.cached("SELECT kind, outcome, reason, count(*), count(DISTINCT member) FROM visits"
                                        " WHERE store = ? AND at >= ? AND at < ? GROUP BY kind, outcome, reason"));
    json checkins{{"admitted", 0}, {"refused", 0}, {"by_reason", json::object()}};
    std::int64_t visitors = 0, membersVisiting = 0;
    FD_TRY(visits->bindAll(store, start, end).forEachRow([&](const core::Statement& r) {
        const std::string kind = r.text(0), outcome = r.text(1), reason = r.text(2);
        if (kind == "visitor_in") visitors += r.int64(3);
        if (kind != "checkin") return;
        checkins[outcome] = checkins.value(outcome, 0) + r.int64(3);
        if (outcome == "refused") checkins["by_reason"][reason] = r.int64(3);
        membersVisiting += r.int64(4);
    }));
    FD_ASSIGN(json queue, queueFigures(store, start, end));
    return json{{"store", store},
                {"from", from},
                {"to", to},
                {"bookings", counts},
                {"checkins", checkins},
                {"visitors", visitors},
                {"members_visiting", membersVisiting},
                {"queue", queue}};
}

// Tickets taken in [start, end): how many, how many were called, and how long the called ones
// waited, in whole seconds (average and longest). Computed here from the ISO times, so the SQL
// stays portable.
Result<json> Reception::queueFigures(const std::string& store, const std::string& start, const std::string& end) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT taken_at, called_at FROM queue_tickets"
                                      " WHERE store = ? AND taken_at >= ? AND taken_at < ?"));
    std::int64_t taken = 0, called = 0, totalWait = 0, longest = 0;
    FD_TRY(stmt->bindAll(store, start, end).forEachRow([&](const core::Statement& r) {
        ++taken;
        auto calledAt = r.optionalText(1);
        if (!calledAt) return;
        auto from = core::parseIso8601(r.text(0));
        auto to = core::parseIso8601(*calledAt);
        if (!from.ok() || !to.ok()) return;
        ++called;
        const auto wait =
            std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(*to - *from).count());
        totalWait += wait;
        longest = std::max(longest, wait);
    }));
    return json{{"taken", taken},
                {"called", called},
                {"average_wait_seconds", called == 0 ? 0 : totalWait / called},
                {"longest_wait_seconds", longest}};
}

Status Reception::cut(const std::string& dataset, const std::string& store, const std::string& now) {
    FD_ASSIGN(std::int64_t version, nextDatasetVersion(m_db, dataset, store));
    DatasetBody body(dataset, version, store);
    const core::TimePoint at = m_clock.now();
    if (dataset == "members") {
        // Status and the last 90 days' visits, so the desk sees them offline.
        FD_ASSIGN(
            auto* stmt,
            m_db.cached("SELECT m.id, c.name, m.card_sha256, m.valid_until, m.status,"
                        " (SELECT count(*) FROM visits v WHERE v.member = m.id AND v.kind = 'checkin' AND v.outcome = "
                        "'admitted' AND v.at >= ?2),"
                        " (SELECT max(at) FROM visits v WHERE v.member = m.id AND v.kind = 'checkin' AND v.outcome = "
                        "'admitted')"
                        " FROM members m JOIN customers c ON c.id = m.customer WHERE m.store = ?1 ORDER BY m.id"));
        FD_TRY(stmt->bindAll(store, core::formatIso8601(at - std::chrono::hours(24 * 90)))
                   .forEachRow([&](const core::Statement& r) {
                       json member{{"kind", "member"},         {"id", r.text(0)},     {"name", r.text(1)},
                                   {"valid_until", r.text(3)}, {"status", r.text(4)}, {"visits_90_days", r.int64(5)}};
                       if (auto card = r.optionalText(2)) member["card_sha256"] = *card;
                       if (auto last = r.optionalText(6)) member["last_visit"] = *last;
                       body.add(member);
                   }));
    } else if (dataset == "bookings") {
        const std::string from = dayOf(at) + "T00:00:00.000Z";
        const std::string to =
            core::formatIso8601(*core::parseIso8601(from) + std::chrono::hours(24 * (kBookingDays + 1)));
        FD_ASSIGN(auto* stmt,
                  m_db.cached("SELECT id, name, resource, starts_at, ends_at, status, customer,"
                              " (SELECT id FROM members WHERE customer = b.customer AND store = b.store LIMIT 1)"
                              " FROM bookings b WHERE store = ? AND starts_at >= ? AND starts_at < ?"
                              " AND status <> 'cancelled' ORDER BY starts_at, id"));
        FD_TRY(stmt->bindAll(store, from, to).forEachRow([&](const core::Statement& r) {
            json booking{{"kind", "booking"},     {"id", r.text(0)},        {"name", r.text(1)},
                         {"resource", r.text(2)}, {"starts_at", r.text(3)}, {"ends_at", r.text(4)},
                         {"status", r.text(5)}};
            if (auto customer = r.optionalText(6)) booking["customer"] = *customer;
            if (auto member = r.optionalText(7)) booking["member"] = *member;
            body.add(booking);
        }));
    } else {
        FD_ASSIGN(auto* stmt,
                  m_db.cached("SELECT id, name, company FROM blocked_visitors WHERE store = ? AND removed_at IS NULL"
                              " ORDER BY id"));
        FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& r) {
            body.add({{"kind", "blocked"}, {"id", r.int64(0)}, {"name", r.text(1)}, {"company", r.text(2)}});
        }));
    }
    FD_TRY(saveDatasetVersion(m_db, dataset, store, version, now, body));
    FD_ASSIGN(auto* clean, m_db.cached("DELETE FROM dataset_dirty WHERE dataset = ? AND store = ?"));
    return clean->bindAll(dataset, store).run();
}

Result<int> Reception::cutDatasets(const std::string& store, std::chrono::seconds interval) {
    const core::TimePoint at = m_clock.now();
    const std::string now = core::formatIso8601(at);
    const std::string earliest = core::formatIso8601(at - interval);
    int cutCount = 0;
    for (const char* dataset : kReceptionDatasets) {
        FD_ASSIGN(auto* due,
                  m_db.cached("SELECT (SELECT count(*) FROM dataset_dirty WHERE dataset = ?1 AND store = ?2),"
                              " (SELECT max(created_at) FROM dataset_versions WHERE dataset = ?1 AND store = ?2)"));
        bool dirty = false;
        std::optional<std::string> last;
        FD_TRY(due->bindAll(std::string(dataset), store).forEachRow([&](const core::Statement& r) {
            dirty = r.int64(0) > 0;
            last = r.optionalText(1);
        }));
        const bool stale = std::string(dataset) == "bookings" && last && last->substr(0, 10) < dayOf(at);
        if (!((dirty && (!last || *last <= earliest)) || stale)) continue;
        FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
        FD_TRY(cut(dataset, store, now));
        FD_TRY(tx->commit());
        ++cutCount;
    }
    return cutCount;
}

}  // namespace frontdesk::backoffice
