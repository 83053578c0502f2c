// The HTTP API's staffing routes: employees, the rota, hours (docs/backoffice.md, "Staffing").
#include "backoffice/staff.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

json employeeJson(const Employee& e) {
    return {{"id", e.id},         {"store", e.store},   {"name", e.name},         {"role", e.role},
            {"active", e.active}, {"has_pin", e.hasPin}, {"has_badge", e.hasBadge}, {"updated_at", e.updatedAt}};
}

Result<std::optional<std::string>> optionalText(const Call& c, const char* field) {
    if (!c.body.is_object() || !c.body.contains(field)) return std::optional<std::string>();
    if (!c.body[field].is_string()) return core::invalidArgument(std::string(field) + ": a string is required");
    return std::optional<std::string>(c.body[field].get<std::string>());
}

Staff staffOf(Call& c) { return Staff(c.db, c.clock, c.options.auth.strength); }

}  // namespace

void staffRoutes(Router& r) {
    r.route("GET", "/api/v1/stores/([^/]+)/employees", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto list, staffOf(c).list(c.path(1)));
        json employees = json::array();
        for (const auto& e : list) employees.push_back(employeeJson(e));
        return Reply{{{"store", c.path(1)}, {"employees", employees}}};
    });
    // Adds or changes an employee: {"name", "role", "pin"?, "badge"?, "active"?}.
    r.route("PUT", "/api/v1/stores/([^/]+)/employees/([^/]+)", Role::Manager, [](Call& c) -> Result<Reply> {
        EmployeeChange change;
        change.store = c.path(1);
        change.id = c.path(2);
        FD_ASSIGN(change.name, c.text("name"));
        FD_ASSIGN(change.role, c.text("role"));
        FD_ASSIGN(change.pin, optionalText(c, "pin"));
        FD_ASSIGN(change.badge, optionalText(c, "badge"));
        if (c.body.contains("active")) {
            if (!c.body["active"].is_boolean()) return core::invalidArgument("active: true or false");
            change.active = c.body["active"].get<bool>();
        }
        Staff staff = staffOf(c);
        FD_TRY(staff.save(change, c.user.username));
        FD_ASSIGN(auto list, staff.list(change.store));
        for (const auto& e : list) {
            if (e.id == change.id) return Reply{employeeJson(e)};
        }
        return core::notFound("employee " + change.id);
    });
    r.route("GET", "/api/v1/stores/([^/]+)/rota", Role::Clerk, [](Call& c) -> Result<Reply> {
        return replyOf(staffOf(c).rota(c.path(1), c.queryText("from"), c.queryText("to")));
    });
    r.route("POST", "/api/v1/rota", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(std::string employee, c.text("employee"));
        FD_ASSIGN(std::string startsAt, c.text("starts_at"));
        FD_ASSIGN(std::string endsAt, c.text("ends_at"));
        FD_ASSIGN(auto id, staffOf(c).plan(employee, startsAt, endsAt, c.textOr("note", ""), c.user.username));
        return Reply{{{"id", id}}, 201};
    });
    r.route("DELETE", "/api/v1/rota/([0-9]+)", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, c.pathInteger(1, "id"));
        FD_TRY(staffOf(c).unplan(id, c.user.username));
        return Reply{{{"removed", id}}};
    });
    r.route("GET", "/api/v1/stores/([^/]+)/hours", Role::Clerk, [](Call& c) -> Result<Reply> {
        return replyOf(staffOf(c).hours(c.path(1), c.queryText("from"), c.queryText("to")));
    });
}

}  // namespace frontdesk::backoffice
