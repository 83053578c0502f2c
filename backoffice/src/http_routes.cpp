// The HTTP API's routes (docs/backoffice.md, "HTTP API" lists them with their roles).
#include "backoffice/audit.h"
#include "backoffice/backoffice_db.h"
#include "backoffice/catalog.h"
#include "backoffice/metrics.h"
#include "backoffice/reconciliation.h"
#include "backoffice/reports.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr const char* kId = "([^/]+)";  // one path segment

std::string path(const char* tail) { return std::string("/api/v1") + tail; }

json userJson(const User& u) {
    return {{"username", u.username}, {"role", roleName(u.role)}, {"created_at", u.createdAt}, {"disabled", u.disabled}};
}

void sessionRoutes(Router& r) {
    r.route("GET", "/api/v1/health", std::nullopt, [](Call& c) -> Result<Reply> {
        json health{{"status", "ok"}, {"database", "ok"}};
        if (c.options.ingest.status) health["broker"] = c.options.ingest.status().online ? "connected" : "disconnected";
        return Reply{health};
    });
    r.route("POST", "/api/v1/login", std::nullopt, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(std::string username, c.text("username"));
        FD_ASSIGN(std::string password, c.text("password"));
        Users users(c.db, c.clock, c.options.auth);
        FD_ASSIGN(Session s, users.login(username, password, c.request.remote_addr));
        return Reply{{{"token", s.token}, {"expires_at", s.expiresAt}, {"user", userJson(s.user)}}};
    });
    r.route("POST", "/api/v1/logout", Role::Clerk, [](Call& c) -> Result<Reply> {
        const std::string header = c.request.get_header_value("Authorization");
        Users users(c.db, c.clock, c.options.auth);
        if (header.rfind("Bearer ", 0) == 0) FD_TRY(users.logout(header.substr(7)));
        return Reply{{{"logged_out", c.user.username}}};
    });
    r.route("GET", "/api/v1/me", Role::Clerk, [](Call& c) -> Result<Reply> { return Reply{userJson(c.user)}; });
}

void userRoutes(Router& r) {
    r.route("GET", "/api/v1/users", Role::Admin, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto list, Users(c.db, c.clock, c.options.auth).list());
        json users = json::array();
        for (const auto& u : list) users.push_back(userJson(u));
        return Reply{{{"users", users}}};
    });
    r.route("POST", "/api/v1/users", Role::Admin, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(std::string username, c.text("username"));
        FD_ASSIGN(std::string password, c.text("password"));
        FD_ASSIGN(Role role, parseRole(c.textOr("role", "clerk")));
        FD_TRY(Users(c.db, c.clock, c.options.auth).add(username, password, role, c.user.username));
        return Reply{{{"username", username}, {"role", roleName(role)}}, 201};
    });
    // Users change their own password; an admin anyone's.
    r.route("POST", (path("/users/") + kId + "/password").c_str(), Role::Clerk, [](Call& c) -> Result<Reply> {
        const std::string who = c.path(1);
        if (who != c.user.username && c.user.role < Role::Admin) {
            return core::permissionDenied("only an admin changes another user's password");
        }
        FD_ASSIGN(std::string password, c.text("password"));
        FD_TRY(Users(c.db, c.clock, c.options.auth).setPassword(who, password, c.user.username));
        return Reply{{{"username", who}, {"password", "changed"}}};
    });
    for (bool disable : {true, false}) {
        r.route("POST", (path("/users/") + kId + (disable ? "/disable" : "/enable")).c_str(), Role::Admin,
                [disable](Call& c) -> Result<Reply> {
                    if (disable && c.path(1) == c.user.username) return core::failedPrecondition("admins cannot disable themselves");
                    FD_TRY(Users(c.db, c.clock, c.options.auth).setDisabled(c.path(1), disable, c.user.username));
                    return Reply{{{"username", c.path(1)}, {"disabled", disable}}};
                });
    }
    r.route("GET", "/api/v1/audit", Role::Admin,
            [](Call& c) -> Result<Reply> {
                FD_ASSIGN(auto limit, c.query("limit", 1000, 1, 100000));
                return replyOf(auditReport(c.db, c.queryText("subject"), static_cast<int>(limit)));
            });
}

