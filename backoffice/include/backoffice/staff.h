#pragma once
// The store's staff (docs/backoffice.md, "Staffing"): employees with their role, PIN and badge,
// published to the store's terminals as the "staff" dataset; the rota (planned shifts); and the
// time clock, from the terminals' clock.in / clock.out events, set against the rota.
//
// PINs are kept only as Argon2id hashes and badges only as core::badgeDigest, here and in the
// dataset: a terminal verifies a PIN against the hash and finds a scanned badge by its digest.
// Every change to a store's employees cuts a new staff dataset version (the whole active staff)
// in the same transaction, so what the terminals get is always one consistent set.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/password.h"

namespace frontdesk::backoffice {

// The roles of the store's people. The first four work at terminals; a back-office clerk and an
// admin are listed for the rota and the time clock.
inline constexpr const char* kStaffRoles[] = {"cashier", "supervisor", "manager", "receptionist", "clerk", "admin"};

struct EmployeeChange {
    std::string id;     // the staff id the terminals know (events' staff, approved_by): 1-32 characters
    std::string store;
    std::string name;
    std::string role;   // one of kStaffRoles
    std::optional<std::string> pin;    // 4-12 digits; unchanged when absent
    std::optional<std::string> badge;  // 4-64 printable characters; unchanged when absent, "" removes it
    bool active = true;
};

struct Employee {
    std::string id, store, name, role, updatedAt;
    bool active = true, hasPin = false, hasBadge = false;
};

class Staff {
public:
    Staff(core::Database& db, const core::Clock& clock, core::HashStrength strength = core::HashStrength::Interactive)
        : m_db(db), m_clock(clock), m_strength(strength) {}

    // Adds an employee or changes one (a deactivated employee leaves the terminals); cuts the
    // store's next staff version. InvalidArgument naming the field; NotFound for an unknown store;
    // AlreadyExists for a badge another employee has. Audited as actor.
    [[nodiscard]] core::Status save(const EmployeeChange& change, const std::string& actor);
    [[nodiscard]] core::Result<std::vector<Employee>> list(const std::string& store);
    // The store's newest staff dataset version: {"version", "body"}; nullopt before the first.
    [[nodiscard]] core::Result<std::optional<std::pair<std::int64_t, std::string>>> latestDataset(const std::string& store);

    // Rota: a planned shift of an employee of the store, [startsAt, endsAt) in ISO 8601 UTC, at
    // most 24 hours. Returns its id. InvalidArgument naming the field; NotFound for an unknown
    // employee.
    [[nodiscard]] core::Result<std::int64_t> plan(const std::string& employee, const std::string& startsAt,
                                                  const std::string& endsAt, const std::string& note,
                                                  const std::string& actor);
    [[nodiscard]] core::Status unplan(std::int64_t id, const std::string& actor);
    // {"store", "from", "to", "rota": [{"id", "employee", "name", "starts_at", "ends_at", "note"}]}
    [[nodiscard]] core::Result<nlohmann::json> rota(const std::string& store, const std::string& from,
                                                    const std::string& to);

    // Hours per employee in [from, to): {"store", "from", "to", "employees": [{"employee", "name",
    // "planned_minutes", "worked_minutes", "difference_minutes", "clocked_in_since",
    // "missing_clock_outs": [at], "missing_clock_ins": [at], "known"}]}. Worked time is each
    // clock-in to its clock-out, clipped to the period. A clock-in followed by another clock-in,
    // or still open after kMaxShiftHours, is a missing clock-out (not counted); a clock-out
    // without a clock-in is a missing clock-in. Punches by staff the back office does not know
    // are reported with known = false.
    static constexpr int kMaxShiftHours = 16;
    [[nodiscard]] core::Result<nlohmann::json> hours(const std::string& store, const std::string& from,
                                                     const std::string& to);

private:
    [[nodiscard]] core::Status cutVersion(const std::string& store, const std::string& now);

    core::Database& m_db;
    const core::Clock& m_clock;
    core::HashStrength m_strength;
};

}  // namespace frontdesk::backoffice
