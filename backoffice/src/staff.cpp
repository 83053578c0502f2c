#include "backoffice/staff.h"

#include <algorithm>
#include <map>

#include "backoffice/audit.h"
#include "backoffice/backoffice_db.h"
#include "dataset_versions.h"
#include "read_transaction.h"
#include "json_or_null.h"

namespace frontdesk::backoffice {

using core::ErrorKind;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

Status checkEmployee(const EmployeeChange& c) {
    if (c.id.empty() || c.id.size() > 32 ||
        c.id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
        return core::invalidArgument("id: 1 to 32 characters of letters, digits, '.', '_' and '-'");
    }
    if (c.name.empty() || c.name.size() > 100) return core::invalidArgument("name: 1 to 100 characters");
    if (std::find_if(std::begin(kStaffRoles), std::end(kStaffRoles), [&](const char* r) { return c.role == r; }) ==
        std::end(kStaffRoles)) {
        return core::invalidArgument("role: cashier, supervisor, manager, receptionist, clerk or admin (got \"" +
                                     c.role.substr(0, 40) + "\")");
    }
    if (c.pin && (c.pin->size() < 4 || c.pin->size() > 12 || c.pin->find_first_not_of("0123456789") != std::string::npos)) {
        return core::invalidArgument("pin: 4 to 12 digits");
    }
    if (c.badge && !c.badge->empty()) {
        const bool printable = std::all_of(c.badge->begin(), c.badge->end(), [](char ch) { return ch > ' ' && ch < 127; });
        if (c.badge->size() < 4 || c.badge->size() > 64 || !printable) {
            return core::invalidArgument("badge: 4 to 64 printable characters without spaces");
        }
    }
    return {};
}

Result<core::TimePoint> timeField(const std::string& text, const char* field) {
    auto parsed = core::parseIso8601(text);
    if (!parsed.ok()) return core::invalidArgument(std::string(field) + ": " + parsed.status().message());
    return *parsed;
}

std::int64_t minutesBetween(core::TimePoint a, core::TimePoint b) {
    return std::chrono::duration_cast<std::chrono::minutes>(b - a).count();
}

}  // namespace

Status Staff::save(const EmployeeChange& c, const std::string& actor) {
    FD_TRY(checkEmployee(c));
    std::optional<std::string> pinHash;
    if (c.pin) {
        FD_ASSIGN(pinHash, core::hashSecret(*c.pin, m_strength));
    }
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(loadStore(m_db, c.store).status());
    if (c.badge && !c.badge->empty()) {
        FD_ASSIGN(auto* taken, m_db.cached("SELECT id FROM employees WHERE badge_sha256 = ? AND id <> ?"));
        std::string other;
        if (taken->bindAll(core::badgeDigest(*c.badge), c.id).firstRow([&](const core::Statement& r) { other = r.text(0); }, "").ok()) {
            return Status(ErrorKind::AlreadyExists, "badge: already given to employee " + other);
        }
    }
    FD_ASSIGN(auto* upsert,
              m_db.cached("INSERT INTO employees (id, store, name, role, pin_hash, badge_sha256, active, updated_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET store = ?2, name = ?3,"
                          " role = ?4, pin_hash = coalesce(?5, pin_hash),"
                          " badge_sha256 = CASE WHEN ?9 THEN ?6 ELSE badge_sha256 END, active = ?7, updated_at = ?8"));
    std::optional<std::string> badge;
    if (c.badge && !c.badge->empty()) badge = core::badgeDigest(*c.badge);
    FD_TRY(upsert->bindAll(c.id, c.store, c.name, c.role, pinHash, badge, c.active ? 1 : 0, now, c.badge ? 1 : 0).run());
    FD_TRY(cutVersion(c.store, now));
    FD_TRY(audit(m_db, {now, actor, "employee.save", c.id,
                        {{"store", c.store}, {"role", c.role}, {"active", c.active}, {"pin_changed", c.pin.has_value()},
                         {"badge_changed", c.badge.has_value()}}}));
    return tx->commit();
}

