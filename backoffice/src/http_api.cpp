#include "backoffice/http_api.h"

#include <atomic>
#include <charconv>
#include <thread>

#include "connection_pool.h"
#include "core/log.h"
#include "http_call.h"

namespace frontdesk::backoffice {

using core::ErrorKind;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxBodyBytes = 64u << 20;  // a catalog CSV of a large store

Result<std::int64_t> parseInteger(const std::string& text, const char* field) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return core::invalidArgument(std::string(field) + ": an integer is required");
    }
    return value;
}

int httpStatus(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidArgument:
            return 400;
        case ErrorKind::Unauthenticated:
            return 401;
        case ErrorKind::PermissionDenied:
            return 403;
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::AlreadyExists:
        case ErrorKind::FailedPrecondition:
            return 409;
        case ErrorKind::Locked:
            return 429;
        case ErrorKind::Busy:
        case ErrorKind::Unavailable:
            return 503;
        case ErrorKind::TimedOut:
            return 504;
        default:
            return 500;
    }
}

void writeError(httplib::Response& res, const Status& status) {
    res.status = httpStatus(status.kind());
    if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer realm=\"frontdesk\"");
    res.set_content(json{{"error", status.message()}, {"kind", std::string(core::errorKindName(status.kind()))}}.dump(),
                    "application/json");
}

// "Bearer TOKEN" or "Basic base64(user:password)"; "" when there is neither.
std::string credentials(const httplib::Request& req, const char* scheme) {
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = std::string(scheme) + " ";
    return header.rfind(prefix, 0) == 0 ? header.substr(prefix.size()) : "";
}

Result<std::string> base64Decode(const std::string& text) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        if (c == '=') break;
        const auto index = kAlphabet.find(c);
        if (index == std::string_view::npos) return Status(ErrorKind::Unauthenticated, "malformed Basic credentials");
        bits = (bits << 6) | static_cast<std::uint32_t>(index);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

}  // namespace

Result<std::string> Call::text(const char* field) const {
    if (!body.is_object() || !body.contains(field)) return core::invalidArgument(std::string(field) + ": required");
    const json& value = body[field];
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
        return core::invalidArgument(std::string(field) + ": a non-empty string is required");
    }
    return value.get<std::string>();
}

std::string Call::textOr(const char* field, std::string fallback) const {
    if (body.is_object() && body.contains(field) && body[field].is_string()) return body[field].get<std::string>();
    return fallback;
}

Result<std::int64_t> Call::integer(const char* field) const {
    if (!body.is_object() || !body.contains(field)) return core::invalidArgument(std::string(field) + ": required");
    const json& value = body[field];
    if (!value.is_number_integer()) return core::invalidArgument(std::string(field) + ": an integer is required");
    return value.get<std::int64_t>();
}

Result<std::int64_t> Call::query(const char* name, std::int64_t fallback, std::int64_t min, std::int64_t max) const {
    if (!request.has_param(name)) return fallback;
    FD_ASSIGN(std::int64_t value, parseInteger(request.get_param_value(name), name));
    if (value < min || value > max) {
        return core::invalidArgument(std::string(name) + ": from " + std::to_string(min) + " to " +
                                     std::to_string(max));
    }
    return value;
}

Result<std::int64_t> Call::pathInteger(int n, const char* field) const {
    return parseInteger(path(n), field);
}

std::string Call::queryText(const char* name) const {
    return request.has_param(name) ? request.get_param_value(name) : "";
}

struct HttpApi::Impl final : Router {
    Impl(HttpOptions o, const core::Clock& c) : options(std::move(o)), clock(c), pool(options.dbPath) {}

    HttpOptions options;
    const core::Clock& clock;
    ConnectionPool pool;
    httplib::Server server;
    std::thread listener;
    std::atomic<bool> listenerDone{false};
    int port = 0;