void ingestRoutes(Router& r) {
    r.route("GET", "/api/v1/terminals", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(json report, terminalsReport(c.db));
        if (c.options.ingest.status) {
            const auto status = c.options.ingest.status();
            for (auto& t : report["terminals"]) {
                auto p = status.terminals.find(t["terminal"].get<std::string>());
                t["online"] = p != status.terminals.end() && p->second.online;
                if (p != status.terminals.end()) t["presence"] = p->second.birth;
            }
        }
        return Reply{report};
    });
    r.route("POST", (path("/terminals/") + kId + "/" + kId + "/resend").c_str(), Role::Manager,
            [](Call& c) -> Result<Reply> {
                FD_ASSIGN(std::int64_t from, c.integer("from"));
                if (from < 1) return core::invalidArgument("from: a seq of 1 or more");
                if (!c.options.ingest.requestResend) return Status(core::ErrorKind::Unavailable, "the ingest is not running here");
                c.options.ingest.requestResend({c.path(1), c.path(2)}, from);
                FD_TRY(audit(c.db, {c.now(), c.user.username, "terminal.resend", c.path(1) + "/" + c.path(2), {{"from", from}}}));
                return Reply{{{"requested", true}, {"from", from}}, 202};
            });
    r.route("GET", (path("/terminals/") + kId + "/" + kId + "/events").c_str(), Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto after, c.query("after_seq", 0, 0, INT64_MAX));
        FD_ASSIGN(auto limit, c.query("limit", 100, 1, 10000));
        return replyOf(eventsReport(c.db, {c.path(1), c.path(2), after, static_cast<int>(limit)}));
    });
    r.route("GET", "/api/v1/dead-letters", Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto limit, c.query("limit", 1000, 1, 100000));
        return replyOf(deadLettersReport(c.db, static_cast<int>(limit)));
    });
    r.route("GET", "/api/v1/metrics", Role::Clerk, [](Call& c) -> Result<Reply> {
        std::optional<sync::ConsumerStatus> status;
        if (c.options.ingest.status) status = c.options.ingest.status();
        FD_ASSIGN(std::string text, prometheusMetrics(c.db, status, c.clock.now()));
        return Reply::plain(std::move(text), "text/plain; version=0.0.4");
    });
}

void accountingRoutes(Router& r) {
    r.route("GET", "/api/v1/trial-balance", Role::Clerk, [](Call& c) { return replyOf(trialBalanceReport(c.db)); });
    r.route("GET", "/api/v1/shifts", Role::Clerk, [](Call& c) { return replyOf(shiftsReport(c.db)); });
    r.route("GET", (path("/shifts/") + kId).c_str(), Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto figures, shiftFigures(c.db, c.path(1)));
        return Reply{figures.toJson()};
    });
    for (bool dispute : {false, true}) {
        r.route("POST", (path("/shifts/") + kId + (dispute ? "/dispute" : "/reconcile")).c_str(), Role::Clerk,
                [dispute](Call& c) -> Result<Reply> {
                    Reconciliation rec{c.path(1), c.user.username, c.textOr("note", ""), c.textOr("override", ""), c.now()};
                    if (dispute && rec.note.empty()) return core::invalidArgument("note: say what is disputed");
                    // Closing a shift over missing events is a manager's decision.
                    if (!rec.overrideReason.empty() && c.user.role < Role::Manager) {
                        return core::permissionDenied("override: only a manager reconciles a shift with missing events");
                    }
                    // The reconciliation record itself says who, when and why.
                    FD_ASSIGN(auto figures, dispute ? disputeShift(c.db, rec) : reconcileShift(c.db, rec));
                    return Reply{figures.toJson()};
                });
    }
}

void catalogRoutes(Router& r) {
    r.route("GET", "/api/v1/stores", Role::Clerk, [](Call& c) { return replyOf(storesReport(c.db)); });
    r.route("GET", (path("/stores/") + kId + "/items").c_str(), Role::Clerk, [](Call& c) -> Result<Reply> {
        FD_ASSIGN(auto limit, c.query("limit", 500, 1, 10000));
        return replyOf(itemsReport(c.db, c.path(1), c.queryText("after"), static_cast<int>(limit)));
    });
    r.route("GET", (path("/stores/") + kId + "/stock/" + kId).c_str(), Role::Clerk,
            [](Call& c) { return replyOf(stockReport(c.db, c.path(1), c.path(2))); });
    // The body is the catalog CSV (Content-Type text/csv); ?version=N as for `catalog import`.
    r.route("POST", (path("/stores/") + kId + "/catalog").c_str(), Role::Manager, [](Call& c) -> Result<Reply> {
        FD_TRY(loadStore(c.db, c.path(1)).status());
        std::optional<std::int64_t> version;
        if (c.request.has_param("version")) {
            FD_ASSIGN(version, c.query("version", 0, 1, INT64_MAX));
        }
        FD_ASSIGN(auto report, importCatalogCsv(c.db, c.path(1), c.request.body, version));
        FD_TRY(audit(c.db, {c.now(), c.user.username, "catalog.import", c.path(1),
                            {{"version", report.version}, {"items", report.items}, {"refused", report.refused.size()}}}));
        return Reply{{{"version", report.version}, {"items", report.items}, {"refused", report.refused}}, 201};
    });
}

}  // namespace

void addRoutes(Router& router) {
    sessionRoutes(router);
    userRoutes(router);
    ingestRoutes(router);
    accountingRoutes(router);
    catalogRoutes(router);
    staffRoutes(router);
    inventoryRoutes(router);
    receptionRoutes(router);
    reportRoutes(router);
}

}  // namespace frontdesk::backoffice