// The store's active staff as the terminals take it (docs/backoffice.md, "Staffing"): a header
// line, then one line per member with their hashes only.
Status Staff::cutVersion(const std::string& store, const std::string& now) {
    FD_ASSIGN(std::int64_t version, nextDatasetVersion(m_db, "staff", store));
    DatasetBody body("staff", version, store);
    FD_ASSIGN(auto* members, m_db.cached("SELECT id, name, role, pin_hash, badge_sha256 FROM employees"
                                         " WHERE store = ? AND active = 1 AND pin_hash IS NOT NULL ORDER BY id"));
    FD_TRY(members->bind(1, store).forEachRow([&](const core::Statement& r) {
        json member{{"kind", "member"}, {"id", r.text(0)}, {"name", r.text(1)}, {"role", r.text(2)}, {"pin_hash", r.text(3)}};
        if (auto badge = r.optionalText(4)) member["badge_sha256"] = *badge;
        body.add(member);
    }));
    return saveDatasetVersion(m_db, "staff", store, version, now, body);
}

Result<std::vector<Employee>> Staff::list(const std::string& store) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT id, store, name, role, updated_at, active, pin_hash IS NOT NULL,"
                                      " badge_sha256 IS NOT NULL FROM employees WHERE store = ? ORDER BY id"));
    std::vector<Employee> employees;
    FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& r) {
        employees.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5) != 0, r.int64(6) != 0,
                             r.int64(7) != 0});
    }));
    return employees;
}

Result<std::optional<std::pair<std::int64_t, std::string>>> Staff::latestDataset(const std::string& store) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT version, body FROM dataset_versions WHERE dataset = 'staff' AND store = ?"
                                      " ORDER BY version DESC LIMIT 1"));
    std::optional<std::pair<std::int64_t, std::string>> latest;
    FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& r) { latest.emplace(r.int64(0), r.text(1)); }));
    return latest;
}

Result<std::int64_t> Staff::plan(const std::string& employee, const std::string& startsAt, const std::string& endsAt,
                                 const std::string& note, const std::string& actor) {
    FD_ASSIGN(auto starts, timeField(startsAt, "starts_at"));
    FD_ASSIGN(auto ends, timeField(endsAt, "ends_at"));
    if (ends <= starts || ends - starts > std::chrono::hours(24)) {
        return core::invalidArgument("ends_at: after starts_at, at most 24 hours later");
    }
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* store, m_db.cached("SELECT store FROM employees WHERE id = ?"));
    std::string storeId;
    FD_TRY(store->bind(1, employee).firstRow([&](const core::Statement& r) { storeId = r.text(0); },
                                             "employee: no employee " + employee));
    FD_ASSIGN(auto* insert, m_db.cached("INSERT INTO rota (store, employee, starts_at, ends_at, note) VALUES (?, ?, ?, ?, ?)"));
    FD_TRY(insert->bindAll(storeId, employee, core::formatIso8601(starts), core::formatIso8601(ends), note).run());
    const std::int64_t id = m_db.lastInsertRowid();
    FD_TRY(audit(m_db, {now, actor, "rota.plan", employee, {{"id", id}, {"starts_at", startsAt}, {"ends_at", endsAt}}}));
    FD_TRY(tx->commit());
    return id;
}

Status Staff::unplan(std::int64_t id, const std::string& actor) {
    const std::string now = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* remove, m_db.cached("DELETE FROM rota WHERE id = ? RETURNING employee"));
    std::string employee;
    FD_TRY(remove->bind(1, id).firstRow([&](const core::Statement& r) { employee = r.text(0); },
                                        "no planned shift " + std::to_string(id)));
    FD_TRY(audit(m_db, {now, actor, "rota.unplan", employee, {{"id", id}}}));
    return tx->commit();
}

Result<json> Staff::rota(const std::string& store, const std::string& from, const std::string& to) {
    FD_ASSIGN(auto start, timeField(from, "from"));
    FD_ASSIGN(auto end, timeField(to, "to"));
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT r.id, r.employee, coalesce(e.name, ''), r.starts_at, r.ends_at, r.note FROM rota r"
                                      " LEFT JOIN employees e ON e.id = r.employee"
                                      " WHERE r.store = ? AND r.ends_at > ? AND r.starts_at < ? ORDER BY r.starts_at, r.employee"));
    json shifts = json::array();
    FD_TRY(stmt->bindAll(store, core::formatIso8601(start), core::formatIso8601(end)).forEachRow([&](const core::Statement& r) {
        shifts.push_back({{"id", r.int64(0)}, {"employee", r.text(1)}, {"name", r.text(2)}, {"starts_at", r.text(3)},
                          {"ends_at", r.text(4)}, {"note", r.text(5)}});
    }));
    return json{{"store", store}, {"from", from}, {"to", to}, {"rota", std::move(shifts)}};
}

