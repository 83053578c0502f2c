#pragma once
// What an HTTP API handler works with (private to the back office): the request, a database
// connection leased for the request, the authenticated user, and helpers that turn a body's
// fields and query parameters into values or a 400 naming the field.

#include <functional>
#include <optional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "backoffice/http_api.h"
#include "backoffice/users.h"
#include "core/database.h"

namespace frontdesk::backoffice {

struct Call {
    const httplib::Request& request;
    core::Database& db;
    const core::Clock& clock;
    const HttpOptions& options;
    User user;  // the caller (empty username on public endpoints)
    nlohmann::json body;  // the parsed JSON body (null when there is none)

    // The n-th group of the route's pattern: /api/v1/shifts/([^/]+) -> path(1).
    [[nodiscard]] std::string path(int n) const { return request.matches[n].str(); }
    [[nodiscard]] std::string now() const { return core::formatIso8601(clock.now()); }

    [[nodiscard]] core::Result<std::string> text(const char* field) const;  // required, non-empty
    [[nodiscard]] std::string textOr(const char* field, std::string fallback) const;
    [[nodiscard]] core::Result<std::int64_t> integer(const char* field) const;
    // ?name= as an integer in [min, max], or fallback when absent.
    [[nodiscard]] core::Result<std::int64_t> query(const char* name, std::int64_t fallback, std::int64_t min,
                                                   std::int64_t max) const;
    [[nodiscard]] std::string queryText(const char* name) const;
    // The n-th group of the route's pattern as an integer (the pattern admits digits only).
    [[nodiscard]] core::Result<std::int64_t> pathInteger(int n, const char* field) const;
};

// A handler's answer: the JSON body with its status (200; 201 for something made, 202 for
// something asked of a terminal), or an error Status turned into the matching 4xx/5xx.
struct Reply {
    Reply(nlohmann::json b, int s = 200) : body(std::move(b)), status(s) {}  // NOLINT: implicit by design
    // A body that is not JSON (CSV, metrics).
    static Reply plain(std::string text, std::string contentType) {
        Reply reply(nullptr);
        reply.text = std::move(text);
        reply.contentType = std::move(contentType);
        return reply;
    }

    nlohmann::json body;
    int status = 200;
    std::string contentType = "application/json";
    std::string text;  // served instead of body when the body is null
};

using Handler = std::function<core::Result<Reply>(Call&)>;

// A report's JSON as a 200 reply, or its error.
inline core::Result<Reply> replyOf(core::Result<nlohmann::json> body) {
    if (!body.ok()) return body.status();
    return Reply{std::move(*body)};
}

// Registers a route on the server: the least role it needs (nullopt: public), its method and
// pattern (a regex over the path).
class Router {
public:
    virtual ~Router() = default;
    virtual void route(const char* method, const char* pattern, std::optional<Role> least, Handler handler) = 0;
};

// The API's routes, by area: http_routes.cpp (sessions, users, ingest, accounting, catalog) and
// its siblings, which it calls.
void addRoutes(Router& router);
void staffRoutes(Router& router);
void inventoryRoutes(Router& router);
void receptionRoutes(Router& router);
void reportRoutes(Router& router);

}  // namespace frontdesk::backoffice
