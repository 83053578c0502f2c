#pragma once
// ReceptionDirectory: what the desk knows of the store's members, bookings and blocked visitors,
// read from the tables the back office's datasets fill (members, bookings, blocklist; see
// docs/master-data.md). Read-only: MasterData replaces the tables' contents as each version
// arrives, and Reception marks a booking checked in or out inside its own check-in transaction.
//
// A member card is found by core::badgeDigest(card): the tables never hold a card. A visitor's
// name is matched against the block list by nameKey(), so "  sam  SPAMMER " is "Sam Spammer".
//
// Owned by whoever reads (Reception, Checkout); stateless over its Database, same thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/database.h"

namespace frontdesk::kiosk {

struct Member {
    std::string id;  // the membership id
    std::string name;
    std::string validUntil;  // the last valid day, YYYY-MM-DD (UTC)
    std::string status;      // active or suspended, as the back office set it
    std::int64_t visits90Days = 0;
    std::string lastVisit;  // "" if none
};

// "suspended", "expired" (valid_until before today, UTC) or "active". `today` is YYYY-MM-DD.
[[nodiscard]] std::string memberState(const Member& member, std::string_view today);

struct Booking {
    std::string id;  // UUIDv7, what its QR code carries
    std::string name, resource, startsAt, endsAt;
    std::string status;            // booked, checked_in or completed
    std::string customer, member;  // "" when it names none
};

// The day of a time, YYYY-MM-DD (UTC), as memberState and the day's bookings read it.
[[nodiscard]] std::string utcDay(const std::string& isoTime);
// Today as the till's clock has it, YYYY-MM-DD (UTC): the day a queue counts and bookings are for.
[[nodiscard]] std::string utcToday(const core::Clock& clock);
// A name as the block list compares it: trimmed, inner runs of spaces as one, ASCII lower case.
[[nodiscard]] std::string nameKey(std::string_view name);

class ReceptionDirectory {
public:
    explicit ReceptionDirectory(core::Database& db) : m_db(db) {}
    ReceptionDirectory(const ReceptionDirectory&) = delete;
    ReceptionDirectory& operator=(const ReceptionDirectory&) = delete;

    // NotFound when the local table does not know it.
    [[nodiscard]] core::Result<Member> member(const std::string& id);
    [[nodiscard]] core::Result<Member> memberByCard(std::string_view card);
    [[nodiscard]] core::Result<Booking> booking(const std::string& id);
    // Bookings starting on this day (YYYY-MM-DD, UTC), earliest first.
    [[nodiscard]] core::Result<std::vector<Booking>> bookingsOn(const std::string& day);
    // Whether the name is on the block list.
    [[nodiscard]] core::Result<bool> blocked(std::string_view name);

private:
    core::Result<Member> findMember(const char* column, const std::string& value, const std::string& missing);

    core::Database& m_db;
};

}  // namespace frontdesk::kiosk