Result<json> Staff::hours(const std::string& store, const std::string& from, const std::string& to) {
    FD_ASSIGN(auto start, timeField(from, "from"));
    FD_ASSIGN(auto end, timeField(to, "to"));
    if (end <= start) return core::invalidArgument("to: after from");
    const core::TimePoint now = m_clock.now();
    ReadTransaction read(m_db);
    struct Row {
        std::int64_t planned = 0, worked = 0;
        std::optional<std::string> clockedInSince;
        json missingOut = json::array(), missingIn = json::array();
    };
    std::map<std::string, Row> rows;  // the active staff, and anyone else planned or punching in the period
    std::map<std::string, std::string> names;
    FD_ASSIGN(auto* employees, m_db.cached("SELECT id, name, active FROM employees WHERE store = ?"));
    FD_TRY(employees->bind(1, store).forEachRow([&](const core::Statement& r) {
        names[r.text(0)] = r.text(1);
        if (r.int64(2) != 0) rows[r.text(0)];
    }));
    const auto clip = [&](core::TimePoint a, core::TimePoint b) {
        return std::max<std::int64_t>(0, minutesBetween(std::max(a, start), std::min(b, end)));
    };
    FD_ASSIGN(auto* planned, m_db.cached("SELECT employee, starts_at, ends_at FROM rota WHERE store = ? AND ends_at > ? AND starts_at < ?"));
    FD_TRY(planned->bindAll(store, core::formatIso8601(start), core::formatIso8601(end)).forEachRow([&](const core::Statement& r) {
        auto a = core::parseIso8601(r.text(1));
        auto b = core::parseIso8601(r.text(2));
        if (a.ok() && b.ok()) rows[r.text(0)].planned += clip(*a, *b);
    }));
    // Punches from a day before the period (a shift that began before it) to a day after.
    FD_ASSIGN(auto* punches, m_db.cached("SELECT employee, kind, at FROM punches WHERE store = ? AND at >= ? AND at < ?"
                                         " ORDER BY employee, at, kind DESC"));
    std::string current;
    std::optional<core::TimePoint> in;
    const auto closeOpen = [&](const std::string& employee) {
        if (!in) return;
        auto& row = rows[employee];
        if (now - *in > std::chrono::hours(kMaxShiftHours)) {
            if (*in >= start && *in < end) row.missingOut.push_back(core::formatIso8601(*in));
        } else {
            row.worked += clip(*in, now);
            row.clockedInSince = core::formatIso8601(*in);
        }
        in.reset();
    };
    FD_TRY(punches->bindAll(store, core::formatIso8601(start - std::chrono::hours(24)),
                            core::formatIso8601(end + std::chrono::hours(24)))
               .forEachRow([&](const core::Statement& r) {
                   const std::string employee = r.text(0);
                   if (employee != current) {
                       closeOpen(current);
                       current = employee;
                   }
                   auto at = core::parseIso8601(r.text(2));
                   if (!at.ok()) return;
                   auto& row = rows[employee];
                   if (r.text(1) == "in") {
                       if (in && *in >= start && *in < end) row.missingOut.push_back(core::formatIso8601(*in));
                       in = *at;
                   } else if (in) {
                       row.worked += clip(*in, *at);
                       in.reset();
                   } else if (*at >= start && *at < end) {
                       row.missingIn.push_back(core::formatIso8601(*at));
                   }
               }));
    closeOpen(current);
    json list = json::array();
    for (auto& [employee, row] : rows) {
        const auto name = names.find(employee);
        list.push_back({{"employee", employee},
                        {"name", name == names.end() ? "" : name->second},
                        {"known", name != names.end()},
                        {"planned_minutes", row.planned},
                        {"worked_minutes", row.worked},
                        {"difference_minutes", row.worked - row.planned},
                        {"clocked_in_since", orNull(row.clockedInSince)},
                        {"missing_clock_outs", row.missingOut},
                        {"missing_clock_ins", row.missingIn}});
    }
    return json{{"store", store}, {"from", from}, {"to", to}, {"employees", std::move(list)}};
}

}  // namespace frontdesk::backoffice
