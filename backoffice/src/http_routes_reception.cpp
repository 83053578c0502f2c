// The HTTP API's customer and reception routes (docs/backoffice.md, "Customers" and "Reception").
#include "backoffice/customers.h"
#include "backoffice/reception.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::Result;
using nlohmann::json;

namespace {

CustomerInput customerInput(const Call& c, std::string id) {
    return {std::move(id), c.textOr("name", ""), c.textOr("email", ""), c.textOr("phone", "")};
}

BookingInput bookingInput(const Call& c, std::string store, std::string id) {
    return {std::move(id),           std::move(store),           c.textOr("customer", ""), c.textOr("name", ""),
            c.textOr("resource", ""), c.textOr("starts_at", ""), c.textOr("ends_at", "")};
}

}  // namespace

void receptionRoutes(Router& r) {
    r.route("GET", "/api/v1/customers", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto limit, c.query("limit", 50, 1, 1000));
        return replyOf(Customers(c.db, c.clock).search(c.queryText("q"), static_cast<int>(limit)));
    });
    r.route("POST", "/api/v1/customers", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, Customers(c.db, c.clock).save(customerInput(c, ""), c.user.username));
        return Reply{{{"id", id}}, 201};
    });
    r.route("PUT", "/api/v1/customers/([^/]+)", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, Customers(c.db, c.clock).save(customerInput(c, c.path(1)), c.user.username));
        return Reply{{{"id", id}}};
    });
    r.route("GET", "/api/v1/customers/([^/]+)", Role::Clerk,
            [](Call& c) { return replyOf(Customers(c.db, c.clock).view(c.path(1))); });
    // GDPR article 15 and 17: a manager's decision, each audited.
    r.route("GET", "/api/v1/customers/([^/]+)/export", Role::Manager,
            [](Call& c) { return replyOf(Customers(c.db, c.clock).exportData(c.path(1), c.user.username)); });
    r.route("POST", "/api/v1/customers/([^/]+)/erase", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_TRY(Customers(c.db, c.clock).erase(c.path(1), c.user.username, c.textOr("reason", "")));
        return Reply{{{"id", c.path(1)}, {"erased", true}}};
    });

    r.route("GET", "/api/v1/stores/([^/]+)/members", Role::Clerk,
            [](Call& c) { return replyOf(Reception(c.db, c.clock).members(c.path(1))); });
    // {"customer", "card"?, "valid_until", "status"?}
    r.route("PUT", "/api/v1/stores/([^/]+)/members/([^/]+)", Role::Clerk, [](Call& c) -> Result<Reply> {
        MemberInput m{c.path(2), c.path(1), c.textOr("customer", ""), std::nullopt, c.textOr("valid_until", ""),
                      c.textOr("status", "active")};
        if (c.body.is_object() && c.body.contains("card")) {
            if (!c.body["card"].is_string()) return core::invalidArgument("card: a string is required");
            m.card = c.body["card"].get<std::string>();
        }
        FD_TRY(Reception(c.db, c.clock).saveMember(m, c.user.username));
        return Reply{{{"id", m.id}, {"store", m.store}}};
    });
    r.route("GET", "/api/v1/stores/([^/]+)/bookings", Role::Clerk, [](Call& c) {
        return replyOf(Reception(c.db, c.clock).bookings(c.path(1), c.queryText("from"), c.queryText("to")));
    });
    r.route("POST", "/api/v1/stores/([^/]+)/bookings", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, Reception(c.db, c.clock).book(bookingInput(c, c.path(1), c.textOr("id", "")), c.user.username));
        return Reply{{{"id", id}}, 201};
    });
    r.route("PUT", "/api/v1/stores/([^/]+)/bookings/([^/]+)", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, Reception(c.db, c.clock).book(bookingInput(c, c.path(1), c.path(2)), c.user.username));
        return Reply{{{"id", id}}};
    });
    r.route("POST", "/api/v1/bookings/([^/]+)/cancel", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_TRY(Reception(c.db, c.clock).cancelBooking(c.path(1), c.user.username));
        return Reply{{{"id", c.path(1)}, {"status", "cancelled"}}};
    });
    r.route("GET", "/api/v1/stores/([^/]+)/blocklist", Role::Clerk,
            [](Call& c) { return replyOf(Reception(c.db, c.clock).blockList(c.path(1))); });
    r.route("POST", "/api/v1/stores/([^/]+)/blocklist", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, Reception(c.db, c.clock)
                               .block(c.path(1), c.textOr("name", ""), c.textOr("company", ""), c.textOr("reason", ""),
                                      c.user.username));
        return Reply{{{"id", id}}, 201};
    });
    r.route("DELETE", "/api/v1/blocklist/([0-9]+)", Role::Manager, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto id, c.pathInteger(1, "id"));
        FD_TRY(Reception(c.db, c.clock).unblock(id, c.user.username));
        return Reply{{{"id", id}, {"removed", true}}};
    });
    r.route("GET", "/api/v1/stores/([^/]+)/attendance", Role::Clerk, [](Call& c) {
        return replyOf(Reception(c.db, c.clock).attendance(c.path(1), c.queryText("from"), c.queryText("to")));
    });
}

}  // namespace frontdesk::backoffice
