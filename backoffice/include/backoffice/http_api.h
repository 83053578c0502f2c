#pragma once
// The back office's HTTP JSON API under /api/v1 (docs/backoffice.md, "HTTP API"), served by
// `frontdesk-backoffice serve --http HOST:PORT` beside the ingest.
//
// Every endpoint but /api/v1/health needs a user: a bearer token from POST /api/v1/login, or
// HTTP Basic credentials (for scrapers such as Prometheus), both subject to the login lockout.
// Each endpoint names the least role it needs (clerk < manager < admin). Errors are JSON
// {"error": "...", "kind": "..."} with a 4xx status that says whose fault it is: 400 bad input
// (the message names the field), 401 no or bad credentials, 403 role too low, 404 unknown thing,
// 409 state does not allow it, 429 locked out; 5xx only for the server's own trouble.

#include <functional>
#include <memory>
#include <string>

#include "backoffice/users.h"
#include "core/clock.h"
#include "core/status.h"
#include "sync/consumer.h"

namespace frontdesk::backoffice {

// What the API may ask of the running ingest; either may be empty (the API then says so).
struct IngestControl {
    std::function<sync::ConsumerStatus()> status;
    std::function<void(const sync::TerminalAddress&, std::int64_t from)> requestResend;
};

struct HttpOptions {
    std::string dbPath;
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port (see HttpApi::port)
    int threads = 8;
    AuthPolicy auth;
    IngestControl ingest;
};

class HttpApi {
public:
    // Binds host:port and serves on its own threads until stop(). Unavailable when it cannot bind.
    static core::Result<std::unique_ptr<HttpApi>> start(HttpOptions options, const core::Clock& clock);
    ~HttpApi();  // stops
    HttpApi(const HttpApi&) = delete;
    HttpApi& operator=(const HttpApi&) = delete;

    [[nodiscard]] int port() const;
    void stop();

    struct Impl;

private:
    explicit HttpApi(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace frontdesk::backoffice
