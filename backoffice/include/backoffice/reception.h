#pragma once
// Reception data (docs/backoffice.md, "Reception"): members, bookings and the visitor block list
// of a store, published to its terminals as the "members", "bookings" and "blocklist" datasets,
// and what the terminals' check-ins, check-outs and visitors did to them (attendance, no-shows).
//
// Changes mark their dataset dirty; the service cuts a new version of a dirty dataset at most
// every kCutInterval (so a busy desk's check-ins do not cut the member list at every visit), and
// the bookings again each day (the terminals hold today's and the next kBookingDays' bookings).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"

namespace frontdesk::backoffice {

struct MemberInput {
    std::string id;  // the membership id printed on the card: 1-40 of A-Z a-z 0-9 - _
    std::string store;
    std::string customer;             // an existing customer
    std::optional<std::string> card;  // the card's id, kept as core::badgeDigest; absent: unchanged, "": none
    std::string validUntil;           // YYYY-MM-DD, the last day
    std::string status = "active";    // active or suspended
};

struct BookingInput {
    std::string id;  // "" for a new booking (a UUIDv7 is made)
    std::string store;
    std::string customer;          // optional
    std::string name;              // who is expected
    std::string resource;          // with whom, or which room
    std::string startsAt, endsAt;  // ISO 8601 UTC
};

inline constexpr const char* kReceptionDatasets[] = {"members", "bookings", "blocklist"};

class Reception {
public:
    static constexpr std::chrono::minutes kNoShowGrace{15};
    static constexpr int kBookingDays = 14;

    Reception(core::Database& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // InvalidArgument naming the field; NotFound for an unknown store or customer; AlreadyExists
    // for a card another member has.
    [[nodiscard]] core::Status saveMember(const MemberInput& input, const std::string& actor);
    // Returns the booking's id.
    [[nodiscard]] core::Result<std::string> book(const BookingInput& input, const std::string& actor);
    // FailedPrecondition once checked in.
    [[nodiscard]] core::Status cancelBooking(const std::string& id, const std::string& actor);
    [[nodiscard]] core::Result<std::int64_t> block(const std::string& store, const std::string& name,
                                                   const std::string& company, const std::string& reason,
                                                   const std::string& actor);
    [[nodiscard]] core::Status unblock(std::int64_t id, const std::string& actor);

    // {"members": [{"id", "customer", "name", "valid_until", "status", "state", "has_card"}]}
    [[nodiscard]] core::Result<nlohmann::json> members(const std::string& store);
    // Bookings starting in [from, to), each with its state: booked, checked_in, completed,
    // cancelled, or no_show (still booked kNoShowGrace after its start).
    [[nodiscard]] core::Result<nlohmann::json> bookings(const std::string& store, const std::string& from,
                                                        const std::string& to);
    [[nodiscard]] core::Result<nlohmann::json> blockList(const std::string& store);
    // {"bookings": {"booked", "attended", "no_show", "cancelled", "upcoming"}, "checkins":
    //  {"admitted", "refused", "by_reason": {...}}, "visitors", "members_visiting", "queue": {"taken",
    //  "called", "average_wait_seconds", "longest_wait_seconds"}}
    [[nodiscard]] core::Result<nlohmann::json> attendance(const std::string& store, const std::string& from,
                                                          const std::string& to);

    // Cuts a new version of each reception dataset of the store that is dirty (and was last cut
    // at least `interval` ago) and of the bookings when the last was cut on an earlier day.
    // Returns how many versions it cut.
    [[nodiscard]] core::Result<int> cutDatasets(const std::string& store, std::chrono::seconds interval);

private:
    [[nodiscard]] core::Status cut(const std::string& dataset, const std::string& store, const std::string& now);
    [[nodiscard]] core::Result<nlohmann::json> queueFigures(const std::string& store, const std::string& start,
                                                            const std::string& end);

    core::Database& m_db;
    const core::Clock& m_clock;
};

// Marks a reception dataset of the store to be cut again (inside the caller's transaction).
[[nodiscard]] core::Status markDirty(core::Database& db, const std::string& dataset, const std::string& store,
                                     const std::string& now);
// The member's state on `day` (YYYY-MM-DD): suspended, expired (past valid_until) or active.
[[nodiscard]] std::string memberState(const std::string& status, const std::string& validUntil, const std::string& day);

}  // namespace frontdesk::backoffice
