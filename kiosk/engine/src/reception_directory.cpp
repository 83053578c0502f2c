#include "kiosk/reception_directory.h"

#include "core/bounded_input.h"
#include "core/password.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Statement;

namespace {

Member memberRow(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.int64(4), row.optionalText(5).value_or("")};
}

Booking bookingRow(const Statement& row) {
    return {row.text(0),
            row.text(1),
            row.text(2),
            row.text(3),
            row.text(4),
            row.text(5),
            row.optionalText(6).value_or(""),
            row.optionalText(7).value_or("")};
}

constexpr const char* kBookingColumns =
    "SELECT id, name, resource, starts_at, ends_at, status, customer, member FROM bookings";

}  // namespace

std::string memberState(const Member& member, std::string_view today) {
    if (member.status == "suspended") return "suspended";
    return member.validUntil < today ? "expired" : "active";
}

std::string utcDay(const std::string& isoTime) {
    return isoTime.substr(0, 10);
}

std::string utcToday(const core::Clock& clock) {
    return utcDay(core::formatIso8601(clock.now()));
}

std::string nameKey(std::string_view name) {
    std::string key;
    bool space = false;
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

Result<Member> ReceptionDirectory::findMember(const char* column, const std::string& value,
                                              const std::string& missing) {
    FD_ASSIGN(auto* stmt, m_db.cached(std::string("SELECT id, name, valid_until, status, visits_90_days, last_visit"
                                                  " FROM members WHERE ") +
                                      column + " = ?"));
    Member found;
    FD_TRY(stmt->bind(1, value).firstRow([&](const Statement& row) { found = memberRow(row); }, missing));
    return found;
}

Result<Member> ReceptionDirectory::member(const std::string& id) {
    return findMember("id", id, "no member " + core::excerpt(id));
}

// The card itself is never quoted: it identifies its holder.
Result<Member> ReceptionDirectory::memberByCard(std::string_view card) {
    return findMember("card_sha256", core::badgeDigest(card), "no member holds this card");
}

Result<Booking> ReceptionDirectory::booking(const std::string& id) {
    FD_ASSIGN(auto* stmt, m_db.cached(std::string(kBookingColumns) + " WHERE id = ?"));
    Booking found;
    FD_TRY(stmt->bind(1, id).firstRow([&](const Statement& row) { found = bookingRow(row); },
                                      "no booking " + core::excerpt(id)));
    return found;
}

Result<std::vector<Booking>> ReceptionDirectory::bookingsOn(const std::string& day) {
    FD_ASSIGN(auto* stmt, m_db.cached(std::string(kBookingColumns) +
                                      " WHERE starts_at >= ?1 AND starts_at < ?1 || 'T99' ORDER BY starts_at, id"));
    std::vector<Booking> bookings;
    FD_TRY(stmt->bind(1, day).forEachRow([&](const Statement& row) { bookings.push_back(bookingRow(row)); }));
    return bookings;
}

Result<bool> ReceptionDirectory::blocked(std::string_view name) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT count(*) FROM blocklist WHERE name_key = ?"));
    bool found = false;
    FD_TRY(stmt->bind(1, nameKey(name)).firstRow([&](const Statement& row) { found = row.int64(0) > 0; }, "no count"));
    return found;
}

}  // namespace frontdesk::kiosk