    // Who is calling: Unauthenticated without valid credentials.
    Result<User> caller(Call& call) {
        Users users(call.db, clock, options.auth);
        if (std::string token = credentials(call.request, "Bearer"); !token.empty()) return users.authenticate(token);
        if (std::string basic = credentials(call.request, "Basic"); !basic.empty()) {
            FD_ASSIGN(std::string pair, base64Decode(basic));
            const auto colon = pair.find(':');
            if (colon == std::string::npos) return Status(ErrorKind::Unauthenticated, "malformed Basic credentials");
            FD_ASSIGN(auto session,
                      users.login(pair.substr(0, colon), pair.substr(colon + 1), call.request.remote_addr));
            (void)users.logout(session.token);  // Basic authenticates one request; it keeps no session
            return session.user;
        }
        return Status(ErrorKind::Unauthenticated,
                      "credentials required: Authorization: Bearer TOKEN (POST /api/v1/login)");
    }

    Result<Reply> handle(const httplib::Request& req, std::optional<Role> least, const Handler& handler) {
        FD_ASSIGN(auto lease, pool.acquire());
        Call call{req, lease.db(), clock, options, User{}, json()};
        if (least) {
            FD_ASSIGN(call.user, caller(call));
            if (call.user.role < *least) {
                return Status(ErrorKind::PermissionDenied, "this needs the " + std::string(roleName(*least)) +
                                                               " role; " + call.user.username + " is " +
                                                               std::string(roleName(call.user.role)));
            }
        }
        if (!req.body.empty() && req.get_header_value("Content-Type").rfind("application/json", 0) == 0) {
            call.body = json::parse(req.body, nullptr, false);
            if (call.body.is_discarded()) return core::invalidArgument("body: not valid JSON");
        }
        return handler(call);
    }

    void route(const char* method, const char* pattern, std::optional<Role> least, Handler handler) override {
        auto serve = [this, least, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            auto reply = handle(req, least, handler);
            if (!reply.ok()) return writeError(res, reply.status());
            res.status = reply->status;
            if (reply->body.is_null()) {
                res.set_content(reply->text, reply->contentType);
            } else {
                res.set_content(reply->body.dump(), "application/json");
            }
        };
        const std::string m = method;
        if (m == "GET")
            server.Get(pattern, serve);
        else if (m == "POST")
            server.Post(pattern, serve);
        else if (m == "PUT")
            server.Put(pattern, serve);
        else if (m == "DELETE")
            server.Delete(pattern, serve);
    }
};

Result<std::unique_ptr<HttpApi>> HttpApi::start(HttpOptions options, const core::Clock& clock) {
    // Fails early, with the reason, when the database cannot be opened.
    { FD_ASSIGN(auto db, openBackOfficeDb(options.dbPath, true)); }
    auto impl = std::make_unique<Impl>(std::move(options), clock);
    Impl& s = *impl;
    const int threads = std::max(1, s.options.threads);
    s.server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    s.server.set_payload_max_length(kMaxBodyBytes);
    s.server.set_keep_alive_timeout(2);
    s.server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        core::log::error("http", "request failed", {{"reason", what}});
        writeError(res, Status(ErrorKind::Internal, "the request failed on the server"));
    });
    s.server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404)
            return writeError(res, core::notFound("no such endpoint: " + req.method + " " + req.path));
        if (res.status == 413) return writeError(res, core::invalidArgument("body: larger than the server takes"));
    });
    addRoutes(s);
    s.port = s.options.port == 0 ? s.server.bind_to_any_port(s.options.host)
                                 : (s.server.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1);
    if (s.port <= 0) {
        return Status(ErrorKind::Unavailable,
                      "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port));
    }
    s.listener = std::thread([&s] {
        s.server.listen_after_bind();
        s.listenerDone = true;
    });
    // stop() only stops a server that is already listening: wait until it is (or has failed).
    while (!s.server.is_running() && !s.listenerDone) std::this_thread::yield();
    core::log::info("http", "serving", {{"address", s.options.host + ":" + std::to_string(s.port)}});
    return std::unique_ptr<HttpApi>(new HttpApi(std::move(impl)));
}

HttpApi::HttpApi(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpApi::~HttpApi() {
    stop();
}

int HttpApi::port() const {
    return m_impl->port;
}

void HttpApi::stop() {
    if (!m_impl->listener.joinable()) return;
    m_impl->server.stop();
    m_impl->listener.join();
}

}  // namespace frontdesk::backoffice
