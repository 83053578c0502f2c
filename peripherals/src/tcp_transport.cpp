// Raw TCP to a network printer's port 9100: what Epson, Star and most network receipt printers
// listen on. Two-way: status replies come back on the same connection.

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include "fd_transport.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

// A printer that does not answer a connection within this is offline.
constexpr int kConnectTimeoutMs = 3000;

class TcpTransport final : public FdTransport {
public:
    using FdTransport::FdTransport;

protected:
    core::Result<Fd> connect() override {
        const PrinterAddress& a = where();
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const std::string port = std::to_string(a.port);
        if (const int rc = ::getaddrinfo(a.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
            return unavailable(std::string("host not found: ") + ::gai_strerror(rc));
        }
        std::string reason = "no address";
        for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
            Fd fd(::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol));
            if (fd.get() < 0) continue;
            if (::connect(fd.get(), ai->ai_addr, ai->ai_addrlen) != 0 && errno != EINPROGRESS) {
                reason = std::strerror(errno);
                continue;
            }
            pollfd p{fd.get(), POLLOUT, 0};
            if (::poll(&p, 1, kConnectTimeoutMs) != 1) {
                reason = "no answer within " + std::to_string(kConnectTimeoutMs / 1000) + " s";
                continue;
            }
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                reason = std::strerror(error);
                continue;
            }
            const int one = 1;  // status requests are a few bytes: send them at once
            ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ::freeaddrinfo(found);
            return fd;
        }
        ::freeaddrinfo(found);
        return unavailable(reason);
    }
};

}  // namespace

std::unique_ptr<Transport> makeTcpTransport(const PrinterAddress& address) {
    return std::make_unique<TcpTransport>(address);
}

}  // namespace frontdesk::peripherals
